"""LibreOffice's failures reach the user whole and in time, and nothing of it outlives
vbdocs: a cut PDF is refused, a broken or silent LibreOffice is reported at once or
within its time, its pipe files and folders go, a killed vbdocs takes its LibreOffice
with it, and a PDF's bytes do not depend on the user's time zone.

These run the real LibreOffice (or a fake ``soffice`` first on PATH) and, where they
look at processes and sockets, Linux's /proc.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import vbdocs
import vbdocs.pdf
from tests.conftest import CONFIG
from vbdocs.cli import main
from vbdocs.pdf import ConversionError, Converter, check_pdf, convert_all, pdf_flaw

if not vbdocs.pdf.shutil.which("soffice"):
    if os.environ.get("CI"):
        raise RuntimeError("CI must have LibreOffice: .ci/run installs it")
    pytest.skip("LibreOffice not installed", allow_module_level=True)

linux = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="looks at processes through /proc")


@pytest.fixture(scope="module")
def plan_docx(built_plan: Path) -> Path:
    return built_plan


@pytest.fixture(scope="module")
def whole_pdf(plan_docx: Path) -> bytes:
    with Converter() as converter:
        converter.convert(plan_docx, plan_docx.with_suffix(".pdf"))
    return plan_docx.with_suffix(".pdf").read_bytes()


def fake_soffice(folder: Path, body: str) -> str:
    """A PATH on which ``soffice`` is a shell script of ``body``."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


# -- /proc: processes, their groups, their sockets ---------------------------------------
def _stat(pid: int | str) -> tuple[str, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[2])


def running(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"  # a zombie has ended; only its parent's wait is missing


def group(pgid: int) -> list[int]:
    """The running processes of process group ``pgid``."""
    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
    return [pid for pid in pids if (stat := _stat(pid)) and stat[1] == pgid and stat[0] != "Z"]


def pipe_files_of(pids: list[int]) -> set[Path]:
    """The named sockets (LibreOffice's OSL_PIPE files) that processes ``pids`` listen on."""
    inodes = set()
    for pid in pids:
        with contextlib.suppress(OSError):  # a process may end as it is looked at
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    target = os.readlink(f"/proc/{pid}/fd/{fd}")
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
    paths = set()
    for row in Path("/proc/net/unix").read_text().splitlines()[1:]:
        fields = row.split()
        if len(fields) >= 8 and fields[6] in inodes and "OSL_PIPE_" in fields[7]:
            paths.add(Path(fields[7]))
    return paths


def processes_under(folder: Path) -> dict[int, str]:
    """Running processes (and their command lines) whose TMPDIR is ``folder`` or inside it: one run's
    vbdocs, bridge and LibreOffice."""
    tag = f"TMPDIR={folder}".encode()
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            env = (proc / "environ").read_bytes().split(b"\0")
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if any(e == tag or e.startswith(tag + b"/") for e in env) and running(int(proc.name)):
            found[int(proc.name)] = command
    return found


# -- A: only a whole PDF counts ------------------------------------------------------------
def test_libreoffices_pdf_is_whole(whole_pdf: bytes) -> None:
    assert pdf_flaw(whole_pdf) is None
    assert pdf_flaw(whole_pdf[:-1]) is None, "the line break after %%EOF is optional"


@pytest.mark.parametrize("keep", ["header", "half", "before the trailer", "into %%EOF"])
def test_a_pdf_cut_short_is_refused(whole_pdf: bytes, tmp_path: Path, keep: str) -> None:
    end = {"header": 100, "half": len(whole_pdf) // 2, "before the trailer": whole_pdf.rindex(b"trailer"),
           "into %%EOF": len(whole_pdf) - 4}[keep]
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole_pdf[:end])
    assert cut.read_bytes().startswith(b"%PDF-")
    with pytest.raises(ConversionError, match=r"^k\.docx: LibreOffice wrote an incomplete PDF \(cut short"):
        check_pdf(cut, Path("k.docx"))


def test_a_pdf_with_bytes_lost_in_the_middle_is_refused(whole_pdf: bytes) -> None:
    middle = len(whole_pdf) // 3
    flaw = pdf_flaw(whole_pdf[:middle] + whole_pdf[middle + 10:])  # its end (startxref, %%EOF) is intact
    assert flaw is not None and re.search(r"not where its cross-reference table says|startxref does not point", flaw)


def test_a_pdf_without_a_page_is_refused(whole_pdf: bytes) -> None:
    pageless = re.sub(rb"/Type\s*/Page\b", b"/Type/Xage", whole_pdf)  # same length: the offsets stay right
    assert len(pageless) == len(whole_pdf)
    assert pdf_flaw(pageless) == "it has no page"


def test_a_cut_pdf_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A soffice --convert-to that "succeeds" with half a PDF (a crash while writing, a full disk).
    path = fake_soffice(tmp_path / "bin", r"""while [ $# -gt 1 ]; do [ "$1" = --outdir ] && out=$2; shift; done
printf '%%PDF-1.6\n1 0 obj\n<</Type/Catalog/Pages 2 0 R' > "$out/$(basename "$1" .docx).pdf"
exit 0""")
    monkeypatch.setenv("PATH", path)
    monkeypatch.delenv("VBDOCS_UNO_PYTHON", raising=False)
    monkeypatch.setattr(vbdocs.pdf, "UNO_PYTHONS", ())  # the one-start-per-document path, through the fake
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out),
                                       "--format", "pdf", "--only", "plan"])
    assert result.exit_code == 2, result.output
    assert "ke-hoach-2024.docx: LibreOffice wrote an incomplete PDF (cut short" in result.output
    assert "Traceback" not in result.output and not list(out.glob("*.pdf"))


# -- B: the same bytes in every time zone --------------------------------------------------
def test_pdf_bytes_do_not_depend_on_the_time_zone(plan_docx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdfs = []
    for zone in ("Pacific/Kiritimati", "UTC"):  # +14:00 and Z: LibreOffice writes the zone into /CreationDate
        monkeypatch.setenv("TZ", zone)
        [(pdf, _)] = convert_all([("k.docx", plan_docx.read_bytes())], when=dt.datetime(2024, 1, 1))
        pdfs.append(pdf)
    assert b"/CreationDate(D:20240101000000" in pdfs[0]
    assert pdfs[0] == pdfs[1]


# -- C: a broken LibreOffice is reported in time --------------------------------------------
def test_a_libreoffice_that_exits_at_once_is_reported_at_once(tmp_path: Path) -> None:
    path = fake_soffice(tmp_path / "bin", 'echo "soffice: broken installation" >&2\nexit 7')
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "vbdocs.cli", "build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "out"),
         "--format", "pdf", "--only", "plan"],
        env={**os.environ, "PATH": path}, capture_output=True, text=True, timeout=30,
    )
    took = time.monotonic() - start
    assert result.returncode == 2, result.stderr
    assert re.search(r"LibreOffice \(.*/bin/soffice\) exited with code 7 as it started: soffice: broken installation",
                     result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert took < 10, f"reported after {took:.1f} s"


def test_a_libreoffice_that_never_answers_is_given_up_after_the_start_timeout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pid"
    monkeypatch.setenv("PATH", fake_soffice(tmp_path / "bin", f'echo $$ > "{marker}"\nexec sleep 600'))
    start = time.monotonic()
    with Converter(start_timeout=3) as converter, pytest.raises(
            ConversionError, match=r"LibreOffice \(.*\) did not answer within 3 s of its start"):
        converter.convert(tmp_path / "any.docx", tmp_path / "any.pdf")
    assert time.monotonic() - start < 10
    if Path("/proc/self").is_dir():
        assert not running(int(marker.read_text())), "the silent soffice was killed"


@linux
def test_a_libreoffice_that_died_between_documents_is_replaced(plan_docx: Path, tmp_path: Path) -> None:
    with Converter() as converter:
        converter.convert(plan_docx, tmp_path / "a.pdf")
        office = converter._office
        assert office is not None
        os.killpg(office.pid, signal.SIGKILL)  # soffice crashes while no document is on its way
        office.wait()
        converter.convert(plan_docx, tmp_path / "b.pdf")
        assert converter._office is not office
    assert pdf_flaw((tmp_path / "b.pdf").read_bytes()) is None


# -- D: no pipe file or folder is left behind ---------------------------------------------
@linux
def test_no_pipe_file_or_folder_outlives_the_converter(plan_docx: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(own_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(own_tmp))

    def office_pipes(converter: Converter) -> set[Path]:
        assert converter._office is not None
        pipes = pipe_files_of(group(converter._office.pid))
        assert len(pipes) >= 2, pipes  # the pipe the bridge connects to, and LibreOffice's single-instance one
        assert all(p.exists() for p in pipes)
        return pipes

    with Converter() as converter:
        converter.convert(plan_docx, tmp_path / "a.pdf")
        pipes = office_pipes(converter)
        converter.timeout = 0.01
        with pytest.raises(ConversionError, match="LibreOffice was restarted"):
            converter.convert(plan_docx, tmp_path / "b.pdf")
        assert not [p for p in pipes if p.exists()], "the killed LibreOffice's pipe files are gone"
        converter.timeout = 60
        converter.convert(plan_docx, tmp_path / "c.pdf")
        pipes |= office_pipes(converter)
        assert [p.name for p in own_tmp.iterdir()] == [converter._folder.name], "LibreOffice works in its folder"
    assert not [p for p in pipes if p.exists()]
    assert not list(own_tmp.iterdir()), "and the folder is gone"
    assert not list(own_tmp.glob("OSL_PIPE_*")) and not list(Path("/tmp").glob(f"OSL_PIPE_*{converter._pipe}"))


def test_folders_of_dead_converters_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen(["true"])
    gone.wait()
    abandoned = tmp_path / f"vbdocs-lo-{gone.pid}-abcd1234"
    (abandoned / "profile" / "user").mkdir(parents=True)
    pipe = Path(f"/tmp/OSL_PIPE_{os.getuid()}_{abandoned.name}")
    pipe.touch()
    alive = tmp_path / f"vbdocs-lo-{os.getpid()}-efgh5678"
    alive.mkdir()
    with Converter(persistent=False):
        assert not abandoned.exists() and not pipe.exists()
        assert alive.exists(), "a running vbdocs keeps its converter's folder"


# -- E: a killed vbdocs takes its LibreOffice with it -----------------------------------------
@linux
def test_a_killed_vbdocs_takes_its_libreoffice_with_it(tmp_path: Path) -> None:
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    run = subprocess.Popen(
        [sys.executable, "-m", "vbdocs.cli", "build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "out"),
         "--format", "pdf"],
        env={**os.environ, "TMPDIR": str(own_tmp)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        end = time.monotonic() + 60
        pipes: set[Path] = set()
        while len(pipes) < 2:  # LibreOffice is up and listening
            assert run.poll() is None and time.monotonic() < end, "the build ended before LibreOffice was seen"
            time.sleep(0.05)
            pipes = pipe_files_of([pid for pid, command in processes_under(own_tmp).items() if "soffice" in command])
        time.sleep(1)  # converting
        commands = " ".join(processes_under(own_tmp).values())
        assert "soffice.bin" in commands and "_uno_bridge.py" in commands
        run.kill()
        run.wait()
        killed = time.monotonic()
        while processes_under(own_tmp) and time.monotonic() - killed < 5:
            time.sleep(0.05)
        left = processes_under(own_tmp)
        assert not left, f"still running {time.monotonic() - killed:.1f} s after vbdocs was killed: {left}"
        while list(own_tmp.iterdir()) and time.monotonic() - killed < 5:
            time.sleep(0.05)
        left_files = [str(f.relative_to(own_tmp)) for f in own_tmp.rglob("*")][:10]
        assert not left_files, f"the converter's folder is gone {time.monotonic() - killed:.1f} s later"
        assert not [p for p in pipes if p.exists()], "and LibreOffice's pipe files"
    finally:
        run.kill()
        for pid in processes_under(own_tmp):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_pdf_build_writes_nothing_into_the_users_home(tmp_path: Path) -> None:
    """LibreOffice and its Python bridge write .config and .cache into $HOME; a build
    keeps them in its converter's folder (issue 11, item 12)."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_CACHE_HOME", None)
    result = subprocess.run([sys.executable, "-m", "vbdocs.cli", "build", str(CONFIG / "campaign_2024.yaml"),
                             "-o", str(tmp_path / "out"), "--only", "plan", "-f", "pdf"],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "ke-hoach-2024.pdf").exists()
    assert list(home.rglob("*")) == []
