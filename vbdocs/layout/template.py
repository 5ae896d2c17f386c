"""Write the built-in template (vbdocs/templates/document.docx) from the Decree's numbers.

The templates are ordinary Word files: an office may open them in Word and change
wording, spacing or styles (every element has a named paragraph style, "VB …").
This module is how it is made, from ``vbdocs.layout.page`` and ``vbdocs.layout.styles``,
and remade when a number of the thể thức changes (``make templates``)::

    python tools/make_templates.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from . import page
from .metrics import text_width
from .styles import (
    APPENDIX_LABEL_STYLE,
    APPENDIX_NOTE_STYLE,
    APPENDIX_TITLE_STYLE,
    BLOCK_STYLES,
    CONTACT_STYLE,
    MARK_STYLE,
    TABLE_LOOK,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


def _set_fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for kind in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{kind}"), font)


def _defaults(doc: Any) -> None:
    """Times New Roman, 14 pt, Vietnamese, black, for everything not styled otherwise."""
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _set_fonts(rpr, page.FONT)
    for tag in ("w:sz", "w:szCs", "w:lang"):
        el = rpr.find(qn(tag))
        if el is not None:
            rpr.remove(el)
    for tag, val in (("w:sz", str(page.SIZE_BODY * 2)), ("w:szCs", str(page.SIZE_BODY * 2))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    normal = doc.styles["Normal"]
    normal.font.name = page.FONT
    _set_fonts(normal.element.get_or_add_rPr(), page.FONT)
    normal.font.size = Pt(page.SIZE_BODY)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0


def _no_theme_fonts(doc: Any) -> None:
    """Every style in Times New Roman: no theme font (Calibri, Cambria) left anywhere."""
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        _set_fonts_element(fonts, page.FONT)


def _set_fonts_element(fonts: Any, font: str) -> None:
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for kind in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{kind}"), font)


def _style(doc: Any, name: str, *, size: float, bold: bool = False, italic: bool = False, align: Any = CENTER,
           before: float = 0, after: float = 0, first_line: int = 0, line: float | None = None,
           keep_next: bool = False) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name = page.FONT
    _set_fonts(style.element.get_or_add_rPr(), page.FONT)
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.first_line_indent = Twips(first_line) if first_line else None
    if line is not None:
        pf.line_spacing = line
    if keep_next:
        pf.keep_with_next = True
    return style


def _styles(doc: Any) -> None:
    _style(doc, "VB Parent", size=page.SIZE_PARENT)
    _style(doc, "VB Agency", size=page.SIZE_AGENCY, bold=True)
    _style(doc, "VB Number", size=page.SIZE_NUMBER, before=6)
    _style(doc, "VB Letter Subject", size=page.SIZE_LETTER_SUBJECT, before=6)
    _style(doc, "VB National Title", size=page.SIZE_NATIONAL_TITLE, bold=True)
    _style(doc, "VB Motto", size=page.SIZE_MOTTO, bold=True)
    _style(doc, "VB Place Date", size=page.SIZE_PLACE_DATE, italic=True, before=6)
    _style(doc, "VB Type Name", size=page.SIZE_TYPE_NAME, bold=True, before=24, keep_next=True)
    _style(doc, "VB Subject", size=page.SIZE_SUBJECT, bold=True, keep_next=True)
    body_line = page.BODY_LINE_SPACING / 240
    _style(doc, BLOCK_STYLES["paragraph"], size=page.SIZE_BODY, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line)
    _style(doc, BLOCK_STYLES["section"], size=page.SIZE_BODY, bold=True, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line, keep_next=True)
    _style(doc, BLOCK_STYLES["subsection"], size=page.SIZE_BODY, bold=True, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line, keep_next=True)
    _style(doc, BLOCK_STYLES["heading3"], size=page.SIZE_BODY, bold=True, italic=True, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line, keep_next=True)
    _style(doc, BLOCK_STYLES["heading4"], size=page.SIZE_BODY, italic=True, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line, keep_next=True)
    _style(doc, BLOCK_STYLES["basis"], size=page.SIZE_BODY, italic=True, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line)
    _style(doc, BLOCK_STYLES["article"], size=page.SIZE_BODY, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line)
    _style(doc, BLOCK_STYLES["center"], size=page.SIZE_BODY, bold=True, before=6, after=6, keep_next=True)
    _style(doc, BLOCK_STYLES["chapter"], size=page.SIZE_BODY, bold=True, before=6, after=6, keep_next=True)
    _style(doc, MARK_STYLE, size=page.SIZE_MARK, bold=True, before=6, after=6)
    _style(doc, "VB Signed", size=page.SIZE_SIGNER, italic=True, before=12)
    _style(doc, "VB Signed Name", size=page.SIZE_SIGNER, bold=True, before=12)
    contact = _style(doc, CONTACT_STYLE, size=page.SIZE_CONTACT)
    contact_border = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{attr}"), value)
    contact_border.append(top)
    contact.element.get_or_add_pPr().append(contact_border)
    _style(doc, APPENDIX_LABEL_STYLE, size=page.SIZE_APPENDIX_LABEL, bold=True, keep_next=True)
    _style(doc, APPENDIX_TITLE_STYLE, size=page.SIZE_APPENDIX_TITLE, bold=True, keep_next=True)
    _style(doc, APPENDIX_NOTE_STYLE, size=page.SIZE_APPENDIX_NOTE, italic=True, keep_next=True)
    _style(doc, "VB Title Note", size=page.SIZE_APPENDIX_NOTE, italic=True, keep_next=True)
    _style(doc, BLOCK_STYLES["closing"], size=page.SIZE_BODY, align=JUSTIFY, after=6,
           first_line=page.BODY_FIRST_LINE_INDENT, line=body_line, keep_next=True)
    fill = _style(doc, BLOCK_STYLES["fill"], size=page.SIZE_BODY, align=LEFT, line=1.5)
    fill.paragraph_format.tab_stops.add_tab_stop(Twips(page.TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _style(doc, TABLE_LOOK.header_style, size=page.SIZE_TABLE, bold=True)
    _style(doc, TABLE_LOOK.body_style, size=page.SIZE_TABLE)
    _style(doc, "VB Recipients Label", size=page.SIZE_RECIPIENTS_LABEL, bold=True, italic=True,
           align=LEFT, before=12)
    _style(doc, "VB Recipients", size=page.SIZE_RECIPIENTS, align=LEFT)
    _style(doc, "VB Signer Title", size=page.SIZE_SIGNER, bold=True, before=12)
    _style(doc, "VB Signer Name", size=page.SIZE_SIGNER, bold=True, before=80)
    _style(doc, "VB Page Number", size=page.SIZE_PAGE_NUMBER)
    # Kính gửi: the label starts KINH_GUI_INDENT from the margin; a single addressee follows it on
    # the line and wraps under itself; several stand one per line, their dashes under the name.
    label = text_width("Kính gửi: ", page.SIZE_BODY)
    addressee_at = page.KINH_GUI_INDENT + label
    kinh_gui = _style(doc, "VB Addressee Label", size=page.SIZE_BODY, align=LEFT, before=6, line=body_line)
    kinh_gui.paragraph_format.left_indent = Twips(addressee_at)
    kinh_gui.paragraph_format.first_line_indent = Twips(-label)
    kinh_gui.paragraph_format.keep_with_next = True
    dash = text_width("- ", page.SIZE_BODY)
    item = _style(doc, "VB Addressee", size=page.SIZE_BODY, align=LEFT, line=body_line)
    item.paragraph_format.left_indent = Twips(addressee_at + dash)
    item.paragraph_format.first_line_indent = Twips(-dash)
    item.paragraph_format.keep_with_next = True
    # Footnotes use Word's built-in style names, which LibreOffice maps to its own footnote
    # styles; under other names LibreOffice would print the note's number on the baseline.
    note_text = _style(doc, "VB Footnote Text", size=page.SIZE_FOOTNOTE, align=JUSTIFY)
    note_text.element.set(qn("w:styleId"), "FootnoteText")
    note_text.element.name_val = "footnote text"
    note_text.element.attrib.pop(qn("w:customStyle"), None)
    ref = doc.styles.add_style("VB Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    ref.element.set(qn("w:styleId"), "FootnoteReference")
    ref.element.name_val = "footnote reference"
    ref.element.attrib.pop(qn("w:customStyle"), None)
    ref.font.superscript = True
    rule = _style(doc, "VB Rule", size=1, before=3)
    rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule.paragraph_format.line_spacing = Pt(1)


def _section(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Twips(page.PAGE_WIDTH)
    section.page_height = Twips(page.PAGE_HEIGHT)
    section.top_margin = Twips(page.MARGIN_TOP)
    section.bottom_margin = Twips(page.MARGIN_BOTTOM)
    section.left_margin = Twips(page.MARGIN_LEFT)
    section.right_margin = Twips(page.MARGIN_RIGHT)
    section.header_distance = Twips(page.HEADER_DISTANCE)
    section.footer_distance = Twips(page.HEADER_DISTANCE)
    # Page numbers: centred in the top margin, not on page 1 (Mục I.7).
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].style = doc.styles["VB Page Number"]
    # ô 13: the contact line, on page 1 only, under a line across the text width
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = "{%p if contact.shown %}"
    footer.add_paragraph("{{ contact.text }}", style=doc.styles[CONTACT_STYLE])
    footer.add_paragraph("{%p endif %}")
    header = section.header.paragraphs[0]
    header.style = doc.styles["VB Page Number"]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    header._p.append(field)


_TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
]


def _tblpr_add(tblPr: Any, el: Any) -> None:
    """Insert a table property where the schema puts it (Word refuses them out of order)."""
    rank = _TBLPR_ORDER.index(el.tag.split("}")[1])
    for i, child in enumerate(tblPr):
        name = child.tag.split("}")[1]
        if name in _TBLPR_ORDER and _TBLPR_ORDER.index(name) > rank:
            tblPr.insert(i, el)
            return
    tblPr.append(el)


def _fixed_table(table: Any, *, border: dict[str, str]) -> None:
    """Give a table the same border on every edge and a fixed layout (Word keeps the widths)."""
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for attr, value in border.items():
            el.set(qn(f"w:{attr}"), value)
        borders.append(el)
    _tblpr_add(tblPr, borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _tblpr_add(tblPr, layout)


def _borderless(table: Any, widths: list[int]) -> None:
    _fixed_table(table, border={"val": "nil"})
    tblPr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    _tblpr_add(tblPr, margins)
    width = tblPr.find(qn("w:tblW"))
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Twips(w)
        for cell in col.cells:
            cell.width = Twips(w)


def _para(container: Any, text: str, style: str, *, first: bool = False) -> Any:
    if first:
        p = container.paragraphs[0]
        p.text = text
    else:
        p = container.add_paragraph(text)
    p.style = style
    return p


def _heading_table(doc: Any) -> None:
    """The header block: two rows, so that Số and the date stand on one line."""
    table = doc.add_table(rows=2, cols=2)
    _borderless(table, [page.HEADER_LEFT, page.HEADER_RIGHT])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _para(left, "{%p if heading.parent %}", "VB Parent", first=True)
    _para(left, "{{ heading.parent }}", "VB Parent")
    _para(left, "{%p endif %}", "VB Parent")
    _para(left, "{{ heading.agency }}", "VB Agency")
    _para(left, "{{p heading.agency_rule }}", "VB Rule")
    _para(left, "{{p heading.joint }}", "VB Rule")  # the other agencies of a joint document
    _para(right, "{{ heading.national_title }}", "VB National Title", first=True)
    _para(right, "{{ heading.motto }}", "VB Motto")
    _para(right, "{{p heading.motto_rule }}", "VB Rule")
    number, date = table.cell(1, 0), table.cell(1, 1)
    _para(number, "{{ heading.number }}", "VB Number", first=True)
    _para(number, "{%p if heading.subject %}", "VB Letter Subject")  # a công văn's V/v (ô 5b)
    _para(number, "{{ heading.subject }}", "VB Letter Subject")
    _para(number, "{%p endif %}", "VB Letter Subject")
    _para(number, "{{p heading.marks }}", MARK_STYLE)  # độ mật, độ khẩn (ô 10a, 10b)
    _para(date, "{{ heading.place_date }}", "VB Place Date", first=True)


def _signature(cell: Any, signer: str = "closing.signer_", *, first: bool = True) -> None:
    """The signer's titles, the space to sign in and the name; in a copy, "(Đã ký)" in place of the
    signature and no space (Mẫu 3.1). ``signer`` is where the titles and the name are in the
    context (``closing.signer_titles``, or a row's ``pair.right.titles``)."""
    titles, name = "{{ " + signer + "titles }}", "{{ " + signer + "name }}"
    _para(cell, titles, "VB Signer Title", first=first)
    _para(cell, "{%p if closing.signed %}", "VB Signed")
    _para(cell, "{{ closing.signed }}", "VB Signed")
    _para(cell, name, "VB Signed Name")
    _para(cell, "{%p else %}", "VB Signed")
    _para(cell, name, "VB Signer Name")
    _para(cell, "{%p endif %}", "VB Signed")


def _closing_table(doc: Any) -> None:
    table = doc.add_table(rows=1, cols=2)
    _borderless(table, [page.CLOSING_LEFT, page.CLOSING_RIGHT])
    # Nơi nhận and the signature stay together on one page, never split.
    row_props = table.rows[0]._tr.get_or_add_trPr()
    row_props.append(OxmlElement("w:cantSplit"))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _para(left, "Nơi nhận:", "VB Recipients Label", first=True)
    _para(left, "{%p for line in closing.recipients %}", "VB Recipients")
    _para(left, "{{ line }}", "VB Recipients")
    _para(left, "{%p endfor %}", "VB Recipients")
    _signature(right)


def _signers_side_by_side(doc: Any) -> None:
    """Two or more signatures side by side, two to a row (a Biên bản, Mẫu 1.9: THƯ KÝ left, CHỦ
    TỌA right; a joint document: the lead agency right, the next left), then Nơi nhận under them
    at the left."""
    half = page.TEXT_WIDTH // 2
    table = doc.add_table(rows=3, cols=2)
    _borderless(table, [half, page.TEXT_WIDTH - half])
    _para(table.cell(0, 0), "{%tr for pair in closing.rows %}", "VB Signer Title", first=True)
    table.rows[1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.cell(1, 0), table.cell(1, 1)
    _para(left, "{%p if pair.left.shown %}", "VB Signer Title", first=True)
    _signature(left, "pair.left.", first=False)
    _para(left, "{%p else %}", "VB Signer Title")
    _para(left, "", "VB Signer Title")  # a cell holds a paragraph, even the empty one of an odd last row
    _para(left, "{%p endif %}", "VB Signer Title")
    _signature(right, "pair.right.")
    _para(table.cell(2, 0), "{%tr endfor %}", "VB Signer Title", first=True)
    doc.add_paragraph("Nơi nhận:", style="VB Recipients Label")
    doc.add_paragraph("{%p for line in closing.recipients %}", style="VB Recipients")
    doc.add_paragraph("{{ line }}", style="VB Recipients")
    doc.add_paragraph("{%p endfor %}", style="VB Recipients")


def _slim(doc: Any) -> None:
    """Keep only what the template uses: our styles and Word's defaults.

    python-docx's starting document carries 160 styles, a second copy of them
    (stylesWithEffects), a thumbnail of an empty page and custom XML; every
    render would parse them all, and an office would see styles that break the
    Decree (Calibri headings) in Word's gallery.
    """
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel_id)
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/webSettings")):
            doc.part.drop_rel(rel_id)
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    by_id = {st.get(qn("w:styleId")): st for st in styles.iter(qn("w:style"))}
    keep = {sid for sid, st in by_id.items()
            if sid.startswith(("VB", "Footnote")) or st.get(qn("w:default")) in ("1", "true")}
    frontier = list(keep)
    while frontier:
        st = by_id[frontier.pop()]
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = st.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) in by_id and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                frontier.append(ref.get(qn("w:val")))
    for sid, st in by_id.items():
        if sid not in keep:
            styles.remove(st)


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _footnotes(doc: Any) -> None:
    """A footnotes part holding only Word's separators; vbdocs adds the notes when rendering."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES_XML.encode(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    footnote_pr = OxmlElement("w:footnotePr")
    for note_id in ("-1", "0"):
        ref = OxmlElement("w:footnote")
        ref.set(qn("w:id"), note_id)
        footnote_pr.append(ref)
    settings.find(qn("w:compat")).addprevious(footnote_pr)


def _base(comments: str) -> Any:
    doc = Document()
    _defaults(doc)
    _styles(doc)
    _no_theme_fonts(doc)
    _section(doc)
    _slim(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    props = doc.core_properties
    props.title = "{{ properties.title }}"
    props.subject = "{{ properties.subject }}"
    props.author = "{{ properties.author }}"
    props.comments = comments
    props.language = "vi-VN"
    props.keywords = ""
    props.last_modified_by = "vbdocs"
    return doc


def make_document() -> Any:
    """Any văn bản hành chính (Mẫu 1.1–1.5): the header, the type name and trích yếu (or
    "V/v …" under the number for a công văn), Kính gửi if any, the body written in the
    styles above (``vbdocs.wordml``), Nơi nhận and the signature."""
    doc = _base("Mẫu 1.1–1.5, Phụ lục III, Nghị định 30/2020/NĐ-CP (vbdocs)")
    _footnotes(doc)
    doc.add_paragraph("{{p heading.draft }}", style=MARK_STYLE)  # "DỰ THẢO", boxed, above the header
    doc.add_paragraph("{%p if heading.shown %}", style="VB Body")  # none in a phụ lục of its own (Mẫu 2.2)
    _heading_table(doc)
    doc.add_paragraph("{%p if title.shown %}", style="VB Body")
    doc.add_paragraph("{{ title.type_name }}", style="VB Type Name")
    doc.add_paragraph("{%p if title.subject %}", style="VB Body")
    doc.add_paragraph("{{r title.subject }}", style="VB Subject")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{%p if title.note %}", style="VB Body")
    doc.add_paragraph("{{ title.note }}", style="VB Title Note")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{{p title.rule }}", style="VB Rule")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{%p if addressees.shown %}", style="VB Body")
    doc.add_paragraph("", style="VB Body")
    doc.add_paragraph("{%p if addressees.single %}", style="VB Body")
    doc.add_paragraph("{{ addressees.label }} {{ addressees.lines[0] }}", style="VB Addressee Label")
    doc.add_paragraph("{%p else %}", style="VB Body")
    doc.add_paragraph("{%p if addressees.centred %}", style="VB Body")
    doc.add_paragraph("{{ addressees.label }}", style=BLOCK_STYLES["center"])  # a Công điện's "… điện:"
    doc.add_paragraph("{%p else %}", style="VB Body")
    doc.add_paragraph("{{ addressees.label }}", style="VB Addressee Label")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{%p for line in addressees.lines %}", style="VB Addressee")
    doc.add_paragraph("{{ line }}", style="VB Addressee")
    doc.add_paragraph("{%p endfor %}", style="VB Addressee")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("", style="VB Body")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{{p blocks }}", style="VB Body")
    doc.add_paragraph("{%p if closing.shown %}", style="VB Body")
    doc.add_paragraph("{%p if closing.cosigned %}", style="VB Body")
    _signers_side_by_side(doc)
    doc.add_paragraph("{%p else %}", style="VB Body")
    _closing_table(doc)
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{%p endif %}", style="VB Body")
    doc.add_paragraph("{{p copy }}", style="VB Body")  # a copy's block (Mẫu 3.1)
    doc.add_paragraph("{{p appendices }}", style="VB Body")
    return doc


def main() -> None:
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for name, make in (("document.docx", make_document),):
        target = TEMPLATES / name
        make().save(str(target))
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
