"""The library's verbs; the command line calls these and nothing else."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from .config import Config, DocumentConfig, UnitsSource, from_data
from .config import load as load_file
from .entry import Entry
from .errors import OutputError
from .i18n import _
from .kinds import names as kind_names
from .schema import CampaignFile, UnitsFile
from .schema.common import code_key
from .selection import choose

if TYPE_CHECKING:
    from .docset import SetFile
    from .documents.base import DocumentSpec
    from .schema.document import DocumentFile

CALENDAR = "deadlines.ics"
FORMATS = ("docx", "pdf")
"""The formats :func:`build` writes."""

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all) as a build goes."""

Source: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any] | CampaignFile | DocumentFile | Config | DocumentConfig"
"""What the verbs read a campaign or a document from: the path of its YAML file, a mapping
shaped exactly as that file (as ``yaml.safe_load`` gives it), its model (`CampaignFile`,
`DocumentFile`), or the validated models [`load`][vbdocs.load] returns."""

Units: TypeAlias = "str | os.PathLike[str] | Mapping[str, Any] | UnitsFile"
"""A units file: its path, a mapping shaped exactly as the file, or its model (`UnitsFile`)."""


@dataclass(frozen=True)
class BuiltDocument:
    """A file written by [`build`][vbdocs.build]."""

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
    """What [`build`][vbdocs.build] wrote: the files in manifest order, and the manifest."""

    documents: tuple[BuiltDocument, ...]
    manifest: Path
    written: tuple[Path, ...] = ()
    """The files this build wrote (a selection writes some of the set's files)."""


@dataclass(frozen=True)
class RenderedDocument:
    """A document [`render`][vbdocs.render] made in memory: its file's name, what the manifest
    would say of it, and its bytes."""

    filename: str
    """The name its file has in a set ("ke-hoach-2024.docx")."""
    kind: str
    """The kind that makes it ("plan", "report_form", "document", "calendar"; ``vbdocs kinds``)."""
    type: str | None
    """Tên loại as Điều 7 writes it ("Kế hoạch", "Công văn"), None for a file that is no văn bản."""
    data: bytes = field(repr=False)
    """The file's bytes: a .docx, or the iCalendar text of the deadlines."""
    unit: str | None = None
    """The unit a form is for (its code)."""
    period: str | None = None
    """The period a report covers."""
    deadline: dt.date | None = None
    """The day a report is due."""
    format: str = "docx"
    """"docx", or "ics" for the calendar of deadlines."""


def load(source: Source, *, units: Units | None = None) -> Config | DocumentConfig:
    """Read and validate a campaign, or a document (top-level ``document:``), and its units.

    Args:
        source: a campaign or document file's path, a mapping shaped as the file, or its
            model; what this returns is returned as it is.
        units: the units file (path, mapping or model) in place of the one the source names
            (``units:``, relative to the source's file, or to the current folder for a mapping).

    Returns:
        The validated models: a [`Config`][vbdocs.Config] for a campaign, a
            [`DocumentConfig`][vbdocs.DocumentConfig] for a document. Pass them back to
            [`render`][vbdocs.render] or [`build`][vbdocs.build].

    Raises:
        ConfigError: every problem of the files, each located (by field path alone, as
            ``<campaign>: campaign.year: …``, for data given in memory).
        TypeError: ``source`` or ``units`` is none of the kinds accepted.
    """
    return _config(source, units, "load")


def validate(source: Source, *, units: Units | None = None) -> None:
    """Check a campaign or document without writing anything (``source`` and ``units`` as
    [`load`][vbdocs.load] takes them).

    Raises:
        ConfigError: the input is invalid, with every problem located.
    """
    from .documents.registry import set_specs

    config = _config(source, units, "validate")
    for spec in set_specs(config):
        spec.build(config)


def render(
    source: Source,
    *,
    units: Units | None = None,
    templates: Sequence[str | os.PathLike[str]] = (),
    only: Sequence[str] = (),
    for_units: Sequence[str] = (),
) -> tuple[RenderedDocument, ...]:
    """Render a campaign's document set, or a document file's văn bản, in memory: no file is
    written anywhere. The bytes are those [`build`][vbdocs.build] writes.

    Safe to call from several threads at once.

    Args:
        source: a campaign or document file's path, a mapping shaped exactly as the file (as
            ``yaml.safe_load`` reads it), its model, or what [`load`][vbdocs.load] returns.
        units: the units file (path, mapping or model), in place of the one the source names
            (``units:``, relative to the source's file, or to the current folder for a mapping).
        templates: folders searched for templates before the built-in ones.
        only: render only these kinds (``vbdocs.kinds.names()``).
        for_units: render only the forms of these units (codes), as ``build(units=…)``.

    Returns:
        The documents in the set's order, the calendar of deadlines (``format`` "ics") last
            when the campaign has deadlines and the selection includes it.

    Raises:
        ConfigError: the input is invalid, with every problem located: for a mapping, by
            its field path in ``<campaign>``, ``<document>`` or ``<units>`` (line 0).
        TemplateError: a template is missing or does not fit the data.
        OutputError: ``only`` or ``for_units`` names a kind or unit that is not in the set.
        TypeError: ``source`` or ``units`` is none of the kinds accepted.
    """
    config = _config(source, units, "render")
    rendered = _render_set(config, templates=templates, only=only, units=for_units)
    out = [RenderedDocument(spec.entry.filename, spec.entry.kind, spec.entry.type_name, data, spec.entry.unit,
                            spec.entry.period, spec.entry.deadline)
           for spec, data in zip(rendered.specs, rendered.data, strict=True)]
    if rendered.calendar is not None:
        entry = rendered.calendar.entry
        out.append(RenderedDocument(entry.filename, entry.kind, entry.type_name, rendered.calendar.data,
                                    format=rendered.calendar.format))
    return tuple(out)


def to_pdf(docx: bytes, *, timeout: float = 60.0) -> bytes:
    """The PDF of a .docx (as [`render`][vbdocs.render] gives it), made by LibreOffice headless
    as ``vbdocs build --format pdf`` makes it: every font embedded, the same bytes for the same
    document. LibreOffice works on files in a temporary folder of its own, removed after.

    Args:
        docx: the .docx file's bytes.
        timeout: seconds LibreOffice may take over the document.

    Raises:
        ConversionError: LibreOffice is missing, cannot open the document, or gives no whole
            PDF within ``timeout``.
        TypeError: ``docx`` is not bytes.
    """
    from .pdf import to_pdf as convert

    if not isinstance(docx, bytes | bytearray | memoryview):
        raise TypeError(_("vbdocs.to_pdf takes the bytes of a .docx, not {type}").format(type=type(docx).__name__))
    return convert(bytes(docx), timeout=timeout)


def build(
    campaign: Source,
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
        campaign: the campaign or document YAML file; or a mapping shaped as one, its model,
            or what [`load`][vbdocs.load] returns.
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
        TypeError: ``campaign`` is none of the kinds accepted.
    """
    from .docset import SetFile, write_set
    from .rendering import source_date

    config = _config(campaign, None, "build")
    source_date(dt.datetime(_year(config), 1, 1))  # a malformed SOURCE_DATE_EPOCH stops the build before it starts
    formats = choose(formats, FORMATS, _("unknown format {pick}; the formats are {known}"))
    if not formats:
        raise OutputError(_("no format given; the formats are {known}").format(known=", ".join(FORMATS)))
    rendered = _render_set(config, templates=templates, only=only, units=units, jobs=jobs, progress=progress)
    contents = rendered.specs
    files = [SetFile(c.entry, data) for c, data in zip(contents, rendered.data, strict=True) if "docx" in formats]
    if "pdf" in formats or preview:
        from .pdf import convert_all

        converted = convert_all([(c.entry.filename, data) for c, data in zip(contents, rendered.data, strict=True)],
                                jobs=jobs, timeout=pdf_timeout, when=rendered.stamp, previews=preview)
        for c, (pdf, png) in zip(contents, converted, strict=True):
            if "pdf" in formats:
                files.append(SetFile(c.entry, pdf, "pdf"))
            if png is not None:
                files.append(SetFile(c.entry, png, "png"))
    if rendered.calendar is not None:
        files.append(rendered.calendar)
    out = Path(output)
    source = config.campaign_path if isinstance(config, Config) else config.document_path
    inputs = [path for path in (source, config.units_path) if path is not None]
    entries = write_set(out, files, partial=bool(only or units), inputs=[*inputs, *rendered.templates])
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


def _config(source: Source, units: Units | None, verb: str) -> Config | DocumentConfig:
    """The validated models of what a verb was given (a ``Source``)."""
    from .schema.document import DocumentFile

    if isinstance(source, Config | DocumentConfig):
        if units is not None:
            raise TypeError(_("vbdocs.{verb}: units= goes with a path or a mapping; the models {load} returned "
                              "carry their units").format(verb=verb, load="vbdocs.load"))
        return source
    given = _units(units, verb)
    if isinstance(source, str) and "\n" in source:
        raise TypeError(_("vbdocs.{verb} takes the path of a YAML file, not its text: pass yaml.safe_load(text), "
                          "a mapping, instead").format(verb=verb))
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if isinstance(path, str):
            return load_file(path, units=given)
    elif isinstance(source, Mapping | CampaignFile | DocumentFile):
        return from_data(source, units=given)
    raise TypeError(_("vbdocs.{verb} takes the path (str or os.PathLike) of a campaign or document file, a "
                      "mapping shaped as one, a CampaignFile or DocumentFile, or what vbdocs.load returns; "
                      "not {type}").format(verb=verb, type=type(source).__name__))


def _units(units: Units | None, verb: str) -> UnitsSource | None:
    """The units given beside a source, as the loader takes them."""
    if units is None:
        return None
    if isinstance(units, str | os.PathLike):
        path = os.fspath(units)
        if isinstance(path, str) and "\n" not in path:
            return Path(path)
    elif isinstance(units, Mapping | UnitsFile):
        return units
    raise TypeError(_("vbdocs.{verb}: units= takes the path (str or os.PathLike) of a units file, a mapping "
                      "shaped as one or a UnitsFile; not {type}").format(verb=verb, type=type(units).__name__))


def _year(config: Config | DocumentConfig) -> int:
    return config.year if isinstance(config, DocumentConfig) else config.campaign.campaign.year


@dataclass(frozen=True)
class _RenderedSet:
    """The documents of a selection, rendered, and what a build writes beside them."""

    specs: list[DocumentSpec]
    data: list[bytes]
    calendar: SetFile | None
    stamp: dt.datetime
    """The date written into the files."""
    templates: tuple[Path, ...]
    """The template folders searched (inputs of the build)."""


def _render_set(
    config: Config | DocumentConfig, *, templates: Sequence[str | os.PathLike[str]], only: Sequence[str],
    units: Sequence[str], jobs: int = 1, progress: Progress | None = None,
) -> _RenderedSet:
    """Select the documents (``only`` kinds, the forms of ``units``), and render them; the
    one path from validated models to bytes, for :func:`render` and :func:`build`."""
    from .deadlines import calendar
    from .docset import SetFile
    from .documents.registry import campaign_deadlines, set_specs
    from .rendering import TemplateSearchPath, source_date
    from .workers import render_specs

    year = _year(config)
    stamp = source_date(dt.datetime(year, 1, 1))
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
        why = _(" (it collects the forms)") if forms is not None and forms.collected_by == formless[0] else ""
        raise OutputError(_("no form of the unit {unit!r} in the set").format(unit=formless[0]) + why)
    search = TemplateSearchPath(tuple(Path(t) for t in templates))
    rendered = render_specs(config, contents, templates=search, jobs=jobs, progress=progress)
    deadlines = campaign_deadlines(config) if isinstance(config, Config) else []
    made = None
    if deadlines and (not only or "calendar" in only) and not units:
        name = f"{config.units.agency.in_text}: hạn báo cáo năm {year}"
        made = SetFile(Entry("calendar", CALENDAR), calendar(name, deadlines, stamp=stamp), "ics")
    return _RenderedSet(contents, rendered, made, stamp, search.folders)
