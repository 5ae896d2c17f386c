"""Numbers and symbols of documents, and the numbering of their parts.

Số, ký hiệu (ô 3, Phụ lục I, Mục II.3): "Số: 25/KH-SNN" for a document with a type
name (tên loại), "Số: 3870/SNN-VP" for a công văn. Numbers below 10 take a leading
zero. Parts of the body are numbered with Roman numerals (mục), Arabic numerals
(khoản) and Vietnamese letters (điểm: a, b, c, d, đ, e, g, …).
"""

from __future__ import annotations

from collections.abc import Sequence

from .dates import DRAFT_BLANK

#: Bảng chữ viết tắt tên loại văn bản (Phụ lục III, Mục I). Công văn and thư công
#: have no abbreviation.
TYPE_ABBREVIATIONS: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Bản sao y": "SY",
    "Bản trích sao": "TrS",
    "Bản sao lục": "SL",
}

#: The 29 types of văn bản hành chính, as Điều 7 names them, in its order.
TYPE_NAMES: tuple[str, ...] = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn",
    "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng",
    "Công văn", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu",
    "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
)

#: The types whose Mẫu has no trích yếu under the type name, only its rule (Mẫu 1.8, 1.10).
TYPES_WITHOUT_SUBJECT = frozenset({"Giấy giới thiệu", "Giấy nghỉ phép"})

#: The types whose Mẫu has no place and date line under the motto: a Biên bản dates its
#: meeting in its body (Mẫu 1.9).
TYPES_WITHOUT_DATE_LINE = frozenset({"Biên bản"})

# The Vietnamese alphabet without the letters it borrows (f, j, w, z), in the order
# the Decree numbers điểm: "a, b, c, d, đ, e, g, h, i, k…".
_POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def roman(n: int) -> str:
    """Roman numeral of a mục, phần or chương: 1 → "I", 4 → "IV", 14 → "XIV"."""
    if not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def point_letter(n: int) -> str:
    """Letter of the n-th điểm (1-based): 1 → "a", 5 → "đ", 6 → "e", 7 → "g"."""
    if not 1 <= n <= len(_POINT_LETTERS):
        raise ValueError(f"no Vietnamese point letter for item {n}")
    return _POINT_LETTERS[n - 1]


def padded_number(n: int) -> str:
    """A document's or a count's number: below 10 with a leading zero ("05", "01")."""
    if n < 1:
        raise ValueError(f"document numbers start at 1, not {n}")
    return f"{n:02d}"


def type_abbreviation(type_name: str) -> str:
    """The Decree's abbreviation of a type name: "Kế hoạch" → "KH"."""
    try:
        return TYPE_ABBREVIATIONS[type_name]
    except KeyError:
        raise ValueError(f"no abbreviation for document type {type_name!r}") from None


def typed_symbol(type_name: str, agency_abbreviation: str) -> str:
    """Ký hiệu of a document with a type name: "KH-SNN"."""
    return f"{type_abbreviation(type_name)}-{agency_abbreviation}"


def letter_symbol(agency_abbreviation: str, unit_abbreviation: str) -> str:
    """Ký hiệu of a công văn: the agency, then the drafting unit or field ("SNN-VP")."""
    return f"{agency_abbreviation}-{unit_abbreviation}"


JOINT_MARK = "LT"
"""What a joint document's type abbreviation takes after it ("KHLT": kế hoạch liên tịch)."""


def joint_symbol(type_name: str | None, abbreviations: Sequence[str]) -> str:
    """Ký hiệu of a document several agencies issue together (văn bản liên tịch): the type's
    abbreviation marked "LT", then each agency's, the lead first ("KHLT-SNN-HND"); a công văn
    has only the agencies' ("SNN-HND"). Decree 30 says nothing of joint documents; this is the
    form of TT 01/2011/TT-BNV, which it replaced, that offices still write."""
    agencies = "-".join(abbreviations)
    return f"{type_abbreviation(type_name)}{JOINT_MARK}-{agencies}" if type_name is not None else agencies


def draft_number(symbol: str) -> str:
    """The số và ký hiệu of a document not issued yet: the number left blank for the văn
    thư, the symbol written ("     /KH-SNN"), on its Số line and where it is cited."""
    return f"{DRAFT_BLANK}/{symbol}"


def number_line(number: int | None, symbol: str) -> str:
    """The "Số:" line: "Số: 25/KH-SNN", or "Số:     /KH-SNN" in a draft."""
    if number is None:
        return f"Số:{draft_number(symbol)}"
    return f"Số: {padded_number(number)}/{symbol}"


def keeps_register(issuer_name: str, *, under_agency: bool) -> bool:
    """Whether a document of this issuer carries its own "Số:" (Điều 15): every agency
    and unit with its own seal and văn thư does; a phòng of an agency (its name "Phòng …",
    printed under the agency's) does not: it issues nothing under a number of its own,
    and keeps its copy itself ("Lưu: KHTC")."""
    return not (under_agency and issuer_name.strip().casefold().startswith("phòng "))


HEADING_LEVELS = 4
"""Levels of the outline a heading may stand at (``I.``, ``1.``, ``1.1.``, ``a)``); below them, lists."""

OUTLINE_LEVELS = 6
"""Levels of the outline of a plan, report or letter (PL I, II.6 as offices apply it):
``I.`` → ``1.`` → ``1.1.`` → ``a)`` → ``-`` → ``+``."""


def outline_label(level: int, index: int, parent: int | None = None) -> str:
    """The label of the ``index``-th part (1-based) at ``level`` of the outline:
    1 → "II.", 2 → "2.", 3 → "2.1." (``parent`` the number of the level-2 part above it;
    without one, "1."), 4 → "b)", 5 → "-", 6 → "+"."""
    if level == 1:
        return f"{roman(index)}."
    if level == 2:
        return f"{index}."
    if level == 3:
        return f"{parent}.{index}." if parent is not None else f"{index}."
    if level == 4:
        return f"{point_letter(index)})"
    if level == 5:
        return "-"
    if level == 6:
        return "+"
    raise ValueError(f"the outline has {OUTLINE_LEVELS} levels, not {level}")


CLAUSE_LEVELS = 4
"""Levels inside an Điều (PL I, II.6): khoản ``1.`` → điểm ``a)`` → ``-`` → ``+``."""


def clause_label(level: int, index: int) -> str:
    """The label of the ``index``-th part at ``level`` inside an Điều: 1 → "2.", 2 → "b)", 3 → "-", 4 → "+"."""
    if not 1 <= level <= CLAUSE_LEVELS:
        raise ValueError(f"an Điều has {CLAUSE_LEVELS} levels, not {level}")
    return outline_label(level + 1 if level == 1 else level + 2, index)
