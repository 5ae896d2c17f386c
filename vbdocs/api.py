"""The library's verbs; the command line calls these and nothing else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config, DocumentConfig
from .config import load as load_file
from .entry import Entry
from .errors import OutputError
from .i18n import _
from .kinds import names as kind_names
from .schema.common import code_key
from .selection import choose

CALENDAR = "deadlines.ics"
FORMATS = ("docx", "pdf")
"""The formats :func:`build` writes."""

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) as a build goes."""


@dataclass(frozen=True)
class BuiltDocument:
    """A file written by :func:`build`."""

    kind: str
    path: Path
    sha256: str
    unit: str | None = None
    period: str | None = None
    deadline: dt.date | None = None
    format: str = "docx"
    type: str | None = None
    """Tên loại as Điều 7 writes it ("Kế hoạch", "Công văn"), None for a file that is no văn bản."""


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` wrote: the files in manifest order, and the manifest."""

    documents: tuple[BuiltDocument, ...]
    manifest: Path
    written: tuple[Path, ...] = ()
    """The files this build wrote (a selection writes some of the set's files)."""


def load(path: str | Path) -> Config | DocumentConfig:
    """Read and validate a campaign file, or a document file (top-level ``document:``), and the
    units file it names.

    Raises:
        ConfigError: every problem of the files, each located.
    """
    return load_file(path)


def validate(path: str | Path) -> None:
    """Check a campaign or document file without writing anything; raise ConfigError if it is invalid."""
    from .documents.registry import set_specs

    config = load(path)
    for spec in set_specs(config):
        spec.build(config)


def build(
    campaign: str | Path,
    *,
    output: str | Path,
    templates: Sequence[str | Path] = (),
    only: Sequence[str] = (),
    units: Sequence[str] = (),
    jobs: int = 1,
    progress: Progress | None = None,
    formats: Sequence[str] = ("docx",),
    preview: bool = False,
    pdf_timeout: float = 60.0,
) -> BuildResult:
    """Build the campaign's document set into ``output`` with its ``manifest.json``.

    Args:
        campaign: the campaign YAML file.
        output: the folder to write into (created if missing).
        templates: folders searched for templates before the built-in ones.
        only: build only these kinds (``vbdocs.kinds.names()``, in any case); the rest of the set
            stays as it is.
        units: build only the forms of these units (codes, in any case and with ``-`` for ``_``, as
            the units file's codes are told apart); the rest stays as it is.
        jobs: processes rendering in parallel (and LibreOffices converting); the bytes
            are the same as with one.
        progress: called as documents are rendered.
        formats: "docx", "pdf" or both (in any case); PDFs come from LibreOffice, with every font
            embedded.
        preview: also write a PNG of each document's first page (``<name>.png``).
        pdf_timeout: seconds LibreOffice may take over one document.

    Raises:
        ConfigError: the input is invalid; nothing is written.
        TemplateError: a template is missing or does not fit the data; nothing is written.
        OutputError: the files cannot be written, or the selection is unknown (the message
            names the closest choice); the folder is left as it was.
    """
    from .deadlines import calendar
    from .docset import SetFile, write_set
    from .documents.registry import campaign_deadlines, set_specs
    from .render import TemplateSearchPath, source_date
    from .workers import render_specs

    config = load(campaign)
    year = config.year if isinstance(config, DocumentConfig) else config.campaign.campaign.year
    stamp = source_date(dt.datetime(year, 1, 1))  # a malformed SOURCE_DATE_EPOCH stops the build before it starts
    formats = choose(formats, FORMATS, _("unknown format {pick}; the formats are {known}"))
    if not formats:
        raise OutputError(_("no format given; the formats are {known}").format(known=", ".join(FORMATS)))
    only = choose(only, kind_names(), _("unknown kind {pick}; the kinds are {known}"))
    units = choose(units, [u.code for u in config.units.units],
                   _("no unit with the code {pick} in the units file; its units are {known}"), key=code_key)
    contents = [
        spec for spec in set_specs(config)
        if (not only or spec.entry.kind in only) and (not units or spec.entry.unit in units)
    ]
    formless = sorted(set(units) - {spec.entry.unit for spec in contents})
    if formless:
        forms = config.campaign.forms if isinstance(config, Config) else None
        why = " (it collects the forms)" if forms is not None and forms.collected_by == formless[0] else ""
        raise OutputError(f"no form of the unit {formless[0]!r} in the set{why}")
    search = TemplateSearchPath(tuple(Path(t) for t in templates))
    rendered = render_specs(config, contents, templates=search, jobs=jobs, progress=progress)
    files = [SetFile(c.entry, data) for c, data in zip(contents, rendered, strict=True) if "docx" in formats]
    if "pdf" in formats or preview:
        from .pdf import convert_all

        converted = convert_all([(c.entry.filename, data) for c, data in zip(contents, rendered, strict=True)],
                                jobs=jobs, timeout=pdf_timeout, when=stamp, previews=preview)
        for c, (pdf, png) in zip(contents, converted, strict=True):
            if "pdf" in formats:
                files.append(SetFile(c.entry, pdf, "pdf"))
            if png is not None:
                files.append(SetFile(c.entry, png, "png"))
    deadlines = campaign_deadlines(config) if isinstance(config, Config) else []
    if deadlines and (not only or "calendar" in only) and not units:
        name = f"{config.units.agency.in_text}: hạn báo cáo năm {year}"
        files.append(SetFile(Entry("calendar", CALENDAR), calendar(name, deadlines, stamp=stamp), "ics"))
    out = Path(output)
    source = config.campaign_path if isinstance(config, Config) else config.document_path
    inputs = [source, config.units_path, *search.folders]
    entries = write_set(out, files, partial=bool(only or units), inputs=inputs)
    return BuildResult(
        documents=tuple(
            BuiltDocument(e["kind"], out / e["path"], e["sha256"], e.get("unit"), e.get("period"),
                          dt.date.fromisoformat(e["deadline"]) if e.get("deadline") else None,
                          e.get("format", "docx" if e["path"].endswith(".docx") else "ics"), e.get("type"))
            for e in entries
        ),
        manifest=out / "manifest.json",
        written=tuple(out / f.name for f in files),
    )
