"""The rules of Decree 30/2020/NĐ-CP, Appendix I, that can be read from a .docx.

Each rule has a stable id (``header.motto``) and the Decree's item it comes from,
and yields findings: pass, fail (with what was found and what is required) or
skip (the part it checks is not in the document). Parts are found by their
content and position (the national title by its words, the date line by its
form, the signature by standing beside "Nơi nhận:"), never by vbdocs's styles.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from ..i18n import N_, _, pgettext
from ..layout import decree
from ..layout.decree import SIZES
from ..layout.metrics import TWIPS_PER_MM, mm, text_width
from ..vn import numbering
from ..vn.numbering import TYPE_ABBREVIATIONS
from .catalogue import CATALOGUE, Form
from .reader import Document, Line, Para

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_MOTTO = re.compile(r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$")
_MOTTO_EXACT = "Độc lập - Tự do - Hạnh phúc"
_DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d{4})\s*$")
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\d*)\s*/\s*(?P<symbol>\S+)\s*$")
_SYMBOL = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9.]*(-[A-ZĐ][A-Za-zĐđ0-9.]*)+$")
_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
_TYPES = {name.upper(): code for name, code in TYPE_ABBREVIATIONS.items()}


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one place of the document."""

    rule: str
    item: str
    status: str
    where: str
    found: str = ""
    required: str = ""
    paragraph: int | None = None
    """The paragraph it is about, from 1 in reading order, where it is about one."""


_ISSUED_WITH = re.compile(r"^\((Ban hành )?[Kk]èm theo (Quyết định|Nghị quyết)\b")

_APPENDIX_LABEL = re.compile(r"^Phụ lục(\s+[IVXLC]+)?$")

_WHY_NOT: dict[Form, str] = {
    "attached": N_("a document a Quyết định issues (Mẫu 1.3): numbered, dated and signed with it"),
    "appendix": N_("a phụ lục in a file of its own (Mẫu 2.2): the document it belongs to has it"),
    "register": N_("a register the văn thư keeps (sổ đăng ký văn bản, Phụ lục IV), not a văn bản"),
}
REGISTER_TITLES = frozenset({"SỔ ĐĂNG KÝ VĂN BẢN ĐI", "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"})
"""The titles on the cover of the Decree's registers (Phụ lục IV)."""


def applies(p: Parts, finding: Finding) -> Finding:
    """The finding, or a skip where its rule does not apply to this kind of file (catalogue.not_in)."""
    if finding.status != "fail" or p.form is None or p.form not in CATALOGUE[finding.rule].not_in:
        return finding
    return Finding(finding.rule, finding.item, "skip", finding.where, _(_WHY_NOT[p.form]))


def _parent_and_agency(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """An agency's part of the header split into its parent body's lines and its name's: the name
    is the bold lines at the end; if all are bold, the paragraph the rule stands under."""
    bold_from = len(lines)
    while bold_from > 0 and lines[bold_from - 1].bold:
        bold_from -= 1
    if lines and (bold_from == len(lines) or (bold_from == 0 and lines[0].para is not lines[-1].para)):
        # none bold, or all: the agency is the paragraph the rule stands under, the parent above it
        bold_from = next(i for i, x in enumerate(lines) if x.para is lines[-1].para)
    return lines[:bold_from], lines[bold_from:]


_TYPED_RULE = re.compile(r"^[_]{3,}$|^[-–—]{5,}$")


def typed_rule(para: Para) -> int | None:
    """The length (twips) of a rule typed as a paragraph of "_" (or a long run of "-"), as the
    Decree's own Mẫu and most offices draw the lines under the agency, the motto and the trích
    yếu; None for a paragraph of text."""
    text = "".join(x.clean for x in para.lines)
    if not _TYPED_RULE.match(text):
        return None
    runs = [r for x in para.lines for r in x.runs if r.text.strip()]
    return sum(text_width(r.text.strip(), (r.size or 13) * (SCRIPT_SCALE if r.script else 1)) for r in runs)


SCRIPT_SCALE = 0.58
"""How much smaller a superscript or subscript is drawn (LibreOffice's 58%; Word's is close)."""


def _is_upper(line: Line) -> bool:
    return line.clean == line.clean.upper() and any(c.isalpha() for c in line.clean)


def _is_recipients_label(line: Line) -> bool:
    return line.clean.rstrip(":").strip() == "Nơi nhận"


def _is_national_title(line: Line) -> bool:
    return line.clean.upper().replace("HOÀ", "HÒA") == NATIONAL_TITLE


class Parts:
    """Where the parts of the thể thức are in a document, found by content and position."""

    def __init__(self, doc: Document, sieve: Sieve | None = None) -> None:
        self.doc = doc
        self.sieve = sieve or Sieve()
        """What the reader's sieve tallied of the paragraphs it dropped (none: an empty tally)."""
        self._typed_rules = {id(p): length for p in doc.paragraphs if (length := typed_rule(p)) is not None}
        """The paragraphs that are rules typed as "_": lines, not text, to every rule below."""
        lines = [line for line in doc.lines if line.clean and id(line.para) not in self._typed_rules]
        self.stamps = list(itertools.takewhile(lambda x: x.para.box is not None, lines))
        """Text boxes before the document's first line: where an electronic file's digital signature
        shows its number and time (PL I, II.8.b; Mẫu 2.2, 3.2), not part of the document's layout."""
        lines = lines[len(self.stamps):]
        self.lines = lines
        self._cells: dict[tuple[int | None, int | None, int | None, int | None], list[Para]] = {}
        for para in doc.paragraphs:
            self._cells.setdefault((para.table, para.row, para.column, para.box), []).append(para)
        self.national_title = next((x for x in lines if _is_national_title(x)), None)
        self.motto = next((x for x in lines if _MOTTO.match(x.clean)), None)
        table = self.national_title.para.table if self.national_title else None
        self.header_table = table
        title_column = self.national_title.para.column if self.national_title else None
        header = [x for x in lines if table is not None and x.para.table == table]
        self.left = [x for x in header if x.para.column != title_column]
        self.right = [x for x in header if x.para.column == title_column]
        if table is None and self.national_title is not None:
            # a header typed without a table: stacked paragraphs, or text boxes side by side
            self.left, self.right = self._header_without_table(lines)
        self.party = any(x.clean.upper() == PARTY_TITLE for x in lines[:20])
        """A document of the Communist Party (its heading "ĐẢNG CỘNG SẢN VIỆT NAM"): out of the Decree's scope."""
        self.appendix_labels = [x for x in lines if x.para.table is None and _APPENDIX_LABEL.match(x.clean)
                                and x.para.alignment == "center"]
        """The "Phụ lục I" lines that open each phụ lục (Mẫu 2.1, 2.2)."""
        self.appendix_alone = self.national_title is None and bool(lines) and lines[0] in self.appendix_labels
        """Whether the file is a phụ lục of its own (Mẫu 2.2): it opens with its label."""
        self.register = self.national_title is None and any(x.clean.upper() in REGISTER_TITLES for x in lines[:10])
        """Whether the file is a register of documents (Phụ lục IV): its title on a cover without a national title."""
        self.number = next((x for x in lines[:30] if _NUMBER.match(x.clean) or x.clean.startswith("Số:")), None)
        self.place_date = next((x for x in lines[:30] if _DATE.match(x.clean)), None)
        number_at = self.left.index(self.number) if self.number in self.left else len(self.left)
        above = [x for x in self.left[:number_at] if not x.clean.startswith("V/v")]
        # a joint document (văn bản liên tịch) stacks each agency's part, each under its own rule
        groups: list[list[Line]] = [[]]
        for x in above:
            groups[-1].append(x)
            if x is x.para.lines[-1] and self.rule_after(x) is not None:
                groups.append([])
        groups = [g for g in groups if g] or [above]
        self.issuers = [_parent_and_agency(g) for g in groups]
        """Each agency's (parent lines, name lines): the lead's, then a joint document's others."""
        self.parent, self.agency = self.issuers[0]
        self.joint = self.issuers[1:]
        after_number = self.left[number_at + 1:] if self.number in self.left else []
        # a boxed mark under the V/v (độ mật, độ khẩn: ô 10a, 10b) is not part of it
        after_number = list(itertools.takewhile(lambda x: not (x.para.border_top and x.para.border_bottom),
                                                after_number))
        self.letter_subject = after_number if after_number and after_number[0].clean.startswith("V/v") else []
        body = [x for x in lines if x.para.table is None]
        self.type_name = next((x for x in body[:10] if x.clean in _TYPES or x.clean == "CÔNG VĂN"), None)
        self.subject: list[Line] = []
        if self.type_name is not None:
            start = body.index(self.type_name) + 1
            for x in body[start:start + 4]:
                if x.clean.startswith(("Kính gửi", "(")) or x.para.alignment != "center":
                    break
                if self.subject and self.rule_after(self.subject[-1]) is not None:
                    break  # the rule closes the trích yếu: what follows (the deciding authority) is not in it
                if self.subject and _is_upper(x) and not _is_upper(self.subject[-1]):
                    break  # the deciding authority under a trích yếu that has no rule
                if _ISSUED_WITH.match(x.clean) or x.clean.endswith(":"):
                    break
                self.subject.append(x)
        after_subject = body[body.index(self.subject[-1]) + 1:][:1] if self.subject else []
        self.issued_with = next((x for x in after_subject if _ISSUED_WITH.match(x.clean)), None)
        """The "(Kèm theo Quyết định số …)" under the trích yếu of a document a Quyết định issues (Mẫu 1.3)."""
        self.kinh_gui = next((x for x in body[:20] if x.clean.startswith("Kính gửi")), None)
        self.addressees: list[Line] = []
        if self.kinh_gui is not None:
            for x in body[body.index(self.kinh_gui) + 1:]:
                if not x.clean.startswith(("-", "–", "+")):
                    break
                self.addressees.append(x)
        self.recipients_label = next((x for x in lines if _is_recipients_label(x)), None)
        self.signers_above = False
        """Two or more signatures side by side above Nơi nhận (a Biên bản), not one beside it."""
        self.recipients: list[Line] = []
        """The first line of each recipient ("- …"); a recipient wrapped onto more lines ends at
        :meth:`recipient_end`."""
        self._ends: dict[int, Line] = {}
        self.signer: list[Line] = []
        if self.recipients_label is not None:
            label = self.recipients_label
            cell = [x for x in lines if x.para.table == label.para.table and x.para.row == label.para.row
                    and x.para.column == label.para.column] if label.para.table is not None else lines
            after = cell[cell.index(label) + 1:]
            if label.para.table is not None and not after:  # the list in the next row (Mẫu 1.6–1.8)
                below = (label.para.row or 0) + 1
                after = [x for x in lines if x.para.table == label.para.table and x.para.row == below
                         and x.para.column == label.para.column]
            for x in after:
                if not x.clean.startswith(("-", "–")):
                    if self.recipients and not self.recipient_end(self.recipients[-1]).clean.endswith((";", ".")):
                        self._ends[id(self.recipients[-1])] = x  # a recipient wrapped onto the next line
                        continue
                    break
                self.recipients.append(x)
            if label.para.table is not None:
                # beside Nơi nhận, in its row and the rows under it (Mẫu 1.6–1.8 put the name rows lower)
                self.signer = [x for x in lines if x.para.table == label.para.table
                               and (x.para.row or 0) >= (label.para.row or 0) and x.para.column != label.para.column
                               and (x.para.column or 0) > (label.para.column or 0)]
            if label.para.table is not None and not self.signer:
                # signatures side by side in the rows above Nơi nhận, in its table (Mẫu 1.9)
                band = [x for x in lines
                        if x.para.table == label.para.table and (x.para.row or 0) < (label.para.row or 0)]
                if band:
                    right = max(x.para.column or 0 for x in band)
                    self.signer = [x for x in band if x.para.column == right]
                    self.signers_above = len({x.para.column for x in band}) > 1
            elif label.para.table is None:
                # signatures side by side in a table above Nơi nhận (a Biên bản, Mẫu 1.9): the right one's
                above = [x for x in lines[:lines.index(label)] if x.para.table is not None]
                if above:
                    band = [x for x in above if x.para.table == above[-1].para.table]
                    right = max(x.para.column or 0 for x in band)
                    self.signer = [x for x in band if x.para.column == right]
                    self.signers_above = len({x.para.column for x in band}) > 1
            if not self.signer:  # a signature in a text box, or typed as paragraphs after the list
                boxed = [x for x in lines if x.para.box is not None and _is_upper(x)]
                if boxed:
                    self.signer = [x for x in lines if x.para.box == boxed[-1].para.box]
                elif label.para.table is None:
                    listed = {id(y) for x in self.recipients for y in (x, self.recipient_end(x))}
                    at = lines.index(label) + 1
                    self.signer = [x for x in lines[at:at + len(listed) + 8]
                                   if id(x) not in listed and x.para.table is None
                                   and not x.clean.startswith(("-", "–"))][:6]
        first = self.issued_with or (self.subject[-1] if self.subject else self.kinh_gui or self.type_name)
        if self.appendix_alone:  # its body starts after "(Kèm theo …)"
            first = next((x for x in body[:8] if x.clean.startswith("(Kèm theo")), lines[0])
        start = body.index(first) + 1 if first in body else 0
        # the body ends at Nơi nhận: what follows it (a phụ lục) has its own layout
        end = next((i for i, x in enumerate(lines) if x is self.recipients_label), len(lines))
        before_end = {id(x) for x in lines[:end]}
        paras: list[Para] = []
        seen: set[int] = set()
        for x in body[start:]:
            if id(x) not in before_end:
                break
            if id(x.para) not in seen:
                seen.add(id(x.para))
                paras.append(x.para)
        self.body = [p for p in paras if _is_prose(p)]
        """The prose paragraphs of the text read whole (the sieve tallies those it dropped)."""

    def _header_without_table(self, lines: list[Line]) -> tuple[list[Line], list[Line]]:
        """The header's left and right parts when no table holds them: the national title, the
        motto and the date (with the rest of the title's text box) on the right; the lines above
        the number that are none of these, on the left."""
        title = self.national_title
        assert title is not None
        marks = [x for x in lines[:30] if _NUMBER.match(x.clean) or _DATE.match(x.clean) or x is self.motto]
        end = max((lines.index(x) for x in marks), default=lines.index(title)) + 1
        zone = lines[:end]
        right = [x for x in zone if x is title or x is self.motto or _DATE.match(x.clean)
                 or (title.para.box is not None and x.para.box == title.para.box)]
        chosen = {id(x) for x in right}
        return [x for x in zone if id(x) not in chosen], right

    @property
    def header_lines(self) -> list[Line]:
        """Every line of the header block: both columns, or, without a header table, its parts."""
        if self.header_table is not None:
            return [*self.left, *self.right]
        return [x for x in (self.national_title, self.motto, self.place_date, self.number, *self.agency,
                            *self.parent) if x is not None]

    @property
    def signer_titles(self) -> list[Line]:
        """The signature's title lines (quyền hạn, chức vụ): its lines in upper case."""
        return [x for x in self.signer if _is_upper(x)]

    @property
    def signer_name(self) -> Line | None:
        """The signer's name: the signature's last line not in upper case."""
        return next((x for x in reversed(self.signer) if not _is_upper(x)), None)

    @property
    def marks(self) -> list[Line]:
        """Độ mật and độ khẩn (ô 10a, 10b): their words alone on a line near the top."""
        return [x for x in self.lines[:60] if x.clean.upper() in _MARKS and x.para.alignment != "justify"]

    @property
    def draft(self) -> bool:
        """A draft not issued yet: its number or its day left blank."""
        number = _NUMBER.match(self.number.clean) if self.number is not None else None
        date = _DATE.match(self.place_date.clean) if self.place_date is not None else None
        return bool((number and not number["number"]) or (date and not date["day"]))

    def recipient_end(self, line: Line) -> Line:
        """The last line of the recipient that starts at ``line``."""
        return self._ends.get(id(line), line)

    @property
    def form(self) -> Form | None:
        """What kind of file this is when it is not a whole document (catalogue.Form)."""
        if self.appendix_alone:
            return "appendix"
        if self.register:
            return "register"
        if self.issued_with is not None:
            return "attached"
        return None

    def rule_after(self, line: Line) -> int | None:
        """Length (twips) of the rule drawn under ``line``: a border, an underline or a line shape."""
        para = line.para
        if line.underlined:
            return text_width(line.clean, line.size or 12, bold=line.bold)
        if para.shapes:
            return max(para.shapes)
        siblings = self._cells[(para.table, para.row, para.column, para.box)]
        index = next(i for i, p in enumerate(siblings) if p is para)
        if para.border_bottom and para.lines[-1] is line:
            return self._border_length(para)
        for nxt in siblings[index + 1: index + 3]:
            if nxt.shapes:
                return max(nxt.shapes)
            if id(nxt) in self._typed_rules:
                return self._typed_rules[id(nxt)]
            if (nxt.border_top or nxt.border_bottom) and not nxt.text.strip():
                return self._border_length(nxt)
            if nxt.text.strip():
                break
        return None

    def _border_length(self, para: Para) -> int:
        column = para.cell_width or self.doc.section.text_width
        return column - para.left - para.right


def _fmt(size: float | None) -> str:
    return _("no size") if size is None else _("{size:g} pt").format(size=size)


# The words a finding names a line's look with, in the language of the moment ("bold" has the
# context "check": elsewhere it names a kind of markup).

def _weight(bold: bool) -> str:
    return pgettext("check", "bold") if bold else _("not bold")


def _slant(italic: bool) -> str:
    return pgettext("check", "italic") if italic else _("upright")


_ALIGNED = {"left": N_("aligned left"), "center": N_("aligned center"), "right": N_("aligned right"),
            "justify": N_("aligned justify")}


def _aligned(alignment: str) -> str:
    """ "aligned left", for a finding."""
    if alignment in _ALIGNED:
        return _(_ALIGNED[alignment])
    return _("aligned {alignment}").format(alignment=alignment)


def _in_section(i: int, sections: int, problem: str) -> str:
    """A problem of the page, with its section's number when the document has several."""
    return _("section {number}: {problem}").format(number=i + 1, problem=problem) if sections > 1 else problem


def _look(line: Line) -> str:
    parts = [_fmt(line.size), _weight(line.bold)]
    if line.italic:
        parts.append(_slant(True))
    return ", ".join(parts)


def _where(line: Line | None) -> str:
    if line is None:
        return ""
    text = line.clean
    return text if len(text) <= 60 else text[:57] + "…"


def _finding(rule: str, status: str, where: str, found: str = "", required: str = "") -> Finding:
    """A finding of the rule ``rule`` (its locator from the catalogue)."""
    return Finding(rule, CATALOGUE[rule].locator, status, where, found, required)


def _check(rule: str, line: Line, problems: list[str], required: str) -> Finding:
    if problems:
        return replace(_finding(rule, "fail", _where(line), "; ".join(problems), required), paragraph=line.para.number)
    return replace(_finding(rule, "pass", _where(line)), paragraph=line.para.number)


def _style_problems(line: Line, sizes: tuple[float, ...], *, bold: bool | None, italic: bool = False,
                    upper: bool | None = None) -> list[str]:
    problems = []
    if line.size not in sizes:
        problems.append(_("set in {size}").format(size=_fmt(line.size)))
    if bold is not None and line.bold != bold:
        problems.append(_weight(line.bold))
    if line.italic != italic:
        problems.append(_slant(line.italic))
    if upper is not None and (line.clean == line.clean.upper()) != upper:
        problems.append(_("in upper case") if not upper else _("not in upper case"))
    return problems


# -- the rules ---------------------------------------------------------------------------------------------

def page_size(p: Parts) -> Iterator[Finding]:
    """A4 portrait; a later section (an appendix of wide tables) may be A4 landscape (PL I, I.2)."""
    wrong = []
    for i, s in enumerate(p.doc.sections):
        width, height = mm(decree.PAGE_WIDTH_MM), mm(decree.PAGE_HEIGHT_MM)
        portrait = abs(s.width - width) <= 30 and abs(s.height - height) <= 30 and s.orient == "portrait"
        landscape = abs(s.width - height) <= 30 and abs(s.height - width) <= 30 and s.orient == "landscape"
        if not (portrait or (landscape and i > 0)):
            orient = _(_ORIENTATIONS[s.orient]) if s.orient in _ORIENTATIONS else s.orient
            wrong.append(_in_section(i, len(p.doc.sections),
                                     f"{s.width / TWIPS_PER_MM:.0f} × {s.height / TWIPS_PER_MM:.0f} mm, {orient}"))
    yield _finding("page.size", "fail" if wrong else "pass", _("page"), "; ".join(wrong),
                   _("A4 (210 × 297 mm), portrait (an appendix may be landscape)"))


_ORIENTATIONS = {"portrait": N_("portrait"), "landscape": N_("landscape")}
_MARGINS = {"top": N_("top {value:.1f} mm"), "bottom": N_("bottom {value:.1f} mm"),
            "left": N_("left {value:.1f} mm"), "right": N_("right {value:.1f} mm")}


def page_margins(p: Parts) -> Iterator[Finding]:
    limits = {edge: (span.low, span.high) for edge, span in decree.MARGINS_MM.items()}
    wrong = []
    for i, s in enumerate(p.doc.sections):
        for edge, (low, high) in limits.items():
            value = getattr(s, edge) / TWIPS_PER_MM
            if not low - 0.2 <= value <= high + 0.2:
                wrong.append(_in_section(i, len(p.doc.sections), _(_MARGINS[edge]).format(value=value)))
    yield _finding("page.margins", "fail" if wrong else "pass", _("page"), ", ".join(wrong),
                   _("top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm"))


def typeface(p: Parts) -> Iterator[Finding]:
    wrong: dict[str, str] = {}
    for line in p.lines:
        for run in line.runs:
            if run.text.strip() and (run.font or "") != "Times New Roman":
                wrong.setdefault(run.font or _("no typeface (Word falls back to the theme font)"), _where(line))
    if wrong:
        for font, where in wrong.items():
            yield _finding("font.typeface", "fail", where, font, "Times New Roman")
    else:
        yield _finding("font.typeface", "pass", _("every run"))


def national_title(p: Parts) -> Iterator[Finding]:
    line = p.national_title
    if line is None:
        yield _finding("header.national_title", "fail", _("header"), _("no national title"), NATIONAL_TITLE)
        return
    problems = _style_problems(line, SIZES["national_title"].allowed, bold=True, upper=True)
    if p.left and p.right and line not in p.right:
        problems.append(_("not in the right column"))
    yield _check("header.national_title", line, problems,
                 _("upper case, 12–13 pt, bold, upright, top right"))


def motto(p: Parts) -> Iterator[Finding]:
    line = p.motto
    if line is None:
        yield _finding("header.motto", "fail", _("header"), _("no motto"), _MOTTO_EXACT)
        return
    problems = _style_problems(line, SIZES["motto"].allowed, bold=True)
    if line.clean != _MOTTO_EXACT:
        problems.append(_("written {text!r}").format(text=line.clean))
    if p.national_title and p.motto and p.lines.index(line) != p.lines.index(p.national_title) + 1:
        problems.append(_("not right under the national title"))
    yield _check("header.motto", line, problems,
                 _("{motto!r}, 13–14 pt, bold, upright, under the national title").format(motto=_MOTTO_EXACT))


def motto_rule(p: Parts) -> Iterator[Finding]:
    line = p.motto
    if line is None:
        yield _finding("header.motto_rule", "skip", _("header"))
        return
    length = p.rule_after(line)
    width = text_width(line.clean, line.size or 13, bold=True)
    required = _("a solid line under the motto, as long as the motto")
    if length is None:
        yield _finding("header.motto_rule", "fail", _where(line), _("no line under the motto"), required)
    elif not 0.8 <= length / width <= 1.2:
        yield _finding("header.motto_rule", "fail", _where(line),
                       _("a line {length:.1f} mm long for a motto of {width:.1f} mm").format(
                           length=length / TWIPS_PER_MM, width=width / TWIPS_PER_MM),
                       required)
    else:
        yield _finding("header.motto_rule", "pass", _where(line))


def sizes_together(p: Parts) -> Iterator[Finding]:
    title, motto_line, date = p.national_title, p.motto, p.place_date
    if not (title and motto_line and title.size in SIZES["national_title"].allowed
            and motto_line.size in SIZES["motto"].allowed):
        yield _finding("header.sizes", "skip", _("header"))
        return
    problems = []
    if motto_line.size != (title.size or 0) + 1:
        problems.append(_("national title {title} with motto {motto}").format(title=_fmt(title.size),
                                                                               motto=_fmt(motto_line.size)))
    if date is not None and date.size in SIZES["place_date"].allowed and date.size != motto_line.size:
        problems.append(_("date line {date} with motto {motto}").format(date=_fmt(date.size),
                                                                         motto=_fmt(motto_line.size)))
    yield _check("header.sizes", title, problems,
                 _("sizes that move together: 12/13/13 or 13/14/14 (national title/motto/date)"))


def parent_body(p: Parts) -> Iterator[Finding]:
    if not any(parent for parent, _name in p.issuers):
        yield _finding("header.parent", "skip", _("header"))
        return
    for line in (x for parent, _name in p.issuers for x in parent):
        yield _check("header.parent", line,
                     _style_problems(line, SIZES["parent"].allowed, bold=False, upper=True),
                     _("upper case, {size}, not bold, upright").format(size=SIZES["parent"].text))


def agency(p: Parts) -> Iterator[Finding]:
    if not p.agency:
        yield _finding("header.agency", "fail" if p.left else "skip", _("header"),
                       _("no agency name in bold above the number") if p.left else "", _("the issuing agency, bold"))
        return
    for parent, name in p.joint:
        if not name:  # another agency's part with no bold name: its lines read as a parent body's
            yield _finding("header.agency", "fail", _where(parent[-1]),
                           _("no agency name in bold in this agency's part of a joint header"),
                           _("the issuing agency, bold"))
    for line in (x for _parent, name in p.issuers for x in name):
        yield _check("header.agency", line,
                     _style_problems(line, SIZES["agency"].allowed, bold=True, upper=True),
                     _("upper case, {size}, bold, upright").format(size=SIZES["agency"].text))


def agency_rule(p: Parts) -> Iterator[Finding]:
    if not p.agency:
        yield _finding("header.agency_rule", "skip", _("header"))
        return
    for _parent, name in p.issuers:
        if name:
            yield _short_rule(p, "header.agency_rule", name, 12, missing=_("no line under the agency name"),
                              share=_("a line {share:.0%} of the name's length"),
                              required=_("a solid line under the agency name, 1/3 to 1/2 of its length, centred"))


def _short_rule(p: Parts, rule: str, lines: list[Line], size: float, *, missing: str, share: str,
                required: str, below: Line | None = None) -> Finding:
    """The rule under a block of lines must be 1/3 to 1/2 of its widest line (a little slack kept);
    it stands under ``below`` when a line comes between (the "(Kèm theo …)" of Mẫu 1.3). ``share``
    says what was found, its ``{share}`` the rule's length as a fraction of the widest line."""
    last = below or lines[-1]
    length = p.rule_after(last)
    widest = max(text_width(x.clean, x.size or size, bold=True) for x in lines)
    if length is None:
        return _finding(rule, "fail", _where(last), missing, required)
    low, high = decree.RULE_FRACTION.low - decree.RULE_SLACK, decree.RULE_FRACTION.high + decree.RULE_SLACK
    if not low <= length / widest <= high:
        return _finding(rule, "fail", _where(last), share.format(share=length / widest), required)
    return _finding(rule, "pass", _where(last))


def number(p: Parts) -> Iterator[Finding]:
    line = p.number
    if line is None and not _keeps_register(p):
        yield _finding("header.number", "skip", _("header"), _("a phòng of the agency: no number of its own"))
        return
    if line is None:
        yield _finding("header.number", "fail", _("header"), _("no \"Số:\" line"), "Số: <số>/<ký hiệu>")
        return
    problems = _style_problems(line, SIZES["number"].allowed, bold=False)
    m = _NUMBER.match(line.clean)
    if m is None:
        problems.append(_("not of the form \"Số: <số>/<ký hiệu>\""))
    elif m["number"] and int(m["number"]) < 10 and len(m["number"]) < 2:
        problems.append(_("number {number} without its leading zero").format(number=m["number"]))
    yield _check("header.number", line, problems,
                 _("\"Số: 05/KH-SNN\": 13 pt, upright, numbers below 10 with a leading 0"))


def _keeps_register(p: Parts) -> bool:
    """A phòng under its agency has no number and no văn thư of its own."""
    return not p.agency or numbering.keeps_register(p.agency[0].clean, under_agency=bool(p.parent))


def symbol(p: Parts) -> Iterator[Finding]:
    line = p.number
    m = _NUMBER.match(line.clean) if line else None
    if line is None or m is None:
        yield _finding("number.symbol", "skip", _("header"))
        return
    sym = m["symbol"]
    problems = []
    if not _SYMBOL.match(sym):
        problems.append(_("{symbol!r} is not groups of letters joined by \"-\"").format(symbol=sym))
    first = sym.split("-")[0]
    if p.joint:  # "KHLT-SNN-HND": the type marked LT, then each agency (numbering.joint_symbol)
        first = first.removesuffix(numbering.JOINT_MARK) if p.type_name is not None else first
        if len(sym.split("-")) < (1 if p.type_name is not None else 0) + 1 + len(p.joint):
            problems.append(_("{symbol!r} does not name each of the {count} agencies").format(
                symbol=sym, count=1 + len(p.joint)))
    if p.type_name is not None:
        code = _TYPES.get(p.type_name.clean)
        if code is not None and first != code:
            problems.append(_("a {type_name} is {code}, not {found}").format(
                type_name=p.type_name.clean.lower(), code=code, found=first))
    elif first in _TYPES.values():
        problems.append(_("{found} is a type abbreviation, but the document has no type name (a công văn has none)")
                        .format(found=first))
    yield _check("number.symbol", line, problems,
                 _("<type>-<agency> (25/KH-SNN) or, for a công văn, <agency>-<unit> (3870/SNN-VP); a joint "
                   "document's <type>LT-<agency>-<agency> (02/KHLT-SNN-HND)"))


_WITHOUT_DATE_LINE = {name.upper() for name in numbering.TYPES_WITHOUT_DATE_LINE}


def place_date(p: Parts) -> Iterator[Finding]:
    line = p.place_date
    if line is None and p.type_name is not None and p.type_name.clean in _WITHOUT_DATE_LINE:
        yield _finding("header.place_date", "skip", _("header"), _("a Biên bản dates its meeting in its body"))
        return
    if line is None:
        yield _finding("header.place_date", "fail", _("header"), _("no place and date line"),
                      "\"<Địa danh>, ngày … tháng … năm …\"")
        return
    problems = _style_problems(line, SIZES["place_date"].allowed, bold=False, italic=True)
    if p.left and p.right and line not in p.right:
        problems.append(_("not under the national title"))
    yield _check("header.place_date", line, problems, _("13–14 pt, italic, under the motto"))


def date_padding(p: Parts) -> Iterator[Finding]:
    line = p.place_date
    m = _DATE.match(line.clean) if line else None
    if line is None or m is None or not (m["day"] and m["month"]):
        yield _finding("date.padding", "skip", _where(line) or _("header"))
        return
    problems = []
    day, month = m["day"], m["month"]
    if int(day) < 10 and len(day) != 2:
        problems.append(_("day {day} without its leading 0").format(day=day))
    if int(month) <= 2 and len(month) != 2:
        problems.append(_("month {month} without its leading 0").format(month=month))
    if int(month) >= 3 and month.startswith("0"):
        problems.append(_("month {month} with a leading 0").format(month=month))
    yield _check("date.padding", line, problems,
                 _("days below 10 and the months 1 and 2 with a leading 0 (ngày 05 tháng 01; tháng 3, not 03)"))


def type_name(p: Parts) -> Iterator[Finding]:
    line = p.type_name
    if line is None:
        yield _finding("title.type_name", "skip", _("title"))
        return
    problems = _style_problems(line, SIZES["type_name"].allowed, bold=True, upper=True)
    if line.para.alignment != "center":
        problems.append(_aligned(line.para.alignment))
    yield _check("title.type_name", line, problems, _("upper case, 13–14 pt, bold, centred"))


_WITHOUT_SUBJECT = {name.upper() for name in numbering.TYPES_WITHOUT_SUBJECT}


def subject(p: Parts) -> Iterator[Finding]:
    if p.type_name is None:
        yield _finding("title.subject", "skip", _("title"))
        return
    if p.type_name.clean in _WITHOUT_SUBJECT:  # Mẫu 1.8, 1.10: the rule stands under the type name
        yield _finding("title.subject", "skip", _where(p.type_name), _("this type has no trích yếu"))
        yield _short_rule(p, "title.subject_rule", [p.type_name], 14, missing=_("no line"),
                          share=_("a line {share:.0%} of the type name's length"),
                          required=_("a solid line under the type name, 1/3 to 1/2 of its length"))
        return
    if not p.subject:
        yield _finding("title.subject", "fail", _where(p.type_name), _("no trích yếu under the type"),
                       _("a trích yếu, 13–14 pt, bold, centred"))
        return
    for line in p.subject:
        problems = _style_problems(line, SIZES["subject"].allowed, bold=True)
        if line.para.alignment != "center":
            problems.append(_aligned(line.para.alignment))
        yield _check("title.subject", line, problems, _("normal case, 13–14 pt, bold, centred"))
    yield _short_rule(p, "title.subject_rule", p.subject, 14, missing=_("no line"),
                      share=_("a line {share:.0%} of the trích yếu's length"),
                      required=_("a solid line under the trích yếu, 1/3 to 1/2 of its length"), below=p.issued_with)


def letter_subject(p: Parts) -> Iterator[Finding]:
    if not p.letter_subject:
        yield _finding("letter.subject", "skip", _("header"))
        return
    for line in p.letter_subject:
        problems = _style_problems(line, SIZES["letter_subject"].allowed, bold=False)
        if line.para.alignment != "center":
            problems.append(_aligned(line.para.alignment))
        yield _check("letter.subject", line, problems,
                     _("\"V/v …\" under the number: 12–13 pt, upright, not bold, centred"))


def body(p: Parts) -> Iterator[Finding]:
    counted = len(p.body) + p.sieve.prose
    if not counted:
        yield _finding("body.text", "skip", pgettext("check", "body"))
        return
    for rule, test, required in BODY_CHECKS:
        failed = [(q, found) for q in p.body if (found := test(q)) is not None]
        total = len(failed) + p.sieve.failed[rule]
        for q, found in failed[:3]:
            if total > 3 and q is failed[2][0]:
                found = _("{found} (and {count} more paragraphs)").format(found=found, count=total - 3)
            yield replace(_finding(rule, "fail", _where(q.lines[0]), found, _(required)), paragraph=q.number)
        if not total:
            yield _finding(rule, "pass", _("{count} paragraphs").format(count=counted))


def _is_prose(para: Para) -> bool:
    """A paragraph of the text the body rules judge: outside tables, 80 characters or more, not
    all in bold (a heading)."""
    return (para.table is None and len(para.text.strip()) >= 80 and not all(x.bold for x in para.lines if x.clean)
            and typed_rule(para) is None)


#: The first-line indent a body paragraph may have, twips: 1 cm to 1.27 cm, half a millimetre either side forgiven.
_INDENT = (mm(decree.FIRST_LINE_INDENT_MM.low - 0.5), mm(decree.FIRST_LINE_INDENT_MM.high + 0.5))


def _body_size(q: Para) -> str | None:
    sizes = {r.size for x in q.lines for r in x.runs if r.text.strip()}
    wrong = sorted((s for s in sizes if s not in SIZES["body"].allowed), key=lambda s: s or 0)
    return _("set in {size}").format(size=", ".join(_fmt(s) for s in wrong)) if wrong else None


def _line_spacing(q: Para) -> str | None:
    if q.line_rule == "auto":
        low, high = decree.LINE_SPACING.low * 240, decree.LINE_SPACING.high * 240
        return None if low <= q.line <= high else _("{lines:g} lines").format(lines=q.line / 240)
    size = max((x.size or 14) for x in q.lines if x.clean) if any(x.clean for x in q.lines) else 14
    single = size * 20 * 1.15
    if single * 0.85 <= q.line <= single * 1.5:
        return None
    return _("{line:g} pt lines for {size:g} pt text").format(line=q.line / 20, size=size)


#: The rules every prose paragraph of the body is held to: id, the test (what is wrong, or None, in the
#: language of the moment), what is required (marked for the catalog: translated where it is shown).
BODY_CHECKS: tuple[tuple[str, Callable[[Para], str | None], str], ...] = (
    ("body.size", _body_size, N_("13–14 pt")),
    ("body.alignment", lambda q: None if q.alignment == "justify" else _aligned(q.alignment),
     N_("justified on both margins")),
    ("body.indent", lambda q: None if _INDENT[0] <= q.first_line <= _INDENT[1]
     else _("first line indented {indent:.2f} cm").format(indent=q.first_line / TWIPS_PER_MM / 10),
     N_("first line indented 1 or 1.27 cm")),
    ("body.spacing", lambda q: None if max(q.space_before, q.space_after) >= decree.SPACE_BETWEEN_PT * 20 - 2
     else _("{space:g} pt between paragraphs").format(space=max(q.space_before, q.space_after) / 20),
     N_("at least 6 pt between paragraphs")),
    ("body.line_spacing", _line_spacing, N_("single up to 1.5 lines")),
)


def kinh_gui(p: Parts) -> Iterator[Finding]:
    line = p.kinh_gui
    if line is None:
        yield _finding("addressees", "skip", pgettext("check", "body"))
        return
    problems = _style_problems(line, SIZES["addressees"].allowed, bold=None)
    rest = line.clean.split(":", 1)[1].strip() if ":" in line.clean else ""
    if rest and p.addressees:
        problems.append(_("one addressee on the line and others under it"))
    if not rest:
        if len(p.addressees) < 2:
            problems.append(_("\"Kính gửi:\" alone with fewer than two addressees under it"))
        for i, x in enumerate(p.addressees):
            end = "." if i == len(p.addressees) - 1 else ";"
            if not x.clean.endswith(end):
                problems.append(_("{text!r} does not end with {end!r}").format(text=x.clean, end=end))
    yield _check("addressees", line, problems,
                 _("Kính gửi: one addressee on its line, or several, one per line, \"- …;\", the last ending "
                   "\".\""))


def recipients(p: Parts) -> Iterator[Finding]:
    label = p.recipients_label
    if label is None:
        yield _finding("recipients.label", "fail", _("closing"), _("no \"Nơi nhận:\""),
                       _("\"Nơi nhận:\" and the list of recipients"))
        return
    problems = _style_problems(label, SIZES["recipients_label"].allowed, bold=True, italic=True)
    if label.clean != "Nơi nhận:":
        problems.append(_("written {text!r}").format(text=label.clean))
    yield _check("recipients.label", label, problems, _("\"Nơi nhận:\", 12 pt, bold italic"))
    lines = p.recipients
    problems = []
    if not lines:
        problems.append(_("no recipients under the label"))
    for i, x in enumerate(lines):
        last = i == len(lines) - 1
        end = p.recipient_end(x)
        for y in {id(x): x, id(end): end}.values():
            if y.size != 11 or y.bold or y.italic:
                problems.append(f"{y.clean!r}: {_look(y)}")
        if not end.clean.endswith("." if last else ";"):
            problems.append(_("{text!r} does not end with {end!r}").format(text=end.clean, end="." if last else ";"))
    filed = r"^[-–]\s*Lưu\s*:\s*VT\b" if _keeps_register(p) else r"^[-–]\s*Lưu\s*:"
    if lines and not re.match(filed, lines[-1].clean):
        problems.append(_("the last line is {text!r}, not \"- Lưu: VT, …\"").format(text=lines[-1].clean))
    if p.kinh_gui is not None and lines and not lines[0].clean.startswith(("- Như trên", "– Như trên")):
        problems.append(_("a document with Kính gửi starts its recipients with \"- Như trên;\""))
    yield _check("recipients.list", lines[0] if lines else label, problems,
                 _("lines \"- …;\" in 11 pt, upright, the last \"- Lưu: VT, … .\""))


def signature(p: Parts) -> Iterator[Finding]:
    lines = p.signer
    if p.recipients_label is None or not lines:
        yield _finding("signature.block", "fail" if p.recipients_label else "skip", _("closing"),
                       _("no signature block beside \"Nơi nhận:\"") if p.recipients_label else "",
                       _("the signer's titles and name on the right, level with \"Nơi nhận:\""))
        return
    titles = p.signer_titles
    problems = []
    for x in titles:
        problems += [f"{x.clean!r}: {msg}" for msg in _style_problems(x, SIZES["signer"].allowed, bold=True)]
    if titles:
        first = titles[0].clean
        prefix = first.split()[0] if " " in first else ""
        if prefix.endswith(".") and prefix not in _PREFIXES:
            problems.append(_("unknown signing prefix {prefix!r}").format(prefix=prefix))
        if prefix in ("TM.", "KT.", "TL.", "TUQ.") and len(titles) < 2:
            problems.append(_("{prefix} needs the signer's own title on the next line").format(prefix=prefix))
    else:
        problems.append(_("no title (chức vụ) in upper case"))
    yield _check("signature.titles", titles[0] if titles else lines[0], problems,
                 _("quyền hạn and chức vụ: upper case, 13–14 pt, bold; TM., KT., Q., TL., TUQ. as prefixes"))
    name = p.signer_name
    if name is not None:
        found = _style_problems(name, SIZES["signer"].allowed, bold=True)
        yield _check("signature.name", name, found, _("the signer's name: normal case, 13–14 pt, bold"))
    if titles and p.signers_above:  # Mẫu 1.9: the signatures side by side, Nơi nhận under them
        yield _finding("signature.block", "pass", _where(titles[0]))
    elif titles and titles[0].para.table is not None and p.recipients_label.para.table == titles[0].para.table \
            and p.recipients_label.para.row != titles[0].para.row:
        yield _finding("signature.block", "fail", _where(titles[0]),
                       _("not level with Nơi nhận"), _("Nơi nhận on the left, level with the signature block"))
    else:
        yield _finding("signature.block", "pass", _where(titles[0] if titles else lines[0]))


def page_numbers(p: Parts) -> Iterator[Finding]:
    s = p.doc.section
    default = s.headers.get("default", "")
    has_number = "PAGE" in default
    first = s.headers.get("first", "") if s.title_page else default
    problems = []
    if not has_number:
        yield _finding("page.numbering", "skip", _("header"),
                       _("no page numbers (needed when the document has more than one page)"))
        return
    if "PAGE" in first:
        problems.append(_("a number on page 1"))
    for para in p.doc.header_paragraphs("default"):
        if "PAGE" in etree.tostring(para.element, encoding="unicode"):
            if para.alignment != "center":
                problems.append(_aligned(para.alignment))
            sizes = {r.size for x in para.lines for r in x.runs if r.text.strip() and r.size}
            if sizes and not sizes <= {13.0, 14.0}:
                problems.append(_("set in {size}").format(size=", ".join(_fmt(z) for z in sorted(sizes))))
    yield _finding("page.numbering", "fail" if problems else "pass", _("page header"), "; ".join(problems),
                   _("Arabic numbers centred in the top margin, 13–14 pt, none on page 1"))


#: Every id a finding can carry (a rule may judge several things).
FINDING_IDS = tuple(CATALOGUE)


def appendix(p: Parts) -> Iterator[Finding]:
    """Each phụ lục's opening (PL I, III.1; Mẫu 2.1, 2.2): "Phụ lục I" in normal case, 14 pt bold
    upright; its title upper case, 13–14 pt bold; "(Kèm theo …)" 13–14 pt italic; all centred."""
    for label in p.appendix_labels:
        problems = _style_problems(label, (14,), bold=True)
        at = p.lines.index(label)
        title = list(itertools.takewhile(lambda x: not x.clean.startswith("(") and x.para.alignment == "center",
                                         p.lines[at + 1:at + 5]))
        if not title:
            problems.append(_("no title under the label"))
        for line in title:
            problems += [_("title {problem}").format(problem=x)
                         for x in _style_problems(line, SIZES["appendix"].allowed, bold=True, upper=True)]
        note = p.lines[at + 1 + len(title)] if at + 1 + len(title) < len(p.lines) else None
        if note is None or not note.clean.startswith("(Kèm theo"):
            problems.append(_("no \"(Kèm theo …)\" under the title"))
        else:
            problems += [_("note {problem}").format(problem=x)
                         for x in _style_problems(note, SIZES["appendix"].allowed, bold=False, italic=True)]
        yield _check("appendix", label, problems,
                     _("\"Phụ lục I\" 14 pt bold; the title upper case, 13–14 pt bold; \"(Kèm theo …)\" 13–14 pt "
                       "italic; centred"))


_COPY_FORMS = {"SAO Y": "SY", "SAO LỤC": "SL", "TRÍCH SAO": "TrS"}


def copy(p: Parts) -> Iterator[Finding]:
    """A copy's block (Mẫu 3.1; PL I, Phần II.II): under a line across the text, the hình thức sao
    upper case, 13–14 pt, bold, upright, and its own number in the copies' register whose symbol
    is the form's ("Số: 02/SY-UBND")."""
    forms = [x for x in p.lines if x.clean in _COPY_FORMS and x.para.table is not None]
    if not forms:
        yield _finding("copy", "skip", pgettext("check", "document"), _("not a copy"))
        return
    for form in forms:
        problems = _style_problems(form, SIZES["type_name"].allowed, bold=True, upper=True)
        band = [x for x in p.lines if x.para.table == form.para.table and x.para.row == form.para.row]
        numbers = [m for x in band if (m := _NUMBER.match(x.clean))]
        if not numbers:
            problems.append(_("no \"Số:\" line of the copy beside it"))
        elif numbers[0]["symbol"].split("-")[0] != _COPY_FORMS[form.clean]:
            problems.append(_("a {form} is numbered {code}, not {found}").format(
                form=form.clean.lower(), code=_COPY_FORMS[form.clean], found=numbers[0]["symbol"].split("-")[0]))
        yield _check("copy", form, problems,
                     _("SAO Y, SAO LỤC or TRÍCH SAO: upper case, 13–14 pt, bold, upright, beside \"Số: …/SY-…\" "
                       "(SL, TrS) of the copies' register"))


_BASIS = re.compile(r"^(Căn cứ|Theo đề nghị|Xét)\b")
_ARTICLE = re.compile(r"^Điều\s+\d+\s*\.")
_DIVISION = re.compile(r"^(Phần|Chương|Mục)\s+([IVXLC]+|\d+|thứ\s+\S+)\s*$", re.I)
_DECISION = re.compile(r"^(QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ)\s*:?$")
_MARKS = {"MẬT", "TỐI MẬT", "TUYỆT MẬT", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HỎA TỐC HẸN GIỜ", "HOẢ TỐC"}


def _text_lines(p: Parts) -> list[Line]:
    """The lines of the text between the title and Nơi nhận, outside tables (a body's own tables
    hold data, not its parts)."""
    start = p.lines.index(p.type_name) + 1 if p.type_name is not None else 0
    end = p.lines.index(p.recipients_label) if p.recipients_label in p.lines else len(p.lines)
    return [x for x in p.lines[start:end] if x.para.table is None and x.para.box is None]


def bases(p: Parts) -> Iterator[Finding]:
    """Căn cứ (PL I, II.6.a): each basis in italics, 13–14 pt, ending ";", the last "."."""
    lines = _text_lines(p)
    # the bases of a Quyết định, Nghị quyết…: the paragraphs before "QUYẾT ĐỊNH:" ("QUYẾT NGHỊ:");
    # a "Căn cứ …" sentence in the text of another document is prose
    decision_at = next((i for i, x in enumerate(lines) if _DECISION.match(x.clean) and x is not p.type_name), None)
    found = [x for x in lines[:decision_at or 0] if _BASIS.match(x.clean) and x is x.para.lines[0]]
    if not found or not found[0].clean.startswith("Căn cứ"):
        yield _finding("body.bases", "skip", pgettext("check", "body"))
        return
    for i, x in enumerate(found):
        para_lines = [y for y in x.para.lines if y.clean]
        problems = []
        if not all(y.italic for y in para_lines):
            problems.append(_slant(False))
        end = para_lines[-1].clean[-1:]
        wanted = "." if i == len(found) - 1 else ";"
        if end not in (";", ".", ","):
            problems.append(_("ending {end!r}, not {wanted!r}").format(end=end, wanted=wanted))
        yield _check("body.bases", x, problems, _("each căn cứ in italics, ending \";\", the last \".\""))


def articles(p: Parts) -> Iterator[Finding]:
    """Điều (PL I, II.6.b): "Điều 1." in normal case, upright, bold, body size."""
    found = [x for x in _text_lines(p) if _ARTICLE.match(x.clean) and x is x.para.lines[0]]
    if not found:
        yield _finding("body.articles", "skip", pgettext("check", "body"))
        return
    for x in found:
        head = _ARTICLE.match(x.clean)
        assert head is not None
        covered, problems = 0, []
        for run in x.runs:  # the runs that print "Điều 1."
            if covered >= len(head.group(0).replace(" ", "")):
                break
            if run.text.strip():
                covered += len(run.text.replace(" ", ""))
                if not run.bold:
                    problems.append(_("\"Điều …\" not bold"))
                if run.italic:
                    problems.append(_("\"Điều …\" italic"))
                if run.size not in SIZES["body"].allowed:
                    problems.append(_("set in {size}").format(size=_fmt(run.size)))
        yield _check("body.articles", x, sorted(set(problems)),
                     _("\"Điều 1.\" in normal case, upright, bold, 13–14 pt"))


def divisions(p: Parts) -> Iterator[Finding]:
    """Phần, Chương, Mục (PL I, II.6.b): the word and number bold, centred; the name under it upper
    case, bold, centred."""
    lines = _text_lines(p)
    found = [(i, x) for i, x in enumerate(lines) if _DIVISION.match(x.clean)]
    if not found:
        yield _finding("body.divisions", "skip", pgettext("check", "body"))
        return
    for i, x in found:
        problems = _style_problems(x, SIZES["body"].allowed, bold=True)
        if x.para.alignment != "center":
            problems.append(_aligned(x.para.alignment))
        name = lines[i + 1] if i + 1 < len(lines) else None
        if name is not None and name.para.alignment == "center":
            problems += [_("its name {problem}").format(problem=m)
                         for m in _style_problems(name, SIZES["body"].allowed, bold=True, upper=True)]
        yield _check("body.divisions", x, problems,
                     _("\"Chương I\" bold, centred; its name under it upper case, bold, centred; 13–14 pt"))


def decision(p: Parts) -> Iterator[Finding]:
    """The word that opens the content after the bases (Mẫu 1.1, 1.2): "QUYẾT ĐỊNH:",
    "QUYẾT NGHỊ:", upper case, bold, centred, with its colon."""
    lines = _text_lines(p)
    found = [x for x in lines if _DECISION.match(x.clean) and x is not p.type_name]
    if not found:
        yield _finding("body.decision", "skip", pgettext("check", "body"))
        return
    for x in found:
        problems = _style_problems(x, SIZES["body"].allowed, bold=True, upper=True)
        if not x.clean.endswith(":"):
            problems.append(_("without its colon"))
        if x.para.alignment != "center":
            problems.append(_aligned(x.para.alignment))
        yield _check("body.decision", x, problems,
                     _("\"QUYẾT ĐỊNH:\" (\"QUYẾT NGHỊ:\"): upper case, bold, centred, with its colon"))


def header_alignment(p: Parts) -> Iterator[Finding]:
    """Every line of the header block is centred in its column (PL I, II.1–4; Mẫu 1.x)."""
    lines = p.header_lines
    wrong = [x for x in lines if x.para.alignment != "center"]
    if not lines:
        yield _finding("header.alignment", "skip", _("header"))
        return
    yield _check("header.alignment", wrong[0] if wrong else lines[0],
                 [f"{x.clean[:40]!r} {_aligned(x.para.alignment)}" for x in wrong[:3]],
                 _("each line of the header centred in its column"))


def recipients_alignment(p: Parts) -> Iterator[Finding]:
    """Nơi nhận and its list stand at the left (PL I, II.9.b)."""
    if p.recipients_label is None:
        yield _finding("recipients.alignment", "skip", _("closing"))
        return
    wrong = [x for x in [p.recipients_label, *p.recipients] if x.para.alignment not in ("left", "justify")]
    yield _check("recipients.alignment", wrong[0] if wrong else p.recipients_label,
                 [f"{x.clean[:40]!r} {_aligned(x.para.alignment)}" for x in wrong[:3]],
                 _("\"Nơi nhận:\" and its lines at the left"))


def marks(p: Parts) -> Iterator[Finding]:
    """Độ mật and độ khẩn (PL I, II.10): upper case, 13–14 pt, bold, upright."""
    found = p.marks
    if not found:
        yield _finding("marks", "skip", _("header"))
        return
    for x in found:
        yield _check("marks", x, _style_problems(x, SIZES["mark"].allowed, bold=True, upper=True),
                     _("độ mật, độ khẩn: upper case, 13–14 pt, bold, upright"))


def scope(p: Parts) -> Iterator[Finding]:
    """A văn bản hành chính of Decree 30 (Điều 1–2); a party document has rules of its own."""
    if p.party:
        yield _finding("scope", "fail", _("header"), _("a document of the Party (\"ĐẢNG CỘNG SẢN VIỆT NAM\"), which "
                       "Decree 30 does not govern: its layout follows Hướng dẫn 36-HD/VPTW"), _("a văn bản hành chính"))
    else:
        yield _finding("scope", "pass", _("header"))


def _landmark(line: Line) -> tuple[int, int] | None:
    """A line a rule looks for anywhere in the text, and how many paragraphs before and after it
    that rule reads: ``(before, after)``; None for any other line."""
    text = line.clean
    if not text:
        return None
    if _is_recipients_label(line):
        return (30, 80)  # the signature above, beside or under it, and its list
    if _APPENDIX_LABEL.match(text):
        return (0, 8)  # the title and "(Kèm theo …)" under it
    if text in _COPY_FORMS:
        return (12, 12)  # the copy's number and date beside it
    if _is_national_title(line) or _MOTTO.match(text):
        return (0, 3)
    if _DIVISION.match(text):
        return (0, 1)  # its name under it
    if line.para.box is not None and _is_upper(line):
        return (10, 10)  # a signature typed in a text box
    if _BASIS.match(text) or _ARTICLE.match(text) or _DECISION.match(text):
        return (0, 0)
    return None


class Sieve:
    """What the rules need whole of a long document, chosen as it is read (``reader.Sieve``): the
    lines found by their words anywhere (Nơi nhận and the signature about it, a phụ lục's
    opening, a copy's block, căn cứ, Điều, Chương, QUYẾT ĐỊNH) with the paragraphs the rules read
    beside them, the first paragraphs failing each body rule and the first in each typeface that
    is not Times New Roman. The prose it drops is tallied for the body rules, so that memory stays
    flat however long the text (the reader keeps its first and last paragraphs whole)."""

    def __init__(self) -> None:
        self.prose = 0
        """Prose paragraphs of the text that were dropped."""
        self.failed: Counter[str] = Counter()
        """Of them, how many fail each body rule (its id)."""
        self._failing: Counter[str] = Counter()
        self._fonts: set[str | None] = set()
        self._read_past_end = False
        self._left_past_end = False
        self._text_begun = False
        """A paragraph of text outside a text box has been read: boxes now are not stamps (Parts.stamps)."""

    def _begins(self, para: Para) -> None:
        if not self._text_begun and para.box is None and any(x.clean for x in para.lines) \
                and typed_rule(para) is None:
            self._text_begun = True

    def around(self, para: Para) -> tuple[int, int] | None:
        span: tuple[int, int] | None = None
        for line in para.lines:
            if (found := _landmark(line)) is not None:
                span = found if span is None else (max(span[0], found[0]), max(span[1], found[1]))
        self._begins(para)
        if typed_rule(para) is None and self._text_begun:  # a stamp's typeface is the signature's, not the text's
            fonts = {r.font for x in para.lines for r in x.runs
                     if r.text.strip() and (r.font or "") != "Times New Roman"} - self._fonts
            if fonts:
                self._fonts |= fonts
                span = span or (0, 0)
        if any(_is_recipients_label(x) for x in para.lines):
            self._read_past_end = True
        if not self._read_past_end and _is_prose(para):
            for rule, test, _required in BODY_CHECKS:
                if self._failing[rule] < 3 and test(para) is not None:
                    self._failing[rule] += 1
                    span = span or (0, 0)
        return span

    def leave(self, para: Para, kept: bool) -> None:
        self._begins(para)
        if any(_is_recipients_label(x) for x in para.lines):
            self._left_past_end = True  # the body ends at Nơi nhận: what follows has its own layout
        if kept or self._left_past_end or not _is_prose(para):
            return
        self.prose += 1
        for rule, test, _required in BODY_CHECKS:
            if test(para) is not None:
                self.failed[rule] += 1


#: The checks, in the order their findings are listed (each yields the findings of one or more rules).
CHECKS: tuple[Callable[[Parts], Iterator[Finding]], ...] = (
    scope,
    page_size,
    page_margins,
    typeface,
    page_numbers,
    national_title,
    motto,
    motto_rule,
    sizes_together,
    parent_body,
    agency,
    agency_rule,
    number,
    symbol,
    place_date,
    date_padding,
    type_name,
    subject,
    letter_subject,
    body,
    kinh_gui,
    recipients,
    signature,
    appendix,
    copy,
    bases,
    articles,
    divisions,
    decision,
    header_alignment,
    recipients_alignment,
    marks,
)
