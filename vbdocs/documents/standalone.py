"""A văn bản hành chính of any type, from a document file (``vbdocs.schema.document``).

The type decides the thể thức: a công văn (Mẫu 1.5) has no type name and its trích
yếu "V/v …" under its number, its symbol the agency's then the drafting unit's
("SNN-VP"); every other type (Mẫu 1.1–1.4) has its type name and trích yếu under the
header, its symbol the type's abbreviation of Phụ lục III then the issuer's
("QĐ-UBND", optionally "-GDTrH"). The body's blocks become paragraphs in the template's
styles, numbered on the Decree's ladders (``vn.numbering``): headings and lists of
a plan or report on ``I. → 1. → 1.1. → a) → - → +``, the khoản and điểm of an Điều on
``1. → a) → - → +``; Điều and Chương numbered through the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from ..config import DocumentConfig
from ..entry import Entry
from ..inline import Text, parse
from ..layout import page, parts
from ..layout.metrics import balanced_units
from ..schema import document as spec
from ..schema.common import code_key
from ..vn import citations, dates, numbering
from ..vn.signing import signature_titles
from ..vn.text import ascii_key, strip_end_punctuation, upper, with_closing_mark
from ..vn.words import words
from .base import AppendixContent, Block, BlockKind, Cell, DocumentContent, DocumentSpec, Footnote, Properties, Table
from .common import agency_heading, closing

KIND = "document"
"""The kind of a standalone document in the manifest (its ``type`` says which)."""

LETTER_TYPE = "Công văn"
WIRE_TYPE = "Công điện"
"""Its addressees under "<issuer> điện:" (Mẫu 1.6), in place of Kính gửi."""

#: The kind of block a heading is, by its level.
_HEADING_KINDS: dict[int, BlockKind] = {1: "section", 2: "subsection", 3: "heading3", 4: "heading4"}
assert len(_HEADING_KINDS) == numbering.HEADING_LEVELS


def document_filename(document: spec.DocumentSpec) -> str:
    """``<id>.docx``, or the type and the number ("quyet-dinh-05.docx"; "quyet-dinh.docx" in a draft)."""
    if document.id is not None:
        return f"{code_key(document.id)}.docx"
    number = f"-{numbering.padded_number(document.number)}" if document.number is not None else ""
    return f"{ascii_key(document.type)}{number}.docx"


def document_specs(config: DocumentConfig) -> list[DocumentSpec]:
    """The document of a document file, then the document it issues, if any (Mẫu 1.3), then, for
    an electronic original, each phụ lục in a file of its own (Mẫu 2.2)."""
    document = config.document.document
    out = [DocumentSpec(Entry(KIND, document_filename(document), type_name=document.type), build_document)]
    if document.attached is not None:
        out.append(DocumentSpec(Entry(KIND, attached_filename(document), type_name=document.attached.type),
                                build_attached))
    if document.electronic:
        out += [DocumentSpec(Entry(KIND, appendix_filename(document, i), type_name=APPENDIX_TYPE),
                             partial(build_appendix, index=i))
                for i in range(len(document.appendices))]
    return out


APPENDIX_TYPE = "Phụ lục"


def _appendix_number(count: int, index: int) -> str:
    """A phụ lục's number: none when it is the only one, else I, II, … (Phụ lục I, III.1.a)."""
    return numbering.roman(index + 1) if count > 1 else ""


def appendix_filename(document: spec.DocumentSpec, index: int) -> str:
    """The file of a phụ lục of its own: the document's name then "phu-luc" and its number
    ("cong-van-12-phu-luc-ii.docx")."""
    number = _appendix_number(len(document.appendices), index)
    return (document_filename(document).removesuffix(".docx") + f"-{ascii_key(APPENDIX_TYPE)}"
            + (f"-{ascii_key(number)}" if number else "") + ".docx")


def attached_filename(document: spec.DocumentSpec) -> str:
    """The file of the document a Quyết định issues: its own name then the type's
    ("quyet-dinh-05-quy-che.docx")."""
    assert document.attached is not None
    return document_filename(document).removesuffix(".docx") + f"-{ascii_key(document.attached.type)}.docx"


def symbol(config: DocumentConfig) -> str:
    """The ký hiệu: "QĐ-UBND", "BGDĐT-GDTrH" for a công văn, "BC-UBND-VP" with ``symbol_unit``."""
    document = config.document.document
    issuer = config.issuer_abbreviation()
    if document.joint:  # "KHLT-SNN-HND": the type marked LT, then each agency, the lead first
        return numbering.joint_symbol(document.type if document.type in numbering.TYPE_ABBREVIATIONS else None,
                                      [issuer, *(other.abbreviation for other in document.joint)])
    drafting = config.unit(document.drafting_unit) if document.drafting_unit else None
    type_part = numbering.TYPE_ABBREVIATIONS.get(document.type)
    if type_part is None:  # a công văn or thư công: the issuer, then the drafting unit (checked)
        return numbering.letter_symbol(issuer, drafting.abbreviation) if drafting else issuer
    head = f"{type_part}-{issuer}"
    return f"{head}-{drafting.abbreviation}" if drafting and document.symbol_unit else head


def build_document(config: DocumentConfig) -> DocumentContent:
    """The document of a document file, as content ready for its template: with its phụ lục,
    but for an electronic original's, which are files of their own (:func:`build_appendix`);
    a copy with its copy block, but for an electronic copy's (Mẫu 3.2)."""
    content = _whole_document(config)
    return replace(content, appendices=()) if config.document.document.electronic else content


def build_appendix(config: DocumentConfig, index: int) -> DocumentContent:
    """A phụ lục of an electronic original in a file of its own (Mẫu 2.2): no header, no
    signature (the agency signs the file digitally, its number and time at the top right of
    page 1, Phụ lục I II.8.b); its label, title, "(Kèm theo Văn bản số … ngày … của …)" with
    number and date blank, and its body, its Điều numbered on from the document's."""
    whole = _whole_document(config)
    appendix = whole.appendices[index]
    return DocumentContent(
        template=whole.template,
        heading=None,
        title=None,
        body=(),
        closing=parts.Closing((), (), "", shown=False),
        properties=replace(whole.properties, title=f"{appendix.label} kèm theo {whole.properties.title}"),
        footnotes=whole.footnotes,
        appendices=(appendix,),
    )


def _whole_document(config: DocumentConfig) -> DocumentContent:
    document = config.document.document
    agency = config.units.agency
    is_letter = document.type == LETTER_TYPE
    subject = parse(document.subject) if document.subject is not None else None
    issuer = config.unit(document.issuer) if document.issuer else None
    parent: str | None
    if issuer is not None:  # a unit issuing in its own name, under the agency
        parent, name = agency.full_name or agency.name, issuer.name
    else:
        parent, name = (agency.parent.name if agency.parent else None), agency.name
    marks, draft = _marks(document)
    heading = parts.heading(
        parent=parent, agency=name, symbol=symbol(config), number=document.number, place=agency.place,
        date=document.date, year=config.year, letter_subject=str(subject) if is_letter else None,
        month=document.month, marks=marks, draft=draft,
        joint=[(other.parent, other.name) for other in document.joint],
    )
    if document.type in numbering.TYPES_WITHOUT_DATE_LINE:  # a Biên bản dates its meeting in its body
        heading = replace(heading, place_date="")
    body = _Body()
    if document.circulation:  # ô 11, before the body
        body.out.append(Block("mark", mark=parts.mark(document.circulation, page.TEXT_WIDTH)))
    if document.authority and document.type != WIRE_TYPE:  # a Công điện names it in its "… điện:" line
        body.out.append(Block("center", Text.plain(upper(document.authority))))
    if document.invitation is not None:
        body.out += _invitation(document.invitation, (issuer or agency).name)
    if document.introduction is not None:
        body.out += _introduction(document.introduction, (issuer or agency).name)
    if document.minutes is not None:
        body.out += _minutes(document.minutes)
    if document.leave is not None:
        body.out += _leave(document.leave, (issuer or agency).name)
    body.blocks(document.body, level=0)
    if document.minutes is not None:
        ended = dates.meeting_end(document.minutes.day, _clock(document.minutes.end))
        body.out.append(Block("paragraph", Text.plain(f"{document.minutes.meeting} kết thúc vào {ended}")))
    if document.introduction is not None:
        valid = f"Giấy này có giá trị đến hết {dates.long_date(document.introduction.valid_until)}"
        body.out.append(Block("paragraph", Text.plain(valid)))
    blocks = _closed(body.out)
    note = _note(config)
    appendices = tuple(
        _appendix(appendix, _appendix_number(len(document.appendices), i), note, body)
        for i, appendix in enumerate(document.appendices)
    )
    names = [a.text if a.text is not None else config.name_of(a.to or "", a.label) for a in document.addressees]
    as_above = document.as_above if document.as_above is not None else bool(names)
    title = f"V/v {subject}" if is_letter else f"{document.type} {subject}" if subject else document.type
    return DocumentContent(
        template="document.docx",
        heading=heading,
        title=None if is_letter else parts.title(document.type, subject),
        addressees=(parts.addressees(names, wired_by=(document.authority or (issuer or agency).name)
                                     if document.type == WIRE_TYPE else None) if names else None),
        body=tuple(blocks),
        footnotes=tuple(Footnote(name, parse(text)) for name, text in document.footnotes.items()),
        closing=replace(_closing(config, as_above), signed="(Đã ký)" if document.copy_of is not None else ""),
        properties=Properties(title=title, subject=str(subject or ""), author=(issuer or agency).name,
                              year=config.year),
        appendices=appendices,
        contact=agency.contact.line if document.contact and agency.contact else "",
        copy=_copy_block(config) if document.copy_of is not None and not document.electronic else None,
    )


def _clock(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def _leave(leave: spec.Leave, issuer: str) -> list[Block]:
    """A Giấy nghỉ phép's lines (Mẫu 1.10); the last, what the days count as, ends the document."""
    lines = [
        f"Xét Đơn đề nghị nghỉ phép {dates.long_date(leave.requested)} của {leave.honorific.lower()} "
        f"{leave.person}, {issuer} cấp cho:",
        f"{leave.honorific} {leave.person}",
        f"Chức vụ: {leave.position}",
        f"Được nghỉ phép trong thời gian {numbering.padded_number(leave.days)} ngày, kể từ "
        f"{dates.long_date(leave.start)} đến hết {dates.long_date(leave.end)} tại {leave.place}.",
        f"Số ngày nghỉ phép nêu trên được tính vào thời gian {leave.counted_as}",
    ]
    return [Block("paragraph", Text.plain(line)) for line in lines]


def _minutes(minutes: spec.Minutes) -> list[Block]:
    """A Biên bản's opening lines (Mẫu 1.9), up to its content."""
    lines = [
        Text.plain(f"Thời gian bắt đầu: {dates.meeting_time(minutes.day, _clock(minutes.start))}."),
        "Địa điểm: " + parse(minutes.place).map_last(_ending(".")),
        "Thành phần tham dự: " + parse(minutes.attendees).map_last(_ending(".")),
        Text.plain(f"Chủ trì (chủ tọa): {minutes.chair}."),
        Text.plain(f"Thư ký (người ghi biên bản): {minutes.secretary}."),
        Text.plain("Nội dung (theo diễn biến cuộc họp):"),
    ]
    return [Block("paragraph", line) for line in lines]


#: The type of a copy in Phụ lục III, by its hình thức sao: its symbol's first part ("05/SY-UBND").
_COPY_TYPES = {"Sao y": "Bản sao y", "Sao lục": "Bản sao lục", "Trích sao": "Bản trích sao"}


def _copy_block(config: DocumentConfig) -> parts.CopyBlock:
    """The copy block (Mẫu 3.1): the copying agency, "Số: 05/SY-UBND", "SAO Y", its date line,
    its Nơi nhận and signature."""
    document = config.document.document
    copy = document.copy_of
    assert copy is not None and copy.signer is not None and copy.filing is not None  # checked by load_config
    agency = config.units.agency
    symbol = numbering.typed_symbol(_COPY_TYPES[copy.form], agency.abbreviation)
    heading = parts.heading(parent=None, agency=agency.name, symbol=symbol, number=copy.number, place=agency.place,
                            date=copy.date, year=copy.date.year if copy.date else config.year)
    return parts.CopyBlock(
        agency_lines=heading.agency_lines, agency_rule=heading.agency_rule, number=heading.number,
        form=upper(copy.form), place_date=heading.place_date,
        closing=closing(config, recipients=copy.recipients, signer=copy.signer, filing=copy.filing, as_above=False),
    )


def _closing(config: DocumentConfig, as_above: bool) -> parts.Closing:
    """Nơi nhận and the signature: the authority's lines, or the title given (a Biên bản's CHỦ TỌA);
    a second signer left of the first; the other agencies' of a joint document beside the lead's."""
    document = config.document.document
    band = closing(config, recipients=document.recipients, signer=document.signer, filing=document.filing,
                   as_above=as_above, title=document.signer_title)
    cosigners = [parts.signature(signature_titles(other.signer.authority, signer_title=other.signer.title,
                                                  head_title=other.head_title, collective=other.collective),
                                 other.signer.name)
                 for other in document.joint]
    second = document.second_signer
    if second is not None:
        person = config.person(second.person)
        assert person is not None  # checked by load_config
        cosigners.append(parts.signature([upper(second.title)], person.name))
    return replace(band, cosigners=tuple(cosigners))


def _introduction(introduction: spec.Introduction, issuer: str) -> list[Block]:
    """A Giấy giới thiệu's lines (Mẫu 1.8), up to the request; its validity closes the document."""
    lines = [
        Text.plain(f"{issuer} trân trọng giới thiệu:"),
        Text.plain(introduction.person),
        Text.plain(f"Chức vụ: {introduction.position}"),
        Text.plain(f"Được cử đến: {introduction.sent_to}"),
        "Về việc: " + parse(introduction.purpose),
        Text.plain("Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ."),
    ]
    return [Block("paragraph", line) for line in lines]


def _invitation(invitation: spec.Invitation, issuer: str) -> list[Block]:
    """A Giấy mời's lines (Mẫu 1.7): "<issuer> trân trọng kính mời: …", "Tới dự …", "Chủ trì: …",
    "Thời gian: 14 giờ 00, Thứ Năm, ngày 07 tháng 3 năm 2024", "Địa điểm: …"."""
    when = dates.meeting_time(invitation.day, _clock(invitation.start),
                              _clock(invitation.end) if invitation.end else None)
    lines = [f"{issuer} trân trọng kính mời: " + parse(invitation.invitees), "Tới dự " + parse(invitation.event)]
    if invitation.chair:
        lines.append(Text.plain(f"Chủ trì: {invitation.chair}"))
    lines += [Text.plain(f"Thời gian: {when}"), "Địa điểm: " + parse(invitation.place)]
    # the invitees run on into "Tới dự …": the sentence ends there, each line after it with "."
    return [Block("paragraph", line.map_last(_ending("" if i == 0 else "."))) for i, line in enumerate(lines)]


def _marks(document: spec.DocumentSpec) -> tuple[list[tuple[str, bool]], str | None]:
    """Độ mật and độ khẩn under the number (ô 10a, 10b; độ khẩn in red ink), and the draft mark
    above the header ("Dự thảo", "Dự thảo lần 2")."""
    marks: list[tuple[str, bool]] = [(document.secrecy, False)] if document.secrecy else []
    marks += [(document.urgency, True)] if document.urgency else []
    draft = document.draft
    return marks, None if draft is False else "Dự thảo" if draft is True else f"Dự thảo lần {draft}"


def _note(config: DocumentConfig) -> str:
    """ "(Kèm theo Quyết định số 05/QĐ-UBND ngày … của …)": under the title of a phụ lục or of the
    document a Quyết định issues; a draft's number and day left blank, and an electronic
    original's number and whole date."""
    document = config.document.document
    issuer = config.unit(document.issuer) if document.issuer else None
    if document.electronic:  # the agency's digital signature shows them (Mẫu 1.3, 2.2, note 2–3)
        return citations.attached_note(document.type, number=numbering.draft_number(symbol(config)), date=None,
                                       year=None, issuer=document.authority or (issuer or config.units.agency).name)
    if document.number is None:
        number = numbering.draft_number(symbol(config))
    else:
        number = f"{numbering.padded_number(document.number)}/{symbol(config)}"
    return citations.attached_note(document.type, number=number, date=document.date, year=config.year,
                                   issuer=document.authority or (issuer or config.units.agency).name)


def build_attached(config: DocumentConfig) -> DocumentContent:
    """The document a Quyết định issues (Mẫu 1.3), in a file of its own: the agency's header
    without number and date, its type name, trích yếu and "(Kèm theo Quyết định …)", its body
    (Điều numbered from 1) ending "./.", no Nơi nhận or signature (the Quyết định carries them)."""
    document = config.document.document
    attached = document.attached
    assert attached is not None
    agency = config.units.agency
    heading = agency_heading(config, symbol="", number=None, date=None, year=config.year)
    heading = replace(heading, number="", place_date="")
    subject = parse(attached.subject)
    body = _Body()
    body.blocks(attached.body, level=0)
    return DocumentContent(
        template="document.docx",
        heading=heading,
        title=replace(parts.title(attached.type, subject), note=_note(config)),
        body=tuple(_closed(body.out)),
        closing=parts.Closing((), (), "", shown=False),
        properties=Properties(title=f"{attached.type} {subject}", subject=str(subject), author=agency.name,
                              year=config.year),
    )


def _appendix(appendix: spec.Appendix, number: str, note: str, counters: _Body) -> AppendixContent:
    """A phụ lục (Mẫu 2.1): "Phụ lục I", its title upper case, the note, a rule, its body
    (Điều and footnotes numbered on from the document's) ending "./."."""
    title = upper(str(parse(appendix.title)))
    width = page.LANDSCAPE_TEXT_WIDTH if appendix.landscape else page.TEXT_WIDTH
    lines = tuple(balanced_units(words(title), width, page.SIZE_APPENDIX_TITLE, bold=True))
    body = _Body(width=width, articles=counters.articles, parts=counters.parts, chapters=counters.chapters)
    body.blocks(appendix.body, level=0)
    counters.articles, counters.parts, counters.chapters = body.articles, body.parts, body.chapters
    return AppendixContent(
        label=f"Phụ lục {number}".strip(),
        title_lines=lines,
        note=note,
        rule=parts.rule_under(lines, page.SIZE_APPENDIX_TITLE, width, fraction=page.RULE_FRACTION),
        body=tuple(_closed(body.out)),
        landscape=appendix.landscape,
    )


@dataclass
class _Body:
    """The blocks of a body as they are laid out, with the counters that run through it:
    Điều and Chương through the document, numbered headings per level (reset under a new
    heading above them)."""

    out: list[Block] = field(default_factory=list)
    width: int = page.TEXT_WIDTH
    """The width between the margins, which tables fill (wider on a landscape page)."""
    articles: int = 0
    parts: int = 0
    chapters: int = 0
    divisions: int = 0
    """Mục of the current chương: numbered from 1 in each."""
    headings: dict[int, int] = field(default_factory=dict)

    def blocks(self, blocks: list[spec.Block], *, level: int, parent: int | None = None,
               clause: int | None = None, bullet: int = 0) -> None:
        """Lay out ``blocks`` under a part at outline ``level`` (0 at the top; ``parent`` the
        number of the level-2 part above), or at ``clause`` level inside an Điều."""
        for block in blocks:
            if isinstance(block, str):
                self.out.append(Block("paragraph", parse(block)))
            elif isinstance(block, spec.Heading):
                self._heading(block, level, parent)
            elif isinstance(block, spec.Numbered):
                self._numbered(block, level, parent, clause)
            elif isinstance(block, spec.Bullets):
                for item in block.bullets:
                    mark = "-" if bullet == 0 else "+"
                    self.out.append(Block("paragraph", f"{mark} " + parse(item.text)))
                    self.blocks(item.body, level=level, parent=parent, clause=clause, bullet=bullet + 1)
            elif isinstance(block, spec.Bases):
                last = len(block.bases) - 1
                for i, line in enumerate(block.bases):
                    text = parse(line).map_last(_ending("." if i == last else ";"))
                    self.out.append(Block("basis", text.with_emphasis(italic=True)))
            elif isinstance(block, spec.Center):
                self.out.append(Block("center", parse(block.center)))
            elif isinstance(block, spec.Article):
                self._article(block)
            elif isinstance(block, spec.Part):
                self.parts += 1
                self._division("Phần", numbering.roman(self.parts), block.part, block.body, level, parent)
            elif isinstance(block, spec.Chapter):
                self.chapters += 1
                self.divisions = 0
                self._division("Chương", numbering.roman(self.chapters), block.chapter, block.body, level, parent)
            elif isinstance(block, spec.Division):
                self.divisions += 1
                self._division("Mục", str(self.divisions), block.division, block.body, level, parent)
            elif isinstance(block, spec.Table):
                self.out.append(Block("table", table=table_content(block.table, self.width)))
            elif isinstance(block, spec.PageBreak):
                self.out.append(Block("page_break"))

    def _division(self, name: str, number: str, title: str, body: list[spec.Block], level: int,
                  parent: int | None) -> None:
        """Phần, Chương or Mục (PL I, II.6): its name and number, then its title upper case, both
        centred in bold, on lines of their own."""
        self.out.append(Block("chapter", Text.plain(f"{name} {number}")))
        self.out.append(Block("chapter", Text.plain(upper(str(parse(title))))))
        self.blocks(body, level=level, parent=parent)

    def _heading(self, block: spec.Heading, level: int, parent: int | None) -> None:
        here = level + 1
        text = parse(block.heading)
        if here == 1:  # a mục: upper case (PL I, II.6)
            text = Text.plain(upper(str(text)))
        number = parent
        if block.numbered:
            count = self.headings.get(here, 0) + 1
            self.headings = {k: v for k, v in self.headings.items() if k < here} | {here: count}
            text = f"{numbering.outline_label(here, count, parent)} " + text
            if here == 2:
                number = count
        self.out.append(Block(_HEADING_KINDS[here], text))
        self.blocks(block.body, level=here, parent=number)

    def _numbered(self, block: spec.Numbered, level: int, parent: int | None, clause: int | None) -> None:
        for i, item in enumerate(block.numbered, start=1):
            if clause is not None:  # khoản and điểm of an Điều
                label = numbering.clause_label(clause + 1, i)
                self.out.append(Block("paragraph", f"{label} " + parse(item.text)))
                self.blocks(item.body, level=level, parent=parent, clause=clause + 1)
                continue
            here = max(level + 1, 2)  # a list is never numbered I., II.: those are mục
            label = numbering.outline_label(here, i, parent)
            self.out.append(Block("paragraph", f"{label} " + parse(item.text)))
            self.blocks(item.body, level=here, parent=i if here == 2 else parent)

    def _article(self, block: spec.Article) -> None:
        self.articles += 1
        text = parse(block.article)
        if block.titled:  # the label and the title in bold (PL I, II.6)
            line = Text.plain(f"Điều {self.articles}. ", bold=True) + text.with_emphasis(bold=True)
        else:
            line = Text.plain(f"Điều {self.articles}.", bold=True) + " " + text
        self.out.append(Block("article", line))
        self.blocks(block.body, level=0, clause=0)


def _ending(end: str) -> Callable[[str], str]:
    """The end of a line of a list, its typed punctuation replaced by ``end``."""
    return lambda text: strip_end_punctuation(text) + end


def _closed(blocks: list[Block]) -> list[Block]:
    """The last paragraph ends "./." and stays with the signature (PL I, II.6: the end of the content)."""
    if blocks and blocks[-1].kind in ("paragraph", "article", "basis"):
        last = blocks[-1]
        blocks = [*blocks[:-1], Block("closing", last.text.map_last(with_closing_mark))]
    return blocks


def table_content(table: spec.TableSpec, width: int = page.TEXT_WIDTH) -> Table:
    """A table of the body: its relative widths made twips filling ``width`` (the text width)."""
    total = sum(table.widths)
    widths = [width * w // total for w in table.widths]
    widths[-1] += width - sum(widths)

    def cells(row: list[spec.Cell], *, bold: bool = False) -> tuple[Cell, ...]:
        return tuple(
            Cell(tuple(parse(t) for t in c.text), c.span, c.rows, c.align,
                 c.bold or bold)
            for c in row
        )

    rows = [cells(r) for r in table.rows]
    if table.total is not None:
        rows.append(cells(table.total, bold=True))
    return Table(tuple(widths), tuple(cells(r) for r in table.header), tuple(rows), tuple(table.align or ()),
                 table.shaded)
