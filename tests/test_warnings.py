"""What a person must review before documents go out: located warnings, and --strict
to make them errors in CI (issue 11: the warning channel)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
from tests.conftest import CONFIG
from vbdocs.cli import main
from vbdocs.errors import VbdocsWarning
from vbdocs.pdf import substituted_typeface

_SATURDAY_LINE = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8").splitlines().index(
    "    deadline: 2024-10-05") + 1
_SATURDAY = (f"{CONFIG / 'campaign_2024.yaml'}:{_SATURDAY_LINE}:15: reports[1].deadline: warning: "
             "05/10/2024 falls on Thứ Bảy: "
             "\"trước ngày 05/10/2024\" gives units until Thứ Sáu 04/10/2024; is that the day meant?")


def test_a_deadline_on_a_weekend_is_a_located_warning() -> None:
    with pytest.warns(VbdocsWarning) as caught:
        vbdocs.validate(CONFIG / "campaign_2024.yaml")
    assert [str(w.message) for w in caught] == [_SATURDAY]
    problem = caught[0].message.problem  # type: ignore[union-attr]
    assert (problem.line, problem.column, problem.path) == (_SATURDAY_LINE, 15, "reports[1].deadline")


def test_the_cli_prints_warnings_and_strict_makes_them_errors(tmp_path: Path) -> None:
    campaign = str(CONFIG / "campaign_2024.yaml")
    result = CliRunner().invoke(main, ["validate", campaign])
    assert (result.exit_code, result.stderr) == (0, _SATURDAY + "\n")
    result = CliRunner().invoke(main, ["build", campaign, "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 2
    assert result.stderr == _SATURDAY + " (an error with --strict; nothing was written)\n"
    assert not (tmp_path / "out").exists()


def test_a_campaign_without_anything_to_review_gives_no_warning(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("deadline: 2024-10-05", "deadline: 2024-10-04"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", VbdocsWarning)
        vbdocs.validate(campaign)
    result = CliRunner().invoke(main, ["validate", "--strict", str(campaign)])
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize(("fonts", "stand_in"), [
    (b"/BaseFont /BAAAAA+LiberationSerif /BaseFont /CAAAAA+LiberationSerif-Bold", "Liberation Serif"),
    (b"/BaseFont/DejaVuSerif-Italic", "DejaVu Serif"),
    (b"/BaseFont /BAAAAA+TimesNewRomanPSMT /BaseFont /CAAAAA+LiberationSerif", None),
    (b"/BaseFont /BAAAAA+TimesNewRoman,Bold", None),
    (b"/BaseFont /BAAAAA+LiberationSans", None),
])
def test_the_typeface_set_in_place_of_times_new_roman(fonts: bytes, stand_in: str | None) -> None:
    assert substituted_typeface(b"%PDF-1.6 " + fonts) == stand_in


def test_a_pdf_build_says_when_times_new_roman_was_replaced(tmp_path: Path) -> None:
    """On this machine or any other: the warning is given exactly when the PDF's fonts show it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", VbdocsWarning)
        result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["plan"], formats=["pdf"])
    stand_in = substituted_typeface(result.documents[0].path.read_bytes())
    typeface = [str(w.message) for w in caught if "Times New Roman" in str(w.message)]
    if stand_in is None:
        assert typeface == []
    else:
        assert typeface == [
            f"ke-hoach-2024.pdf: warning: Times New Roman, the typeface of Decree 30 (PL I, I.4), is not installed "
            f"for LibreOffice: the PDFs are set in {stand_in}, which has its widths but other letterforms; install "
            "Times New Roman (see the README) before they go out"]
