"""From files to validated models: read, validate, resolve references.

This is the only place that turns YAML into :mod:`vbdocs.schema` models. Every
problem of a file is collected and raised at once as a :class:`ConfigError`,
each located at ``file:line:column`` with its field path.
"""

from __future__ import annotations

import datetime as dt
import difflib
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Problem, VbdocsWarning
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


def _message(error: Any, doc: Document, path: PathKey, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        allowed = _model_fields(model, path[:-1], doc.data)
        close = difflib.get_close_matches(key, allowed, n=1) if len(key) <= EXCERPT_CHARS else []
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {excerpt(key)}{hint}"
    ctx = error.get("ctx") or {}
    plain = _PLAIN_MESSAGES.get(kind)
    if plain is not None:
        return plain.format(**{k: v for k, v in ctx.items() if isinstance(v, str | int | float)})
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == FOOTNOTE_NAME_PATTERN:
        return "must be a footnote name: up to 40 letters, digits, \"_\" and \"-\", as [^name] refers to it"
    if kind == "string_pattern_mismatch" and "_-" in str(ctx.get("pattern", "")):
        return "must be a code: letters, digits, \"_\" and \"-\", starting with a letter, no spaces"
    if kind == "string_pattern_mismatch":
        return "must be an abbreviation: letters, digits and \".\", starting with a letter, no spaces"
    if kind in ("enum", "literal_error"):
        return f"must be one of {ctx.get('expected', '')}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _not_ours(doc: Document, model: type[BaseModel]) -> ConfigError:
    """A file whose top level shares no key with its model: another program's file, or the
    wrong file named. Said once, naming the keys expected and quoting nothing of the file."""
    kind = model.__name__.removesuffix("File").lower()
    *first, last = model.model_fields
    expected = f"{', '.join(first)} or {last}"
    message = f"is not a vbdocs {kind} file: none of its top-level keys is {expected}"
    return ConfigError([Problem(doc.file, 0, 0, "", message)])


#: Problems of one file reported at most: past them, a line says how many more there are.
MAX_PROBLEMS = 100

#: Pydantic's messages in words a clerk reads, by error type.
_PLAIN_MESSAGES = {
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be a text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list (lines starting with \"- \")",
    "dict_type": "must be a mapping (lines of \"key: value\")",
    "model_type": "must be a mapping (lines of \"key: value\")",
    "date_type": "must be a date written YYYY-MM-DD, e.g. 2024-06-20",
    "date_parsing": "must be a date written YYYY-MM-DD, e.g. 2024-06-20",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD, e.g. 2024-06-20",
    "string_too_short": "must not be empty",
    "too_short": "must have at least {min_length} item(s)",
    "too_long": "must have at most {max_length} item(s)",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "string_too_long": "must be at most {max_length} characters long",
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
        message = _message(error, doc, path, model)
        problem = doc.problem(path, message, at_key=error["type"] == "extra_forbidden")
        problems.setdefault((problem.path, problem.message), problem)
    if problems:
        shown = sorted(problems.values(), key=lambda p: (p.line, p.column))
        if len(errors) > MAX_PROBLEMS:
            shown.append(Problem(doc.file, 0, 0, "", f"and {len(errors) - MAX_PROBLEMS} more problems not shown"))
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
                yield doc.problem(here, f"the code {code!r} is already used at {_where(doc, first)}"
                                  + _same_key(code, str(_value(doc, first))))
            seen.setdefault(code_key(code), here)
    people: set[str] = set()
    for i, person in enumerate(units.people):
        if person.id in people:
            yield doc.problem(("people", i, "id"), f"the id {person.id!r} is used twice")
        people.add(person.id)
    unit_codes = {u.code for u in units.units}
    for i, group in enumerate(units.groups):
        if group.members is None:
            continue
        for j, member in enumerate(group.members):
            if member not in unit_codes:
                yield doc.problem(("groups", i, "members", j), _unknown("unit", member, unit_codes))


def _unique_ids(doc: Document, kind: str, ids: list[str]) -> Iterable[Problem]:
    """The ids of a list (letters, reports) name files: each once, as code_key sees them."""
    first_of: dict[str, int] = {}
    for i, name in enumerate(ids):
        first = first_of.setdefault(code_key(name), i)
        if first != i:
            yield doc.problem((kind, i, "id"), f"the id {name!r} is used by {kind}[{first}] too"
                              + _same_key(name, ids[first]))


def _same_key(code: str, first: str) -> str:
    """The reason two different-looking codes collide, when they do."""
    if code == first:
        return ""
    return f" as {first!r} (codes that differ only in case or in \"_\" and \"-\" name the same files)"


def _value(doc: Document, path: PathKey) -> Any:
    node = doc.data
    for part in path:
        node = node[part]
    return node


def _where(doc: Document, path: PathKey) -> str:
    pos = doc.locate(path)
    return f"line {pos.line}"


def _unknown(kind: str, code: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(code, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"no {kind} with the code {code!r} in the units file{hint}"


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

    document = validate(DocumentFile, doc)
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
        reason = "does not exist" if exc.missing else exc.reason
        raise ConfigError([doc.problem(("units",), f"the units file {name} {reason}")]) from None


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
            yield doc.problem((*where, key), _unknown("unit", code, units))
    if d.type not in numbering.TYPE_ABBREVIATIONS and d.drafting_unit is None:
        yield doc.problem((*where, "type"), f"a {d.type}'s symbol is the issuer's abbreviation then the drafting "
                          "unit's (\"SNN-VP\"): give drafting_unit")
    if d.symbol_unit and d.drafting_unit is None:
        yield doc.problem((*where, "symbol_unit"), "the symbol ends with the drafting unit: give drafting_unit")
    for i, a in enumerate(d.addressees):
        yield from _check_code_or_text(doc, (*where, "addressees", i), a.to, a.text, addressable)
    yield from _check_closing(config, doc, where, d.recipients, d.signer, d.filing,
                              own_title=d.signer_title is not None)
    for i, other in enumerate(d.joint):
        reason = signing.refusal(other.signer.authority, signer_title=other.signer.title, head_title=other.head_title,
                                 collective=other.collective, collective_from="its collective")
        if reason:
            yield doc.problem((*where, "joint", i, "signer", "authority"), reason)
    if d.joint and d.second_signer is not None:
        yield doc.problem((*where, "second_signer"), "a joint document is signed by each of its agencies; a second "
                          "signer of the lead agency has no place beside them: remove second_signer")
    if d.copy_of is not None and d.electronic:
        for part in ("signer", "filing", "recipients"):
            if getattr(d.copy_of, part):
                yield doc.problem((*where, "copy_of", part), f"an electronic copy (Mẫu 3.2) has no {part} of its own: "
                                  "the copying agency's digital signature stands for its copy block; remove it")
    if d.copy_of is not None and not d.electronic:
        for part, value in (("signer", d.copy_of.signer), ("filing", d.copy_of.filing)):
            if value is None:
                yield doc.problem((*where, "copy_of"), f"a paper copy (Mẫu 3.1) is signed and filed: give {part}, "
                                  "or make the document electronic (Mẫu 3.2)")
        if d.copy_of.signer is not None and d.copy_of.filing is not None:
            yield from _check_closing(config, doc, (*where, "copy_of"), d.copy_of.recipients, d.copy_of.signer,
                                      d.copy_of.filing)
    if d.date is None and d.year is None:
        yield doc.problem((*where, "date"), "a draft without its date needs the year its date line prints: "
                          "write year: (e.g. year: 2024)")
    if d.date is not None and d.month is not None:
        yield doc.problem((*where, "month"), "a dated document prints its date's month; month is for a draft")
    if d.date is not None and d.year is not None and d.year != d.date.year:
        yield doc.problem((*where, "year"), f"the document is dated {d.date.year}, not {d.year}")
    if d.attached is not None:
        if d.type not in ("Quyết định", "Nghị quyết"):
            yield doc.problem((*where, "attached"), f"a {d.type} issues no document of its own; a Quyết định does")
        yield from _check_blocks(doc, (*where, "attached", "body"), d.attached.body, spec, heading=0, clause=None,
                                 bullet=0)
    for i, appendix in enumerate(d.appendices):
        yield from _check_blocks(doc, (*where, "appendices", i, "body"), appendix.body, spec, heading=0,
                                 clause=None, bullet=0)
    if d.type in numbering.TYPES_WITHOUT_SUBJECT and d.subject is not None:
        yield doc.problem((*where, "subject"), f"a {d.type} has no trích yếu (Phụ lục III): remove subject")
    if d.type not in numbering.TYPES_WITHOUT_SUBJECT and d.subject is None:
        yield doc.problem((*where, "type"), f"a {d.type} has a trích yếu: give subject")
    if d.type == "Giấy giới thiệu" and d.introduction is None:
        yield doc.problem((*where, "type"), "a Giấy giới thiệu says whom it introduces to whom, about what and "
                          "until when: give introduction")
    if d.introduction is not None and d.type != "Giấy giới thiệu":
        yield doc.problem((*where, "introduction"), f"only a Giấy giới thiệu has an introduction, not a {d.type}")
    if d.type == "Giấy nghỉ phép" and d.leave is None:
        yield doc.problem((*where, "type"), "a Giấy nghỉ phép says whom it grants how many days, from when to "
                          "when and where: give leave")
    if d.leave is not None and d.type != "Giấy nghỉ phép":
        yield doc.problem((*where, "leave"), f"only a Giấy nghỉ phép grants leave, not a {d.type}")
    if d.leave is not None and d.leave.end < d.leave.start:
        yield doc.problem((*where, "leave", "end"), "the leave ends before it starts")
    if d.type == "Biên bản" and d.minutes is None:
        yield doc.problem((*where, "type"), "a Biên bản records when and where its meeting was, who attended, "
                          "chaired and took the minutes: give minutes")
    if d.minutes is not None and d.type != "Biên bản":
        yield doc.problem((*where, "minutes"), f"only a Biên bản has minutes, not a {d.type}")
    if d.minutes is not None and d.minutes.end <= d.minutes.start:
        yield doc.problem((*where, "minutes", "end"), "the meeting ends before it starts")
    if d.second_signer is not None and d.second_signer.person not in people:
        yield doc.problem((*where, "second_signer", "person"), _unknown("person", d.second_signer.person, people))
    if d.type == "Công điện" and not d.addressees:
        yield doc.problem((*where, "type"), "a Công điện is sent to its addressees (\"… điện:\"): give addressees")
    if d.type == "Giấy mời" and d.invitation is None:
        yield doc.problem((*where, "type"), "a Giấy mời says whom it invites to what, when and where: give invitation")
    if d.invitation is not None and d.type != "Giấy mời":
        yield doc.problem((*where, "invitation"), f"only a Giấy mời has an invitation, not a {d.type}")
    if not d.body and d.invitation is None and d.introduction is None and d.minutes is None and d.leave is None:
        yield doc.problem((*where, "body"), "the document has no body: give its blocks")
    if d.invitation is not None and d.invitation.end is not None and d.invitation.end <= d.invitation.start:
        yield doc.problem((*where, "invitation", "end"), "the meeting ends before it starts")
    if d.contact and config.units.agency.contact is None:
        yield doc.problem((*where, "contact"), "the units file gives no agency.contact to print")
    if d.type == "Công văn" and d.authority:
        yield doc.problem((*where, "authority"), "a công văn has no deciding authority line")
    yield from _check_footnotes(doc, where, d)
    yield from _check_blocks(doc, (*where, "body"), d.body, spec, heading=0, clause=None, bullet=0)


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
        yield doc.problem((*where, "signer", "person"), _unknown("person", signer.person, people))
    person = config.person(signer.person)
    agency = config.units.agency
    reason = person and not own_title and signing.refusal(
        signer.authority, signer_title=person.title, head_title=agency.head_title, collective=agency.collective,
        deputy_for=signer.deputy_for)
    if reason:
        yield doc.problem((*where, "signer", "authority"), reason)
    if filing.unit not in units:
        yield doc.problem((*where, "filing", "unit"), _unknown("unit", filing.unit, units))


def _check_code_or_text(doc: Document, here: PathKey, to: str | None, text: str | None,
                        known: set[str]) -> Iterable[Problem]:
    if (to is None) == (text is None):
        yield doc.problem(here, "give either 'to' (a code) or 'text', not both and not neither")
    elif to is not None and to not in known:
        yield doc.problem((*here, "to"), _unknown("unit, group or body", to, known))


def _check_blocks(doc: Document, here: PathKey, blocks: list[Any], spec: Any, *, heading: int,
                  clause: int | None, bullet: int) -> Iterable[Problem]:
    """The body's shape: headings at most four deep, an Điều's parts at most four, bullets in
    bullets at most two, Điều only outside Điều, every table row as wide as the table."""
    from .vn.numbering import CLAUSE_LEVELS, HEADING_LEVELS, OUTLINE_LEVELS

    for i, block in enumerate(blocks):
        at: PathKey = (*here, i)
        if isinstance(block, spec.Heading):
            if clause is not None:
                yield doc.problem(at, "a heading cannot stand inside an Điều; number its khoản with numbered")
            elif heading + 1 > HEADING_LEVELS:
                yield doc.problem(at, f"headings nest at most {HEADING_LEVELS} deep (I., 1., 1.1., a)); "
                                  "write deeper parts as numbered or bullets")
            else:
                yield from _check_blocks(doc, (*at, "body"), block.body, spec, heading=heading + 1, clause=None,
                                         bullet=0)
        elif isinstance(block, spec.Numbered):
            depth = (clause + 1) if clause is not None else max(heading + 1, 2)
            limit = CLAUSE_LEVELS if clause is not None else OUTLINE_LEVELS - 2
            if depth > limit:
                yield doc.problem(at, "numbered lists nest too deep here; write the deepest parts as bullets")
                continue
            for j, item in enumerate(block.numbered):
                yield from _check_blocks(doc, (*at, "numbered", j, "body"), item.body, spec,
                                         heading=depth if clause is None else heading,
                                         clause=depth if clause is not None else None, bullet=0)
        elif isinstance(block, spec.Bullets):
            if bullet >= 2:
                yield doc.problem(at, "bullets nest at most two deep (\"-\" then \"+\")")
                continue
            for j, item in enumerate(block.bullets):
                yield from _check_blocks(doc, (*at, "bullets", j, "body"), item.body, spec, heading=heading,
                                         clause=clause, bullet=bullet + 1)
        elif isinstance(block, spec.Article):
            if clause is not None:
                yield doc.problem(at, "an Điều cannot stand inside another Điều")
            else:
                yield from _check_blocks(doc, (*at, "body"), block.body, spec, heading=heading, clause=0, bullet=0)
        elif isinstance(block, spec.Part | spec.Chapter | spec.Division):
            if clause is not None:
                yield doc.problem(at, "a phần, chương or mục cannot stand inside an Điều")
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
        yield doc.problem((*here, "align"), f"gives {len(table.align)} alignments for {columns} columns")
    below = [0] * columns
    for part, i, row in rows:
        at: PathKey = (*here, part) if i is None else (*here, part, i)
        covered = sum(1 for b in below if b)
        width = covered + sum(c.span for c in row)
        if width != columns:
            yield doc.problem(at, f"covers {width} columns (cells merged from above counted); the table has "
                              f"{columns} (widths)")
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
        yield doc.problem(here, "a cell is merged down past the last row")


def load_config(campaign_path: Path | str) -> Config:
    """Read a campaign file and the units file it names; validate and cross-check both.

    Raises:
        ConfigError: with every problem found, each naming file, line, column and field.
    """
    return _campaign(load_yaml(Path(campaign_path), str(campaign_path)), Path(campaign_path))


def _campaign(doc: Document, path: Path | None, given: tuple[UnitsFile, Path | None] | None = None) -> Config:
    campaign = validate(CampaignFile, doc)
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
            yield doc.problem(path, f"{short_date(day)} falls on {weekday_name(day)}: \"trước ngày "
                              f"{short_date(day)}\" gives units until {weekday_name(last)} {short_date(last)}; "
                              "is that the day meant?")


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
        yield doc.problem((), "the campaign has neither a plan nor letters: there is nothing to build")
    yield from _check_forms(config, doc, known)
    year = c.campaign.year
    plan_date = c.plan.date if c.plan else None
    for i, due in enumerate(c.reports):
        if due.deadline.year != year:
            yield doc.problem(
                ("reports", i, "deadline"),
                f"the deadline falls in {due.deadline.year}, outside the campaign's year {year}",
            )
        elif plan_date is not None and due.deadline < plan_date:
            yield doc.problem(("reports", i, "deadline"), "the deadline is before the plan's date")


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
            yield doc.problem((*where, "legal_bases", i, "issuer"), _unknown("body", basis.issuer, known.bodies))
    yield from _check_closing(config, doc, where, document.recipients, document.signer, document.filing)


def _check_target(doc: Document, known: _Known, here: PathKey, to: str | None, text: str | None) -> Iterable[Problem]:
    yield from _check_code_or_text(doc, here, to, text, known.addressable | known.bodies)


def _check_duties(doc: Document, known: _Known, here: PathKey, duties: Iterable[Duty]) -> Iterable[Problem]:
    for j, duty in enumerate(duties):
        for k, report in enumerate(duty.reports):
            if report not in known.reports:
                yield doc.problem((*here, j, "reports", k), f"no report with the id {report!r} in this file's reports "
                                  "(nor a registration form with that id and a deadline)")


def _check_forms(config: Config, doc: Document, known: _Known) -> Iterable[Problem]:
    c = config.campaign
    for i, report in enumerate(c.reports):
        for j, code in enumerate(report.units):
            if code not in known.addressable:
                yield doc.problem(("reports", i, "units", j), _unknown("unit or group", code, known.addressable))
        if report.subject is not None and c.forms is None:
            yield doc.problem(("reports", i, "subject"), "a report with a form needs forms.send_to, for its Kính gửi")
        if report.subject is not None and c.plan is None:
            yield doc.problem(("reports", i, "subject"), "report forms follow the plan, but this campaign has no plan")
    if c.forms is not None and c.forms.collected_by is not None and c.forms.collected_by not in known.units:
        yield doc.problem(("forms", "collected_by"), _unknown("unit", c.forms.collected_by, known.units))
    registration = c.forms.registration if c.forms else None
    if registration is not None:
        for j, code in enumerate(registration.units):
            if code not in known.addressable:
                yield doc.problem(("forms", "registration", "units", j),
                                  _unknown("unit or group", code, known.addressable))
        if c.plan is None:
            yield doc.problem(("forms", "registration"), "forms follow the plan, but this campaign has no plan")


def _check_plan(config: Config, doc: Document, known: _Known) -> Iterable[Problem]:
    plan = config.campaign.plan
    assert plan is not None
    yield from _check_common(config, doc, known, ("plan",), plan)
    yield from _check_footnotes(doc, ("plan",), plan)
    for i, assignment in enumerate(plan.implementation.assignments):
        here: PathKey = ("plan", "implementation", "assignments", i)
        if assignment.unit not in known.addressable:
            yield doc.problem((*here, "unit"), _unknown("unit or group", assignment.unit, known.addressable))
        yield from _check_duties(doc, known, (*here, "duties"), assignment.duties)
    year = config.campaign.campaign.year
    if plan.date is not None and plan.date.year != year:
        yield doc.problem(("plan", "date"), f"the plan is dated {plan.date.year}, but the campaign is for {year}")


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
            yield doc.problem(path, f"the footnote [^{name}] has no text under footnotes")
    referenced = {name for _, name in used}
    for name in document.footnotes:
        if name not in referenced:
            yield doc.problem((*where, "footnotes", name), f"the footnote {name!r} is never referenced ([^{name}])")
        elif sum(1 for _, n in used if n == name) > 1:
            yield doc.problem((*where, "footnotes", name), f"the footnote {name!r} is referenced more than once")
    for note, text in document.footnotes.items():
        if parse_markup(text).footnotes:
            yield doc.problem((*where, "footnotes", note), "a footnote cannot hold another footnote")


def _check_letter(config: Config, doc: Document, known: _Known, i: int, letter: Letter) -> Iterable[Problem]:
    where: PathKey = ("letters", i)
    yield from _check_common(config, doc, known, where, letter)
    if letter.drafting_unit not in known.units:
        yield doc.problem((*where, "drafting_unit"), _unknown("unit", letter.drafting_unit, known.units))
    for j, addressee in enumerate(letter.addressees):
        yield from _check_target(doc, known, (*where, "addressees", j), addressee.to, addressee.text)
    yield from _check_duties(doc, known, (*where, "instructions"), letter.instructions)
    plan = config.campaign.plan
    if letter.cites_plan and plan is None:
        yield doc.problem((*where, "cites_plan"), "the letter cites the plan, but this campaign has no plan")
    elif letter.cites_plan and plan is not None and letter.date is not None and plan.date is not None \
            and letter.date < plan.date:
        yield doc.problem((*where, "date"), f"the letter is dated {short_date(letter.date)}, before the plan it "
                          f"cites ({short_date(plan.date)})")
    yield from _check_footnotes(doc, where, letter)
    year = config.campaign.campaign.year
    if letter.date is not None and letter.date.year != year:
        yield doc.problem((*where, "date"), f"the letter is dated {letter.date.year}, but the campaign is for {year}")
