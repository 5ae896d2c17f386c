"""Content every document kind writes the same way: openings that cite, duties with
deadlines, names of units and recipients, the closing band."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..config import Config, Directory
from ..inline import Text, parse
from ..layout import parts
from ..schema.campaign import Duty, Filing, LegalBasis, Recipient, Signer
from ..vn import citations, numbering
from ..vn.dates import short_date
from ..vn.text import conjunction_separators, lower_first

PLAN_TYPE = "Kế hoạch"


def agency_heading(
    config: Directory, *, symbol: str, number: int | None, date: dt.date | None, year: int,
    letter_subject: str | None = None, month: int | None = None,
) -> parts.Heading:
    """The header block of a document the agency issues (``year`` printed in a draft's date line)."""
    agency = config.units.agency
    return parts.heading(
        parent=agency.parent.name if agency.parent else None,
        agency=agency.name,
        symbol=symbol,
        number=number,
        place=agency.place,
        date=date,
        year=year,
        letter_subject=letter_subject,
        month=month,
    )


def cite(config: Directory, basis: LegalBasis) -> Text:
    """A legal basis as cited in running text."""
    issuer = config.body(basis.issuer) if basis.issuer else None
    return citations.citation(
        basis.type,
        number=basis.number,
        date=basis.date,
        issuer=issuer.short_name if issuer else None,
        subject=parse(basis.subject),
        connector=basis.connector,
    )


def plan_citation(config: Config) -> Text:
    """The campaign's plan as other documents cite it (PL I, II.6.b: type, number and date at
    a first citation): "Kế hoạch số 25/KH-SNN ngày 05/3/2024 của Sở …", or while the plan is
    a draft, with the blanks of its own Số and date lines: "Kế hoạch số      /KH-SNN ngày      "."""
    plan = config.campaign.plan
    assert plan is not None  # checked by load_config
    agency = config.units.agency
    symbol = numbering.typed_symbol(PLAN_TYPE, agency.abbreviation)
    number = (f"{numbering.padded_number(plan.number)}/{symbol}" if plan.number is not None
              else numbering.draft_number(symbol))
    subject = parse(plan.subject).map_first(lower_first)
    return citations.citation(PLAN_TYPE, number=number, date=plan.date, issuer=agency.in_text, subject=subject,
                              draft=True)


def opening_sentence(cited: Sequence[Text], tail: Text) -> Text:
    """ "Thực hiện <citation>; <citation>; <tail>": the opening of a plan or letter."""
    if not cited:
        return tail
    return "Thực hiện " + Text.join([*cited, tail], "; ")


def duty_text(config: Config, duty: Duty) -> Text:
    """A duty; a reporting duty gets its reports' deadlines after it, in bold:
    "…, báo cáo 6 tháng **trước ngày 10/5/2024** và báo cáo năm **trước ngày 05/10/2024**."
    """
    text = parse(duty.text)
    if not duty.reports:
        return text
    due = config.due()
    deadlines = [
        Text.plain(f"{due[rid][0]} ") + Text.plain(f"trước ngày {short_date(due[rid][1])}", bold=True)
        for rid in duty.reports
    ]
    out = text.map_last(lambda s: s.rstrip(" ,.;")) + ", " + deadlines[0]
    for separator, deadline in zip(conjunction_separators(len(deadlines)), deadlines[1:], strict=True):
        out = out + separator + deadline
    return out + "."


def recipient_name(config: Directory, recipient: Recipient) -> str:
    """A Nơi nhận line without its punctuation: "UBND tỉnh (báo cáo)"."""
    if recipient.text is not None:
        name = recipient.text
    else:
        assert recipient.to is not None  # checked by load_config
        name = config.name_of(recipient.to, recipient.label)
    return f"{name} ({recipient.purpose})" if recipient.purpose else name


def closing(
    config: Directory, *, recipients: Sequence[Recipient], signer: Signer, filing: Filing, as_above: bool,
    title: str | None = None,
) -> parts.Closing:
    """Nơi nhận and the signature block of a document the agency issues: its head's title, and
    its collective for TM. (the signer's authority is checked by load_config)."""
    agency = config.units.agency
    person = config.person(signer.person)
    unit = config.unit(filing.unit)
    assert person is not None and unit is not None  # checked by load_config
    return parts.closing(
        recipients=[recipient_name(config, r) for r in recipients],
        filing=parts.filing_line(filing.label or unit.abbreviation, filing.drafter, filing.copies,
                                 style=filing.drafter_style),
        authority=signer.authority,
        signer_title=person.title,
        signer_name=person.name,
        head_title=agency.head_title,
        collective=agency.collective,
        as_above=as_above,
        deputy_for=signer.deputy_for,
        title=title,
    )
