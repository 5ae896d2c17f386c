"""Footnotes wherever the markup is allowed, located errors where it is not, and never a
document that refers to a footnote it does not hold (issue 10, item 7)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import replaced, rewritten

_NOTE = "Theo Quyết định số 1108/QĐ-SNNPTNT."

#: Markup values of the plan a footnote may follow, by the text they start with.
_BODY_PLACES = {
    "plan.sections[0].items[0]": "          nhiệm vụ phát triển kinh tế - xã hội tỉnh nhà.",
    "plan.sections[1].items[0].text":  # a khoản the report forms quote (its heading taken away below)
        "            cấp trong tình hình mới; đẩy mạnh xây dựng các mô hình “*Dân vận khéo*” thiết thực.",
    "plan.implementation.assignments[0].duties[0]":
        "            khéo” năm 2024 đến các phòng, cơ quan, đơn vị trực thuộc Sở.",
    "plan.closing": "    về Sở (*qua Văn phòng Sở*) để tổng hợp đề xuất Lãnh đạo Sở xem xét, chỉ đạo.",
    "plan.legal_bases[1].subject": "      subject: đẩy mạnh và nâng cao hiệu quả phong trào thi đua “*Dân vận khéo*”",
    "plan.opening": "  opening: >-",
}


def _line_of(campaign: Path, place: str) -> str:
    """The line of the campaign file the footnote mark goes at the end of."""
    line = _BODY_PLACES[place]
    if place == "plan.opening":  # a folded value: the mark goes at the end of its last line
        text = campaign.read_text(encoding="utf-8")
        start = text.index(line + "\n") + len(line) + 1
        line = text[start:text.index("\n\n", start)].splitlines()[-1]
    return line


def _mark(campaign: Path, line: str, *, note: bool) -> None:
    text = campaign.read_text(encoding="utf-8")
    assert text.count(line + "\n") == 1, line
    text = text.replace(line + "\n", line + "[^qd]\n")
    # without its short heading, the first khoản of the reported mục is quoted whole by the forms
    heading = "        - heading: Quán triệt, triển khai các chỉ thị, văn bản chỉ đạo về công tác dân vận\n"
    assert heading in text
    text = text.replace(heading, "        - reported: true\n", 1)
    if note:
        text = text.replace("\n  signer:\n", f"\n  footnotes:\n    qd: {_NOTE}\n  signer:\n", 1)
    campaign.write_text(text, encoding="utf-8")


def _dangling(path: Path) -> list[str]:
    """Ids of footnote references with no footnote in the document."""
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
        notes = archive.read("word/footnotes.xml").decode() if "word/footnotes.xml" in archive.namelist() else ""
    have = set(re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', notes))
    return [i for i in re.findall(r'<w:footnoteReference w:id="(-?\d+)"', body) if i not in have]


@pytest.mark.parametrize("place", sorted(_BODY_PLACES))
def test_a_footnote_in_the_plans_body(config_copy: Path, tmp_path: Path, place: str) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    _mark(campaign, _line_of(campaign, place), note=True)
    result = vbdocs.build(campaign, output=tmp_path / "out")
    from tests.docx_read import Docx

    plan = result.documents[0]
    assert plan.kind == "plan"
    assert [p.text for p in Docx(plan.path).footnotes().values()] == [f" {_NOTE}"]
    assert all(not _dangling(d.path) for d in result.documents if d.path.suffix == ".docx"), \
        "a form quoting a khoản of the plan leaves its footnote behind"


@pytest.mark.parametrize("place", sorted(_BODY_PLACES))
def test_a_footnote_without_its_text_is_a_located_error(config_copy: Path, place: str) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    _mark(campaign, _line_of(campaign, place), note=False)
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    assert [(p.path, p.message) for p in info.value.problems] == [
        (place, "the footnote [^qd] has no text under footnotes")]
    assert info.value.problems[0].line > 0


@pytest.mark.parametrize(("place", "line"), [
    ("plan.subject", "  subject: Thực hiện phong trào thi đua “Dân vận khéo” năm 2024"),
    ("forms.registration.action",
     '    action: "đăng ký xây dựng, nhân rộng mô hình “*Dân vận khéo*” năm 2024 như sau:"'),
    ("campaign.name", "  name: Phong trào thi đua “*Dân vận khéo*”"),
    ("reports[0].subject", "    subject: Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2024"),
])
def test_a_footnote_where_none_can_be_is_a_located_error(config_copy: Path, place: str, line: str) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    assert text.count(line + "\n") == 1
    marked = line[:-1] + '[^qd]"' if line.endswith('"') else line + "[^qd]"
    campaign.write_text(text.replace(line + "\n", marked + "\n"), encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    problems = [(p.path, p.message) for p in info.value.problems]
    assert (place, "a footnote ([^qd]) cannot stand in this text: it is printed where no footnote can be "
            "(a title, a name or a form); put it in the body") in problems
    assert all(p.line > 0 for p in info.value.problems)


def test_a_footnote_name_is_short_and_plain(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    name = "x" * 41
    campaign.write_text(text.replace("\n  signer:\n", f"\n  footnotes:\n    {name}: Ghi chú.\n  signer:\n", 1),
                        encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    assert [(p.path, p.message) for p in info.value.problems] == [(
        f"plan.footnotes['{name[:39]}…']",  # a long key is quoted short
        "must be a footnote name: up to 40 letters, digits, \"_\" and \"-\", as [^name] refers to it")]


def test_the_checker_refuses_a_document_that_refers_to_a_missing_footnote(tmp_path: Path) -> None:
    """What vbdocs once wrote (a reference to footnote 2 of a document holding one) is a
    damaged file: `vbdocs check` says so with exit 2 instead of passing it."""
    from click.testing import CliRunner

    from tests.conftest import ROOT
    from vbdocs.cli import main

    letter = vbdocs.build(ROOT / "examples" / "campaign_2023.yaml", output=tmp_path / "out").documents[0].path
    assert CliRunner().invoke(main, ["check", str(letter)]).exit_code == 0
    broken = rewritten(letter, tmp_path / "broken.docx", replaced(
        "word/document.xml", b'<w:footnoteReference w:id="1"/>', b'<w:footnoteReference w:id="2"/>', once=True))
    result = CliRunner().invoke(main, ["check", str(broken)])
    assert result.exit_code == 2
    assert result.stderr == (f"{broken}: cannot be read: the text refers to footnote 2, which the document does not "
                             "hold (Word calls the file damaged; LibreOffice cannot load it)\n")
