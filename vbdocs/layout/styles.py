"""The template's paragraph styles for each part of a document's body, and the look of its tables.

The template builder (``tools/make_templates.py``) creates these styles from the
Decree's numbers (``vbdocs.layout.page``); the body is written in them
(``vbdocs.wordml``), so an office restyles a document in Word by its styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import page

#: The paragraph style of each kind of block of the body (``documents.base.Block``).
BLOCK_STYLES: dict[str, str] = {
    "section": "VB Section",        # I. MỤC: bold, upper case
    "subsection": "VB Subsection",  # 1. heading: bold
    "heading3": "VB Heading 3",     # 1.1. heading: bold italic
    "heading4": "VB Heading 4",     # a) heading: italic
    "paragraph": "VB Body",
    "closing": "VB Closing",
    "fill": "VB Fill",
    "basis": "VB Basis",            # Căn cứ …; italic
    "center": "VB Center",          # QUYẾT ĐỊNH: centred, bold
    "chapter": "VB Chapter",        # Chương I / TITLE: centred, bold
    "article": "VB Article",        # Điều 1. …: "Điều 1." bold
}


@dataclass(frozen=True)
class TableLook:
    """How a table of the body is drawn: its styles, borders and padding."""

    header_style: str
    body_style: str
    border_size: int
    """In eighths of a point."""
    padding: int
    """Left and right inside each cell, twips; the table is indented by it so that its borders
    stand on the text margins."""
    shade: str = "D9D9D9"
    """The fill of shaded header cells (light grey, legible in black and white)."""


TABLE_LOOK = TableLook("VB Table Heading", "VB Table", 4, page.TABLE_CELL_PADDING)

#: A mark in its box (ô 10a, 10b, 11, and "DỰ THẢO"), and the contact line (ô 13).
MARK_STYLE = "VB Mark"
CONTACT_STYLE = "VB Contact"

#: The styles of an agency's part of the header (ô 2): the parent body's line and the agency's name.
ISSUER_STYLES = {"parent": "VB Parent", "agency": "VB Agency"}

#: The styles a copy's block (Mẫu 3.1) is written in: the header's and the closing band's own.
COPY_STYLES = {
    "agency": "VB Agency",
    "number": "VB Number",
    "form": "VB Type Name",
    "place_date": "VB Place Date",
    "recipients_label": "VB Recipients Label",
    "recipients": "VB Recipients",
    "signer_title": "VB Signer Title",
    "signer_name": "VB Signer Name",
}

#: The paragraph styles of a phụ lục's heading (Mẫu 2.1).
APPENDIX_LABEL_STYLE = "VB Appendix Label"
APPENDIX_TITLE_STYLE = "VB Appendix Title"
APPENDIX_NOTE_STYLE = "VB Appendix Note"
