"""The campaign's deadlines as an iCalendar file (RFC 5545), so calendars remind people.

One all-day event per deadline (each report, the registration form), naming the
units that owe it, with a reminder three days before.

A deadline is written "trước ngày 05/10/2024": the report must arrive *before* that
day, so the event stands on the last working day before it (Friday 04/10/2024 when
the 5th is a Saturday), while its title keeps the wording of the plan. Working days
are Monday to Friday (``vbdocs.vn.dates.working_day_before``); public holidays (Tết,
Quốc khánh, the days off the Government moves each year) are not known to vbdocs, so
a deadline that falls after one is not moved past it: the clerk checks those by hand.

The file is reproducible, the same inputs giving the same bytes: its UIDs are derived
from the agency, the campaign and the deadline's id (:func:`deadline_uid`), and its
DTSTAMP is the ``stamp`` the caller passes — ``SOURCE_DATE_EPOCH`` when it is set,
else 1 January of the campaign's year (``vbdocs.api.build``), a date taken from the
inputs rather than the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .vn.dates import short_date, working_day_before

REMINDER_DAYS = 3


@dataclass(frozen=True)
class Deadline:
    """Something due before a day, and who owes it."""

    uid: str
    date: dt.date
    """The day of "trước ngày …", as the campaign writes it."""
    summary: str
    units: tuple[str, ...]

    @property
    def last_day(self) -> dt.date:
        """The last working day to send it: the working day before :attr:`date`."""
        return working_day_before(self.date)


def deadline_uid(agency: str, campaign: str, year: int, deadline_id: str) -> str:
    """The UID of a deadline's event, the same for the same deadline in every build and
    different across agencies, campaigns and years: calendars that import the files of
    two agencies, or of two years, keep every event (RFC 5545, 3.8.4.7)."""
    key = json.dumps([agency, campaign, year, deadline_id], ensure_ascii=False)
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@vbdocs"


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
    """The iCalendar text of the deadlines (CRLF line ends, UTF-8).

    Args:
        name: the calendar's name, as a calendar application lists it.
        deadlines: the events, each on its :attr:`Deadline.last_day`.
        stamp: the DTSTAMP of every event, in UTC (see the module's docstring).
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vbdocs//deadlines//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(name)}"]
    for d in deadlines:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{d.uid}",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{d.last_day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(d.last_day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
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
