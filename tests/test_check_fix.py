"""`vbdocs check FILE --fix OUT.docx` (issue 14, item 5): what is safe to repair is repaired into a
new file, which then passes but for what is left to a person; the text is unchanged word for
word; the original is never touched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.mau_corpus import FILLS, fill
from tests.test_check_corpus import SEEDS, _seeded
from vbdocs.check import CATALOGUE, check
from vbdocs.check.fix import fix
from vbdocs.check.reader import Document
from vbdocs.cli import main

FIXABLE = sorted(rule for rule in SEEDS if CATALOGUE[rule].fix != "none")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("mau")
    return {name: fill(name, out / f"{name}.docx") for name in FILLS}


def test_every_fixable_seed_is_repaired_and_nothing_else_is_touched(filled: dict[str, Path], tmp_path: Path) -> None:
    """Each fixable violation seeded into each filled Mẫu: after --fix it is gone, whatever is left
    is a rule no fix may touch, and the text is the same word for word (a date's zeros aside)."""
    tried = 0
    for name, source in sorted(filled.items()):
        for rule in FIXABLE:
            seeded = _seeded(source, tmp_path / f"{name}-{rule}.docx", SEEDS[rule])
            if seeded is None:
                continue
            tried += 1
            digest = hashlib.sha256(seeded.read_bytes()).hexdigest()
            result = fix(seeded, tmp_path / f"{name}-{rule}-fixed.docx")
            assert hashlib.sha256(seeded.read_bytes()).hexdigest() == digest  # the original untouched
            left = {f.rule for f in result.after.failures}
            assert rule not in left, (name, rule, result.changed)
            assert all(CATALOGUE[r].fix == "none" for r in left), (name, rule, left)
            before, after = _texts(seeded), _texts(result.target)
            if rule == "date.padding":
                before = [t.replace("ngày 5 tháng 03", "ngày 05 tháng 3") for t in before]
            assert before == after, (name, rule)
    assert tried >= 150


def test_a_fixed_file_needs_no_second_fix(filled: dict[str, Path], tmp_path: Path) -> None:
    first = fix(_seeded(filled["M1.2"], tmp_path / "s.docx", SEEDS["page.margins"]) or filled["M1.2"],
                tmp_path / "once.docx")
    assert first.changed and first.after.passed
    assert first.target.stat().st_mode & 0o777 == 0o666 & ~_umask()
    again = fix(first.target, tmp_path / "twice.docx")
    assert again.changed == () and again.after.passed


def test_the_command_writes_a_new_file_and_says_what_it_did(filled: dict[str, Path], tmp_path: Path) -> None:
    seeded = _seeded(filled["M1.5"], tmp_path / "letter.docx", SEEDS["body.indent"])
    assert seeded is not None
    result = CliRunner().invoke(main, ["check", str(seeded), "--fix", str(tmp_path / "fixed.docx")])
    # Mẫu 1.5's own 12/14 pt header is left for a person: no fix may choose between the two sizes
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'fixed.docx'}: fixed body.indent: " in result.stdout
    assert "LEFT header.sizes" in result.stdout
    assert check(tmp_path / "fixed.docx").failures[0].rule == "header.sizes"
    same = CliRunner().invoke(main, ["check", str(seeded), "--fix", str(seeded)])
    assert same.exit_code == 2 and "never overwrites" in same.output
    two = CliRunner().invoke(main, ["check", str(seeded), str(seeded), "--fix", str(tmp_path / "x.docx")])
    assert two.exit_code == 2


def test_a_file_already_there_is_never_replaced(filled: dict[str, Path], tmp_path: Path) -> None:
    """--fix names a new file: a person's file at that name stays as it was, and nothing is left behind."""
    mine = tmp_path / "mine.docx"
    mine.write_bytes(b"a person's file")
    result = CliRunner().invoke(main, ["check", str(filled["M1.2"]), "--fix", str(mine)])
    assert result.exit_code == 2 and "exists" in result.output
    assert mine.read_bytes() == b"a person's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.docx"]
