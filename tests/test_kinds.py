"""Kinds of document in one registry, and a kind added from outside the package (issue 12, item 4)."""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
from tests.conftest import CONFIG
from tests.docx_read import Docx
from vbdocs import kinds
from vbdocs.check import check
from vbdocs.cli import main


@pytest.fixture
def plugin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The plug-in installed: an entry point of the group vbdocs.kinds naming its Kind."""
    point = importlib.metadata.EntryPoint(name="notice", value="tests.plugin_kind:NOTICE",
                                          group=kinds.ENTRY_POINT_GROUP)
    real = importlib.metadata.entry_points

    def entry_points(**selection: str) -> object:
        if selection.get("group") == kinds.ENTRY_POINT_GROUP:
            return [point]
        return real(**selection)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    kinds.reload()
    yield
    monkeypatch.undo()
    kinds.reload()


def test_the_builtin_kinds() -> None:
    assert kinds.names() == ("plan", "directive_letter", "report_form", "registration_form", "calendar", "document")


def test_a_kind_from_a_plugin_is_built_listed_and_selected(plugin: None, tmp_path: Path) -> None:
    assert kinds.names()[-1] == "notice"
    out = tmp_path / "out"
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    notice = [e for e in entries if e["kind"] == "notice"]
    assert [(e["path"], e["type"]) for e in notice] == [("thong-bao-2024.docx", "Thông báo")]
    doc = Docx(out / "thong-bao-2024.docx")
    assert "THÔNG BÁO" in doc.lines() and "- Báo cáo năm: trước ngày 05/10/2024./." in doc.lines()
    assert check(out / "thong-bao-2024.docx").passed
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "only"),
                                       "--only", "notice"])
    assert result.exit_code == 0, result.output
    assert [e["kind"] for e in json.loads((tmp_path / "only" / "manifest.json").read_text())["documents"]] == [
        "notice"]
    listed = CliRunner().invoke(main, ["kinds"]).stdout
    assert "notice" in listed and "a Thông báo of the reports' deadlines (campaign file)" in listed


def test_without_the_plugin_its_kind_is_unknown(tmp_path: Path) -> None:
    with pytest.raises(vbdocs.OutputError, match="unknown kind 'notice'; the kinds are plan, "):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["notice"])


def test_a_kind_registered_in_code_and_names_kept_unique() -> None:
    from tests.plugin_kind import NOTICE

    kinds.register(NOTICE)
    try:
        assert "notice" in kinds.names()
        with pytest.raises(ValueError, match="already registered"):
            kinds.register(NOTICE)
    finally:
        kinds.unregister("notice")
    assert "notice" not in kinds.names()
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(kinds.Kind("plan", "another plan", None))
