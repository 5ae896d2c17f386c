"""The register of outgoing documents and ``vbdocs issue``, against SQLite and a real PostgreSQL
server (a throwaway cluster, tests/postgres_cluster.py): numbers never given twice, even by 50
clerks at once or by one killed mid-issue; numbering from 01 each year; the YAML edited with its
comments kept; what is not a register refused."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.postgres_cluster import binaries, cluster, new_database
from vbdocs.errors import ConfigError, OutputError
from vbdocs.register.issue import issue
from vbdocs.register.store import entries, open_register

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = (ROOT / "examples" / "documents" / "so-nn" / "to-trinh.yaml").read_text(encoding="utf-8")
_databases = iter(range(1, 10_000))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    if binaries() is None:
        pytest.skip("no PostgreSQL server installed (scripts/system-deps.sh installs it)")
    with cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def register(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty register's URL on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "register.sqlite")
    server = request.getfixturevalue("postgres_server")
    return new_database(server, f"register_{next(_databases)}_{os.getpid()}")


def _document(folder: Path, name: str, *, year: int = 2024, secret: bool = False) -> Path:
    """A Tờ trình of the Department (examples/documents/so-nn) in ``folder``, drafted for ``year``."""
    text = DOCUMENT.replace("units: ../../../config/units.yaml", "units: units.yaml")
    text = text.replace("  year: 2024\n", f"  year: {year}\n")
    if not secret:
        text = text.replace("  secrecy: Mật\n", "")
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    (folder / "out").mkdir(parents=True)
    (folder / "units.yaml").write_text((ROOT / "config" / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _issue_one(path: str, register: str, out: str) -> None:
    issue(path, output=out, register=register, date=dt.date(2024, 3, 4), timeout=120)


def test_issue_numbers_the_document_edits_its_yaml_with_comments_kept_and_records_it(office: Path,
                                                                                       register: str) -> None:
    path = _document(office, "to-trinh", secret=True)
    result = issue(path, output=office / "out", register=register, date=dt.date(2024, 3, 4))
    entry = result.entry
    assert (entry.number_and_notation, entry.sequence, entry.secret) == ("01/TTr-SNN", "mat", True)
    assert entry.type_name == "Tờ trình" and entry.signer == "Nguyễn Quang Trung"
    assert entry.subject.startswith("Đề nghị phê duyệt Kế hoạch")
    assert entry.recipients == ("Như trên", "GĐ, các PGĐ Sở") and entry.filing == "VT, KHTC"
    assert result.path == office / "out" / "to-trinh-01.docx" and entry.file == "to-trinh-01.docx"
    import hashlib

    assert entry.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server") and "# It uses the Department's units file" in text
    assert "  number: 1\n  date: 2024-03-04\n" in text
    with open_register(register) as book:
        assert book.entries(2024) == [entry]
    assert entries(2024, url=register) == [entry]
    from vbdocs.api import load

    issued = load(path).document.document  # type: ignore[union-attr]
    assert (issued.number, issued.date) == (1, dt.date(2024, 3, 4))
    assert not [p for p in office.rglob(".*issuing*")]


def test_a_second_issue_of_the_same_document_is_refused_located(office: Path, register: str) -> None:
    path = _document(office, "to-trinh")
    issue(path, output=office / "out", register=register, date=dt.date(2024, 3, 4))
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        issue(path, output=office / "out", register=register, date=dt.date(2024, 3, 5))
    problem = caught.value.problems[0]
    assert (problem.file, problem.path, problem.code) == (str(path), "document.number", "issue.issued")
    assert problem.line == before.splitlines().index("  number: 1") + 1
    assert path.read_text(encoding="utf-8") == before
    assert [e.number for e in entries(2024, url=register)] == [1]


def test_fifty_clerks_at_once_get_fifty_distinct_consecutive_numbers(office: Path, register: str) -> None:
    paths = [_document(office, f"to-trinh-{i:02d}") for i in range(50)]
    open_register(register).close()  # the schema made once: the migration's own locking is another test's
    context = multiprocessing.get_context("fork")
    clerks = [context.Process(target=_issue_one, args=(str(p), register, str(office / "out" / f"{p.stem}.docx")))
              for p in paths]
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(300)
    assert [c.exitcode for c in clerks] == [0] * 50
    numbers = [e.number for e in entries(2024, url=register)]
    assert numbers == list(range(1, 51))
    issued = sorted(int(p.read_text(encoding="utf-8").split("  number: ")[1].split("\n")[0]) for p in paths)
    assert issued == list(range(1, 51))
    assert len(list((office / "out").glob("*.docx"))) == 50


def test_clerks_opening_a_new_register_at_once_make_its_schema_once(office: Path, register: str) -> None:
    context = multiprocessing.get_context("fork")
    openers = [context.Process(target=_open_and_close, args=(register,)) for _ in range(8)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(120)
    assert [o.exitcode for o in openers] == [0] * 8
    assert entries(2024, url=register) == []


def _open_and_close(register: str) -> None:
    open_register(register, timeout=60).close()


def test_a_clerk_killed_inside_the_transaction_leaves_no_entry_and_no_number_used(office: Path, register: str,
                                                                                  tmp_path: Path) -> None:
    first = _document(office, "first")
    issue(first, output=office / "out", register=register, date=dt.date(2024, 3, 4))
    killed = _document(office, "killed")
    before = killed.read_text(encoding="utf-8")
    flag = tmp_path / "inside"
    env = {**os.environ, "VBDOCS_TEST_PAUSE_IN_ISSUE": str(flag), "LANGUAGE": "en"}
    clerk = subprocess.Popen([sys.executable, "-m", "vbdocs", "issue", str(killed), "--date", "2024-03-05",
                              "--register", register, "-o", str(office / "out" / "killed.docx")], env=env)
    try:
        for _ in range(600):
            if flag.exists() or clerk.poll() is not None:
                break
            time.sleep(0.1)
        assert flag.exists(), "the clerk never reached the pause inside the transaction"
        assert [e.number for e in entries(2024, url=register)] == [1]  # a reader waits for no clerk
    finally:
        os.kill(clerk.pid, signal.SIGKILL)
        clerk.wait()
    assert clerk.returncode == -signal.SIGKILL
    assert [e.number for e in entries(2024, url=register)] == [1]
    assert killed.read_text(encoding="utf-8") == before
    assert not (office / "out" / "killed.docx").exists()
    again = issue(killed, output=office / "out" / "killed.docx", register=register, date=dt.date(2024, 3, 5))
    assert again.entry.number == 2 and not again.completed
    assert [e.number for e in entries(2024, url=register)] == [1, 2]


def test_an_issue_stopped_after_its_commit_is_completed_with_its_number_not_a_new_one(
        office: Path, register: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _document(office, "to-trinh")
    real = os.replace

    def crash(src: object, dst: object) -> None:
        raise KeyboardInterrupt  # as a crash right after the commit

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        issue(path, output=office / "out", register=register, date=dt.date(2024, 3, 4))
    monkeypatch.setattr(os, "replace", real)
    assert "number:" not in path.read_text(encoding="utf-8")
    assert [e.number for e in entries(2024, url=register)] == [1]
    done = issue(path, output=office / "out", register=register, date=dt.date(2024, 5, 6))
    assert done.completed and done.entry.number == 1 and done.entry.issued == dt.date(2024, 3, 4)
    assert "  number: 1\n  date: 2024-03-04\n" in path.read_text(encoding="utf-8")
    assert [e.number for e in entries(2024, url=register)] == [1]
    nxt = issue(_document(office, "next"), output=office / "out", register=register, date=dt.date(2024, 5, 6))
    assert nxt.entry.number == 2


def test_numbering_starts_again_at_01_on_1_january(office: Path, register: str) -> None:
    numbers = []
    for name, day in (("a", dt.date(2024, 12, 30)), ("b", dt.date(2024, 12, 31)), ("c", dt.date(2025, 1, 1)),
                      ("d", dt.date(2025, 1, 2))):
        path = _document(office, name, year=day.year)
        # each year's 01 is to-trinh-01.docx: a folder per year (vbdocs never replaces the other year's)
        entry = issue(path, output=str(office / str(day.year)) + "/", register=register, date=day).entry
        numbers.append((entry.year, entry.number))
    assert numbers == [(2024, 1), (2024, 2), (2025, 1), (2025, 2)]
    assert [e.number for e in entries(2025, url=register)] == [1, 2]


def test_a_campaign_plan_is_numbered_in_the_year_of_issue_and_a_wrong_year_is_refused_located(
        office: Path, register: str) -> None:
    campaign = office / "campaign_2024.yaml"
    campaign.write_text((ROOT / "config" / "campaign_2024.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = campaign.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        issue(campaign, doc="plan", output=office / "out", register=register, date=dt.date(2025, 1, 2))
    assert any(p.file == str(campaign) and p.path == "plan.date" for p in caught.value.problems)
    assert campaign.read_text(encoding="utf-8") == before and entries(2025, url=register) == []
    with pytest.warns(Warning):
        entry = issue(campaign, doc="plan", output=office / "out", register=register, date=dt.date(2024, 2, 1)).entry
    assert entry.number_and_notation == "01/KH-SNN" and entry.source == "campaign_2024.yaml#plan"
    assert entry.drafter == "ntttam" and entry.drafting_unit == "VP"


def test_withdrawn_keeps_its_entry_and_its_number_is_not_given_again(office: Path, register: str) -> None:
    from vbdocs.register.issue import withdraw

    issue(_document(office, "a"), output=office / "out", register=register, date=dt.date(2024, 3, 4))
    entry = withdraw("01/TTr-SNN", year=2024, units=office / "units.yaml", register=register, note="sai sót")
    assert entry.withdrawn and entry.note == "sai sót"
    nxt = issue(_document(office, "b"), output=office / "out", register=register, date=dt.date(2024, 3, 5))
    assert nxt.entry.number == 2
    assert [(e.number, e.withdrawn) for e in entries(2024, url=register)] == [(1, True), (2, False)]


def test_a_text_file_or_another_database_is_no_register(office: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a register\n", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    for path in (text, other):
        run = subprocess.run([sys.executable, "-m", "vbdocs", "issue", str(_document(office, "x")), "--date",
                              "2024-03-04", "--register", str(path), "-o", str(office / "out")],
                             capture_output=True, text=True, env={**os.environ, "LANGUAGE": "en"})
        assert run.returncode == 2, run.stderr
        assert f"{path} is not a register of vbdocs" in run.stderr
        assert "number:" not in (office / "x.yaml").read_text(encoding="utf-8")
        assert not list((office / "out").iterdir())
    assert text.read_text(encoding="utf-8") == "not a register\n"


def test_a_register_of_a_newer_vbdocs_is_refused(register: str) -> None:
    open_register(register).close()
    engine = sa.create_engine(register if "://" in register else f"sqlite:///{register}")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(OutputError, match="made by a newer vbdocs"):
        open_register(register)


def test_a_locked_sqlite_register_times_out_with_a_clear_message(office: Path) -> None:
    register = office / "register.sqlite"
    open_register(str(register)).close()
    holder = sqlite3.connect(register, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    path = _document(office, "to-trinh")
    before = path.read_text(encoding="utf-8")
    try:
        started = time.monotonic()
        with pytest.raises(OutputError, match="is locked by another clerk"):
            issue(path, output=office / "out", date=dt.date(2024, 3, 4), timeout=0.5)
        assert time.monotonic() - started < 10
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert path.read_text(encoding="utf-8") == before and not list((office / "out").iterdir())
    assert issue(path, output=office / "out", date=dt.date(2024, 3, 4)).entry.number == 1


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot reach the register"):
        open_register(f"postgresql://clerk@/vbdocs?host={tmp_path}&port=1", timeout=2)


def test_a_document_of_no_sequence_is_refused_located(office: Path, register: str) -> None:
    path = _document(office, "to-trinh")
    path.write_text(path.read_text(encoding="utf-8").replace("  type: Tờ trình\n", "  type: Tờ trình\n  issuer: VP\n"),
                    encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        issue(path, output=office / "out", register=register, date=dt.date(2024, 3, 4))
    problem = caught.value.problems[0]
    assert (problem.path, problem.line, problem.code) == ("document.issuer", 12, "issue.sequence")
    assert entries(2024, url=register) == []


def test_sequences_by_type_and_advisory_bodies_as_the_units_file_declares(office: Path, register: str) -> None:
    units = office / "units.yaml"
    text = units.read_text(encoding="utf-8")
    declared = "  head_title: Giám đốc\n  issuing:\n    sequences: by_type\n    advisory: [VP]\n"
    units.write_text(text.replace("  head_title: Giám đốc\n", declared, 1), encoding="utf-8")
    assert "issuing:" in units.read_text(encoding="utf-8")
    plain = issue(_document(office, "a"), output=office / "out", register=register, date=dt.date(2024, 3, 4)).entry
    advisory = _document(office, "b")
    advisory.write_text(advisory.read_text(encoding="utf-8").replace("  type: Tờ trình\n",
                                                                     "  type: Tờ trình\n  issuer: VP\n"),
                        encoding="utf-8")
    # the advisory body's 01 is to-trinh-01.docx too: written into a folder of its own
    own = issue(advisory, output=str(office / "vp") + "/", register=register, date=dt.date(2024, 3, 4)).entry
    assert (plain.sequence, plain.number) == ("TTr", 1)
    assert (own.sequence, own.number) == ("VP", 1)


def test_clerks_issuing_the_same_document_at_once_give_it_one_number(office: Path, register: str) -> None:
    path = _document(office, "to-trinh")
    open_register(register).close()
    context = multiprocessing.get_context("fork")
    clerks = [context.Process(target=_issue_one, args=(str(path), register, str(office / "out" / "to-trinh.docx")))
              for _ in range(4)]
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(300)
    assert [e.number for e in entries(2024, url=register)] == [1]
    assert "  number: 1\n" in path.read_text(encoding="utf-8")
    codes = [c.exitcode for c in clerks]
    assert 0 in codes and set(codes) <= {0, 1}  # the others found it issued: completed it, or were refused


def test_the_command_issues_into_a_new_folder_and_refuses_a_second_issue_exit_2(office: Path) -> None:
    path = _document(office, "to-trinh")
    env = {**os.environ, "LANGUAGE": "en"}
    command = [sys.executable, "-m", "vbdocs", "issue", str(path), "--date", "04/03/2024", "-o",
               str(office / "new") + "/"]
    first = subprocess.run(command, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert "issued Số 01/TTr-SNN of 04/03/2024" in first.stdout
    assert (office / "new" / "to-trinh-01.docx").is_file()
    second = subprocess.run(command, capture_output=True, text=True, env=env)
    assert second.returncode == 2
    assert f"{path}:12:3: document.number: this document is issued already" in second.stderr
    assert [e.number for e in entries(2024, units_path=office / "units.yaml")] == [1]


def test_a_persons_file_where_the_document_would_go_is_never_replaced_and_no_number_is_used(
        office: Path, register: str) -> None:
    """A file a clerk keeps under the name the issued document would have stays as it was; the
    issue stops, its YAML unchanged, and its number is given to the next issue instead."""
    path = _document(office, "to-trinh")
    before = path.read_text(encoding="utf-8")
    theirs = office / "out" / "to-trinh-01.docx"
    theirs.write_bytes(b"the clerk's own edited file")
    with pytest.raises(OutputError, match="exists; vbdocs never replaces a file"):
        _issue_one(str(path), register, str(office / "out") + "/")
    assert theirs.read_bytes() == b"the clerk's own edited file"
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in office.iterdir() if p.name.startswith(".")) == []  # no temporary file left
    _issue_one(str(path), register, str(office / "elsewhere") + "/")
    assert (office / "elsewhere" / "to-trinh-01.docx").is_file()


def test_a_copy_is_numbered_in_the_copies_sequence_with_its_own_signer(office: Path, register: str) -> None:
    source = ROOT / "examples" / "documents" / "ubnd-tinh"
    (office / "units.yaml").write_text((source / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (source / "sao-y.yaml").read_text(encoding="utf-8")
    path = office / "sao-y.yaml"
    path.write_text(text.replace("    number: 2\n    date: 2024-09-23\n", ""), encoding="utf-8")
    entry = issue(path, output=office / "out", register=register, date=dt.date(2024, 9, 23)).entry
    assert (entry.sequence, entry.number_and_notation, entry.type_name) == ("ban-sao", "01/SY-UBND", "Bản sao y")
    assert entry.recipients == ("Sở Thông tin và Truyền thông",) and entry.source == "sao-y.yaml#copy"
    edited = path.read_text(encoding="utf-8")
    assert "    form: Sao y\n    number: 1\n    date: 2024-09-23\n" in edited
    assert "  number: 2150\n  date: 2024-09-20\n" in edited


def test_an_advisory_body_that_is_no_unit_is_refused_located(office: Path, register: str) -> None:
    units = office / "units.yaml"
    text = units.read_text(encoding="utf-8")
    declared = "  head_title: Giám đốc\n  issuing:\n    advisory: [HDTD]\n"
    units.write_text(text.replace("  head_title: Giám đốc\n", declared, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        issue(_document(office, "a"), output=office / "out", register=register, date=dt.date(2024, 3, 4))
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.path) == (str(units), 15, "agency.issuing.advisory[0]")


def test_the_register_is_found_from_the_environment_and_a_year_that_does_not_match_is_refused_located(
        office: Path, register: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBDOCS_REGISTER", register)
    path = _document(office, "to-trinh")  # drafted for 2024
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        issue(path, output=office / "out", date=dt.date(2025, 1, 2))
    problem = caught.value.problems[0]
    assert (problem.file, problem.path, problem.code) == (str(path), "document.year", "date.year")
    assert path.read_text(encoding="utf-8") == before and not list((office / "out").iterdir())
    assert issue(path, output=office / "out", date=dt.date(2024, 1, 2)).entry.number == 1
    assert [e.number for e in entries(2024, url=register)] == [1]
    assert not (office / "register.sqlite").exists()


def test_a_date_written_wrong_is_a_clear_error() -> None:
    from vbdocs.register.issue import parse_date

    assert parse_date("02/01/2025") == parse_date("2025-01-02") == dt.date(2025, 1, 2)
    with pytest.raises(OutputError, match="is no date"):
        parse_date("31/02/2025")


def test_two_files_of_one_name_in_two_folders_are_two_documents(office: Path, register: str) -> None:
    (office / "a").mkdir()
    (office / "b").mkdir()
    first, second = (_document(office / folder, "to-trinh") for folder in ("a", "b"))
    for path in (first, second):
        path.write_text(path.read_text(encoding="utf-8").replace("units: units.yaml", "units: ../units.yaml"),
                        encoding="utf-8")
    one = issue(first, output=office / "out" / "a.docx", register=register, date=dt.date(2024, 3, 4))
    two = issue(second, output=office / "out" / "b.docx", register=register, date=dt.date(2024, 3, 4))
    assert (one.entry.source, two.entry.source) == ("a/to-trinh.yaml#document", "b/to-trinh.yaml#document")
    assert (one.entry.number, two.entry.number, two.completed) == (1, 2, False)
