"""Flags with fixed choices (--only, --unit, -f) take a value in any case, as a person types
it, and answer an unknown one with the closest choice (issue 15, item 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CONFIG
from vbdocs.cli import main

CAMPAIGN = str(CONFIG / "campaign_2024.yaml")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def _manifest(out: Path) -> list[dict[str, str]]:
    documents: list[dict[str, str]] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return documents


def test_a_kind_and_a_format_in_capitals_are_the_kind_and_the_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = run("build", CAMPAIGN, "-o", str(out), "--only", "PLAN", "-f", "PDF,Docx")
    assert code == 0, stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == ["ke-hoach-2024.docx", "ke-hoach-2024.pdf", "manifest.json"]
    assert (out / "ke-hoach-2024.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("written", ["ttr", "Ttr", "TTR"])
def test_a_unit_code_in_any_case_is_the_unit(written: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = run("build", CAMPAIGN, "-o", str(out), "--unit", written, "--only", "report_form")
    assert code == 0, stderr
    assert {e.get("unit") for e in _manifest(out) if e["kind"] == "report_form"} == {"TTR"}
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".docx") == sorted(
        e["path"] for e in _manifest(out) if e["kind"] == "report_form" and e.get("unit") == "TTR")


@pytest.mark.parametrize(("args", "message"), [
    (("--only", "plna"), "unknown kind 'plna'; the kinds are plan, directive_letter, report_form, "
                         "registration_form, calendar, document (did you mean 'plan'?)"),
    (("--only", "REPORT-FORM"), "(did you mean 'report_form'?)"),
    (("-f", "pfd"), "unknown format 'pfd'; the formats are docx, pdf (did you mean 'pdf'?)"),
    (("-f", "odt"), "unknown format 'odt'; the formats are docx, pdf\n"),
    (("--unit", "ttra"), "no unit with the code 'ttra' in the units file; its units are VP, TTR, "),
    (("--unit", "ttra"), " (did you mean 'TTR'?)\n"),
    (("--unit", "cctl_x"), "(did you mean 'CCTL'?)"),
    (("--unit", "zzzz"), "TTKN, TTNS\n"),
])
def test_an_unknown_choice_is_an_error_with_a_suggestion(args: tuple[str, ...], message: str,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = run("build", CAMPAIGN, "-o", str(out), *args)
    assert code == 2
    assert message in stderr
    assert not out.exists()


def test_the_library_matches_as_the_command_does(tmp_path: Path) -> None:
    import vbdocs

    result = vbdocs.build(CAMPAIGN, output=tmp_path, only=["Plan"], formats=["DOCX"])
    assert [d.path.name for d in result.documents] == ["ke-hoach-2024.docx"]
    with pytest.raises(vbdocs.OutputError, match=r"did you mean 'directive_letter'\?"):
        vbdocs.build(CAMPAIGN, output=tmp_path / "x", only=["directive_leter"])
