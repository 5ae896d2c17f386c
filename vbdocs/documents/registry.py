"""Which documents a campaign produces, in the order a set lists them.

A :class:`DocumentSpec` says what a document of the set is (kind, file name, unit,
period, deadline) before it is built, and how to build it from the campaign:
a selection (``--only``, ``--unit``) is made on specs, and worker processes build
and render the documents they are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..config import Config, DocumentConfig
from ..deadlines import Deadline, deadline_uid
from ..errors import ConfigError, Problem
from ..inline import parse
from .base import DocumentContent
from .letter import build_letter, build_letter_by_id, letter_filename
from .plan import build_plan, plan_filename
from .report_form import build_form, form_entries
from .standalone import KIND, attached_filename, build_attached, build_document, document_filename


@dataclass(frozen=True)
class DocumentSpec:
    """A document of the set, before it is built."""

    kind: str
    filename: str
    build: Callable[[Any], DocumentContent]
    """Builds the content from the campaign; picklable, for worker processes."""
    unit: str | None = None
    period: str | None = None
    deadline: dt.date | None = None
    type_name: str | None = None
    """Tên loại as Điều 7 writes it, for the manifest ("Kế hoạch", "Công văn", "Báo cáo")."""


def set_specs(config: Config | DocumentConfig) -> list[DocumentSpec]:
    """Every document a campaign file or a document file makes, in set order."""
    if isinstance(config, DocumentConfig):
        document = config.document.document
        out = [DocumentSpec(KIND, document_filename(document), build_document, type_name=document.type)]
        if document.attached is not None:
            out.append(DocumentSpec(KIND, attached_filename(document), build_attached,
                                    type_name=document.attached.type))
        return out
    return campaign_specs(config)


def campaign_specs(config: Config) -> list[DocumentSpec]:
    """Every document of the campaign's set: the plan, the letters in the order the
    campaign file lists them, then the forms."""
    out = []
    if config.campaign.plan is not None:
        out.append(DocumentSpec("plan", plan_filename(config.campaign.campaign.year), build_plan, type_name="Kế hoạch"))
    out += [DocumentSpec("directive_letter", letter_filename(letter), partial(build_letter_by_id, letter_id=letter.id),
                         type_name="Công văn")
            for letter in config.campaign.letters]
    out += [DocumentSpec(e.kind, e.filename, partial(build_form, entry=e), e.unit, e.period, e.deadline,
                         "Báo cáo" if e.report is not None else None)
            for e in form_entries(config)]
    seen: dict[str, DocumentSpec] = {}
    for spec in out:
        first = seen.setdefault(spec.filename.lower(), spec)  # as a file system that ignores case sees it
        if first is not spec:
            raise ConfigError([Problem(
                str(config.campaign_path), 0, 0, "",
                f"the {first.kind} and the {spec.kind} would both be written to {spec.filename}; "
                "give one of them another id",
            )])
    return out


def campaign_documents(config: Config) -> list[DocumentContent]:
    """Every document of the campaign's set, as content ready to render."""
    return [spec.build(config) for spec in campaign_specs(config)]


def campaign_deadlines(config: Config) -> list[Deadline]:
    """The deadlines the campaign sets, in date order, with the units that owe them; each
    event's UID is derived from the agency, the campaign, its year and the deadline's id."""
    campaign = config.campaign.campaign

    def uid(deadline_id: str) -> str:
        return deadline_uid(config.units.agency.in_text, campaign.name, campaign.year, deadline_id)

    out = [
        Deadline(uid(r.id), r.deadline, r.name[:1].upper() + r.name[1:],
                 tuple(u.in_text for u in config.owing(r.units)))
        for r in config.campaign.reports
    ]
    forms = config.campaign.forms
    registration = forms.registration if forms else None
    if registration is not None and registration.deadline is not None:
        owing = tuple(u.in_text for u in config.owing(registration.units))
        out.append(Deadline(uid(registration.id), registration.deadline, str(parse(registration.subject)), owing))
    return sorted(out, key=lambda d: (d.date, d.uid))


__all__ = ["DocumentSpec", "build_letter", "campaign_deadlines", "campaign_documents", "campaign_specs", "set_specs"]
