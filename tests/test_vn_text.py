"""Casing, normalisation and punctuation of Vietnamese text."""

import unicodedata

import pytest

from vbdocs.vn import text


@pytest.mark.parametrize(
    ("source", "upper"),
    [
        ("Ủy ban nhân dân", "ỦY BAN NHÂN DÂN"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
        ("UBND tỉnh Bình Thuận", "UBND TỈNH BÌNH THUẬN"),
        ("Phó Giám đốc", "PHÓ GIÁM ĐỐC"),
        ("mục đích, yêu cầu", "MỤC ĐÍCH, YÊU CẦU"),
    ],
)
def test_upper_keeps_tone_marks(source: str, upper: str) -> None:
    assert text.upper(source) == upper


def test_upper_of_decomposed_text_is_precomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Ủy ban")
    assert decomposed != "Ủy ban"
    assert text.upper(decomposed) == "ỦY BAN"
    assert unicodedata.is_normalized("NFC", text.upper(decomposed))


def test_normalize_composes() -> None:
    assert text.normalize(unicodedata.normalize("NFD", "Nguyễn Quang Trung")) == "Nguyễn Quang Trung"


def test_punctuate_list() -> None:
    assert text.punctuate_list(["UBND tỉnh (báo cáo)", "Sở Nội vụ;", "Lưu: VT, VP."]) == [
        "UBND tỉnh (báo cáo);", "Sở Nội vụ;", "Lưu: VT, VP.",
    ]


def test_punctuate_single_item_ends_with_full_stop() -> None:
    assert text.punctuate_list(["Các đơn vị trực thuộc,"]) == ["Các đơn vị trực thuộc."]


@pytest.mark.parametrize(
    ("source", "closed"),
    [("chỉ đạo", "chỉ đạo./."), ("chỉ đạo.", "chỉ đạo./."), ("chỉ đạo./.", "chỉ đạo./."), ("chỉ đạo;  ", "chỉ đạo./.")],
)
def test_closing_mark_added_once(source: str, closed: str) -> None:
    assert text.with_closing_mark(source) == closed


@pytest.mark.parametrize(("count", "separators"), [(1, []), (2, [" và "]), (3, [", ", " và "])])
def test_conjunction_separators(count: int, separators: list[str]) -> None:
    assert text.conjunction_separators(count) == separators


def test_forbidden_character_found() -> None:
    assert text.forbidden_character("ab\x01c") == 2
    assert text.forbidden_character("tab\tand\nnewline") is None


def test_the_forbidden_characters_are_exactly_these() -> None:
    forbidden = {
        *range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),  # C0 controls but tab, newline, carriage return
        *range(0x7F, 0xA0),  # DEL and the C1 controls, NEL (U+0085) included
        *range(0xD800, 0xE000),  # surrogates
        0xFFFE, 0xFFFF,
    }
    found = {code for code in range(0x110000) if text.forbidden_character(f"ab{chr(code)}") is not None}
    assert found == forbidden
    assert text.forbidden_character("Nâng cao\u00a0nhận thức\u200b\U0001f600") is None


@pytest.mark.parametrize(
    ("char", "name"),
    [("\x07", "the control character U+0007"), ("\x85", "the control character U+0085"),
     ("\ud800", "the lone surrogate U+D800"), ("\uffff", "the noncharacter U+FFFF")],
)
def test_forbidden_name(char: str, name: str) -> None:
    assert text.forbidden_name(char) == name


def test_lower_first() -> None:
    assert text.lower_first("Thực hiện phong trào “Dân vận khéo”") == "thực hiện phong trào “Dân vận khéo”"
    assert text.lower_first("Đẩy mạnh") == "đẩy mạnh"


def test_capitalize_first() -> None:
    assert text.capitalize_first("đẩy mạnh") == "Đẩy mạnh"


@pytest.mark.parametrize(("name", "key"), [
    ("Quyết định", "quyet-dinh"), ("Tờ trình 05", "to-trinh-05"), ("ĐỀ ÁN Ủy ban", "de-an-uy-ban"),
    ("  Báo cáo / kết quả  ", "bao-cao-ket-qua"), ("Giấy mời", "giay-moi"),
])
def test_ascii_key(name: str, key: str) -> None:
    assert text.ascii_key(name) == key
