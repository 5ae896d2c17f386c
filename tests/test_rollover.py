"""Next year's campaign from this year's: a readable edit that validates and builds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
from tests.conftest import CONFIG
from vbdocs.cli import main
from vbdocs.errors import ConfigError, OutputError
from vbdocs.rollover import new_campaign


@pytest.fixture
def rolled(config_copy: Path) -> Path:
    new_campaign(config_copy / "campaign_2024.yaml", year=2025, output=config_copy / "campaign_2025.yaml")
    return config_copy / "campaign_2025.yaml"


def test_the_new_campaign_builds_into_a_2025_set(rolled: Path, tmp_path: Path) -> None:
    result = vbdocs.build(rolled, output=tmp_path / "out")
    kinds = [d.kind for d in result.documents]
    assert kinds[:2] == ["plan", "directive_letter"] and kinds.count("report_form") == 22
    assert result.documents[0].path.name == "ke-hoach-2025.docx"
    forms = {(d.period, d.deadline) for d in result.documents if d.kind == "report_form"}
    assert forms == {("6 tháng đầu năm 2025", dt.date(2025, 5, 10)), ("năm 2025", dt.date(2025, 10, 5))}


def test_comments_order_and_untouched_lines_are_kept(config_copy: Path, rolled: Path) -> None:
    old = (config_copy / "campaign_2024.yaml").read_text(encoding="utf-8").splitlines()
    new = rolled.read_text(encoding="utf-8").splitlines()
    assert len(old) == len(new), "an edit in place, line for line"
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert all(a.replace("2024", "2025") == b for a, b in changed), "only the year moves on in these lines"
    assert all(line.replace("2024", "2025") in new for line in old if line.lstrip().startswith("#"))
    assert new[2].startswith('# The 2025 "Dân vận khéo" campaign')
    assert 15 <= len(changed) <= 40


def test_legal_bases_are_kept_and_issue_is_cleared(config_copy: Path, rolled: Path) -> None:
    old = vbdocs.load(config_copy / "campaign_2024.yaml").campaign
    new = vbdocs.load(rolled).campaign
    assert old.plan is not None and new.plan is not None
    assert new.plan.legal_bases == old.plan.legal_bases
    assert new.campaign.year == 2025
    assert new.plan.number is None and new.plan.date is None
    assert all(letter.number is None and letter.date is None for letter in new.letters)


def test_an_issued_plan_is_cited_by_next_years_plan(config_copy: Path) -> None:
    source = config_copy / "campaign_2024.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("  number:\n  date:\n", "  number: 25\n  date: 2024-03-05\n", 1), encoding="utf-8")
    result = new_campaign(source, year=2025, output=config_copy / "campaign_2025.yaml")
    plan = vbdocs.load(result.path).campaign.plan
    assert plan is not None and plan.number is None
    cited = plan.legal_bases[-1]
    assert (cited.type, cited.number, cited.date, cited.issuer) == ("Kế hoạch", "25/KH-SNN", dt.date(2024, 3, 5), "snn")
    assert cited.subject == "thực hiện phong trào thi đua “Dân vận khéo” năm 2024"


def test_documents_cited_in_prose_are_quoted_word_for_word(config_copy: Path, rolled: Path) -> None:
    """A cited document's number, date and words are facts about the past (issue 11, item 1)."""
    new = vbdocs.load(rolled).campaign
    assert new.plan is not None
    item = new.plan.sections[1].items[5].text
    assert ("Quyết định số 1108/QĐ-SNNPTNT ngày 19/12/2023 Ban hành Kế hoạch cải cách hành chính năm 2024 của Sở "
            "Nông nghiệp và Phát triển nông thôn. Nâng cao") in item
    assert "đội ngũ công chức" in item


def test_review_list(config_copy: Path) -> None:
    result = new_campaign(config_copy / "campaign_2024.yaml", year=2025, output=config_copy / "c.yaml")
    review = "\n".join(result.review)
    assert "reports[0].deadline: 10/5/2025 falls on Thứ Bảy; move it to a working day?" in review
    assert "reports[1].deadline: 05/10/2025 falls on Chủ nhật; move it to a working day?" in review
    assert "plan.sections[1].items[5].text: mentions" not in review, "its years are those of the document it cites"
    assert ("plan.sections[1].items[5].text: cites số 1108/QĐ-SNNPTNT ngày 19/12/2023, kept word for word; "
            "check whether 2025 should cite another document") in review
    assert "plan.legal_bases[4]: Kế hoạch 43/KH-UBND is a document of 2024; cite its 2025 successor" in review
    assert "the 2024 plan has no number or date yet" in review
    assert "check that these bodies keep their names in 2025" in review and "Ban Dân vận Tỉnh ủy Bình Thuận" in review


def test_theme_of_the_year_is_flagged(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    example = tmp_path / "campaign_2023.yaml"
    example.write_text((ROOT / "examples" / "campaign_2023.yaml").read_text(encoding="utf-8")
                       .replace("../config/units.yaml", str(CONFIG / "units.yaml")), encoding="utf-8")
    result = new_campaign(example, year=2024, output=tmp_path / "campaign_2024.yaml")
    assert "letters[0].instructions[0]: names a theme of the year; check it for 2024" in result.review


def test_wrong_year_and_existing_output_are_refused(config_copy: Path) -> None:
    source = config_copy / "campaign_2024.yaml"
    with pytest.raises(ConfigError, match="a new campaign follows it in 2025, not 2026"):
        new_campaign(source, year=2026, output=config_copy / "x.yaml")
    (config_copy / "x.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="exists; pass --force"):
        new_campaign(source, year=2025, output=config_copy / "x.yaml")
    assert (config_copy / "x.yaml").read_text(encoding="utf-8") == "mine"


def _year_2100(config_copy: Path) -> Path:
    source = config_copy / "campaign_2024.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("2024", "2100").replace("2023", "2099"),
                      encoding="utf-8")
    vbdocs.validate(source)
    return source


@pytest.mark.parametrize("target", ["campaign_2024.yaml", "units.yaml"])
def test_the_source_and_its_units_file_are_never_replaced(config_copy: Path, target: str) -> None:
    source = _year_2100(config_copy)
    before = {p.name: p.read_bytes() for p in config_copy.iterdir()}
    for year in (2101, 2102):
        with pytest.raises((OutputError, ConfigError)):
            new_campaign(source, year=year, output=config_copy / target, overwrite=True)
    result = CliRunner().invoke(main, ["new-campaign", str(source), "--year", "2101", "-o", str(config_copy / target),
                                       "--force"])
    assert result.exit_code == 2 and "write the new campaign to a file of its own" in result.stderr
    assert {p.name: p.read_bytes() for p in config_copy.iterdir()} == before


def test_an_invalid_new_campaign_leaves_the_old_file(config_copy: Path) -> None:
    source = _year_2100(config_copy)
    target = config_copy / "next.yaml"
    target.write_text("# last year's draft, kept\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        new_campaign(source, year=2101, output=target, overwrite=True)
    assert info.value.problems[0].file == str(target), "errors name the file asked for, not a temporary one"
    assert "campaign.year: must be at most 2100" in str(info.value)
    assert target.read_text(encoding="utf-8") == "# last year's draft, kept\n"
    assert sorted(p.name for p in config_copy.iterdir()) == ["campaign_2024.yaml", "next.yaml", "units.yaml"]


def test_a_replaced_file_keeps_its_mode_and_a_link_is_written_through(config_copy: Path, tmp_path: Path) -> None:
    import os

    source = config_copy / "campaign_2024.yaml"
    target = config_copy / "campaign_2025.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    new_campaign(source, year=2025, output=link, overwrite=True)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert vbdocs.load(target).campaign.campaign.year == 2025


def test_cli(config_copy: Path) -> None:
    target = config_copy / "campaign_2025.yaml"
    result = CliRunner().invoke(main, ["new-campaign", str(config_copy / "campaign_2024.yaml"), "--year", "2025",
                                       "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {target} (valid); to review before building:\n  - ")
    assert target.read_text(encoding="utf-8").count("units: units.yaml") == 1


def test_new_campaign_prints_its_review_list_and_no_warning(config_copy: Path) -> None:
    """Weekend deadlines of the new campaign are in its review list; no warning names the
    temporary file it is validated in, nor last year's campaign."""
    result = CliRunner().invoke(main, ["new-campaign", str(config_copy / "campaign_2024.yaml"), "--year", "2025",
                                       "-o", str(config_copy / "campaign_2025.yaml")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "reports[1].deadline: 05/10/2025 falls on Chủ nhật" in result.stdout
