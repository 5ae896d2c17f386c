"""Report forms (báo cáo, Mẫu 1.4) and registration forms (đăng ký) that units fill in and send up.

One form per unit and report, and one registration form (đăng ký) per unit, each
pre-filled for its unit: the unit as issuer under the agency in the header
("Số:     /BC-VP"), "Kính gửi" the agency (a form sent upward), the period and the
deadline, a mục per task of the plan with dotted lines to write on, a table of
models, the mục after it (difficulties, proposals), and a blank signature block for
the unit's head. What a form is called, its ký hiệu and its closing sentence come
from its kind (``FormKind``). Which forms exist and for whom comes from the campaign
file alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from ..config import Config
from ..entry import Entry
from ..inline import Text, parse
from ..layout import page, parts
from ..schema.campaign import Forms, Registration, Report
from ..schema.common import code_key
from ..schema.units import Unit
from ..vn import numbering
from ..vn.dates import short_date
from ..vn.signing import Authority
from ..vn.text import upper, with_closing_mark
from .base import Block, Cell, DocumentContent, DocumentSpec, Properties, Table
from .common import plan_citation


@dataclass(frozen=True)
class FormKind:
    """What a kind of form is called: its tên loại, the type in its ký hiệu, and what
    its closing sentence calls its content ("Trên đây là báo cáo của …")."""

    kind: str
    """The kind in the manifest ("report_form")."""
    type_name: str
    symbol_type: str
    content: str

    def closing(self, unit: Unit) -> str:
        """ "Trên đây là báo cáo của Thanh tra Sở./." """
        return with_closing_mark(f"Trên đây là {self.content} của {unit.in_text}")


REPORT = FormKind("report_form", "Báo cáo", numbering.type_abbreviation("Báo cáo"), "báo cáo")
REGISTRATION = FormKind("registration_form", "Đăng ký", "ĐK", "nội dung đăng ký")
"""A unit's registration: not a báo cáo, and not a type of Phụ lục III, so its ký
hiệu's type is the usual short form of the word ("Số:     /ĐK-TTKN")."""

#: A bracketed phrase of a Kính gửi ("(qua Văn phòng Sở)"): kept on one line.
_BRACKETED = re.compile(r"\([^()]*\)")
_NBSP = "\u00a0"


def report_specs(config: Config) -> list[DocumentSpec]:
    """The report forms: per report that has a form, per unit that owes it."""
    if config.campaign.forms is None:
        return []
    return [
        DocumentSpec(
            Entry(REPORT.kind, _file_stem("bao-cao", report.id, unit.code) + ".docx", unit.code, report.period,
                  report.deadline, REPORT.type_name),
            partial(build_form, report_id=report.id, unit_code=unit.code),
        )
        for report in config.campaign.reports
        if report.subject is not None
        for unit in config.owing(report.units)
    ]


def registration_specs(config: Config) -> list[DocumentSpec]:
    """The registration forms, per unit that returns one (no Decree type: not in Điều 7)."""
    forms = config.campaign.forms
    registration = forms.registration if forms else None
    if registration is None:
        return []
    return [
        DocumentSpec(
            Entry(REGISTRATION.kind, _file_stem(registration.id, unit.code) + ".docx", unit.code, None,
                  registration.deadline),
            partial(build_form, report_id=None, unit_code=unit.code),
        )
        for unit in config.owing(registration.units)
    ]


def build_form(config: Config, report_id: str | None, unit_code: str) -> DocumentContent:
    """The form of a unit for a report (by its id), or its registration form (None)."""
    forms = config.campaign.forms
    unit = config.unit(unit_code)
    assert forms is not None and unit is not None
    if report_id is None:
        assert forms.registration is not None
        return _registration_form(config, forms, forms.registration, unit)
    report = next(r for r in config.campaign.reports if r.id == report_id)
    return _report_form(config, forms, report, unit)


def _file_stem(*parts_: str) -> str:
    return "-".join(code_key(p) for p in parts_)


def _form(
    config: Config, forms: Forms, unit: Unit, *, kind: FormKind, subject: Text, body: list[Block],
    table: list[Block], next_section: int,
) -> DocumentContent:
    agency = config.units.agency
    year = config.campaign.campaign.year
    tail: list[Block] = []
    for i, title in enumerate(forms.closing_sections, start=next_section):
        tail.append(Block("section", Text.plain(f"{numbering.roman(i)}. {upper(title)}")))
        tail.extend(_fill(forms))
    tail.append(Block("closing", Text.plain(kind.closing(unit))))
    return DocumentContent(
        template="document.docx",
        heading=parts.heading(
            parent=agency.full_name or agency.name,  # PL I II.2.a: a local body with its province
            agency=unit.name,
            # a phòng keeps no register: its form is not numbered (Điều 15)
            symbol=f"{kind.symbol_type}-{unit.abbreviation}" if unit.has_seal else None,
            number=None,
            place=agency.place,
            date=None,
            year=year,
        ),
        title=parts.title(kind.type_name, subject),
        addressees=parts.addressees([kept_together(forms.send_to)]),
        body=(*body, *table, *tail),

        closing=parts.closing(
            recipients=[],
            # the drafting unit is one of the unit's own, which the form cannot know; a phòng,
            # without a văn thư, keeps its copy itself
            filing=parts.filing_line(None) if unit.has_seal else parts.filing_line(unit.abbreviation, archive=False),
            authority=Authority.OWN,
            signer_title=unit.head_title,
            signer_name="",
            head_title=unit.head_title,
            as_above=True,
        ),
        properties=Properties(title=f"{kind.type_name} {subject}", subject=str(subject), author=unit.name, year=year),
    )


def kept_together(addressee: str) -> str:
    """A Kính gửi that Word cannot break badly: each bracketed phrase on one line
    ("(qua Văn phòng Sở)" never split) and never one word alone on the last line, by
    non-breaking spaces (U+00A0) where a break must not fall."""
    head, space, last = addressee.rpartition(" ")
    bound = f"{head}{_NBSP}{last}" if space else addressee
    return _BRACKETED.sub(lambda m: m.group(0).replace(" ", _NBSP), bound)


def _fill(forms: Forms) -> list[Block]:
    return [Block("fill", Text.plain("\t"))] * forms.fill_lines


def _due(deadline: dt.date | None) -> str:
    return f" (gửi trước ngày {short_date(deadline)})" if deadline else ""


def _report_form(config: Config, forms: Forms, report: Report, unit: Unit) -> DocumentContent:
    assert report.subject is not None
    # in brackets after the period: the report the plan folds it into (lồng ghép), and the deadline
    notes: list[Text] = []
    if report.included_in is not None:
        notes.append("lồng ghép vào " + parse(report.included_in) + " của đơn vị")
    notes.append(Text.plain(f"gửi trước ngày {short_date(report.deadline)}"))
    opening = (
        "Thực hiện " + plan_citation(config) + f"; {unit.in_text} báo cáo kết quả thực hiện {report.period} ("
        + Text.join(notes, "; ") + ") như sau:"
    )
    body = [Block("paragraph", opening),
            Block("section", Text.plain(f"I. {upper(forms.results_title)}"))]
    for i, task in enumerate(reported_items(config), start=1):
        body.append(Block("paragraph", f"{i}. " + task))
        body.extend(_fill(forms))
    table = _table(f"II. {upper(forms.models_title)}", forms.model_columns, forms.rows)
    return _form(
        config, forms, unit, kind=REPORT, subject=parse(report.subject), body=body, table=table, next_section=3,
    )


def reported_items(config: Config) -> list[Text]:
    """The khoản of the plan a unit reports on, as its form heads them: each item of a
    reported mục but those marked ``reported: false``, by its short ``heading`` (upright,
    the form's own words), or else quoted whole in italics (the plan's words, a prompt;
    its footnotes belong to the plan). The number stays upright (PL I, II.6)."""
    plan = config.campaign.plan
    items = [item for section in (plan.sections if plan else []) if section.reported for item in section.items]
    return [
        parse(item.heading) if item.heading is not None
        else parse(item.text).without_footnotes().with_emphasis(italic=True)
        for item in items if item.reported
    ]


def _registration_form(config: Config, forms: Forms, registration: Registration, unit: Unit) -> DocumentContent:
    # the deadline goes where the report forms have it, before "như sau:"
    action = parse(registration.action).map_last(_without_as_follows)
    opening = (
        "Thực hiện " + plan_citation(config) + f"; {unit.in_text} " + action + f"{_due(registration.deadline)} như sau:"
    )
    body = [Block("paragraph", opening)]
    table = _table(f"I. {upper('Danh sách đăng ký')}", registration.columns, forms.rows)
    return _form(
        config, forms, unit, kind=REGISTRATION, subject=parse(registration.subject), body=body, table=table,
        next_section=2,
    )


def _without_as_follows(action: str) -> str:
    """The action without the "như sau:" that ends the opening (the form writes it)."""
    action = action.rstrip().rstrip(":").rstrip()
    return action.removesuffix("như sau").rstrip()


def _table(title: str, columns: list[str], rows: int) -> list[Block]:
    """A mục heading and its table: STT and three headed columns, ``rows`` empty numbered rows
    to fill in by hand."""
    def cell(text: str) -> Cell:
        return Cell((Text.plain(text),))

    header = (cell("STT"), *(cell(c) for c in columns))
    body = tuple((Cell((Text.plain(str(n)),), align="center"), cell(""), cell(""), cell(""))
                 for n in range(1, rows + 1))
    table = Table(page.FORM_TABLE_WIDTHS, (header,), body, row_height=page.FORM_ROW_HEIGHT)
    return [Block("section", Text.plain(title)), Block("table", table=table)]
