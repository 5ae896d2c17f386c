"""Which documents a campaign produces, in the order a set lists them."""

from __future__ import annotations

from ..config import Config
from ..deadlines import Deadline
from ..inline import parse
from .base import DocumentContent
from .letter import build_letter
from .plan import build_plan
from .report_form import build_report_forms


def campaign_documents(config: Config) -> list[DocumentContent]:
    """Every document of the campaign's set, as content ready to render: the plan,
    the letters in the order the campaign file lists them, then the forms."""
    out = [build_plan(config)] if config.campaign.plan is not None else []
    out += [build_letter(config, letter) for letter in config.campaign.letters]
    out += build_report_forms(config)
    return out


def campaign_deadlines(config: Config) -> list[Deadline]:
    """The deadlines the campaign sets, in date order, with the units that owe them."""
    year = config.campaign.campaign.year
    out = [
        Deadline(f"{year}-{r.id}@vbdocs", r.deadline, r.name[:1].upper() + r.name[1:],
                 tuple(u.name for u in config.units_of(r.units)))
        for r in config.campaign.reports
    ]
    forms = config.campaign.forms
    registration = forms.registration if forms else None
    if registration is not None and registration.deadline is not None:
        owing = tuple(u.name for u in config.units_of(registration.units))
        out.append(Deadline(f"{year}-{registration.id}@vbdocs", registration.deadline,
                            str(parse(registration.subject)), owing))
    return sorted(out, key=lambda d: (d.date, d.uid))
