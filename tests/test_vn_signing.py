"""Signing prefixes: TM., KT., Q., TL., TUQ. (Phụ lục I, II.7.b)."""

import pytest

from vbdocs.vn.signing import Authority, signature_titles


@pytest.mark.parametrize(
    ("authority", "titles"),
    [
        (Authority.OWN, ["GIÁM ĐỐC"]),
        (Authority.KT, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        (Authority.Q, ["Q. GIÁM ĐỐC"]),
        (Authority.TL, ["TL. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        (Authority.TUQ, ["TUQ. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ],
)
def test_titles(authority: Authority, titles: list[str]) -> None:
    signer = "Giám đốc" if authority is Authority.OWN else "Phó Giám đốc"
    assert signature_titles(authority, signer_title=signer, head_title="Giám đốc") == titles


def test_tm_speaks_for_the_collective() -> None:
    titles = signature_titles(Authority.TM, signer_title="Chủ tịch", head_title="Chủ tịch",
                              collective="Ủy ban nhân dân")
    assert titles == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_tm_without_collective_is_refused() -> None:
    with pytest.raises(ValueError, match="collective"):
        signature_titles(Authority.TM, signer_title="Chủ tịch", head_title="Chủ tịch")
