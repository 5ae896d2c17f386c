"""``vbdocs serve``: the preview's web server, and the loop that rebuilds it as files are saved.

The server (the standard library's, in a thread) answers ``/`` (the page), ``/content`` (what the
page shows now), ``/events`` (a Server-Sent Events stream: a line at every change) and
``/pages/<picture>.png``. The files are followed with ``watchfiles``, which gathers a burst of
saves (an editor's temporary file, rename and chmod; a script's several writes) into one
change; what changes during a rebuild makes one more rebuild after it.

Everything lives in private temporary folders (the pictures', LibreOffice's), removed when the
preview ends, by Ctrl-C or SIGTERM: no LibreOffice, no folder is left behind.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import signal
import socket
import tempfile
import threading
import types
import urllib.parse
from collections.abc import Callable, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..errors import VbdocsError
from ..i18n import _
from .page import content, page
from .pictures import PageCameras
from .session import Build, Preview

#: Seconds between two keep-alive comments on an idle event stream.
KEEP_ALIVE = 15.0
#: Milliseconds watchfiles waits after a change for more before it reports them together, and
#: at most, while changes keep coming.
SETTLE_MS, GATHER_MS = 100, 1600
#: What the page may load: itself, its pictures and its events; nothing from the network.
_POLICY = ("default-src 'none'; img-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")


class PreviewError(VbdocsError):
    """The preview cannot start: a missing package, a port already taken."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    preview: Preview
    title: str
    local_only: bool


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.FORBIDDEN, b"", "text/plain")
            return
        route = self.path.split("?", 1)[0]
        preview = self.server.preview
        if route == "/":
            built, version = preview.shown()
            self._send(HTTPStatus.OK, page(built, version, self.server.title).encode(), "text/html; charset=utf-8")
        elif route == "/content":
            built, version = preview.shown()
            self._send(HTTPStatus.OK, content(built).encode(), "text/html; charset=utf-8",
                       {"X-Preview-Version": version})
        elif route == "/events":
            self._events()
        elif route.startswith("/pages/") and (path := preview.picture(route.removeprefix("/pages/"))):
            try:
                data = path.read_bytes()
            except OSError:  # removed by a rebuild since the page asked
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            self._send(HTTPStatus.OK, data, "image/png", {"Cache-Control": "max-age=31536000, immutable"})
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _host_allowed(self) -> bool:
        """A server on the loopback answers only to its own names, so that no web site can reach
        it by a name of its own that resolves here (DNS rebinding)."""
        if not self.server.local_only:
            return True
        try:
            host = urllib.parse.urlsplit("//" + (self.headers.get("Host") or "")).hostname
        except ValueError:
            return False
        return host is not None and _is_loopback(host)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", _POLICY)
        for name, value in {"Cache-Control": "no-store", **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen: str | None = None
        with contextlib.suppress(OSError):  # the page went away
            self.wfile.write(b"retry: 1000\n\n")
            while (news := self.server.preview.wait(seen, KEEP_ALIVE)) is not None:
                self.wfile.write(b": still here\n\n" if news == seen else f"data: {news}\n\n".encode())
                self.wfile.flush()
                seen = news

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal shows the rebuilds."""


def _interrupt(signum: int, frame: types.FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(
    source: str | Path,
    *,
    templates: Sequence[str | Path] = (),
    host: str = "127.0.0.1",
    port: int = 8000,
    ready: Callable[[str], None] | None = None,
    report: Callable[[Build], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Show the documents of ``source`` (a campaign or document file) in a web page at
    ``http://host:port/``, rebuilt whenever it, its units file or a template is saved, until
    Ctrl-C, SIGTERM or ``stop`` is set.

    Args:
        templates: folders searched for templates before the built-in ones (and watched).
        port: 0 for any free port.
        ready: called with the page's address once the server listens.
        report: called after each rebuild.

    Raises:
        PreviewError: watchfiles is not installed, or the server cannot listen there.
        ConfigError: ``source`` does not exist.
        TemplateError: a template folder does not exist.
    """
    try:
        import watchfiles
    except ImportError:
        raise PreviewError(_("vbdocs serve needs the watchfiles package: pip install 'vbdocs[serve]'")) from None
    from ..errors import ConfigError, Problem
    from ..pdf import Converter

    source = Path(source)
    if not source.is_file():
        raise ConfigError([Problem(str(source), 0, 0, "", _("the file does not exist"))])
    folder = Path(tempfile.mkdtemp(prefix="vbdocs-serve-"))
    previous = signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() \
        else None
    server: _Server | None = None
    preview: Preview | None = None
    try:
        with Converter() as converter:
            preview = Preview(source, [Path(t) for t in templates], PageCameras(folder, converter))
            try:
                server = (_Server6 if ":" in host else _Server)((host, port), _Handler)
            except OSError as exc:
                raise PreviewError(_("cannot listen on {host}:{port}: {reason}").format(
                    host=host, port=port, reason=exc.strerror or exc)) from None
            server.preview, server.title = preview, source.name
            server.local_only = _is_loopback(host)
            threading.Thread(target=server.serve_forever, name="vbdocs-serve", daemon=True).start()
            if ready:
                ready(_address(host, server.server_address[1]))
            built = preview.rebuild()
            if report:
                report(built)
            while stop is None or not stop.is_set():
                folders = preview.folders()
                for _changes in watchfiles.watch(
                    *folders, watch_filter=lambda change, path: preview is not None and preview.concerns(Path(path)),
                    recursive=False, step=SETTLE_MS, debounce=GATHER_MS, stop_event=stop,
                ):
                    built = preview.rebuild()
                    if report:
                        report(built)
                    if preview.folders() != folders:  # the units file moved to another folder
                        break
    except KeyboardInterrupt:
        pass
    finally:
        if preview is not None:
            preview.close()
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(folder, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _address(host: str, port: int) -> str:
    shown = "localhost" if host in ("", "0.0.0.0", "::") else host
    return f"http://[{shown}]:{port}/" if ":" in shown else f"http://{shown}:{port}/"
