"""WordprocessingML for the pieces of a document: the one module that writes OOXML.

Text from YAML reaches a template only through here, already escaped
(:func:`text_xml`), so no value is ever read as template code, whatever braces, ``&``
or ``<`` it holds. Paragraphs name the template's styles ("VB …", ``vbdocs.layout``),
and carry no formatting of their own but emphasis in runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .inline import Text
from .layout.page import CLOSING_LEFT, CLOSING_RIGHT, HEADER_LEFT, HEADER_RIGHT
from .layout.parts import CopyBlock, Issuer, Mark, Rule
from .layout.styles import (
    APPENDIX_LABEL_STYLE,
    APPENDIX_NOTE_STYLE,
    APPENDIX_TITLE_STYLE,
    BLOCK_STYLES,
    COPY_STYLES,
    ISSUER_STYLES,
    MARK_STYLE,
    TABLE_LOOK,
    TableLook,
)

if TYPE_CHECKING:
    from .documents.base import AppendixContent, Block, Table

_XML_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    # docxtpl rewrites "{_{" and friends after rendering; numeric references keep
    # braces and percent signs out of its reach.
    "{": "&#123;", "}": "&#125;", "%": "&#37;",
})
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
# The mark is superscript by its style and directly too: LibreOffice lays out the mark in
# the footnote area with a style of its own unless the run says so itself.
_NOTE_MARK_PROPS = f'<w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE_STYLE}"/><w:vertAlign w:val="superscript"/></w:rPr>'
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def text_xml(text: str) -> str:
    """Text for the inside of a ``<w:t>``: escaped, line breaks and tabs as elements."""
    return text.translate(_XML_ESCAPES).replace("\n", _BREAK).replace("\t", _TAB)


def runs_xml(text: Text, notes: dict[str, int] | None = None) -> str:
    """Rich text as ``<w:r>`` runs; emphasis as run properties, all else from the style.

    A footnote span becomes a real footnote reference (``<w:footnoteReference>``),
    numbered by Word; ``notes`` maps footnote names to their ids in footnotes.xml.
    """
    out = []
    for span in text.spans:
        if span.footnote:
            note_id = (notes or {})[span.footnote]
            out.append(f"<w:r>{_NOTE_MARK_PROPS}<w:footnoteReference w:id=\"{note_id}\"/></w:r>")
            continue
        props = ("<w:b/><w:bCs/>" if span.bold else "") + ("<w:i/><w:iCs/>" if span.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text_xml(span.text)}</w:t></w:r>')
    return "".join(out)


def lines_xml(lines: Iterable[str]) -> str:
    """Plain lines for the inside of one ``<w:t>``, a line break between two."""
    return _BREAK.join(text_xml(line) for line in lines)


def rich_lines_xml(lines: Iterable[Text]) -> str:
    """Lines of rich text as runs, a line break between two."""
    return "<w:r><w:br/></w:r>".join(runs_xml(line) for line in lines)


def rule_xml(rule: Rule) -> str:
    """A rule as an empty paragraph with a top border, centred by equal indents."""
    return (
        '<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr>'
        '<w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:ind w:left="{rule.indent}" w:right="{rule.indent}"/></w:pPr></w:p>'
    )


def footnote_xml(note_id: int, text: Text) -> str:
    """One ``<w:footnote>``: the reference mark, a space, the text."""
    return (
        f'<w:footnote xmlns:w="{W_NAMESPACE}" w:id="{note_id}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{FOOTNOTE_TEXT_STYLE}"/></w:pPr>'
        f"<w:r>{_NOTE_MARK_PROPS}<w:footnoteRef/></w:r>"
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs_xml(text)}</w:p></w:footnote>'
    )


def style_id(name: str) -> str:
    """The id Word gives a paragraph style called ``name`` ("VB Body" → "VBBody")."""
    return name.replace(" ", "")


def paragraph_xml(style: str, text: Text, notes: dict[str, int] | None = None, *, align: str | None = None) -> str:
    """A paragraph in a style of the template (its name), the text as runs."""
    jc = f'<w:jc w:val="{_JC[align]}"/>' if align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/>{jc}</w:pPr>{runs_xml(text, notes)}</w:p>'


_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}

PAGE_BREAK_XML = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def table_xml(table: Table, look: TableLook, notes: dict[str, int] | None = None) -> str:
    """A bordered table: fixed column widths, header rows repeated on every page, merged
    cells (``gridSpan`` across, ``vMerge`` down: a cell that covers rows below is continued
    in each of them), cell paragraphs in the template's table styles."""
    border = f'w:val="single" w:sz="{look.border_size}" w:space="0" w:color="000000"'
    edges = "".join(f"<w:{edge} {border}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(table.widths)}" w:type="dxa"/>',
        f'<w:tblInd w:w="{look.padding}" w:type="dxa"/>',
        f"<w:tblBorders>{edges}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        f'<w:tblCellMar><w:left w:w="{look.padding}" w:type="dxa"/>'
        f'<w:right w:w="{look.padding}" w:type="dxa"/></w:tblCellMar>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in table.widths),
        "</w:tblGrid>",
    ]
    below = [0] * len(table.widths)  # rows still covered by a cell above, per column
    spans_below = [1] * len(table.widths)
    rows = [(row, True) for row in table.header] + [(row, False) for row in table.rows]
    for row, is_header in rows:
        out.append("<w:tr>")
        props = "<w:cantSplit/>" + ("<w:tblHeader/>" if is_header else "")
        if table.row_height and not is_header:
            props += f'<w:trHeight w:val="{table.row_height}" w:hRule="atLeast"/>'
        out.append(f"<w:trPr>{props}</w:trPr>")
        cells = iter(row)
        column = 0
        while column < len(table.widths):
            if below[column]:
                span = spans_below[column]
                out.append(_cell_xml(table.widths[column:column + span], span, "continue", (), look, is_header,
                                     None, False, notes, shaded=is_header and table.shaded))
                below[column] -= 1
                column += span
                continue
            cell = next(cells, None)
            if cell is None:
                break  # a short row: checked when the file is read
            merge = "restart" if cell.rows > 1 else None
            if cell.rows > 1:
                below[column] = cell.rows - 1
                spans_below[column] = cell.span
            align = cell.align or (None if is_header or column >= len(table.align) else table.align[column])
            out.append(_cell_xml(table.widths[column:column + cell.span], cell.span, merge, cell.paragraphs, look,
                                 is_header, align or (None if is_header else "justify"), cell.bold, notes,
                                 shaded=is_header and table.shaded))
            column += cell.span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell_xml(widths: Sequence[int], span: int, merge: str | None, paragraphs: Sequence[Text], look: TableLook,
              is_header: bool, align: str | None, bold: bool, notes: dict[str, int] | None, *,
              shaded: bool = False) -> str:
    props = f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    if shaded:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{look.shade}"/>'
    props += '<w:vAlign w:val="center"/>'
    style = look.header_style if is_header else look.body_style
    texts = [t.with_emphasis(bold=True) if bold else t for t in paragraphs] or [Text()]
    body = "".join(paragraph_xml(style, t, notes, align=align) for t in texts)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def body_xml(blocks: Iterable[Block], notes: dict[str, int] | None = None) -> str:
    """The body's blocks as paragraphs and tables in the template's styles. A table is
    followed by an empty paragraph: two tables, or a table and the closing band, never touch."""
    from .documents.base import as_paragraphs

    out = []
    for block in as_paragraphs(blocks):
        if block.kind == "page_break":
            out.append(PAGE_BREAK_XML)
        elif block.mark is not None:
            out.append(mark_xml(block.mark))
        elif block.table is not None:
            out.append(table_xml(block.table, TABLE_LOOK, notes))
            out.append(paragraph_xml(BLOCK_STYLES["paragraph"], Text()))
        else:
            out.append(paragraph_xml(BLOCK_STYLES[block.kind], block.text, notes))
    return "".join(out)


def section_properties(base: str, *, landscape: bool, restart: bool) -> str:
    """A section's ``<w:sectPr>`` made from the document's (``base``, as the template holds it):
    the page turned landscape (width and height swapped, the margins kept by edge), page
    numbers restarting at 1 (PL I, III.1.đ: each phụ lục numbers its own pages)."""
    from lxml import etree

    root = etree.fromstring(base)
    w = f"{{{W_NAMESPACE}}}"
    size = root.find(f"{w}pgSz")
    if size is not None and landscape:
        width, height = size.get(f"{w}w"), size.get(f"{w}h")
        if width is not None and height is not None and int(width) < int(height):
            size.set(f"{w}w", height)
            size.set(f"{w}h", width)
        size.set(f"{w}orient", "landscape")
    if restart:
        numbers = root.find(f"{w}pgNumType")
        if numbers is None:
            numbers = etree.SubElement(root, f"{w}pgNumType")
            # pgNumType stands after pgMar/paperSrc/pgBorders/lnNumType, before cols
            anchor = next((root.find(f"{w}{tag}") for tag in ("cols", "formProt", "vAlign", "noEndnote",
                                                                "titlePg", "textDirection", "bidi", "rtlGutter",
                                                                "docGrid", "printerSettings")
                           if root.find(f"{w}{tag}") is not None), None)
            if anchor is not None:
                anchor.addprevious(numbers)
        numbers.set(f"{w}start", "1")
    text: str = etree.tostring(root, encoding="unicode")
    return text


def appendices_xml(appendices: Sequence[AppendixContent], base: str, notes: dict[str, int] | None = None,
                   *, alone: bool = False) -> str:
    """The phụ lục after the document, each in a section of its own: a paragraph closes the
    section before it (the document's, ``base``, or the previous phụ lục's), then the label,
    the title, the note, a rule and the body. The last phụ lục's properties are the
    document's final ones (:func:`last_section_properties`). ``alone``: a phụ lục in a file
    of its own (Mẫu 2.2), with no document before it to close."""
    out = []
    previous = base
    for i, appendix in enumerate(appendices):
        if i or not alone:
            out.append(f"<w:p><w:pPr>{previous}</w:pPr></w:p>")
        out.append(paragraph_xml(APPENDIX_LABEL_STYLE, Text.plain(appendix.label)))
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id(APPENDIX_TITLE_STYLE)}"/></w:pPr>'
                   f'<w:r><w:t xml:space="preserve">{lines_xml(appendix.title_lines)}</w:t></w:r></w:p>')
        out.append(paragraph_xml(APPENDIX_NOTE_STYLE, Text.plain(appendix.note)))
        out.append(rule_xml(appendix.rule))
        out.append(body_xml(appendix.body, notes))
        previous = section_properties(base, landscape=appendix.landscape, restart=True)
    return "".join(out)


def last_section_properties(appendices: Sequence[AppendixContent], base: str) -> str | None:
    """The final ``<w:sectPr>`` of a document with phụ lục: the last one's; None without any."""
    if not appendices:
        return None
    return section_properties(base, landscape=appendices[-1].landscape, restart=True)


def mark_xml(mark: Mark, style: str = MARK_STYLE) -> str:
    """A mark in its single-line box (ô 10–11): a paragraph bordered on four sides, narrowed
    by equal indents to the text's width; red ink where the Decree asks for it."""
    edges = "".join(f'<w:{edge} w:val="single" w:sz="8" w:space="1" w:color="{"FF0000" if mark.red else "000000"}"/>'
                    for edge in ("top", "left", "bottom", "right"))
    color = '<w:rPr><w:color w:val="FF0000"/></w:rPr>' if mark.red else ""
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/><w:pBdr>{edges}</w:pBdr>'
            f'<w:ind w:left="{mark.left}" w:right="{mark.right}"/></w:pPr>'
            f'<w:r>{color}<w:t xml:space="preserve">{text_xml(mark.text)}</w:t></w:r></w:p>')


def _plain_table(widths: Sequence[int], cells: Sequence[str]) -> str:
    """A borderless one-row table of fixed widths, its cells' paragraphs given as XML."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    row = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
                  for w, cell in zip(widths, cells, strict=True))
    edges = "".join(f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{edges}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
            f'</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>{row}</w:tr>'
            '</w:tbl>')


def _lines_paragraph(style: str, lines: Iterable[str]) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/></w:pPr><w:r><w:t xml:space="preserve">' \
           f'{lines_xml(lines)}</w:t></w:r></w:p>'


def issuers_xml(issuers: Iterable[Issuer]) -> str:
    """The parts of the header of the other agencies of a joint document, each its parent, its
    name and its rule, in the styles of the lead agency's (ô 2)."""
    return "".join((_lines_paragraph(ISSUER_STYLES["parent"], one.parent_lines) if one.parent_lines else "")
                   + _lines_paragraph(ISSUER_STYLES["agency"], one.agency_lines) + rule_xml(one.agency_rule)
                   for one in issuers)


SIGNATURE_BOOKMARK = "chuky{}"
"""The bookmark on a signer's name, numbered from 1 (the first signer; then a Biên bản's Thư ký or the
other agencies of a joint document): the place of an electronic original's signature image, centred
in the room above the name (Phụ lục I, II.7.d), with the seal over its left third (II.8.a). A PDF
made by vbdocs keeps it as a named destination, so the signature goes where the layout put it."""

_W = f"{{{W_NAMESPACE}}}"


def bookmark_signatures(body: Any, names: Sequence[str], style: str = "VB Signer Name") -> None:
    """Bookmark the name paragraph (in ``style``) of each signer, by their name, in place."""
    wanted: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        wanted.setdefault(name, number)
    for p in body.iter(f"{_W}p"):
        used = p.find(f"{_W}pPr/{_W}pStyle")
        if used is None or used.get(f"{_W}val") != style_id(style):
            continue
        name = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        if name not in wanted:
            continue
        number = wanted.pop(name)
        start = p.makeelement(f"{_W}bookmarkStart", {f"{_W}id": str(number),
                                                     f"{_W}name": SIGNATURE_BOOKMARK.format(number)})
        p.insert(p.index(p.find(f"{_W}pPr")) + 1, start)
        p.append(p.makeelement(f"{_W}bookmarkEnd", {f"{_W}id": str(number)}))


def copy_block_xml(block: CopyBlock) -> str:
    """A copy's block (Mẫu 3.1) under a line across the text: the copying agency, its rule and
    "Số: …/SY-…" beside the hình thức sao and the date line; then its Nơi nhận beside its signature."""
    line = ('<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" '
            'w:color="000000"/></w:pBdr><w:spacing w:before="240"/></w:pPr></w:p>')
    left = (_lines_paragraph(COPY_STYLES["agency"], block.agency_lines) + rule_xml(block.agency_rule)
            + _lines_paragraph(COPY_STYLES["number"], [block.number]))
    right = (_lines_paragraph(COPY_STYLES["form"], [block.form])
             + _lines_paragraph(COPY_STYLES["place_date"], [block.place_date]))
    recipients = _lines_paragraph(COPY_STYLES["recipients_label"], ["Nơi nhận:"]) + "".join(
        _lines_paragraph(COPY_STYLES["recipients"], [r]) for r in block.closing.recipients)
    signature = (_lines_paragraph(COPY_STYLES["signer_title"], block.closing.signer_titles)
                 + _lines_paragraph(COPY_STYLES["signer_name"], [block.closing.signer_name]))
    return (line + _plain_table((HEADER_LEFT, HEADER_RIGHT), (left, right))
            + _lines_paragraph(BLOCK_STYLES["paragraph"], [""])
            + _plain_table((CLOSING_LEFT, CLOSING_RIGHT), (recipients, signature)))
