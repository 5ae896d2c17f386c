"""Directive letters (Công văn, Mẫu 1.5): the seed letter reproduced, real footnotes,
Kính gửi forms, drafts and issued letters, and the 2024 letter sent with the plan."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import vbdocs
from tests.conftest import CONFIG, GOLDEN, ROOT
from tests.docx_read import NS, Docx, q
from tests.test_plan_text import seed_lines

SEED_LETTER = GOLDEN / "letter_2023.txt"
EXAMPLE = ROOT / "examples" / "campaign_2023.yaml"


@pytest.fixture(scope="module")
def letter_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = vbdocs.build(EXAMPLE, output=tmp_path_factory.mktemp("out"))
    [doc] = result.documents
    assert doc.kind == "directive_letter"
    return doc.path


@pytest.fixture(scope="module")
def letter(letter_path: Path) -> Docx:
    return Docx(letter_path)


def _squeeze(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def test_letter_reproduces_the_seed_with_its_footnote(letter: Docx) -> None:
    lines = []
    for p in letter.paragraphs():
        text = p.markup() if p.style in ("VBBody", "VBClosing") else p.text
        lines.extend(line for line in text.split("\n") if line.strip())
    notes = letter.footnotes()
    assert list(notes) == [1]
    lines.append("[^1] " + notes[1].markup().strip())
    start = next(i for i, line in enumerate(lines) if line.startswith("Số:"))
    # The seed's conversion lost the header above "Số:", squeezed the draft's blanks
    # and printed the footnote mark as "¹".
    expected = [line.replace("¹", "[^1]") for line in seed_lines(SEED_LETTER)]
    assert [_squeeze(line) for line in lines[start:]] == expected


def test_footnote_is_a_real_word_footnote(letter_path: Path) -> None:
    with zipfile.ZipFile(letter_path) as z:
        names = z.namelist()
        document = etree.fromstring(z.read("word/document.xml"))
        footnotes = etree.fromstring(z.read("word/footnotes.xml"))
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        settings = etree.fromstring(z.read("word/settings.xml"))
    assert len(names) == len(set(names)), "no part may be stored twice (docProps/core.xml included)"
    refs = document.findall(".//w:footnoteReference", NS)
    assert [r.get(q("w:id")) for r in refs] == ["1"]
    ids = [(n.get(q("w:type")), n.get(q("w:id"))) for n in footnotes.findall("w:footnote", NS)]
    assert ids == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1")]
    assert footnotes.find("w:footnote[@w:id='1']//w:footnoteRef", NS) is not None
    assert types.count("footnotes+xml") == 1 and rels.count("/footnotes") == 1
    assert settings.find("w:footnotePr", NS) is not None
    assert "¹" not in etree.tostring(document, encoding="unicode"), "no typed superscript"


def test_footnote_text_follows_the_body_rules(letter: Docx) -> None:
    note = letter.footnotes()[1]
    assert note.style == "FootnoteText"
    assert note.text.startswith(" Nghị quyết số 05-NQ/TU, ngày 10/9/2021 về “Phát triển ngành nông nghiệp")


def test_letter_header(letter: Docx) -> None:
    number = letter.find("Số:")
    subject = letter.find("V/v ")
    assert number.cell == subject.cell == (0, 1, 0), "V/v stands in the left column, under the number"
    assert number.text == "Số:     /SNN-VP"
    assert subject.text == "V/v tiếp tục đẩy mạnh phong trào\nthi đua “Dân vận khéo”"
    assert 12 <= letter.size(subject) <= 13 and not letter.bold(subject) and not letter.italic(subject)
    assert letter.alignment(subject) == "center"
    spacing = subject.element.getparent()
    assert spacing is not None
    style = letter._chain(subject.style)[0]
    assert int(style.find("w:pPr/w:spacing", NS).get(q("w:before"))) >= 120, "6 pt below the number"
    date = letter.find("Bình Thuận, ngày")
    assert date.text == "Bình Thuận, ngày     tháng     năm 2023"


def test_kinh_gui_with_several_addressees(letter: Docx) -> None:
    label = letter.find("Kính gửi:")
    assert label.text == "Kính gửi:"
    following = label.element.itersiblings()
    items = [letter._para(next(following), None).text for _ in range(2)]
    assert items == ["- Các phòng chuyên môn Sở;", "- Các đơn vị trực thuộc."]


def test_recipients_start_as_above_and_signer_signs_for_self(letter: Docx) -> None:
    items = [p.text for p in letter.paragraphs() if p.style == "VBRecipients"]
    assert items == ["- Như trên;", "- Ban Dân vận Tỉnh ủy;", "- Đảng ủy Sở;", "- Giám đốc, các PGĐ Sở;",
                     "- Lưu: VT, VP.Tiền."]
    assert letter.find("GIÁM ĐỐC").text == "GIÁM ĐỐC"
    assert letter.find("Mai Kiều").cell == letter.find("GIÁM ĐỐC").cell


def test_last_instruction_ends_the_letter(letter: Docx) -> None:
    closing = [p for p in letter.paragraphs() if p.style == "VBClosing"]
    assert len(closing) == 1 and closing[0].text.endswith("cho Giám đốc Sở theo dõi, chỉ đạo./.")


def _letter_yaml(tmp_path: Path, edit: str, replacement: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace("../config/units.yaml", str(CONFIG / "units.yaml"))
    assert edit in text
    path = tmp_path / "campaign.yaml"
    path.write_text(text.replace(edit, replacement), encoding="utf-8")
    return path


def test_issued_letter_has_number_and_date(tmp_path: Path) -> None:
    path = _letter_yaml(tmp_path, "    number:\n    date:\n", "    number: 3870\n    date: 2023-03-09\n")
    doc = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path)
    assert doc.find("Số:").text == "Số: 3870/SNN-VP"
    assert doc.find("Bình Thuận").text == "Bình Thuận, ngày 09 tháng 3 năm 2023"


def test_one_addressee_stands_on_the_line_of_kinh_gui(tmp_path: Path) -> None:
    path = _letter_yaml(tmp_path, "      - to: PHONG_CM\n      - to: DON_VI\n", "      - to: ubnd_tinh\n        label: "
                        "Ủy ban nhân dân tỉnh Bình Thuận\n")
    doc = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path)
    label = doc.find("Kính gửi")
    assert label.text == "Kính gửi: Ủy ban nhân dân tỉnh Bình Thuận"
    assert not [p for p in doc.paragraphs() if p.style == "VBAddressee" and p.text]


def test_an_unknown_footnote_is_a_located_error(tmp_path: Path) -> None:
    path = _letter_yaml(tmp_path, "(khóa XIV)[^nghi-quyet].", "(khóa XIV)[^nghi-quyets].")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    messages = [f"{p.path}: {p.message}" for p in info.value.problems]
    assert messages == [
        "letters[0].instructions[1]: the footnote [^nghi-quyets] has no text under footnotes",
        "letters[0].footnotes.nghi-quyet: the footnote 'nghi-quyet' is never referenced ([^nghi-quyet])",
    ]
    assert all(p.line > 0 for p in info.value.problems)


def test_the_2024_set_has_a_plan_and_a_letter(tmp_path: Path) -> None:
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path, only=["plan", "directive_letter"])
    assert [d.kind for d in result.documents] == ["plan", "directive_letter"]
    letter = Docx(result.documents[1].path)
    opening = letter.find("Thực hiện Kế hoạch")
    assert opening.text.startswith(
        "Thực hiện Kế hoạch số      /KH-SNN ngày      của Sở Nông nghiệp và Phát triển nông thôn về thực hiện "
        "phong trào thi đua “Dân vận khéo” năm 2024; Giám đốc Sở"
    )
    deadlines = letter.find("3. Báo cáo kết quả")
    assert deadlines.markup().endswith(
        "báo cáo 6 tháng **trước ngày 10/5/2024** và báo cáo năm **trước ngày 05/10/2024**."
    )


def test_the_2024_letter_cites_the_issued_plan_by_number_and_date(tmp_path: Path, config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("  number:\n  date:\n", "  number: 25\n  date: 2024-03-05\n", 1),
                        encoding="utf-8")
    result = vbdocs.build(campaign, output=tmp_path / "out", only=["plan", "directive_letter"])
    plan, letter = (Docx(d.path) for d in result.documents)
    assert plan.find("Số:").text == "Số: 25/KH-SNN"
    assert plan.find("Bình Thuận").text == "Bình Thuận, ngày 05 tháng 3 năm 2024"
    assert letter.find("Thực hiện Kế hoạch").text.startswith(
        "Thực hiện Kế hoạch số 25/KH-SNN ngày 05/3/2024 của Sở Nông nghiệp và Phát triển nông thôn về thực hiện"
    )


def test_the_letter_and_forms_cite_a_draft_plan_with_blanks(tmp_path: Path) -> None:
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out")
    cited = "Thực hiện Kế hoạch số      /KH-SNN ngày      của Sở Nông nghiệp và Phát triển nông thôn về thực hiện"
    for document in result.documents:
        if document.kind in ("directive_letter", "report_form", "registration_form"):
            assert Docx(document.path).find("Thực hiện Kế hoạch").text.startswith(cited), document.path.name


def test_a_letter_dated_before_the_plan_it_cites_is_refused(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    text = text.replace("  number:\n  date:\n", "  number: 25\n  date: 2024-03-05\n", 1)
    text = text.replace("    number:\n    date:\n    drafting_unit: VP", "    number: 30\n    date: 2024-03-01\n"
                        "    drafting_unit: VP", 1)
    campaign.write_text(text, encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("letters[0].date", "the letter is dated 01/3/2024, before the plan it cites (05/3/2024)")]


def test_the_2024_letter_says_the_forms_are_attached(tmp_path: Path) -> None:
    """PL I, III.1.a: a letter sent with forms says so where it asks for them."""
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["directive_letter"])
    letter = Docx(result.documents[0].path)
    assert "theo mẫu kèm theo" in letter.find("2. Chủ động rà soát").text
    assert "(qua Văn phòng Sở) theo mẫu kèm theo, lồng ghép" in letter.find("3. Báo cáo kết quả").text
