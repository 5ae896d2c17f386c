"""The campaign file (``campaign_YYYY.yaml``): one year's campaign and its plan.

Text values that a clerk writes in prose accept the inline markup of
``vbdocs.inline`` (``*italic*``, ``**bold**``); names and numbers are plain text.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, Strict, StringConstraints

from ..vn.signing import Authority
from .common import (
    Bool,
    Code,
    Date,
    FootnoteName,
    Markup,
    Model,
    PositiveInt,
    Str,
    Text,
    TitleMarkup,
    WrittenAsText,
    integral,
)

CopyCount = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,3} ?b$")]
"""A count of copies as offices write it: "5b" (5 bản)."""

#: Whole numbers with bounds (as ``common.PositiveInt``).
FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years a campaign may have."""
Year = Annotated[Annotated[int, Strict(), Field(ge=FIRST_YEAR, le=LAST_YEAR)], BeforeValidator(integral)]
Month = Annotated[Annotated[int, Strict(), Field(ge=1, le=12)], BeforeValidator(integral)]
TableRows = Annotated[Annotated[int, Strict(), Field(ge=1, le=30)], BeforeValidator(integral)]
FillLines = Annotated[Annotated[int, Strict(), Field(ge=1, le=20)], BeforeValidator(integral)]


class LegalBasis(Model):
    """A document the plan carries out, cited in its opening sentence."""

    type: Str = Field(description="Type of the cited document (\"Chỉ thị\", \"Kế hoạch\", \"Luật\").")
    number: Str | None = Field(
        None,
        description="Số và ký hiệu exactly as printed on the cited document (\"16/CT-TTg\", "
        "\"22-CT/TU\"). Omitted for a Luật or Pháp lệnh.",
    )
    date: Date | None = Field(None, description="Its date of issue (YYYY-MM-DD).")
    issuer: Code | None = Field(
        None, description="Code of the issuing body in the units file's ``bodies``.",
    )
    subject: Markup = Field(
        description="Its trích yếu in normal case, as it follows \"về\" (\"tăng cường và đổi mới "
        "công tác dân vận …\").",
    )
    connector: Text = Field(
        "về",
        description="The word between issuer and subject: \"về\" unless the subject starts with "
        "its own verb (\"phát động …\"), then \"\".",
    )


class Item(WrittenAsText):
    """A khoản of a mục, written as plain text, or as a mapping when the report forms
    treat it otherwise than by quoting it whole: a short ``heading`` instead, or not at
    all (``reported: false``, for a task of the agency's leadership that no unit
    reports on)."""

    text: Markup = Field(description="The khoản as the plan prints it. Markup allowed.")
    heading: TitleMarkup | None = Field(
        None,
        description="How a report form names this khoản, upright, in place of quoting it whole "
        "(\"Công tác dân vận chính quyền gắn với cải cách hành chính\").",
    )
    reported: Bool = Field(
        True, description="In a reported mục: whether the units report on this khoản (false for the "
        "leadership's own tasks).",
    )



class Section(Model):
    """A mục of the plan: a Roman-numbered heading and its numbered items (khoản)."""

    title: Str = Field(description="The heading in normal case; printed upper case (\"Mục đích, yêu cầu\").")
    items: list[Item] = Field(
        min_length=1, description="The khoản, numbered 1., 2., … in order. Markup allowed.",
    )
    reported: Bool = Field(
        False, description="The units report on the items of this mục: report forms get a heading per item "
        "(but an item marked ``reported: false``).",
    )


class Duty(WrittenAsText):
    """A duty of a unit, printed as a "- " line.

    Written either as plain text, or as a mapping with ``text`` and ``reports``
    when the duty is to report: the reports' deadlines are then written after the
    text from the campaign's ``reports``, so a deadline is typed once.
    """

    text: Markup = Field(
        description="The duty; for a reporting duty, what to report and where, up to the "
        "deadlines (\"Báo cáo kết quả thực hiện về Sở (*qua Văn phòng Sở*) …\").",
    )
    reports: list[Code] = Field(
        default_factory=list, description="Ids of the ``reports`` whose deadlines follow the text.",
    )



class Assignment(Model):
    """Who does what (a khoản of Tổ chức thực hiện): a unit or group and its duties."""

    unit: Code = Field(description="Code of a unit or group in the units file.")
    label: Str | None = Field(
        None, description="The heading to print instead of the unit's or group's name.",
    )
    duties: list[Duty] = Field(
        min_length=1, description="The duties, each printed as a \"- \" line.",
    )


class Implementation(Model):
    """The last mục of the plan: Tổ chức thực hiện, duties by unit."""

    title: Str = Field("Tổ chức thực hiện", description="The heading in normal case.")
    assignments: list[Assignment] = Field(min_length=1, description="Duties of each unit.")


class Recipient(Model):
    """A line of Nơi nhận: a unit, group or body by code, or a free text."""

    to: Code | None = Field(None, description="Code of a unit, group or outside body.")
    text: Str | None = Field(
        None, description="Free text for a recipient that is not in the units file (\"GD, các PGD Sở\").",
    )
    label: Str | None = Field(None, description="The name to print instead of the referenced one.")
    purpose: Str | None = Field(
        None, description="Why it is sent, printed in brackets after the name (\"báo cáo\").",
    )


class Signer(Model):
    """Who signs (ô 7) and with what authority."""

    person: Code = Field(description="Id of the person in the units file's ``people``.")
    authority: Authority = Field(
        Authority.OWN,
        description="Thẩm quyền ký (Phụ lục I, II.7.b): own (the head signs in their own name), KT (a "
        "deputy signs for the head), TM (the head signs for the agency's collective, named by "
        "agency.collective in the units file; a deputy adds KT.), Q (acting head), TL (thừa lệnh) or TUQ "
        "(thừa ủy quyền). The signer is the head when their title is the agency's head_title: only the "
        "head signs own, never KT, Q, TL or TUQ.",
    )
    deputy_for: Str | None = Field(
        None,
        description="With authority TL: the chức vụ of the one who holds the TL. signing and passed it to "
        "this signer, their deputy, who signs KT. for them (PL I, II.7.b): \"TL. BỘ TRƯỞNG / KT. VỤ TRƯỞNG "
        "VỤ GIÁO DỤC TRUNG HỌC / PHÓ VỤ TRƯỞNG\".",
    )


class Filing(Model):
    """The last line of Nơi nhận: "Lưu: VT, VP (ntttam)." (ô 9b and 12)."""

    unit: Code = Field(description="Code of the drafting unit, printed as its abbreviation.")
    label: Str | None = Field(
        None, description="The drafting unit as the Lưu line writes it, in place of its abbreviation (\"Vụ GDTrH\").",
    )
    drafter: Str | None = Field(
        None, description="Ký hiệu người soạn thảo, printed after the unit (\"ntttam\").",
    )
    drafter_style: Literal["brackets", "dot"] = Field(
        "brackets",
        description="How the drafter follows the unit: brackets \"VP (ntttam)\" or dot \"VP.Tiền\".",
    )
    copies: PositiveInt | CopyCount | None = Field(
        None, description="Copies archived, if noted: a number (\"HC (2)\") or as written (\"5b\": \"CNTT (5b)\").",
    )


class Plan(Model):
    """The Kế hoạch (Mẫu 1.4) of the campaign."""

    number: PositiveInt | None = Field(
        None, description="The plan's number once issued; empty in a draft (\"Số:     /KH-SNN\").",
    )
    date: Date | None = Field(
        None, description="The date of issue once signed; empty in a draft.",
    )
    subject: TitleMarkup = Field(
        description="Trích yếu under the title KẾ HOẠCH, in normal case "
        "(\"Thực hiện phong trào thi đua “Dân vận khéo” năm 2024\").",
    )
    legal_bases: list[LegalBasis] = Field(
        default_factory=list, description="Documents the plan carries out, cited in order.",
    )
    opening: Markup = Field(
        description="The end of the opening sentence, after the citations (\"Sở … xây dựng kế "
        "hoạch thực hiện trong năm 2024, như sau:\").",
    )
    sections: list[Section] = Field(min_length=1, description="The mục before Tổ chức thực hiện.")
    implementation: Implementation = Field(description="Tổ chức thực hiện: who does what.")
    closing: Markup = Field(description="The closing paragraph; \"./.\" is added at its end.")
    recipients: list[Recipient] = Field(min_length=1, description="Nơi nhận, before the Lưu line.")
    footnotes: dict[FootnoteName, Markup] = Field(
        default_factory=dict,
        description="Footnote texts by name; the text refers to one with [^name] where its mark stands.",
    )
    signer: Signer = Field(description="Who signs the plan.")
    filing: Filing = Field(description="The \"Lưu:\" line.")


class Addressee(Model):
    """A line of "Kính gửi" (ô 9a): a unit, group or body by code, or a free text."""

    to: Code | None = Field(None, description="Code of a unit, group or outside body.")
    text: Str | None = Field(None, description="Free text for an addressee not in the units file.")
    label: Str | None = Field(None, description="The name to print instead of the referenced one.")


class Letter(Model):
    """A công văn (Mẫu 1.5) of the campaign: a directive letter to units."""

    id: Code = Field(description="Names the output file (cong-van-<id>.docx); unique in the campaign.")
    number: PositiveInt | None = Field(None, description="The letter's number once issued; empty in a draft.")
    date: Date | None = Field(None, description="The date of issue once signed; empty in a draft.")
    drafting_unit: Code = Field(
        description="Code of the unit that drafts the letter; its abbreviation ends the ký hiệu (SNN-VP).",
    )
    subject: Str = Field(
        description="Trích yếu after \"V/v \" (\"tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”\"). "
        "A line break written in it (YAML |) sets where the line breaks; otherwise it is broken evenly.",
    )
    addressees: list[Addressee] = Field(
        min_length=1, description="Kính gửi: one addressee goes on the line of \"Kính gửi:\", several one per line.",
    )
    cites_plan: Bool = Field(
        False, description="Cite the campaign's plan first in the opening (with its number and date once issued).",
    )
    legal_bases: list[LegalBasis] = Field(
        default_factory=list, description="Documents the letter carries out, cited in its opening.",
    )
    directive: Markup = Field(
        description="The end of the opening sentence: who asks whom to do what (\"Giám đốc Sở … yêu cầu … như sau:\").",
    )
    instructions: list[Duty] = Field(
        min_length=1,
        description="The numbered instructions; \"./.\" is added to the last. A mapping with ``reports`` gets "
        "the reports' deadlines after its text.",
    )
    footnotes: dict[FootnoteName, Markup] = Field(
        default_factory=dict,
        description="Footnote texts by name; the text refers to one with [^name] where its mark stands.",
    )
    recipients: list[Recipient] = Field(
        default_factory=list, description="Nơi nhận after \"Như trên\", before the Lưu line.",
    )
    signer: Signer = Field(description="Who signs the letter.")
    filing: Filing = Field(description="The \"Lưu:\" line.")


class Report(Model):
    """A report the units must send by a deadline; each unit gets a form to fill in."""

    id: Code = Field(description="The code duties use to refer to this report.")
    name: Str = Field(description="How the report is named in text (\"báo cáo 6 tháng\").")
    period: Str = Field(description="The period reported on (\"6 tháng đầu năm 2024\").")
    deadline: Date = Field(description="The day before which the report is due.")
    included_in: TitleMarkup | None = Field(
        None,
        description="The unit's own report this one is folded into (lồng ghép), in normal case, as it "
        "follows \"vào\" (\"Báo cáo kết quả thực hiện công tác dân vận chính quyền\"): the form says so.",
    )
    subject: TitleMarkup | None = Field(
        None,
        description="Trích yếu of the report form (\"Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng "
        "đầu năm 2024\"); without it, no form is made for this report.",
    )
    units: list[Code] = Field(
        default_factory=list,
        description="Units or groups that send this report: a form is made for each of their units.",
    )


class Registration(Model):
    """The registration form each unit returns (e.g. the models it will build this year)."""

    id: Code = Field("dang-ky", description="Names the output files (<id>-<unit>.docx).")
    subject: TitleMarkup = Field(
        description="Trích yếu of the form (\"Xây dựng mô hình “Dân vận khéo” năm 2024\", under the title ĐĂNG KÝ).",
    )
    action: TitleMarkup = Field(
        description="What the unit does in the opening sentence, after its name "
        "(\"đăng ký xây dựng mô hình “Dân vận khéo” năm 2024 như sau:\").",
    )
    columns: list[Str] = Field(
        min_length=3, max_length=3,
        description="Headings of the table's three columns after STT "
        "(\"Tên mô hình\", \"Lĩnh vực\", \"Nội dung, thời gian thực hiện\").",
    )
    name: Str = Field(
        "bản đăng ký",
        description="How the form is named in text, before its deadline where a duty or instruction "
        "lists its id in ``reports`` (\"bản đăng ký trước ngày 05/4/2024\").",
    )
    deadline: Date | None = Field(None, description="The day before which the form is due, if set.")
    units: list[Code] = Field(min_length=1, description="Units or groups that return the form.")


class Forms(Model):
    """What every form the units fill in shares."""

    send_to: Str = Field(
        description="Kính gửi of the forms, sent upward to the agency "
        "(\"Sở Nông nghiệp và Phát triển nông thôn (qua Văn phòng Sở)\").",
    )
    results_title: Str = Field("Kết quả thực hiện", description="Heading of the mục that follows the plan's tasks.")
    models_title: Str = Field(
        "Mô hình đã triển khai", description="Heading of the mục with the table of models.",
    )
    model_columns: list[Str] = Field(
        ["Tên mô hình", "Lĩnh vực", "Kết quả đạt được"], min_length=3, max_length=3,
        description="Headings of the models table's three columns after STT.",
    )
    rows: TableRows = Field(4, description="Empty rows of each table, to fill in.")
    fill_lines: FillLines = Field(3, description="Dotted lines left to write on under each heading.")
    closing_sections: list[Str] = Field(
        ["Khó khăn, vướng mắc", "Đề xuất, kiến nghị"],
        description="Mục after the table, each with dotted lines to write on.",
    )
    collected_by: Code | None = Field(
        None,
        description="Code of the unit that collects the forms for the agency (the \"qua …\" of send_to): it is "
        "sent no form of its own, since a unit never reports to itself.",
    )
    registration: Registration | None = Field(None, description="The registration form, if the plan asks for one.")


class Campaign(Model):
    """One year's campaign."""

    name: TitleMarkup = Field(description="The campaign's name (\"Phong trào thi đua “*Dân vận khéo*”\").")
    year: Year = Field(description="The campaign's year.")


class CampaignFile(Model):
    """``campaign_YYYY.yaml``: a campaign, its plan and its reports."""

    units: str = Field(
        "units.yaml", description="Path of the units file, relative to this file.",
    )
    campaign: Campaign = Field(description="The campaign.")
    plan: Plan | None = Field(None, description="The Kế hoạch of the campaign, if it has one.")
    letters: list[Letter] = Field(default_factory=list, description="Công văn the campaign sends.")
    reports: list[Report] = Field(
        default_factory=list, description="Reports the units send, with their deadlines.",
    )
    forms: Forms | None = Field(
        None, description="The forms units fill in: one per unit and report, and the registration form.",
    )
