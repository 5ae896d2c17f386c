"""Kế hoạch (Mẫu 1.4, "văn bản có tên loại") of a campaign.

Its body, in the order offices write it: the opening sentence composed from the
legal bases ("Thực hiện Chỉ thị số … ; …, như sau:"), the mục of the plan with
their numbered khoản, the last mục "Tổ chức thực hiện" with each unit's duties,
and the closing paragraph ending "./.".
"""

from __future__ import annotations

from ..config import Config
from ..inline import Text, parse
from ..layout import parts
from ..schema.campaign import Duty, Recipient
from ..vn import citations, numbering
from ..vn.dates import short_date
from ..vn.text import conjunction_separators, upper, with_closing_mark
from .base import Block, DocumentContent, Properties

TYPE_NAME = "Kế hoạch"


def build_plan(config: Config) -> DocumentContent:
    """The plan of the campaign in ``config``."""
    agency = config.units.agency
    plan = config.campaign.plan
    year = config.campaign.campaign.year
    subject = parse(plan.subject)
    signer = config.person(plan.signer.person)
    filing_unit = config.unit(plan.filing.unit)
    assert signer is not None and filing_unit is not None  # checked by load_config
    return DocumentContent(
        kind="plan",
        template="plan.docx",
        filename=f"ke-hoach-{year}.docx",
        heading=parts.heading(
            parent=agency.parent.name if agency.parent else None,
            agency=agency.name,
            symbol=numbering.typed_symbol(TYPE_NAME, agency.abbreviation),
            number=plan.number,
            place=agency.place,
            date=plan.date,
            year=year,
        ),
        title=parts.title(TYPE_NAME, subject),
        body=tuple(_body(config)),
        closing=parts.closing(
            recipients=[_recipient(config, r) for r in plan.recipients],
            filing=parts.filing_line(filing_unit.abbreviation, plan.filing.drafter, plan.filing.copies),
            authority=plan.signer.authority,
            signer_title=signer.title,
            signer_name=signer.name,
            head_title=agency.head_title,
        ),
        properties=Properties(
            title=f"{TYPE_NAME} {subject}",
            subject=str(subject),
            author=agency.name,
            year=year,
        ),
    )


def _body(config: Config) -> list[Block]:
    plan = config.campaign.plan
    blocks = [Block("paragraph", opening_sentence(config))]
    for i, section in enumerate(plan.sections, start=1):
        blocks.append(Block("section", Text.plain(f"{numbering.roman(i)}. {upper(section.title)}")))
        blocks.extend(
            Block("paragraph", f"{j}. " + parse(item)) for j, item in enumerate(section.items, start=1)
        )
    implementation = plan.implementation
    number = numbering.roman(len(plan.sections) + 1)
    blocks.append(Block("section", Text.plain(f"{number}. {upper(implementation.title)}")))
    for k, assignment in enumerate(implementation.assignments, start=1):
        blocks.append(Block("subsection", Text.plain(f"{k}. {_unit_name(config, assignment.unit, assignment.label)}")))
        blocks.extend(Block("paragraph", "- " + _duty(config, duty)) for duty in assignment.duties)
    closing = parse(plan.closing)
    blocks.append(Block("closing", closing.map_last(with_closing_mark)))
    return blocks


def opening_sentence(config: Config) -> Text:
    """ "Thực hiện <citation>; <citation>; <opening>" from the plan's legal bases."""
    plan = config.campaign.plan
    cited = []
    for basis in plan.legal_bases:
        issuer = config.body(basis.issuer) if basis.issuer else None
        cited.append(citations.citation(
            basis.type,
            number=basis.number,
            date=basis.date,
            issuer=issuer.short_name if issuer else None,
            subject=parse(basis.subject),
            connector=basis.connector,
        ))
    cited.append(parse(plan.opening))
    return "Thực hiện " + Text.join(cited, "; ")


def _duty(config: Config, duty: Duty) -> Text:
    text = parse(duty.text)
    if not duty.reports:
        return text
    reports = {r.id: r for r in config.campaign.reports}
    deadlines = [
        Text.plain(f"{reports[rid].name} ") + Text.plain(
            f"trước ngày {short_date(reports[rid].deadline)}", bold=True,
        )
        for rid in duty.reports
    ]
    separators = conjunction_separators(len(deadlines))
    out = text.map_last(lambda s: s.rstrip(" ,.;")) + ", " + deadlines[0]
    for separator, deadline in zip(separators, deadlines[1:], strict=True):
        out = out + separator + deadline
    return out + "."


def _unit_name(config: Config, code: str, label: str | None) -> str:
    if label:
        return label
    found = config.unit(code) or config.group(code)
    if found is not None:
        return found.name
    body = config.body(code)
    assert body is not None  # checked by load_config
    return body.short_name


def _recipient(config: Config, recipient: Recipient) -> str:
    if recipient.text is not None:
        name = recipient.text
    else:
        assert recipient.to is not None
        name = _unit_name(config, recipient.to, recipient.label)
    return f"{name} ({recipient.purpose})" if recipient.purpose else name
