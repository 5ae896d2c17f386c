"""The golden test: the 2024 plan reproduces the seed plan's text, in order, with its emphasis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG, GOLDEN
from tests.docx_read import Docx

SEED_PLAN = GOLDEN / "plan_2024.txt"


def seed_lines(path: Path) -> list[str]:
    """The seed's lines in vbdocs markup.

    The seed is a Markdown conversion of the real document: headings carry "#",
    lines bold or italic as a whole (by their style in the original) are wrapped
    in "**" or "*", and page breaks cut sentences in two ("tuyên" / "truyền": a
    line ending in a letter, then one starting in lower case). Those artefacts are
    undone; emphasis inside a line is kept, to be compared.
    """
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?<=\w)\n\n(?=[a-zà-ỹđ])", " ", text)
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("#").strip()
        if not line:
            continue
        for mark in ("**", "*"):
            inner = line[len(mark):-len(mark)]
            if line.startswith(mark) and line.endswith(mark) and mark not in inner:
                line = inner
        out.append(line)
    return out


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Docx:
    out = tmp_path_factory.mktemp("out")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    [doc] = [d for d in result.documents if d.kind == "plan"]
    return Docx(doc.path)


def document_lines(doc: Docx) -> list[str]:
    lines = []
    for p in doc.paragraphs():
        # style-level emphasis (headings, signer block) is layout, not text
        text = p.text if p.style not in ("VBBody", "VBClosing") else p.markup()
        lines.extend(line for line in text.split("\n") if line.strip())
    return lines


def test_plan_reproduces_the_seed_text_in_order(plan: Docx) -> None:
    lines = document_lines(plan)
    start = lines.index("KẾ HOẠCH")  # the seed's conversion dropped the header above it
    assert lines[start:] == seed_lines(SEED_PLAN)


def test_header_lines_the_seed_lacks(plan: Docx) -> None:
    lines = document_lines(plan)
    assert lines[: lines.index("KẾ HOẠCH")] == [
        "UBND TỈNH BÌNH THUẬN",
        "SỞ NÔNG NGHIỆP VÀ",
        "PHÁT TRIỂN NÔNG THÔN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:     /KH-SNN",
        "Bình Thuận, ngày     tháng     năm 2024",
    ]


def test_seed_reading_undoes_only_the_conversion() -> None:
    lines = seed_lines(SEED_PLAN)
    assert lines[0] == "KẾ HOẠCH"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "Nơi nhận:" in lines
    assert any("**trước ngày 10/5/2024**" in line for line in lines)
    assert sum("*Dân vận khéo*" in line for line in lines) == 9
