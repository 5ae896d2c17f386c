"""Whole document sets: every form the plan names, byte-identical rebuilds, parallel
rendering, selections, and output that is replaced whole or not at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG, without_warnings
from vbdocs.docset import SetFile, safe_name, write_set
from vbdocs.entry import Entry
from vbdocs.errors import OutputError


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("set") / "out"
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    return out


def test_manifest_lists_a_form_for_every_unit_and_deadline(full: Path) -> None:
    documents = json.loads((full / "manifest.json").read_text(encoding="utf-8"))["documents"]
    kinds = [d["kind"] for d in documents]
    assert kinds[:2] == ["plan", "directive_letter"]
    config = vbdocs.load(CONFIG / "campaign_2024.yaml")
    units = [u.code for u in config.units.units if u.code != "VP"]  # the Văn phòng collects the forms
    forms = {(d["unit"], d["period"], d["deadline"]) for d in documents if d["kind"] == "report_form"}
    assert forms == {(u, p, d) for u in units
                     for p, d in (("6 tháng đầu năm 2024", "2024-05-10"), ("năm 2024", "2024-10-05"))}
    assert len(forms) == 2 * 11 == kinds.count("report_form")
    assert sorted(d["unit"] for d in documents if d["kind"] == "registration_form") == sorted(units)
    assert documents[-1] == {"kind": "calendar", "path": "deadlines.ics",
                             "sha256": documents[-1]["sha256"]}
    assert sorted(p.name for p in full.iterdir()) == sorted([d["path"] for d in documents] + ["manifest.json"])


def test_parallel_rendering_gives_the_same_bytes(full: Path, tmp_path: Path) -> None:
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "parallel", jobs=2)
    assert _snapshot(tmp_path / "parallel") == _snapshot(full)


def test_a_selection_rebuilds_only_its_files(full: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(full, out)
    (out / "bao-cao-six-month-ttr.docx").unlink()
    (out / "ke-hoach-2024.docx").write_bytes(b"edited by hand")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, only=["report_form"], units=["TTR"])
    after = _snapshot(out)
    assert after["bao-cao-six-month-ttr.docx"] == _snapshot(full)["bao-cao-six-month-ttr.docx"]
    assert after["ke-hoach-2024.docx"] == b"edited by hand", "files outside the selection stay as they are"
    listed = [d["path"] for d in json.loads(after["manifest.json"])["documents"]]
    full_listed = [d["path"] for d in json.loads(_snapshot(full)["manifest.json"])["documents"]]
    assert listed == [p for p in full_listed if p != "ke-hoach-2024.docx"], "a file changed by hand is no longer listed"
    assert [(d.kind, d.unit) for d in result.documents].count(("report_form", "TTR")) == 2


def test_a_selection_into_an_empty_folder(tmp_path: Path) -> None:
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "o", only=["report_form"], units=["TTR"])
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "bao-cao-annual-ttr.docx", "bao-cao-six-month-ttr.docx", "manifest.json"]


def test_unknown_selection_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unknown kind 'letter'"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path, only=["letter"])
    with pytest.raises(OutputError, match="no unit with the code 'XX'"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path, units=["XX"])


def test_whole_build_removes_documents_the_set_no_longer_has(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, [SetFile(Entry("plan", f"{name}.docx"), name.encode()) for name in "abc"])
    (out / "notes.txt").write_text("mine")
    (out / "c.docx").write_bytes(b"c, edited by hand")
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a2")])
    assert _snapshot(out).keys() == {"a.docx", "c.docx", "manifest.json", "notes.txt"}
    assert (out / "notes.txt").read_text() == "mine", "files the manifest never listed are left alone"
    assert (out / "c.docx").read_bytes() == b"c, edited by hand", "a file changed since it was written is kept"
    assert [d["path"] for d in json.loads((out / "manifest.json").read_text())["documents"]] == ["a.docx"]


def test_a_file_vbdocs_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.docx").write_bytes(b"typed by a clerk")
    with pytest.raises(OutputError, match=r"a\.docx was not written by vbdocs, or was changed after it was"):
        write_set(out, [SetFile(Entry("plan", "a.docx"), b"generated")])
    write_set(out, [SetFile(Entry("plan", "b.docx"), b"b")])
    (out / "b.docx").write_bytes(b"b, edited in Word")
    with pytest.raises(OutputError, match=r"b\.docx was not written by vbdocs, or was changed after it was"):
        write_set(out, [SetFile(Entry("plan", "b.docx"), b"b2")])
    assert _snapshot(out) == {"a.docx": b"typed by a clerk", "b.docx": b"b, edited in Word",
                              "manifest.json": (out / "manifest.json").read_bytes()}


def test_another_tools_manifest_is_never_trusted(tmp_path: Path) -> None:
    """Only files vbdocs recorded in a manifest of its own are ever removed."""
    import hashlib

    out = tmp_path / "out"
    out.mkdir()
    (out / "important.txt").write_bytes(b"keep me")
    foreign = {"documents": [{"kind": "plan", "path": "important.txt",
                              "sha256": hashlib.sha256(b"keep me").hexdigest()}]}
    (out / "manifest.json").write_text(json.dumps(foreign))
    before = _snapshot(out)
    with pytest.raises(OutputError, match=r"manifest\.json was not written by vbdocs"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    with pytest.raises(OutputError, match=r"manifest\.json was not written by vbdocs"):
        write_set(out, [SetFile(Entry("plan", "a.docx"), b"a")])
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging folder left"


def test_the_output_folder_keeps_its_mode_owner_and_group(tmp_path: Path) -> None:
    out = tmp_path / "shared"
    out.mkdir()
    out.chmod(0o2770)
    if os.geteuid() == 0:
        os.chown(out, 1234, 4321)
    before = out.stat()
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a")])
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a2")])
    after = out.stat()
    assert (after.st_mode, after.st_uid, after.st_gid) == (before.st_mode, before.st_uid, before.st_gid)
    assert (out / "a.docx").stat().st_gid == before.st_gid, "new files take the group of a set-group-id folder"


def test_a_link_to_a_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    write_set(link, [SetFile(Entry("plan", "a.docx"), b"a")])
    write_set(link, [SetFile(Entry("plan", "a.docx"), b"a2")])
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "a.docx").read_bytes() == b"a2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_folders_no_build_may_replace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "work").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    refused = {
        Path("/"): "it is the root of the filesystem",
        home: "it is the home folder",
        tmp_path / "home" / "work" / "..": "it is the home folder",
    }
    for folder, reason in refused.items():
        with pytest.raises(OutputError, match=reason):
            write_set(folder, [SetFile(Entry("plan", "a.docx"), b"a")])
    monkeypatch.chdir(home / "work")
    with pytest.raises(OutputError, match="it holds the current folder"):
        write_set(Path("."), [SetFile(Entry("plan", "a.docx"), b"a")])
    with pytest.raises(OutputError, match="it holds the current folder"):
        write_set(tmp_path, [SetFile(Entry("plan", "a.docx"), b"a")])
    (home / "work" / "f").write_text("x")
    with pytest.raises(OutputError, match="it is not a folder"):
        write_set(home / "work" / "f", [SetFile(Entry("plan", "a.docx"), b"a")])
    assert sorted(p.name for p in (home / "work").iterdir()) == ["f"]


def test_a_folder_holding_the_campaign_is_refused(config_copy: Path) -> None:
    before = _snapshot(config_copy)
    with pytest.raises(OutputError, match=r"it holds .*campaign_2024\.yaml, an input of the build"):
        vbdocs.build(config_copy / "campaign_2024.yaml", output=config_copy)
    with pytest.raises(OutputError, match="an input of the build"):
        vbdocs.build(config_copy / "campaign_2024.yaml", output=config_copy.parent)
    assert _snapshot(config_copy) == before


def test_rewriting_never_writes_through_a_hard_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"one")])
    keep = tmp_path / "kept.docx"
    os.link(out / "a.docx", keep)
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"two")])
    assert keep.read_bytes() == b"one" and (out / "a.docx").read_bytes() == b"two"


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", ".hidden.docx", "manifest.json", "é.docx",
                                  "x" * 252 + ".docx", "con:.docx"])
def test_unsafe_file_names_are_refused(name: str) -> None:
    with pytest.raises(OutputError):
        safe_name(name)


def test_a_failed_build_leaves_the_old_output(full: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(full, out)
    before = _snapshot(out)
    with pytest.raises(OutputError):
        write_set(out, [SetFile(Entry("plan", "ok.docx"), b"x"), SetFile(Entry("plan", "ok.docx"), b"y")])
    assert _snapshot(out) == before


def _big_campaign(tmp_path: Path, units: int) -> Path:
    """The 2024 campaign with many generated units, so that a build takes seconds."""
    import shutil

    folder = tmp_path / "big"
    shutil.copytree(CONFIG, folder)
    extra = "".join(
        f"  - code: U{i:03d}\n    name: Đơn vị thử {i}\n    abbreviation: U{i:03d}\n"
        f"    kind: affiliated\n    head_title: Giám đốc\n"
        for i in range(units)
    )
    text = (folder / "units.yaml").read_text(encoding="utf-8")
    (folder / "units.yaml").write_text(text.replace("\ngroups:\n", "\n" + extra + "\ngroups:\n"), encoding="utf-8")
    return folder / "campaign_2024.yaml"


def test_a_killed_build_leaves_the_old_output_intact(full: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(full, out)
    before = _snapshot(out)
    campaign = _big_campaign(tmp_path, 800)  # 2,400 forms more: about ten seconds of rendering
    proc = subprocess.Popen([sys.executable, "-m", "vbdocs.cli", "build", str(campaign), "-o", str(out), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(1.5)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _snapshot(out) == before


def test_a_build_killed_between_its_renames_is_put_back(full: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Where the folders cannot be exchanged in one step, there is one moment the output
    folder is missing: the next build puts the previous one back and completes it."""
    import errno
    import shutil

    from vbdocs import outdir

    out = tmp_path / "out"
    shutil.copytree(full, out)
    (out / "notes.txt").write_text("mine")

    def no_exchange(a, b):  # type: ignore[no-untyped-def]
        raise OSError(errno.EINVAL, "not supported here")

    real_rename = os.rename
    calls = []

    def crash_on_second(src, dst):  # type: ignore[no-untyped-def]
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if killed: no cleanup runs
        return real_rename(src, dst)

    monkeypatch.setattr(outdir, "_exchange", no_exchange)
    monkeypatch.setattr(os, "rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_set(out, [SetFile(Entry("plan", "ke-hoach-2024.docx"), b"new")], partial=True)
    monkeypatch.setattr(os, "rename", real_rename)
    assert not out.exists()
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    assert _snapshot(out) == {**_snapshot(full), "notes.txt": b"mine"}
    assert not list(out.parent.glob(".out.vbdocs-*"))


def test_a_build_killed_after_the_swap_leaves_the_new_set_and_is_cleaned_up(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vbdocs import outdir

    out = tmp_path / "out"
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a"), SetFile(Entry("plan", "b.docx"), b"b")])
    (out / "notes.txt").write_text("mine")

    def killed(previous, output, own):  # type: ignore[no-untyped-def]
        (previous / "late.txt").write_text("saved while the build ran")  # a person's file in the old folder
        raise KeyboardInterrupt

    monkeypatch.setattr(outdir, "reconcile", killed)
    with pytest.raises(KeyboardInterrupt):
        write_set(out, [SetFile(Entry("plan", "a.docx"), b"a2")])
    monkeypatch.undo()
    assert _snapshot(out) == {"a.docx": b"a2", "notes.txt": b"mine", "manifest.json": _snapshot(out)["manifest.json"]}
    assert len(list(tmp_path.glob(".out.vbdocs-*"))) == 1
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a3")])
    assert not list(tmp_path.glob(".out.vbdocs-*"))
    assert (out / "late.txt").read_text() == "saved while the build ran"
    assert sorted(_snapshot(out)) == ["a.docx", "late.txt", "manifest.json", "notes.txt"]


def test_calendar_of_deadlines(full: Path) -> None:
    raw = (full / "deadlines.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
    assert text.count("BEGIN:VEVENT") == 3  # the registration form and the two reports
    # "trước ngày" a date: the event stands on the working day before it (issue 11, item 9): Thursday 09/5
    # for Friday 10/5, Friday 04/10 for Saturday 05/10.
    assert "DTSTART;VALUE=DATE:20240509" in text and "DTSTART;VALUE=DATE:20241004" in text
    assert "SUMMARY:Báo cáo 6 tháng (trước ngày 10/5/2024)" in text
    assert "DESCRIPTION:Đơn vị gửi: Thanh tra Sở\\, Phòng Kế hoạch - Tài chính\\," in text
    assert "TRIGGER:-P3D" in text


_WRITER = """
import sys
from pathlib import Path
from vbdocs.docset import SetFile, write_set
from vbdocs.entry import Entry
out, tag, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for r in range(rounds):
    write_set(out, [SetFile(Entry("plan", f"f{i:03d}.docx"), f"{tag}-{r}:{i};".encode() * 4000) for i in range(40)])
"""


def _assert_one_whole_set(out: Path) -> None:
    """The folder holds the person's file and exactly one set, as its manifest says."""
    import hashlib

    assert (out / "mine.txt").read_text() == "mine"
    entries = json.loads((out / "manifest.json").read_text())["documents"]
    assert sorted(p.name for p in out.iterdir()) == sorted([e["path"] for e in entries] + ["manifest.json", "mine.txt"])
    for e in entries:
        assert hashlib.sha256((out / e["path"]).read_bytes()).hexdigest() == e["sha256"], e["path"]
    writers = {(out / e["path"]).read_bytes().split(b":")[0] for e in entries}
    assert len(entries) == 40 and len(writers) == 1, f"files of several builds: {writers}"


def test_concurrent_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    """Six processes writing five sets each into one folder: every build succeeds, the
    person's file stays, and the folder always holds one whole set and its manifest."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("mine")
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(out), f"w{n}", "5"], stderr=subprocess.PIPE)
             for n in range(6)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    _assert_one_whole_set(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "no staging folder left"


def test_kill_9_while_writing_leaves_one_whole_set(tmp_path: Path) -> None:
    """Twenty builds killed at random moments of their write phase: each time the folder
    holds the old set or the new one; the next build cleans what the dead one left."""
    import random

    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("mine")
    subprocess.run([sys.executable, "-c", _WRITER, str(out), "first", "1"], check=True, timeout=60)
    rng = random.Random(10)
    for n in range(20):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(out), f"k{n}", "1000"])
        time.sleep(0.4 + rng.random() * 0.6)  # past the start-up (~0.3 s), into the writing loop
        proc.kill()
        proc.wait()
        _assert_one_whole_set(out)
    subprocess.run([sys.executable, "-c", _WRITER, str(out), "last", "1"], check=True, timeout=60)
    _assert_one_whole_set(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "the debris of killed builds is cleaned up"


def test_concurrent_cli_builds_agree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("mine")
    for _ in range(2):
        procs = [subprocess.Popen([sys.executable, "-m", "vbdocs.cli", "build", str(CONFIG / "campaign_2024.yaml"),
                                   "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err.decode()
    entries = json.loads((out / "manifest.json").read_text())["documents"]
    assert (out / "mine.txt").read_text() == "mine" and len(entries) == 36
    assert sorted(p.name for p in out.iterdir()) == sorted([e["path"] for e in entries] + ["manifest.json", "mine.txt"])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def test_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    campaign = _big_campaign(tmp_path, 800)
    proc = subprocess.Popen([sys.executable, "-m", "vbdocs.cli", "build", str(campaign), "-o", str(tmp_path / "out"),
                             "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 20
    while len(_children(proc.pid)) < 2 and time.monotonic() < end:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the build started no workers"
    proc.kill()  # the parent alone, as the kernel's OOM killer or a kill -9 would
    proc.wait()
    end = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < end:
        time.sleep(0.05)
    alive = [w for w in workers if _running(w)]
    assert not alive, f"workers {alive} outlived their build"


def _running(pid: int) -> bool:
    """Whether the process exists and is not a zombie (this machine's init may not reap)."""
    try:
        return (Path(f"/proc/{pid}") / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_second_build_says_it_waits_then_finishes(tmp_path: Path) -> None:
    import threading

    from vbdocs import outdir

    out = tmp_path / "out"
    lines: list[str] = []
    with outdir.locked(out):
        proc = subprocess.Popen([sys.executable, "-m", "vbdocs.cli", "build", str(CONFIG / "campaign_2024.yaml"),
                                 "-o", str(out), "--only", "plan"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        assert proc.stderr is not None
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr or []))
        reader.start()
        end = time.monotonic() + 60
        waiting = f"another vbdocs build is writing into {tmp_path}; waiting for it to finish\n"
        while waiting not in lines and proc.poll() is None and time.monotonic() < end:
            time.sleep(0.05)
        assert waiting in lines
        time.sleep(0.5)
        assert proc.poll() is None and not out.exists(), "the build went on without the lock"
    assert proc.wait(timeout=60) == 0, lines
    reader.join()
    proc.stderr.close()
    assert (out / "ke-hoach-2024.docx").exists()


def test_a_selection_leaves_no_stale_format_of_a_rebuilt_document(tmp_path: Path) -> None:
    """A .docx rebuilt without its PDF takes the old PDF away with it: the manifest never
    lists a PDF of another version of the document (issue 11, item 7)."""
    out = tmp_path / "out"
    vp, tc = Entry("report_form", "bao-cao-vp.docx", "VP"), Entry("report_form", "bao-cao-tc.docx", "TC")
    write_set(out, [SetFile(vp, b"v1"), SetFile(vp, b"pdf of v1", format="pdf"),
                    SetFile(tc, b"t1"), SetFile(tc, b"pdf of t1", format="pdf")])
    write_set(out, [SetFile(vp, b"v2")], partial=True)
    listed = [e["path"] for e in json.loads((out / "manifest.json").read_text())["documents"]]
    assert listed == ["bao-cao-vp.docx", "bao-cao-tc.docx", "bao-cao-tc.pdf"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*listed, "manifest.json"])


def test_the_cli_says_what_a_selection_wrote(full: Path, tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from vbdocs.cli import main

    out = tmp_path / "out"
    shutil.copytree(full, out)
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out),
                                       "--only", "report_form", "--unit", "TTR"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 2 files into {out}; its manifest lists 36\n"


def test_ctrl_c_ends_a_build_with_130_and_leaves_the_old_set(full: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    shutil.copytree(full, out)
    before = _snapshot(out)
    campaign = _big_campaign(tmp_path, 800)
    proc = subprocess.Popen([sys.executable, "-m", "vbdocs.cli", "build", str(campaign), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert without_warnings(stderr) == "vbdocs: interrupted; no file was left half-written\n"
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "out"]


def test_a_template_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from vbdocs.cli import main
    from vbdocs.errors import TemplateError

    missing = tmp_path / "nope"
    with pytest.raises(TemplateError, match=f"the template folder {missing} does not exist"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "out", templates=[missing])
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "out"),
                                       "-t", str(missing)])
    assert result.exit_code == 2 and str(missing) in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_build_killed_right_after_the_exchange_leaves_nothing_of_its_own_in_the_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The staging folder's mark stands beside it, never in it: a kill between the swap and
    the mark's removal leaves the new set alone in the output, and the next build knows,
    by the inode the mark records, that what is left beside it is the previous folder."""
    from vbdocs import outdir

    out = tmp_path / "out"
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a")])
    (out / "notes.txt").write_text("mine")
    real_exchange = outdir._exchange

    def killed_after(a: Path, b: Path) -> None:
        real_exchange(a, b)
        raise KeyboardInterrupt

    monkeypatch.setattr(outdir, "_exchange", killed_after)
    with pytest.raises(KeyboardInterrupt):
        write_set(out, [SetFile(Entry("plan", "a.docx"), b"a2")])
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "manifest.json", "notes.txt"]
    assert (out / "a.docx").read_bytes() == b"a2"
    write_set(out, [SetFile(Entry("plan", "a.docx"), b"a3")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "notes.txt").read_text() == "mine"
