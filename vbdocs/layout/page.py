"""Page geometry and type sizes of Decree 30/2020/NĐ-CP, Phụ lục I (in twips and points).

One place for every number of the thể thức: the template builder writes them into
the ``.docx`` templates, and the header parts use the same numbers to break long
names and size rule lines. Where the Decree gives a range, the value chosen is
the one its sample table (Mục V) uses.
"""

from __future__ import annotations

from .metrics import mm

# Khổ giấy A4, portrait (Mục I.1–2).
PAGE_WIDTH = mm(210)
PAGE_HEIGHT = mm(297)
# Lề (Mục I.3): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP = mm(20)
MARGIN_BOTTOM = mm(20)
MARGIN_LEFT = mm(30)
MARGIN_RIGHT = mm(15)
HEADER_DISTANCE = mm(10)
"""Where the page number sits: inside the top margin."""
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
"""The width between the margins of a landscape page (an appendix of wide tables, PL I, I.2)."""

# The two-column header block: ô 2, 3 (and 5b) left; ô 1 and 4 right.
HEADER_LEFT = mm(70)
HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT
HEADER_TEXT_WIDTH = HEADER_LEFT - mm(4)
"""Widest line of the left column: 2 mm clear of each edge, so that a long parent or
agency name never touches the national title beside it."""
# The closing band: Nơi nhận left, signature block right.
CLOSING_LEFT = mm(80)
CLOSING_RIGHT = TEXT_WIDTH - CLOSING_LEFT

FONT = "Times New Roman"

# Cỡ chữ (points), as in the Decree's sample table; header sizes move together
# (quốc hiệu 12 with tiêu ngữ 13 and date 13).
SIZE_NATIONAL_TITLE = 12
SIZE_MOTTO = 13
SIZE_PARENT = 12
SIZE_AGENCY = 12
SIZE_NUMBER = 13
SIZE_PLACE_DATE = 13
SIZE_TYPE_NAME = 14
SIZE_SUBJECT = 14
SIZE_LETTER_SUBJECT = 12
SIZE_BODY = 14
SIZE_RECIPIENTS_LABEL = 12
SIZE_RECIPIENTS = 11
SIZE_SIGNER = 14
SIZE_PAGE_NUMBER = 14
SIZE_TABLE = 13
#: Space between a table cell's border and its text, left and right (Word's default, 1.9 mm).
TABLE_CELL_PADDING = 108
SIZE_APPENDIX_LABEL = 14
"""Phụ lục (PL I, III.1): "Phụ lục I" 14 pt bold, its title 14 pt bold upper case, the note
"(Kèm theo …)" 14 pt italic."""
SIZE_APPENDIX_TITLE = 14
SIZE_APPENDIX_NOTE = 14
SIZE_FOOTNOTE = 12
"""The Decree sets no footnote size; 12 pt, between the list (11) and the body (14)."""

FORM_TABLE_WIDTHS = (mm(15), mm(50), mm(40), TEXT_WIDTH - mm(105))
"""A form's table: STT, then three headed columns filling the text width."""
FORM_ROW_HEIGHT = mm(12)
"""The least height of a form's empty row: room to write in by hand."""

KINH_GUI_INDENT = mm(25)
"""Where "Kính gửi:" starts, from the left margin (the Decree fixes no position)."""

BODY_FIRST_LINE_INDENT = mm(12.7)
"""1.27 cm (the Decree allows 1 cm or 1.27 cm)."""
BODY_SPACE_AFTER = 6 * 20
"""At least 6 pt between paragraphs."""
BODY_LINE_SPACING = 264
"""Line spacing in 240ths of a line: 1.1 lines (single to 1.5 allowed)."""

RULE_FRACTION = 0.4
"""Rules under the agency name and the trích yếu: 1/3 to 1/2 of the text; 2/5 chosen."""

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
