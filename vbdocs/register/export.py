"""The register of outgoing documents exported: the Decree's form (Phụ lục IV) as a .docx, and
the same table as CSV and XLSX for a spreadsheet.

Pure functions from a list of :class:`RegisterEntry` (and the agency's names) to bytes: the store
that keeps the entries and the CLI that writes the files are elsewhere.

The form (Decree 30/2020/NĐ-CP, Phụ lục IV, I): a cover with the parent body and the agency,
"SỔ ĐĂNG KÝ VĂN BẢN ĐI", the year, the numbers it runs from and to and its quyển số; then the
register's table, ten columns numbered (1)–(10). The cover is an A4 portrait page and the table
A4 landscape pages (the Decree's body rules allow a landscape section after the first), with
the Decree's margins, in Times New Roman.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import VbdocsError
from ..i18n import _
from ..vn.dates import short_date
from ..vn.numbering import padded_number
from ..vn.text import normalize, upper
from ..wordml import W_NAMESPACE, text_xml
from .entry import RegisterEntry

if TYPE_CHECKING:
    from ..schema.units import Agency

#: The register's columns as Phụ lục IV heads them, in order: (1) to (10).
COLUMNS: tuple[str, ...] = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)

WITHDRAWN = "Đã thu hồi"
"""What Ghi chú says of a withdrawn document, whose line stays in the register."""

TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"


@dataclass(frozen=True)
class Issuer:
    """The agency whose register it is, as its cover names it."""

    name: str
    """The agency's name ("Sở Nông nghiệp và Phát triển nông thôn"), upper-cased on the cover."""
    parent: str = ""
    """Its parent body ("UBND tỉnh Bình Thuận"), or "" for none."""

    @classmethod
    def of(cls, agency: Agency) -> Issuer:
        """The issuer as the units file describes the agency."""
        return cls(agency.in_text, " ".join(agency.parent.name.split()) if agency.parent else "")


def ordered(entries: Iterable[RegisterEntry]) -> list[RegisterEntry]:
    """The entries in the order the văn thư wrote them: by date of issue, then sequence and number."""
    return sorted(entries, key=lambda e: (e.issued, e.sequence, e.number))


def number_text(entry: RegisterEntry) -> str:
    """ "02/KH-SNN": column (1)."""
    return f"{padded_number(entry.number)}/{entry.notation}"


def note_text(entry: RegisterEntry) -> str:
    """Ghi chú, with "Đã thu hồi" first for a withdrawn document."""
    parts = ([WITHDRAWN] if entry.withdrawn else []) + ([entry.note] if entry.note else [])
    return "; ".join(parts)


def recipient_names(entry: RegisterEntry) -> list[str]:
    """The recipients as the register names them: each without the "- " and the ";" or "." it has
    in the Nơi nhận of the document; the "Lưu: …" line is column (6), not (5)."""
    names = []
    for recipient in entry.recipients:
        name = recipient.strip().removeprefix("-").strip().rstrip(";.,").strip()
        if name and not name.startswith("Lưu:"):
            names.append(name)
    return names


def cells(entry: RegisterEntry, *, recipients_separator: str = "\n") -> tuple[str, ...]:
    """An entry's line in the register, column by column, as text (NFC).

    Ngày chuyển (8) and Ký nhận (9) are left empty: the văn thư writes them when the document is
    handed over, and the person who receives it signs.
    """
    title = " ".join(part for part in (entry.type_name, entry.subject) if part)
    row = (
        number_text(entry),
        short_date(entry.issued),
        title,
        entry.signer,
        recipients_separator.join(recipient_names(entry)),
        entry.filing,
        padded_number(entry.copies) if entry.copies > 0 else "",
        "",
        "",
        note_text(entry),
    )
    return tuple(normalize(text) for text in row)


def rows(entries: Iterable[RegisterEntry], *, recipients_separator: str = "; ") -> list[tuple[str, ...]]:
    """The register's lines in order, one tuple of ten texts each."""
    return [cells(e, recipients_separator=recipients_separator) for e in ordered(entries)]


# --- CSV and XLSX -----------------------------------------------------------------------------


def csv_bytes(entries: Iterable[RegisterEntry]) -> bytes:
    """The register as CSV: a header row of the Decree's column names, then one row per entry;
    UTF-8 with a byte order mark, so that Excel reads the Vietnamese right; CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(entries))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


class MissingExtra(VbdocsError):
    """An export needs a library that an extra of vbdocs installs."""


def xlsx_bytes(entries: Iterable[RegisterEntry], *, year: int, when: dt.datetime | None = None) -> bytes:
    """The register as an XLSX workbook: one sheet named for the year, the header row bold and
    frozen, recipients one per line in their cell. ``when`` is written as the workbook's creation
    and modification time (fixed, so two exports of one register are the same bytes).

    Raises:
        MissingExtra: openpyxl is not installed (``pip install 'vbdocs[xlsx]'``).
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise MissingExtra(_("writing XLSX needs openpyxl: install it with pip install 'vbdocs[xlsx]'")) from None
    stamp = when or dt.datetime(year, 1, 1)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Sổ văn bản đi {year}"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows(entries, recipients_separator="\n"):
        sheet.append(list(row))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for letter, width in zip("ABCDEFGHIJ", (16, 12, 50, 22, 40, 22, 9, 12, 12, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "vbdocs"
    out = io.BytesIO()
    book.save(out)  # sets the modification time to now: put back below
    modified = f">{stamp.strftime('%Y-%m-%dT%H:%M:%SZ')}</dcterms:modified>".encode()
    return _fixed_zip(out.getvalue(), stamp, {
        "docProps/core.xml": lambda xml: re.sub(rb">[^<]*</dcterms:modified>", modified, xml)})


# --- The Phụ lục IV form as a .docx -------------------------------------------------------------

#: Twips per millimetre.
_MM = 1440 / 25.4
#: A4, and the Decree's margins (Phụ lục I, I.3): top and bottom 20, left 30, right 15 mm.
_A4 = (210, 297)
_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
#: The table's columns on an A4 landscape page, in mm (247 mm between the margins).
_WIDTHS_MM = (24, 24, 50, 24, 40, 24, 13, 16, 14, 18)
_TABLE_PT = 12
_COVER_PT = 13


def _tw(mm: float) -> int:
    return round(mm * _MM)


def _run(text: str, size: float, *, bold: bool = False) -> str:
    half = round(size * 2)
    props = (f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" '
             f'w:eastAsia="Times New Roman"/>{"<w:b/><w:bCs/>" if bold else ""}'
             f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
    return f'<w:r>{props}<w:t xml:space="preserve">{text_xml(normalize(text))}</w:t></w:r>'


def _para(text: str, size: float, *, bold: bool = False, align: str = "center", before: float = 0,
          after: float = 0) -> str:
    spacing = (f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" '
               'w:line="240" w:lineRule="auto"/>')
    runs = _run(text, size, bold=bold) if text else ""
    return f'<w:p><w:pPr>{spacing}<w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'


def _section(*, landscape: bool) -> str:
    """The cover's section (portrait, its page unnumbered) or the table's (landscape, numbered
    on from 2 at the top centre, as the Decree numbers a document's pages, PL I, I.7)."""
    width, height = (_A4[1], _A4[0]) if landscape else _A4
    orient = ' w:orient="landscape"' if landscape else ""
    margins = " ".join(f'w:{edge}="{_tw(mm)}"' for edge, mm in _MARGINS.items())
    headers = '<w:headerReference w:type="default" r:id="rId2"/>'
    if not landscape:
        headers += '<w:headerReference w:type="first" r:id="rId3"/>'
    return (f'<w:sectPr>{headers}<w:pgSz w:w="{_tw(width)}" w:h="{_tw(height)}"{orient}/>'
            f'<w:pgMar {margins} w:header="720" w:footer="720" w:gutter="0"/>'
            f'{"" if landscape else "<w:titlePg/>"}</w:sectPr>')


def _cover(issuer: Issuer, year: int, entries: Sequence[RegisterEntry]) -> str:
    """The cover (Phụ lục IV): parent body and agency, the title, the year, from and to, quyển số."""
    parts = []
    if issuer.parent:
        parts.append(_para(upper(issuer.parent), _COVER_PT))
    parts.append(_para(upper(issuer.name), _COVER_PT, bold=True))
    parts.append(_para("", _COVER_PT, before=150))
    parts.append(_para(TITLE, 16, bold=True))
    parts.append(_para(f"Năm: {year}", 14, bold=True, before=24))
    for line in _number_range(entries):
        parts.append(_para(line, 14, before=12))
    parts.append(_para("Quyển số: 01", 14, before=12))
    return "".join(parts)


def _number_range(entries: Sequence[RegisterEntry]) -> list[str]:
    """ "Từ số 01 đến số 12", one line per numbering sequence when the register holds several."""
    by_sequence: dict[str, list[int]] = {}
    for entry in entries:
        by_sequence.setdefault(entry.sequence, []).append(entry.number)
    if not by_sequence:
        return ["Từ số …… đến số ……"]
    lines = []
    for sequence, numbers in by_sequence.items():
        line = f"Từ số {padded_number(min(numbers))} đến số {padded_number(max(numbers))}"
        lines.append(line if len(by_sequence) == 1 else f"{line} ({sequence})")
    return lines


def _cell(width: int, texts: Sequence[str], *, bold: bool = False, align: str = "left") -> str:
    paragraphs = "".join(_para(text, _TABLE_PT, bold=bold, align=align) for text in texts or [""])
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'


def _table(entries: Sequence[RegisterEntry]) -> str:
    widths = [_tw(mm) for mm in _WIDTHS_MM]
    borders = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>'
    header = "".join(_cell(w, [name], bold=True, align="center") for w, name in zip(widths, COLUMNS, strict=True))
    numbers = "".join(_cell(w, [f"({i})"], align="center") for i, w in enumerate(widths, start=1))
    lines = []
    centred = {1, 6, 7}  # the date, the number of copies and the day handed over stand centred
    for entry in entries:
        row = cells(entry)
        lines.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>' + "".join(
            _cell(w, text.split("\n"), align="center" if i in centred else "left")
            for i, (w, text) in enumerate(zip(widths, row, strict=True))) + "</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            f'<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f'<w:tr>{head}{header}</w:tr><w:tr>{head}{numbers}</w:tr>{"".join(lines)}</w:tbl>')


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '</Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header1.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header2.xml"/></Relationships>'
)
_R_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PAGE_PT = 13


def _header(numbered: bool) -> str:
    """A page header: the page's number, centred (a PAGE field), or nothing (the cover's)."""
    half = _PAGE_PT * 2
    props = (f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
             f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>')
    field = (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
             f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{props}<w:t>2</w:t></w:r>'
             f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>') if numbered else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W_NAMESPACE}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{field}</w:p></w:hdr>')
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NAMESPACE}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" '
    'w:eastAsia="Times New Roman"/>'
    f'<w:sz w:val="{_TABLE_PT * 2}"/><w:szCs w:val="{_TABLE_PT * 2}"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '</w:styles>'
)


def docx_bytes(entries: Iterable[RegisterEntry], issuer: Issuer, *, year: int,
               when: dt.datetime | None = None) -> bytes:
    """The register for ``year`` as the Decree's form (Phụ lục IV): the cover on an A4 portrait
    page, then the table on A4 landscape pages, its two header rows repeated on each page.

    ``when`` is the time written on the package's parts (1 January of the year by default,
    ``vbdocs.rendering.source_date`` at the caller's choice): the same register gives the same bytes.
    """
    listed = ordered(entries)
    cover_section = f'<w:p><w:pPr>{_section(landscape=False)}</w:pPr></w:p>'
    # a table cannot end a section: an empty paragraph closes it, as Word does
    body = (_cover(issuer, year, listed) + cover_section + _table(listed) + _para("", _TABLE_PT)
            + _section(landscape=True))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NAMESPACE}" xmlns:r="{_R_NAMESPACE}"><w:body>{body}</w:body></w:document>')
    parts = (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
             ("word/_rels/document.xml.rels", _DOCUMENT_RELS), ("word/document.xml", document),
             ("word/styles.xml", _STYLES), ("word/header1.xml", _header(True)), ("word/header2.xml", _header(False)))
    return _zip(((name, text.encode("utf-8")) for name, text in parts), when or dt.datetime(year, 1, 1))


def _zip(parts: Iterable[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A zip of ``parts`` in order, every entry with the same time and attributes."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def _fixed_zip(data: bytes, when: dt.datetime, edits: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """A zip made by another library rewritten with fixed entry times, the parts named in ``edits``
    changed by them."""
    keep: Callable[[bytes], bytes] = lambda blob: blob  # noqa: E731
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _zip(((info.filename, edits.get(info.filename, keep)(archive.read(info.filename)))
                     for info in archive.infolist()), when)
