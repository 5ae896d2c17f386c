"""Runs under the Python that has LibreOffice's ``uno`` module (Debian: python3-uno).

Started by ``vbdocs.pdf`` for one soffice process that vbdocs started, in a process
group of its own: connects to it over a named pipe and converts .docx to PDF on
request, one JSON line in, one JSON line out. It imports nothing from vbdocs
(another interpreter).

Its standard input is also its tie to vbdocs: when it closes, because the converter
closes or because vbdocs died (even by SIGKILL), the bridge ends that soffice and
everything it started, and removes the named pipes soffice makes in /tmp and the
converter's folder (profile and all). Only when vbdocs said ``{"restart": true}``
first (a hung or dead soffice is replaced) does the folder stay. If soffice ends
before it answers, the bridge gives up at once instead of waiting out its time.

Usage: _uno_bridge.py PIPE SECONDS OFFICE_PID FOLDER [PIPE_FILE ...]
"""

import contextlib
import json
import os
import queue
import shutil
import signal
import sys
import threading
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


class OfficeGone(Exception):
    """soffice ended before it answered."""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _stat(pid):
    """State and process group of ``pid`` from /proc, or None when it has no entry."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[2])


def running(pid):
    """Whether process ``pid`` runs (a zombie has ended: only its parent's wait is missing)."""
    if os.path.isdir("/proc/self"):
        stat = _stat(pid)
        return stat is not None and stat[0] != b"Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def group_running(group):
    """Whether a process of process group ``group`` still runs."""
    if not os.path.isdir("/proc/self"):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for name in os.listdir("/proc"):
        if name.isdigit():
            stat = _stat(name)
            if stat is not None and stat[1] == group and stat[0] != b"Z":
                return True
    return False


def end_office(office, folder, pipe_files, restart):
    """Kill soffice and its children (its process group), wait until they are gone, and
    remove what they leave: the pipe files, and the folder unless another soffice will use it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(office, signal.SIGKILL)
    end = time.monotonic() + 5
    while group_running(office) and time.monotonic() < end:
        time.sleep(0.02)
    for path in pipe_files:
        with contextlib.suppress(OSError):
            os.unlink(path)
    if not restart:
        shutil.rmtree(folder, ignore_errors=True)


def connect(pipe, seconds, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    end = time.monotonic() + seconds
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if not running(office):
                raise OfficeGone("LibreOffice ended before it answered") from None
            if time.monotonic() > end:
                raise
            time.sleep(0.05)


def convert(desktop, source, target):
    # Loading with the Word filter named: a file that is not a .docx fails here instead of
    # being opened as plain text.
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (
        prop("Hidden", True), prop("ReadOnly", True), prop("FilterName", "MS Word 2007 XML"),
    ))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        # bookmarks become named destinations: where vbdocs put each signature (wordml.SIGNATURE_BOOKMARK)
        settings = uno.Any("[]com.sun.star.beans.PropertyValue", (
            prop("EmbedStandardFonts", True), prop("ExportBookmarksToPDFDestination", True),
        ))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), (
            prop("FilterName", "writer_pdf_Export"), prop("FilterData", settings),
        )))
    finally:
        doc.close(True)


def serve(pipe, seconds, office, requests):
    try:
        desktop = connect(pipe, seconds, office)
    except Exception as exc:
        print(json.dumps({"ready": False, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
        return
    print(json.dumps({"ready": True}), flush=True)
    while True:
        request = json.loads(requests.get())
        try:
            convert(desktop, request["docx"], request["pdf"])
            print(json.dumps({"ok": True}), flush=True)
        except Exception as exc:  # every failure goes back to vbdocs as data
            print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), flush=True)


def main():
    pipe, seconds, office, folder, *pipe_files = sys.argv[1:]
    office = int(office)
    requests = queue.Queue()

    def watch():
        restart = False  # a vbdocs killed says nothing: then nobody else removes the folder
        for line in sys.stdin:
            if line.startswith('{"restart"'):
                restart = True
                break
            requests.put(line)
        end_office(office, folder, pipe_files, restart)
        os._exit(0)  # the main thread may be inside a call to the office it just killed

    watcher = threading.Thread(target=watch, name="stdin")
    watcher.start()
    try:
        serve(pipe, float(seconds), office, requests)
    finally:  # whatever happened (vbdocs gone mid-answer, say), the office ends when stdin closes
        watcher.join()


if __name__ == "__main__":
    main()
