"""Dates as the Decree writes them (Phụ lục I, Phần I, Mục II.4).

The one rule behind every form: **days below 10 and the months 1 and 2 take a
leading zero; months 3 to 12 do not** ("ngày 05 tháng 01", "ngày 29 tháng 6").
The same rule is kept for the short form used inside the body ("16/5/2016",
"27/02/2024"), so one document never mixes two styles.
"""

from __future__ import annotations

import datetime as dt

#: The gap a clerk leaves in a draft for the number or the day and month that the
#: văn thư fills in once the document is signed (Điều 15.2).
DRAFT_BLANK = "     "


#: Names of the days of the week, Monday first (``date.weekday()``), as written in text.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday_name(date: dt.date) -> str:
    """The day of the week as written in text: "Thứ Bảy", "Chủ nhật"."""
    return WEEKDAYS[date.weekday()]


def is_weekend(date: dt.date) -> bool:
    """Saturday or Sunday, when offices are closed (public holidays are not known here)."""
    return date.weekday() >= 5


def working_day_before(date: dt.date) -> dt.date:
    """The last working day before ``date``: what "trước ngày …" leaves to send a report."""
    day = date - dt.timedelta(days=1)
    while is_weekend(day):
        day -= dt.timedelta(days=1)
    return day


def day_text(day: int) -> str:
    """The day of the month: padded to two digits below 10 ("05", "16")."""
    if not 1 <= day <= 31:
        raise ValueError(f"day out of range: {day}")
    return f"{day:02d}"


def month_text(month: int) -> str:
    """The month: "01" and "02" are padded, "3" to "12" are not (the Decree's rule)."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return f"{month:02d}" if month <= 2 else str(month)


def short_date(date: dt.date) -> str:
    """The short form used in citations and deadlines: "16/5/2016", "27/02/2024"."""
    return f"{day_text(date.day)}/{month_text(date.month)}/{date.year}"


def long_date(date: dt.date) -> str:
    """The long form: "ngày 05 tháng 3 năm 2024"."""
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def place_date_line(place: str, date: dt.date | None, *, year: int, month: int | None = None) -> str:
    """Địa danh và thời gian ban hành (ô 4).

    Args:
        place: the địa danh, e.g. "Bình Thuận".
        date: the date of issue, or None for a draft, whose day and month are
            left blank for the văn thư ("ngày      tháng      năm 2024").
        year: the year printed in a draft; ignored when ``date`` is given.
        month: the month a draft already knows ("ngày      tháng 01 năm 2024"); its day
            stays blank.
    """
    if date is None:
        written = f" {month_text(month)} " if month is not None else DRAFT_BLANK
        return f"{place}, ngày{DRAFT_BLANK}tháng{written}năm {year}"
    return f"{place}, {long_date(date)}"


def clock_time(time: dt.time) -> str:
    """An hour as documents write it: "08 giờ 00", "14 giờ 30"."""
    return f"{time.hour:02d} giờ {time.minute:02d}"


def meeting_time(day: dt.date, start: dt.time, end: dt.time | None = None) -> str:
    """When a meeting is (a Giấy mời's "Thời gian", Mẫu 1.7): the hour, the weekday and the date,
    "14 giờ 00, Thứ Năm, ngày 07 tháng 3 năm 2024"; with an end, "08 giờ 00 đến 11 giờ 30, …"."""
    hours = clock_time(start) + (f" đến {clock_time(end)}" if end is not None else "")
    return f"{hours}, {weekday_name(day)}, {long_date(day)}"


def meeting_end(day: dt.date, end: dt.time) -> str:
    """When a meeting ended, as a Biên bản closes (Mẫu 1.9): "11 giờ 30, ngày 11 tháng 7 năm 2024"."""
    return f"{clock_time(end)}, {long_date(day)}"
