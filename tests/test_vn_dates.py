"""Dates as the Decree writes them: days < 10 and months 1–2 padded, others not."""

import datetime as dt

import pytest

from vbdocs.vn import dates


@pytest.mark.parametrize(
    ("place", "date", "expected"),
    [
        # The Decree's own examples (Phụ lục I, II.4).
        ("Hà Nội", dt.date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        ("Thành phố Hồ Chí Minh", dt.date(2019, 6, 29), "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"),
        ("Hà Nội", dt.date(2020, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2020"),
        ("Bình Thuận", dt.date(2024, 3, 5), "Bình Thuận, ngày 05 tháng 3 năm 2024"),
        ("Bình Thuận", dt.date(2024, 2, 27), "Bình Thuận, ngày 27 tháng 02 năm 2024"),
        ("Bình Thuận", dt.date(2024, 12, 31), "Bình Thuận, ngày 31 tháng 12 năm 2024"),
        ("Bình Thuận", dt.date(2024, 10, 1), "Bình Thuận, ngày 01 tháng 10 năm 2024"),
    ],
)
def test_place_date_line(place: str, date: dt.date, expected: str) -> None:
    assert dates.place_date_line(place, date, year=date.year) == expected


def test_draft_date_line_leaves_day_and_month_blank() -> None:
    assert dates.place_date_line("Bình Thuận", None, year=2024) == "Bình Thuận, ngày     tháng     năm 2024"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2016, 5, 16), "16/5/2016"),
        (dt.date(2024, 2, 27), "27/02/2024"),
        (dt.date(2017, 4, 3), "03/4/2017"),
        (dt.date(2020, 6, 4), "04/6/2020"),
        (dt.date(2024, 10, 5), "05/10/2024"),
        (dt.date(2024, 1, 9), "09/01/2024"),
        (dt.date(2004, 4, 8), "08/4/2004"),
    ],
)
def test_short_date(date: dt.date, expected: str) -> None:
    assert dates.short_date(date) == expected


@pytest.mark.parametrize(("month", "text"), [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (12, "12")])
def test_month_padding_rule(month: int, text: str) -> None:
    assert dates.month_text(month) == text


@pytest.mark.parametrize("month", [0, 13])
def test_month_out_of_range(month: int) -> None:
    with pytest.raises(ValueError, match="month out of range"):
        dates.month_text(month)


def test_long_date_as_in_the_decree_body() -> None:
    assert dates.long_date(dt.date(2010, 2, 8)) == "ngày 08 tháng 02 năm 2010"


def test_days_of_the_week_and_working_days() -> None:
    from vbdocs.vn.dates import is_weekend, weekday_name, working_day_before

    assert [weekday_name(dt.date(2024, 10, d)) for d in range(5, 8)] == ["Thứ Bảy", "Chủ nhật", "Thứ Hai"]
    assert [is_weekend(dt.date(2024, 10, d)) for d in range(4, 8)] == [False, True, True, False]
    assert working_day_before(dt.date(2024, 10, 5)) == dt.date(2024, 10, 4)  # Saturday: Friday
    assert working_day_before(dt.date(2024, 10, 7)) == dt.date(2024, 10, 4)  # Monday: the Friday before
    assert working_day_before(dt.date(2024, 5, 10)) == dt.date(2024, 5, 9)


def test_meeting_time() -> None:
    """A Giấy mời's "Thời gian": the hour, the weekday, the date (Mẫu 1.7)."""
    assert dates.meeting_time(dt.date(2024, 3, 7), dt.time(14, 0)) == "14 giờ 00, Thứ Năm, ngày 07 tháng 3 năm 2024"
    assert dates.meeting_time(dt.date(2024, 7, 14), dt.time(8, 0), dt.time(11, 30)) == (
        "08 giờ 00 đến 11 giờ 30, Chủ nhật, ngày 14 tháng 7 năm 2024")
