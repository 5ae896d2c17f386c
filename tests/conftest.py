"""Shared fixtures: the repository's example files, and a copy to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"
GOLDEN = ROOT / "tests" / "golden"
"""The seed documents' text (copies of ../shared/seeds/, so that a clone alone passes)."""


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English, the code's own, whatever the locale of the machine running the tests
    (a Vietnamese one would translate them): a test that wants Vietnamese asks for it (``--lang vi``)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    """A writable copy of config/, for tests that change a file."""
    target = tmp_path / "config"
    shutil.copytree(CONFIG, target)
    return target


def without_warnings(stderr: str) -> str:
    """What a command printed on stderr but its warnings (the 2024 campaign has a deadline
    on a Saturday, which every build of it reports: see tests/test_warnings.py)."""
    return "".join(line for line in stderr.splitlines(keepends=True) if " warning: " not in line)


def edit_once(path: Path, old: str, new: str) -> int:
    """Replace ``old``, which the file must hold exactly once; return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line
