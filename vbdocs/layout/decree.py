"""What Decree 30/2020/NĐ-CP, Phụ lục I allows, each number written once, with its item.

Where the Decree gives a range, it is kept as a range: ``vbdocs.layout.page`` chooses the
value vbdocs writes from it (checked here when the package loads), and ``vbdocs check``
reads the same ranges to judge a document made by anyone. Sizes are in points, lengths in
millimetres, unless named otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """The type sizes an element may be set in (points), and where the Decree says so."""

    allowed: tuple[float, ...]
    item: str

    def check(self, chosen: float, name: str) -> float:
        if chosen not in self.allowed:
            raise ValueError(f"{name}: {chosen} pt is not one of {self.allowed} ({self.item})")
        return chosen

    @property
    def text(self) -> str:
        """ "13–14 pt", "13 pt"."""
        low, high = min(self.allowed), max(self.allowed)
        return f"{low:g}–{high:g} pt" if low != high else f"{low:g} pt"


@dataclass(frozen=True)
class Span:
    """A length the Decree allows from ``low`` to ``high``."""

    low: float
    high: float
    item: str

    def check(self, chosen: float, name: str) -> float:
        if not self.low <= chosen <= self.high:
            raise ValueError(f"{name}: {chosen} is outside {self.low}–{self.high} ({self.item})")
        return chosen


#: Khổ giấy (PL I, I.1–2): A4, portrait (landscape only for wide tables).
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297

#: Lề (PL I, I.3).
MARGINS_MM = {
    "top": Span(20, 25, "PL I, I.3"),
    "bottom": Span(20, 25, "PL I, I.3"),
    "left": Span(30, 35, "PL I, I.3"),
    "right": Span(15, 20, "PL I, I.3"),
}

#: Cỡ chữ of each element (PL I, Phần II; the sample table of Mục V).
SIZES = {
    "national_title": Sizes((12, 13), "PL I, II.1"),
    "motto": Sizes((13, 14), "PL I, II.1"),
    "parent": Sizes((12, 13), "PL I, II.2"),
    "agency": Sizes((12, 13), "PL I, II.2"),
    "number": Sizes((13,), "PL I, II.3"),
    "place_date": Sizes((13, 14), "PL I, II.4"),
    "type_name": Sizes((13, 14), "PL I, II.5.a"),
    "subject": Sizes((13, 14), "PL I, II.5.a"),
    "letter_subject": Sizes((12, 13), "PL I, II.5.b"),
    "body": Sizes((13, 14), "PL I, II.6"),
    "addressees": Sizes((13, 14), "PL I, II.9.a"),
    "recipients_label": Sizes((12,), "PL I, II.9.b"),
    "recipients": Sizes((11,), "PL I, II.9.b"),
    "signer": Sizes((13, 14), "PL I, II.7"),
    "page_number": Sizes((13, 14), "PL I, I.7"),
    "appendix": Sizes((13, 14), "PL I, III.1"),
    "mark": Sizes((13, 14), "PL I, II.10–11"),
    "contact": Sizes((11, 12), "PL I, II.13"),
}

#: The rules under the agency name and the trích yếu: a third to a half of the text's length
#: (PL I, II.2 and II.5); ``RULE_SLACK`` is what a checker forgives for drawing by hand.
RULE_FRACTION = Span(1 / 3, 1 / 2, "PL I, II.2; II.5.a")
RULE_SLACK = 0.05

#: The body (PL I, II.6.e): first line indented 1 cm or 1.27 cm, at least 6 pt between
#: paragraphs, single to 1.5 lines.
FIRST_LINE_INDENT_MM = Span(10, 12.7, "PL I, II.6.e")
SPACE_BETWEEN_PT = 6
LINE_SPACING = Span(1.0, 1.5, "PL I, II.6.e")
