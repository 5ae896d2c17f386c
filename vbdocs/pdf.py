"""PDF through LibreOffice headless, behind a small interface.

A :class:`Converter` starts one soffice process with a profile of its own (two
soffice sharing a profile fail) and converts many documents through it, over UNO,
instead of paying LibreOffice's start for each. Each document has a timeout; a
conversion counts as done only when a PDF is really there (soffice itself
reports success for files it could not load). Without LibreOffice's Python
bridge, each document falls back to a ``soffice --convert-to`` of its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from .errors import VbdocsError

BRIDGE = Path(__file__).with_name("_uno_bridge.py")
#: Interpreters that may have LibreOffice's ``uno`` module (Debian's python3-uno).
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")


class ConversionError(VbdocsError):
    """LibreOffice could not make a PDF of a document."""


def soffice() -> str:
    """The soffice command, or ConversionError naming the package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ConversionError("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    return found


def uno_python() -> str | None:
    """An interpreter that can import ``uno``, if the machine has one."""
    candidates = [os.environ.get("VBDOCS_UNO_PYTHON", ""), *UNO_PYTHONS]
    for python in filter(None, candidates):
        if Path(python).exists() and subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30,
        ).returncode == 0:
            return python
    return None


def check_pdf(path: Path, source: Path) -> None:
    """Raise ConversionError unless ``path`` is a PDF (soffice exits 0 when it fails)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
    except OSError:
        raise ConversionError(f"{source.name}: LibreOffice made no PDF") from None
    if head != b"%PDF-":
        raise ConversionError(f"{source.name}: LibreOffice wrote something that is not a PDF")


class Converter:
    """One LibreOffice, converting documents one after another.

    Use it as a context manager; it starts LibreOffice on the first conversion and
    stops it (and removes its profile) on exit.
    """

    def __init__(self, *, timeout: float = 60.0, persistent: bool | None = None) -> None:
        self.timeout = timeout
        self._python = uno_python() if persistent is not False else None
        if persistent and self._python is None:
            raise ConversionError("LibreOffice's Python bridge is not installed (Debian: python3-uno)")
        self._profile = Path(tempfile.mkdtemp(prefix="vbdocs-lo-"))
        self._office: subprocess.Popen[bytes] | None = None
        self._bridge: subprocess.Popen[str] | None = None

    @property
    def persistent(self) -> bool:
        """Whether documents go through one long-lived LibreOffice."""
        return self._python is not None

    def __enter__(self) -> Converter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._stop()
        shutil.rmtree(self._profile, ignore_errors=True)

    def convert(self, docx: Path, pdf: Path) -> None:
        """Convert one .docx into ``pdf``; raise ConversionError if no PDF came of it."""
        pdf.unlink(missing_ok=True)
        if self.persistent:
            self._convert_persistent(docx.resolve(), pdf.resolve())
        else:
            self._convert_once(docx.resolve(), pdf.resolve())
        check_pdf(pdf, docx)

    # -- one LibreOffice for many documents -------------------------------------
    def _start(self) -> subprocess.Popen[str]:
        if self._bridge is not None and self._bridge.poll() is None:
            return self._bridge
        self._stop()
        pipe = f"vbdocs-{uuid.uuid4().hex}"
        self._office = subprocess.Popen(
            [soffice(), f"-env:UserInstallation={self._profile.as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        assert self._python is not None
        self._bridge = subprocess.Popen(
            [self._python, "-u", str(BRIDGE), pipe, str(max(self.timeout, 30.0))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            start_new_session=True,
        )
        ready = self._read(max(self.timeout, 30.0))
        if not ready or not ready.get("ready"):
            self._stop()
            raise ConversionError("LibreOffice did not start")
        return self._bridge

    def _read(self, timeout: float) -> dict[str, object] | None:
        assert self._bridge is not None and self._bridge.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._bridge.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                return None
        line = self._bridge.stdout.readline()
        if not line:
            return None
        answer: dict[str, object] = json.loads(line)
        return answer

    def _convert_persistent(self, docx: Path, pdf: Path) -> None:
        bridge = self._start()
        assert bridge.stdin is not None
        try:
            bridge.stdin.write(json.dumps({"docx": str(docx), "pdf": str(pdf)}) + "\n")
            bridge.stdin.flush()
        except OSError:
            self._stop()
            raise ConversionError(f"{docx.name}: LibreOffice stopped") from None
        answer = self._read(self.timeout)
        if answer is None:
            self._stop()  # hung or died: the next document gets a fresh LibreOffice
            raise ConversionError(f"{docx.name}: no PDF within {self.timeout:g} s; LibreOffice was restarted")
        if not answer.get("ok"):
            raise ConversionError(f"{docx.name}: {answer.get('error')}")

    def _stop(self) -> None:
        for proc in (self._bridge, self._office):
            if proc is not None and proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if self._bridge is not None:
            for stream in (self._bridge.stdin, self._bridge.stdout):
                if stream is not None:
                    stream.close()
        self._bridge = self._office = None

    # -- one LibreOffice per document (no bridge) -----------------------------------
    def _convert_once(self, docx: Path, pdf: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="vbdocs-pdf-") as out:
            try:
                subprocess.run(
                    [soffice(), f"-env:UserInstallation={self._profile.as_uri()}", "--headless", "--norestore",
                     "--convert-to", "pdf", "--outdir", out, str(docx)],
                    capture_output=True, timeout=self.timeout, check=False,
                )
            except subprocess.TimeoutExpired:
                raise ConversionError(f"{docx.name}: no PDF within {self.timeout:g} s") from None
            made = Path(out) / (docx.stem + ".pdf")
            check_pdf(made, docx)
            shutil.move(made, pdf)


_CREATION = re.compile(rb"/CreationDate\(D:(\d{14})")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-Fa-f]{32})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


def reproducible(pdf: bytes, when: dt.datetime) -> bytes:
    """The same PDF for the same document: LibreOffice's clock time, its checksum of
    it and the random file identifier are replaced, in place and at the same length
    (the xref offsets stay)."""
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    pdf = _CREATION.sub(b"/CreationDate(D:" + stamp, pdf)
    blank = _CHECKSUM.sub(b"/DocChecksum /", _ID.sub(b"/ID []", pdf))
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()
    pdf = _CHECKSUM.sub(b"/DocChecksum /" + digest, pdf)

    def same_length(match: re.Match[bytes]) -> bytes:
        original = match.group(0)
        return original.replace(match.group(1), digest).replace(match.group(2), digest)

    return _ID.sub(same_length, pdf)


def convert_all(
    documents: Sequence[tuple[str, bytes]], *, jobs: int = 1, timeout: float = 60.0, when: dt.datetime,
    previews: bool = False,
) -> list[tuple[bytes, bytes | None]]:
    """PDFs (and first-page PNGs) of ``(file name, .docx bytes)`` documents, in order.

    ``jobs`` LibreOffice processes work side by side, each with its own profile.
    """
    import threading
    from concurrent.futures import ThreadPoolExecutor

    local = threading.local()
    converters: list[Converter] = []
    lock = threading.Lock()

    def one(item: tuple[int, tuple[str, bytes]]) -> tuple[bytes, bytes | None]:
        index, (name, data) = item
        if not hasattr(local, "converter"):
            local.converter = Converter(timeout=timeout)
            with lock:
                converters.append(local.converter)
        with tempfile.TemporaryDirectory(prefix="vbdocs-pdf-") as folder:
            docx = Path(folder) / f"{index:05d}.docx"
            docx.write_bytes(data)
            pdf = docx.with_suffix(".pdf")
            try:
                local.converter.convert(docx, pdf)
            except ConversionError as exc:
                raise ConversionError(str(exc).replace(docx.name, name)) from None
            png = None
            if previews:
                image = docx.with_suffix(".png")
                preview(pdf, image)
                png = image.read_bytes()
            return reproducible(pdf.read_bytes(), when), png

    try:
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(documents)))) as pool:
            return list(pool.map(one, enumerate(documents)))
    finally:
        for converter in converters:
            converter.close()


def preview(pdf: Path, png: Path, *, dpi: int = 60) -> None:
    """A PNG of the first page of ``pdf`` (poppler's pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ConversionError("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
    stem = png.with_suffix("")
    result = subprocess.run([tool, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                            capture_output=True, timeout=60, check=False)
    if result.returncode != 0 or not png.exists():
        raise ConversionError(f"{pdf.name}: no preview ({result.stderr.decode(errors='replace').strip()})")
