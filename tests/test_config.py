"""Validation of campaign and units files: every error located, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit_once
from vbdocs.config import load_config
from vbdocs.errors import ConfigError


def _errors(config: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(config / "campaign_2024.yaml")
    prefix = str(config) + "/"
    return [str(p).removeprefix(prefix) for p in info.value.problems]


def test_the_example_config_is_valid() -> None:
    from tests.conftest import CONFIG

    config = load_config(CONFIG / "campaign_2024.yaml")
    assert config.campaign.campaign.year == 2024
    assert config.person(config.campaign.plan.signer.person) is not None


def test_wrong_type(config_copy: Path) -> None:
    line = edit_once(config_copy / "campaign_2024.yaml", "  year: 2024", "  year: hai nghìn")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:9: campaign.year: must be a whole number"
    ]


def test_typo_in_a_key_suggests_the_right_one(config_copy: Path) -> None:
    line = edit_once(config_copy / "campaign_2024.yaml", "    deadline: 2024-05-10", "    deadlin: 2024-05-10")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line - 3}:5: reports[0].deadline: is required but missing",
        f"campaign_2024.yaml:{line}:5: reports[0].deadlin: unknown key 'deadlin' (did you mean 'deadline'?)",
    ]


def test_impossible_date(config_copy: Path) -> None:
    line = edit_once(config_copy / "campaign_2024.yaml", "deadline: 2024-05-10", "deadline: 2024-02-31")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:15: reports[0].deadline: cannot read this value: day is out of range for month",
    ]


def test_unknown_person(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    line = edit_once(campaign, "\n    person: nguyen_quang_trung", "\n    person: nguyen_quang_trug")
    line += 1  # the edit starts at the newline before the line
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:13: plan.signer.person: no person with the code 'nguyen_quang_trug' "
        "in the units file (did you mean 'nguyen_quang_trung'?)",
    ]


def test_unknown_unit_body_and_report(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    unit_line = edit_once(campaign, "      - unit: VP\n", "      - unit: VPP\n")
    body_line = edit_once(campaign, "      issuer: ttg", "      issuer: tt")
    indent = " " * 12
    report_line = edit_once(campaign, f"{indent}reports: [six_month, annual]", f"{indent}reports: [six_month, yearly]")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{body_line}:15: plan.legal_bases[0].issuer: no body with the code 'tt' "
        "in the units file (did you mean 'ttg'?)",
        f"campaign_2024.yaml:{unit_line}:15: plan.implementation.assignments[0].unit: no unit or group "
        "with the code 'VPP' in the units file (did you mean 'VP'?)",
        f"campaign_2024.yaml:{report_line}:34: plan.implementation.assignments[1].duties[1].reports[1]: "
        "no report with the id 'yearly' in this file's reports (nor a registration form with that id and a deadline)",
    ]


def test_unclosed_emphasis(config_copy: Path) -> None:
    edit_once(config_copy / "campaign_2024.yaml", "xem xét, chỉ đạo.", "xem xét, *chỉ đạo.")
    line = edit_once(config_copy / "campaign_2024.yaml", "  closing: >-", "  closing: >-")
    [message] = _errors(config_copy)
    assert message.startswith(f"campaign_2024.yaml:{line}:12: plan.closing: the italic mark '*' at character ")
    assert message.endswith("is never closed (write \\* for a literal asterisk)")


def test_deadline_outside_the_campaign_year(config_copy: Path) -> None:
    line = edit_once(config_copy / "campaign_2024.yaml", "deadline: 2024-10-05", "deadline: 2025-10-05")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:15: reports[1].deadline: the deadline falls in 2025, "
        "outside the campaign's year 2024",
    ]


def test_control_character(config_copy: Path) -> None:
    line = edit_once(config_copy / "campaign_2024.yaml", "  name: Phong trào", '  name: "Phong\\x07 trào')
    edit_once(config_copy / "campaign_2024.yaml", "“*Dân vận khéo*”\n  year", "“*Dân vận khéo*”\"\n  year")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:9: campaign.name: contains the control character U+0007 at character 6, "
        "which a document cannot hold; delete it",
    ]


def test_missing_signer(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("  signer:\n    person: nguyen_quang_trung\n    authority: KT\n", ""),
                        encoding="utf-8")
    plan_line = text.splitlines().index("plan:") + 1
    assert _errors(config_copy) == [f"campaign_2024.yaml:{plan_line + 2}:3: plan.signer: is required but missing"]


def test_all_errors_of_both_kinds_at_once(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    edit_once(campaign, "  year: 2024", "  year: 2024\n  year: 2025")
    edit_once(campaign, "    period: năm 2024", "    periods: năm 2024")
    errors = _errors(config_copy)
    assert len(errors) == 3
    assert "duplicate key 'year'" in errors[0]
    assert "reports[1].period: is required but missing" in errors[1]
    assert "unknown key 'periods' (did you mean 'period'?)" in errors[2]


def test_units_file_errors_name_the_units_file(config_copy: Path) -> None:
    line = edit_once(config_copy / "units.yaml", "  abbreviation: SNN", "  abbreviation: S N N")
    errors = _errors(config_copy)
    assert errors == [
        f"units.yaml:{line}:17: agency.abbreviation: must be an abbreviation: letters, digits and \".\", "
        "starting with a letter, no spaces",
    ]


def test_missing_units_file(config_copy: Path) -> None:
    (config_copy / "units.yaml").unlink()
    line = edit_once(config_copy / "campaign_2024.yaml", "units: units.yaml", "units: units.yaml")
    assert _errors(config_copy) == [
        f"campaign_2024.yaml:{line}:8: units: the units file {config_copy}/units.yaml does not exist",
    ]


def test_group_member_must_exist(config_copy: Path) -> None:
    line = edit_once(config_copy / "units.yaml", "members: [VP, TTR, KHTC, QLXD]", "members: [VP, TTR, KHTC, QLX]")
    assert _errors(config_copy) == [
        f"units.yaml:{line}:30: groups[1].members[3]: no unit with the code 'QLX' in the units file "
        "(did you mean 'QLXD'?)",
    ]


def test_a_flood_of_problems_is_cut_short(config_copy: Path) -> None:
    """A file with thousands of unknown keys (another program's, or a hostile one) gets
    the first hundred problems and a count of the rest, in linear time."""
    campaign = config_copy / "campaign_2024.yaml"
    extra = "".join(f"k{i}: v\n" for i in range(3000))
    campaign.write_text(campaign.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(campaign)
    problems = info.value.problems
    assert len(problems) == 101
    assert [p.message for p in problems[:2]] == ["unknown key 'k0'", "unknown key 'k1'"]
    assert str(problems[-1]) == f"{campaign}: and 2900 more problems not shown"
