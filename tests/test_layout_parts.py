"""Header parts sized from measured text: long names wrap evenly and keep a centred rule."""

from __future__ import annotations

import datetime as dt

import pytest

from vbdocs.inline import parse
from vbdocs.layout import page, parts
from vbdocs.layout.metrics import balanced_lines, balanced_units, text_width


def test_a_long_agency_name_wraps_evenly_and_keeps_its_rule() -> None:
    h = parts.heading(
        parent="Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
        agency="Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh Bình Thuận",
        symbol="BC-TTNS", number=None, place="Bình Thuận", date=None, year=2024,
    )
    assert len(h.agency_lines) >= 3
    widths = [text_width(line, page.SIZE_AGENCY, bold=True) for line in h.agency_lines]
    assert max(widths) <= page.HEADER_TEXT_WIDTH < page.HEADER_LEFT
    assert 1 / 3 <= h.agency_rule.length / max(widths) <= 1 / 2
    assert h.agency_rule.indent * 2 + h.agency_rule.length in (page.HEADER_LEFT, page.HEADER_LEFT - 1)
    assert " ".join(h.agency_lines) == "TRUNG TÂM NƯỚC SẠCH VÀ VỆ SINH MÔI TRƯỜNG NÔNG THÔN TỈNH BÌNH THUẬN"
    assert len(h.parent_lines) >= 2
    assert all(text_width(line, page.SIZE_PARENT) <= page.HEADER_TEXT_WIDTH for line in h.parent_lines)


def test_balanced_lines_are_even_not_greedy() -> None:
    lines = balanced_lines("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", page.HEADER_LEFT, 12, bold=True)
    assert lines == ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]


def test_short_text_stays_on_one_line() -> None:
    assert balanced_lines("UBND TỈNH BÌNH THUẬN", page.HEADER_LEFT, 12) == ["UBND TỈNH BÌNH THUẬN"]


def test_explicit_line_breaks_are_kept() -> None:
    assert balanced_lines("A B\nC", 100_000, 12) == ["A B", "C"]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Phòng Kế hoạch - Tài chính", ("PHÒNG KẾ HOẠCH -", "TÀI CHÍNH")),
        ("Phòng Quản lý xây dựng công trình", ("PHÒNG QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH")),
        ("Chi cục Phát triển nông thôn", ("CHI CỤC PHÁT TRIỂN", "NÔNG THÔN")),
        # "và" never starts a line (issue 11, item 5): it was "TRUNG TÂM NƯỚC SẠCH / VÀ VỆ SINH …"
        ("Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
         ("TRUNG TÂM", "NƯỚC SẠCH VÀ VỆ SINH", "MÔI TRƯỜNG NÔNG THÔN")),
        ("Bộ Tài nguyên và Môi trường", ("BỘ TÀI NGUYÊN VÀ", "MÔI TRƯỜNG")),
        ("Sở Nông nghiệp và Phát triển nông thôn", ("SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN")),
        ("Trung tâm Khuyến nông", ("TRUNG TÂM KHUYẾN NÔNG",)),
        # a break written in the name is kept, and each of its lines is broken between words if long
        ("Phòng Quản lý xây dựng\ncông trình", ("PHÒNG QUẢN LÝ XÂY DỰNG", "CÔNG TRÌNH")),
    ],
)
def test_a_name_breaks_between_its_words(name: str, lines: tuple[str, ...]) -> None:
    assert parts.name_lines(name, page.SIZE_AGENCY, bold=True) == lines


def test_heading_breaks_parent_and_agency_between_words() -> None:
    h = parts.heading(parent="Sở Nông nghiệp và Phát triển nông thôn", agency="Phòng Quản lý xây dựng công trình",
                      symbol="BC-QLXDCT", number=None, place="Bình Thuận", date=None, year=2024)
    assert h.parent_lines == ("SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN")
    assert h.agency_lines == ("PHÒNG QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH")


def test_balanced_units_break_only_between_units() -> None:
    units = ["PHÒNG", "QUẢN LÝ", "XÂY DỰNG", "CÔNG TRÌNH"]
    assert balanced_units(units, page.HEADER_TEXT_WIDTH, page.SIZE_AGENCY, bold=True) == [
        "PHÒNG QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH"]
    # a unit wider than the line stays whole on its own line
    assert balanced_units(["A B C", "D"], 1, 12) == ["A B C", "D"]
    assert balanced_units([], 1000, 12) == [""]


def test_issued_heading_has_number_and_date() -> None:
    h = parts.heading(parent=None, agency="Sở Nội vụ", symbol="KH-SNV", number=7,
                      place="Hà Nội", date=dt.date(2020, 1, 5), year=2020)
    assert h.number == "Số: 07/KH-SNV"
    assert h.place_date == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert h.parent_lines == ()


def test_a_long_subject_breaks_into_rich_lines() -> None:
    subject = parse("Thực hiện phong trào thi đua “*Dân vận khéo*” trong các cơ quan hành chính nhà nước "
                    "và chính quyền các cấp trên địa bàn tỉnh giai đoạn 2021 - 2025")
    t = parts.title("Kế hoạch", subject)
    assert t.type_name == "KẾ HOẠCH"
    assert len(t.subject_lines) == 2
    assert " ".join(str(line) for line in t.subject_lines) == str(subject)
    assert any(span.italic for span in t.subject_lines[0].spans)


def test_closing_punctuates_and_files() -> None:
    c = parts.closing(recipients=["Như trên", "Sở Nội vụ"], filing="Lưu: VT, VP", authority=parts.Authority.OWN,
                      signer_title="Giám đốc", signer_name="Mai Kiều", head_title="Giám đốc")
    assert c.recipients == ("- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, VP.")
    assert c.signer_titles == ("GIÁM ĐỐC",)


def test_filing_line() -> None:
    assert parts.filing_line("VP", "ntttam") == "Lưu: VT, VP (ntttam)"
    assert parts.filing_line("HC", copies=2) == "Lưu: VT, HC (2)"


@pytest.mark.parametrize(
    ("subject", "lines"),
    [
        # by syllables it was "… “Dân vận / khéo” và phát triển …": a quoted name broken
        ("Thực hiện phong trào thi đua “Dân vận khéo” và phát triển nông thôn mới năm 2024",
         ("Thực hiện phong trào thi đua “Dân vận khéo”", "và phát triển nông thôn mới năm 2024")),
        ("Tổng kết công tác cải cách hành chính giai đoạn 2021 - 2025 và phát triển nông thôn",
         # by syllables: "… hành chính giai / đoạn 2021 - 2025 …"
         ("Tổng kết công tác cải cách hành chính", "giai đoạn 2021 - 2025 và phát triển nông thôn")),
    ],
)
def test_a_subject_breaks_between_its_words(subject: str, lines: tuple[str, ...]) -> None:
    """The trích yếu (ô 5) breaks between words, never inside a compound (issue 11, item 5)."""
    title = parts.title("Kế hoạch", parse(subject))
    assert tuple(str(line) for line in title.subject_lines) == lines
