"""`vbdocs check` on long documents: what it keeps of the text changes nothing it finds (issue 14).

A long document is read through ``rules.Sieve``: its first and last paragraphs are kept whole, with
those the rules look for anywhere and the paragraphs around them; the others are tallied for the
body rules and dropped, so that memory stays flat (``benchmarks/check_large.py`` measures it). Here
every Mẫu of the corpus is stretched to thousands of paragraphs, with violations seeded far from
both ends, and its findings read through the sieve must be exactly those read whole.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.mau_corpus import FILLS, W, fill
from vbdocs.check import Sieve, check, judge, read
from vbdocs.check.reader import WINDOW

COPIES = 1_500
"""How many paragraphs are added: more than both windows, so that most are dropped."""


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))


def _set_run(p: etree._Element, xml: str) -> None:
    """Give every run of ``p`` the run property ``xml``, in place of its own kind's."""
    new = etree.fromstring(f'<w:rPr xmlns:w="{W}">{xml}</w:rPr>')[0]
    for run in p.iter(q("r")):
        rpr = run.find(q("rPr"))
        if rpr is None:
            rpr = etree.SubElement(run, q("rPr"))
            run.insert(0, rpr)
        for old in rpr.findall(new.tag):
            rpr.remove(old)
        rpr.append(copy.deepcopy(new))


def _set_para(p: etree._Element, xml: str) -> None:
    new = etree.fromstring(f'<w:pPr xmlns:w="{W}">{xml}</w:pPr>')[0]
    ppr = p.find(q("pPr"))
    if ppr is None:
        ppr = etree.Element(q("pPr"))
        p.insert(0, ppr)
    for old in ppr.findall(new.tag):
        ppr.remove(old)
    ppr.append(new)


def _retext(p: etree._Element, text: str) -> None:
    runs = list(p.iter(q("t")))
    runs[0].text = text
    for t in runs[1:]:
        t.text = ""


#: What some of the copies are made into, at their place among them: violations of the body rules and
#: of the typeface, and the parts the rules look for anywhere (Điều, Chương and its name, Căn cứ).
SEEDS = {
    300: lambda p: _set_run(p, '<w:sz w:val="24"/>'),
    420: lambda p: _set_para(p, '<w:jc w:val="left"/>'),
    421: lambda p: _set_para(p, '<w:jc w:val="center"/>'),
    422: lambda p: _set_para(p, '<w:jc w:val="right"/>'),
    423: lambda p: _set_para(p, '<w:jc w:val="left"/>'),
    600: lambda p: _set_run(p, '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'),
    700: lambda p: _retext(p, "Điều 7. Tổ chức thực hiện các nội dung của kế hoạch theo đúng tiến độ đã đề ra."),
    701: lambda p: _retext(p, "Chương II"),
    702: lambda p: _retext(p, "TỔ CHỨC THỰC HIỆN"),
    800: lambda p: _set_para(p, '<w:spacing w:before="0" w:after="0" w:line="480" w:lineRule="auto"/>'),
    1100: lambda p: _retext(p, "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;"),
}


def _stretched(source: Path, target: Path, *, after_end: bool) -> Path:
    """``source`` with ``COPIES`` copies of its longest paragraph of prose added after it, the
    ``SEEDS`` made into some; with ``after_end``, as many again after Nơi nhận (where a phụ lục
    stands; at the end of a file without it), so that Nơi nhận is far from both ends."""
    with zipfile.ZipFile(source) as src:
        root = etree.fromstring(src.read("word/document.xml"))
        body = root.find(q("body"))
        prose = [p for p in body.findall(q("p"))
                 if not _text(p).strip().startswith(("Căn cứ", "Điều", "(", "Xét", "Nơi nhận"))]
        model = max(prose, key=lambda p: len(_text(p)))
        places = [body.index(model)]
        label = next((p for p in body.iter(q("p")) if _text(p).strip().startswith("Nơi nhận")), None)
        if after_end:
            places.append(body.index(next(a for a in label.iterancestors() if a.getparent() is body))
                          if label is not None else len(body) - 2)
        for at in sorted(places, reverse=True):
            for i in range(COPIES):
                made = copy.deepcopy(model)
                if i in SEEDS:
                    SEEDS[i](made)
                body.insert(at + 1 + i, made)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, data if item.filename == "word/document.xml" else src.read(item.filename))
    return target


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("mau")
    return {name: fill(name, out / f"{name}.docx") for name in FILLS}


@pytest.mark.parametrize("after_end", [False, True], ids=["long text", "long text and phụ lục"])
@pytest.mark.parametrize("name", sorted(FILLS))
def test_a_long_document_is_judged_as_if_read_whole(name: str, after_end: bool, filled: dict[str, Path],
                                                     tmp_path: Path) -> None:
    path = _stretched(filled[name], tmp_path / "long.docx", after_end=after_end)
    sieve = Sieve()
    sieved = read(path, sieve)
    assert sieved.dropped > COPIES - sum(WINDOW)  # the sieve was at work: most of the copies were dropped
    whole = judge(path, read(path))
    assert judge(path, sieved, sieve) == whole
    assert check(path) == whole


def test_what_is_dropped_is_still_counted_and_its_first_failures_named(filled: dict[str, Path],
                                                                         tmp_path: Path) -> None:
    """The body rules' findings on a long text: the failing paragraphs far from both ends named by
    their place, the count of the others, the typeface of one paragraph in the middle."""
    path = _stretched(filled["M1.6"], tmp_path / "long.docx", after_end=False)
    report = check(path)
    failures = {(f.rule, f.paragraph): f for f in report.failures}
    alignment = [f for f in report.failures if f.rule == "body.alignment"]
    assert [f.found for f in alignment] == ["aligned left", "aligned center", "aligned right (and 1 more paragraphs)"]
    first = alignment[0].paragraph
    assert first is not None and first > WINDOW[0]
    assert [f.paragraph for f in alignment] == [first, first + 1, first + 2]
    assert failures[("body.size", first - 120)].found == "set in 12 pt"
    assert any(f.rule == "font.typeface" and f.found == "Arial" for f in report.failures)
    counted = next(f for f in report.findings if f.rule == "body.indent")
    # every copy counted, but Điều 7, Chương II and its name, which are short
    assert counted.status == "pass" and int(counted.where.split()[0]) >= COPIES - 3
