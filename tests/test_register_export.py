"""The register of outgoing documents exported (issue 16, item 4): the Decree's form (Phụ lục IV) as
a .docx that passes ``vbdocs check``, CSV and XLSX read back, the e-document metadata of Phụ lục VI as
XML validated against its schema, and ``vbdocs register list|export`` over a store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vbdocs.check import check
from vbdocs.register.entry import RegisterEntry
from vbdocs.register.export import COLUMNS, WITHDRAWN, Issuer, csv_bytes, docx_bytes, rows, xlsx_bytes

ISSUER = Issuer("Sở Nông nghiệp và Phát triển nông thôn", "UBND tỉnh Bình Thuận")
LONG_SUBJECT = ("Về việc triển khai kế hoạch kiểm tra, giám sát an toàn thực phẩm nông lâm thủy sản "
                "& phòng, chống dịch bệnh gia súc, gia cầm trên địa bàn tỉnh năm 2024 ") * 3
MANY = tuple(f"UBND huyện, thị xã, thành phố số {k} (để thực hiện);" for k in range(1, 25))


def _entry(number: int, sequence: str = "van-ban", **changes: object) -> RegisterEntry:
    base: dict[str, object] = dict(
        year=2024, sequence=sequence, number=number, notation="KH-SNN" if sequence == "van-ban" else "SNN-VP",
        issued=dt.date(2024, 1, 1) + dt.timedelta(days=29 * number + (3 if sequence != "van-ban" else 0)),
        type_name="Kế hoạch" if sequence == "van-ban" else "Công văn",
        subject=f"Kiểm tra \"vụ Đông Xuân\" số {number} <đợt {number}> & tổng kết",
        signer="Nguyễn Thị Thanh Tâm", signer_title="Phó Giám đốc",
        recipients=("Bộ Nông nghiệp và PTNT (b/c);", "UBND tỉnh (b/c);", f"Phòng Kế hoạch & Tài chính {number};",
                    "Lưu: VT, VP."),
        filing="VT, VP (ntttam)", copies=number + 3, drafting_unit="VP", drafter="ntttam",
        source="config/campaign_2024.yaml#plan", file=f"so-{number}.docx", sha256=f"{number:064x}")
    base.update(changes)
    return RegisterEntry(**base)  # type: ignore[arg-type]


def _entries() -> list[RegisterEntry]:
    """A year of 12 documents in two sequences: one withdrawn, one long with many recipients."""
    plans = [_entry(n) for n in range(1, 9)]
    letters = [_entry(n, "cong-van") for n in range(1, 5)]
    plans[3] = _entry(4, withdrawn=True, note="Thay bằng số 05/KH-SNN")
    plans[6] = _entry(7, subject=LONG_SUBJECT, recipients=MANY, priority=2)
    return plans + letters


def _document_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs]
    text = "\n".join(texts)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def test_the_rows_follow_the_decree_columns_and_conventions() -> None:
    lines = rows(_entries())
    assert len(COLUMNS) == 10 and all(len(line) == 10 for line in lines)
    by_number = {line[0]: line for line in lines}
    assert list(by_number)[:3] == ["01/KH-SNN", "01/SNN-VP", "02/KH-SNN"]  # in the order of their dates
    plan = by_number["04/KH-SNN"]
    assert plan[1] == "26/4/2024"  # the Decree's dates: a month from 3 on has no leading zero
    assert by_number["01/SNN-VP"][1] == "02/02/2024" and plan[6] == "07"
    assert plan[9] == f"{WITHDRAWN}; Thay bằng số 05/KH-SNN"
    assert by_number["01/SNN-VP"][2].startswith("Công văn Kiểm tra")
    assert plan[7] == plan[8] == ""  # Ngày chuyển and Ký nhận are filled by hand
    # the recipients named without the list's punctuation; the copy filed is column (6), not (5)
    assert plan[4] == "Bộ Nông nghiệp và PTNT (b/c); UBND tỉnh (b/c); Phòng Kế hoạch & Tài chính 4"
    assert plan[5] == "VT, VP (ntttam)"


def test_the_docx_is_the_form_of_phu_luc_iv_and_passes_vbdocs_check(tmp_path: Path) -> None:
    data = docx_bytes(_entries(), ISSUER, year=2024)
    path = tmp_path / "so-dang-ky-van-ban-di-2024.docx"
    path.write_bytes(data)
    report = check(path)
    assert report.passed, [f for f in report.failures]
    assert report.kind.form == "register" and report.kind.type_name == "Sổ đăng ký văn bản đi"
    applied = {f.rule: f.status for f in report.findings}
    assert applied["page.size"] == applied["page.margins"] == applied["font.typeface"] == "pass"
    assert applied["page.numbering"] == "pass"  # the table's pages numbered from 2, the cover not
    text = _document_text(data)
    for line in ("UBND TỈNH BÌNH THUẬN", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
                 "Năm: 2024", "Từ số 01 đến số 08 (van-ban)", "Từ số 01 đến số 04 (cong-van)", "Quyển số: 01",
                 *COLUMNS, *(f"({i})" for i in range(1, 11))):
        assert line in text.split("\n"), line
    for entry_row in rows(_entries(), recipients_separator="\n"):
        for cell in entry_row:
            for line in cell.split("\n"):
                assert line in text, line
    assert LONG_SUBJECT.strip() in text and all(r.rstrip(";") in text.split("\n") for r in MANY)


def test_the_docx_checks_its_page_not_only_its_kind(tmp_path: Path) -> None:
    """The register is read as a register, but a wrong margin still fails: the skip is for the
    parts of a văn bản a register does not have, not for its page."""
    data = docx_bytes(_entries(), ISSUER, year=2024)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    left = f'w:left="{round(30 * 1440 / 25.4)}"'.encode()
    parts["word/document.xml"] = parts["word/document.xml"].replace(left, b'w:left="1000"')
    path = tmp_path / "narrow.docx"
    with zipfile.ZipFile(path, "w") as dst:
        for name, blob in parts.items():
            dst.writestr(name, blob)
    report = check(path)
    assert report.kind.form == "register"
    assert [f.rule for f in report.failures] == ["page.margins"]


def test_the_docx_is_the_same_bytes_each_time() -> None:
    assert docx_bytes(_entries(), ISSUER, year=2024) == docx_bytes(list(reversed(_entries())), ISSUER, year=2024)


def test_an_empty_register_still_makes_its_cover(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(docx_bytes([], Issuer("Sở Tư pháp"), year=2025))
    text = _document_text(path.read_bytes())
    assert "Năm: 2025" in text and "Từ số …… đến số ……" in text and check(path).passed


def test_csv_reads_back_with_its_bom_and_header() -> None:
    data = csv_bytes(_entries())
    assert data.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(read[0]) == COLUMNS
    assert [tuple(r) for r in read[1:]] == rows(_entries())
    long_row = next(r for r in read if r[0] == "07/KH-SNN")
    assert long_row[4] == "; ".join(m.rstrip(";") for m in MANY) and '"vụ Đông Xuân"' in read[1][2]


def test_xlsx_reads_back_cell_for_cell_and_is_reproducible() -> None:
    import openpyxl  # an extra of vbdocs ([xlsx]), and in the test extra
    data = xlsx_bytes(_entries(), year=2024)
    assert data == xlsx_bytes(_entries(), year=2024)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [tuple("" if v is None else v for v in line) for line in sheet.iter_rows(values_only=True)]
    assert values[0] == COLUMNS
    assert values[1:] == rows(_entries(), recipients_separator="\n")
    assert sheet["A1"].font.bold and sheet["C2"].font.name == "Times New Roman"
    properties = openpyxl.load_workbook(io.BytesIO(data)).properties
    assert properties.created == properties.modified == dt.datetime(2024, 1, 1)  # not the time of export


# --- Phụ lục VI metadata -------------------------------------------------------------------------


def _schema() -> etree.XMLSchema:
    from vbdocs.register.metadata import SCHEMA

    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def test_each_document_metadata_validates_and_reads_back() -> None:
    from vbdocs.register.metadata import metadata_files

    schema = _schema()
    files = metadata_files(_entries(), ISSUER)
    assert len(files) == 12 and "2024-van-ban-04-kh-snn.xml" in files and "2024-cong-van-01-snn-vp.xml" in files
    for name, data in files.items():
        root = etree.fromstring(data)
        assert schema.validate(root), (name, schema.error_log)
    long = etree.fromstring(files["2024-van-ban-07-kh-snn.xml"])
    assert long.findtext("CodeNumber") == "07" and long.findtext("CodeNotation") == "KH-SNN"
    assert long.findtext("Subject") == " ".join(LONG_SUBJECT.split()) and long.findtext("Priority") == "2"
    assert long.findtext("SignerInfo/Position") == "Phó Giám đốc"
    assert long.findtext("SignerInfo/FullName") == "Nguyễn Thị Thanh Tâm"
    assert long.findtext("OrganName") == ISSUER.name and long.findtext("TypeName") == "Kế hoạch"
    first = etree.fromstring(files["2024-cong-van-01-snn-vp.xml"])
    assert first.findtext("IssuedDate") == "02/02/2024" and first.find("Description") is None
    assert first.findtext("Subject") == 'Kiểm tra "vụ Đông Xuân" số 1 <đợt 1> & tổng kết'
    withdrawn = etree.fromstring(files["2024-van-ban-04-kh-snn.xml"])
    assert withdrawn.findtext("Description") == f"{WITHDRAWN}; Thay bằng số 05/KH-SNN"


def test_the_schema_refuses_what_the_decree_does_not_allow() -> None:
    """The XSD is not vacuous: a CodeNumber of 12 digits, a date in another form, a priority of 5
    are each refused."""
    from vbdocs.register.metadata import metadata_xml

    schema = _schema()
    good = metadata_xml(_entries()[0], ISSUER)
    for old, new in ((b"<CodeNumber>01<", b"<CodeNumber>000000000001<"),
                     (b"<IssuedDate>30/01/2024<", b"<IssuedDate>2024-01-30<"),
                     (b"<Priority>0<", b"<Priority>5<")):
        assert old in good
        assert not schema.validate(etree.fromstring(good.replace(old, new))), new


def test_a_field_too_long_for_the_decree_is_a_located_error() -> None:
    from vbdocs.register.metadata import MetadataError, metadata_xml

    too_long = _entry(9, subject="Về việc " + "kiểm tra " * 60)
    with pytest.raises(MetadataError, match=r"09/KH-SNN: Subject has 547 characters; .* at most 500"):
        metadata_xml(too_long, ISSUER)
    with pytest.raises(MetadataError, match=r"09/KH-SNN: Priority is 7"):
        metadata_xml(_entry(9, priority=7), ISSUER)


# --- vbdocs register list|export over a store ------------------------------------------------------

UNITS = Path(__file__).resolve().parent.parent / "config" / "units.yaml"


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str | None, Path | None]]:
    """The register's reading replaced by the constructed year: the calls it gets are recorded
    (tests/test_register_store.py tests the reading; the last test here goes through a real one)."""
    import vbdocs.register.issue

    calls: list[tuple[int, str | None, Path | None]] = []

    def registered(year: int, *, units: Path, register: str | None = None) -> list[RegisterEntry]:
        calls.append((year, register, units))
        return [e for e in _entries() if e.year == year]

    monkeypatch.setattr(vbdocs.register.issue, "registered", registered)
    return calls


def _cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from vbdocs.cli import main

    result = CliRunner().invoke(main, ["--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def test_register_list_prints_the_year(store: list[tuple[int, str | None, Path | None]]) -> None:
    code, out, _ = _cli("register", "list", "--year", "2024", "--register", "sqlite:///so.db", "--units", str(UNITS))
    assert code == 0 and store == [(2024, "sqlite:///so.db", UNITS)]
    lines = out.splitlines()
    assert lines[0].split("\t") == list(COLUMNS) and len(lines) == 13
    assert lines[1:] == ["\t".join(row) for row in rows(_entries())]
    code, out, err = _cli("register", "list", "--year", "2023", "--units", str(UNITS))
    assert code == 0 and out == "" and "no document in the register for 2023" in err


@pytest.mark.parametrize("fmt", ["docx", "csv", "xlsx"])
def test_register_export_writes_the_file(store: list[tuple[int, str | None, Path | None]], tmp_path: Path,
                                         fmt: str) -> None:
    target = tmp_path / f"so-2024.{fmt}"
    code, out, err = _cli("register", "export", "--year", "2024", "--format", fmt, "-o", str(target),
                          "--units", str(UNITS))
    assert code == 0, err
    assert "wrote the register for 2024 (12 documents)" in out
    issuer = Issuer("Sở Nông nghiệp và Phát triển nông thôn", "UBND tỉnh Bình Thuận")
    expected = {"docx": lambda: docx_bytes(_entries(), issuer, year=2024), "csv": lambda: csv_bytes(_entries()),
                "xlsx": lambda: xlsx_bytes(_entries(), year=2024)}[fmt]()
    assert target.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_register_export_xml_writes_a_folder_of_valid_files(store: list[tuple[int, str | None, Path | None]],
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "metadata"
    code, out, err = _cli("register", "export", "--year", "2024", "--format", "xml", "-o", str(folder),
                          "--units", str(UNITS))
    assert code == 0, err
    assert "12 metadata files in" in out
    schema = _schema()
    written = sorted(folder.iterdir())
    assert len(written) == 12 and all(schema.validate(etree.parse(str(p))) for p in written)
    assert etree.parse(str(folder / "2024-van-ban-01-kh-snn.xml")).findtext("OrganName") == ISSUER.name


def test_register_export_refuses_bad_input_and_writes_nothing(store: list[tuple[int, str | None, Path | None]],
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vbdocs.register.issue

    code, _, err = _cli("register", "export", "--year", "2024", "-o", str(tmp_path / "a.docx"),
                        "--units", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err and "Traceback" not in err
    too_long = [*_entries(), _entry(9, subject="Về việc " + "kiểm tra " * 60)]
    monkeypatch.setattr(vbdocs.register.issue, "registered", lambda year, **kw: too_long)
    code, _, err = _cli("register", "export", "--year", "2024", "--format", "xml", "-o", str(tmp_path / "m"),
                        "--units", str(UNITS))
    assert code == 2 and "09/KH-SNN: Subject has 547 characters" in err
    monkeypatch.setattr(vbdocs.register.issue, "registered", lambda year, **kw: [_entry(1, year=2023)])
    code, _, err = _cli("register", "export", "--year", "2024", "--format", "csv", "-o", str(tmp_path / "a.csv"))
    assert code == 2 and "the register for 2024 holds 01/KH-SNN of 2023" in err
    assert list(tmp_path.iterdir()) == []


def test_register_export_without_openpyxl_says_how_to_install_it(store: list[tuple[int, str | None, Path | None]],
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if the extra were not installed
    code, _, err = _cli("register", "export", "--year", "2024", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"),
                        "--units", str(UNITS))
    assert code == 2 and "pip install 'vbdocs[xlsx]'" in err and not (tmp_path / "a.xlsx").exists()


def test_register_export_honours_source_date_epoch(store: list[tuple[int, str | None, Path | None]],
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The zip times are 1 January of the register's year, or SOURCE_DATE_EPOCH when it is set."""
    target = tmp_path / "so.docx"
    assert _cli("register", "export", "--year", "2024", "-o", str(target), "--units", str(UNITS))[0] == 0
    with zipfile.ZipFile(target) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735787106")  # 2025-01-02 03:05:06 UTC
    assert _cli("register", "export", "--year", "2024", "-o", str(target), "--units", str(UNITS))[0] == 0
    with zipfile.ZipFile(target) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 1, 2, 3, 5, 6)}


def test_word_reads_the_package() -> None:
    """python-docx (the library Word's format is read with elsewhere in the tests) opens the
    package: its parts and relationships are where a reader looks for them."""
    import docx

    document = docx.Document(io.BytesIO(docx_bytes(_entries(), ISSUER, year=2024)))
    [table] = document.tables
    assert len(table.rows) == 14 and [c.text for c in table.rows[0].cells] == list(COLUMNS)
    assert [s.orientation for s in document.sections] == [0, 1]  # portrait cover, landscape table


def test_documents_issued_into_a_register_are_exported_and_the_form_passes_check(tmp_path: Path) -> None:
    """End to end: two documents issued with vbdocs issue into a new SQLite register, then the
    register exported as the Phụ lục IV form: it lists both and passes vbdocs check."""
    import shutil

    from vbdocs.check import check

    office = tmp_path / "office"
    office.mkdir()
    shutil.copy(UNITS, office / "units.yaml")
    source = (Path(__file__).resolve().parent.parent / "examples" / "documents" / "so-nn" / "to-trinh.yaml")
    text = source.read_text(encoding="utf-8").replace("units: ../../../config/units.yaml", "units: units.yaml")
    for name in ("a", "b"):
        (office / f"{name}.yaml").write_text(text, encoding="utf-8")
        code, _out, err = _cli("issue", str(office / f"{name}.yaml"), "--date", "04/03/2024", "-o",
                               str(office / "out") + "/")
        assert code == 0, err
    form = tmp_path / "so.docx"
    code, out, err = _cli("register", "export", "--year", "2024", "-o", str(form), "--units",
                          str(office / "units.yaml"))
    assert code == 0, err
    assert "(2 documents)" in out
    with zipfile.ZipFile(form) as z:
        xml = z.read("word/document.xml").decode()
    assert "01/TTr-SNN" in xml and "02/TTr-SNN" in xml
    report = check(form)
    assert report.passed, [(f.rule, f.found) for f in report.failures]
