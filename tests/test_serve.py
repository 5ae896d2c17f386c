"""``vbdocs serve``: a live preview, looked at in a real headless Chromium.

The server runs as a user runs it (the command, in a process of its own, with a temporary folder
of its own to prove it leaves nothing there); the browser keeps one tab open through every save,
so that each change shown is the page updating itself.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import Browser, chromium
from tests.conftest import ROOT, edit_once

EXAMPLE = ROOT / "examples" / "documents" / "ubnd-tinh"
SERVE = [sys.executable, "-m", "vbdocs.cli", "serve"]

needs_programs = not (shutil.which("soffice") and shutil.which("pdftoppm") and chromium())
if needs_programs and os.environ.get("CI"):
    raise RuntimeError("CI must have LibreOffice, poppler-utils and Chromium: scripts/system-deps.sh installs them")
browser_test = pytest.mark.skipif(needs_programs, reason="LibreOffice, poppler-utils or Chromium not installed")


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return env | {"LANG": "C.UTF-8", "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    temporary: Path

    def stop(self, sig: signal.Signals = signal.SIGINT) -> tuple[int, str]:
        """Stop it as Ctrl-C (or ``sig``) does; its exit code and what it wrote on stderr."""
        self.process.send_signal(sig)
        try:
            _, stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        return self.process.returncode, stderr


def _start(folder: Path, *args: str) -> Server:
    temporary = folder / "tmp"
    temporary.mkdir()
    process = subprocess.Popen([*SERVE, "quyet-dinh.yaml", "--port", "0", *args], cwd=folder, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environment(temporary))
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)
    line = process.stdout.readline() if ready else ""
    found = re.search(r"at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)", line)
    if not found:
        process.kill()
        raise AssertionError(f"no address: {line!r} {process.communicate()[1]}")
    return Server(process, found[1], temporary)


@pytest.fixture
def document(tmp_path: Path) -> Path:
    """A copy of a one-document file (a Quyết định of two pages) and its units file."""
    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("quyet-dinh.yaml", "units.yaml"):
        shutil.copy(EXAMPLE / name, folder / name)
    return folder


@pytest.fixture
def server(document: Path) -> Iterator[Server]:
    (document / "templates").mkdir()
    running = _start(document, "-t", "templates")
    yield running
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


def _offices_of(folder: Path) -> list[str]:
    """Command lines of the processes that work in ``folder`` (LibreOffice's profile is there)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(folder) in command:
            found.append(command)
    return found


#: What the page shows: the state it marks on <body>, its sections, every picture and how it loaded.
SHOWN = """JSON.stringify({
  status: document.body.dataset.status, updates: Number(document.body.dataset.updates),
  version: document.body.dataset.version, probe: window.probe || null,
  documents: Array.from(document.querySelectorAll('section.document')).map(s => ({
    name: s.querySelector('h2').textContent, facts: s.querySelector('.facts').textContent,
    stale: s.classList.contains('stale')})),
  problems: Array.from(document.querySelectorAll('section.problems li')).map(li => li.textContent),
  images: Array.from(document.images).map(img => ({src: img.getAttribute('src'), complete: img.complete,
    width: img.naturalWidth, height: img.naturalHeight})),
})"""


def _shown(browser: Browser) -> dict[str, object]:
    import json

    shown: dict[str, object] = json.loads(browser.evaluate(SHOWN))
    return shown


def _timed_edit(browser: Browser, path: Path, old: str, new: str, until: str) -> tuple[int, float]:
    """Save an edit of ``path`` and wait until the page shows ``until``: the edit's line, and the
    seconds from the save to the page showing it."""
    line = edit_once(path, old, new)
    return line, browser.wait_for(until, timeout=90)


READY = "document.body.dataset.status === 'ready'"
PROBLEMS = "document.body.dataset.status === 'problems'"


@browser_test
def test_the_page_shows_every_page_and_follows_each_save(server: Server, document: Path, tmp_path: Path) -> None:
    source = document / "quyet-dinh.yaml"
    timings: dict[str, float] = {}
    with Browser(tmp_path / "chromium") as browser:
        browser.open(server.url)
        timings["first build"] = browser.wait_for(READY, timeout=120)
        first = _shown(browser)
        assert first["documents"] == [{"name": "quyet-dinh.docx", "facts": "Quyết định · document · pages: 2",
                                       "stale": False}]
        images = first["images"]
        assert isinstance(images, list) and len(images) == 2
        assert all(i["complete"] and i["width"] == 794 and i["height"] == 1123 for i in images), images
        assert len({i["src"] for i in images}) == 2, "a picture for each page"
        assert first["problems"] == []
        base = first["updates"]  # 1 if the page was opened before the first build was done, else 0
        browser.screenshot(tmp_path / "1-pages.png")
        browser.evaluate("window.probe = 'the same page'")

        # A burst of saves (as a script or an editor makes them) is one rebuild, which shows the errors.
        original = source.read_text(encoding="utf-8")
        broken = original.replace("\n  subject: ", "\n  subjekt: ", 1)
        for _ in range(5):
            source.write_text(broken, encoding="utf-8")
        timings["an error shown"] = browser.wait_for(PROBLEMS)
        line = original[: original.index("\n  subject: ")].count("\n") + 2
        time.sleep(1.0)  # time for a second rebuild, if the burst had made one
        wrong = _shown(browser)
        assert wrong["problems"] == [
            f"quyet-dinh.yaml:{line}:3: document.subjekt: unknown key 'subjekt' (did you mean 'subject'?)"]
        assert wrong["probe"] == "the same page" and wrong["updates"] == base + 1, "updated in place, once"
        assert wrong["documents"] == [{**first["documents"][0], "stale": True}], "the last good pages stay below"
        assert [i["src"] for i in wrong["images"]] == [i["src"] for i in images]
        browser.screenshot(tmp_path / "2-error.png")

        source.write_text(original, encoding="utf-8")
        timings["fixed"] = browser.wait_for(READY)
        fixed = _shown(browser)
        assert fixed["problems"] == [] and fixed["documents"] == first["documents"]
        assert fixed["images"] == images and fixed["probe"] == "the same page" and fixed["updates"] == base + 2

        # The units file is followed too.
        units = document / "units.yaml"
        units_line, timings["an error of the units file"] = _timed_edit(
            browser, units, "\nagency:\n", "\nagencyy:\n", PROBLEMS)
        assert any(p.startswith(f"units.yaml:{units_line + 1}:1: agencyy: unknown key 'agencyy'")
                   for p in _shown(browser)["problems"]), _shown(browser)["problems"]
        _timed_edit(browser, units, "\nagencyy:\n", "\nagency:\n", READY)

        # And the template folder: a template that is no .docx is an error, its removal mends it.
        template = document / "templates" / "document.docx"
        template.write_bytes(b"not a docx")
        browser.wait_for(PROBLEMS)
        assert any("document.docx" in p for p in _shown(browser)["problems"]), _shown(browser)["problems"]
        template.unlink()
        browser.wait_for(READY)

        # A change of the text: the document is converted again and its new pages shown.
        _, timings["new text shown"] = _timed_edit(
            browser, source, "Về việc thành lập Tổ công tác", "Về việc thành lập Tổ công tác chỉ đạo",
            f"{READY} && !Array.from(document.images).some(i => i.getAttribute('src') === {images[0]['src']!r})")
        changed = _shown(browser)
        assert len(changed["images"]) == 2 and all(i["width"] == 794 for i in changed["images"])
        assert changed["probe"] == "the same page" and changed["updates"] == base + 7
        assert "converted: 1," in browser.evaluate("document.querySelector('.summary').textContent")
        browser.screenshot(tmp_path / "3-changed.png")

        # Undone, the pages are those pictured before: nothing is converted again.
        edit_once(source, "Về việc thành lập Tổ công tác chỉ đạo", "Về việc thành lập Tổ công tác")
        browser.wait_for(f"{READY} && document.images[0].getAttribute('src') === {images[0]['src']!r}")
        assert "converted: 0," in browser.evaluate("document.querySelector('.summary').textContent")
    # the pictures of the pages it no longer shows are gone from its folder
    code, stderr = server.stop()
    assert code == 0, stderr
    assert "vbdocs serve stopped" in stderr
    assert list(server.temporary.iterdir()) == [], "its temporary folders are removed"
    assert _offices_of(server.temporary) == [], "no LibreOffice left running"
    print("seconds from the save to the page showing it:", {k: round(v, 2) for k, v in timings.items()})


@browser_test
def test_sigterm_stops_it_cleanly_too(document: Path) -> None:
    running = _start(document)
    with urllib.request.urlopen(running.url, timeout=10) as answer:
        assert answer.status == 200
    deadline = time.monotonic() + 120
    while _fetch(running.url + "content").find('class="document"') < 0:
        assert time.monotonic() < deadline, "no document"
        time.sleep(0.2)
    assert _offices_of(running.temporary), "LibreOffice works in the server's temporary folder"
    code, stderr = running.stop(signal.SIGTERM)
    assert code == 0, stderr
    assert list(running.temporary.iterdir()) == [] and _offices_of(running.temporary) == []


def _fetch(url: str, host: str | None = None) -> str:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return str(answer.read().decode())


def test_the_page_loads_nothing_from_elsewhere_and_answers_only_its_own_names(document: Path) -> None:
    running = _start(document)
    try:
        with urllib.request.urlopen(running.url, timeout=10) as answer:
            policy = answer.headers["Content-Security-Policy"]
            page = answer.read().decode()
        assert "default-src 'none'" in policy and "img-src 'self'" in policy
        assert not re.search(r"""(src|href)\s*=\s*["']?[a-z]+:""", page), "every resource is the server's own"
        port = running.url.rsplit(":", 1)[1].strip("/")
        for own in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost"):
            assert "<main" in _fetch(running.url, host=own), own
        with pytest.raises(urllib.error.HTTPError) as refused:
            _fetch(running.url, host=f"attacker.example:{port}")
        assert refused.value.code == 403
        refused.value.close()
    finally:
        running.stop()


def test_a_missing_file_or_template_folder_is_an_error_at_once(document: Path) -> None:
    missing = subprocess.run([*SERVE, "nothing.yaml", "--port", "0"], cwd=document, capture_output=True, text=True,
                             env=_environment(document), timeout=60)
    assert missing.returncode == 2 and missing.stderr.strip() == "nothing.yaml: the file does not exist"
    no_folder = subprocess.run([*SERVE, "quyet-dinh.yaml", "--port", "0", "-t", "mine"], cwd=document,
                               capture_output=True, text=True, env=_environment(document), timeout=60)
    assert no_folder.returncode == 2 and no_folder.stderr.strip() == "the template folder mine does not exist"


def test_a_port_taken_is_an_error(document: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([*SERVE, "quyet-dinh.yaml", "--port", str(port)], cwd=document,
                                capture_output=True, text=True, env=_environment(document), timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == f"cannot listen on 127.0.0.1:{port}: Address already in use"


def test_without_watchfiles_it_says_how_to_install_it(document: Path) -> None:
    code = "import sys; sys.modules['watchfiles'] = None; from vbdocs.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "serve", "quyet-dinh.yaml"], cwd=document,
                            capture_output=True, text=True, env=_environment(document), timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "vbdocs serve needs the watchfiles package: pip install 'vbdocs[serve]'"


def test_what_it_follows(document: Path) -> None:
    """The source, the YAML files beside it until it names its units file, then that file, and the
    templates of the -t folders (not Word's lock files): a change of anything else rebuilds nothing."""
    from vbdocs.preview.session import Preview

    (document / "templates").mkdir()
    preview = Preview(document / "quyet-dinh.yaml", [document / "templates"], cameras=None)  # type: ignore[arg-type]
    assert preview.folders() == (document.resolve(), (document / "templates").resolve())
    follows = preview.concerns
    assert follows(document / "quyet-dinh.yaml") and follows(document / "units.yaml") and follows(document / "x.yml")
    assert follows(document / "templates" / "document.docx")
    assert not follows(document / "templates" / "~$document.docx") and not follows(document / "templates" / "a.txt")
    assert not follows(document / ".quyet-dinh.yaml.swp") and not follows(document / "quyet-dinh.yaml~")
    assert not follows(document / "tmp" / "quyet-dinh.yaml")
    preview._units = document / "units.yaml"  # as a rebuild that read the file learns it
    assert follows(document / "units.yaml") and not follows(document / "other.yaml")
