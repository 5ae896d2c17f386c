"""A kind of document from outside the package, as a plug-in declares it in one file: a
Thông báo of the campaign's deadlines, made from the campaign file (issue 12, item 4)."""

from __future__ import annotations

from typing import Any

from vbdocs.documents.base import Block, DocumentContent, DocumentSpec, Properties
from vbdocs.documents.common import agency_heading, closing
from vbdocs.entry import Entry
from vbdocs.inline import Text
from vbdocs.kinds import Kind
from vbdocs.layout import parts
from vbdocs.vn import numbering
from vbdocs.vn.dates import short_date

TYPE = "Thông báo"


def notice_specs(config: Any) -> list[DocumentSpec]:
    year = config.campaign.campaign.year
    return [DocumentSpec(Entry("notice", f"thong-bao-{year}.docx", type_name=TYPE), build_notice)]


def build_notice(config: Any) -> DocumentContent:
    agency = config.units.agency
    plan = config.campaign.plan
    year = config.campaign.campaign.year
    subject = Text.plain(f"Thời hạn gửi báo cáo năm {year}")
    lines = [Text.plain(f"- {r.name[:1].upper() + r.name[1:]}: trước ngày {short_date(r.deadline)};")
             for r in config.campaign.reports]
    return DocumentContent(
        template="document.docx",
        heading=agency_heading(config, symbol=numbering.typed_symbol(TYPE, agency.abbreviation), number=None,
                               date=None, year=year),
        title=parts.title(TYPE, subject),
        body=(Block("paragraph", Text.plain(f"{agency.name} thông báo thời hạn gửi báo cáo như sau:")),
              *(Block("paragraph", line) for line in lines[:-1]),
              Block("closing", Text.plain(str(lines[-1]).rstrip(";") + "./."))),
        closing=closing(config, recipients=plan.recipients, signer=plan.signer, filing=plan.filing, as_above=False),
        properties=Properties(title=f"{TYPE} {subject}", subject=str(subject), author=agency.name, year=year),
    )


NOTICE = Kind("notice", "a Thông báo of the reports' deadlines", notice_specs)
