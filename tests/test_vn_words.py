"""The words of a name: where a header line may break (issue 11, item 5)."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from tests.conftest import CONFIG
from vbdocs.vn.text import upper
from vbdocs.vn.words import COMPOUNDS, is_compound, syllable_key, words


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the four names the văn thư found broken inside words
        ("PHÒNG KẾ HOẠCH - TÀI CHÍNH", ["PHÒNG", "KẾ HOẠCH -", "TÀI CHÍNH"]),
        ("PHÒNG QUẢN LÝ XÂY DỰNG CÔNG TRÌNH", ["PHÒNG", "QUẢN LÝ", "XÂY DỰNG", "CÔNG TRÌNH"]),
        ("CHI CỤC PHÁT TRIỂN NÔNG THÔN", ["CHI CỤC", "PHÁT TRIỂN", "NÔNG THÔN"]),
        ("TRUNG TÂM NƯỚC SẠCH VÀ VỆ SINH MÔI TRƯỜNG NÔNG THÔN",
         ["TRUNG TÂM", "NƯỚC SẠCH", "VÀ", "VỆ SINH", "MÔI TRƯỜNG", "NÔNG THÔN"]),
        # the same in normal case: the lexicon matches any case
        ("Phòng Kế hoạch - Tài chính", ["Phòng", "Kế hoạch -", "Tài chính"]),
        ("Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
         ["Trung tâm", "Nước sạch", "và", "Vệ sinh", "môi trường", "nông thôn"]),
    ],
)
def test_the_reported_names_split_into_words(name: str, expected: list[str]) -> None:
    assert words(name) == expected


#: Every name of config/units.yaml that a header prints, and its words.
UNITS_FILE_NAMES = {
    "UBND tỉnh Bình Thuận": ["UBND", "tỉnh", "Bình Thuận"],
    "Sở Nông nghiệp và Phát triển nông thôn": ["Sở", "Nông nghiệp", "và", "Phát triển", "nông thôn"],
    "Văn phòng Sở": ["Văn phòng", "Sở"],
    "Thanh tra Sở": ["Thanh tra", "Sở"],
    "Phòng Kế hoạch - Tài chính": ["Phòng", "Kế hoạch -", "Tài chính"],
    "Phòng Quản lý xây dựng công trình": ["Phòng", "Quản lý", "xây dựng", "công trình"],
    "Chi cục Trồng trọt và Bảo vệ thực vật": ["Chi cục", "Trồng trọt", "và", "Bảo vệ", "thực vật"],
    "Chi cục Chăn nuôi và Thú y": ["Chi cục", "Chăn nuôi", "và", "Thú y"],
    "Chi cục Kiểm lâm": ["Chi cục", "Kiểm lâm"],
    "Chi cục Thủy sản": ["Chi cục", "Thủy sản"],
    "Chi cục Thủy lợi": ["Chi cục", "Thủy lợi"],
    "Chi cục Phát triển nông thôn": ["Chi cục", "Phát triển", "nông thôn"],
    "Trung tâm Khuyến nông": ["Trung tâm", "Khuyến nông"],
    "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn":
        ["Trung tâm", "Nước sạch", "và", "Vệ sinh", "môi trường", "nông thôn"],
}


@pytest.mark.parametrize(("name", "expected"), UNITS_FILE_NAMES.items())
def test_the_names_of_the_units_file_split_into_words(name: str, expected: list[str]) -> None:
    assert words(name) == expected
    assert words(upper(name)) == [upper(word) for word in expected]


def test_the_table_covers_every_name_of_the_units_file() -> None:
    data = yaml.safe_load((CONFIG / "units.yaml").read_text(encoding="utf-8"))
    names = {data["agency"]["name"], data["agency"]["parent"]["name"]} | {u["name"] for u in data["units"]}
    assert names == set(UNITS_FILE_NAMES)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the dash binds to the word before it, whichever dash is typed
        ("Sở Lao động - Thương binh và Xã hội", ["Sở", "Lao động -", "Thương binh", "và", "Xã hội"]),
        ("Ban Kinh tế – Ngân sách", ["Ban", "Kinh tế –", "Ngân sách"]),
        ("Văn hóa — Xã hội", ["Văn hóa —", "Xã hội"]),
        # a dash that opens the text has no word before it: it stays with the one after
        ("- Đảng ủy Sở", ["- Đảng ủy", "Sở"]),
        # a dash typed without spaces is part of its word
        ("Kế hoạch-Tài chính", ["Kế hoạch-Tài chính"]),
        # either placement of the tone mark
        ("Chi cục Thuỷ lợi", ["Chi cục", "Thuỷ lợi"]),
        ("SỞ VĂN HOÁ, THỂ THAO VÀ DU LỊCH", ["SỞ", "VĂN HOÁ,", "THỂ THAO", "VÀ", "DU LỊCH"]),
        ("Uỷ ban nhân dân tỉnh", ["Uỷ ban", "nhân dân", "tỉnh"]),
        # three-syllable words and names
        ("Ban Quản lý dự án", ["Ban Quản lý", "dự án"]),
        ("Liên minh Hợp tác xã", ["Liên minh", "Hợp tác xã"]),
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh", ["Ủy ban", "nhân dân", "Thành phố", "Hồ Chí Minh"]),
        ("Chi cục Quản lý chất lượng nông lâm sản và thủy sản",
         ["Chi cục", "Quản lý", "chất lượng", "nông lâm sản", "và", "thủy sản"]),
        # where two readings overlap, both are kept whole
        ("Phòng Hộ tịch", ["Phòng Hộ tịch"]),
        # punctuation ends a word: no compound across a comma or into quotes
        ("Phòng, chống thiên tai", ["Phòng,", "chống", "thiên tai"]),
        # a short quotation is a name, kept whole
        ("phong trào thi đua “Dân vận khéo”", ["phong trào", "thi đua", "“Dân vận khéo”"]),
        ("gỡ “Thẻ vàng”, IUU", ["gỡ", "“Thẻ vàng”,", "IUU"]),
        ("“một hai ba bốn năm sáu bảy”", ["“một", "hai", "ba", "bốn", "năm", "sáu", "bảy”"]),
        # syllables the lexicon does not know break as before
        ("Phòng Abc Xyz", ["Phòng", "Abc", "Xyz"]),
        ("", []),
    ],
)
def test_words(name: str, expected: list[str]) -> None:
    assert words(name) == expected


@pytest.mark.parametrize(
    "text",
    ["  PHÒNG   KẾ HOẠCH -  TÀI CHÍNH ", "Trung tâm\tNước sạch", "- a - b -", "Phòng Hộ tịch, quốc tịch"],
)
def test_words_keep_the_text_squeezing_its_white_space(text: str) -> None:
    assert " ".join(words(text)) == " ".join(text.split())


@pytest.mark.parametrize(
    ("syllable", "key"),
    [("THUỶ", "thủy"), ("Thủy", "thủy"), ("hoá", "hóa"), ("KHOẺ", "khỏe"), ("uỷ", "ủy"),
     ("quý", "quý"), ("QUỲ", "quỳ"), ("TOÀN", "toàn"), (unicodedata.normalize("NFD", "Xây"), "xây")],
)
def test_syllable_key(syllable: str, key: str) -> None:
    assert syllable_key(syllable) == key


@pytest.mark.parametrize(
    "word",
    ["ủy ban", "nhân dân", "hội đồng", "văn phòng", "thanh tra", "phát triển", "nông thôn", "bảo vệ",
     "thực vật", "chăn nuôi", "thú y", "thủy lợi", "thủy sản", "kiểm lâm", "lâm nghiệp", "khuyến nông",
     "giáo dục", "đào tạo", "y tế", "tài nguyên", "môi trường", "giao thông", "vận tải", "công thương",
     "tư pháp", "nội vụ", "ngoại vụ", "lao động", "thương binh", "xã hội", "văn hóa", "thể thao", "du lịch",
     "khoa học", "công nghệ", "thông tin", "truyền thông", "kế hoạch", "đầu tư", "tài chính", "xây dựng",
     "công trình", "nước sạch", "vệ sinh", "quản lý", "chất lượng", "nông sản", "dịch vụ", "trung tâm",
     "chi cục", "ban quản lý", "nông nghiệp", "XÂY DỰNG", "Thuỷ Lợi", "VĂN HOÁ"],
)
def test_the_lexicon_knows_the_words_of_agency_names(word: str) -> None:
    assert is_compound(word)


@pytest.mark.parametrize("text", ["xây", "quản lý xây", "lý xây", "nông thôn mới", "Sở Nông"])
def test_what_is_not_one_word(text: str) -> None:
    assert not is_compound(text)


def test_the_lexicon_is_a_few_hundred_words_spelt_one_way() -> None:
    assert 300 <= len(COMPOUNDS) <= 1000
    for entry in COMPOUNDS:
        syllables = entry.split()
        assert 2 <= len(syllables) <= 3, entry
        assert entry == " ".join(syllables), entry
        assert all(syllable_key(s) == s for s in syllables), entry
