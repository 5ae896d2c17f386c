"""From files to validated models: read, validate, resolve references.

This is the only place that turns YAML into :mod:`vbdocs.schema` models. Every
problem of a file is collected and raised at once as a :class:`ConfigError`,
each located at ``file:line:column`` with its field path.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Problem, VbdocsWarning
from .i18n import N_, _
from .inline import parse as parse_markup
from .loader import (
    EXCERPT_CHARS,
    Document,
    PathKey,
    UnreadableFile,
    data_document,
    excerpt,
    format_path,
    load_yaml,
)
from .schema import CampaignFile, UnitsFile
from .schema.campaign import Duty, Filing, Letter, Plan, Recipient, Signer
from .schema.common import FOOTNOTE_NAME_PATTERN, code_key, markup_values
from .schema.units import Body, Group, Person, Unit
from .vn import numbering, signing
from .vn.dates import is_weekend, short_date, weekday_name, working_day_before

if TYPE_CHECKING:  # a campaign's build never loads the document file's models
    from .schema.document import DocumentFile, DocumentSpec

M = TypeVar("M", bound=BaseModel)

#: How messages name a campaign, a document and a units file given as data (no file, no line).
CAMPAIGN_DATA = "<campaign>"
DOCUMENT_DATA = "<document>"
UNITS_DATA = "<units>"

UnitsSource = Path | Mapping[str, Any] | UnitsFile
"""A units file to read, or units given as data: a mapping shaped as the file, or its model."""


@dataclass(frozen=True)
class Directory:
    """A units file, validated: the agency, its units and groups, its people, the outside
    bodies, and how each is named in text. What every document refers to by code."""

    units: UnitsFile
    units_path: Path | None
    """The units file read, or None for units given as data."""

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units.units if u.code == code), None)

    def group(self, code: str) -> Group | None:
        return next((g for g in self.units.groups if g.code == code), None)

    def body(self, code: str) -> Body | None:
        return next((b for b in self.units.bodies if b.id == code), None)

    def person(self, code: str) -> Person | None:
        return next((p for p in self.units.people if p.id == code), None)

    def name_of(self, code: str, label: str | None = None) -> str:
        """How a unit, group or body is named in running text (``label`` wins)."""
        if label:
            return label
        unit = self.unit(code)
        if unit is not None:
            return unit.in_text
        group = self.group(code)
        if group is not None:
            return group.name
        body = self.body(code)
        if body is None:
            raise KeyError(code)
        return body.short_name

    def units_of(self, codes: Iterable[str]) -> list[Unit]:
        """The units named by unit and group codes, once each, in the units file's order."""
        wanted: set[str] = set()
        for code in codes:
            group = self.group(code)
            wanted.update(u.code for u in self.group_members(group)) if group else wanted.add(code)
        return [u for u in self.units.units if u.code in wanted]

    def group_members(self, group: Group) -> list[Unit]:
        if group.members is None:
            return list(self.units.units)
        return [u for u in self.units.units if u.code in group.members]


@dataclass(frozen=True)
class Config(Directory):
    """A campaign with the units file it refers to, both validated and cross-checked."""

    campaign: CampaignFile
    campaign_path: Path | None
    """The campaign file read, or None for a campaign given as data."""

    @property
    def source(self) -> str:
        """The campaign as a message names it: its file, or ``<campaign>`` for data."""
        return str(self.campaign_path) if self.campaign_path is not None else CAMPAIGN_DATA

    def owing(self, codes: Iterable[str]) -> list[Unit]:
        """The units named by ``codes`` that owe the agency a form: all but the unit that
        collects the forms (``forms.collected_by``), which never reports to itself."""
        forms = self.campaign.forms
        collector = forms.collected_by if forms else None
        return [u for u in self.units_of(codes) if u.code != collector]

    def due(self) -> dict[str, tuple[str, dt.date]]:
        """What units send by a deadline, by the id a duty's ``reports`` names it with: each
        report, and the registration form when it has a deadline, as (its name in text, the
        deadline)."""
        out = {r.id: (r.name, r.deadline) for r in self.campaign.reports}
        registration = self.campaign.forms.registration if self.campaign.forms else None
        if registration is not None and registration.deadline is not None:
            out.setdefault(registration.id, (registration.name, registration.deadline))
        return out


@dataclass(frozen=True)
class DocumentConfig(Directory):
    """A document file with the units file it refers to, both validated and cross-checked."""

    document: DocumentFile
    document_path: Path | None
    """The document file read, or None for a document given as data."""

    @property
    def source(self) -> str:
        """The document as a message names it: its file, or ``<document>`` for data."""
        return str(self.document_path) if self.document_path is not None else DOCUMENT_DATA

    @property
    def year(self) -> int:
        """The document's year: its date's, or in a draft the ``year`` written (checked)."""
        spec = self.document.document
        year = spec.date.year if spec.date else spec.year
        assert year is not None  # checked by load_document
        return year

    def issuer_abbreviation(self) -> str:
        """The abbreviation of who issues the document: the agency, or its unit ``issuer``."""
        spec = self.document.document
        unit = self.unit(spec.issuer) if spec.issuer else None
        return unit.abbreviation if unit else self.units.agency.abbreviation


def _model_fields(model: type[BaseModel], path: tuple[Any, ...], data: Any) -> list[str]:
    """Names of the fields allowed where an unknown key was written."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _first_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _first_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _data_path(loc: Iterable[Any], data: Any) -> PathKey:
    """Keep the parts of a pydantic location that exist in the data (drop union tags)."""
    out: list[str | int] = []
    node = data
    parts = list(loc)
    for i, part in enumerate(parts):
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and i == len(parts) - 1:
            out.append(part)  # a key that is missing, or unknown
    return tuple(out)


def _message(error: Any, doc: Document, path: PathKey, model: type[BaseModel]) -> tuple[str, str]:
    """The code and the words of a pydantic error, as a clerk reads them, with a hint for the
    common mistakes."""
    kind = error["type"]
    if kind == "missing":
        return "value.missing", _("is required but missing")
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        allowed = _model_fields(model, path[:-1], doc.data)
        close = difflib.get_close_matches(key, allowed, n=1) if len(key) <= EXCERPT_CHARS else []
        return "key.unknown", _("unknown key {key}").format(key=excerpt(key)) + _did_you_mean(close)
    ctx = error.get("ctx") or {}
    if kind in _PLAIN_MESSAGES:
        code, plain = _PLAIN_MESSAGES[kind]
        message = _(plain).format(**{k: v for k, v in ctx.items() if isinstance(v, str | int | float)})
        return code, message + _hint(kind, path, error.get("input"))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == FOOTNOTE_NAME_PATTERN:
        return "value.pattern", _("must be a footnote name: up to 40 letters, digits, \"_\" and \"-\", as [^name] "
                                  "refers to it")
    if kind == "string_pattern_mismatch" and "_-" in str(ctx.get("pattern", "")):
        return "value.pattern", _("must be a code: letters, digits, \"_\" and \"-\", starting with a letter, "
                                  "no spaces")
    if kind == "string_pattern_mismatch":
        return "value.pattern", _("must be an abbreviation: letters, digits and \".\", starting with a letter, "
                                  "no spaces")
    if kind in ("enum", "literal_error"):
        return "value.choice", _("must be one of {choices}").format(choices=ctx.get("expected", ""))
    message = str(error["msg"]).removeprefix("Value error, ")
    return "value.invalid", message


def _did_you_mean(close: Sequence[str]) -> str:
    return _(" (did you mean {name}?)").format(name=repr(close[0])) if close else ""


def _hint(kind: str, path: PathKey, value: Any) -> str:
    """What the clerk most likely meant, for the mistakes made most: a number written with its
    symbol, as on paper ("25/KH-SNN"); a date written another way."""
    if kind.startswith("int_") and isinstance(value, str) and re.match(r"^\s*\d+\s*/", value) \
            and path and path[-1] == "number":
        number = value.split("/")[0].strip()
        return _(": write only {number}; the symbol \"/{symbol}\" is added from the units file").format(
            number=number, symbol=value.split("/", 1)[1].strip())
    return ""


def _not_ours(doc: Document, model: type[BaseModel]) -> ConfigError:
    """A file whose top level shares no key with its model: another program's file, or the
    wrong file named. Said once, naming the keys expected and quoting nothing of the file."""
    kind = _(_FILE_KINDS[model.__name__.removesuffix("File").lower()])
    *first, last = model.model_fields
    expected = _("{names} or {last}").format(names=", ".join(first), last=last)
    message = _("is not a vbdocs {kind} file: none of its top-level keys is {expected}").format(
        kind=kind, expected=expected)
    return ConfigError([Problem(doc.file, 0, 0, "", message, "file.not_ours")])


_FILE_KINDS = {"campaign": N_("campaign"), "units": N_("units"), "document": N_("document")}


#: Problems of one file reported at most: past them, a line says how many more there are.
MAX_PROBLEMS = 100

#: Pydantic's messages in words a clerk reads, by error type (translated where shown).
_DATE_WORDS = N_("must be a date, written 09/5/2025 (day/month/year) or 2025-05-09")
_WHOLE, _TRUTH, _MAPPING = N_("must be a whole number"), N_("must be true or false"), \
    N_("must be a mapping (lines of \"key: value\")")
_PLAIN_MESSAGES = {  # pydantic's error type: (our code, the words)
    "int_parsing": ("value.number", _WHOLE),
    "int_type": ("value.number", _WHOLE),
    "int_from_float": ("value.number", _WHOLE),
    "string_type": ("value.text", N_("must be a text")),
    "bool_type": ("value.boolean", _TRUTH),
    "bool_parsing": ("value.boolean", _TRUTH),
    "list_type": ("value.list", N_("must be a list (lines starting with \"- \")")),
    "dict_type": ("value.mapping", _MAPPING),
    "model_type": ("value.mapping", _MAPPING),
    "date_type": ("value.date", _DATE_WORDS),
    "date_parsing": ("value.date", _DATE_WORDS),
    "date_from_datetime_parsing": ("value.date", _DATE_WORDS),
    "string_too_short": ("value.empty", N_("must not be empty")),
    "too_short": ("value.empty", N_("must have at least {min_length} item(s)")),
    "too_long": ("value.too_long", N_("must have at most {max_length} item(s)")),
    "greater_than_equal": ("value.range", N_("must be at least {ge}")),
    "less_than_equal": ("value.range", N_("must be at most {le}")),
    "string_too_long": ("value.too_long", N_("must be at most {max_length} characters long")),
}


def validate(model: type[M], doc: Document) -> M:
    """Validate parsed YAML against a model; every error located, all at once.

    Problems found while reading the file (duplicate keys) are reported together
    with the validation errors, in the order of the file.
    """
    if isinstance(doc.data, dict) and doc.data and not doc.data.keys() & model.model_fields.keys():
        raise _not_ours(doc, model)  # said once for the file, instead of once per key
    problems: dict[tuple[str, str], Problem] = {(p.path, p.message): p for p in doc.problems}
    unreadable = {p.path for p in doc.problems}
    errors = []
    try:
        result = model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors()
    for error in errors[:MAX_PROBLEMS]:
        path = _data_path(error["loc"], doc.data)
        if format_path(path) in unreadable:
            continue  # already reported: the value could not be read at all
        code, message = _message(error, doc, path, model)
        problem = doc.problem(path, message, code=code, at_key=error["type"] == "extra_forbidden")
        problems.setdefault((problem.path, problem.message), problem)
    if problems:
        shown = sorted(problems.values(), key=lambda p: (p.line, p.column))
        if len(errors) > MAX_PROBLEMS:
            shown.append(Problem(doc.file, 0, 0, "", _("and {count} more problems not shown").format(
                count=len(errors) - MAX_PROBLEMS), "file.more"))
        raise ConfigError(shown)
    return result


def load_units(path: Path, shown: str | None = None) -> UnitsFile:
    """Read and validate a units file."""
    return _units(load_yaml(path, shown))


def _units(doc: Document) -> UnitsFile:
    units = validate(UnitsFile, doc)
    problems = list(_check_units(units, doc))
    if problems:
        raise ConfigError(problems)
    return units


def _check_units(units: UnitsFile, doc: Document) -> Iterable[Problem]:
    seen: dict[str, PathKey] = {}
    for kind, items, key in (
        ("units", units.units, "code"), ("groups", units.groups, "code"),
        ("bodies", units.bodies, "id"),
    ):
        for i, item in enumerate(items):
            code = getattr(item, key)
            here: PathKey = (kind, i, key)
            if code_key(code) in seen:
                first = seen[code_key(code)]
                yield doc.problem(here, _("the code {code} is already used at {where}").format(
                    code=repr(code), where=_where(doc, first)) + _same_key(code, str(_value(doc, first))),
                    code="reference.duplicate")
            seen.setdefault(code_key(code), here)
    people: set[str] = set()
    for i, person in enumerate(units.people):
        if person.id in people:
            yield doc.problem(("people", i, "id"), _("the id {id} is used twice").format(id=repr(person.id)),
                              code="reference.duplicate")
        people.add(person.id)
    unit_codes = {u.code for u in units.units}
    for i, group in enumerate(units.groups):
        if group.members is None:
            continue
        for j, member in enumerate(group.members):
            if member not in unit_codes:
                yield doc.problem(("groups", i, "members", j), _unknown(UNIT, member, unit_codes),
                                  code=UNKNOWN)
    issuing = units.agency.issuing
    for i, code in enumerate(issuing.advisory if issuing else []):
        if code not in unit_codes:
            yield doc.problem(("agency", "issuing", "advisory", i), _unknown(UNIT, code, unit_codes), code=UNKNOWN)


def _unique_ids(doc: Document, kind: str, ids: list[str]) -> Iterable[Problem]:
    """The ids of a list (letters, reports) name files: each once, as code_key sees them."""
    first_of: dict[str, int] = {}
    for i, name in enumerate(ids):
        first = first_of.setdefault(code_key(name), i)
        if first != i:
            yield doc.problem((kind, i, "id"), _("the id {id} is used by {kind}[{first}] too").format(
                id=repr(name), kind=kind, first=first) + _same_key(name, ids[first]), code="reference.duplicate")


def _same_key(code: str, first: str) -> str:
    """The reason two different-looking codes collide, when they do."""
    if code == first:
        return ""
    return _(" as {first} (codes that differ only in case or in \"_\" and \"-\" name the same files)").format(
        first=repr(first))


def _value(doc: Document, path: PathKey) -> Any:
    node = doc.data
    for part in path:
        node = node[part]
    return node


def _where(doc: Document, path: PathKey) -> str:
    pos = doc.locate(path)
    return _("line {line}").format(line=pos.line)


#: What a code names, as :func:`_unknown` says it (translated where shown).
UNIT, PERSON, BODY = N_("unit"), N_("person"), N_("body")
UNIT_OR_GROUP, ADDRESSABLE = N_("unit or group"), N_("unit, group or body")
UNKNOWN = "reference.unknown"
"""The code of a problem naming what the units file or the campaign does not hold."""


def _unknown(kind: str, code: str, known: Iterable[str]) -> str:
    """No ``kind`` (UNIT, PERSON…) with ``code`` in the units file, with the closest code there is."""
    close = difflib.get_close_matches(code, list(known), n=1)
    if not close:  # a code typed in the wrong case ("vp" for "VP")
        close = [k for k in known if k.casefold() == code.casefold()][:1]
    return _("no {kind} with the code {code} in the units file").format(kind=_(kind), code=repr(code)) + \
        _did_you_mean(close)


def load(path: Path | str, *, units: UnitsSource | None = None) -> Config | DocumentConfig:
    """Read a campaign file, or a document file (top-level ``document:``), and the units file
    it names (or ``units``); validate and cross-check both. The file is read once.

    Raises:
        ConfigError: with every problem found, each naming file, line, column and field.
    """
    doc = load_yaml(Path(path), str(path))
    return _either(doc, Path(path), units)


def from_data(
    data: Mapping[str, Any] | CampaignFile | DocumentFile, *, units: UnitsSource | None = None,
) -> Config | DocumentConfig:
    """Validate and cross-check a campaign or a document given as data, as :func:`load` does
    a file: a mapping shaped as the file, or its model (built by hand: checked again). The
    units are ``units``, else the file its ``units`` names, relative to the current folder.

    Every problem is located by its field path, in ``<campaign>``, ``<document>`` or
    ``<units>`` (line 0: data has no lines).

    Raises:
        ConfigError: with every problem found.
    """
    from .schema.document import DocumentFile

    if isinstance(data, BaseModel):
        shown = DOCUMENT_DATA if isinstance(data, DocumentFile) else CAMPAIGN_DATA
        return _either(data_document(data.model_dump(exclude_unset=True), shown), None, units)
    shown = DOCUMENT_DATA if _is_document(data) else CAMPAIGN_DATA
    return _either(data_document(data, shown), None, units)


def _is_document(data: Any) -> bool:
    """Whether a file's data is a document file's (top-level ``document:``), not a campaign's."""
    return isinstance(data, Mapping) and "document" in data and "campaign" not in data


def _either(doc: Document, path: Path | None, units: UnitsSource | None) -> Config | DocumentConfig:
    given = None if units is None else _given_units(units)
    if _is_document(doc.data):
        return _document(doc, path, given)
    return _campaign(doc, path, given)


def _given_units(units: UnitsSource) -> tuple[UnitsFile, Path | None]:
    """Units given beside a campaign or document: a file to read, or data to validate."""
    if isinstance(units, Path):
        return load_units(units, str(units)), units
    data = units.model_dump(exclude_unset=True) if isinstance(units, BaseModel) else units
    return _units(data_document(data, UNITS_DATA)), None


def load_document(document_path: Path | str) -> DocumentConfig:
    """Read a document file and the units file it names; validate and cross-check both.

    Raises:
        ConfigError: with every problem found, each naming file, line, column and field.
    """
    return _document(load_yaml(Path(document_path), str(document_path)), Path(document_path))


def _document(doc: Document, path: Path | None,
              given: tuple[UnitsFile, Path | None] | None = None) -> DocumentConfig:
    from .schema.document import DocumentFile

    try:
        document = validate(DocumentFile, doc)
    except ConfigError as exc:
        raise _with_references(exc, doc, path, given, _DOCUMENT_REFERENCES) from None
    units, units_path = given or _named_units(doc, path, document.units)
    config = DocumentConfig(units=units, units_path=units_path, document=document, document_path=path)
    problems = list(_check_document(config, doc))
    if problems:
        raise ConfigError(problems)
    return config


def _named_units(doc: Document, path: Path | None, written: str) -> tuple[UnitsFile, Path]:
    """The units file a campaign or document file names (``units:``), read and validated:
    relative to the file, or to the current folder for data."""
    units_shown = str(Path(doc.file).parent / written) if path is not None else str(Path(written))
    units_path = (path.parent if path is not None else Path()) / written
    try:
        return load_units(units_path, units_shown), units_path
    except UnreadableFile as exc:
        name = units_shown if written.isprintable() and len(written) <= 4 * EXCERPT_CHARS else excerpt(written)
        reason = _("does not exist") if exc.missing else exc.reason
        raise ConfigError([doc.problem(("units",), _("the units file {name} {reason}").format(name=name, reason=reason),
                                       code="file.missing" if exc.missing else "file.unreadable")]) from None


def _check_document(config: DocumentConfig, doc: Document) -> Iterable[Problem]:
    from .schema import document as spec

    d = config.document.document
    where: PathKey = ("document",)
    units = {u.code for u in config.units.units}
    addressable = units | {g.code for g in config.units.groups} | {b.id for b in config.units.bodies}
    people = {p.id for p in config.units.people}
    for key in ("issuer", "drafting_unit"):
        code = getattr(d, key)
        if code is not None and code not in units:
            yield doc.problem((*where, key), _unknown(UNIT, code, units), code=UNKNOWN)
    if d.type not in numbering.TYPE_ABBREVIATIONS and d.drafting_unit is None:
        yield doc.problem((*where, "type"), _("a {type}'s symbol is the issuer's abbreviation then the drafting "
                                              "unit's (\"SNN-VP\"): give drafting_unit").format(type=d.type),
                          code="document.missing")
    if d.symbol_unit and d.drafting_unit is None:
        yield doc.problem((*where, "symbol_unit"), _("the symbol ends with the drafting unit: give drafting_unit"),
                          code="document.missing")
    for i, a in enumerate(d.addressees):
        yield from _check_code_or_text(doc, (*where, "addressees", i), a.to, a.text, addressable)
    yield from _check_closing(config, doc, where, d.recipients, d.signer, d.filing,
                              own_title=d.signer_title is not None)
    for i, other in enumerate(d.joint):
        reason = signing.refusal(other.signer.authority, signer_title=other.signer.title, head_title=other.head_title,
                                 collective=other.collective, collective_from=N_("its collective"))
        if reason:
            yield doc.problem((*where, "joint", i, "signer", "authority"), reason, code="signer.authority")
    if d.joint and d.second_signer is not None:
        yield doc.problem((*where, "second_signer"), _("a joint document is signed by each of its agencies; a second "
                                                       "signer of the lead agency has no place beside them: remove "
                                                       "second_signer"), code="document.not_allowed")
    if d.copy_of is not None and d.electronic:
        for part in ("signer", "filing", "recipients"):
            if getattr(d.copy_of, part):
                yield doc.problem((*where, "copy_of", part), _("an electronic copy (Mẫu 3.2) has no {part} of its own: "
                                                              "the copying agency's digital signature stands for its "
                                                              "copy block; remove it").format(part=part),
                                  code="document.not_allowed")
    if d.copy_of is not None and not d.electronic:
        for part, value in (("signer", d.copy_of.signer), ("filing", d.copy_of.filing)):
            if value is None:
                yield doc.problem((*where, "copy_of"), _("a paper copy (Mẫu 3.1) is signed and filed: give {part}, "
                                                         "or make the document electronic (Mẫu 3.2)").format(part=part),
                                  code="document.missing")
        if d.copy_of.signer is not None and d.copy_of.filing is not None:
            yield from _check_closing(config, doc, (*where, "copy_of"), d.copy_of.recipients, d.copy_of.signer,
                                      d.copy_of.filing)
    if d.date is None and d.year is None:
        yield doc.problem((*where, "date"), _("a draft without its date needs the year its date line prints: "
                                              "write year: (e.g. year: 2024)"), code="document.missing")
    if d.date is not None and d.month is not None:
        yield doc.problem((*where, "month"), _("a dated document prints its date's month; month is for a draft"),
                          code="document.not_allowed")
    if d.date is not None and d.year is not None and d.year != d.date.year:
        yield doc.problem((*where, "year"), _("the document is dated {dated}, not {year}").format(
            dated=d.date.year, year=d.year), code="date.year")
    if d.attached is not None:
        if d.type not in ("Quyết định", "Nghị quyết"):
            yield doc.problem((*where, "attached"), _("a {type} issues no document of its own; a Quyết định does")
                              .format(type=d.type), code="document.not_allowed")
        yield from _check_blocks(doc, (*where, "attached", "body"), d.attached.body, spec, heading=0, clause=None,
                                 bullet=0)
    for i, appendix in enumerate(d.appendices):
        yield from _check_blocks(doc, (*where, "appendices", i, "body"), appendix.body, spec, heading=0,
                                 clause=None, bullet=0)
    if d.type in numbering.TYPES_WITHOUT_SUBJECT and d.subject is not None:
        yield doc.problem((*where, "subject"), _("a {type} has no trích yếu (Phụ lục III): remove subject").format(
            type=d.type), code="document.not_allowed")
    if d.type not in numbering.TYPES_WITHOUT_SUBJECT and d.subject is None:
        yield doc.problem((*where, "type"), _("a {type} has a trích yếu: give subject").format(type=d.type),
                          code="document.missing")
    if d.type == "Giấy giới thiệu" and d.introduction is None:
        yield doc.problem((*where, "type"), _("a Giấy giới thiệu says whom it introduces to whom, about what and "
                                              "until when: give introduction"), code="document.missing")
    if d.introduction is not None and d.type != "Giấy giới thiệu":
        yield doc.problem((*where, "introduction"), _("only a Giấy giới thiệu has an introduction, not a {type}")
                          .format(type=d.type), code="document.not_allowed")
    if d.type == "Giấy nghỉ phép" and d.leave is None:
        yield doc.problem((*where, "type"), _("a Giấy nghỉ phép says whom it grants how many days, from when to "
                                              "when and where: give leave"), code="document.missing")
    if d.leave is not None and d.type != "Giấy nghỉ phép":
        yield doc.problem((*where, "leave"), _("only a Giấy nghỉ phép grants leave, not a {type}").format(type=d.type),
                          code="document.not_allowed")
    if d.leave is not None and d.leave.end < d.leave.start:
        yield doc.problem((*where, "leave", "end"), _("the leave ends before it starts"), code="date.order")
    if d.type == "Biên bản" and d.minutes is None:
        yield doc.problem((*where, "type"), _("a Biên bản records when and where its meeting was, who attended, "
                                              "chaired and took the minutes: give minutes"), code="document.missing")
    if d.minutes is not None and d.type != "Biên bản":
        yield doc.problem((*where, "minutes"), _("only a Biên bản has minutes, not a {type}").format(type=d.type),
                          code="document.not_allowed")
    if d.minutes is not None and d.minutes.end <= d.minutes.start:
        yield doc.problem((*where, "minutes", "end"), _("the meeting ends before it starts"), code="date.order")
    if d.second_signer is not None and d.second_signer.person not in people:
        yield doc.problem((*where, "second_signer", "person"), _unknown(PERSON, d.second_signer.person, people),
                          code=UNKNOWN)
    if d.type == "Công điện" and not d.addressees:
        yield doc.problem((*where, "type"), _("a Công điện is sent to its addressees (\"… điện:\"): give addressees"),
                          code="document.missing")
    if d.type == "Giấy mời" and d.invitation is None:
        yield doc.problem((*where, "type"), _("a Giấy mời says whom it invites to what, when and where: give "
                                              "invitation"), code="document.missing")
    if d.invitation is not None and d.type != "Giấy mời":
        yield doc.problem((*where, "invitation"), _("only a Giấy mời has an invitation, not a {type}").format(
            type=d.type), code="document.not_allowed")
    if not d.body and d.invitation is None and d.introduction is None and d.minutes is None and d.leave is None:
        yield doc.problem((*where, "body"), _("the document has no body: give its blocks"), code="document.missing")
    if d.invitation is not None and d.invitation.end is not None and d.invitation.end <= d.invitation.start:
        yield doc.problem((*where, "invitation", "end"), _("the meeting ends before it starts"), code="date.order")
    if d.contact and config.units.agency.contact is None:
        yield doc.problem((*where, "contact"), _("the units file gives no agency.contact to print"),
                          code=UNKNOWN)
    if d.type == "Công văn" and d.authority:
        yield doc.problem((*where, "authority"), _("a công văn has no deciding authority line"),
                          code="document.not_allowed")
    yield from _check_footnotes(doc, where, d)
    yield from _check_blocks(doc, (*where, "body"), d.body, spec, heading=0, clause=None, bullet=0)


#: The values of a file that name something of the units file, by path ("*": every item of a list),
#: and what they name: read from the file as written when it fails validation, so that a code
#: typed wrong is reported in the same run as the file's other problems (the checks of a valid
#: file, _check_document and _check_references, say the same of them, and more).
_CAMPAIGN_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("plan", "signer", "person"), PERSON), (("letters", "*", "signer", "person"), PERSON),
    (("plan", "filing", "unit"), UNIT), (("letters", "*", "filing", "unit"), UNIT),
    (("letters", "*", "drafting_unit"), UNIT), (("forms", "collected_by"), UNIT),
    (("plan", "recipients", "*", "to"), ADDRESSABLE), (("letters", "*", "recipients", "*", "to"), ADDRESSABLE),
    (("letters", "*", "addressees", "*", "to"), ADDRESSABLE),
    (("plan", "implementation", "assignments", "*", "unit"), UNIT_OR_GROUP),
    (("reports", "*", "units", "*"), UNIT_OR_GROUP), (("forms", "registration", "units", "*"), UNIT_OR_GROUP),
    (("plan", "legal_bases", "*", "issuer"), BODY), (("letters", "*", "legal_bases", "*", "issuer"), BODY),
)
_DOCUMENT_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("document", "issuer"), UNIT), (("document", "drafting_unit"), UNIT), (("document", "filing", "unit"), UNIT),
    (("document", "signer", "person"), PERSON), (("document", "second_signer", "person"), PERSON),
    (("document", "recipients", "*", "to"), ADDRESSABLE), (("document", "addressees", "*", "to"), ADDRESSABLE),
    (("document", "copy_of", "signer", "person"), PERSON), (("document", "copy_of", "filing", "unit"), UNIT),
    (("document", "copy_of", "recipients", "*", "to"), ADDRESSABLE),
)


def _with_references(error: ConfigError, doc: Document, path: Path | None,
                     given: tuple[UnitsFile, Path | None] | None,
                     references: tuple[tuple[tuple[str, ...], str], ...]) -> ConfigError:
    """The problems of a file that fails validation, with those of its codes the units file does
    not hold (the one ``given``, or the one it names), in the order of the file. The units file's
    own problems wait for the file's."""
    written = doc.data.get("units") if isinstance(doc.data, dict) else None
    if given is not None:
        units = given[0]
    elif isinstance(written, str):
        try:
            units, _path = _named_units(doc, path, written)
        except ConfigError:
            return error
    else:
        return error
    known = {
        UNIT: {u.code for u in units.units}, PERSON: {p.id for p in units.people}, BODY: {b.id for b in units.bodies},
    }
    known[UNIT_OR_GROUP] = known[UNIT] | {g.code for g in units.groups}
    known[ADDRESSABLE] = known[UNIT_OR_GROUP] | known[BODY]
    reported = {p.path for p in error.problems}
    found = []
    for pattern, kind in references:
        for here, value in _values_at(doc.data, pattern, ()):
            if isinstance(value, str) and value not in known[kind] and format_path(here) not in reported:
                found.append(doc.problem(here, _unknown(kind, value, known[kind]), code=UNKNOWN))
    if not found:
        return error
    return ConfigError(sorted([*error.problems, *found], key=lambda p: (p.line or 10**9, p.column)))


def _values_at(data: Any, pattern: tuple[str, ...], at: PathKey) -> Iterable[tuple[PathKey, Any]]:
    """The values of ``data`` at ``pattern`` ("*" matches every item of a list), with their paths."""
    if not pattern:
        yield at, data
    elif pattern[0] == "*" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from _values_at(item, pattern[1:], (*at, i))
    elif isinstance(data, dict) and pattern[0] in data:
        yield from _values_at(data[pattern[0]], pattern[1:], (*at, pattern[0]))


def _check_closing(config: Directory, doc: Document, where: PathKey, recipients: Sequence[Recipient],
                   signer: Signer, filing: Filing, *, own_title: bool = False) -> Iterable[Problem]:
    """What every document's closing band must hold: recipients and a Lưu unit that the units file
    names, a person who signs, with an authority the Decree allows them (unless the title they
    sign under is written out, as a Biên bản's Chủ tọa)."""
    units = {u.code for u in config.units.units}
    addressable = units | {g.code for g in config.units.groups} | {b.id for b in config.units.bodies}
    people = {p.id for p in config.units.people}
    for i, recipient in enumerate(recipients):
        yield from _check_code_or_text(doc, (*where, "recipients", i), recipient.to, recipient.text, addressable)
    if signer.person not in people:
        yield doc.problem((*where, "signer", "person"), _unknown(PERSON, signer.person, people), code=UNKNOWN)
    person = config.person(signer.person)
    agency = config.units.agency
    reason = person and not own_title and signing.refusal(
        signer.authority, signer_title=person.title, head_title=agency.head_title, collective=agency.collective,
        deputy_for=signer.deputy_for)
    if reason:
        yield doc.problem((*where, "signer", "authority"), reason, code="signer.authority")
    if filing.unit not in units:
        yield doc.problem((*where, "filing", "unit"), _unknown(UNIT, filing.unit, units), code=UNKNOWN)


def _check_code_or_text(doc: Document, here: PathKey, to: str | None, text: str | None,
                        known: set[str]) -> Iterable[Problem]:
    if (to is None) == (text is None):
        yield doc.problem(here, _("give either 'to' (a code) or 'text', not both and not neither"),
                          code="value.either")
    elif to is not None and to not in known:
        yield doc.problem((*here, "to"), _unknown(ADDRESSABLE, to, known), code=UNKNOWN)


def _check_blocks(doc: Document, here: PathKey, blocks: list[Any], spec: Any, *, heading: int,
                  clause: int | None, bullet: int) -> Iterable[Problem]:
    """The body's shape: headings at most four deep, an Điều's parts at most four, bullets in
    bullets at most two, Điều only outside Điều, every table row as wide as the table."""
    from .vn.numbering import CLAUSE_LEVELS, HEADING_LEVELS, OUTLINE_LEVELS

    for i, block in enumerate(blocks):
        at: PathKey = (*here, i)
        if isinstance(block, spec.Heading):
            if clause is not None:
                yield doc.problem(at, _("a heading cannot stand inside an Điều; number its khoản with numbered"),
                                  code="body.shape")
            elif heading + 1 > HEADING_LEVELS:
                yield doc.problem(at, _("headings nest at most {levels} deep (I., 1., 1.1., a)); write deeper "
                                        "parts as numbered or bullets").format(levels=HEADING_LEVELS),
                                  code="body.shape")
            else:
                yield from _check_blocks(doc, (*at, "body"), block.body, spec, heading=heading + 1, clause=None,
                                         bullet=0)
        elif isinstance(block, spec.Numbered):
            depth = (clause + 1) if clause is not None else max(heading + 1, 2)
            limit = CLAUSE_LEVELS if clause is not None else OUTLINE_LEVELS - 2
            if depth > limit:
                yield doc.problem(at, _("numbered lists nest too deep here; write the deepest parts as bullets"),
                                  code="body.shape")
                continue
            for j, item in enumerate(block.numbered):
                yield from _check_blocks(doc, (*at, "numbered", j, "body"), item.body, spec,
                                         heading=depth if clause is None else heading,
                                         clause=depth if clause is not None else None, bullet=0)
        elif isinstance(block, spec.Bullets):
            if bullet >= 2:
                yield doc.problem(at, _("bullets nest at most two deep (\"-\" then \"+\")"), code="body.shape")
                continue
            for j, item in enumerate(block.bullets):
                yield from _check_blocks(doc, (*at, "bullets", j, "body"), item.body, spec, heading=heading,
                                         clause=clause, bullet=bullet + 1)
        elif isinstance(block, spec.Article):
            if clause is not None:
                yield doc.problem(at, _("an Điều cannot stand inside another Điều"), code="body.shape")
            else:
                yield from _check_blocks(doc, (*at, "body"), block.body, spec, heading=heading, clause=0, bullet=0)
        elif isinstance(block, spec.Part | spec.Chapter | spec.Division):
            if clause is not None:
                yield doc.problem(at, _("a phần, chương or mục cannot stand inside an Điều"), code="body.shape")
            else:
                yield from _check_blocks(doc, (*at, "body"), block.body, spec, heading=heading, clause=None, bullet=0)
        elif isinstance(block, spec.Table):
            yield from _check_table(doc, (*at, "table"), block.table)


def _check_table(doc: Document, here: PathKey, table: Any) -> Iterable[Problem]:
    """Every row covers exactly the table's columns, counting cells merged down into it."""
    columns = len(table.widths)
    rows: list[tuple[str, int | None, Any]] = [("header", i, r) for i, r in enumerate(table.header)]
    rows += [("rows", i, r) for i, r in enumerate(table.rows)]
    if table.total is not None:
        rows.append(("total", None, table.total))
    if table.align is not None and len(table.align) != columns:
        yield doc.problem((*here, "align"), _("gives {count} alignments for {columns} columns").format(
            count=len(table.align), columns=columns), code="body.table")
    below = [0] * columns
    for part, i, row in rows:
        at: PathKey = (*here, part) if i is None else (*here, part, i)
        covered = sum(1 for b in below if b)
        width = covered + sum(c.span for c in row)
        if width != columns:
            yield doc.problem(at, _("covers {width} columns (cells merged from above counted); the table has "
                                    "{columns} (widths)").format(width=width, columns=columns), code="body.table")
            return
        column = 0
        for cell in row:
            while column < columns and below[column]:
                column += 1
            for k in range(column, min(column + cell.span, columns)):
                below[k] = max(below[k], cell.rows)
            column += cell.span
        below = [max(b - 1, 0) for b in below]
    if any(below):
        yield doc.problem(here, _("a cell is merged down past the last row"), code="body.table")


def load_config(campaign_path: Path | str) -> Config:
    """Read a campaign file and the units file it names; validate and cross-check both.

    Raises:
        ConfigError: with every problem found, each naming file, line, column and field.
    """
    return _campaign(load_yaml(Path(campaign_path), str(campaign_path)), Path(campaign_path))


def _campaign(doc: Document, path: Path | None, given: tuple[UnitsFile, Path | None] | None = None) -> Config:
    try:
        campaign = validate(CampaignFile, doc)
    except ConfigError as exc:
        raise _with_references(exc, doc, path, given, _CAMPAIGN_REFERENCES) from None
    units, units_path = given or _named_units(doc, path, campaign.units)
    config = Config(units=units, units_path=units_path, campaign=campaign, campaign_path=path)
    problems = list(_check_references(config, doc))
    if problems:
        raise ConfigError(problems)
    for problem in _to_review(config, doc):
        warnings.warn(VbdocsWarning(problem), stacklevel=2)
    return config


def _to_review(config: Config, doc: Document) -> Iterable[Problem]:
    """What is valid but a person must look at before the documents go out."""
    c = config.campaign
    dated: list[tuple[PathKey, dt.date]] = [(("reports", i, "deadline"), r.deadline) for i, r in enumerate(c.reports)]
    registration = c.forms.registration if c.forms else None
    if registration is not None and registration.deadline is not None:
        dated.append((("forms", "registration", "deadline"), registration.deadline))
    for path, day in dated:
        if is_weekend(day):
            last = working_day_before(day)
            yield doc.problem(path, _("{day} falls on {weekday}: \"trước ngày {day}\" gives units until {last_weekday} "
                                      "{last}; is that the day meant?").format(
                day=short_date(day), weekday=weekday_name(day), last_weekday=weekday_name(last), last=short_date(last)),
                code="date.weekend")


def _check_references(config: Config, doc: Document) -> Iterable[Problem]:
    c = config.campaign
    known = _Known(config)
    if c.plan is not None:
        yield from _check_plan(config, doc, known)
    for i, letter in enumerate(c.letters):
        yield from _check_letter(config, doc, known, i, letter)
    yield from _unique_ids(doc, "letters", [letter.id for letter in c.letters])
    yield from _unique_ids(doc, "reports", [report.id for report in c.reports])
    if c.plan is None and not c.letters:
        yield doc.problem((), _("the campaign has neither a plan nor letters: there is nothing to build"),
                          code="document.missing")
    yield from _check_forms(config, doc, known)
    year = c.campaign.year
    plan_date = c.plan.date if c.plan else None
    for i, due in enumerate(c.reports):
        if due.deadline.year != year:
            yield doc.problem(
                ("reports", i, "deadline"),
                _("the deadline falls in {deadline}, outside the campaign's year {year}").format(
                    deadline=due.deadline.year, year=year), code="date.year",
            )
        elif plan_date is not None and due.deadline < plan_date:
            yield doc.problem(("reports", i, "deadline"), _("the deadline is before the plan's date"),
                              code="date.order")


@dataclass(frozen=True)
class _Known:
    bodies: set[str]
    addressable: set[str]
    units: set[str]
    reports: set[str]

    def __init__(self, config: Config) -> None:
        object.__setattr__(self, "bodies", {b.id for b in config.units.bodies})
        object.__setattr__(self, "units", {u.code for u in config.units.units})
        object.__setattr__(self, "addressable", self.units | {g.code for g in config.units.groups})
        object.__setattr__(self, "reports", set(config.due()))


def _check_common(config: Config, doc: Document, known: _Known, where: PathKey,
                  document: Plan | Letter) -> Iterable[Problem]:
    """Checks every document kind shares: legal bases, recipients, signer, filing."""
    for i, basis in enumerate(document.legal_bases):
        if basis.issuer is not None and basis.issuer not in known.bodies:
            yield doc.problem((*where, "legal_bases", i, "issuer"), _unknown(BODY, basis.issuer, known.bodies),
                              code=UNKNOWN)
    yield from _check_closing(config, doc, where, document.recipients, document.signer, document.filing)


def _check_target(doc: Document, known: _Known, here: PathKey, to: str | None, text: str | None) -> Iterable[Problem]:
    yield from _check_code_or_text(doc, here, to, text, known.addressable | known.bodies)


def _check_duties(doc: Document, known: _Known, here: PathKey, duties: Iterable[Duty]) -> Iterable[Problem]:
    for j, duty in enumerate(duties):
        for k, report in enumerate(duty.reports):
            if report not in known.reports:
                close = difflib.get_close_matches(report, known.reports, n=1)
                yield doc.problem((*here, j, "reports", k), _("no report with the id {id} in this file's reports "
                                                              "(nor a registration form with that id and a deadline)")
                                  .format(id=repr(report)) + _did_you_mean(close), code=UNKNOWN)


def _check_forms(config: Config, doc: Document, known: _Known) -> Iterable[Problem]:
    c = config.campaign
    for i, report in enumerate(c.reports):
        for j, code in enumerate(report.units):
            if code not in known.addressable:
                yield doc.problem(("reports", i, "units", j), _unknown(UNIT_OR_GROUP, code, known.addressable),
                                  code=UNKNOWN)
        if report.subject is not None and c.forms is None:
            yield doc.problem(("reports", i, "subject"),
                              _("a report with a form needs forms.send_to, for its Kính gửi"), code="document.missing")
        if report.subject is not None and c.plan is None:
            yield doc.problem(("reports", i, "subject"), _("report forms follow the plan, but this campaign has no "
                                                           "plan"), code="document.missing")
    if c.forms is not None and c.forms.collected_by is not None and c.forms.collected_by not in known.units:
        yield doc.problem(("forms", "collected_by"), _unknown(UNIT, c.forms.collected_by, known.units), code=UNKNOWN)
    registration = c.forms.registration if c.forms else None
    if registration is not None:
        for j, code in enumerate(registration.units):
            if code not in known.addressable:
                yield doc.problem(("forms", "registration", "units", j),
                                  _unknown(UNIT_OR_GROUP, code, known.addressable), code=UNKNOWN)
        if c.plan is None:
            yield doc.problem(("forms", "registration"), _("forms follow the plan, but this campaign has no plan"),
                              code="document.missing")


def _check_plan(config: Config, doc: Document, known: _Known) -> Iterable[Problem]:
    plan = config.campaign.plan
    assert plan is not None
    yield from _check_common(config, doc, known, ("plan",), plan)
    yield from _check_footnotes(doc, ("plan",), plan)
    for i, assignment in enumerate(plan.implementation.assignments):
        here: PathKey = ("plan", "implementation", "assignments", i)
        if assignment.unit not in known.addressable:
            yield doc.problem((*here, "unit"), _unknown(UNIT_OR_GROUP, assignment.unit, known.addressable),
                              code=UNKNOWN)
        yield from _check_duties(doc, known, (*here, "duties"), assignment.duties)
    year = config.campaign.campaign.year
    if plan.date is not None and plan.date.year != year:
        yield doc.problem(("plan", "date"), _("the plan is dated {dated}, but the campaign is for {year}").format(
            dated=plan.date.year, year=year), code="date.year")


def _check_footnotes(doc: Document, where: PathKey, document: Plan | Letter | DocumentSpec) -> Iterable[Problem]:
    """Every [^name] in a document's text has a footnote, referenced once; every footnote is
    referenced; a footnote holds none of its own."""
    used: list[tuple[PathKey, str]] = []
    for path, text in markup_values(document):
        if path[0] != "footnotes":
            here = _data_path((*where, *path), doc.data)  # a duty written as a plain text has no "text" key
            used += [(here, name) for name in parse_markup(text).footnotes]
    for path, name in used:
        if name not in document.footnotes:
            yield doc.problem(path, _("the footnote [^{name}] has no text under footnotes").format(name=name),
                              code="footnote.missing")
    referenced = {name for _path, name in used}
    for name in document.footnotes:
        if name not in referenced:
            yield doc.problem((*where, "footnotes", name), _("the footnote {quoted} is never referenced ([^{name}])")
                              .format(quoted=repr(name), name=name), code="footnote.unused")
        elif sum(1 for _path, n in used if n == name) > 1:
            yield doc.problem((*where, "footnotes", name), _("the footnote {quoted} is referenced more than once")
                              .format(quoted=repr(name)), code="footnote.twice")
    for note, text in document.footnotes.items():
        if parse_markup(text).footnotes:
            yield doc.problem((*where, "footnotes", note), _("a footnote cannot hold another footnote"),
                              code="footnote.nested")


def _check_letter(config: Config, doc: Document, known: _Known, i: int, letter: Letter) -> Iterable[Problem]:
    where: PathKey = ("letters", i)
    yield from _check_common(config, doc, known, where, letter)
    if letter.drafting_unit not in known.units:
        yield doc.problem((*where, "drafting_unit"), _unknown(UNIT, letter.drafting_unit, known.units), code=UNKNOWN)
    for j, addressee in enumerate(letter.addressees):
        yield from _check_target(doc, known, (*where, "addressees", j), addressee.to, addressee.text)
    yield from _check_duties(doc, known, (*where, "instructions"), letter.instructions)
    plan = config.campaign.plan
    if letter.cites_plan and plan is None:
        yield doc.problem((*where, "cites_plan"), _("the letter cites the plan, but this campaign has no plan"),
                          code="document.missing")
    elif letter.cites_plan and plan is not None and letter.date is not None and plan.date is not None \
            and letter.date < plan.date:
        yield doc.problem((*where, "date"), _("the letter is dated {date}, before the plan it cites ({plan})").format(
            date=short_date(letter.date), plan=short_date(plan.date)), code="date.order")
    yield from _check_footnotes(doc, where, letter)
    year = config.campaign.campaign.year
    if letter.date is not None and letter.date.year != year:
        yield doc.problem((*where, "date"), _("the letter is dated {dated}, but the campaign is for {year}").format(
            dated=letter.date.year, year=year), code="date.year")
