"""Report and registration forms: pre-filled for their unit, as the campaign data says."""

from __future__ import annotations

from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG
from tests.docx_read import NS, Docx
from vbdocs.errors import OutputError


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forms")
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, only=["report_form", "registration_form"],
                 units=["TTR", "TTKN", "KHTC"])
    return out


def test_the_unit_that_collects_the_forms_is_sent_none(tmp_path: Path) -> None:
    """A unit never reports to itself: the Văn phòng, through which the forms reach the Sở
    ("qua Văn phòng Sở"), gets no form (issue 11, item 3)."""
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out",
                          only=["report_form", "registration_form"])
    units = {d.unit for d in result.documents}
    config = vbdocs.load(CONFIG / "campaign_2024.yaml")
    assert units == {u.code for u in config.units.units} - {"VP"}
    with pytest.raises(OutputError, match=r"no form of the unit 'VP' in the set \(it collects the forms\)"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "vp", only=["report_form"], units=["VP"])


def test_form_header_names_the_unit_under_the_department(forms: Path) -> None:
    doc = Docx(forms / "bao-cao-six-month-ttkn.docx")
    lines = doc.lines()
    assert lines[:8] == [
        "SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN", "TỈNH BÌNH THUẬN", "TRUNG TÂM KHUYẾN NÔNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số:     /BC-TTKN", "Bình Thuận, ngày     tháng     năm 2024",
    ]
    assert doc.bold(doc.find("TRUNG TÂM KHUYẾN NÔNG")) and not doc.bold(doc.find("SỞ NÔNG NGHIỆP VÀ"))
    assert lines[8:11] == ["BÁO CÁO", "Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2024",
                           "Kính gửi: Sở Nông nghiệp và Phát triển nông thôn (qua\u00a0Văn\u00a0phòng\u00a0Sở)"]


def test_kinh_gui_never_breaks_inside_its_bracket(forms: Path) -> None:
    """Word wrapped "(qua Văn phòng / Sở)", leaving "Sở)" alone on a line (issue 11, item 6): the bracketed
    phrase is bound by non-breaking spaces, so it moves to the next line whole, and no word is left alone."""
    for name in ("bao-cao-annual-ttr.docx", "dang-ky-mo-hinh-ttkn.docx"):
        line = Docx(forms / name).find("Kính gửi:").text
        assert line == "Kính gửi: Sở Nông nghiệp và Phát triển nông thôn (qua\u00a0Văn\u00a0phòng\u00a0Sở)", name
    from vbdocs.documents.report_form import kept_together

    assert kept_together("Sở Nội vụ") == "Sở Nội\u00a0vụ"


def test_form_body_follows_the_plans_tasks(forms: Path) -> None:
    doc = Docx(forms / "bao-cao-annual-ttr.docx")
    opening = doc.find("Thực hiện Kế hoạch")
    # the plan folds the report into the unit's own (issue 11, item 6): the form says so, with its deadline
    assert opening.text.endswith(
        "; Thanh tra Sở báo cáo kết quả thực hiện năm 2024 (lồng ghép vào Báo cáo kết quả thực hiện công tác "
        "dân vận chính quyền năm 2024 của đơn vị; gửi trước ngày 05/10/2024) như sau:")
    paragraphs = doc.paragraphs()
    tasks = [p for p in paragraphs if p.style == "VBBody" and p.text[:2] in {f"{i}." for i in range(1, 10)}]
    # eight of the nine khoản: the fourth is the Sở leadership's own ("Tập trung lãnh đạo, chỉ đạo …")
    assert [p.text.split(".")[0] for p in tasks] == [str(i) for i in range(1, 9)]
    assert not any("Tập trung lãnh đạo" in p.text for p in paragraphs)
    for p in tasks:  # the form's own short headings, upright (PL I, II.6), not the plan's text in italics
        assert not any(r.italic for r in p.runs if r.text.strip() and "Dân vận khéo" not in r.text), p.text
    assert tasks[0].text == "1. Quán triệt, triển khai các chỉ thị, văn bản chỉ đạo về công tác dân vận"
    assert tasks[3].text.startswith("4. Thực hiện quy chế dân chủ ở cơ sở")
    fills = [p for p in paragraphs if p.style == "VBFill"]
    assert len(fills) == 8 * 3 + 2 * 3 and all(p.text == "\t" for p in fills)
    headings = [p.text for p in paragraphs if p.style == "VBSection"]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG CỦA KẾ HOẠCH", "II. MÔ HÌNH “DÂN VẬN KHÉO” CỦA ĐƠN VỊ",
                        "III. KHÓ KHĂN, VƯỚNG MẮC", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    closing = [p for p in paragraphs if p.style == "VBClosing"]
    assert [p.text for p in closing] == ["Trên đây là báo cáo của Thanh tra Sở./."]


def test_a_khoan_without_a_heading_is_quoted_whole_in_italics(config_copy: Path, tmp_path: Path) -> None:
    """Without ``heading``, a reported khoản is the plan's words: quoted whole, in italics (a prompt),
    its number upright (PL I, II.6)."""
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    text = text.replace("        - heading: Quán triệt, triển khai các chỉ thị, văn bản chỉ đạo về công tác dân vận\n",
                        "        - reported: true\n", 1)
    campaign.write_text(text, encoding="utf-8")
    vbdocs.build(campaign, output=tmp_path / "out", only=["report_form"], units=["TTR"])
    first = Docx(tmp_path / "out" / "bao-cao-annual-ttr.docx").find("1. Tiếp tục quán triệt")
    number, *task = [r for r in first.runs if r.text]
    assert number.text.strip().rstrip(".").isdigit() and not number.italic
    assert task and all(r.italic for r in task)


def test_form_has_a_table_of_models_to_fill_in(forms: Path) -> None:
    doc = Docx(forms / "bao-cao-six-month-ttr.docx")
    tables = doc.document.findall(".//w:tbl", NS)
    assert len(tables) == 3  # header, models, closing band
    rows = [["".join(t.text or "" for t in cell.iter(f"{{{NS['w']}}}t")) for cell in row.findall("w:tc", NS)]
            for row in tables[1].findall("w:tr", NS)]
    assert rows == [["STT", "Tên mô hình", "Lĩnh vực", "Kết quả đạt được"],
                    ["1", "", "", ""], ["2", "", "", ""], ["3", "", "", ""], ["4", "", "", ""]]


def test_form_is_signed_by_the_units_head(forms: Path) -> None:
    doc = Docx(forms / "bao-cao-six-month-ttr.docx")
    assert doc.find("CHÁNH THANH TRA").cell is not None
    # the Thanh tra's own văn thư files it; the drafting unit inside it is left to fill in
    assert [p.text for p in doc.paragraphs() if p.style == "VBRecipients"] == ["- Như trên;", "- Lưu: VT, ……."]
    assert doc.find("Số:").text.replace("\u00a0", " ").split() == ["Số:", "/BC-TTr"]


def test_a_phong_has_no_number_and_keeps_its_copy(forms: Path) -> None:
    """A phòng has no seal, no văn thư and no register (issue 11, item 6): its form has no "Số:" line
    and "Lưu:" names the phòng alone; an affiliated unit's form has both."""
    doc = Docx(forms / "bao-cao-six-month-khtc.docx")
    assert not [line for line in doc.lines() if line.startswith("Số:")]
    assert [p.text for p in doc.paragraphs() if p.style == "VBRecipients"] == ["- Như trên;", "- Lưu: KHTC."]
    assert [line for line in Docx(forms / "bao-cao-six-month-ttkn.docx").lines() if line.startswith("Số:")]
    from vbdocs.check import check

    report = check(forms / "bao-cao-six-month-khtc.docx")
    assert report.passed, report.findings


def test_registration_form(forms: Path) -> None:
    doc = Docx(forms / "dang-ky-mo-hinh-ttkn.docx")
    opening = doc.find("Thực hiện Kế hoạch")
    assert opening.markup().endswith(
        "; Trung tâm Khuyến nông đăng ký xây dựng, nhân rộng mô hình “*Dân vận khéo*” năm 2024 "
        "(gửi trước ngày 05/4/2024) như sau:")
    assert [p.text for p in doc.paragraphs() if p.style == "VBSection"] == [
        "I. DANH SÁCH ĐĂNG KÝ", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert "Nội dung, thời gian thực hiện, người phụ trách" in doc.lines()


def test_registration_form_is_a_registration_not_a_report(forms: Path) -> None:
    """The registration form was titled "BÁO CÁO" and closed "Trên đây là báo cáo…" (issue 11, item 6)."""
    doc = Docx(forms / "dang-ky-mo-hinh-ttkn.docx")
    lines = doc.lines()
    assert lines[6] == "Số:     /ĐK-TTKN"
    assert lines[8:10] == ["ĐĂNG KÝ", "Xây dựng mô hình “Dân vận khéo” năm 2024"]
    assert "BÁO CÁO" not in lines and not any("báo cáo" in line for line in lines)
    assert [p.text for p in doc.paragraphs() if p.style == "VBClosing"] == [
        "Trên đây là nội dung đăng ký của Trung tâm Khuyến nông./."]


def test_registration_form_states_its_deadline(config_copy: Path, tmp_path: Path) -> None:
    """Where the registration has a deadline, the opening states it as the report forms do, before "như sau:"."""
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    assert "    deadline: 2024-04-05\n" in text
    text = text.replace("    deadline: 2024-04-05\n", "    deadline: 2024-03-20\n", 1)
    campaign.write_text(text, encoding="utf-8")
    vbdocs.build(campaign, output=tmp_path / "out", only=["registration_form"], units=["TTKN"])
    opening = Docx(tmp_path / "out" / "dang-ky-mo-hinh-ttkn.docx").find("Thực hiện Kế hoạch")
    assert opening.markup().endswith("; Trung tâm Khuyến nông đăng ký xây dựng, nhân rộng mô hình “*Dân vận khéo*” "
                                     "năm 2024 (gửi trước ngày 20/3/2024) như sau:")


def test_no_forms_without_form_data(config_copy: Path, tmp_path: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    start, end = text.index("\nforms:\n"), text.index("\nplan:\n")
    text = text[:start] + "\n" + text[end:]
    text = text.replace("        reports: [dang-ky-mo-hinh]\n", "")  # the letter's instruction names no deadline
    text = text.replace("    subject: Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2024\n", "")
    text = text.replace("    subject: Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2024\n", "")
    campaign.write_text(text, encoding="utf-8")
    result = vbdocs.build(campaign, output=tmp_path / "out")
    assert [d.kind for d in result.documents] == ["plan", "directive_letter", "calendar"]


def test_a_form_without_send_to_is_a_located_error(config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("  send_to: Sở Nông nghiệp và Phát triển nông thôn (qua Văn phòng Sở)\n", ""),
                        encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    assert [f"{p.path}: {p.message}" for p in info.value.problems] == ["forms.send_to: is required but missing"]


def test_the_units_file_says_which_units_have_a_seal(config_copy: Path, tmp_path: Path) -> None:
    """``seal`` overrides the rule by name: a phòng given a seal numbers its form; a Trung tâm
    without one does not."""
    units = config_copy / "units.yaml"
    text = units.read_text(encoding="utf-8")
    text = text.replace("    head_title: Trưởng phòng\n", "    head_title: Trưởng phòng\n    seal: true\n", 1)
    text = text.replace("  - code: TTKN\n    name: Trung tâm Khuyến nông\n",
                        "  - code: TTKN\n    name: Trung tâm Khuyến nông\n    seal: false\n", 1)
    units.write_text(text, encoding="utf-8")
    vbdocs.build(config_copy / "campaign_2024.yaml", output=tmp_path / "out", only=["report_form"],
                 units=["KHTC", "TTKN"])
    khtc = Docx(tmp_path / "out" / "bao-cao-annual-khtc.docx")
    ttkn = Docx(tmp_path / "out" / "bao-cao-annual-ttkn.docx")
    assert [line for line in khtc.lines() if line.startswith("Số:")]
    assert not [line for line in ttkn.lines() if line.startswith("Số:")]
    assert "- Lưu: TTKN." in ttkn.lines() and "- Lưu: VT, ……." in khtc.lines()


def test_the_letter_gives_the_registration_deadline(tmp_path: Path) -> None:
    """The registration form's deadline is typed once and written wherever it is due (issue 11,
    item 6): the letter's instruction, the forms and the calendar."""
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", only=["directive_letter"])
    letter = Docx(tmp_path / "out" / "cong-van-trien-khai-ke-hoach.docx")
    second = letter.find("2. Chủ động rà soát")
    assert second.markup().endswith("gửi Ban Dân vận Tỉnh ủy và Sở Nội vụ, bản đăng ký **trước ngày 05/4/2024**.")
