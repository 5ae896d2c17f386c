"""A headless Chromium driven over the Chrome DevTools Protocol, through the pipe Chromium opens
with ``--remote-debugging-pipe`` (file descriptors 3 and 4, messages ended by NUL): the standard
library is enough, no websocket client or browser driver."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any


def chromium() -> str | None:
    """The Chromium command, if the machine has one."""
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


_MOVE = """import os, sys
os.dup2(int(sys.argv[1]), 3)
os.dup2(int(sys.argv[2]), 4)
os.close(int(sys.argv[1]))
os.close(int(sys.argv[2]))
os.execv(sys.argv[3], sys.argv[3:])
"""


def _high(fd: int) -> int:
    """``fd`` moved to a number of 10 or more."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium with one tab; a context manager that ends it."""

    def __init__(self, profile: Path, *, width: int = 1000, height: int = 1400) -> None:
        program = chromium()
        assert program, "Chromium is not installed"
        commands, to_chromium = os.pipe()
        from_chromium, answers = os.pipe()
        # Chromium reads commands on its fd 3 and writes answers on its fd 4: a Python puts them
        # there, from numbers of 10 or more (which cannot be 3 or 4 themselves), and becomes Chromium.
        commands, answers = (_high(fd) for fd in (commands, answers))
        self._process = subprocess.Popen(
            [sys.executable, "-c", _MOVE, str(commands), str(answers), program, "--headless", "--no-sandbox",
             "--disable-gpu", "--no-first-run", "--remote-debugging-pipe", f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "--hide-scrollbars", "about:blank"],
            pass_fds=(commands, answers), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )
        os.close(commands)
        os.close(answers)
        self._writer, self._reader = to_chromium, from_chromium
        self._buffer = b""
        self._id = 0
        self._session: str | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", page=False, timeout=5)
        for fd in (self._writer, self._reader):
            with contextlib.suppress(OSError):
                os.close(fd)
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()

    def send(self, method: str, params: dict[str, Any] | None = None, *, timeout: float = 30.0,
             page: bool = True) -> dict[str, Any]:
        """Send one command (to the tab unless ``page`` is False) and return its result."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if page and self._session:
            message["sessionId"] = self._session
        os.write(self._writer, json.dumps(message).encode() + b"\0")
        end = time.monotonic() + timeout
        while True:
            answer = self._next(end)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result

    def _next(self, end: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self._reader], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._reader, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its pipe")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(line)
        return parsed

    def open(self, url: str) -> None:
        """Open ``url`` in a new tab, which the next commands go to."""
        target = self.send("Target.createTarget", {"url": url}, page=False)["targetId"]
        self._session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                  page=False)["sessionId"]

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the tab."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 60.0) -> float:
        """Wait until ``expression`` is true in the tab (an exception counts as false: the page
        may not be there yet); the seconds it took."""
        start = time.monotonic()
        while not self.evaluate(f"(() => {{ try {{ return !!({expression}); }} catch {{ return false; }} }})()"):
            if time.monotonic() - start > timeout:
                raise TimeoutError(f"not true after {timeout:g} s: {expression}")
            time.sleep(0.02)
        return time.monotonic() - start

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page (beyond the window)."""
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        path.write_bytes(base64.b64decode(data))
