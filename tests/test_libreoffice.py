"""The plan opens and converts in LibreOffice headless, and the PDF reads as the document.

LibreOffice is what an office without Word uses; a .docx it cannot lay out is not
done. (``.ci/run`` installs it; outside CI the test is skipped when it is missing.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None or not shutil.which("pdftotext"):
    if os.environ.get("CI"):
        raise RuntimeError("CI must have LibreOffice and poppler-utils: .ci/run installs them")
    pytest.skip("LibreOffice or poppler-utils not installed", allow_module_level=True)


def convert(docx: Path, work: Path) -> Path:
    profile = work / "profile"  # a profile of its own: two soffice sharing one fail
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    out = work / (docx.stem + ".pdf")
    assert out.exists(), "soffice exits 0 even when it fails: the PDF must exist"
    return out


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("lo")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=work / "out")
    return convert(result.documents[0].path, work)


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("lo-letter")
    result = vbdocs.build(CONFIG.parent / "examples" / "campaign_2023.yaml", output=work / "out")
    return convert(result.documents[0].path, work)


def _text(pdf: Path, *args: str) -> str:
    raw = subprocess.run(["pdftotext", "-layout", *args, str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", raw)


def test_pdf_holds_the_plans_text(pdf: Path) -> None:
    flat = re.sub(r"\s+", " ", _text(pdf))
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                     "I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "KT. GIÁM ĐỐC",
                     "Nguyễn Quang Trung", "trước ngày 05/10/2024", "chỉ đạo./."):
        assert expected in flat, expected


def test_page_numbers_start_on_page_two(pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    first = _text(pdf, "-f", "1", "-l", "1").strip().splitlines()[0]
    assert first.split()[0] == "UBND", "page 1 starts with the header block, no number"
    second = _text(pdf, "-f", "2", "-l", "2").strip().splitlines()[0]
    assert second.strip() == "2"


def test_every_font_is_embedded_and_times_compatible(pdf: Path) -> None:
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert "Times" in name or "LiberationSerif" in name, row


def test_letter_converts_with_its_footnote_at_the_foot_of_the_page(letter_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(letter_pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    for page in range(1, pages + 1):
        text = re.sub(r"\s+", " ", _text(letter_pdf, "-f", str(page), "-l", str(page)))
        if "(khóa XIV)1." in text:
            break
    else:
        raise AssertionError("the footnote mark is not in the PDF")
    # the note is on the page that refers to it, below the body
    assert "1 Nghị quyết số 05-NQ/TU, ngày 10/9/2021" in text
    assert text.index("(khóa XIV)1.") < text.index("1 Nghị quyết số 05-NQ/TU")
    flat = re.sub(r"\s+", " ", _text(letter_pdf))
    for expected in ("Kính gửi:", "- Các phòng chuyên môn Sở;", "V/v tiếp tục đẩy mạnh phong trào",
                     "- Lưu: VT, VP.Tiền.", "Mai Kiều"):
        assert expected in flat, expected


def test_report_form_converts(tmp_path: Path) -> None:
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["report_form"], units=["TTR"])
    pdf = convert(result.documents[0].path, tmp_path)
    flat = re.sub(r"\s+", " ", _text(pdf))
    for expected in ("THANH TRA SỞ", "Số: /BC-TTr", "Kính gửi: Sở Nông nghiệp và Phát triển nông thôn", "STT",
                     "Tên mô hình", "IV. ĐỀ XUẤT, KIẾN NGHỊ", "CHÁNH THANH TRA"):
        assert expected in flat, expected


def test_a_forms_table_stands_between_the_text_margins(tmp_path: Path) -> None:
    """The bordered table of a form sat 1.9 mm into the left margin (its cell padding):
    its borders stand on the margins, 30 mm from the left edge and 15 mm from the right
    (issue 11, item 6)."""
    from vbdocs.layout import page

    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["report_form"],
                          units=["TTR"])
    pdf = convert(result.documents[0].path, tmp_path)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                            text=True, check=True).stdout).group(1))
    xs = []
    for number in range(1, pages + 1):
        svg = tmp_path / f"p{number}.svg"
        subprocess.run(["pdftocairo", "-svg", "-f", str(number), "-l", str(number), str(pdf), str(svg)], check=True)
        for d in re.findall(r'<path[^>]*\sd="(M [-\d.]+ [-\d.]+ L [-\d.]+ [-\d.]+) "', svg.read_text()):
            x1, y1, x2, y2 = map(float, re.findall(r"[-\d.]+", d))
            if abs(x1 - x2) < 0.5 and abs(y1 - y2) > 10:  # a vertical border of the table
                xs.append(x1)
    assert xs, "no table border found"
    left = page.MARGIN_LEFT / 20
    right = (page.PAGE_WIDTH - page.MARGIN_RIGHT) / 20
    assert abs(min(xs) - left) < 0.6 and abs(max(xs) - right) < 0.6, (min(xs), max(xs), left, right)
