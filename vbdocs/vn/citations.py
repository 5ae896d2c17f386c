"""Citing another document (Phụ lục I, Mục II.6.b).

The first citation of a document gives its type, number and symbol, date, issuer
and trích yếu: "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về
tăng cường …". A Luật or Pháp lệnh is cited by type and name only. A later
citation gives the type and number only ("Chỉ thị số 16/CT-TTg").
"""

from __future__ import annotations

import datetime as dt

from ..inline import Text
from .dates import DRAFT_BLANK, long_date, short_date

#: Types cited by their name alone, without number, date or issuer.
NAMED_ONLY_TYPES = frozenset({"Luật", "Pháp lệnh", "Bộ luật"})


def citation(
    type_name: str,
    *,
    number: str | None,
    date: dt.date | None,
    issuer: str | None,
    subject: Text,
    connector: str = "về",
    draft: bool = False,
) -> Text:
    """A full first citation.

    Args:
        type_name: the cited document's type ("Chỉ thị", "Kế hoạch").
        number: its số và ký hiệu as printed on it ("16/CT-TTg", "22-CT/TU").
        date: its date of issue.
        issuer: the issuing body as named in running text ("UBND tỉnh").
        subject: its trích yếu, which may carry emphasis.
        connector: the word between issuer and subject: "về" in most citations,
            empty when the trích yếu begins with its own verb ("phát động …").
        draft: the cited document is not issued yet (a plan sent with its letter):
            a missing date is left as the blank the văn thư fills in ("ngày      "),
            as the number is (see :func:`vbdocs.vn.numbering.draft_number`).
    """
    if type_name in NAMED_ONLY_TYPES:
        return Text.plain(f"{type_name} ") + subject
    head = type_name
    if number:
        head += f" số {number}"
    if date:
        head += f" ngày {short_date(date)}"
    elif draft:
        head += f" ngày{DRAFT_BLANK}"
    if issuer:
        head += f" của {issuer}"
    if subject.is_empty:
        return Text.plain(head)
    return Text.plain(f"{head} {connector} " if connector else f"{head} ") + subject


def short_citation(type_name: str, number: str) -> str:
    """A later citation of the same document: "Chỉ thị số 16/CT-TTg"."""
    return f"{type_name} số {number}"


def attached_note(type_name: str, *, number: str, date: dt.date | None, year: int | None, issuer: str,
                  verb: str = "Kèm theo") -> str:
    """The line under the title of an appendix (Mẫu 2.1) or of a document a Quyết định issues
    (Mẫu 1.3, ``verb`` "Ban hành kèm theo"): "(Kèm theo Công văn số 7991/BGDĐT-GDTrH ngày 17
    tháng 12 năm 2024 của Bộ Giáo dục và Đào tạo)". ``number`` is the số và ký hiệu, with its
    blank in a draft; a draft's day and month are left blank as on its date line, and all three
    with ``year`` None (an electronic original's, which its digital signature dates)."""
    when = (long_date(date) if date else f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm"
            + (f" {year}" if year is not None else DRAFT_BLANK[1:]))  # the space before "của" ends the blank
    return f"({verb} {type_name} số {number} {when} của {issuer})"
