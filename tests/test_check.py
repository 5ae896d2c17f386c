"""`vbdocs check`: every generated document passes, every document broken on purpose
fails exactly the rule it breaks, and an office's hand-made file is read right."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import vbdocs
from tests.conftest import CONFIG, ROOT
from tests.docx_read import Docx
from vbdocs.check import check
from vbdocs.cli import main

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("generated")
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    vbdocs.build(ROOT / "examples" / "campaign_2023.yaml", output=out / "2023")
    return sorted(out.glob("**/*.docx"))


def test_every_generated_document_passes(generated: list[Path]) -> None:
    assert len(generated) == 36
    for path in generated:
        report = check(path)
        assert report.passed, (path.name, [f for f in report.failures])
        # a phòng's form has no number of its own (issue 11, item 6): its number rules do not apply
        phong = "-khtc" in path.name or "-qlxd" in path.name
        numbered = set() if phong else {"header.number", "number.symbol"}
        assert {f.rule for f in report.findings if f.status == "pass"} >= {
            "page.size", "page.margins", "font.typeface", "header.national_title", "header.motto",
            "header.motto_rule", "header.agency", "header.agency_rule", "header.place_date", "recipients.label",
            "recipients.list", "signature.titles", "page.numbering", *numbered,
        }, path.name
        if not numbered:
            assert {f.rule: f.status for f in report.findings}["header.number"] == "skip", path.name


# -- the corpus broken on purpose -----------------------------------------------------------------

Edit = Callable[[etree._Element], None]


def _run_with(root: etree._Element, text: str) -> etree._Element:
    for t in root.iter(q("t")):
        if (t.text or "").startswith(text):
            return t.getparent()
    raise AssertionError(f"no run starts with {text!r}")


def _para_with(root: etree._Element, text: str) -> etree._Element:
    run = _run_with(root, text)
    return next(a for a in run.iterancestors() if a.tag == q("p"))


def _rpr(run: etree._Element, xml: str) -> None:
    rpr = run.find(q("rPr"))
    if rpr is None:
        rpr = etree.SubElement(run, q("rPr"))
        run.remove(rpr)
        run.insert(0, rpr)
    rpr.append(etree.fromstring(f'<w:x xmlns:w="{W}">{xml}</w:x>')[0])


def _ppr(p: etree._Element, xml: str) -> None:
    ppr = p.find(q("pPr"))
    new = etree.fromstring(f'<w:x xmlns:w="{W}">{xml}</w:x>')[0]
    old = ppr.find(new.tag)
    if old is not None:
        ppr.remove(old)
    ppr.append(new)


def _set_text(root: etree._Element, start: str, text: str) -> None:
    run = _run_with(root, start)
    t = run.find(q("t"))
    t.text = text


def _rule_after(root: etree._Element, text: str) -> etree._Element:
    p = _para_with(root, text).getnext()
    assert p.find(f"{q('pPr')}/{q('pBdr')}") is not None
    return p


def _empty_cell(root: etree._Element, text: str) -> None:
    cell = next(a for a in _run_with(root, text).iterancestors() if a.tag == q("tc"))
    for t in cell.iter(q("t")):
        t.text = ""


def _sect(root: etree._Element) -> etree._Element:
    return root.find(f"{q('body')}/{q('sectPr')}")


CORPUS: dict[str, tuple[str, Edit]] = {
    "page.size": ("plan", lambda r: _sect(r).find(q("pgSz")).attrib.update({q("w"): "12240", q("h"): "15840"})),
    "page.margins": ("plan", lambda r: _sect(r).find(q("pgMar")).set(q("left"), "1134")),
    "font.typeface": ("plan", lambda r: _rpr(_run_with(r, "Thực hiện Chỉ thị"),
                                               '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')),
    "page.numbering": ("plan", lambda r: _sect(r).remove(_sect(r).find(q("titlePg")))),
    "header.national_title": ("plan", lambda r: _rpr(_run_with(r, "CỘNG HÒA"), '<w:b w:val="0"/>')),
    "header.motto": ("plan", lambda r: _rpr(_run_with(r, "Độc lập"), '<w:sz w:val="30"/>')),
    "header.sizes": ("plan", lambda r: _rpr(_run_with(r, "Độc lập"), '<w:sz w:val="28"/>')),
    "header.motto_rule": ("plan", lambda r: _rule_after(r, "Độc lập").find(q("pPr")).remove(
        _rule_after(r, "Độc lập").find(f"{q('pPr')}/{q('pBdr')}"))),
    "header.parent": ("plan", lambda r: _rpr(_run_with(r, "UBND TỈNH"), "<w:b/>")),
    "header.agency": ("plan", lambda r: _rpr(_run_with(r, "SỞ NÔNG NGHIỆP"), '<w:b w:val="0"/>')),
    "header.agency_rule": ("plan", lambda r: _ppr(_rule_after(r, "SỞ NÔNG NGHIỆP"),
                                                     '<w:ind w:left="0" w:right="0"/>')),
    "header.number": ("plan", lambda r: _rpr(_run_with(r, "Số:"), '<w:sz w:val="24"/>')),
    "number.symbol": ("plan", lambda r: _set_text(r, "Số:", "Số:     /QĐ-SNN")),
    "header.place_date": ("plan", lambda r: _rpr(_run_with(r, "Bình Thuận"), '<w:i w:val="0"/>')),
    "date.padding": ("plan", lambda r: _set_text(r, "Bình Thuận", "Bình Thuận, ngày 5 tháng 03 năm 2024")),
    "title.type_name": ("plan", lambda r: _rpr(_run_with(r, "KẾ HOẠCH"), '<w:b w:val="0"/>')),
    "title.subject": ("plan", lambda r: _rpr(_run_with(r, "Thực hiện phong trào"), "<w:i/>")),
    "title.subject_rule": ("plan", lambda r: _rule_after(r, "Thực hiện phong trào").find(q("pPr")).remove(
        _rule_after(r, "Thực hiện phong trào").find(f"{q('pPr')}/{q('pBdr')}"))),
    "body.size": ("plan", lambda r: _rpr(_run_with(r, "Thực hiện Chỉ thị"), '<w:sz w:val="24"/>')),
    "body.alignment": ("plan", lambda r: _ppr(_para_with(r, "Thực hiện Chỉ thị"), '<w:jc w:val="left"/>')),
    "body.indent": ("plan", lambda r: _ppr(_para_with(r, "Thực hiện Chỉ thị"), '<w:ind w:firstLine="1134"/>')),
    "body.spacing": ("plan", lambda r: _ppr(_para_with(r, "Thực hiện Chỉ thị"),
                                             '<w:spacing w:before="0" w:after="0" w:line="264"/>')),
    "body.line_spacing": ("plan", lambda r: _ppr(_para_with(r, "Thực hiện Chỉ thị"),
                                                  '<w:spacing w:after="120" w:line="480" w:lineRule="auto"/>')),
    "recipients.label": ("plan", lambda r: _rpr(_run_with(r, "Nơi nhận"), '<w:i w:val="0"/>')),
    "recipients.list": ("plan", lambda r: _set_text(r, "- Lưu:", "- VT, VP (ntttam).")),
    "signature.titles": ("plan", lambda r: _rpr(_run_with(r, "KT. GIÁM ĐỐC"), '<w:b w:val="0"/>')),
    "signature.name": ("plan", lambda r: _rpr(_run_with(r, "Nguyễn Quang Trung"), '<w:sz w:val="24"/>')),
    "signature.block": ("plan", lambda r: _empty_cell(r, "KT. GIÁM ĐỐC")),
    "letter.subject": ("letter", lambda r: _rpr(_run_with(r, "V/v"), "<w:b/>")),
    "addressees": ("letter", lambda r: _set_text(r, "- Các phòng chuyên môn", "- Các phòng chuyên môn Sở")),
    "appendix": ("appendix", lambda r: _rpr(_run_with(r, "(Kèm theo"), '<w:i w:val="0"/>')),
    "copy": ("copy", lambda r: _rpr(_run_with(r, "SAO Y"), '<w:b w:val="0"/>')),
    "scope": ("plan", lambda r: _set_text(r, "CỘNG HÒA", "ĐẢNG CỘNG SẢN VIỆT NAM")),
    "marks": ("marked", lambda r: _rpr(_run_with(r, "KHẨN"), '<w:b w:val="0"/>')),
}


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A phụ lục in a file of its own (Mẫu 2.2, of the electronic Thông báo), a sao y (Mẫu 3.1) and a
    công văn marked KHẨN."""
    out = tmp_path_factory.mktemp("examples")
    vbdocs.build(ROOT / "examples" / "documents" / "so-nn" / "thong-bao-dien-tu.yaml", output=out / "a")
    vbdocs.build(ROOT / "examples" / "documents" / "ubnd-tinh" / "sao-y.yaml", output=out / "c")
    vbdocs.build(ROOT / "examples" / "documents" / "bo-gddt" / "cong-van.yaml", output=out / "m")
    return {"appendix": out / "a" / "thong-bao-118-phu-luc-ii.docx", "copy": out / "c" / "quyet-dinh-2150.docx",
            "marked": out / "m" / "cong-van-7991.docx"}


def _break(source: Path, target: Path, edit: Edit) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(item, data)
    return target


@pytest.mark.parametrize("rule", sorted(CORPUS))
def test_each_broken_document_fails_exactly_its_rule(rule: str, generated: list[Path], examples: dict[str, Path],
                                                     tmp_path: Path) -> None:
    kind, edit = CORPUS[rule]
    name = "ke-hoach-2024.docx" if kind == "plan" else "cong-van-trien-khai-ke-hoach.docx"
    source = examples[kind] if kind in examples else next(p for p in generated if p.name == name)
    report = check(_break(source, tmp_path / f"{rule}.docx", edit))
    failed = {f.rule for f in report.failures}
    assert failed == {rule}, [(f.rule, f.found) for f in report.failures]
    finding = report.failures[0]
    assert finding.found and finding.required and finding.item.startswith(("PL ", "NĐ 30"))


def test_corpus_breaks_every_rule_that_can_fail() -> None:
    from tests.test_check_corpus import SEEDS
    from vbdocs.check.rules import FINDING_IDS

    # body.text only says "no body found"; the Mẫu corpus (tests/test_check_corpus.py) breaks the rest
    assert set(CORPUS) | set(SEEDS) == set(FINDING_IDS) - {"body.text"}


# -- a file typed by hand in an office ------------------------------------------------------------

def _office_document(path: Path, *, underline_motto: bool = True) -> Path:
    """A notice typed the way offices do: header and signature in tables, manual line
    breaks, direct formatting (no styles), a drawn line under the agency."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr="PAGE"><w:r><w:rPr><w:rFonts '
                               'w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr>'
                               '<w:t>2</w:t></w:r></w:fldSimple>'))

    def run(p, text, size, bold=False, italic=False, underline=False):  # type: ignore[no-untyped-def]
        r = p.add_run(text)
        r.font.name, r.font.size, r.bold, r.italic = "Times New Roman", Pt(size), bold, italic
        r.underline = underline
        return r

    header = doc.add_table(rows=1, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    left.width, right.width = Mm(65), Mm(100)
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "UBND TỈNH BÌNH THUẬN", 13)
    run(p, "", 13).add_break(WD_BREAK.LINE)
    run(p, "SỞ NỘI VỤ", 13, bold=True)
    line = left.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    from vbdocs.layout.metrics import text_width

    width = round(text_width("SỞ NỘI VỤ", 13, bold=True) * 0.45 * 635)  # a line drawn under the agency (EMU)
    line._p.append(parse_xml(
        f'<w:r xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{width}" cy="0"/><wp:wrapNone/><wp:docPr id="1" name="Line 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<a:prstGeom prst="line"/></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'))
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "Số: 15/TB-SNV", 13)
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    run(p, "", 12).add_break(WD_BREAK.LINE)
    run(p, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, underline=underline_motto)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "Bình Thuận, ngày 05 tháng 02 năm 2024", 13, italic=True)

    for text, size in (("THÔNG BÁO", 14), ("Lịch nghỉ Tết Nguyên đán Giáp Thìn năm 2024", 14)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(p, text, size, bold=True)
    rule = doc.add_paragraph()
    rule._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr xmlns:w="{W}"><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'))
    side = Mm((165 - 45) / 2)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side  # a 4.5 cm rule, centred
    for text in ("Căn cứ Bộ luật Lao động năm 2019 và thông báo của Ủy ban nhân dân tỉnh về lịch nghỉ Tết Nguyên "
                 "đán năm 2024, Sở Nội vụ thông báo lịch nghỉ Tết như sau:",
                 "Cán bộ, công chức, viên chức và người lao động được nghỉ từ ngày 08 tháng 02 năm 2024 đến hết "
                 "ngày 14 tháng 02 năm 2024; các đơn vị bố trí trực bảo đảm an ninh, an toàn cơ quan./."):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Mm(12.7)
        p.paragraph_format.space_after = Pt(6)
        run(p, text, 14)
    closing = doc.add_table(rows=1, cols=2)
    p = closing.cell(0, 0).paragraphs[0]
    run(p, "Nơi nhận:", 12, bold=True, italic=True)
    for text in ("- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."):
        run(p, "", 11).add_break(WD_BREAK.LINE)
        run(p, text, 11)
    p = closing.cell(0, 1).paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(p, "GIÁM ĐỐC", 14, bold=True)
    for _ in range(3):
        run(p, "", 14).add_break(WD_BREAK.LINE)
    run(p, "Nguyễn Văn An", 14, bold=True)
    doc.save(str(path))
    return path


def test_a_hand_made_office_document_is_read_right(tmp_path: Path) -> None:
    report = check(_office_document(tmp_path / "thong-bao.docx"))
    assert report.passed, [(f.rule, f.where, f.found) for f in report.failures]
    passed = {f.rule for f in report.findings if f.status == "pass"}
    assert {"header.parent", "header.agency", "header.agency_rule", "header.motto_rule", "title.subject_rule",
            "date.padding", "number.symbol", "recipients.list", "signature.titles", "signature.name",
            "page.numbering", "body.indent"} <= passed


def test_the_hand_made_document_without_its_motto_rule_fails_that_rule(tmp_path: Path) -> None:
    report = check(_office_document(tmp_path / "thong-bao.docx", underline_motto=False))
    assert {f.rule for f in report.failures} == {"header.motto_rule"}


# -- the command ----------------------------------------------------------------------------------------

def test_cli_exit_codes_and_json(generated: list[Path], tmp_path: Path) -> None:
    good = generated[0]
    broken = _break(next(p for p in generated if p.name == "ke-hoach-2024.docx"), tmp_path / "b.docx",
                    CORPUS["date.padding"][1])
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(good)])
    assert ok.exit_code == 0 and ok.stdout.strip().endswith("checks failed; read as: Công văn, draft)")
    bad = runner.invoke(main, ["check", str(broken)])
    assert bad.exit_code == 1
    assert f"{broken}: FAIL date.padding [PL I, II.4.b] at 'Bình Thuận, ngày 5 tháng 03 năm 2024': found day 5 " \
           "without its leading 0; month 03 with a leading 0" in bad.stdout
    as_json = runner.invoke(main, ["check", "--json", str(broken)])
    data = json.loads(as_json.stdout)
    [failure] = [f for f in data["files"][0]["findings"] if f["status"] == "fail"]
    assert failure["rule"] == "date.padding" and as_json.exit_code == 1
    (tmp_path / "x.docx").write_text("not a docx")
    unreadable = runner.invoke(main, ["check", str(tmp_path / "x.docx")])
    assert unreadable.exit_code == 2 and "cannot be read" in unreadable.stderr


def _without_number_line(root: etree._Element) -> None:
    para = _para_with(root, "Số:")
    para.getparent().remove(para)


@pytest.mark.parametrize(("name", "status"),
                         [("bao-cao-annual-ttkn.docx", "fail"), ("bao-cao-annual-khtc.docx", "skip")])
def test_a_missing_number_fails_but_for_a_phong(name: str, status: str, generated: list[Path], tmp_path: Path) -> None:
    """A Trung tâm numbers its reports: without "Số:" its form fails. A phòng under its Sở
    keeps no register (issue 11, item 6): the rule does not apply to it, and its "Lưu:" names it alone."""
    source = next(p for p in generated if p.name == name)
    target = tmp_path / name
    if status == "fail":
        _break(source, target, _without_number_line)
    else:
        target = source
        assert not [p for p in Docx(source).lines() if p.startswith("Số:")]
    findings = {f.rule: f for f in check(target).findings}
    assert findings["header.number"].status == status
    assert findings["recipients.list"].status == "pass"


def test_a_phong_must_still_file_its_copy(generated: list[Path], tmp_path: Path) -> None:
    source = next(p for p in generated if p.name == "bao-cao-annual-khtc.docx")
    broken = _break(source, tmp_path / "khtc.docx", lambda r: _set_text(r, "- Lưu:", "- KHTC."))
    assert {f.rule for f in check(broken).failures} == {"recipients.list"}


@pytest.fixture(scope="module")
def joint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The joint Kế hoạch of the Sở and the Hội Nông dân (văn bản liên tịch)."""
    out = tmp_path_factory.mktemp("joint")
    return vbdocs.build(ROOT / "examples" / "documents" / "so-nn" / "ke-hoach-lien-tich.yaml",
                        output=out).documents[0].path


def test_a_copy_is_numbered_as_its_form(examples: dict[str, Path], tmp_path: Path) -> None:
    """A sao y numbered in the sao lục's symbol fails the copy rule, and only it."""
    broken = _break(examples["copy"], tmp_path / "broken.docx", lambda r: _set_text(r, "Số: 02/SY", "Số: 02/SL-UBND"))
    report = check(broken)
    assert [(f.rule, f.found) for f in report.failures] == [("copy", "a sao y is numbered SY, not SL")]


@pytest.mark.parametrize(("rule", "edit"), [
    ("header.agency", lambda r: _rpr(_run_with(r, "HỘI NÔNG DÂN"), '<w:b w:val="0"/>')),
    ("header.agency_rule", lambda r: _rule_after(r, "HỘI NÔNG DÂN").find(q("pPr")).remove(
        _rule_after(r, "HỘI NÔNG DÂN").find(f"{q('pPr')}/{q('pBdr')}"))),
    ("number.symbol", lambda r: _set_text(r, "Số:", "Số: 02/KHLT-SNN")),
])
def test_each_agency_of_a_joint_document_is_judged(rule: str, edit: Edit, joint: Path, tmp_path: Path) -> None:
    """Every agency's part of a joint header is held to the agency's rules, and the symbol names
    them all; the document as made passes."""
    assert check(joint).passed
    report = check(_break(joint, tmp_path / "broken.docx", edit))
    assert {f.rule for f in report.failures} == {rule}, [(f.rule, f.found) for f in report.failures]


def _with_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    """``source`` with the part ``name`` replaced by ``data``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, data if item.filename == name else src.read(item.filename))
    return target


@pytest.mark.parametrize("value", ["1.27cm", "0.0", "720.5", "0.5in", "36pt", "nonsense"])
def test_measures_are_read_in_any_form_ecma_376_allows(value: str, generated: list[Path], tmp_path: Path) -> None:
    """A first-line indent written as a universal measure or a decimal is read, never a traceback;
    1.27 cm (720 twips) is the Decree's indent, anything else fails body.indent."""
    plan = next(p for p in generated if p.name == "ke-hoach-2024.docx")
    broken = _break(plan, tmp_path / "m.docx",
                    lambda r: _ppr(_para_with(r, "Thực hiện Chỉ thị"), f'<w:ind w:firstLine="{value}"/>'))
    failed = {f.rule for f in check(broken).failures}
    assert failed == (set() if value in ("1.27cm", "720.5", "0.5in", "36pt") else {"body.indent"}), failed


def test_a_batch_goes_on_past_an_unreadable_file(generated: list[Path], tmp_path: Path) -> None:
    """A damaged header part makes its file unreadable (exit 2), found while reading, not by a
    rule; the other files of the batch are still checked and --json still prints them all."""
    plan = next(p for p in generated if p.name == "ke-hoach-2024.docx")
    with zipfile.ZipFile(plan) as z:
        header = next(n for n in z.namelist() if n.startswith("word/header"))
    damaged = _with_part(plan, tmp_path / "damaged.docx", header, b"<w:hdr><w:p>")
    result = CliRunner().invoke(main, ["check", "--json", str(damaged), str(generated[0])])
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [u["file"] for u in data["unreadable"]] == [str(damaged)]
    assert "not well-formed" in data["unreadable"][0]["error"]
    assert [f["file"] for f in data["files"]] == [str(generated[0])] and data["files"][0]["passed"]


def test_text_boxes_and_automatic_lists_are_read_as_typed(generated: list[Path], tmp_path: Path) -> None:
    """Recipients in Word's automatic "-" list read as "- …"; the runs of a text box are its own
    paragraphs, not the text of the paragraph it is anchored in."""
    letter = next(p for p in generated if p.name == "cong-van-trien-khai-ke-hoach.docx")
    numbering = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 b'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                 b'<w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 b'</w:num></w:numbering>')

    def listed(root: etree._Element) -> None:
        for t in root.iter(q("t")):
            if (t.text or "").startswith("- "):
                t.text = t.text[2:]
                p = next(a for a in t.iterancestors() if a.tag == q("p"))
                _ppr(p, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')

    from vbdocs.check.reader import Document
    from vbdocs.check.rules import Parts

    source = _break(letter, tmp_path / "l.docx", listed)
    with zipfile.ZipFile(source) as z:
        assert "word/numbering.xml" in z.namelist()
    parts = Parts(Document(_with_part(source, tmp_path / "listed.docx", "word/numbering.xml", numbering)))
    assert parts.recipients and all(x.clean.startswith("- ") for x in parts.recipients)
    assert parts.recipients[-1].clean.startswith("- Lưu: VT")
    boxed = _break(letter, tmp_path / "box.docx", lambda r: _run_with(r, "Kính gửi").append(etree.fromstring(
        f'<w:pict xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>')))
    document = Document(boxed)
    kinh_gui = next(p for p in document.paragraphs if p.text.startswith("Kính gửi"))
    assert "Hộp chữ" not in kinh_gui.text
    assert [p.box for p in document.paragraphs if p.text == "Hộp chữ"] == [1]


def test_the_rules_are_listed_once_with_their_items() -> None:
    """`vbdocs check --rules`: every rule of the catalogue, its item of the Decree and what --fix does."""
    from vbdocs.check import CATALOGUE

    result = CliRunner().invoke(main, ["check", "--rules", "--json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [r["id"] for r in listed] == list(CATALOGUE)
    assert all(r["locator"].startswith(("PL ", "NĐ 30")) and r["fix"] in ("safe", "guarded", "none") for r in listed)
    text = CliRunner().invoke(main, ["check", "--rules"]).stdout
    assert "header.motto_rule" in text and "PL I, II.1" in text
    assert CliRunner().invoke(main, ["check"]).exit_code == 2  # neither files nor --rules


def test_each_file_is_read_as_what_it_is(generated: list[Path], examples: dict[str, Path], tmp_path: Path) -> None:
    """Classified before judged: the type read on the page, the kind of file, a draft's status."""
    plan = next(p for p in generated if p.name == "ke-hoach-2024.docx")
    assert check(plan).kind.type_name == "Kế hoạch" and check(plan).kind.form == "document"
    assert str(check(examples["appendix"]).kind) == "Phụ lục, appendix"
    assert str(check(examples["copy"]).kind) == "Quyết định, copy"
    party = check(_break(plan, tmp_path / "party.docx", CORPUS["scope"][1]))
    assert party.kind.form == "out of scope" and [f.rule for f in party.findings] == ["scope"]
    data = json.loads(CliRunner().invoke(main, ["check", "--json", str(plan)]).stdout)
    assert data["files"][0]["kind"] == {"type": "Kế hoạch", "form": "document", "draft": check(plan).kind.draft}


def test_a_finding_names_its_paragraph(generated: list[Path], tmp_path: Path) -> None:
    """Where: the text and the paragraph's place (from 1, in reading order), in the text output and in JSON."""
    broken = _break(next(p for p in generated if p.name == "ke-hoach-2024.docx"), tmp_path / "b.docx",
                    CORPUS["body.indent"][1])
    [failure] = check(broken).failures
    from vbdocs.check.reader import Document

    paragraph = Document(broken).paragraphs[failure.paragraph - 1]
    assert paragraph.text.startswith("Thực hiện Chỉ thị")
    result = CliRunner().invoke(main, ["check", str(broken)])
    assert f"[¶{failure.paragraph}]" in result.stdout
    data = json.loads(CliRunner().invoke(main, ["check", "--json", str(broken)]).stdout)
    assert [f["paragraph"] for f in data["files"][0]["findings"] if f["status"] == "fail"] == [failure.paragraph]
