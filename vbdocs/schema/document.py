"""A document file (``quyet-dinh.yaml``): one văn bản hành chính of any type, as data.

The issuing agency, its people and the bodies it writes to come from a units file, as
for a campaign. The document says its type (a name of Điều 7, "Quyết định", "Tờ trình",
"Công văn"), its number and date (empty in a draft), its trích yếu, and a body made of
blocks: paragraphs, numbered headings and lists (numbers computed, never typed),
bullets, Căn cứ lines, centred lines, Điều and Chương, tables and page breaks.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
)

from ..vn import numbering
from ..vn.signing import Authority
from .campaign import Filing, Month, Recipient, Signer, Year
from .common import (
    DOCUMENT_TEXT,
    Abbreviation,
    Bool,
    Code,
    Date,
    FootnoteName,
    Markup,
    Model,
    OptionalMarkup,
    PositiveInt,
    Str,
    TitleMarkup,
    WrittenAsText,
)

#: What a block of the body is, by the one key that names it; a text alone is a paragraph.
BLOCK_KEYS = ("heading", "numbered", "bullets", "bases", "center", "article", "part", "chapter", "division", "table",
              "page_break")


class Heading(Model):
    """A heading numbered on the document's ladder (``I.`` → ``1.`` → ``1.1.`` → ``a)``), by
    how deep it stands among headings; the blocks under it in ``body``."""

    heading: TitleMarkup = Field(description="The heading in normal case; a top-level one is printed upper case.")
    numbered: Bool = Field(True, description="false for a heading without a number (a sub-heading).")
    body: list[Block] = Field(default_factory=list, description="The blocks under the heading.")


class Item(WrittenAsText):
    """An item of a numbered list or of bullets: its text, and blocks under it."""

    text: Markup = Field(description="The item's text. Markup allowed.")
    body: list[Block] = Field(default_factory=list, description="Blocks under the item (a nested list).")



class Numbered(Model):
    """Numbered paragraphs, one level below the heading they stand under (``1.``, ``1.1.``,
    ``a)``; in an Điều: khoản ``1.``, then điểm ``a)``)."""

    numbered: list[Item] = Field(min_length=1, description="The items, numbered in order.")


class Bullets(Model):
    """Lines starting "- " (and "+ " for bullets inside bullets)."""

    bullets: list[Item] = Field(min_length=1, description="The lines.")


class Bases(Model):
    """The Căn cứ and "Xét đề nghị"/"Theo đề nghị" lines of a Quyết định or Nghị quyết
    (Mẫu 1.2): italic, each ending ";", the last "."."""

    bases: list[Markup] = Field(min_length=1, description="Each line without its end punctuation.")


class Center(Model):
    """A line centred in bold: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:"."""

    center: Markup = Field(description="The line as printed.")


class Article(Model):
    """An Điều, numbered in order through the document: "**Điều 1.** <text>", or with a
    title (tiêu đề, PL I II.6: in bold with its label) "**Điều 1. <title>**"; its khoản in ``body``."""

    article: Markup = Field(description="The Điều's text, or its title when ``titled``.")
    titled: Bool = Field(False, description="``article`` is the Điều's title, printed in bold.")
    body: list[Block] = Field(default_factory=list, description="Its khoản (``numbered``) and other blocks.")


class Chapter(Model):
    """A Chương: "Chương I" and its title centred in bold, its Điều in ``body``."""

    chapter: TitleMarkup = Field(description="The chương's title in normal case; printed upper case.")
    body: list[Block] = Field(default_factory=list, description="The blocks of the chương.")


def _paragraphs(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


#: What ``_paragraphs`` accepts, for the JSON Schema: a text, or a list of texts.
_PARAGRAPHS = {"anyOf": [{"type": "string", "pattern": DOCUMENT_TEXT},
                         {"type": "array", "items": {"type": "string", "pattern": DOCUMENT_TEXT}}]}


class Part(Model):
    """A Phần (PL I, II.6): "Phần I" and its title centred in bold, numbered through the document."""

    part: TitleMarkup = Field(description="The phần's title in normal case; printed upper case.")
    body: list[Block] = Field(default_factory=list, description="Its chương, mục or Điều.")


class Division(Model):
    """A Mục of a chương (PL I, II.6): "Mục 1" and its title centred in bold, numbered in its chương."""

    division: TitleMarkup = Field(description="The mục's title in normal case; printed upper case.")
    body: list[Block] = Field(default_factory=list, description="Its Điều.")


class Cell(WrittenAsText):
    """A cell of a table: a text, or a mapping to merge cells or set the look."""

    text: Annotated[list[OptionalMarkup], BeforeValidator(_paragraphs), WithJsonSchema(_PARAGRAPHS)] = Field(
        description="The text (empty for a cell to fill in); a list for several paragraphs.",
    )
    span: PositiveInt = Field(1, description="Columns the cell covers.")
    rows: PositiveInt = Field(1, description="Rows the cell covers, down from its own.")
    align: Literal["left", "center", "right", "justify"] | None = Field(
        None, description="Alignment of its text; by default centred in a header, justified in the body.",
    )
    bold: Bool = Field(False, description="Bold, as a total row's cells.")



class TableSpec(Model):
    """A table: widths of its columns, header rows repeated on every page, body rows."""

    widths: list[PositiveInt] = Field(
        min_length=1, description="Relative widths of the columns; the table fills the width between the margins.",
    )
    header: list[list[Cell]] = Field(default_factory=list, description="Header rows, bold and centred.")
    rows: list[list[Cell]] = Field(default_factory=list, description="Body rows.")
    total: list[Cell] | None = Field(None, description="A last row in bold (\"Tổng cộng\").")
    shaded: Bool = Field(False, description="Shade the header rows light grey.")
    align: list[Literal["left", "center", "right", "justify"] | None] | None = Field(
        None, description="Alignment of the body rows' cells, column by column (\"center\" for STT); a cell's "
        "own wins. By default justified.",
    )


class Table(Model):
    """A table block."""

    table: TableSpec = Field(description="The table.")


class PageBreak(Model):
    """What follows starts a new page."""

    page_break: Literal[True] = Field(description="true.")


def _block_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key
    if isinstance(value, Model):
        return next(key for key in BLOCK_KEYS if key in type(value).model_fields)
    return None


Block = Annotated[
    Annotated[Markup, Tag("text")]
    | Annotated[Heading, Tag("heading")]
    | Annotated[Numbered, Tag("numbered")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Bases, Tag("bases")]
    | Annotated[Center, Tag("center")]
    | Annotated[Article, Tag("article")]
    | Annotated[Part, Tag("part")]
    | Annotated[Chapter, Tag("chapter")]
    | Annotated[Division, Tag("division")]
    | Annotated[Table, Tag("table")]
    | Annotated[PageBreak, Tag("page_break")],
    Discriminator(_block_tag, custom_error_type="block", custom_error_message=(
        "a block is a text (a paragraph) or a mapping with one of " + ", ".join(BLOCK_KEYS))),
]
"""A block of the body: a paragraph (a text), or a mapping named by its key."""


class Appendix(Model):
    """A phụ lục (Mẫu 2.1): on a new page after the document, its label ("Phụ lục", or
    "Phụ lục I", "Phụ lục II" when there are several), its title, "(Kèm theo … số … ngày …
    của …)", then its body; landscape for wide tables; its pages numbered on their own."""

    title: TitleMarkup = Field(description="The appendix's title in normal case; printed upper case.")
    landscape: Bool = Field(False, description="Lay its pages out landscape (an appendix of wide tables).")
    body: list[Block] = Field(min_length=1, description="Its content, block by block; the last ends \"./.\".")


class Attached(Model):
    """The document a Quyết định issues (Mẫu 1.3: a Quy chế, Quy định, Kế hoạch, Hướng dẫn …),
    written to a file of its own: the agency's header without number and date, its type name
    and trích yếu, "(Kèm theo Quyết định số … ngày … của …)", then its body (Chương, Điều)."""

    type: Literal[tuple(numbering.TYPE_NAMES)] = Field(  # type: ignore[valid-type]
        description="Its tên loại (\"Quy chế\", \"Quy định\", \"Kế hoạch\").",
    )
    subject: TitleMarkup = Field(description="Its trích yếu in normal case.")
    body: list[Block] = Field(min_length=1, description="Its content, block by block; the last ends \"./.\".")


ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day written HH:MM ("14:00")."""


class Invitation(Model):
    """What a Giấy mời says (Mẫu 1.7): whom it invites to what, who chairs, when and where."""

    invitees: Markup = Field(description="Who is invited, after \"trân trọng kính mời:\" (\"Ông (Bà) Giám đốc …\").")
    event: Markup = Field(description="What to, after \"Tới dự\" (\"Hội nghị sơ kết 6 tháng …\").")
    chair: Str | None = Field(None, description="Who chairs it, after \"Chủ trì:\".")
    day: Date = Field(description="The day (YYYY-MM-DD); its weekday is written with it.")
    start: ClockTime = Field(description="The hour it starts, HH:MM (\"14:00\").")
    end: ClockTime | None = Field(None, description="The hour it ends, HH:MM, if given.")
    place: Markup = Field(description="Where, after \"Địa điểm:\".")


class Introduction(Model):
    """What a Giấy giới thiệu says (Mẫu 1.8): whom it introduces, to whom, about what, until when."""

    person: Str = Field(description="Who is introduced, as written (\"Ông Nguyễn Văn An\").")
    position: Str = Field(description="Their chức vụ, after \"Chức vụ:\".")
    sent_to: Str = Field(description="Where they are sent, after \"Được cử đến:\".")
    purpose: Markup = Field(description="About what, after \"Về việc:\".")
    valid_until: Date = Field(description="The last day the paper is valid (YYYY-MM-DD).")


class Minutes(Model):
    """What a Biên bản records of its meeting (Mẫu 1.9): when it began and ended, where, who
    attended, chaired and took the minutes; the content follows in the body."""

    meeting: Str = Field("Cuộc họp", description="What the meeting is called where it ends (\"Hội nghị\").")
    day: Date = Field(description="The day (YYYY-MM-DD).")
    start: ClockTime = Field(description="When it began, HH:MM.")
    end: ClockTime = Field(description="When it ended, HH:MM.")
    place: Markup = Field(description="Where, after \"Địa điểm:\".")
    attendees: Markup = Field(description="Who attended, after \"Thành phần tham dự:\".")
    chair: Str = Field(description="Who chaired, after \"Chủ trì (chủ tọa):\".")
    secretary: Str = Field(description="Who took the minutes, after \"Thư ký (người ghi biên bản):\".")


class SecondSigner(Model):
    """A second signature beside the first (a Biên bản's Thư ký, left of the Chủ tọa)."""

    person: Code = Field(description="Id of the person in the units file's ``people``.")
    title: Str = Field(description="The title printed above the signature (\"Thư ký\"), printed upper case.")


class JointSigner(Model):
    """Who signs for another agency of a joint document: their name, chức vụ and authority, as
    a signer of the agency (``signer``) is given, but written out: the units file knows only the
    agency's own people."""

    name: Str = Field(description="Full name as printed under the signature (\"Nguyễn Văn Bình\").")
    title: Str = Field(description="Chức vụ, in normal case (\"Phó Chủ tịch\").")
    authority: Authority = Field(
        Authority.OWN, description="Thẩm quyền ký, as for ``signer``: own, KT, TM, Q, TL or TUQ.",
    )


class JointIssuer(Model):
    """Another agency issuing the document with this one (văn bản liên tịch): its part of the header
    under the agency's, its abbreviation in the ký hiệu ("KHLT-SNN-HND"), its signature beside the
    agency's. Decree 30 says nothing of joint documents; vbdocs writes them as TT 01/2011/TT-BNV,
    which the Decree replaced, had them and as offices still do: the lead agency (this file's) first
    in the header and at the right of the signatures."""

    name: Str = Field(description="The agency's name in normal case (\"Hội Nông dân tỉnh Bình Thuận\"); a "
                      "line break written in it (YAML |) sets where it breaks in the header.")
    parent: Str | None = Field(None, description="Its parent body (cơ quan chủ quản), if it has one.")
    abbreviation: Abbreviation = Field(description="Chữ viết tắt of the agency in the ký hiệu (\"HND\").")
    head_title: Str = Field(description="Chức vụ of its head (\"Chủ tịch\"); a deputy signs KT. for them.")
    collective: Str | None = Field(
        None, description="The collective its head signs for with authority TM (\"Ban Thường vụ\"), if any.",
    )
    signer: JointSigner = Field(description="Who signs for it.")


class Leave(Model):
    """What a Giấy nghỉ phép grants (Mẫu 1.10): to whom, upon whose request of which day, how many
    days, from when to when, where, and counted as what."""

    honorific: Literal["Ông", "Bà"] = Field(description="Ông or Bà.")
    person: Str = Field(description="The name (\"Nguyễn Văn An\").")
    position: Str = Field(description="Their chức vụ, after \"Chức vụ:\".")
    requested: Date = Field(description="The day of their request (Đơn đề nghị nghỉ phép).")
    days: PositiveInt = Field(description="Days of leave (\"05 ngày\").")
    start: Date = Field(description="The first day.")
    end: Date = Field(description="The last day.")
    place: Str = Field(description="Where the leave is spent, after \"tại\".")
    counted_as: Str = Field(description="What the days count as (\"phép năm 2024\").")


class CopyOf(Model):
    """A copy of the document (Điều 25–26, Mẫu 3.1): its form, its own number in the copies'
    register (``SY``, ``SL``, ``TrS``), its date, who signs it and to whom it goes. The copied
    document is printed with "(Đã ký)" where its signature was, then the copy block under a line.
    An electronic copy (Mẫu 3.2, the document's ``electronic``) has no copy block: the copying
    agency's digital signature shows its form and time at the top right of page 1."""

    form: Literal["Sao y", "Sao lục", "Trích sao"] = Field(description="Hình thức sao.")
    number: PositiveInt | None = Field(None, description="Its number in the copies' register; empty in a draft.")
    date: Date | None = Field(None, description="Its date; empty in a draft (the document's year is printed).")
    recipients: list[Recipient] = Field(default_factory=list, description="Nơi nhận of the copy.")
    signer: Signer | None = Field(None, description="Who signs a paper copy (Mẫu 3.1).")
    filing: Filing | None = Field(None, description="A paper copy's \"Lưu:\" line (Mẫu 3.1).")


class Addressee(Model):
    """A line of Kính gửi: a unit, group or body by code, or a free text."""

    to: Code | None = Field(None, description="Code of a unit, group or outside body.")
    text: Str | None = Field(None, description="Free text (\"Ủy ban nhân dân các huyện, thị xã, thành phố\").")
    label: Str | None = Field(None, description="The name to print instead of the referenced one.")


class DocumentSpec(Model):
    """One văn bản hành chính (Phụ lục I, ô 1–14)."""

    type: Literal[tuple(numbering.TYPE_NAMES)] = Field(  # type: ignore[valid-type]
        description="Tên loại as Điều 7 writes it (\"Quyết định\", \"Tờ trình\", \"Công văn\").",
    )
    id: Code | None = Field(None, description="Names the output file; by default the type and the number.")
    number: PositiveInt | None = Field(None, description="Số, once issued; empty in a draft.")
    date: Date | None = Field(None, description="Date of issue once signed; empty in a draft.")
    year: Year | None = Field(
        None,
        description="The year a draft's date line prints (\"ngày     tháng     năm 2024\"); with a date, its year.",
    )
    month: Month | None = Field(
        None, description="In a draft, the month its date line already prints (\"ngày     tháng 01 năm 2024\").",
    )
    issuer: Code | None = Field(
        None, description="Code of the unit that issues it in its own name, under the agency; by default the agency.",
    )
    drafting_unit: Code | None = Field(
        None,
        description="Code of the drafting unit: a công văn's symbol ends with it (\"SNN-VP\"); a typed document's "
        "with it only when ``symbol_unit`` is true.",
    )
    symbol_unit: Bool = Field(
        False, description="Add the drafting unit to a typed document's symbol (\"7991/BGDĐT-GDTrH\").",
    )
    subject: TitleMarkup | None = Field(
        None,
        description="Trích yếu in normal case: under the type name, or after \"V/v\" for a công văn. A Giấy giới "
        "thiệu and a Giấy nghỉ phép have none (Mẫu 1.8, 1.10).",
    )
    authority: Str | None = Field(
        None,
        description="The deciding authority under the trích yếu of a Quyết định or Nghị quyết (Mẫu 1.2), in normal "
        "case, printed upper case (\"Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận\").",
    )
    secrecy: Literal["Mật", "Tối mật", "Tuyệt mật"] | None = Field(
        None, description="Độ mật (ô 10a), boxed under the number.",
    )
    urgency: Literal["Khẩn", "Thượng khẩn", "Hỏa tốc", "Hỏa tốc hẹn giờ"] | None = Field(
        None, description="Độ khẩn (ô 10b), boxed under the number in red.",
    )
    circulation: Str | None = Field(
        None, description="Chỉ dẫn phạm vi lưu hành (ô 11), boxed before the body (\"Lưu hành nội bộ\", "
        "\"Xem xong trả lại\").",
    )
    draft: Bool | PositiveInt = Field(
        False, description="Mark the document \"DỰ THẢO\" above its header; a number marks the round "
        "(\"DỰ THẢO LẦN 2\").",
    )
    electronic: Bool = Field(
        False, description="An electronic original, to be signed digitally (Điều 5, Phụ lục I II.8): its phụ lục "
        "go to files of their own (Mẫu 2.2) and, like a document it issues (Mẫu 1.3), leave the number and date of "
        "\"(Kèm theo …)\" blank, for the agency's signature shows them at the top right of page 1; a copy "
        "(``copy_of``) is an electronic copy (Mẫu 3.2), without the copy block.",
    )
    contact: Bool = Field(
        False, description="Print the agency's contact (units file, agency.contact) at the foot of page 1 (ô 13).",
    )
    addressees: list[Addressee] = Field(default_factory=list, description="Kính gửi, if the document has it.")
    minutes: Minutes | None = Field(None, description="A Biên bản's record of its meeting (Mẫu 1.9).")
    leave: Leave | None = Field(None, description="What a Giấy nghỉ phép grants (Mẫu 1.10).")
    joint: list[JointIssuer] = Field(
        default_factory=list,
        description="The other agencies that issue the document with this one (văn bản liên tịch), in order.",
    )
    second_signer: SecondSigner | None = Field(
        None, description="A second signature, left of the signer's (a Biên bản's Thư ký); Nơi nhận goes under both.",
    )
    signer_title: Str | None = Field(
        None, description="The title printed above the signer's signature in place of their authority (a Biên "
        "bản's \"Chủ tọa\").",
    )
    introduction: Introduction | None = Field(
        None, description="A Giấy giới thiệu's introduction (Mẫu 1.8), written before the body.",
    )
    invitation: Invitation | None = Field(
        None, description="A Giấy mời's invitation (Mẫu 1.7), written before the body.",
    )
    body: list[Block] = Field(
        default_factory=list,
        description="The content, block by block; the last ends \"./.\". A Giấy mời's notes after its invitation.",
    )
    footnotes: dict[FootnoteName, Markup] = Field(
        default_factory=dict, description="Texts of the footnotes the body refers to as [^name].",
    )
    attached: Attached | None = Field(
        None, description="The document this Quyết định issues, written to a file of its own (Mẫu 1.3).",
    )
    copy_of: CopyOf | None = Field(
        None, description="Make this a copy of the document (sao y, sao lục, trích sao) with its copy block.",
    )
    appendices: list[Appendix] = Field(
        default_factory=list, description="Phụ lục after the document, each on its own pages; the body points to them.",
    )
    recipients: list[Recipient] = Field(default_factory=list, description="Nơi nhận, before the \"Lưu:\" line.")
    as_above: Bool | None = Field(
        None, description="Start Nơi nhận with \"Như trên\"; by default when there is a Kính gửi.",
    )
    signer: Signer = Field(description="Who signs.")
    filing: Filing = Field(description="The \"Lưu:\" line.")


class DocumentFile(Model):
    """A document file: the units file it refers to and the document."""

    units: str = Field("units.yaml", description="Path of the units file, relative to this file.")
    document: DocumentSpec = Field(description="The document.")


for _model in (Heading, Item, Article, Part, Chapter, Division, Appendix, Attached, DocumentSpec, DocumentFile):
    _model.model_rebuild()
