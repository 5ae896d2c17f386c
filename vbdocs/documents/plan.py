"""Kế hoạch (Mẫu 1.4, "văn bản có tên loại") of a campaign.

Its body, in the order offices write it: the opening sentence composed from the
legal bases ("Thực hiện Chỉ thị số … ; …, như sau:"), the mục of the plan with
their numbered khoản, the last mục "Tổ chức thực hiện" with each unit's duties,
and the closing paragraph ending "./.".
"""

from __future__ import annotations

from ..config import Config
from ..entry import Entry
from ..inline import Text, parse
from ..layout import parts
from ..schema.campaign import Plan
from ..vn import numbering
from ..vn.text import upper, with_closing_mark
from .base import Block, DocumentContent, DocumentSpec, Footnote, Properties
from .common import PLAN_TYPE, agency_heading, cite, closing, duty_text, opening_sentence

TYPE_NAME = PLAN_TYPE


def plan_filename(year: int) -> str:
    return f"ke-hoach-{year}.docx"


def build_plan(config: Config) -> DocumentContent:
    """The plan of the campaign in ``config`` (which must have one)."""
    agency = config.units.agency
    plan = config.campaign.plan
    assert plan is not None
    year = config.campaign.campaign.year
    subject = parse(plan.subject)
    return DocumentContent(
        template="document.docx",
        heading=agency_heading(
            config, symbol=numbering.typed_symbol(TYPE_NAME, agency.abbreviation), number=plan.number, date=plan.date,
            year=year,
        ),
        title=parts.title(TYPE_NAME, subject),
        body=tuple(_body(config, plan)),
        footnotes=tuple(Footnote(name, parse(text)) for name, text in plan.footnotes.items()),
        closing=closing(config, recipients=plan.recipients, signer=plan.signer, filing=plan.filing, as_above=False),
        properties=Properties(title=f"{TYPE_NAME} {subject}", subject=str(subject), author=agency.name, year=year),
    )


def _body(config: Config, plan: Plan) -> list[Block]:
    cited = [cite(config, basis) for basis in plan.legal_bases]
    blocks = [Block("paragraph", opening_sentence(cited, parse(plan.opening)))]
    for i, section in enumerate(plan.sections, start=1):
        blocks.append(Block("section", Text.plain(f"{numbering.roman(i)}. {upper(section.title)}")))
        blocks.extend(
            Block("paragraph", f"{j}. " + parse(item.text)) for j, item in enumerate(section.items, start=1)
        )
    implementation = plan.implementation
    number = numbering.roman(len(plan.sections) + 1)
    blocks.append(Block("section", Text.plain(f"{number}. {upper(implementation.title)}")))
    for k, assignment in enumerate(implementation.assignments, start=1):
        name = config.name_of(assignment.unit, assignment.label)
        blocks.append(Block("subsection", Text.plain(f"{k}. {name}")))
        blocks.extend(Block("paragraph", "- " + duty_text(config, duty)) for duty in assignment.duties)
    blocks.append(Block("closing", parse(plan.closing).map_last(with_closing_mark)))
    return blocks


def plan_specs(config: Config) -> list[DocumentSpec]:
    """The campaign's plan, if it has one."""
    if config.campaign.plan is None:
        return []
    return [DocumentSpec(Entry("plan", plan_filename(config.campaign.campaign.year), type_name=TYPE_NAME), build_plan)]
