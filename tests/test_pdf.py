"""PDF output through LibreOffice: real failures, embedded fonts, the document's own
text, reproducible bytes, previews, and the layout as a reader sees it on the page."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG, ROOT
from tests.docx_read import Docx
from vbdocs.pdf import ConversionError, Converter

if not shutil.which("soffice") or not shutil.which("pdftotext"):
    import os

    if os.environ.get("CI"):
        raise RuntimeError("CI must have LibreOffice and poppler-utils: .ci/run installs them")
    pytest.skip("LibreOffice or poppler-utils not installed", allow_module_level=True)

A4_WIDTH = 595.3  # points


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "out"
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, formats=["docx", "pdf"], preview=True, jobs=2,
                 only=["plan", "directive_letter", "report_form"], units=[])
    return out


def test_converter_uses_one_libreoffice_for_many_documents(built: Path, tmp_path: Path) -> None:
    with Converter() as converter:
        assert converter.persistent, "python3-uno is installed by .ci/run: the bridge must be used"
        for name in ("ke-hoach-2024", "cong-van-trien-khai-ke-hoach", "bao-cao-annual-ttr"):
            converter.convert(built / f"{name}.docx", tmp_path / f"{name}.pdf")
            assert (tmp_path / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"
        office = converter._office
        assert office is not None and office.poll() is None, "the same LibreOffice is still running"


def test_a_file_that_is_not_a_docx_fails_for_real(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a Word file")
    with Converter() as converter:
        with pytest.raises(ConversionError, match=r"bad\.docx: .*could not open the file"):
            converter.convert(bad, tmp_path / "bad.pdf")
        assert not (tmp_path / "bad.pdf").exists()


def test_a_timeout_restarts_libreoffice(built: Path, tmp_path: Path) -> None:
    with Converter(timeout=0.01) as converter:
        with pytest.raises(ConversionError, match=r"no PDF within 0.01 s; LibreOffice was restarted"):
            converter.convert(built / "ke-hoach-2024.docx", tmp_path / "a.pdf")
        converter.timeout = 60
        converter.convert(built / "ke-hoach-2024.docx", tmp_path / "b.pdf")
        assert (tmp_path / "b.pdf").exists()


def test_one_start_per_document_without_the_bridge(built: Path, tmp_path: Path) -> None:
    with Converter(persistent=False) as converter:
        assert not converter.persistent
        converter.convert(built / "ke-hoach-2024.docx", tmp_path / "k.pdf")
    assert (tmp_path / "k.pdf").read_bytes()[:5] == b"%PDF-"


def test_every_font_is_embedded(built: Path) -> None:
    for pdf in built.glob("*.pdf"):
        listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
        for row in listing.splitlines()[2:]:
            assert row.split()[-5] == "yes", (pdf.name, row)


def _pdf_words(pdf: Path) -> list[str]:
    pages = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True).stdout
    words = []
    for number, page in enumerate(unicodedata.normalize("NFC", pages.decode()).split("\f"), start=1):
        lines = page.strip().splitlines()
        if number > 1 and lines and lines[0].strip() == str(number):
            lines = lines[1:]  # the page number in the header
        words += " ".join(lines).split()
    return words


def _docx_words(path: Path) -> list[str]:
    doc = Docx(path)
    words = " ".join(doc.lines()).split()
    notes = [n.text.strip() for n in doc.footnotes().values()]
    words = [re.sub(r"\[\^\d+\]", "", w) for w in words]  # the mark prints as a superscript digit
    return [w for w in words if w] + " ".join(notes).split()


@pytest.mark.parametrize("name", ["ke-hoach-2024", "cong-van-trien-khai-ke-hoach"])
def test_pdf_text_is_the_documents_text(built: Path, name: str) -> None:
    # Compared without white space: the PDF breaks lines where the page does ("43/KH-" / "UBND").
    assert "".join(_pdf_words(built / f"{name}.pdf")) == "".join(_docx_words(built / f"{name}.docx"))


def test_footnote_text_of_the_letter(tmp_path: Path) -> None:
    result = vbdocs.build(ROOT / "examples" / "campaign_2023.yaml", output=tmp_path, formats=["pdf"])
    [pdf] = [d.path for d in result.documents if d.format == "pdf"]
    words = _pdf_words(pdf)
    docx_words = _docx_words(result.documents[0].path) if result.documents[0].path.suffix == ".docx" else None
    assert docx_words is None, "only the PDF was asked for"
    text = "".join(words)
    assert "(khóaXIV)1." in text and "1Nghịquyếtsố05-NQ/TU,ngày10/9/2021" in text


def test_pdfs_are_reproducible_and_listed(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=again, formats=["pdf"], only=["plan"])
    assert (again / "ke-hoach-2024.pdf").read_bytes() == (built / "ke-hoach-2024.pdf").read_bytes()
    assert not (again / "ke-hoach-2024.docx").exists()
    import json

    entries = json.loads((built / "manifest.json").read_text(encoding="utf-8"))["documents"]
    formats = {e["path"].rsplit(".", 1)[1]: e.get("format") for e in entries}
    assert formats == {"docx": None, "pdf": "pdf", "png": "png"}
    for png in built.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(list(built.glob("*.png"))) == len(list(built.glob("*.docx")))


@dataclass
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _boxes(pdf: Path) -> list[Word]:
    raw = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    out = []
    for page, body in enumerate(raw.split("<page ")[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             body):
            out.append(Word(page, *map(float, m.groups()[:4]), unicodedata.normalize("NFC", html.unescape(m[5]))))
    return out


def _line(words: list[Word], phrase: str, page: int | None = None) -> list[Word]:
    parts = phrase.split()
    for i in range(len(words) - len(parts) + 1):
        run = words[i: i + len(parts)]
        if [w.text for w in run] == parts and (page is None or run[0].page == page):
            return run
    raise AssertionError(f"{phrase!r} not found on the page")


def test_layout_as_a_reader_sees_it(built: Path) -> None:
    words = _boxes(built / "ke-hoach-2024.pdf")
    middle = A4_WIDTH / 2
    title = _line(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1)
    motto = _line(words, "Độc lập - Tự do - Hạnh phúc", 1)
    agency = _line(words, "SỞ NÔNG NGHIỆP VÀ", 1)
    assert title[0].x0 > middle - 40 and motto[0].x0 > middle - 20, "national title and motto in the right half"
    assert title[0].y0 < 90, "at the top of page 1"
    assert agency[-1].x1 < middle, "agency in the left half"
    assert abs(title[0].y0 - _line(words, "UBND TỈNH BÌNH THUẬN", 1)[0].y0) < 2, "both blocks start on one line"
    kind = _line(words, "KẾ HOẠCH", 1)
    text_middle = (30 + (210 - 15)) / 2 / 25.4 * 72  # the middle of the text area, between the margins
    assert abs((kind[0].x0 + kind[-1].x1) / 2 - text_middle) < 3, "the title is centred"
    last = max(w.page for w in words)
    recipients = _line(words, "Nơi nhận:", last)
    signer = _line(words, "KT. GIÁM ĐỐC", last)
    assert recipients[-1].x1 < middle and signer[0].x0 > middle, "Nơi nhận left, signature right"
    assert abs(recipients[0].y0 - signer[0].y0) < 8, "on the same band"
    first_page = [w for w in words if w.page == 1 and w.y1 < 56]  # inside the top margin, 20 mm
    assert not first_page, "no page number on page 1"
    number = [w for w in words if w.page == 2 and w.y1 < 56]
    assert [w.text for w in number] == ["2"]
    assert abs((number[0].x0 + number[0].x1) / 2 - text_middle) < 3, "page number centred"


def test_the_signatures_places_are_named_in_the_pdf(tmp_path: Path) -> None:
    """Each signer's name carries a named destination (wordml.SIGNATURE_BOOKMARK) in the PDF: the
    place of an electronic original's signature image and seal (PL I, II.7.d, II.8.a), on the page
    and the side of the page where the layout put it — the lead agency right, the other left, level."""
    example = ROOT / "examples" / "documents" / "so-nn" / "ke-hoach-lien-tich.yaml"
    pdf = vbdocs.build(example, output=tmp_path / "out", formats=["pdf"]).documents[0].path
    listing = subprocess.run(["pdfinfo", "-dests", str(pdf)], check=True, capture_output=True, text=True).stdout
    dests = {m["name"]: (int(m["page"]), float(m["x"]), float(m["y"]))
             for m in re.finditer(r'^\s*(?P<page>\d+) \[ XYZ\s+(?P<x>[\d.]+)\s+(?P<y>[\d.]+) [^\]]*\] "(?P<name>\w+)"',
                                  listing, re.M)}
    assert set(dests) == {"chuky1", "chuky2"}, listing
    (page1, x1, y1), (page2, x2, y2) = dests["chuky1"], dests["chuky2"]
    last = max(w.page for w in _boxes(pdf))
    assert page1 == page2 == last
    assert x1 > A4_WIDTH / 2 > x2 and abs(y1 - y2) < 1
    name = _line(_boxes(pdf), "Nguyễn Quang Trung", last)[0]
    assert abs((842 - name.y0) - y1) < 20, (name, y1)  # at the name's line (PDF y counts from the bottom)
