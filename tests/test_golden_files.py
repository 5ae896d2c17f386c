"""The golden texts are the seed documents, word for word, and live in the repository."""

from __future__ import annotations

import pytest

from tests.conftest import GOLDEN, ROOT

_SEEDS = ROOT.parent / "shared" / "seeds"
_COPIES = {"letter_2023.txt": "000_90f577f6aacd33a3.txt", "plan_2024.txt": "002_c956084417b84a84.txt"}


def test_the_golden_texts_are_in_the_repository() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(_COPIES)


@pytest.mark.parametrize("name", sorted(_COPIES))
def test_a_golden_text_equals_its_seed_where_the_seeds_are(name: str) -> None:
    seed = _SEEDS / _COPIES[name]
    if not seed.exists():  # a clone on its own: the copy is what the tests use
        pytest.skip("../shared/seeds is not beside this clone")
    assert (GOLDEN / name).read_bytes() == seed.read_bytes()
