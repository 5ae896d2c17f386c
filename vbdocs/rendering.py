"""Rendering document content into .docx bytes: the only module that imports docxtpl.

Templates are found through an ordered search path (the user's folders first, then
the built-ins shipped in the package); a name that escapes its folder is refused.
Every template is rendered with our own Jinja environment (:mod:`vbdocs.sandbox`):
sandboxed, autoescape on, ``StrictUndefined``, bounded in time and memory; a
template file is opened only after the checks every .docx gets (:mod:`vbdocs.ooxml`),
and whatever a user's template does ends as a ``TemplateError``. Text from YAML
reaches the template only as already escaped WordprocessingML (:func:`vbdocs.wordml.text_xml`),
so no value is ever read as template code, whatever braces, ``&`` or ``<`` it holds.
The saved package is reproducible: fixed zip entry times and document dates
(``SOURCE_DATE_EPOCH`` honoured).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from lxml import etree
from markupsafe import Markup

from .documents.base import DocumentContent
from .errors import ConfigError, Problem, TemplateError
from .i18n import _
from .inline import Text
from .layout.parts import Closing, Heading, Rule, Signature
from .ooxml import MAX_FILE_BYTES, PackageError, check_package, parse_xml
from .sandbox import TemplateEnvironment, check_rendered_xml, check_template_text, render_limits
from .wordml import (
    FOOTNOTES_CONTENT_TYPE,
    appendices_xml,
    body_xml,
    bookmark_signatures,
    copy_block_xml,
    footnote_xml,
    issuers_xml,
    last_section_properties,
    lines_xml,
    mark_xml,
    rich_lines_xml,
    rule_xml,
)

#: The templates shipped in the package, searched after the user's folders.
BUILTIN_TEMPLATES = Path(__file__).parent / "templates"

#: Word (and python-docx) keep a document property to this many characters.
MAX_PROPERTY_CHARS = 255


def property_text(text: str) -> str:
    """A document property (title, subject, author) as a file list shows it: plain text
    on one line, at most :data:`MAX_PROPERTY_CHARS` characters, cut at a word with "…"."""
    line = " ".join(text.split())
    if len(line) <= MAX_PROPERTY_CHARS:
        return line
    cut = line[: MAX_PROPERTY_CHARS - 1]
    space = cut.rfind(" ")
    if space > MAX_PROPERTY_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _lines(lines: Iterable[str]) -> Markup:
    return Markup(lines_xml(lines))


def _rich_lines(lines: Iterable[Text]) -> Markup:
    return Markup(rich_lines_xml(lines))


def footnote_ids(content: DocumentContent) -> dict[str, int]:
    """Ids of the footnotes in footnotes.xml: 1, 2, … in the order the body refers to them
    (in its paragraphs and its tables' cells)."""
    order = [name for block in content.blocks() for text in block.texts() for name in text.footnotes]
    return {name: i for i, name in enumerate(order, start=1)}


def context(content: DocumentContent, *, section: str = "") -> dict[str, Any]:
    """The template context: every value escaped WordprocessingML, nothing callable.

    The body is written whole (``blocks``: paragraphs and tables in the template's styles,
    for ``{{p blocks }}``), and so are the phụ lục (``appendices``), each a section made from
    the template's own (``section``, its ``<w:sectPr>``). The title, the Kính gửi and the
    closing band say whether the document has them (``shown``)."""
    h = content.heading
    notes = footnote_ids(content)
    title = content.title
    a = content.addressees
    return {
        "heading": _heading(h),
        "contact": {"shown": bool(content.contact), "text": _lines([content.contact])},
        "title": {
            "shown": title is not None,
            "type_name": _lines([title.type_name]) if title is not None else "",
            "subject": _rich_lines(title.subject_lines) if title is not None else "",
            "rule": Markup(rule_xml(title.rule)) if title is not None else "",
            "note": _lines([title.note]) if title is not None and title.note else "",
        },
        "addressees": {
            "shown": a is not None,
            "label": _lines([a.label]) if a is not None else "",
            "centred": a.centred if a is not None else False,
            "single": a.single if a is not None else False,
            "lines": [_lines([line]) for line in a.lines] if a is not None else [""],
        },
        "blocks": Markup(body_xml(content.body, notes)),
        "appendices": Markup(appendices_xml(content.appendices, section, notes, alone=h is None)),
        "copy": Markup(copy_block_xml(content.copy)) if content.copy is not None else "",
        "closing": {
            "shown": content.closing.shown,
            "recipients": [_lines([line]) for line in content.closing.recipients],
            "signer_titles": _lines(content.closing.signer_titles),
            "signer_name": _lines([content.closing.signer_name]),
            "signed": _lines([content.closing.signed]) if content.closing.signed else "",
            "cosigned": bool(content.closing.cosigners),
            "rows": _signature_rows(content.closing),
        },
        "properties": {
            "title": _lines([content.properties.title]),
            "subject": _lines([content.properties.subject]),
            "author": _lines([content.properties.author]),
        },
    }


def _signature_rows(closing: Closing) -> list[dict[str, Any]]:
    """Signatures side by side, two to a row: the first at the right of the first row (the
    Biên bản's CHỦ TỌA, the lead agency of a joint document), the next at its left, and so on;
    an odd last one at the right."""
    signatures = [Signature(closing.signer_titles, closing.signer_name), *closing.cosigners]
    if len(signatures) == 1:
        return []

    def cell(s: Signature | None) -> dict[str, Any]:
        return {"shown": s is not None, "titles": _lines(s.titles) if s else "",
                "name": _lines([s.name]) if s else ""}
    pairs = [signatures[i:i + 2] for i in range(0, len(signatures), 2)]
    return [{"left": cell(pair[1] if len(pair) > 1 else None), "right": cell(pair[0])} for pair in pairs]


def _heading(h: Heading | None) -> dict[str, Any]:
    """Phần đầu (ô 1–4, 10, 11) as the template writes it; every part empty and ``shown`` false
    for a document without one (a phụ lục in a file of its own)."""
    if h is None:
        return dict.fromkeys(_heading(_NO_HEADING), "") | {"shown": False}
    return {
        "shown": True,
        "parent": _lines(h.parent_lines) if h.parent_lines else "",
        "agency": _lines(h.agency_lines),
        "agency_rule": Markup(rule_xml(h.agency_rule)),
        "joint": Markup(issuers_xml(h.joint)),
        "number": _lines([h.number]),
        "national_title": _lines([h.national_title]),
        "motto": _lines([h.motto]),
        "motto_rule": Markup(rule_xml(h.motto_rule)),
        "place_date": _lines([h.place_date]),
        "subject": _lines(h.subject_lines),
        "marks": Markup("".join(mark_xml(m) for m in h.marks)),
        "draft": Markup(mark_xml(h.draft)) if h.draft is not None else "",
    }


_NO_HEADING = Heading((), (), Rule(0, 0), "", (), "", "", Rule(0, 0), "")


_ENVIRONMENT_LOCK = threading.Lock()


def _environment() -> TemplateEnvironment:
    """The one Jinja environment of the process: sandboxed and bounded (vbdocs.sandbox).
    Made once even when threads first ask at the same time, so that they share its compiled
    templates."""
    with _ENVIRONMENT_LOCK:
        return _made_environment()


@cache
def _made_environment() -> TemplateEnvironment:
    return TemplateEnvironment()


@cache
def _patched(xml: str) -> str:
    check_template_text(xml)  # docxtpl's patching slows to a crawl on some text: refused first
    patched: str = DocxTemplate.patch_xml(None, xml)  # a pure function of its input: self is not used
    return patched


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with its XML patching remembered per source."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """Core properties are not template text: :func:`render` writes them from the
        content as plain text (docxtpl would render them as XML-escaped template output)."""

    def resolve_listing(self, xml: str) -> str:
        # Every rendered part passes here before it is parsed: refused if too large.
        check_rendered_xml(xml)
        # docxtpl turns tabs, newlines and \a, \f inside text into elements; our text
        # reaches the XML with those already turned (see text_xml), so most parts
        # hold none of them and need no pass of its regular expressions.
        listing = any(ch in xml for ch in "\t\n\a\f")
        part = getattr(self, "current_rendering_part", None)
        if listing or getattr(part, "content_type", None) == FOOTNOTES_CONTENT_TYPE:
            # That pass searches from each <w:p>, <w:r>, <w:t> to its end tag, in time
            # growing with the square of XML that is not well-formed; and the footnotes
            # are kept as text, never parsed by docxtpl: both must be well-formed.
            parse_xml(xml.encode("utf-8"), f"{getattr(part, 'partname', 'a part')} as rendered")
        if not listing:
            return xml
        resolved: str = super().resolve_listing(xml)
        return resolved


@dataclass(frozen=True)
class TemplateSearchPath:
    """Where templates are looked for: the user's folders first, then the built-ins."""

    folders: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        for folder in self.folders:
            if not folder.is_dir():
                problem = _("is not a folder") if folder.exists() else _("does not exist")
                raise TemplateError(_("the template folder {folder} {problem}").format(folder=folder, problem=problem))

    def find(self, name: str) -> Path:
        """The first template called ``name``; a name that leaves its folder is refused."""
        if Path(name).name != name or name in {"", ".", ".."}:
            raise TemplateError(_("template name {name!r} must be a plain file name").format(name=name))
        for folder in self.folders:
            root = folder.resolve()
            candidate = (root / name).resolve()
            if candidate.parent != root:
                raise TemplateError(_("template {name!r} resolves outside {folder}").format(name=name, folder=folder))
            if candidate.is_file():
                return candidate
        builtin = BUILTIN_TEMPLATES / name
        if builtin.is_file():
            return builtin
        raise TemplateError(_("no template {name!r} in {where}").format(name=name, where=self._where()))

    def _where(self) -> str:
        return ", ".join([*(str(f) for f in self.folders), _("the built-in templates")])


def _template_bytes(path: Path) -> bytes:
    stat = path.stat()
    return _read_template(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read_template(path: Path, mtime: int, size: int) -> bytes:
    """A template's bytes, checked as every .docx is (vbdocs.ooxml) before docxtpl opens
    it: sizes of the file and its parts, zip bombs, XML well-formed and without DTD."""
    if size > MAX_FILE_BYTES:
        raise TemplateError(f"template {path.name}: the file is {size} bytes; a template is read up to "
                            f"{MAX_FILE_BYTES} bytes")
    data = path.read_bytes()
    try:
        check_package(data)
    except PackageError as exc:
        raise TemplateError(_("template {path}: {exc}").format(path=path.name, exc=exc)) from None
    return data


#: The last moment a zip entry's date can hold (DOS dates end in 2107).
LAST_ZIP_DATE = dt.datetime(2107, 12, 31, 23, 59, 58)


def source_date(fallback: dt.datetime) -> dt.datetime:
    """The date written into files: ``SOURCE_DATE_EPOCH`` if set, else ``fallback``.

    Raises:
        ConfigError: the variable is set but is not a whole number of seconds since
            1970-01-01 UTC up to the end of 2107 (a malformed value is an error, as the
            reproducible-builds specification asks, never silently ignored).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:  # unset, or set empty as some CI systems do
        return fallback
    shown = epoch if len(epoch) <= 40 else epoch[:40] + "…"
    try:
        if not (epoch.isascii() and epoch.isdecimal()):
            raise ValueError
        when = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
        if when > LAST_ZIP_DATE:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise ConfigError([Problem(
            "SOURCE_DATE_EPOCH", 0, 0, "",
            _("is {value!r}; it must be a whole number of seconds since 1970-01-01 UTC, at most {last} (the end "
              "of 2107)").format(value=shown, last=int(LAST_ZIP_DATE.replace(tzinfo=dt.UTC).timestamp())),
            "environment.source_date",
        )]) from None
    return when


def render(content: DocumentContent, *, templates: TemplateSearchPath | None = None) -> bytes:
    """Render one document to .docx bytes.

    Raises:
        TemplateError: the template is missing, unreadable, or asks for data the
            content does not have.
    """
    path = (templates or TemplateSearchPath()).find(content.template)
    try:  # a user's template is untrusted: whatever it does ends as a TemplateError
        tpl = _Template(io.BytesIO(_template_bytes(path)))
        with render_limits():  # time, work and memory, for all parts (vbdocs.sandbox)
            tpl.init_docx()
            section = tpl.docx.element.body.sectPr
            base = etree.tostring(section, encoding="unicode") if section is not None else ""
            ctx = context(content, section=base)
            _check_variables(path, ctx)
            tpl.render(ctx, jinja_env=_environment())
            closing = content.closing
            if closing.shown and not closing.signed:  # a copy's "(Đã ký)" stands where a signature was
                bookmark_signatures(tpl.docx.element.body, [closing.signer_name, *(c.name for c in closing.cosigners)])
            last = last_section_properties(content.appendices, base)
            if last is not None:  # the document's final section is its last phụ lục's
                tpl.docx.element.body.replace(tpl.docx.element.body.sectPr, etree.fromstring(last))
    except TemplateError:
        raise
    except JinjaError as exc:
        raise TemplateError(_("template {path}: {exc}").format(path=path.name, exc=exc)) from None
    except PackageError as exc:
        raise TemplateError(_("template {path}: {exc}").format(path=path.name, exc=exc)) from None
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise TemplateError(_("template {path}: cannot be read as a .docx ({exc})")
                            .format(path=path, exc=exc)) from None
    except RecursionError:
        raise TemplateError(_("template {path}: calls nest too deeply (a macro that calls itself?)")
                            .format(path=path.name)) from None
    except MemoryError:
        raise TemplateError(_("template {path}: ran out of memory while rendering").format(path=path.name)) from None
    except Exception as exc:  # docxtpl, python-docx and lxml on a template they do not expect
        raise TemplateError(_("template {path}: cannot be rendered ({type}: {exc})")
                            .format(path=path.name, type=type(exc).__name__, exc=exc)) from None
    if content.footnotes:
        _add_footnotes(tpl, content, path)
    when = source_date(dt.datetime(content.properties.year, 1, 1))
    props = tpl.docx.core_properties
    props.title = property_text(content.properties.title)
    props.subject = property_text(content.properties.subject)
    props.author = property_text(content.properties.author)
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.last_modified_by = "vbdocs"
    raw = io.BytesIO()
    tpl.docx.save(raw)
    return _reproducible_zip(raw.getvalue(), when)


def _check_variables(path: Path, ctx: dict[str, Any]) -> None:
    """Report a variable the template uses and the data lacks before anything is rendered,
    naming the template and the variable (``heading.no_such_field``)."""
    stat = path.stat()
    for used in _variables(path, stat.st_mtime_ns, stat.st_size):
        node: Any = ctx
        for i, part in enumerate(used):
            if not isinstance(node, dict) or part not in node:
                shown = ".".join(used[: i + 1])
                raise TemplateError(_("template {path} uses {shown}, which the document has no data for")
                                    .format(path=path.name, shown=shown))
            node = node[part]


@cache
def _variables(path: Path, mtime: int, size: int) -> tuple[tuple[str, ...], ...]:
    """The attribute paths a template reads from its context: loop variables, names the
    template sets itself (``{% set %}``, macros) and Jinja's globals (``range``,
    ``namespace``) left out (worked out once per template file and version)."""
    from jinja2 import meta, nodes

    tpl = _Template(io.BytesIO(_template_bytes(path)))
    tpl.init_docx()
    sources = [tpl.patch_xml(tpl.get_xml())]
    sources += [tpl.patch_xml(tpl.get_part_xml(part)) for uri in (tpl.HEADER_URI, tpl.FOOTER_URI)
                for _rel, part in tpl.get_headers_footers(uri)]
    found: set[tuple[str, ...]] = set()
    for source in sources:
        tree = _environment().parse(source)
        free = meta.find_undeclared_variables(tree) - set(_environment().globals)
        bound = {macro.name for macro in tree.find_all(nodes.Macro)}  # Jinja misses one defined in an {% if %}
        for loop in tree.find_all((nodes.For, nodes.Assign)):
            target = loop.target  # type: ignore[attr-defined]  # both have one
            targets = [target, *target.find_all(nodes.Name)]
            bound |= {n.name for n in targets if isinstance(n, nodes.Name)}
        for node in tree.find_all(nodes.Getattr):
            chain: list[str] = [node.attr]
            inner = node.node
            while isinstance(inner, nodes.Getattr):
                chain.insert(0, inner.attr)
                inner = inner.node
            if isinstance(inner, nodes.Name) and inner.name in free and inner.name not in bound:
                found.add((inner.name, *chain))
        for name in tree.find_all(nodes.Name):
            if name.ctx == "load" and name.name in free and name.name not in bound:
                found.add((name.name,))
    return tuple(sorted(found))


def _add_footnotes(tpl: DocxTemplate, content: DocumentContent, path: Path) -> None:
    """Write the document's footnotes into its footnotes part, after the separators."""
    from lxml import etree

    parts = [p for p in tpl.docx.part.package.parts if p.content_type == FOOTNOTES_CONTENT_TYPE]
    if not parts:
        raise TemplateError(_("template {path} has no footnotes part, but the document has footnotes")
                            .format(path=path.name))
    part = parts[0]
    root = etree.fromstring(part.blob)
    texts = {note.name: note.text for note in content.footnotes}
    for name, note_id in footnote_ids(content).items():
        root.append(etree.fromstring(footnote_xml(note_id, texts[name])))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _dos_time(when: dt.datetime) -> tuple[int, int]:
    when = max(when, dt.datetime(1980, 1, 1))
    return (when.hour << 11) | (when.minute << 5) | (when.second // 2), \
        ((when.year - 1980) << 9) | (when.month << 5) | when.day


def _reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with fixed entry times and attributes.

    The times sit in each entry's local header and in the central directory; they
    are set in place, so nothing is decompressed or compressed again (the CRCs do
    not cover them). A zip with a part stored twice is rewritten instead.
    """
    buffer = bytearray(data)
    time_field, date_field = _dos_time(when)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len({i.filename for i in infos}) != len(infos):
            return _rewritten_zip(data, when)
        for info in infos:
            struct.pack_into("<HH", buffer, info.header_offset + 10, time_field, date_field)
    end = data.rfind(b"PK\x05\x06")
    count, _size, offset = struct.unpack_from("<HII", data, end + 10)
    for _entry in range(count):
        assert buffer[offset:offset + 4] == b"PK\x01\x02"
        struct.pack_into("<HH", buffer, offset + 12, time_field, date_field)
        struct.pack_into("<I", buffer, offset + 38, 0o644 << 16)
        name, extra, comment = struct.unpack_from("<HHH", buffer, offset + 28)
        offset += 46 + name + extra + comment
    return bytes(buffer)


def _rewritten_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with fixed entry times and attributes, entries in their order, once each."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        seen: set[str] = set()
        for info in src.infolist():
            if info.filename in seen:
                continue
            seen.add(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
