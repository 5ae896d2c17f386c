"""Số, ký hiệu and the numbering of parts of the body."""

import pytest

from vbdocs.vn import numbering


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (25, "KH-SNN", "Số: 25/KH-SNN"),
        (5, "BNV-VP", "Số: 05/BNV-VP"),  # the Decree's "Số: 05/BNV-VP"
        (15, "QĐ-BNV", "Số: 15/QĐ-BNV"),
        (12, "UBND-VX", "Số: 12/UBND-VX"),
        (3870, "SNN-VP", "Số: 3870/SNN-VP"),
        (None, "KH-SNN", "Số:     /KH-SNN"),
        (None, "SNN-VP", "Số:     /SNN-VP"),
    ],
)
def test_number_line(number: int | None, symbol: str, expected: str) -> None:
    assert numbering.number_line(number, symbol) == expected


@pytest.mark.parametrize(
    ("type_name", "agency", "expected"),
    [("Kế hoạch", "SNN", "KH-SNN"), ("Quyết định", "BNV", "QĐ-BNV"), ("Báo cáo", "VP", "BC-VP"),
     ("Quy định", "UBND", "QyĐ-UBND"), ("Giấy ủy quyền", "SNN", "GUQ-SNN"), ("Bản ghi nhớ", "BNG", "BGN-BNG")],
)
def test_typed_symbol(type_name: str, agency: str, expected: str) -> None:
    assert numbering.typed_symbol(type_name, agency) == expected


def test_letter_symbol() -> None:
    assert numbering.letter_symbol("SNN", "VP") == "SNN-VP"


def test_unknown_type_has_no_abbreviation() -> None:
    with pytest.raises(ValueError, match="Công văn"):
        numbering.type_abbreviation("Công văn")


def test_table_has_the_decrees_27_types_and_3_copy_forms() -> None:
    assert len(numbering.TYPE_ABBREVIATIONS) == 30
    # Abbreviations changed by the Decree (not the ones of Circular 01/2011).
    assert {"BGN", "BTT", "GUQ", "GGT", "GNP", "PB"} <= set(numbering.TYPE_ABBREVIATIONS.values())
    assert not {"GN", "TTh", "UQ", "GT", "NP"} & set(numbering.TYPE_ABBREVIATIONS.values())


@pytest.mark.parametrize(
    ("n", "roman"), [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL")],
)
def test_roman(n: int, roman: str) -> None:
    assert numbering.roman(n) == roman


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    letters = [numbering.point_letter(i) for i in range(1, 11)]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]


@pytest.mark.parametrize(("n", "text"), [(1, "01"), (9, "09"), (10, "10"), (125, "125")])
def test_padded_number(n: int, text: str) -> None:
    assert numbering.padded_number(n) == text


def test_zero_is_not_a_document_number() -> None:
    with pytest.raises(ValueError):
        numbering.padded_number(0)


@pytest.mark.parametrize(("name", "under_agency", "keeps"), [
    ("Phòng Kế hoạch - Tài chính", True, False),
    ("PHÒNG QUẢN LÝ XÂY DỰNG CÔNG TRÌNH", True, False),
    ("Văn phòng Sở", True, True),            # "Văn phòng" is not a phòng
    ("Trung tâm Khuyến nông", True, True),
    ("Thanh tra Sở", True, True),
    ("Phòng Nông nghiệp và Môi trường", False, True),  # an agency of its own (a huyện's phòng): own seal
])
def test_who_keeps_a_register(name: str, under_agency: bool, keeps: bool) -> None:
    assert numbering.keeps_register(name, under_agency=under_agency) is keeps


def test_the_outline_ladder() -> None:
    """I. → 1. → 1.1. → a) → - → + (issue 12, item 2): numbers computed from the position."""
    assert [numbering.outline_label(level, 4, 2) for level in range(1, 7)] == ["IV.", "4.", "2.4.", "d)", "-", "+"]
    assert numbering.outline_label(4, 5) == "đ)"
    assert numbering.outline_label(3, 1) == "1."  # a third level with no numbered second level above it
    with pytest.raises(ValueError):
        numbering.outline_label(7, 1)


def test_the_clauses_of_an_article() -> None:
    """Inside an Điều: khoản 1., điểm a), then - and + (PL I, II.6)."""
    assert [numbering.clause_label(level, 6) for level in range(1, 5)] == ["6.", "e)", "-", "+"]
    with pytest.raises(ValueError):
        numbering.clause_label(5, 1)


def test_the_types_of_article_7() -> None:
    assert len(numbering.TYPE_NAMES) == 29 and len(set(numbering.TYPE_NAMES)) == 29
    # every type has the Decree's abbreviation but the công văn and the thư công
    assert {t for t in numbering.TYPE_NAMES if t not in numbering.TYPE_ABBREVIATIONS} == {"Công văn", "Thư công"}


def test_a_joint_documents_symbol_names_every_agency() -> None:
    """Văn bản liên tịch: the type marked LT, then each agency, the lead first; a công văn has no type."""
    assert numbering.joint_symbol("Kế hoạch", ["SNN", "HND"]) == "KHLT-SNN-HND"
    assert numbering.joint_symbol("Quyết định", ["UBND", "STC", "SNV"]) == "QĐLT-UBND-STC-SNV"
    assert numbering.joint_symbol(None, ["SNN", "HND"]) == "SNN-HND"
