"""The campaign's deadlines as an iCalendar file (RFC 5545), so calendars remind people.

One all-day event per deadline (each report, the registration form), naming the
units that owe it, with a reminder three days before. The file is reproducible:
its stamps come from ``SOURCE_DATE_EPOCH`` or the campaign's year, its UIDs from
the campaign's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .vn.dates import short_date

REMINDER_DAYS = 3


@dataclass(frozen=True)
class Deadline:
    """Something due on a day, and who owes it."""

    uid: str
    date: dt.date
    summary: str
    units: tuple[str, ...]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> Iterable[str]:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1), never splitting a character."""
    current = ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            yield current
            current = " " + ch
        else:
            current += ch
    yield current


def calendar(name: str, deadlines: Sequence[Deadline], *, stamp: dt.datetime) -> bytes:
    """The iCalendar text of the deadlines (CRLF line ends, UTF-8)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vbdocs//deadlines//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(name)}"]
    for d in deadlines:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{d.uid}",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{d.date.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(d.date + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(f'{d.summary} (trước ngày {short_date(d.date)})')}",
            f"DESCRIPTION:{_escape('Đơn vị gửi: ' + ', '.join(d.units))}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(d.summary)}",
            f"TRIGGER:-P{REMINDER_DAYS}D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line)).encode("utf-8")
