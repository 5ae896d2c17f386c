"""PDF through LibreOffice headless, behind a small interface.

A :class:`Converter` starts one soffice process with a profile of its own (two
soffice sharing a profile fail) and converts many documents through it, over UNO,
instead of paying LibreOffice's start for each. Each document has a timeout; a
conversion counts as done only when a whole PDF is really there (soffice itself
reports success for files it could not load, and a crash can leave half a file).
Without LibreOffice's Python bridge, each document falls back to a
``soffice --convert-to`` of its own.

Nothing of a converter outlives it. Its LibreOffice works in the converter's own
folder, ``vbdocs-lo-<pid of vbdocs>-*`` in the temporary folder (profile, temporary
files, each document's files), and runs in a process group of its own; the two named
pipes LibreOffice always makes in /tmp (the one the bridge connects to, and its
single-instance pipe) are removed when it stops. If vbdocs dies, even by SIGKILL,
the bridge sees its standard input close and does the same, folder included. (A
``soffice --convert-to`` of the fallback finishes its one document.) A folder whose
owner died anyway is removed by the next converter. LibreOffice runs with
``TZ=UTC``, so the time zone it writes into the PDF is the same for everyone.
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
import time
import warnings
import zlib
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from .errors import Problem, VbdocsError, VbdocsWarning
from .i18n import _

BRIDGE = Path(__file__).with_name("_uno_bridge.py")
#: Interpreters that may have LibreOffice's ``uno`` module (Debian's python3-uno).
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")
#: How often the converter looks whether LibreOffice is still there while it waits for an answer.
POLL = 0.1


class ConversionError(VbdocsError):
    """LibreOffice could not make a PDF of a document."""


def soffice() -> str:
    """The soffice command, or ConversionError naming the package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ConversionError(_("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)"))
    return found


def _home_in(folder: Path) -> dict[str, str]:
    """Environment that gives LibreOffice (and its Python) ``folder`` as its home, so the
    .config and .cache it writes stay out of the user's."""
    return {"HOME": str(folder), "XDG_CONFIG_HOME": str(folder / ".config"), "XDG_CACHE_HOME": str(folder / ".cache")}


def uno_python() -> str | None:
    """An interpreter that can import ``uno``, if the machine has one."""
    candidates = [os.environ.get("VBDOCS_UNO_PYTHON", ""), *UNO_PYTHONS]
    with tempfile.TemporaryDirectory(prefix="vbdocs-uno-") as home:  # importing uno writes into $HOME/.config
        env = {**os.environ, **_home_in(Path(home))}
        for python in filter(None, candidates):
            if Path(python).exists() and subprocess.run(
                [python, "-c", "import uno"], capture_output=True, timeout=30, env=env,
            ).returncode == 0:
                return python
    return None


# -- a whole PDF --------------------------------------------------------------------
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_SUBSECTION = re.compile(rb"\s*(\d+) (\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])[ \r\n]{2}")
_TRAILER = re.compile(rb"\s*trailer\s*<<")
_PREV = re.compile(rb"/Prev\s+(\d+)")
_XREF_STREAM = re.compile(rb"/Type\s*/XRef\b")
_PAGE = re.compile(rb"/Type\s*/Page\b")
_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b[^>]*?>>\s*stream\r?\n", re.S)


def pdf_flaw(data: bytes) -> str | None:
    """Why ``data`` is not a whole PDF, or None when it is.

    A whole PDF starts with ``%PDF-`` and ends with ``%%EOF`` after a ``startxref``
    whose offset points at its cross-reference table (every object the table lists is
    where it says) or at a cross-reference stream, and it has a page. Reading the
    offsets finds a file cut short, or with bytes lost or added, in a millisecond.
    """
    if not data.startswith(b"%PDF-"):
        return "not a PDF"
    end = _STARTXREF.search(data, max(0, len(data) - 1024))
    if end is None:
        return "cut short: it does not end with startxref and %%EOF"
    flaw = _xref_flaw(data, int(end[1]))
    if flaw:
        return flaw
    if not _PAGE.search(data) and not any(_PAGE.search(body) for body in _object_streams(data)):
        return "it has no page"
    return None


def _xref_flaw(data: bytes, offset: int) -> str | None:
    for _table in range(64):  # a table and the earlier ones it names with /Prev (incremental updates)
        if data.startswith(b"xref", offset):
            position = offset + 4
            while section := _SUBSECTION.match(data, position):
                first, count = int(section[1]), int(section[2])
                position = section.end()
                for number in range(first, first + count):
                    entry = _ENTRY.match(data, position)
                    if entry is None:
                        return "its cross-reference table is cut short"
                    position = entry.end()
                    if entry[3] == b"n":
                        header = _OBJECT.match(data, int(entry[1]))
                        if header is None or (int(header[1]), int(header[2])) != (number, int(entry[2])):
                            return f"object {number} is not where its cross-reference table says"
            if not _TRAILER.match(data, position):
                return "its cross-reference table has no trailer"
            trailer = data[position: data.find(b"startxref", position)]
        elif _OBJECT.match(data, offset) and _XREF_STREAM.search(data[offset: offset + 4096].split(b"stream", 1)[0]):
            trailer = data[offset: offset + 4096].split(b"stream", 1)[0]
        else:
            return "its startxref does not point at a cross-reference table"
        previous = _PREV.search(trailer)
        if previous is None:
            return None
        offset = int(previous[1])
    return "its cross-reference tables point at each other"


def _object_streams(data: bytes) -> list[bytes]:
    """The objects packed into compressed object streams (LibreOffice writes none)."""
    bodies = []
    for match in _OBJECT_STREAM.finditer(data):
        with contextlib.suppress(zlib.error):
            bodies.append(zlib.decompressobj().decompress(data[match.end(): data.find(b"endstream", match.end())]))
    return bodies


def check_pdf(path: Path, source: Path) -> None:
    """Raise ConversionError unless ``path`` is a whole PDF (soffice exits 0 when it fails)."""
    try:
        data = path.read_bytes()
    except OSError:
        raise ConversionError(_("{source}: LibreOffice made no PDF").format(source=source.name)) from None
    flaw = pdf_flaw(data)
    if flaw == "not a PDF":
        raise ConversionError(_("{source}: LibreOffice wrote something that is not a PDF").format(source=source.name))
    if flaw:
        raise ConversionError(_("{source}: LibreOffice wrote an incomplete PDF ({flaw})")
                              .format(source=source.name, flaw=flaw))


# -- what a LibreOffice leaves behind ---------------------------------------------------
_FOLDER = re.compile(r"vbdocs-lo-(\d+)-")


def pipe_files(pipe: str, profile: str) -> list[Path]:
    """The named pipes a LibreOffice started with ``--accept=pipe,name=<pipe>`` and the
    profile URL ``profile`` makes, and leaves when it is killed.

    LibreOffice puts them in /tmp (/var/tmp if /tmp is not writable) whatever TMPDIR
    says, named ``OSL_PIPE_<uid>_<name>``: the pipe it accepts on, and its
    single-instance pipe, named after an MD5 of the profile URL in UTF-16, in hex
    digits without leading zeros (``desktop/source/app/officeipcthread.cxx``).
    """
    base = next((folder for folder in ("/tmp", "/var/tmp") if os.access(folder, os.W_OK)), None)
    if base is None:
        return []
    digest = hashlib.md5(profile.encode("utf-16-le"), usedforsecurity=False).digest()
    single = "SingleOfficeIPC_" + "".join(f"{byte:x}" for byte in digest)
    return [Path(base, f"OSL_PIPE_{os.getuid()}_{name}") for name in (pipe, single)]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned() -> None:
    """Remove the folders (and pipe files) of converters whose vbdocs died, when their
    bridge could not (it was killed too)."""
    with contextlib.suppress(OSError), os.scandir(tempfile.gettempdir()) as entries:
        for entry in entries:
            owner = _FOLDER.match(entry.name)
            if (owner and entry.is_dir(follow_symlinks=False) and entry.stat().st_uid == os.getuid()
                    and not _running(int(owner[1]))):
                for path in pipe_files(entry.name, (Path(entry.path) / "profile").as_uri()):
                    path.unlink(missing_ok=True)
                shutil.rmtree(entry.path, ignore_errors=True)


def _ended(proc: subprocess.Popen[bytes]) -> str:
    code = proc.returncode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return _("was killed by {signal}").format(signal=signal.Signals(-code).name)
    return _("exited with code {code}").format(code=code)


def _last_line(log: Path) -> str:
    """The last line a process wrote into ``log``, to quote in a message."""
    try:
        with log.open("rb") as handle:
            handle.seek(max(0, log.stat().st_size - 4096))
            lines = handle.read().decode(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return f": {lines[-1].strip()[:300]}" if lines else ""


class Converter:
    """One LibreOffice, converting documents one after another.

    Use it as a context manager; it starts LibreOffice on the first conversion and
    stops it (and removes its folder) on exit. ``start_timeout`` bounds the wait for a
    LibreOffice that neither answers nor exits (default: ``timeout``, at least 30 s:
    its first start makes a profile); one that exits is reported at once.
    """

    def __init__(self, *, timeout: float = 60.0, persistent: bool | None = None,
                 start_timeout: float | None = None) -> None:
        self.timeout = timeout
        self.start_timeout = start_timeout
        self._python = uno_python() if persistent is not False else None
        if persistent and self._python is None:
            raise ConversionError(_("LibreOffice's Python bridge is not installed (Debian: python3-uno)"))
        remove_abandoned()
        self._folder = Path(tempfile.mkdtemp(prefix=f"vbdocs-lo-{os.getpid()}-"))
        self._profile = (self._folder / "profile").as_uri()
        self._pipe = self._folder.name
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
        self._stop(closing=True)
        shutil.rmtree(self._folder, ignore_errors=True)

    def scratch(self) -> tempfile.TemporaryDirectory[str]:
        """A temporary folder inside the converter's own, for one document's files."""
        return tempfile.TemporaryDirectory(prefix="vbdocs-pdf-", dir=self._folder)

    def convert(self, docx: Path, pdf: Path) -> None:
        """Convert one .docx into ``pdf``; raise ConversionError if no whole PDF came of it."""
        pdf.unlink(missing_ok=True)
        try:
            if self.persistent:
                self._convert_persistent(docx.resolve(), pdf.resolve())
            else:
                self._convert_once(docx.resolve(), pdf.resolve())
            check_pdf(pdf, docx)
        except ConversionError:
            pdf.unlink(missing_ok=True)  # no half PDF where the caller looks for one
            raise

    def _office_env(self) -> dict[str, str]:
        """LibreOffice's environment: its temporary files and its home (where dconf and
        the desktop libraries write ``.config`` and ``.cache``) in the converter's folder,
        so nothing is left in the user's; and UTC, since it writes its time zone into
        the PDF (``+14'00'`` or ``Z``)."""
        tmp = self._folder / "tmp"
        home = self._folder / "home"
        tmp.mkdir(exist_ok=True)
        home.mkdir(exist_ok=True)
        return {**os.environ, "TZ": "UTC", "TMPDIR": str(tmp), **_home_in(home)}

    # -- one LibreOffice for many documents -------------------------------------
    def _start(self) -> subprocess.Popen[str]:
        if self._bridge is not None and self._bridge.poll() is None and self._office is not None \
                and self._office.poll() is None:
            return self._bridge
        self._stop()
        program, env = soffice(), self._office_env()
        seconds = self.start_timeout if self.start_timeout is not None else max(self.timeout, 30.0)
        with (self._folder / "office.log").open("ab") as log:
            self._office = subprocess.Popen(
                [program, f"-env:UserInstallation={self._profile}", "--headless", "--invisible", "--norestore",
                 "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={self._pipe};urp;"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, env=env,
            )
        assert self._python is not None
        with (self._folder / "bridge.log").open("ab") as log:
            self._bridge = subprocess.Popen(
                [self._python, "-u", str(BRIDGE), self._pipe, str(seconds), str(self._office.pid), str(self._folder),
                 *map(str, pipe_files(self._pipe, self._profile))],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True, env=env,
            )
        ready = self._read(seconds)
        if ready and ready.get("ready"):
            return self._bridge
        if self._office.poll() is not None:
            said = _last_line(self._folder / "office.log")
            reason = _("LibreOffice ({program}) {ended} as it started").format(
                program=program, ended=_ended(self._office)) + said
        elif self._bridge.poll() is not None and not ready:
            said = _last_line(self._folder / "bridge.log")
            reason = _("LibreOffice's Python bridge ({python}) stopped").format(python=self._python) + said
        elif ready:
            reason = _("LibreOffice did not start: {error}").format(error=ready.get("error"))
        else:
            reason = f"LibreOffice ({program}) did not answer within {seconds:g} s of its start"
        self._stop()
        raise ConversionError(reason)

    def _read(self, timeout: float) -> dict[str, object] | None:
        """The bridge's next answer; None after ``timeout`` seconds, or at once when the
        bridge or its LibreOffice has ended."""
        assert self._bridge is not None and self._bridge.stdout is not None and self._office is not None
        end = time.monotonic() + timeout
        with selectors.DefaultSelector() as selector:
            selector.register(self._bridge.stdout, selectors.EVENT_READ)
            while not selector.select(max(0.0, min(POLL, end - time.monotonic()))):
                if self._office.poll() is not None or time.monotonic() >= end:
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
            raise ConversionError(_("{docx}: LibreOffice stopped").format(docx=docx.name)) from None
        answer = self._read(self.timeout)
        office = self._office
        assert office is not None
        if answer is None or (not answer.get("ok") and office.poll() is not None):
            died = office.poll() is not None
            self._stop()  # hung or died: the next document gets a fresh LibreOffice
            if died:
                raise ConversionError(_("{docx}: LibreOffice {ended} while converting it; the next document "
                                        "starts a new one").format(docx=docx.name, ended=_ended(office)))
            raise ConversionError(_("{docx}: no PDF within {timeout:g} s; LibreOffice was restarted")
                                  .format(docx=docx.name, timeout=self.timeout))
        if not answer.get("ok"):
            raise ConversionError(_("{docx}: {error}").format(docx=docx.name, error=answer.get("error")))

    def _stop(self, *, closing: bool = False) -> None:
        """Stop LibreOffice and its bridge, and remove the pipe files they leave; and the
        folder when ``closing`` (the bridge removes it unless told of a restart)."""
        bridge, office = self._bridge, self._office
        self._bridge = self._office = None
        if bridge is not None:
            assert bridge.stdin is not None and bridge.stdout is not None
            if not closing:
                with contextlib.suppress(OSError):
                    bridge.stdin.write(json.dumps({"restart": True}) + "\n")
            with contextlib.suppress(OSError):
                bridge.stdin.close()  # the bridge then ends its LibreOffice and waits until it is gone
            try:
                bridge.wait(5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(bridge.pid, signal.SIGKILL)
                bridge.wait()
            bridge.stdout.close()
        if office is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(office.pid, signal.SIGKILL)  # its group: soffice.bin is a child of oosplash
            office.wait()
        for path in pipe_files(self._pipe, self._profile):
            path.unlink(missing_ok=True)

    # -- one LibreOffice per document (no bridge) -----------------------------------
    def _convert_once(self, docx: Path, pdf: Path) -> None:
        with self.scratch() as out:
            office = subprocess.Popen(
                [soffice(), f"-env:UserInstallation={self._profile}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", out, str(docx)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True, env=self._office_env(),
            )
            try:
                office.wait(self.timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(office.pid, signal.SIGKILL)
                office.wait()
                for path in pipe_files(self._pipe, self._profile):
                    path.unlink(missing_ok=True)
                raise ConversionError(_("{docx}: no PDF within {timeout:g} s")
                                      .format(docx=docx.name, timeout=self.timeout)) from None
            made = Path(out) / (docx.stem + ".pdf")
            if made.exists():
                shutil.move(made, pdf)
            elif office.returncode != 0:
                raise ConversionError(_("{docx}: LibreOffice {ended} and made no PDF")
                                      .format(docx=docx.name, ended=_ended(office)))


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
        with local.converter.scratch() as folder:
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
            results = list(pool.map(one, enumerate(documents)))
    finally:
        for converter in converters:
            converter.close()
    for (name, _docx), (pdf_bytes, _png) in zip(documents, results, strict=True):
        substituted = substituted_typeface(pdf_bytes)
        if substituted:
            warnings.warn(VbdocsWarning(Problem(
                name.removesuffix(".docx") + ".pdf", 0, 0, "",
                _("Times New Roman, the typeface of Decree 30 (PL I, I.4), is not installed for LibreOffice: the "
                  "PDFs are set in {font}, which has its widths but other letterforms; install Times New Roman "
                  "(see the README) before they go out").format(font=substituted), "pdf.typeface",
            )), stacklevel=2)
            break  # said once for the whole set: it is the machine, not a document
    return results


def to_pdf(docx: bytes, *, timeout: float = 60.0) -> bytes:
    """The PDF of one .docx given as bytes, as :func:`convert_all` makes a set's.

    The date written into the PDF is the document's own (its core properties' creation date,
    which vbdocs sets reproducibly), so the same .docx gives the same PDF, the one ``vbdocs
    build --format pdf`` writes; a .docx without one gets the time of the conversion.

    Raises:
        ConversionError: the bytes are not a .docx, or LibreOffice made no whole PDF of it.
    """
    from .i18n import _
    from .ooxml import PackageError, check_package

    try:
        check_package(docx)
    except PackageError as exc:
        raise ConversionError(_("the bytes given are not a .docx ({reason})").format(reason=exc)) from None
    when = _created(docx) or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    [(pdf, _preview)] = convert_all([("document.docx", docx)], timeout=timeout, when=when)
    return pdf


_CORE = "docProps/core.xml"
_DCTERMS = "{http://purl.org/dc/terms/}"


def _created(docx: bytes) -> dt.datetime | None:
    """When a .docx says it was created (UTC, as its core properties write it), if it says."""
    from .ooxml import parse_xml, read_parts

    part = read_parts(docx, wanted=lambda name: name == _CORE).get(_CORE)
    if part is None:
        return None
    found = parse_xml(part, _CORE).find(f"{_DCTERMS}created")
    try:
        when = dt.datetime.fromisoformat(str(found.text).strip()) if found is not None else None
    except ValueError:
        return None
    if when is not None and when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


#: Serif typefaces LibreOffice sets in place of Times New Roman, by their PDF font names.
_STAND_INS = {"LiberationSerif": "Liberation Serif", "DejaVuSerif": "DejaVu Serif", "FreeSerif": "FreeSerif",
              "TeXGyreTermes": "TeX Gyre Termes", "NimbusRoman": "Nimbus Roman"}
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9,-]+)")


def substituted_typeface(pdf: bytes) -> str | None:
    """The serif typeface embedded in place of Times New Roman, or None when the PDF has
    Times New Roman (or no serif text to judge by)."""
    fonts = {name.decode("ascii", "replace").replace(",", "").replace("-", "") for name in _BASE_FONT.findall(pdf)}
    if any(f.startswith("TimesNewRoman") for f in fonts):
        return None
    return next((shown for family, shown in _STAND_INS.items() if any(f.startswith(family) for f in fonts)), None)


def preview(pdf: Path, png: Path, *, dpi: int = 60) -> None:
    """A PNG of the first page of ``pdf`` (poppler's pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ConversionError(_("pdftoppm is not installed (Debian: apt-get install poppler-utils)"))
    stem = png.with_suffix("")
    result = subprocess.run([tool, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                            capture_output=True, timeout=60, check=False)
    if result.returncode != 0 or not png.exists():
        raise ConversionError(_("{pdf}: no preview ({reason})")
                              .format(pdf=pdf.name, reason=result.stderr.decode(errors="replace").strip()))
