"""The parts of the thể thức every document kind shares, as content ready to render.

* :class:`Heading`: phần đầu (ô 1–4): parent body and agency with its rule,
  Số/ký hiệu, national title and motto with its rule, place and date.
* :class:`Title`: tên loại and trích yếu (ô 5a) with the rule under it.
* :class:`Closing`: Nơi nhận (ô 9b) on the left and the signature block (ô 7) on
  the right, on the same band.

A document kind builds these with the functions here; it never lays them out itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..inline import Span, Text
from ..vn import dates, numbering
from ..vn.signing import Authority, signature_titles
from ..vn.text import punctuate_list, upper
from ..vn.words import name_words, words
from . import page
from .metrics import balanced_units, text_width


@dataclass(frozen=True)
class Rule:
    """A solid rule (đường kẻ nét liền) centred in a column of the page."""

    length: int
    """Length of the rule in twips."""
    column: int
    """Width of the column the rule is centred in, in twips."""

    @property
    def indent(self) -> int:
        """Indent on each side that centres the rule in its column."""
        return max(0, (self.column - self.length) // 2)


def rule_under(lines: Sequence[str], size: float, column: int, *, fraction: float,
               bold: bool = True) -> Rule:
    """The rule under a block of lines: ``fraction`` of its widest line's length."""
    widest = max(text_width(line, size, bold=bold) for line in lines)
    return Rule(round(widest * fraction), column)


@dataclass(frozen=True)
class Issuer:
    """One agency's part of the header (ô 2): its parent body, its name and the rule under it."""

    parent_lines: tuple[str, ...]
    agency_lines: tuple[str, ...]
    agency_rule: Rule


def issuer(parent: str | None, agency: str) -> Issuer:
    """An agency's part of the header: the parent in normal weight, the name bold, both upper case
    and broken evenly, the rule under the name (a third to a half of its widest line)."""
    agency_lines = name_lines(agency, page.SIZE_AGENCY, bold=True)
    return Issuer(
        parent_lines=name_lines(parent, page.SIZE_PARENT) if parent else (),
        agency_lines=agency_lines,
        agency_rule=rule_under(agency_lines, page.SIZE_AGENCY, page.HEADER_LEFT, fraction=page.RULE_FRACTION),
    )


@dataclass(frozen=True)
class Heading:
    """Phần đầu of page 1 (ô 1–4, and 5b for a công văn)."""

    parent_lines: tuple[str, ...]
    agency_lines: tuple[str, ...]
    agency_rule: Rule
    number: str
    subject_lines: tuple[str, ...]
    """Trích yếu of a công văn ("V/v …", ô 5b), under the number; empty for other kinds."""
    national_title: str
    motto: str
    motto_rule: Rule
    place_date: str
    marks: tuple[Mark, ...] = ()
    """Độ mật (ô 10a) and độ khẩn (ô 10b), under the number in the left column."""
    draft: Mark | None = None
    """"DỰ THẢO" above the header, at the right, while the document is a draft."""
    joint: tuple[Issuer, ...] = ()
    """The other agencies of a joint document (văn bản liên tịch), each under the one before."""


@dataclass(frozen=True)
class Mark:
    """A mark stamped in a single-line rectangle (ô 10a, 10b, 11): upper case, bold, the box as
    wide as its text plus padding, centred in its column by equal indents; red where the
    Decree asks for red ink (độ khẩn)."""

    text: str
    left: int
    right: int
    red: bool = False


def mark(text: str, column: int, *, red: bool = False, right: bool = False) -> Mark:
    """A mark's box in a column ``column`` twips wide: its text upper case, the box 2 mm wider
    than the text on each side, centred (or against the right edge)."""
    shown = upper(text)
    width = text_width(shown, page.SIZE_MARK, bold=True) + 2 * page.MARK_PADDING
    room = max(column - width, 0)
    return Mark(shown, room, 0, red) if right else Mark(shown, room // 2, room // 2, red)


def heading(
    *,
    parent: str | None,
    agency: str,
    symbol: str | None,
    number: int | None,
    place: str,
    date: dt.date | None,
    year: int,
    letter_subject: str | None = None,
    month: int | None = None,
    marks: Sequence[tuple[str, bool]] = (),
    draft: str | None = None,
    joint: Sequence[tuple[str | None, str]] = (),
) -> Heading:
    """Build the header block.

    Args:
        parent: the cơ quan chủ quản in normal case, or None.
        agency: the cơ quan ban hành in normal case.
        symbol: the ký hiệu after the number ("KH-SNN", "SNN-VP"); None for a unit that keeps
            no register of its own (a phòng chuyên môn): no "Số:" line.
        number: the document's number, None in a draft.
        place: the địa danh.
        date: the date of issue, None in a draft.
        year: the year printed in a draft's date line.
        letter_subject: a công văn's trích yếu, printed "V/v …" under the number.
        month: in a draft, the month already known (its day left blank).
        marks: độ mật and độ khẩn, each (text, red ink), boxed under the number.
        draft: the draft mark ("Dự thảo", "Dự thảo lần 2"), boxed above the header.
        joint: the other agencies of a joint document, each (parent, name), under the agency.
    """
    width = page.HEADER_TEXT_WIDTH
    lead = issuer(parent, agency)
    return Heading(
        parent_lines=lead.parent_lines,
        agency_lines=lead.agency_lines,
        agency_rule=lead.agency_rule,
        number=numbering.number_line(number, symbol) if symbol is not None else "",
        subject_lines=(
            tuple(line for part in f"V/v {letter_subject}".split("\n") if part.strip()
                  for line in balanced_units(words(part), width, page.SIZE_LETTER_SUBJECT))
            if letter_subject else ()
        ),
        national_title=page.NATIONAL_TITLE,
        motto=page.MOTTO,
        motto_rule=rule_under([page.MOTTO], page.SIZE_MOTTO, page.HEADER_RIGHT, fraction=1.0),
        place_date=dates.place_date_line(place, date, year=year, month=month),
        marks=tuple(mark(text, page.HEADER_LEFT, red=red) for text, red in marks),
        draft=mark(draft, page.TEXT_WIDTH, right=True) if draft else None,
        joint=tuple(issuer(p, a) for p, a in joint),
    )


def name_lines(name: str, size: float, *, bold: bool = False) -> tuple[str, ...]:
    """The name of ô 1 or ô 2 (cơ quan chủ quản, cơ quan ban hành) in upper case, in the
    lines of the header.

    A line break written in the name is kept. Otherwise a name too long for one line is
    broken evenly between its words (``vbdocs.vn.words``): never inside a compound such
    as "XÂY DỰNG", and a dash ends a line, never starts one ("PHÒNG KẾ HOẠCH - / TÀI CHÍNH").
    """
    lines: list[str] = []
    for part in upper(name).split("\n"):
        lines.extend(balanced_units(name_words(part), page.HEADER_TEXT_WIDTH, size, bold=bold))
    return tuple(lines)


@dataclass(frozen=True)
class Title:
    """Tên loại and trích yếu of a document with a type name (ô 5a)."""

    type_name: str
    subject_lines: tuple[Text, ...]
    rule: Rule
    note: str = ""
    """Under the trích yếu of a document a Quyết định issues (Mẫu 1.3): "(Kèm theo Quyết định số …)"."""


def title(type_name: str, subject: Text | None) -> Title:
    """The type name in upper case and the trích yếu, broken evenly if long, between
    its words (``vbdocs.vn.words``), never inside one ("phát / triển").

    White space in the trích yếu is squeezed to single spaces: it is a title, and
    its lines are broken where the measured text needs it, and where a line break is
    written in it.
    """
    if subject is None:  # a Giấy giới thiệu, a Giấy nghỉ phép: the rule under the type name
        shown = upper(type_name)
        return Title(type_name=shown, subject_lines=(),
                     rule=rule_under([shown], page.SIZE_TYPE_NAME, page.TEXT_WIDTH, fraction=page.RULE_FRACTION))
    lines: list[str] = []
    subject_lines: list[Text] = []
    for piece in subject.lines():  # a line break written in the trích yếu is kept
        piece = piece.squeezed()
        if not str(piece):
            continue
        these = balanced_units(words(str(piece)), page.TEXT_WIDTH, page.SIZE_SUBJECT, bold=True)
        lines += these
        subject_lines += _split_text(piece, these)
    return Title(
        type_name=upper(type_name),
        subject_lines=tuple(subject_lines),
        rule=rule_under(lines, page.SIZE_SUBJECT, page.TEXT_WIDTH, fraction=page.RULE_FRACTION),
    )


def _split_text(text: Text, lines: Sequence[str]) -> tuple[Text, ...]:
    """Cut rich text where the plain lines were broken (breaks fall on spaces)."""
    out: list[Text] = []
    rest = text
    for line in lines:
        head, rest = _take(rest, len(line))
        out.append(head)
        rest = _drop_space(rest)
    return tuple(out)


def _take(text: Text, count: int) -> tuple[Text, Text]:
    head: list[Span] = []
    tail: list[Span] = []
    for span in text.spans:
        if count <= 0:
            tail.append(span)
        elif len(span.text) <= count:
            head.append(span)
            count -= len(span.text)
        else:
            head.append(Span(span.text[:count], span.bold, span.italic))
            tail.append(Span(span.text[count:], span.bold, span.italic))
            count = 0
    return Text(tuple(head)), Text(tuple(tail))


def _drop_space(text: Text) -> Text:
    if text.spans and text.spans[0].text[:1].isspace():
        first, *others = text.spans
        trimmed = Span(first.text.lstrip(), first.bold, first.italic)
        return Text((trimmed, *others) if trimmed.text else tuple(others))
    return text


@dataclass(frozen=True)
class Addressees:
    """Kính gửi (ô 9a): one addressee on the line of "Kính gửi:", or several, one per line; or a
    Công điện's "<issuer> điện:" centred above its list (Mẫu 1.6)."""

    lines: tuple[str, ...]
    label: str = "Kính gửi:"
    centred: bool = False
    """The label on a line of its own, centred, the addressees listed under it (a Công điện)."""

    @property
    def single(self) -> bool:
        return len(self.lines) == 1 and not self.centred


def addressees(names: Sequence[str], *, wired_by: str | None = None) -> Addressees:
    """ "Kính gửi: Sở Nội vụ", or "Kính gửi:" then "- …;" lines, the last ending "."; with
    ``wired_by`` a Công điện's "<wired_by> điện:" centred, then its "- …;" lines (Mẫu 1.6)."""
    if wired_by is not None:
        return Addressees(tuple(f"- {line}" for line in punctuate_list(names)), f"{upper(wired_by)} điện:", True)
    if len(names) == 1:
        return Addressees((names[0],))
    return Addressees(tuple(f"- {line}" for line in punctuate_list(names)))


@dataclass(frozen=True)
class CopyBlock:
    """The block of a copy (Mẫu 3.1), under a line across the text after the copied document:
    the copying agency and its number on the left, the hình thức sao and the date on the right,
    then its own Nơi nhận and signature."""

    agency_lines: tuple[str, ...]
    agency_rule: Rule
    number: str
    form: str
    place_date: str
    closing: Closing


@dataclass(frozen=True)
class Closing:
    """Nơi nhận and the signature block, side by side at the end of the document
    (the label "Nơi nhận:" is the template's text)."""

    recipients: tuple[str, ...]
    signer_titles: tuple[str, ...]
    signer_name: str
    shown: bool = True
    """False for a document a Quyết định issues (Mẫu 1.3): the Quyết định is what is signed and sent."""
    signed: str = ""
    """In a copy, "(Đã ký)" where the original's signature was."""
    cosigners: tuple[Signature, ...] = ()
    """More signatures: left of the first (a Biên bản's THƯ KÝ, Mẫu 1.9; the second agency of a
    joint document), then in rows of two under them; Nơi nhận then stands under them all."""


@dataclass(frozen=True)
class Signature:
    """One signature block: its title lines (upper case, broken between words to fit its column)
    and the signer's name."""

    titles: tuple[str, ...]
    name: str


def signature(titles: Sequence[str], name: str) -> Signature:
    """A signature block from its title lines, each broken evenly between words where it is too
    long for the signature column ("KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC"), never inside one."""
    return Signature(
        titles=tuple(part for line in titles
                     for part in balanced_units(name_words(line), page.SIGNER_TEXT_WIDTH, page.SIZE_SIGNER, bold=True)),
        name=name,
    )


def filing_line(unit_abbreviation: str | None, drafter: str | None = None,
                copies: int | str | None = None, *, style: str = "brackets", archive: bool = True) -> str:
    """The last line of Nơi nhận: "Lưu: VT, VP (ntttam)" or "Lưu: VT, VP.Tiền" (Mục II.9.b, ô 12).

    ``unit_abbreviation`` None leaves the drafting unit blank for the issuer to fill in
    ("Lưu: VT, ……"); ``archive`` False is a unit without a văn thư (a phòng), which keeps
    its own copy ("Lưu: KHTC").
    """
    drafting = unit_abbreviation if unit_abbreviation is not None else BLANK
    line = f"Lưu: VT, {drafting}" if archive else f"Lưu: {drafting}"
    if drafter:
        line += f".{drafter}" if style == "dot" else f" ({drafter})"
    if copies:
        line += f" ({copies})"
    return line


BLANK = "……"
"""What a form leaves to be filled in on a line of its own text."""


def closing(
    *,
    recipients: Sequence[str],
    filing: str,
    authority: Authority,
    signer_title: str,
    signer_name: str,
    head_title: str,
    collective: str | None = None,
    as_above: bool = False,
    deputy_for: str | None = None,
    title: str | None = None,
) -> Closing:
    """Build Nơi nhận and the signature block.

    Args:
        recipients: the recipients in order, without punctuation.
        filing: the "Lưu: …" line, last of the list.
        as_above: start the list with "Như trên" (a công văn or a report with
            Kính gửi).
        deputy_for: a TL. signing passed to the signer, a deputy (``vn.signing``).
        title: the title printed above the signature in place of the authority's lines (a
            Biên bản's "Chủ tọa").

    A title line too long for the signature column ("KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC") is
    broken evenly between its words, never inside one.
    """
    lines = (["Như trên"] if as_above else []) + list(recipients) + [filing]
    titles = [upper(title)] if title is not None else signature_titles(
        authority, signer_title=signer_title, head_title=head_title, collective=collective, deputy_for=deputy_for)
    signed = signature(titles, signer_name)
    return Closing(
        recipients=tuple(f"- {line}" for line in punctuate_list(lines)),
        signer_titles=signed.titles,
        signer_name=signed.name,
    )
