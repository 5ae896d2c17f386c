"""Which documents a campaign or document file produces, in the order a set lists them.

A :class:`~vbdocs.documents.base.DocumentSpec` says what a document of the set is (its
:class:`~vbdocs.entry.Entry`) before it is built, and how to build it: a selection
(``--only``, ``--unit``) is made on specs, and worker processes build and render the
documents they are given. Which kinds there are is ``vbdocs.kinds``.
"""

from __future__ import annotations

from ..config import Config, DocumentConfig
from ..deadlines import Deadline, deadline_uid
from ..errors import ConfigError, Problem
from ..i18n import _
from ..inline import parse
from ..kinds import kinds
from .base import DocumentContent, DocumentSpec
from .letter import build_letter


def set_specs(config: Config | DocumentConfig) -> list[DocumentSpec]:
    """Every document a campaign file or a document file makes, in set order: kind by kind
    as ``vbdocs.kinds`` lists them (built-in, registered, plug-ins), each kind's in its order."""
    source = "document" if isinstance(config, DocumentConfig) else "campaign"
    out: list[DocumentSpec] = []
    for kind in kinds():
        producer = kind.producer() if kind.source == source else None
        if producer is not None:
            out += producer(config)
    seen: dict[str, DocumentSpec] = {}
    for spec in out:
        first = seen.setdefault(spec.entry.filename.lower(), spec)  # as a file system that ignores case sees it
        if first is not spec:
            raise ConfigError([Problem(
                config.source, 0, 0, "",
                _("the {first} and the {second} would both be written to {file}; give one of them another id").format(
                    first=first.entry.kind, second=spec.entry.kind, file=spec.entry.filename), "reference.duplicate",
            )])
    return out


def campaign_documents(config: Config) -> list[DocumentContent]:
    """Every document of the campaign's set, as content ready to render."""
    return [spec.build(config) for spec in set_specs(config)]


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


__all__ = ["DocumentSpec", "build_letter", "campaign_deadlines", "campaign_documents", "set_specs"]
