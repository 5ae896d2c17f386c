"""Any văn bản hành chính as data (issue 12): a document file, a body of blocks numbered on
the Decree's ladders, tables, and the examples of other agencies, each checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
from tests.conftest import ROOT
from tests.docx_read import NS, Docx, q
from vbdocs.check import check
from vbdocs.cli import main
from vbdocs.vn.numbering import TYPE_ABBREVIATIONS, TYPE_NAMES, TYPES_WITHOUT_SUBJECT
from vbdocs.vn.text import upper

EXAMPLES = ROOT / "examples" / "documents"
DOCUMENTS = sorted(p for p in EXAMPLES.rglob("*.yaml") if p.name != "units.yaml")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example's first file by the example's name; the files after it (a document a Quyết định
    issues, an electronic original's phụ lục) as "<name>+", "<name>++"."""
    out = {}
    for path in DOCUMENTS:
        folder = tmp_path_factory.mktemp(path.parent.name)
        result = vbdocs.build(path, output=folder)
        for i, document in enumerate(result.documents):
            out[f"{path.parent.name}/{path.stem}" + "+" * i] = document.path
    return out


NAMES = ["bo-gddt/cong-van", "hdnd-tinh/nghi-quyet", "so-nn/giay-gioi-thieu", "so-nn/giay-moi",
         "so-nn/giay-nghi-phep", "so-nn/ke-hoach-lien-tich",
         "so-nn/thong-bao-dien-tu", "so-nn/thong-bao-dien-tu+", "so-nn/thong-bao-dien-tu++",
         "so-nn/to-trinh", "ubnd-phuong/bao-cao", "ubnd-tinh/bien-ban", "ubnd-tinh/cong-dien", "ubnd-tinh/quyet-dinh",
         "ubnd-tinh/quyet-dinh-quy-che", "ubnd-tinh/quyet-dinh-quy-che+", "ubnd-tinh/sao-y",
         "ubnd-tinh/sao-y-dien-tu"]


def test_there_are_the_examples_the_issue_names(built: dict[str, Path]) -> None:
    assert sorted(built) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_example_passes_the_check(name: str, built: dict[str, Path]) -> None:
    report = check(built[name])
    assert report.passed, [(f.rule, f.found) for f in report.failures]


def _body(doc: Docx) -> list[tuple[str, str]]:
    """(style, text) of every paragraph outside the header and closing tables."""
    return [(p.style, p.markup()) for p in doc.paragraphs() if p.cell is None and p.text.strip()]


def test_a_decision_of_a_chairman(built: dict[str, Path]) -> None:
    """Mẫu 1.2: the deciding authority, Căn cứ in italics ending ";" then ".", "QUYẾT ĐỊNH:",
    Điều numbered through the document ("Điều 1." bold; a titled Điều bold whole), khoản 1.,
    điểm a), bullets, "./." at the end, Nơi nhận "Như Điều 3", the Chủ tịch's own signature."""
    doc = Docx(built["ubnd-tinh/quyet-dinh"])
    body = _body(doc)
    styles = [s for s, _ in body]
    texts = [t for _, t in body]
    assert texts[:3] == ["QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác triển khai Ngày\nChuyển đổi số tỉnh Bình Thuận "
                         "năm 2024", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"]
    bases = [t for s, t in body if s == "VBBasis"]
    assert len(bases) == 4 and all(t.startswith("*") and t.endswith(";*") for t in bases[:3])
    assert bases[3].endswith("ngày 10 tháng 3 năm 2024.*")
    assert ("VBCenter", "QUYẾT ĐỊNH:") in body
    articles = [t for s, t in body if s == "VBArticle"]
    assert articles[0].startswith("**Điều 1.** Thành lập Tổ công tác")
    assert articles[1] == "**Điều 2. Nhiệm vụ của Tổ công tác**"
    assert texts[styles.index("VBClosing")].startswith("**Điều 3.** Chánh Văn phòng")
    assert texts[-1].endswith("Quyết định này có hiệu lực kể từ ngày ký./.")
    assert [t for t in texts if t[:2] in ("1.", "2.", "3.", "a)", "b)", "- ")] == [
        "1. Tổ trưởng: Bà Trần Thị Bình, Phó Chủ tịch Ủy ban nhân dân tỉnh.",
        "2. Tổ phó thường trực: Ông Lê Văn Cường, Giám đốc Sở Thông tin và Truyền thông.",
        "3. Các thành viên:",
        "- Ông Phạm Minh Đức, Phó Giám đốc Sở Nội vụ;",
        "- Bà Võ Thị Hoa, Phó Giám đốc Sở Tài chính;",
        "- Ông Huỳnh Văn Khánh, Phó Chánh Văn phòng Ủy ban nhân dân tỉnh.",
        "1. Tham mưu Ủy ban nhân dân tỉnh xây dựng kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số "
        "quốc gia (10/10) năm 2024 trên địa bàn tỉnh.",
        "2. Theo dõi, đôn đốc các sở, ngành, địa phương:",
        "a) triển khai các nhiệm vụ chuyển đổi số được giao trong năm 2024;",
        "b) báo cáo kết quả thực hiện trước ngày 15 tháng 11 năm 2024.",
        "3. Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.",
    ]
    lines = doc.lines()
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN"]  # no parent line: the province's own body
    assert [line for line in lines if line.startswith("Số:")] == ["Số:     /QĐ-UBND"]
    assert "- Như Điều 3;" in lines and "- Lưu: VT, KGVX." in lines
    assert "CHỦ TỊCH" in lines and "TM. ỦY BAN NHÂN DÂN" not in lines


def test_a_report_on_the_outline_ladder(built: dict[str, Path]) -> None:
    """I. → 1. → 1.1. → a): headings by depth, bold caps / bold / bold italic; a list under a
    second-level heading numbered from it (1.1., 1.2.); bullets "-" then "+"."""
    body = _body(Docx(built["ubnd-phuong/bao-cao"]))
    headings = [(s, t) for s, t in body if s in ("VBSection", "VBSubsection", "VBHeading3")]
    assert headings == [
        ("VBSection", "I. KẾT QUẢ THỰC HIỆN"), ("VBSubsection", "1. Công tác tuyên truyền"),
        ("VBSubsection", "2. Kết quả các tiêu chí"), ("VBHeading3", "2.1. Gia đình văn hóa"),
        ("VBHeading3", "2.2. Khu phố văn hóa"), ("VBSection", "II. HẠN CHẾ, NGUYÊN NHÂN"),
        ("VBSection", "III. PHƯƠNG HƯỚNG NĂM 2025"),
    ]
    texts = [t for _, t in body]
    assert "1.1. Tuyên truyền trên hệ thống truyền thanh của phường 120 lượt." in texts
    assert "+ mua sắm trang thiết bị;" in texts and "- Một số hộ gia đình chưa quan tâm đăng ký danh hiệu." in texts
    assert texts[-1] == "2. Đề nghị Ủy ban nhân dân thành phố hỗ trợ kinh phí cho các khu phố./."
    doc = Docx(built["ubnd-phuong/bao-cao"])
    assert doc.bold(doc.find("I. KẾT QUẢ")) and doc.bold(doc.find("2.1.")) and doc.italic(doc.find("2.1."))
    assert not doc.italic(doc.find("1. Công tác"))
    lines = doc.lines()
    assert lines[lines.index("TM. ỦY BAN NHÂN DÂN"):lines.index("TM. ỦY BAN NHÂN DÂN") + 3] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def _table(path: Path, index: int) -> list[list[tuple[str, str]]]:
    """Rows of a table as (text, merge marks) per written cell."""
    table = Docx(path).document.findall(".//w:tbl", NS)[index]
    rows = []
    for row in table.findall("w:tr", NS):
        cells = []
        for cell in row.findall("w:tc", NS):
            text = "".join(t.text or "" for t in cell.iter(q("w:t")))
            span = cell.find("w:tcPr/w:gridSpan", NS)
            merge = cell.find("w:tcPr/w:vMerge", NS)
            marks = (f"span{span.get(q('w:val'))}" if span is not None else "") + (
                f"v{merge.get(q('w:val')) or 'continue'}" if merge is not None else "")
            cells.append((text, marks))
        rows.append(cells)
    return rows


def test_a_table_with_merged_cells_a_total_and_a_repeated_header(built: dict[str, Path]) -> None:
    path = built["ubnd-phuong/bao-cao"]
    rows = _table(path, 1)  # after the header table
    assert rows[0] == [("STT", "vrestart"), ("Khu phố", "vrestart"), ("Số hộ", "span2"), ("Tỷ lệ (%)", "vrestart")]
    assert rows[1] == [("", "vcontinue"), ("", "vcontinue"), ("Đăng ký", ""), ("Đạt", ""), ("", "vcontinue")]
    assert rows[-1] == [("", ""), ("Tổng cộng", ""), ("3.335", ""), ("3.172", ""), ("95,1", "")]
    table = Docx(path).document.findall(".//w:tbl", NS)[1]
    header_rows = [r for r in table.findall("w:tr", NS) if r.find("w:trPr/w:tblHeader", NS) is not None]
    assert len(header_rows) == 2
    widths = [int(c.get(q("w:w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    from vbdocs.layout import page

    assert sum(widths) == page.TEXT_WIDTH
    total = table.findall("w:tr", NS)[-1]
    assert all(r.find("w:rPr/w:b", NS) is not None for r in total.iter(q("w:r")) if r.find("w:t", NS) is not None)
    aligned = [p.find("w:pPr/w:jc", NS).get(q("w:val")) for p in table.findall("w:tr", NS)[2].iter(q("w:p"))]
    assert aligned == ["center", "left", "right", "right", "right"]


def test_a_ministrys_letter(built: dict[str, Path]) -> None:
    """Mẫu 1.5 of a body with no parent: the symbol of two parts, "V/v" under the number,
    unnumbered paragraphs then a numbered list, footnotes numbered on through a table."""
    doc = Docx(built["bo-gddt/cong-van"])
    lines = doc.lines()
    assert lines[0] == "BỘ GIÁO DỤC VÀ ĐÀO TẠO" and "Số: 7991/BGDĐT-GDTrH" in lines
    assert "V/v triển khai thực hiện" in lines
    assert "Hà Nội, ngày 17 tháng 12 năm 2024" in lines
    body = [t for s, t in _body(doc) if s in ("VBBody", "VBClosing")]
    assert [t[:2] for t in body[:6]] == ["Th", "Gi", "Cá", "1.", "- ", "- "]
    assert [t for t in body if t.startswith("+ ")] == ["+ các câu lạc bộ STEM;", "+ các cuộc thi khoa học, kỹ thuật."]
    notes = doc.footnotes()
    assert [n.text.strip() for n in notes.values()] == [
        "Chỉ thị số 17/CT-TTg ngày 30 tháng 5 năm 2024 về thúc đẩy giáo dục STEM.",
        "Kể cả các trường phổ thông có nhiều cấp học.",
        "Kể cả các bài học tích hợp Tin học với môn học khác."]  # in the phụ lục
    table = doc.document.findall(".//w:tbl", NS)[1]
    assert [r.get(q("w:id")) for r in table.iter(q("w:footnoteReference"))] == ["2"]


def test_the_manifest_names_the_type(built: dict[str, Path]) -> None:
    types = {}
    for path in built.values():
        for entry in json.loads((path.parent / "manifest.json").read_text(encoding="utf-8"))["documents"]:
            assert entry["kind"] == "document"
            types[entry["path"]] = entry["type"]
    assert types == {"cong-van-7991.docx": "Công văn", "to-trinh.docx": "Tờ trình", "bao-cao.docx": "Báo cáo",
                     "giay-moi-12.docx": "Giấy mời", "giay-gioi-thieu-25.docx": "Giấy giới thiệu",
                     "bien-ban-03.docx": "Biên bản", "nghi-quyet-15.docx": "Nghị quyết",
                     "cong-dien-08.docx": "Công điện", "giay-nghi-phep-40.docx": "Giấy nghỉ phép",
                     "quyet-dinh-2150.docx": "Quyết định",
                     "quyet-dinh.docx": "Quyết định", "quyet-dinh-quy-che-05.docx": "Quyết định",
                     "quyet-dinh-quy-che-05-quy-che.docx": "Quy chế", "thong-bao-118.docx": "Thông báo",
                     "thong-bao-118-phu-luc-i.docx": "Phụ lục", "thong-bao-118-phu-luc-ii.docx": "Phụ lục",
                     "chi-thi-09.docx": "Chỉ thị", "ke-hoach-02.docx": "Kế hoạch"}


def _document(tmp_path: Path, body: str, extra: str = "") -> Path:
    """A Báo cáo of the ward with this body (YAML lines under ``body:``)."""
    shutil.copy(EXAMPLES / "ubnd-phuong" / "units.yaml", tmp_path / "units.yaml")
    path = tmp_path / "doc.yaml"
    path.write_text(
        "document:\n  type: Báo cáo\n  year: 2024\n  subject: Thử\n" + extra + "  body:\n" + body
        + "  signer:\n    person: pct\n    authority: TM\n  filing:\n    unit: VP\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("body", "extra", "expected"), [
    ("    - {bad: 1}\n", "",
     "doc.yaml:6:7: document.body[0]: a block is a text (a paragraph) or a mapping with one of heading, numbered, "
     "bullets, bases, center, article, part, chapter, division, table, page_break"),
    ("    - table:\n        widths: [1, 1]\n        rows:\n          - [a, b, c]\n", "",
     "doc.yaml:9:13: document.body[0].table.rows[0]: covers 3 columns (cells merged from above counted); the table "
     "has 2 (widths)"),
    ("    - heading: a\n      body:\n        - heading: b\n          body:\n            - heading: c\n"
     "              body:\n                - heading: d\n                  body:\n                    - heading: e\n",
     "", "doc.yaml:14:23: document.body[0].body[0].body[0].body[0].body[0]: headings nest at most 4 deep (I., 1., "
     "1.1., a)); write deeper parts as numbered or bullets"),
    ("    - bullets:\n        - text: a\n          body:\n            - bullets:\n                - text: b\n"
     "                  body:\n                    - bullets: [c]\n", "",
     "doc.yaml:12:23: document.body[0].bullets[0].body[0].bullets[0].body[0]: bullets nest at most two deep "
     "(\"-\" then \"+\")"),
    ("    - text\n", "  year: 2025\n", "doc.yaml:5:3: document.year: duplicate key 'year' (first written at line 3); "
     "YAML would silently keep only the last one"),
    ("    - a[^x]\n", "", "doc.yaml:6:7: document.body[0]: the footnote [^x] has no text under footnotes"),
    ("    - article: a\n      body:\n        - article: b\n", "",
     "doc.yaml:8:11: document.body[0].body[0]: an Điều cannot stand inside another Điều"),
])
def test_a_bad_document_is_a_located_error(tmp_path: Path, body: str, extra: str, expected: str) -> None:
    path = _document(tmp_path, body, extra)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].replace(str(tmp_path) + "/", "") == expected


def test_a_draft_needs_its_year(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - text\n")
    path.write_text(path.read_text(encoding="utf-8").replace("  year: 2024\n", ""), encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    assert [p.message for p in info.value.problems] == [
        "a draft without its date needs the year its date line prints: write year: (e.g. year: 2024)"]


def test_text_from_users_stays_text_everywhere_in_the_body(tmp_path: Path) -> None:
    hostile = r"{{ 7 + 7 }} {% if x %} & <w:p> \"quoted\" ${x} \\* [^a"
    body = (f'    - "{hostile}"\n    - heading: "{hostile}"\n    - numbered: ["{hostile}"]\n'
            f'    - table:\n        widths: [1]\n        rows: [["{hostile}"]]\n')
    path = _document(tmp_path, body)
    result = vbdocs.build(path, output=tmp_path / "out")
    shown = '{{ 7 + 7 }} {% if x %} & <w:p> "quoted" ${x} * [^a'  # YAML's escapes and markup's \* read
    texts = [p.text for p in Docx(result.documents[0].path).paragraphs()]
    assert sum(shown.casefold() in t.casefold() for t in texts) == 4, texts  # a mục heading is upper case
    assert check(result.documents[0].path).passed


def test_documents_build_the_same_bytes_twice(tmp_path: Path) -> None:
    a = vbdocs.build(DOCUMENTS[0], output=tmp_path / "a").documents[0]
    b = vbdocs.build(DOCUMENTS[0], output=tmp_path / "b").documents[0]
    assert a.sha256 == b.sha256 and a.path.read_bytes() == b.path.read_bytes()


def test_an_appendix_in_landscape_on_its_own_pages(built: dict[str, Path]) -> None:
    """Phụ lục (Mẫu 2.1, PL I III.1): a new section, landscape for its 9-column table, page numbers
    restarting at 1; "Phụ lục", its title upper case, "(Kèm theo Công văn số … ngày … của …)";
    the table fills the landscape width; footnotes numbered on from the document's."""
    from vbdocs.layout import page

    doc = Docx(built["bo-gddt/cong-van"])
    breaks = doc.document.findall(".//w:body/w:p/w:pPr/w:sectPr", NS)
    last = doc.document.find("w:body/w:sectPr", NS)
    assert len(breaks) == 1  # the document's own section ends where the phụ lục begins
    assert breaks[0].find("w:pgSz", NS).get(q("w:orient")) in (None, "portrait")
    size = last.find("w:pgSz", NS)
    assert (size.get(q("w:orient")), int(size.get(q("w:w"))), int(size.get(q("w:h")))) == (
        "landscape", page.PAGE_HEIGHT, page.PAGE_WIDTH)
    assert last.find("w:pgNumType", NS).get(q("w:start")) == "1"
    lines = doc.lines()
    at = lines.index("Phụ lục")
    assert lines[at + 1:at + 3] == [
        "DANH SÁCH CÁC TRƯỜNG TRIỂN KHAI GIÁO DỤC STEM NĂM HỌC 2024-2025",
        "(Kèm theo Công văn số 7991/BGDĐT-GDTrH ngày 17 tháng 12 năm 2024 của Bộ Giáo dục và Đào tạo)"]
    assert lines[-1] == "Số liệu tính đến ngày 31 tháng 5 năm 2025./."
    table = doc.document.findall(".//w:tbl", NS)[-1]
    widths = [int(c.get(q("w:w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
    assert len(widths) == 9 and sum(widths) == page.LANDSCAPE_TEXT_WIDTH
    assert [r.get(q("w:id")) for r in table.iter(q("w:footnoteReference"))] == ["3"]
    report = check(built["bo-gddt/cong-van"])
    assert {f.rule: f.status for f in report.findings}["page.size"] == "pass"


def test_several_appendices_are_numbered_and_each_restarts_its_pages(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - Xem các phụ lục kèm theo.\n", "  appendices:\n"
                     "    - title: Một\n      body: [a]\n    - title: Hai\n      landscape: true\n      body: [b]\n")
    doc = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path)
    lines = doc.lines()
    assert [line for line in lines if line.startswith("Phụ lục")] == ["Phụ lục I", "Phụ lục II"]
    assert ("(Kèm theo Báo cáo số      /BC-UBND ngày     tháng     năm 2024 của Ủy ban nhân dân phường Đức "
            "Long)") in lines
    sections = [*doc.document.findall(".//w:body/w:p/w:pPr/w:sectPr", NS), doc.document.find("w:body/w:sectPr", NS)]
    assert [s.find("w:pgSz", NS).get(q("w:orient")) for s in sections] == [None, None, "landscape"]
    assert [s.find("w:pgNumType", NS) is not None for s in sections] == [False, True, True]


def test_an_electronic_decision_leaves_the_number_of_its_regulation_to_the_signature(tmp_path: Path) -> None:
    """Mẫu 1.3 (electronic attached text, note 2): "(Kèm theo Quyết định số      /QĐ-UBND ngày …)":
    the Quyết định's number and date stay blank, for the agency's digital signature shows them."""
    folder = EXAMPLES / "ubnd-tinh"
    shutil.copy(folder / "units.yaml", tmp_path / "units.yaml")
    text = (folder / "quyet-dinh-quy-che.yaml").read_text(encoding="utf-8")
    path = tmp_path / "qd.yaml"
    path.write_text(text.replace("  number: 5\n", "  number: 5\n  electronic: true\n"), encoding="utf-8")
    _, regulation = vbdocs.build(path, output=tmp_path / "out").documents
    lines = Docx(regulation.path).lines()
    assert lines[lines.index("QUY CHẾ") + 2] == ("(Kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm     "
                                                 "của Ủy ban nhân dân tỉnh Bình Thuận)")


def test_a_decision_issues_a_regulation_in_a_file_of_its_own(built: dict[str, Path]) -> None:
    """Mẫu 1.3: the Quy chế has the agency's header without number or date, "QUY CHẾ", its trích
    yếu, "(Kèm theo Quyết định số 05/QĐ-UBND ngày 08 tháng 01 năm 2024 của …)", Chương and Điều
    numbered from 1, "./." at the end, and neither Nơi nhận nor a signature."""
    doc = Docx(built["ubnd-tinh/quyet-dinh-quy-che+"])
    lines = doc.lines()
    assert not [line for line in lines if line.startswith("Số:") or ("ngày" in line and line.startswith("Bình Thuận"))]
    assert lines[lines.index("QUY CHẾ") + 2] == ("(Kèm theo Quyết định số 05/QĐ-UBND ngày 08 tháng 01 năm 2024 của Ủy "
                                                 "ban nhân dân tỉnh Bình Thuận)")
    body = _body(doc)
    assert [t for s, t in body if s == "VBChapter"] == [
        "Chương I", "QUY ĐỊNH CHUNG", "Chương II", "CHẾ ĐỘ LÀM VIỆC", "Mục 1", "HỌP TỔ CÔNG TÁC", "Mục 2",
        "THÔNG TIN, BÁO CÁO", "Chương III", "TỔ CHỨC THỰC HIỆN"]
    assert [t.split(".")[0] for s, t in body if s == "VBArticle"] == [f"**Điều {n}" for n in range(1, 6)]
    assert next(t for s, t in body if s == "VBArticle") == "**Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng**"
    assert "a) tuân thủ pháp luật;" in [t for _, t in body]
    assert body[-1][1].endswith("sửa đổi, bổ sung./.")
    assert "Nơi nhận:" not in lines
    decision = Docx(built["ubnd-tinh/quyet-dinh-quy-che"]).lines()
    assert "Số: 05/QĐ-UBND" in decision and "TM. ỦY BAN NHÂN DÂN" in decision


def test_only_a_decision_issues_a_document(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - a\n", "  attached:\n    type: Quy chế\n    subject: X\n    body: [b]\n")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    assert [p.message for p in info.value.problems] == ["a Báo cáo issues no document of its own; a Quyết định does"]


def test_a_line_break_makes_a_paragraph_never_a_stretched_line(tmp_path: Path) -> None:
    """Several paragraphs typed into one value (YAML |) are paragraphs of their own: a manual
    break in a justified paragraph would stretch the line before it (issue 12, item 2)."""
    path = _document(tmp_path, "    - |\n      Đoạn một.\n      Đoạn hai.\n    - numbered:\n        - |\n"
                               "          Khoản một,\n          tiếp theo\n")
    doc = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path)
    body = [(s, t) for s, t in _body(doc) if s in ("VBBody", "VBClosing")]
    assert body == [("VBBody", "Đoạn một."), ("VBBody", "Đoạn hai."), ("VBBody", "1. Khoản một,"),
                    ("VBClosing", "tiếp theo./.")]
    assert not doc.document.findall(".//w:body/w:p/w:r/w:br", NS)


def test_a_line_break_written_in_the_subject_is_kept(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - a\n")
    path.write_text(path.read_text(encoding="utf-8").replace("  subject: Thử\n", "  subject: \"Kết quả\\nnăm 2024\"\n"),
                    encoding="utf-8")
    lines = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path).lines()
    assert lines[lines.index("BÁO CÁO") + 1:lines.index("BÁO CÁO") + 3] == ["Kết quả", "năm 2024"]


def test_a_draft_may_know_its_month(built: dict[str, Path]) -> None:
    lines = Docx(built["ubnd-phuong/bao-cao"]).lines()
    assert "Đức Long, ngày     tháng 12 năm 2024" in lines
    assert {f.rule: f.status for f in check(built["ubnd-phuong/bao-cao"]).findings}["date.padding"] != "fail"


def test_a_shaded_header(built: dict[str, Path]) -> None:
    table = Docx(built["ubnd-phuong/bao-cao"]).document.findall(".//w:tbl", NS)[1]
    rows = table.findall("w:tr", NS)
    fills = [[c.find("w:tcPr/w:shd", NS) is not None for c in row.findall("w:tc", NS)] for row in rows]
    assert all(all(row) for row in fills[:2]) and not any(any(row) for row in fills[2:])


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_type_of_article_7_builds_and_passes_the_check(type_name: str, tmp_path: Path) -> None:
    """Each of the 29 types of Điều 7 is one row of data (vn.numbering): it builds with its type name
    (or V/v for a công văn) and its symbol from Phụ lục III, and passes vbdocs check (issue 13)."""
    extra = "  drafting_unit: VP\n"
    if type_name == "Giấy mời":  # its own parts (Mẫu 1.7)
        extra += ("  invitation:\n    invitees: Các đơn vị\n    event: Hội nghị\n    day: 2024-07-11\n"
                  "    start: \"08:00\"\n    place: Hội trường\n")
    if type_name == "Giấy nghỉ phép":  # its own parts (Mẫu 1.10)
        extra += ("  leave:\n    honorific: Ông\n    person: Nguyễn Văn An\n    position: Chuyên viên\n"
                  "    requested: 2024-08-01\n    days: 3\n    start: 2024-08-05\n    end: 2024-08-07\n"
                  "    place: Hà Nội\n    counted_as: nghỉ phép năm 2024\n")
    if type_name == "Công điện":  # its addressees (Mẫu 1.6)
        extra += "  addressees:\n    - text: Các sở, ngành\n"
    if type_name == "Biên bản":  # its own parts (Mẫu 1.9)
        extra += ("  minutes:\n    day: 2024-07-11\n    start: \"08:00\"\n    end: \"09:00\"\n    place: Phòng họp\n"
                  "    attendees: Các thành viên\n    chair: Ông A\n    secretary: Bà B\n")
    if type_name == "Giấy giới thiệu":  # its own parts (Mẫu 1.8)
        extra += ("  introduction:\n    person: Ông Nguyễn Văn An\n    position: Chuyên viên\n"
                  "    sent_to: Sở Nội vụ\n    purpose: liên hệ công tác\n    valid_until: 2024-08-31\n")
    path = _document(tmp_path, "    - Nội dung của văn bản.\n", extra)
    text = path.read_text(encoding="utf-8").replace("  type: Báo cáo\n", f"  type: {type_name}\n")
    if type_name in TYPES_WITHOUT_SUBJECT:  # Mẫu 1.8, 1.10: no trích yếu
        text = text.replace("  subject: Thử\n", "")
    path.write_text(text, encoding="utf-8")
    result = vbdocs.build(path, output=tmp_path / "out")
    [entry] = json.loads(result.manifest.read_text(encoding="utf-8"))["documents"]
    assert entry["type"] == type_name
    lines = Docx(result.documents[0].path).lines()
    number = next(line for line in lines if line.startswith("Số:"))
    if type_name in TYPE_ABBREVIATIONS:
        assert number.endswith(f"/{TYPE_ABBREVIATIONS[type_name]}-UBND")
        assert type_name.upper() in lines
    else:
        assert number.endswith("/UBND-VP")
    report = check(result.documents[0].path)
    assert report.passed, [(f.rule, f.found) for f in report.failures]


def test_a_letter_needs_its_drafting_unit(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - a\n")
    path.write_text(path.read_text(encoding="utf-8").replace("  type: Báo cáo\n", "  type: Công văn\n"),
                    encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    assert [p.message for p in info.value.problems] == [
        "a Công văn's symbol is the issuer's abbreviation then the drafting unit's (\"SNN-VP\"): give drafting_unit"]


def _boxed(doc: Docx) -> list[tuple[str, bool]]:
    """The boxed marks of a document: (text, in red)."""
    out = []
    for p in doc.document.iter(q("w:p")):
        borders = p.find("w:pPr/w:pBdr", NS)
        if borders is not None and borders.find("w:left", NS) is not None and borders.find("w:right", NS) is not None:
            text = "".join(t.text or "" for t in p.iter(q("w:t")))
            red = any(c.get(q("w:val")) == "FF0000" for c in p.iter(q("w:color")))
            out.append((text, red))
    return out


def test_marks_in_their_places(built: dict[str, Path]) -> None:
    """Độ khẩn boxed in red under the V/v (ô 10b); "DỰ THẢO LẦN 2" boxed above the header; the
    phạm vi lưu hành boxed before the body (ô 11); the contact line at the foot of page 1 only,
    under a line (ô 13) (issue 13, item 2)."""
    letter = Docx(built["bo-gddt/cong-van"])
    assert _boxed(letter) == [("KHẨN", True)]
    header_table = letter.document.findall(".//w:tbl", NS)[0]
    assert "KHẨN" in "".join(t.text or "" for t in header_table.iter(q("w:t")))
    footers = [name for name in letter.names if name.startswith("word/footer")]
    texts = {name: letter.parts[name].decode() for name in footers}
    assert [name for name, xml in texts.items() if "E-mail: bogddt@moet.gov.vn" in xml] == [
        next(name for name, xml in texts.items() if "E-mail" in xml)]
    assert sum("Địa chỉ: 35 Đại Cồ Việt" in xml for xml in texts.values()) == 1
    report = Docx(built["ubnd-phuong/bao-cao"])
    assert _boxed(report) == [("DỰ THẢO LẦN 2", False), ("LƯU HÀNH NỘI BỘ", False)]
    body = report.document.find("w:body", NS)
    assert "DỰ THẢO" in "".join(t.text or "" for t in body[0].iter(q("w:t")))  # above the header table
    assert not any("Địa chỉ" in report.parts[n].decode() for n in report.names if n.startswith("word/footer"))


@pytest.mark.parametrize(("extra", "message"), [
    ("  urgency: Gấp\n", "must be one of"),
    ("  contact: true\n", "the units file gives no agency.contact to print"),
])
def test_a_wrong_mark_is_a_located_error(tmp_path: Path, extra: str, message: str) -> None:
    path = _document(tmp_path, "    - a\n", extra)
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    [problem] = info.value.problems
    assert message in problem.message and problem.line == 5


def test_a_delegated_signature_and_a_lưu_line_as_offices_write_it(built: dict[str, Path]) -> None:
    """TL. + KT. on three title lines, the long one broken between words inside the signature
    column ("KT. VỤ TRƯỞNG / VỤ GIÁO DỤC TRUNG HỌC"); the drafting unit written as the office
    writes it, with its copy count ("Lưu: VT, Vụ GDTrH (5b).") (issue 13, items 3 and 4)."""
    lines = Docx(built["bo-gddt/cong-van"]).lines()
    at = lines.index("TL. BỘ TRƯỞNG")
    assert lines[at:at + 5] == ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG", "VỤ GIÁO DỤC TRUNG HỌC", "PHÓ VỤ TRƯỞNG",
                                "Nguyễn Xuân Thành"]
    assert "- Lưu: VT, Vụ GDTrH (5b)." in lines


def test_deputy_for_without_tl_is_a_located_error(tmp_path: Path) -> None:
    path = _document(tmp_path, "    - a\n")
    path.write_text(path.read_text(encoding="utf-8").replace("    authority: TM\n",
                    "    authority: TM\n    deputy_for: Chánh Văn phòng\n"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.replace(str(tmp_path) + "/", "").startswith(
        "doc.yaml:9:16: document.signer.authority: only a TL. signing passes to the signer's deputy")


def test_an_invitation(built: dict[str, Path]) -> None:
    """Mẫu 1.7: "… trân trọng kính mời: …", "Tới dự …", "Chủ trì: …", "Thời gian:" with the weekday
    written from the date, "Địa điểm: …", the notes after, "./." at the end (issue 13, item 1)."""
    doc = Docx(built["so-nn/giay-moi"])
    body = [t for s, t in _body(doc) if s in ("VBBody", "VBClosing")]
    assert body[0] == ("Sở Nông nghiệp và Phát triển nông thôn trân trọng kính mời: Trưởng các phòng chuyên môn "
                       "Sở, Thủ trưởng các đơn vị trực thuộc Sở")
    assert body[1] == "Tới dự Hội nghị sơ kết phong trào thi đua “*Dân vận khéo*” 6 tháng đầu năm 2024."
    assert body[2:5] == ["Chủ trì: Ông Nguyễn Quang Trung, Phó Giám đốc Sở.",
                         "Thời gian: 08 giờ 00 đến 11 giờ 30, Thứ Năm, ngày 11 tháng 7 năm 2024.",
                         "Địa điểm: Hội trường Sở Nông nghiệp và Phát triển nông thôn, số 19 Lê Hồng Phong, thành phố "
                         "Phan Thiết."]
    assert body[-1].endswith("Rất mong các đồng chí tham dự đầy đủ, đúng giờ./.")
    assert "Số: 12/GM-SNN" in doc.lines() and "GIẤY MỜI" in doc.lines()


@pytest.mark.parametrize(("type_name", "extra", "message"), [
    ("Giấy mời", "", "a Giấy mời says whom it invites to what, when and where: give invitation"),
    ("Báo cáo", "  invitation:\n    invitees: A\n    event: B\n    day: 2024-07-11\n    start: \"08:00\"\n"
     "    place: C\n", "only a Giấy mời has an invitation, not a Báo cáo"),
    ("Giấy mời", "  invitation:\n    invitees: A\n    event: B\n    day: 2024-07-11\n    start: \"08:00\"\n"
     "    end: \"07:30\"\n    place: C\n", "the meeting ends before it starts"),
])
def test_an_invitation_that_cannot_be(tmp_path: Path, type_name: str, extra: str, message: str) -> None:
    path = _document(tmp_path, "    - a\n", extra)
    path.write_text(path.read_text(encoding="utf-8").replace("  type: Báo cáo\n", f"  type: {type_name}\n"),
                    encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    assert [p.message for p in info.value.problems] == [message]


def test_an_introduction_without_a_trich_yeu(built: dict[str, Path]) -> None:
    """Mẫu 1.8: no trích yếu, the rule under "GIẤY GIỚI THIỆU"; the lines of the introduction; its
    validity closing the document (issue 13, items 1 and 5)."""
    doc = Docx(built["so-nn/giay-gioi-thieu"])
    lines = doc.lines()
    at = lines.index("GIẤY GIỚI THIỆU")
    assert lines[at + 1] == "Sở Nông nghiệp và Phát triển nông thôn trân trọng giới thiệu:"
    assert lines[at + 2:at + 5] == ["Bà Nguyễn Thị Thanh Tâm", "Chức vụ: Chuyên viên Văn phòng Sở",
                                    "Được cử đến: Ban Dân vận Tỉnh ủy Bình Thuận"]
    assert "Giấy này có giá trị đến hết ngày 31 tháng 8 năm 2024./." in lines
    findings = {f.rule: f.status for f in check(built["so-nn/giay-gioi-thieu"]).findings}
    assert (findings["title.subject"], findings["title.subject_rule"]) == ("skip", "pass")


@pytest.mark.parametrize(("type_name", "subject", "message"), [
    ("Giấy nghỉ phép", True, "a Giấy nghỉ phép has no trích yếu (Phụ lục III): remove subject"),
    ("Báo cáo", False, "a Báo cáo has a trích yếu: give subject"),
])
def test_a_trich_yeu_where_the_type_has_none_or_none_where_it_has(tmp_path: Path, type_name: str, subject: bool,
                                                                   message: str) -> None:
    path = _document(tmp_path, "    - a\n")
    text = path.read_text(encoding="utf-8").replace("  type: Báo cáo\n", f"  type: {type_name}\n")
    path.write_text(text if subject else text.replace("  subject: Thử\n", ""), encoding="utf-8")
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(path)
    assert message in [p.message for p in info.value.problems]


def test_minutes_with_two_signers(built: dict[str, Path]) -> None:
    """Mẫu 1.9: no date line under the motto; when the meeting began, where, who attended, chaired
    and took the minutes; its content; when it ended, "./."; THƯ KÝ and CHỦ TỌA side by side, Nơi
    nhận under them (issue 13, items 1, 3 and 5)."""
    doc = Docx(built["ubnd-tinh/bien-ban"])
    lines = doc.lines()
    assert not [line for line in lines if line.startswith("Bình Thuận, ngày")]
    at = lines.index("BIÊN BẢN")
    assert lines[at + 2:at + 4] == ["Thời gian bắt đầu: 14 giờ 00, Thứ Năm, ngày 12 tháng 9 năm 2024.",
                                    "Địa điểm: Phòng họp số 1, Ủy ban nhân dân tỉnh."]
    assert "Cuộc họp kết thúc vào 16 giờ 30, ngày 12 tháng 9 năm 2024./." in lines
    signatures = doc.document.findall(".//w:tbl", NS)[-1]
    columns = [["".join(t.text or "" for t in cell.iter(q("w:t"))) for cell in row.findall("w:tc", NS)]
               for row in signatures.findall("w:tr", NS)]
    assert columns == [["THƯ KÝLê Thị Hồng", "CHỦ TỌATrần Thị Bình"]]
    assert lines[lines.index("Nơi nhận:") - 1] == "Trần Thị Bình"
    findings = {f.rule: f.status for f in check(built["ubnd-tinh/bien-ban"]).findings}
    assert findings["header.place_date"] == "skip" and findings["signature.block"] == "pass"


def test_a_resolution_of_a_collective(built: dict[str, Path]) -> None:
    """Mẫu 1.1: the authority on two lines (the council, its term and session), Căn cứ and Xét,
    "QUYẾT NGHỊ:", Điều 1–3, signed for the collective (TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH)."""
    doc = Docx(built["hdnd-tinh/nghi-quyet"])
    body = _body(doc)
    assert [t for s, t in body if s == "VBCenter"] == [
        "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH THUẬN", "KHÓA XI, KỲ HỌP THỨ 24", "QUYẾT NGHỊ:"]
    lines = doc.lines()
    assert "Số: 15/NQ-HĐND" in lines
    assert lines[lines.index("TM. HỘI ĐỒNG NHÂN DÂN") + 1] == "CHỦ TỊCH"


@pytest.mark.parametrize(("units", "signer", "message"), [
    ("ubnd-tinh", "    person: chu_tich\n    authority: KT\n", "the signer signs as the head (Chủ tịch); KT. is for"),
    ("ubnd-tinh", "    person: chu_tich\n    authority: TL\n", "the signer signs as the head (Chủ tịch); TL. is for"),
    ("bo-gddt", "    person: thu_truong\n    authority: TM\n",
     "TM. is signed for a collective, and the agency names none"),
])
def test_an_impossible_signature_is_refused_with_its_place(tmp_path: Path, units: str, signer: str,
                                                           message: str) -> None:
    """KT. or TL. by the head himself, TM. where there is no collective: exit 2 and file:line:col
    (issue 13, item 3)."""
    shutil.copy(EXAMPLES / units / "units.yaml", tmp_path / "units.yaml")
    path = tmp_path / "doc.yaml"
    path.write_text("document:\n  type: Thông báo\n  year: 2024\n  subject: Thử\n  body: [Nội dung.]\n"
                    f"  signer:\n{signer}  filing:\n    unit: VP\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}:8:16: document.signer.authority: {message}"), line


def test_a_wire(built: dict[str, Path]) -> None:
    """Mẫu 1.6: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN điện:" centred in place of Kính gửi, its
    addressees listed under it ("- …;", the last "."), marked Hỏa tốc in red."""
    doc = Docx(built["ubnd-tinh/cong-dien"])
    paragraphs = [(p.style, p.text) for p in doc.paragraphs() if p.cell is None and p.text.strip()]
    at = paragraphs.index(("VBCenter", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN điện:"))
    assert paragraphs[at + 1:at + 3] == [
        ("VBAddressee", "- Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh;"),
        ("VBAddressee", "- Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố.")]
    assert not [t for _, t in paragraphs if t.startswith("Kính gửi")]
    assert _boxed(doc) == [("HỎA TỐC", True)]


def test_a_leave(built: dict[str, Path]) -> None:
    """Mẫu 1.10: no trích yếu; upon whose request, to whom, how many days from when to when and
    where, counted as what, "./." at the end."""
    lines = Docx(built["so-nn/giay-nghi-phep"]).lines()
    at = lines.index("GIẤY NGHỈ PHÉP")
    assert lines[at + 1] == ("Xét Đơn đề nghị nghỉ phép ngày 09 tháng 8 năm 2024 của bà Nguyễn Thị Thanh Tâm, Sở Nông "
                             "nghiệp và Phát triển nông thôn cấp cho:")
    assert lines[at + 4] == ("Được nghỉ phép trong thời gian 05 ngày, kể từ ngày 19 tháng 8 năm 2024 đến hết ngày 23 "
                             "tháng 8 năm 2024 tại thành phố Đà Lạt, tỉnh Lâm Đồng.")
    assert lines[at + 5] == "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm 2024./."


def test_a_copy_with_its_block(built: dict[str, Path]) -> None:
    """Mẫu 3.1: the copied Quyết định with "(Đã ký)" where its signature was and no signature space;
    under a line across the text, the copying agency, "Số: 02/SY-UBND", "SAO Y" and the copy's
    date, then its own Nơi nhận and signature (issue 13, item 1)."""
    doc = Docx(built["ubnd-tinh/sao-y"])
    lines = doc.lines()
    at = lines.index("(Đã ký)")
    assert lines[at - 1] == "CHỦ TỊCH" and lines[at + 1] == "Nguyễn Văn An"
    tail = lines[at + 2:]
    assert tail[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN", "Số: 02/SY-UBND", "SAO Y",
                        "Bình Thuận, ngày 23 tháng 9 năm 2024", "Nơi nhận:"]
    assert tail[-3:] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Võ Văn Thành"]
    ruled = [p for p in doc.document.iter(q("w:p")) if p.find("w:pPr/w:pBdr/w:top", NS) is not None
             and p.find("w:pPr/w:ind", NS) is None]
    assert len(ruled) == 1  # the line across the text, over the copy block


def test_an_electronic_original_has_its_appendices_in_files_of_their_own(built: dict[str, Path]) -> None:
    """Mẫu 2.2: an electronic original's phụ lục are files of their own, with no header and no
    signature: "Phụ lục I", the title upper case, "(Kèm theo …)" with the number and the date
    blank (the agency's digital signature shows them), the body ending "./."; the document itself
    has one section and no phụ lục after its signature (issue 13, item 1)."""
    main_doc = Docx(built["so-nn/thong-bao-dien-tu"])
    assert len(main_doc.document.findall(".//w:sectPr", NS)) == 1
    assert "Phụ lục I" not in main_doc.lines() and main_doc.lines()[-1] == "Mai Kiều"
    for key, label, title in (("+", "Phụ lục I", "LỊCH TIẾP CÔNG DÂN ĐỊNH KỲ CỦA"),
                              ("++", "Phụ lục II", "CÁC ĐƠN VỊ CỬ NGƯỜI THAM GIA TIẾP CÔNG DÂN")):
        doc = Docx(built["so-nn/thong-bao-dien-tu" + key])
        lines = doc.lines()
        assert lines[:2] == [label, title], lines[:3]
        note = next(line for line in lines if line.startswith("(Kèm theo"))
        assert note == ("(Kèm theo Thông báo số      /TB-SNN ngày     tháng     năm     của Sở Nông nghiệp và "
                        "Phát triển nông thôn)")
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines and "Nơi nhận:" not in lines
        assert lines[-1].endswith("./.")
        report = check(built["so-nn/thong-bao-dien-tu" + key])
        status = {f.rule: f.status for f in report.findings}
        assert status["appendix"] == "pass" and status["header.national_title"] == "skip", status
    khoan = [line for line in Docx(built["so-nn/thong-bao-dien-tu++"]).lines() if line[:2] in ("1.", "3.")]
    assert khoan[0].startswith("1. Thanh tra Sở") and khoan[1].startswith("3. Các chi cục")


def _cells(doc: Docx, table: int) -> dict[tuple[int, int], list[str]]:
    """The lines of each cell (row, column) of a table of the document (-1: the last)."""
    paragraphs = [p for p in doc.paragraphs() if p.cell is not None]
    index = table if table >= 0 else max(p.cell[0] for p in paragraphs if p.cell) + 1 + table
    out: dict[tuple[int, int], list[str]] = {}
    for p in paragraphs:
        assert p.cell is not None
        if p.cell[0] == index:
            out.setdefault(p.cell[1:], []).extend(line for line in p.text.split("\n") if line.strip())
    return out


def test_a_joint_document(built: dict[str, Path]) -> None:
    """A joint document (văn bản liên tịch, issue 13 item 3): each agency's part of the header with
    its own rule, the lead first; "Số: 02/KHLT-SNN-HND"; the signatures side by side, the lead's
    at the right, the other's TM. its collective at the left; Nơi nhận under them."""
    doc = Docx(built["so-nn/ke-hoach-lien-tich"])
    left = [p for p in doc.paragraphs() if p.cell == (0, 0, 0)]
    shown = [p.text.replace("\n", " / ") or ("RULE" if p.element.find("w:pPr/w:pBdr", NS) is not None else "")
             for p in left]
    assert [t for t in shown if t] == [
        "UBND TỈNH BÌNH THUẬN", "SỞ NÔNG NGHIỆP VÀ / PHÁT TRIỂN NÔNG THÔN", "RULE",
        "ỦY BAN MẶT TRẬN TỔ QUỐC / VIỆT NAM TỈNH BÌNH THUẬN", "HỘI NÔNG DÂN / TỈNH BÌNH THUẬN", "RULE"]
    lines = doc.lines()
    assert "Số: 02/KHLT-SNN-HND" in lines
    assert _cells(doc, -1) == {(0, 0): ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn Bình"],
                               (0, 1): ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Quang Trung"]}
    at = lines.index("Nơi nhận:")
    assert lines[at - 1] == "Nguyễn Quang Trung" and lines[-1] == "- Lưu: VT, CCPTNT."


def _bookmarks(doc: Docx) -> dict[str, str]:
    """Each bookmark's name and the text of its paragraph."""
    out = {}
    for start in doc.document.iter(q("w:bookmarkStart")):
        paragraph = start.getparent()
        out[start.get(q("w:name"))] = "".join(t.text or "" for t in paragraph.iter(q("w:t")))
    return out


@pytest.mark.parametrize(("name", "expected"), [
    ("so-nn/ke-hoach-lien-tich", {"chuky1": "Nguyễn Quang Trung", "chuky2": "Nguyễn Văn Bình"}),
    ("ubnd-tinh/bien-ban", {"chuky1": "Trần Thị Bình", "chuky2": "Lê Thị Hồng"}),
    ("ubnd-tinh/quyet-dinh", {"chuky1": "Nguyễn Văn An"}),
    ("ubnd-tinh/sao-y-dien-tu", {}),  # "(Đã ký)": the original's signature is not signed again
    ("ubnd-tinh/quyet-dinh-quy-che+", {}),  # the Quyết định carries the signature (Mẫu 1.3)
])
def test_each_signature_has_its_place_marked(built: dict[str, Path], name: str, expected: dict[str, str]) -> None:
    """The placeholder of each signature image and seal (PL I, II.7.d, II.8.a): a bookmark on the
    signer's name, numbered from the first signer."""
    assert _bookmarks(Docx(built[name])) == expected


def test_three_agencies_sign_in_rows_of_two(tmp_path: Path) -> None:
    """With three agencies the lead signs at the top right, the second at its left, the third
    under the lead; every cell holds a paragraph, and the check passes."""
    other = ("    - name: {name}\n      abbreviation: {abbr}\n      head_title: Giám đốc\n"
             "      signer:\n        name: {person}\n        title: Giám đốc\n")
    joint = "  joint:\n" + other.format(name="Sở Tài chính", abbr="STC", person="Lê Văn Cường") + other.format(
        name="Sở Nội vụ", abbr="SNV", person="Phạm Thị Dung")
    path = _document(tmp_path, "    - Nội dung phối hợp\n", joint)
    out = vbdocs.build(path, output=tmp_path / "out").documents[0].path
    doc = Docx(out)
    assert "Số:     /BCLT-UBND-STC-SNV" in doc.lines()
    names = {cell: lines[-1] for cell, lines in _cells(doc, -1).items() if lines}
    assert names == {(0, 0): "Lê Văn Cường", (0, 1): "Lê Thị Mai", (1, 1): "Phạm Thị Dung"}
    rows = doc.document.findall(".//w:tbl", NS)[-1].findall("w:tr", NS)
    assert all(tc.find("w:p", NS) is not None for row in rows for tc in row.findall("w:tc", NS))
    report = check(out)
    assert report.passed, [(f.rule, f.found) for f in report.failures]


@pytest.mark.parametrize(("signer", "message"), [
    ("        name: A\n        title: Phó Giám đốc\n        authority: TM\n",
     "TM. is signed for a collective, and the agency names none: give its collective"),
    ("        name: A\n        title: Giám đốc\n        authority: KT\n", "the signer signs as the head (Giám đốc)"),
])
def test_an_impossible_joint_signature_is_refused(tmp_path: Path, signer: str, message: str) -> None:
    joint = "  joint:\n    - name: Sở Tài chính\n      abbreviation: STC\n      head_title: Giám đốc\n      signer:\n"
    path = _document(tmp_path, "    - a\n", joint + signer)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:12:20: document.joint[0].signer.authority: {message}" in result.stderr, result.stderr


def test_an_electronic_copy_has_no_copy_block(built: dict[str, Path]) -> None:
    """Mẫu 3.2: the copied document whole with "(Đã ký)" where its signature was; no line, no
    "SAO Y", no number or signature of the copy: its digital signature shows them."""
    lines = Docx(built["ubnd-tinh/sao-y-dien-tu"]).lines()
    assert lines[-3:] == ["CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"]
    assert "SAO Y" not in lines and not [line for line in lines if "/SY-" in line]


@pytest.mark.parametrize(("electronic", "copy", "where", "message"), [
    ("false", "    form: Sao y\n", "11:5: document.copy_of", "a paper copy (Mẫu 3.1) is signed and filed: give signer"),
    ("true", "    form: Sao y\n    filing:\n      unit: VP\n", "13:7: document.copy_of.filing",
     "an electronic copy (Mẫu 3.2) has no filing of its own"),
])
def test_a_copy_is_refused_what_its_form_lacks_or_has_not(tmp_path: Path, electronic: str, copy: str, where: str,
                                                            message: str) -> None:
    shutil.copy(EXAMPLES / "ubnd-phuong" / "units.yaml", tmp_path / "units.yaml")
    path = tmp_path / "doc.yaml"
    path.write_text(f"document:\n  type: Thông báo\n  year: 2024\n  electronic: {electronic}\n  subject: Thử\n"
                    "  body: [Nội dung.]\n  signer:\n    person: pct\n    authority: TM\n  copy_of:\n" + copy
                    + "  filing:\n    unit: VP\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:{where}: {message}" in result.stderr, result.stderr


@pytest.mark.parametrize(("form", "symbol"), [("Sao lục", "SL"), ("Trích sao", "TrS")])
def test_the_copy_forms_and_their_symbols(tmp_path: Path, form: str, symbol: str) -> None:
    path = _document(tmp_path, "    - a\n", f"  copy_of:\n    form: {form}\n    signer:\n      person: pct\n"
                     "      authority: TM\n    filing:\n      unit: VP\n")
    lines = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path).lines()
    assert upper(form) in lines and f"Số:     /{symbol}-UBND" in lines


def test_secrecy_and_urgency_together(tmp_path: Path) -> None:
    """Độ mật (ô 10a) above độ khẩn (ô 10b), both under the number; only độ khẩn in red."""
    path = _document(tmp_path, "    - a\n", "  secrecy: Tối mật\n  urgency: Thượng khẩn\n")
    doc = Docx(vbdocs.build(path, output=tmp_path / "out").documents[0].path)
    assert _boxed(doc) == [("TỐI MẬT", False), ("THƯỢNG KHẨN", True)]
    assert check(doc_path := next((tmp_path / "out").glob("*.docx"))).passed, doc_path
