"""Codes that would name the same file are one code: refused where they are written,
before anything is built (issue 10, item 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbdocs
from tests.conftest import edit_once


def _problems(campaign: Path) -> list[str]:
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    return [str(p) for p in info.value.problems]


def test_units_that_differ_only_in_case(config_copy: Path) -> None:
    units = config_copy / "units.yaml"
    edit_once(units, "  - code: TTR\n", "  - code: vp\n    name: Văn phòng 2\n    abbreviation: VP2\n"
          "    kind: office\n    head_title: Chánh Văn phòng\n  - code: TTR\n")
    assert _problems(config_copy / "campaign_2024.yaml") == [
        f"{units}:21:11: units[1].code: the code 'vp' is already used at line 16 as 'VP' "
        "(codes that differ only in case or in \"_\" and \"-\" name the same files)"]


def test_letters_whose_ids_name_one_file(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    letter = text[text.index("  - id: trien-khai-ke-hoach\n"):]
    campaign.write_text(text + letter.replace("id: trien-khai-ke-hoach", "id: Trien_Khai_Ke_Hoach"), encoding="utf-8")
    problems = _problems(campaign)
    assert len(problems) == 1 and problems[0].startswith(f"{campaign}:")
    assert problems[0].endswith("letters[1].id: the id 'Trien_Khai_Ke_Hoach' is used by letters[0] too as "
                                "'trien-khai-ke-hoach' (codes that differ only in case or in \"_\" and \"-\" name "
                                "the same files)")


def test_reports_whose_ids_name_one_file(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    edit_once(campaign, "  - id: annual\n", "  - id: Six-Month\n")
    text = campaign.read_text(encoding="utf-8")
    text = text.replace("reports: [six_month, annual]", "reports: [six_month, Six-Month]")
    campaign.write_text(text, encoding="utf-8")
    problems = _problems(campaign)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "reports[1].id: the id 'Six-Month' is used by reports[0] too as 'six_month' (codes that differ only in case "
        "or in \"_\" and \"-\" name the same files)"]


def test_documents_of_two_kinds_that_would_share_a_file(config_copy: Path, tmp_path: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    edit_once(campaign, "    id: dang-ky-mo-hinh\n", "    id: bao-cao-six-month\n")
    edit_once(campaign, "        reports: [dang-ky-mo-hinh]\n", "        reports: [bao-cao-six-month]\n")
    assert _problems(campaign) == [
        f"{campaign}: the report_form and the registration_form would both be written to "
        "bao-cao-six-month-ttr.docx; give one of them another id"]
    with pytest.raises(vbdocs.ConfigError):
        vbdocs.build(campaign, output=tmp_path / "out")
    assert not (tmp_path / "out").exists()
