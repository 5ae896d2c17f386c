"""The calendar of deadlines (issue 11, item 9): each event stands on the last working
day before "trước ngày …", its UID is the deadline's own across agencies and years,
and the file is the same bytes for the same inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG
from vbdocs.config import load_config
from vbdocs.deadlines import Deadline, calendar, deadline_uid
from vbdocs.documents.registry import campaign_deadlines

STAMP = dt.datetime(2024, 1, 1)


def _unfolded(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def _event(date: dt.date, summary: str = "Báo cáo năm") -> list[str]:
    return _unfolded(calendar("Lịch", [Deadline("x@vbdocs", date, summary, ("Văn phòng Sở",))], stamp=STAMP))


@pytest.mark.parametrize(("deadline", "last_day"), [
    (dt.date(2024, 10, 5), "20241004"),  # "trước ngày 05/10/2024", a Saturday: Friday the 4th
    (dt.date(2024, 10, 6), "20241004"),  # a Sunday: Friday the 4th
    (dt.date(2024, 10, 7), "20241004"),  # a Monday: the Friday before
    (dt.date(2024, 10, 10), "20241009"),  # a Thursday: the Wednesday
    (dt.date(2024, 5, 10), "20240509"),  # a Friday: the Thursday
    (dt.date(2024, 1, 1), "20231229"),  # a Monday in a new year: the Friday of the year before
])
def test_the_event_stands_on_the_last_working_day_before_the_deadline(deadline: dt.date, last_day: str) -> None:
    lines = _event(deadline)
    end = (dt.datetime.strptime(last_day, "%Y%m%d") + dt.timedelta(days=1)).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{last_day}" in lines
    assert f"DTEND;VALUE=DATE:{end}" in lines


def test_the_summary_keeps_the_deadline_as_the_plan_writes_it() -> None:
    lines = _event(dt.date(2024, 10, 5))
    assert "SUMMARY:Báo cáo năm (trước ngày 05/10/2024)" in lines
    assert "DTSTART;VALUE=DATE:20241004" in lines


def test_the_campaigns_calendar_moves_its_deadlines(tmp_path: Path) -> None:
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["calendar"])
    lines = _unfolded((tmp_path / "out" / "deadlines.ics").read_bytes())
    # the registration form's deadline (Friday 05/4: due by Thursday 04/4), then the two reports'
    assert [line for line in lines if line.startswith("DTSTART")] == [
        "DTSTART;VALUE=DATE:20240404", "DTSTART;VALUE=DATE:20240509", "DTSTART;VALUE=DATE:20241004"]
    assert [line for line in lines if line.startswith("SUMMARY")] == [
        "SUMMARY:Xây dựng mô hình “Dân vận khéo” năm 2024 (trước ngày 05/4/2024)",
        "SUMMARY:Báo cáo 6 tháng (trước ngày 10/5/2024)", "SUMMARY:Báo cáo năm (trước ngày 05/10/2024)"]


def test_uids_are_stable_and_differ_across_agencies_campaigns_and_years() -> None:
    agency, campaign = "Sở Nông nghiệp và Phát triển nông thôn", "Phong trào thi đua “*Dân vận khéo*”"
    uid = deadline_uid(agency, campaign, 2024, "six_month")
    assert uid == deadline_uid(agency, campaign, 2024, "six_month")
    # A calendar that imported last build's file must recognise the events: the derivation never changes.
    assert uid == "af4cfe224a7d91b078673eb4dfcb023c@vbdocs"
    others = {deadline_uid("Sở Nội vụ", campaign, 2024, "six_month"), deadline_uid(agency, "Phong trào khác", 2024,
              "six_month"), deadline_uid(agency, campaign, 2025, "six_month"), deadline_uid(agency, campaign, 2024,
              "annual")}
    assert len(others | {uid}) == 5


def test_two_agencies_calendars_do_not_share_a_uid(config_copy: Path) -> None:
    units = config_copy / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "  name: Sở Nông nghiệp và Phát triển nông thôn\n", "  name: Sở Nội vụ\n", 1), encoding="utf-8")
    ours = {d.uid for d in campaign_deadlines(load_config(CONFIG / "campaign_2024.yaml"))}
    theirs = {d.uid for d in campaign_deadlines(load_config(config_copy / "campaign_2024.yaml"))}
    assert len(ours) == len(theirs) == 3
    assert not ours & theirs


def test_dtstamp_is_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709251200")  # 2024-03-01 00:00:00 UTC
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["calendar"])
    stamps = [line for line in _unfolded((tmp_path / "out" / "deadlines.ics").read_bytes())
              if line.startswith("DTSTAMP")]
    assert stamps == ["DTSTAMP:20240301T000000Z"] * 3


def test_without_source_date_epoch_the_bytes_are_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name in ("a", "b"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / name, only=["calendar"])
    raw = (tmp_path / "a" / "deadlines.ics").read_bytes()
    assert raw == (tmp_path / "b" / "deadlines.ics").read_bytes()
    assert "DTSTAMP:20240101T000000Z" in _unfolded(raw), "the campaign's year start, not the clock"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    summary = "Kết quả thực hiện phong trào thi đua “Dân vận khéo” của các phòng, cơ quan, đơn vị trực thuộc Sở"
    raw = calendar("Lịch", [Deadline("x@vbdocs", dt.date(2024, 10, 5), summary, ("Văn phòng Sở",) * 8)],
                   stamp=STAMP)
    physical = raw.split(b"\r\n")
    assert physical[-1] == b"", "every line ends with CRLF"
    assert max(len(line) for line in physical) == 75, "the long lines are folded, at 75 octets"
    for line in physical:
        line.decode("utf-8")  # a folded line never ends inside a character
    assert any(line.startswith(b" ") for line in physical)
    lines = _unfolded(raw)
    assert "SUMMARY:" + summary.replace(",", "\\,") + " (trước ngày 05/10/2024)" in lines
    assert "DESCRIPTION:Đơn vị gửi: " + "\\, ".join(["Văn phòng Sở"] * 8) in lines
