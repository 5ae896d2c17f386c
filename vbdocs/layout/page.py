"""Page geometry and type sizes vbdocs writes (in twips and points), chosen within what
Decree 30/2020/NĐ-CP, Phụ lục I allows (``vbdocs.layout.decree``, checked as this module loads).

The template builder writes them into the ``.docx`` template, and the header parts use the
same numbers to break long names and size rule lines. Where the Decree gives a range, the
value chosen is the one its sample table (Mục V) uses.
"""

from __future__ import annotations

from . import decree
from .decree import (
    FIRST_LINE_INDENT_MM,
    LINE_SPACING,
    MARGINS_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    SIZES,
    SPACE_BETWEEN_PT,
)
from .metrics import mm

# Khổ giấy A4, portrait (Mục I.1–2).
PAGE_WIDTH = mm(PAGE_WIDTH_MM)
PAGE_HEIGHT = mm(PAGE_HEIGHT_MM)
# Lề (Mục I.3), the smallest the Decree allows: the widest text.
MARGIN_TOP = mm(MARGINS_MM["top"].check(20, "MARGIN_TOP"))
MARGIN_BOTTOM = mm(MARGINS_MM["bottom"].check(20, "MARGIN_BOTTOM"))
MARGIN_LEFT = mm(MARGINS_MM["left"].check(30, "MARGIN_LEFT"))
MARGIN_RIGHT = mm(MARGINS_MM["right"].check(15, "MARGIN_RIGHT"))
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
SIGNER_TEXT_WIDTH = CLOSING_RIGHT - mm(4)
"""Widest title line of the signature block, clear of the column's edges."""

FONT = "Times New Roman"

# Cỡ chữ (points), as in the Decree's sample table, each checked against what the Decree
# allows (``decree.SIZES``); header sizes move together (quốc hiệu 12 with tiêu ngữ 13 and date 13).
SIZE_NATIONAL_TITLE = SIZES["national_title"].check(12, "SIZE_NATIONAL_TITLE")
SIZE_MOTTO = SIZES["motto"].check(13, "SIZE_MOTTO")
SIZE_PARENT = SIZES["parent"].check(12, "SIZE_PARENT")
SIZE_AGENCY = SIZES["agency"].check(12, "SIZE_AGENCY")
SIZE_NUMBER = SIZES["number"].check(13, "SIZE_NUMBER")
SIZE_PLACE_DATE = SIZES["place_date"].check(13, "SIZE_PLACE_DATE")
SIZE_TYPE_NAME = SIZES["type_name"].check(14, "SIZE_TYPE_NAME")
SIZE_SUBJECT = SIZES["subject"].check(14, "SIZE_SUBJECT")
SIZE_LETTER_SUBJECT = SIZES["letter_subject"].check(12, "SIZE_LETTER_SUBJECT")
SIZE_BODY = SIZES["body"].check(14, "SIZE_BODY")
SIZE_RECIPIENTS_LABEL = SIZES["recipients_label"].check(12, "SIZE_RECIPIENTS_LABEL")
SIZE_RECIPIENTS = SIZES["recipients"].check(11, "SIZE_RECIPIENTS")
SIZE_SIGNER = SIZES["signer"].check(14, "SIZE_SIGNER")
SIZE_PAGE_NUMBER = SIZES["page_number"].check(14, "SIZE_PAGE_NUMBER")
SIZE_TABLE = 13
#: Space between a table cell's border and its text, left and right (Word's default, 1.9 mm).
TABLE_CELL_PADDING = 108
SIZE_APPENDIX_LABEL = SIZES["appendix"].check(14, "SIZE_APPENDIX_LABEL")
"""Phụ lục (PL I, III.1): "Phụ lục I" 14 pt bold, its title 14 pt bold upper case, the note
"(Kèm theo …)" 14 pt italic."""
SIZE_APPENDIX_TITLE = SIZES["appendix"].check(14, "SIZE_APPENDIX_TITLE")
SIZE_APPENDIX_NOTE = SIZES["appendix"].check(14, "SIZE_APPENDIX_NOTE")
SIZE_MARK = SIZES["mark"].check(13, "SIZE_MARK")
"""Độ mật, độ khẩn, phạm vi lưu hành (ô 10–11): upper case, bold, 13–14 pt, in a box."""
MARK_PADDING = mm(2)
SIZE_CONTACT = SIZES["contact"].check(11, "SIZE_CONTACT")
"""Địa chỉ, điện thoại, e-mail, website (ô 13): 11–12 pt, on page 1 under a full-width line."""
SIZE_FOOTNOTE = 12
"""The Decree sets no footnote size; 12 pt, between the list (11) and the body (14)."""

FORM_TABLE_WIDTHS = (mm(15), mm(50), mm(40), TEXT_WIDTH - mm(105))
"""A form's table: STT, then three headed columns filling the text width."""
FORM_ROW_HEIGHT = mm(12)
"""The least height of a form's empty row: room to write in by hand."""

KINH_GUI_INDENT = mm(25)
"""Where "Kính gửi:" starts, from the left margin (the Decree fixes no position)."""

BODY_FIRST_LINE_INDENT = mm(FIRST_LINE_INDENT_MM.check(12.7, "BODY_FIRST_LINE_INDENT"))
"""1.27 cm (the Decree allows 1 cm or 1.27 cm)."""
BODY_SPACE_AFTER = SPACE_BETWEEN_PT * 20
"""At least 6 pt between paragraphs."""
BODY_LINE_SPACING = round(240 * LINE_SPACING.check(1.1, "BODY_LINE_SPACING"))
"""Line spacing in 240ths of a line: 1.1 lines (single to 1.5 allowed)."""

RULE_FRACTION = decree.RULE_FRACTION.check(0.4, "RULE_FRACTION")
"""Rules under the agency name and the trích yếu: 1/3 to 1/2 of the text; 2/5 chosen."""

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
