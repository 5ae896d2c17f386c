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
from tests.conftest import CONFIG
from vbdocs.docset import SetFile, safe_name, write_set
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
    units = [u.code for u in config.units.units]
    forms = {(d["unit"], d["period"], d["deadline"]) for d in documents if d["kind"] == "report_form"}
    assert forms == {(u, p, d) for u in units
                     for p, d in (("6 tháng đầu năm 2024", "2024-05-10"), ("năm 2024", "2024-10-05"))}
    assert len(forms) == 2 * 12 == kinds.count("report_form")
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
    (out / "bao-cao-six-month-vp.docx").write_bytes(b"lost")
    (out / "ke-hoach-2024.docx").write_bytes(b"edited by hand")
    result = vbdocs.build(CONFIG / "campaign_2024.yaml", output=out, only=["report_form"], units=["VP"])
    after = _snapshot(out)
    assert after["bao-cao-six-month-vp.docx"] == _snapshot(full)["bao-cao-six-month-vp.docx"]
    assert after["ke-hoach-2024.docx"] == b"edited by hand", "files outside the selection stay as they are"
    assert after["manifest.json"] == _snapshot(full)["manifest.json"]
    assert [(d.kind, d.unit) for d in result.documents].count(("report_form", "VP")) == 2


def test_a_selection_into_an_empty_folder(tmp_path: Path) -> None:
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path / "o", only=["report_form"], units=["VP"])
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "bao-cao-annual-vp.docx", "bao-cao-six-month-vp.docx", "manifest.json"]


def test_unknown_selection_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unknown kind 'letter'"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path, only=["letter"])
    with pytest.raises(OutputError, match="no unit with the code 'XX'"):
        vbdocs.build(CONFIG / "campaign_2024.yaml", output=tmp_path, units=["XX"])


def test_whole_build_removes_documents_the_set_no_longer_has(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, [SetFile("plan", "a.docx", b"a"), SetFile("plan", "b.docx", b"b")])
    (out / "notes.txt").write_text("mine")
    write_set(out, [SetFile("plan", "a.docx", b"a2")])
    assert _snapshot(out).keys() == {"a.docx", "manifest.json", "notes.txt"}
    assert (out / "notes.txt").read_text() == "mine", "files the manifest never listed are left alone"


def test_rewriting_never_writes_through_a_hard_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, [SetFile("plan", "a.docx", b"one")])
    keep = tmp_path / "kept.docx"
    os.link(out / "a.docx", keep)
    write_set(out, [SetFile("plan", "a.docx", b"two")])
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
        write_set(out, [SetFile("plan", "ok.docx", b"x"), SetFile("plan", "ok.docx", b"y")])
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
    """The one moment the output folder is missing: the next build restores and completes it."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(full, out)
    real_rename = os.rename
    calls = []

    def crash_on_second(src, dst):  # type: ignore[no-untyped-def]
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if killed: no cleanup runs
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_set(out, [SetFile("plan", "ke-hoach-2024.docx", b"new")], partial=True)
    monkeypatch.setattr(os, "rename", real_rename)
    assert not out.exists()
    vbdocs.build(CONFIG / "campaign_2024.yaml", output=out)
    assert _snapshot(out) == _snapshot(full)
    assert not list(out.parent.glob(".out.vbdocs-*"))


def test_calendar_of_deadlines(full: Path) -> None:
    raw = (full / "deadlines.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20240510" in text and "DTSTART;VALUE=DATE:20241005" in text
    assert "SUMMARY:Báo cáo 6 tháng (trước ngày 10/5/2024)" in text
    assert "DESCRIPTION:Đơn vị gửi: Văn phòng Sở\\, Thanh tra Sở\\," in text
    assert "TRIGGER:-P3D" in text
