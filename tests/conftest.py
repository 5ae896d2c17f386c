"""Shared fixtures: the repository's example files, and a copy to break on purpose."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
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


def rewritten(source: Path, target: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """A copy of the .docx (or any zip) ``source`` at ``target``, each part passed through
    ``edit(name, data)``: the way tests break a document on purpose."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, edit(item.filename, src.read(item.filename)))
    return target


def replaced(part: str | tuple[str, ...], old: bytes, new: bytes, *,
             once: bool = False) -> Callable[[str, bytes], bytes]:
    """An edit for :func:`rewritten`: ``old`` made ``new`` in the named part(s) (exactly once
    in it, with ``once``)."""
    parts = (part,) if isinstance(part, str) else part

    def edit(name: str, data: bytes) -> bytes:
        if name not in parts:
            return data
        assert not once or data.count(old) == 1, (name, old)
        return data.replace(old, new)

    return edit


@pytest.fixture(scope="session")
def built_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 plan as vbdocs builds it (built once for the session: do not change it)."""
    import vbdocs

    out = tmp_path_factory.mktemp("plan")
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, only=["plan"])
    return out / "ke-hoach-2024.docx"
