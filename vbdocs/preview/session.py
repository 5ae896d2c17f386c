"""What the preview shows and what it follows: the documents of a campaign or document file as
pictures of their pages, rebuilt from the files as they are saved, or the located problems that
stopped the last rebuild (with the last good pictures kept under them).

A :class:`Preview` is rebuilt by one thread (the one that watches the files) and read by the web
server's threads, which wait on it for the next change.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, VbdocsError, VbdocsWarning
from ..i18n import _
from .pictures import PageCameras, Pictures

#: Files of a template folder that are no templates: Word's lock files, hidden and backup files.
_NOT_TEMPLATES = ("~$", ".")


@dataclass(frozen=True)
class ShownDocument:
    """One document of the set, as the page shows it."""

    name: str
    """Its file's name in the set ("quyet-dinh.docx")."""
    kind: str
    type_name: str | None
    unit: str | None
    deadline: dt.date | None
    pictures: Pictures


@dataclass(frozen=True)
class Build:
    """The outcome of a rebuild: the documents of the last good one, and this one's problems."""

    number: int
    """1 for the first rebuild; 0 before it has finished."""
    documents: tuple[ShownDocument, ...] = ()
    problems: tuple[str, ...] = ()
    """Located problems (``file:line:col: field: message``) that stopped this rebuild; then
    ``documents`` are those of the last rebuild that had none."""
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    finished: dt.datetime | None = None
    converted: int = 0
    """Documents this rebuild converted; the others had not changed since the pictures shown
    now or before them."""


class Preview:
    """The preview of ``source`` (a campaign or document file) with the templates of
    ``templates`` (folders searched before the built-in ones)."""

    def __init__(self, source: Path, templates: Sequence[Path], cameras: PageCameras) -> None:
        from ..rendering import TemplateSearchPath

        self.source = source
        self.templates = TemplateSearchPath(tuple(templates))  # a folder that is not there: TemplateError now
        self._cameras = cameras
        self._units: Path | None = None
        self._changed = threading.Condition()
        self._build = Build(0)
        self._building = False
        self._closed = False
        self._session = secrets.token_hex(4)  # a page from an earlier `vbdocs serve` sees a new version

    # -- what is shown ------------------------------------------------------------------
    @property
    def build(self) -> Build:
        with self._changed:
            return self._build

    def shown(self) -> tuple[Build, str]:
        """The build shown now and its version, a name that changes with every rebuild (and
        from one ``vbdocs serve`` to the next)."""
        with self._changed:
            return self._build, f"{self._session}-{self._build.number}"

    def _signal(self) -> str:
        return json.dumps({"version": f"{self._session}-{self._build.number}", "building": self._building})

    def wait(self, seen: str | None, timeout: float) -> str | None:
        """The state as a JSON line (``{"version": …, "building": …}``) once it is not ``seen``,
        or after ``timeout`` seconds; None when the preview is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._signal() != seen, timeout)
            return None if self._closed else self._signal()

    def close(self) -> None:
        """Tell every waiting reader that the preview ends."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def picture(self, name: str) -> Path | None:
        return self._cameras.path(name)

    # -- what is followed -------------------------------------------------------------------
    def folders(self) -> tuple[Path, ...]:
        """The folders to watch: the source's, the units file's and the template folders."""
        found = [self.source.resolve().parent]
        if self._units is not None:
            found.append(self._units.resolve().parent)
        found += [folder.resolve() for folder in self.templates.folders]
        return tuple(dict.fromkeys(found))

    def concerns(self, path: Path) -> bool:
        """Whether a change of ``path`` changes the documents: the source, the units file
        (before it is known, any YAML file beside the source), a template."""
        path = path.resolve()
        if path == self.source.resolve() or (self._units is not None and path == self._units.resolve()):
            return True
        if self._units is None and path.parent == self.source.resolve().parent and path.suffix in (".yaml", ".yml"):
            return True
        return any(path.parent == folder.resolve() for folder in self.templates.folders) \
            and path.suffix == ".docx" and not path.name.startswith(_NOT_TEMPLATES)

    # -- rebuilding -------------------------------------------------------------------------
    def rebuild(self) -> Build:
        """Read the files again and make the pictures of every page of every document; the
        problems that stop it are kept to be shown, located, with the last good pictures."""
        with self._changed:
            self._building = True
            self._changed.notify_all()
        start, conversions = time.monotonic(), self._cameras.conversions
        documents: tuple[ShownDocument, ...] | None = None
        problems: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", VbdocsWarning)
            try:
                documents = self._documents()
            except ConfigError as exc:
                problems = [str(problem) for problem in exc.problems]
            except VbdocsError as exc:  # a template that does not fit, a document LibreOffice cannot convert
                problems = str(exc).splitlines()
        shown = [str(w.message) for w in caught if issubclass(w.category, VbdocsWarning)]
        shown += self._typeface_warning(documents or ())
        with self._changed:
            previous = self._build
            if documents is not None:  # the pictures of this build and the last good one (an undo is quick)
                self._cameras.keep_only(d.pictures for d in (*documents, *previous.documents))
            self._build = Build(previous.number + 1, previous.documents if documents is None else documents,
                                tuple(problems), tuple(dict.fromkeys(shown)), time.monotonic() - start,
                                dt.datetime.now().astimezone(), self._cameras.conversions - conversions)
            self._building = False
            self._changed.notify_all()
            return self._build

    def _documents(self) -> tuple[ShownDocument, ...]:
        from ..api import load
        from ..documents.registry import set_specs
        from ..workers import render_specs

        config = load(self.source)
        self._units = config.units_path
        specs = set_specs(config)
        rendered = render_specs(config, specs, templates=self.templates)
        return tuple(
            ShownDocument(spec.entry.filename, spec.entry.kind, spec.entry.type_name, spec.entry.unit,
                          spec.entry.deadline, self._cameras.pictures(spec.entry.filename, data))
            for spec, data in zip(specs, rendered, strict=True)
        )

    def _typeface_warning(self, documents: Sequence[ShownDocument]) -> list[str]:
        face = next((d.pictures.substituted for d in documents if d.pictures.substituted), None)
        if face is None:
            return []
        return [_("Times New Roman, the typeface of Decree 30 (PL I, I.4), is not installed for "
                  "LibreOffice: the pages are set in {face}, which has its widths but other letterforms")
                .format(face=face)]
