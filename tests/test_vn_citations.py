"""Citations of other documents (Phụ lục I, II.6.b)."""

import datetime as dt

from vbdocs.inline import Text, parse
from vbdocs.vn.citations import citation, short_citation


def test_full_citation() -> None:
    cited = citation("Chỉ thị", number="16/CT-TTg", date=dt.date(2016, 5, 16), issuer="Thủ tướng Chính phủ",
                     subject=Text.plain("tăng cường và đổi mới công tác dân vận"))
    assert str(cited) == (
        "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận"
    )


def test_citation_keeps_emphasis_of_the_subject() -> None:
    cited = citation("Chỉ thị", number="22-CT/TU", date=dt.date(2017, 4, 3), issuer="Ban Thường vụ Tỉnh ủy",
                     subject=parse("đẩy mạnh phong trào thi đua “*Dân vận khéo*”"))
    assert [s.text for s in cited.spans if s.italic] == ["Dân vận khéo"]
    assert str(cited).startswith("Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về đẩy mạnh")


def test_citation_without_connector() -> None:
    cited = citation("Kế hoạch", number="70/KH-UBND", date=dt.date(2020, 6, 4), issuer="UBND tỉnh",
                     subject=Text.plain("phát động phong trào"), connector="")
    assert str(cited) == "Kế hoạch số 70/KH-UBND ngày 04/6/2020 của UBND tỉnh phát động phong trào"


def test_a_law_is_cited_by_name_only() -> None:
    cited = citation("Luật", number="12/2017/QH14", date=dt.date(2017, 1, 1), issuer="Quốc hội",
                     subject=Text.plain("Lâm nghiệp ngày 15 tháng 11 năm 2017"))
    assert str(cited) == "Luật Lâm nghiệp ngày 15 tháng 11 năm 2017"


def test_short_citation() -> None:
    assert short_citation("Chỉ thị", "16/CT-TTg") == "Chỉ thị số 16/CT-TTg"


def test_a_draft_is_cited_with_the_blanks_of_its_own_number_and_date() -> None:
    """PL I, II.6.b: type, number and date at a first citation; a document not issued yet
    leaves the blanks the văn thư fills in, as its own Số line does (issue 11, item 4)."""
    from vbdocs.vn.numbering import draft_number

    cited = citation("Kế hoạch", number=draft_number("KH-SNN"), date=None, issuer="Sở Nông nghiệp",
                     subject=Text.plain("thực hiện phong trào"), draft=True)
    assert str(cited) == "Kế hoạch số      /KH-SNN ngày      của Sở Nông nghiệp về thực hiện phong trào"
    issued = citation("Kế hoạch", number="25/KH-SNN", date=dt.date(2024, 3, 5), issuer="Sở Nông nghiệp",
                      subject=Text.plain("thực hiện phong trào"), draft=True)
    assert str(issued) == "Kế hoạch số 25/KH-SNN ngày 05/3/2024 của Sở Nông nghiệp về thực hiện phong trào"
    undated = citation("Chỉ thị", number="16/CT-TTg", date=None, issuer=None, subject=Text())
    assert str(undated) == "Chỉ thị số 16/CT-TTg", "a document cited from outside has no blanks"
