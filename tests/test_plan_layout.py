"""The plan's thể thức, read back from the .docx: page, fonts, header, body, closing band."""

from __future__ import annotations

import pytest

import vbdocs
from tests.conftest import CONFIG
from tests.docx_read import NS, Docx, Para, q
from vbdocs.layout.metrics import TWIPS_PER_MM, text_width


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Docx:
    out = tmp_path_factory.mktemp("out")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    return Docx(result.documents[0].path)


def mm(twips: str | int | None) -> float:
    assert twips is not None
    return int(twips) / TWIPS_PER_MM


def test_a4_portrait_with_the_decrees_margins(doc: Docx) -> None:
    sect = doc.section()
    size = sect.find("w:pgSz", NS)
    assert (round(mm(size.get(q("w:w")))), round(mm(size.get(q("w:h"))))) == (210, 297)
    assert size.get(q("w:orient")) in (None, "portrait")
    margins = sect.find("w:pgMar", NS)
    assert 20 <= round(mm(margins.get(q("w:top"))), 1) <= 25
    assert 20 <= round(mm(margins.get(q("w:bottom"))), 1) <= 25
    assert 30 <= round(mm(margins.get(q("w:left"))), 1) <= 35
    assert 15 <= round(mm(margins.get(q("w:right"))), 1) <= 20


def test_page_numbers_centred_in_the_top_margin_from_page_two(doc: Docx) -> None:
    sect = doc.section()
    assert sect.find("w:titlePg", NS) is not None, "page 1 must have its own (empty) header"
    refs = {r.get(q("w:type")): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            for r in sect.findall("w:headerReference", NS)}
    assert set(refs) == {"default", "first"}
    rels = doc.parts["word/_rels/document.xml.rels"].decode()
    from lxml import etree

    targets = {r.get("Id"): r.get("Target") for r in etree.fromstring(rels.encode())}
    default = doc.parts["word/" + targets[refs["default"]]].decode()
    first = doc.parts["word/" + targets[refs["first"]]].decode()
    assert "PAGE" in default and "PAGE" not in first
    header = etree.fromstring(default.encode())
    p = header.find("w:p", NS)
    para = Para(p, p.find("w:pPr/w:pStyle", NS).get(q("w:val")), [], None)
    assert doc.alignment(para) == "center"
    assert 13 <= doc.size(para) <= 14
    assert not doc.italic(para)


def test_times_new_roman_everywhere(doc: Docx) -> None:
    defaults = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {defaults.get(q(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    for p in doc.paragraphs():
        assert doc.font(p) == "Times New Roman", p.text
    assert not doc.document.findall(".//w:r/w:rPr/w:rFonts", NS), "no run may override the typeface"
    themed = [el for el in doc.styles.iter(q("w:rFonts")) if el.get(q("w:asciiTheme"))]
    assert not themed, "a theme font would replace Times New Roman in some styles"


def _header(doc: Docx, text: str) -> Para:
    p = doc.find(text)
    assert p.cell is not None and p.cell[0] == 0, f"{text!r} must be in the header block"
    return p


def test_header_block(doc: Docx) -> None:
    parent = _header(doc, "UBND TỈNH BÌNH THUẬN")
    agency = _header(doc, "SỞ NÔNG NGHIỆP VÀ")
    number = _header(doc, "Số:")
    title = _header(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = _header(doc, "Độc lập - Tự do - Hạnh phúc")
    date = _header(doc, "Bình Thuận, ngày")
    # left column: parent body, agency, number; right column: national title, motto, date
    assert parent.cell[2] == agency.cell[2] == number.cell[2] == 0  # type: ignore[index]
    assert title.cell[2] == motto.cell[2] == date.cell[2] == 1  # type: ignore[index]
    assert number.cell[1] == date.cell[1], "Số and the date stand on one line"  # type: ignore[index]
    for p in (parent, agency, number, title, motto, date):
        assert doc.alignment(p) == "center", p.text
        assert not doc.italic(p) or p is date
    assert 12 <= doc.size(parent) <= 13 and not doc.bold(parent)
    assert 12 <= doc.size(agency) <= 13 and doc.bold(agency)
    assert doc.size(number) == 13 and not doc.bold(number)
    assert 12 <= doc.size(title) <= 13 and doc.bold(title)
    assert 13 <= doc.size(motto) <= 14 and doc.bold(motto)
    assert doc.size(motto) == doc.size(title) + 1, "header sizes move together"
    assert doc.italic(date) and doc.size(date) == doc.size(motto)
    assert parent.text == parent.text.upper() and agency.text == agency.text.upper()


def _rule_after(doc: Docx, para: Para) -> tuple[int, int]:
    """(rule length, column width) of the bordered rule paragraph following ``para``."""
    rule = para.element.getnext()
    border = rule.find("w:pPr/w:pBdr/w:top", NS)
    assert border is not None and border.get(q("w:val")) == "single", f"no rule under {para.text!r}"
    ind = rule.find("w:pPr/w:ind", NS)
    left, right = int(ind.get(q("w:left"))), int(ind.get(q("w:right")))
    assert abs(left - right) <= 1, "the rule is centred"
    cell = rule.getparent()
    if cell.tag == q("w:tc"):
        column = int(cell.find("w:tcPr/w:tcW", NS).get(q("w:w")))
    else:
        sect = doc.section().find("w:pgMar", NS)
        width = int(doc.section().find("w:pgSz", NS).get(q("w:w")))
        column = width - int(sect.get(q("w:left"))) - int(sect.get(q("w:right")))
    return column - left - right, column


def _widest(doc: Docx, para: Para) -> int:
    size, bold = doc.size(para), doc.bold(para)
    return max(text_width(line, size, bold=bold) for line in para.text.split("\n"))


def test_rule_under_the_agency_is_a_third_to_a_half_of_its_name(doc: Docx) -> None:
    agency = doc.find("SỞ NÔNG NGHIỆP VÀ")
    assert agency.text == "SỞ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN"
    length, column = _rule_after(doc, agency)
    assert 1 / 3 <= length / _widest(doc, agency) <= 1 / 2
    assert _widest(doc, agency) <= column, "each line of the name fits its column"


def test_rule_under_the_motto_is_as_long_as_the_motto(doc: Docx) -> None:
    motto = doc.find("Độc lập - Tự do - Hạnh phúc")
    length, _ = _rule_after(doc, motto)
    assert abs(length - _widest(doc, motto)) <= 2


def test_title_and_subject(doc: Docx) -> None:
    type_name = doc.find("KẾ HOẠCH")
    subject = doc.find("Thực hiện phong trào thi đua")
    for p in (type_name, subject):
        assert p.cell is None
        assert doc.alignment(p) == "center" and doc.bold(p) and 13 <= doc.size(p) <= 14
        assert not doc.italic(p)
    length, _ = _rule_after(doc, subject)
    assert 1 / 3 <= length / _widest(doc, subject) <= 1 / 2


def test_body_paragraphs(doc: Docx) -> None:
    body = [p for p in doc.paragraphs()
            if p.style in ("VBBody", "VBClosing", "VBSection", "VBSubsection") and p.text]
    assert len(body) == 24  # opening, 3 headings, 12 khoản, 2 units, 5 duties, closing
    for p in body:
        assert 13 <= doc.size(p) <= 14
        assert doc.alignment(p) == "both", p.text[:40]
        assert doc.first_line_indent(p) in (567, 720), "1 cm or 1.27 cm"
        assert doc.space_after(p) >= 120, "at least 6 pt between paragraphs"
        line, rule = doc.line_spacing(p)
        assert rule == "auto" and 240 <= line <= 360, "single to 1.5 lines"
    headings = [p.text for p in body if doc.bold(p)]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN",
                        "1. Văn phòng Sở", "2. Các phòng, cơ quan, đơn vị trực thuộc Sở"]
    closing = body[-1]
    assert closing.text.endswith("chỉ đạo./.") and doc.keep_next(closing)


def test_recipients_and_signature_share_the_closing_band(doc: Docx) -> None:
    label = doc.find("Nơi nhận:")
    assert label.cell is not None and label.cell[2] == 0
    assert doc.size(label) == 12 and doc.bold(label) and doc.italic(label)
    assert doc.alignment(label) == "left"
    items = [p for p in doc.paragraphs() if p.cell == label.cell and p.text.startswith("- ")]
    assert [p.text for p in items][-1] == "- Lưu: VT, VP (ntttam)."
    assert all(p.text.endswith(";") for p in items[:-1])
    for p in items:
        assert doc.size(p) == 11 and not doc.bold(p) and not doc.italic(p)
    titles = doc.find("KT. GIÁM ĐỐC")
    name = doc.find("Nguyễn Quang Trung")
    assert titles.text == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    for p in (titles, name):
        assert p.cell == (label.cell[0], label.cell[1], 1), "signature in the right half, same band"
        assert doc.bold(p) and 13 <= doc.size(p) <= 14 and doc.alignment(p) == "center"
    row = titles.element.getparent().getparent()
    assert row.find("w:trPr/w:cantSplit", NS) is not None, "the band never splits across pages"


def test_document_language_is_vietnamese(doc: Docx) -> None:
    lang = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("w:val")) == "vi-VN"
