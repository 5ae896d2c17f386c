"""From files to validated models: read, validate, resolve references.

This is the only place that turns YAML into :mod:`vbdocs.schema` models. Every
problem of a file is collected and raised at once as a :class:`ConfigError`,
each located at ``file:line:column`` with its field path.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ConfigError, Problem
from .loader import Document, PathKey, format_path, load_yaml
from .schema import CampaignFile, UnitsFile
from .schema.units import Body, Group, Person, Unit

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Config:
    """A campaign with the units file it refers to, both validated and cross-checked."""

    campaign: CampaignFile
    units: UnitsFile
    campaign_path: Path
    units_path: Path

    def unit(self, code: str) -> Unit | None:
        return next((u for u in self.units.units if u.code == code), None)

    def group(self, code: str) -> Group | None:
        return next((g for g in self.units.groups if g.code == code), None)

    def body(self, code: str) -> Body | None:
        return next((b for b in self.units.bodies if b.id == code), None)

    def person(self, code: str) -> Person | None:
        return next((p for p in self.units.people if p.id == code), None)

    def group_members(self, group: Group) -> list[Unit]:
        if group.members is None:
            return list(self.units.units)
        return [u for u in self.units.units if u.code in group.members]


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
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {key!r}{hint}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def validate(model: type[M], doc: Document) -> M:
    """Validate parsed YAML against a model; every error located, all at once.

    Problems found while reading the file (duplicate keys) are reported together
    with the validation errors, in the order of the file.
    """
    problems: dict[tuple[str, str], Problem] = {(p.path, p.message): p for p in doc.problems}
    unreadable = {p.path for p in doc.problems}
    try:
        result = model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            path = _data_path(error["loc"], doc.data)
            if format_path(path) in unreadable:
                continue  # already reported: the value could not be read at all
            message = _message(error, doc, path, model)
            problem = doc.problem(path, message, at_key=error["type"] == "extra_forbidden")
            problems.setdefault((problem.path, problem.message), problem)
    if problems:
        raise ConfigError(sorted(problems.values(), key=lambda p: (p.line, p.column)))
    return result


def load_units(path: Path, shown: str | None = None) -> UnitsFile:
    """Read and validate a units file."""
    doc = load_yaml(path, shown)
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
            if code in seen:
                yield doc.problem(here, f"the code {code!r} is already used at {_where(doc, seen[code])}")
            seen[code] = here
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


def _where(doc: Document, path: PathKey) -> str:
    pos = doc.locate(path)
    return f"line {pos.line}"


def _unknown(kind: str, code: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(code, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"no {kind} with the code {code!r} in the units file{hint}"


def load_config(campaign_path: Path | str) -> Config:
    """Read a campaign file and the units file it names; validate and cross-check both.

    Raises:
        ConfigError: with every problem found, each naming file, line, column and field.
    """
    shown = str(campaign_path)
    path = Path(campaign_path)
    doc = load_yaml(path, shown)
    campaign = validate(CampaignFile, doc)
    units_shown = str(Path(shown).parent / campaign.units)
    units_path = path.parent / campaign.units
    if not units_path.exists():
        raise ConfigError([doc.problem(("units",), f"the units file {units_shown} does not exist")])
    units = load_units(units_path, units_shown)
    config = Config(campaign, units, path, units_path)
    problems = list(_check_references(config, doc))
    if problems:
        raise ConfigError(problems)
    return config


def _check_references(config: Config, doc: Document) -> Iterable[Problem]:
    c = config.campaign
    plan = c.plan
    bodies = {b.id for b in config.units.bodies}
    addressable = {u.code for u in config.units.units} | {g.code for g in config.units.groups}
    people = {p.id for p in config.units.people}
    reports = {r.id for r in c.reports}
    for i, basis in enumerate(plan.legal_bases):
        if basis.issuer is not None and basis.issuer not in bodies:
            yield doc.problem(("plan", "legal_bases", i, "issuer"), _unknown("body", basis.issuer, bodies))
    for i, assignment in enumerate(plan.implementation.assignments):
        here: PathKey = ("plan", "implementation", "assignments", i)
        if assignment.unit not in addressable:
            yield doc.problem((*here, "unit"), _unknown("unit or group", assignment.unit, addressable))
        for j, duty in enumerate(assignment.duties):
            for k, report in enumerate(duty.reports):
                if report not in reports:
                    yield doc.problem(
                        (*here, "duties", j, "reports", k),
                        f"no report with the id {report!r} in this file's reports",
                    )
    for i, recipient in enumerate(plan.recipients):
        here = ("plan", "recipients", i)
        if (recipient.to is None) == (recipient.text is None):
            yield doc.problem(here, "give either 'to' (a code) or 'text', not both and not neither")
        elif recipient.to is not None and recipient.to not in addressable | bodies:
            known = addressable | bodies
            yield doc.problem((*here, "to"), _unknown("unit, group or body", recipient.to, known))
    if plan.signer.person not in people:
        yield doc.problem(("plan", "signer", "person"), _unknown("person", plan.signer.person, people))
    if config.unit(plan.filing.unit) is None:
        yield doc.problem(("plan", "filing", "unit"), _unknown("unit", plan.filing.unit, addressable))
    year = c.campaign.year
    if plan.date is not None and plan.date.year != year:
        yield doc.problem(("plan", "date"), f"the plan is dated {plan.date.year}, but the campaign is for {year}")
    for i, due in enumerate(c.reports):
        if due.deadline.year != year:
            yield doc.problem(
                ("reports", i, "deadline"),
                f"the deadline falls in {due.deadline.year}, outside the campaign's year {year}",
            )
        elif plan.date is not None and due.deadline < plan.date:
            yield doc.problem(("reports", i, "deadline"), "the deadline is before the plan's date")
