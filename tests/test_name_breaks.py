"""Names in the header break between words (issue 11, item 5).

A văn thư found unit names broken inside words in ô 2 of the forms: "PHÒNG QUẢN LÝ XÂY /
DỰNG CÔNG TRÌNH", "PHÒNG KẾ HOẠCH / - TÀI CHÍNH". Every header of the 2024 campaign is
read back here: no line ends or starts inside a compound word of the lexicon
(``vbdocs.vn.words``), none starts with a dash, and a break written in a name is kept.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG
from tests.docx_read import Docx
from vbdocs.vn.text import upper
from vbdocs.vn.words import DASHES, is_compound

HEADER_CELL = (0, 0, 0)
"""The first cell of the header table: ô 1 (cơ quan chủ quản) and ô 2 (cơ quan ban hành)."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("names")
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    return out


def header_names(path: Path) -> list[list[str]]:
    """The lines of each name in the header's first cell, name by name (parent, agency)."""
    paras = [p for p in Docx(path).paragraphs() if p.cell == HEADER_CELL and p.text.strip()]
    return [p.text.split("\n") for p in paras]


def broken_words(lines: list[str]) -> list[str]:
    """The compound words of the lexicon that a break between two lines cuts in two."""
    cut = []
    for before, after in pairwise(lines):
        left, right = before.split(), after.split()
        for k in range(1, 3):
            for m in range(1, 4 - k):
                if len(left) >= k and len(right) >= m and is_compound(" ".join(left[-k:] + right[:m])):
                    cut.append(" ".join(left[-k:]) + " / " + " ".join(right[:m]))
    return cut


def test_every_header_of_the_campaign_breaks_between_words(built: Path) -> None:
    documents = sorted(built.glob("*.docx"))
    assert len(documents) > 3 * len(REPORTED)
    for path in documents:
        for lines in header_names(path):
            assert broken_words(lines) == [], (path.name, lines)
            assert not any(line.split()[0] in DASHES for line in lines), (path.name, lines)


#: The forms' parent body: the Sở with its province (PL I, II.2.a), from the units file's full_name.
FORMS_PARENT = ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN", "TỈNH BÌNH THUẬN"]

#: The names the văn thư reported and how their headers read now, in each of the three
#: forms of the unit (two reports and the registration).
REPORTED = {
    "khtc": ["PHÒNG KẾ HOẠCH -", "TÀI CHÍNH"],
    "qlxd": ["PHÒNG QUẢN LÝ", "XÂY DỰNG CÔNG TRÌNH"],
    "ccptnt": ["CHI CỤC PHÁT TRIỂN", "NÔNG THÔN"],
    "ttns": ["TRUNG TÂM", "NƯỚC SẠCH VÀ VỆ SINH", "MÔI TRƯỜNG NÔNG THÔN"],  # "và" never starts a line
}


@pytest.mark.parametrize("unit", REPORTED)
@pytest.mark.parametrize("form", ["bao-cao-six-month", "bao-cao-annual", "dang-ky-mo-hinh"])
def test_the_reported_names_read_whole_words(built: Path, form: str, unit: str) -> None:
    parent, agency = header_names(built / f"{form}-{unit}.docx")
    assert parent == FORMS_PARENT
    assert agency == REPORTED[unit]


@pytest.mark.parametrize("document", ["ke-hoach-2024.docx", "cong-van-trien-khai-ke-hoach.docx"])
def test_the_agencys_own_header_keeps_the_lines_of_the_seeds(built: Path, document: str) -> None:
    assert header_names(built / document) == [["UBND TỈNH BÌNH THUẬN"], ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]]


def _break_the_name(config: Path) -> None:
    """Write a break by hand (YAML |) in the name of the unit QLXD, where the even
    breaker would not put it."""
    units = config / "units.yaml"
    text = units.read_text(encoding="utf-8")
    written = "    name: Phòng Quản lý xây dựng công trình\n"
    assert written in text
    units.write_text(text.replace(written, "    name: |\n      Phòng Quản lý xây dựng\n      công trình\n"),
                     encoding="utf-8")


def test_a_break_written_in_the_name_is_kept(config_copy: Path, tmp_path: Path) -> None:
    _break_the_name(config_copy)
    unit = vbdocs.load(config_copy / "campaign_2024.yaml").unit("QLXD")
    assert unit is not None and unit.name == "Phòng Quản lý xây dựng\ncông trình"
    vbdocs.build(config_copy / "campaign_2024.yaml", output=tmp_path / "out", only=["report_form"], units=["QLXD"])
    parent, agency = header_names(tmp_path / "out" / "bao-cao-six-month-qlxd.docx")
    assert parent == FORMS_PARENT
    assert agency == [upper("Phòng Quản lý xây dựng"), upper("công trình")]


def test_a_break_written_in_the_name_stays_in_the_header(config_copy: Path, tmp_path: Path) -> None:
    _break_the_name(config_copy)
    vbdocs.build(config_copy / "campaign_2024.yaml", output=tmp_path / "out", only=["report_form"], units=["QLXD"])
    body = [p.text for p in Docx(tmp_path / "out" / "bao-cao-six-month-qlxd.docx").paragraphs() if p.cell is None]
    assert not any("Phòng Quản lý xây dựng\ncông trình" in text for text in body)
