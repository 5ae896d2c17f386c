"""Reading a .docx as a reader of the page sees it: lines of text with their type.

Works on any WordprocessingML file, not only vbdocs's: formatting is resolved as
Word does (direct run properties, the run's character style, the paragraph's
style and the styles it is based on, document defaults), and a paragraph is cut
into lines at its manual line breaks, since offices often type a whole header
block as one paragraph. Tables are kept as cells, which is how the header and
the signature band are laid out in practice.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zipfile
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar, Protocol

from lxml import etree

from ..i18n import N_, _
from ..ooxml import PackageError, is_xml_part, iter_xml, parse_xml, read_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_PART = "word/document.xml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main", "v": "urn:schemas-microsoft-com:vml"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class UnreadableDocument(Exception):
    """The file is not a .docx that can be read."""


@dataclass(frozen=True, slots=True)
class Run:
    """Text of one look: size in points, bold, italic, typeface."""

    text: str
    size: float | None
    bold: bool
    italic: bool
    font: str | None
    underline: bool = False
    script: bool = False
    """Set as a superscript or subscript: drawn at about 58% of its size (a typed rule of "_" often is)."""
    element: Any = None
    """The w:r it was read from, in a document read to be fixed (``Document(keep=True)``); else None."""


class Line:
    """One visual line of a paragraph (paragraphs split at manual line breaks)."""

    __slots__ = ("_clean", "_text", "para", "runs")

    def __init__(self, runs: list[Run], para: Para) -> None:
        self.runs = runs
        self.para = para
        self._text: str | None = None
        self._clean: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = unicodedata.normalize("NFC", "".join(r.text for r in self.runs))
        return self._text

    @property
    def clean(self) -> str:
        """The text with white space squeezed, for matching."""
        if self._clean is None:
            self._clean = " ".join(self.text.split())
        return self._clean

    def _inked(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    @property
    def size(self) -> float | None:
        """The size most of the line is set in."""
        runs = self._inked()
        if not runs:
            return None
        weights: dict[float | None, int] = {}
        for run in runs:
            weights[run.size] = weights.get(run.size, 0) + len(run.text.strip())
        return max(weights, key=lambda k: weights[k])

    @property
    def bold(self) -> bool:
        runs = self._inked()
        return bool(runs) and all(r.bold for r in runs)

    @property
    def italic(self) -> bool:
        runs = self._inked()
        return bool(runs) and all(r.italic for r in runs)

    @property
    def underlined(self) -> bool:
        runs = self._inked()
        return bool(runs) and all(r.underline for r in runs)


@dataclass(eq=False, slots=True)
class Para:
    """A paragraph with its resolved paragraph properties and where it stands."""

    element: Any
    lines: list[Line] = field(default_factory=list)
    alignment: str = "left"
    first_line: int = 0
    left: int = 0
    right: int = 0
    space_before: int = 0
    space_after: int = 0
    line: int = 240
    line_rule: str = "auto"
    border_top: bool = False
    border_bottom: bool = False
    table: int | None = None
    row: int | None = None
    column: int | None = None
    cell_width: int | None = None
    shapes: list[int] = field(default_factory=list)
    """Lengths (twips) of line shapes drawn in this paragraph."""
    box: int | None = None
    """The text box (w:txbxContent) the paragraph stands in, numbered in reading order; None outside one."""
    numbered: str = ""
    """What Word's automatic numbering prints before the text ("-", "1.", "a)"), if the paragraph has it."""
    number: int = 0
    """Its place among the document's paragraphs, from 1, in reading order (a table's cell by cell)."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Sieve(Protocol):
    """Which paragraphs of a long document the rules need whole (``Document(sieve=…)``).

    Only the first and last paragraphs of a document are kept whole, and those the sieve marks
    with the paragraphs around them; the others are shown to it and dropped, so that memory stays
    flat however long the text is."""

    def around(self, para: Para) -> tuple[int, int] | None:
        """Called as each paragraph past the head is read, in order: ``(before, after)``, the
        paragraphs to keep with it on either side, if the rules need it; None if not."""
        ...

    def leave(self, para: Para, kept: bool) -> None:
        """Called in reading order as each paragraph leaves the reader: kept whole or dropped."""
        ...


#: The paragraphs a sieve keeps at the start and the end of a document (the header, the trích yếu,
#: the signature and Nơi nhận are in them), however long the text between.
WINDOW = (400, 400)


@dataclass
class Section:
    width: int
    height: int
    orient: str
    top: int
    bottom: int
    left: int
    right: int
    title_page: bool
    headers: dict[str, str]
    """Header type ("default", "first") → text of its XML."""

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


class Document:
    """A .docx read for checking."""

    def __init__(self, path: Path | str, *, keep: bool = False, sieve: Sieve | None = None,
                 window: tuple[int, int] = WINDOW) -> None:
        """Read ``path``; with ``keep``, the whole tree is kept (``root``) and every paragraph and run
        holds its element, for ``vbdocs check --fix`` (the part must then be within the caps of
        an XML part read whole). With a ``sieve``, ``paragraphs`` holds the first and last of
        ``window`` and those the sieve asks for; the others are shown to it and dropped."""
        self._keep = keep
        self._sieve = None if keep else sieve
        self._head, self._tail = window
        self._count = 0
        self._waiting: deque[Para] = deque()
        """The last paragraphs read past the head, in order, until they are kept or dropped."""
        self._wanted: set[int] = set()
        """The numbers of the waiting paragraphs the sieve asked for."""
        self._wanted_to = 0
        """The number up to which the sieve asked for the paragraphs after one it needs."""
        self.dropped = 0
        """How many paragraphs were shown to the sieve and dropped."""
        self.root: Any = None
        try:  # the XML parts but the body, within the caps every .docx is read with (vbdocs.ooxml)
            parts = read_parts(path, wanted=lambda name: is_xml_part(name) and name != BODY_PART,
                               large=frozenset() if keep else frozenset({BODY_PART}))
        except PackageError as exc:
            raise UnreadableDocument(str(exc)) from None
        self._styles = _parse(parts["word/styles.xml"], "word/styles.xml") if "word/styles.xml" in parts else None
        self._parts = parts
        self._style = {}
        self._resolved: dict[tuple[str | None, str, bool], dict[str, str]] = {}
        self._para_looks: dict[bytes, tuple[Any, ...]] = {}
        self._run_looks: dict[tuple[str | None, bytes], tuple[Any, ...]] = {}
        if self._styles is not None:
            self._style = {s.get(w("styleId")): s for s in self._styles.iter(w("style"))}
        self._numbering = _Numbering(_parse(parts["word/numbering.xml"], "word/numbering.xml")
                                     if "word/numbering.xml" in parts else None)
        self._rels: dict[str, str] = {}
        if "word/_rels/document.xml.rels" in parts:
            for rel in _parse(parts["word/_rels/document.xml.rels"], "word/_rels/document.xml.rels"):
                self._rels[rel.get("Id")] = rel.get("Target", "")
        self.paragraphs: list[Para] = []
        self._boxes = 0
        self._notes: dict[str, set[str]] = {"footnote": set(), "endnote": set()}
        try:  # the body is streamed from the zip as it inflates: never held whole
            with zipfile.ZipFile(path) as archive:
                if BODY_PART not in archive.namelist():
                    raise UnreadableDocument(_("not a .docx: it has no {part}").format(part=BODY_PART))
                with archive.open(BODY_PART) as body:
                    self.sections = self._read_body(body)
            self.paragraphs += self._waiting
            self._waiting.clear()
        except (OSError, zipfile.BadZipFile) as exc:
            raise UnreadableDocument(_("not a .docx: {reason}").format(reason=exc)) from None
        """Every section in order: the document's, then any after a section break (an appendix)."""
        self.section = self.sections[0]
        """The section of the document itself (later ones are its phụ lục)."""
        self._check_notes()

    _MISSING_NOTE: ClassVar[dict[str, str]] = {
        "footnote": N_("the text refers to footnote {id}, which the document does not hold (Word calls the file "
                       "damaged; LibreOffice cannot load it)"),
        "endnote": N_("the text refers to endnote {id}, which the document does not hold (Word calls the file "
                      "damaged; LibreOffice cannot load it)"),
    }

    def _check_notes(self) -> None:
        """UnreadableDocument if the text refers to a footnote or endnote the file does not
        hold: Word calls such a file damaged and LibreOffice cannot load it."""
        for kind, wanted in self._notes.items():
            if not wanted:
                continue
            part = f"word/{kind}s.xml"
            held = ({note.get(w("id")) for note in _parse(self._parts[part], part).iter(w(kind))}
                    if part in self._parts else set())
            missing = sorted(wanted - held, key=lambda i: int(i) if i and i.lstrip("-").isdigit() else 0)
            if missing:
                raise UnreadableDocument(_(self._MISSING_NOTE[kind]).format(id=missing[0]))

    # -- styles -------------------------------------------------------------------
    def _chain(self, style_id: str | None, kind: str) -> list[Any]:
        chain, seen = [], set()
        if style_id is None and self._styles is not None:
            default = self._styles.find(f"w:style[@w:type='{kind}'][@w:default='1']", NS)
            style_id = default.get(w("styleId")) if default is not None else None
        while style_id and style_id in self._style and style_id not in seen:
            seen.add(style_id)
            style = self._style[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def _defaults(self, kind: str) -> Any:
        if self._styles is None:
            return None
        return self._styles.find(f"w:docDefaults/w:{kind}Default/w:{kind}", NS)

    def _style_props(self, style_id: str | None, kind: str, keys: _Keys) -> dict[str, str]:
        """The properties a style gives (with the styles it is based on and the document's
        defaults), worked out once per style."""
        key = (style_id, kind, keys is _RPR)
        if key not in self._resolved:
            merged: dict[str, str] = {}
            default = self._defaults("rPr" if keys is _RPR else "pPr")
            holders = [default] + [s.find("w:rPr" if keys is _RPR else "w:pPr", NS)
                                   for s in reversed(self._chain(style_id, kind))]
            for holder in holders:
                if holder is not None:
                    merged.update(_read(holder, keys))
            self._resolved[key] = merged
        return self._resolved[key]

    def _para_look(self, ppr: Any) -> tuple[Any, ...]:
        """A paragraph's resolved look, worked out once per distinct w:pPr (most paragraphs of a
        document share a few): alignment, indents, spacing, borders, numbering and its style."""
        key = etree.tostring(ppr) if ppr is not None else b""
        look = self._para_looks.get(key)
        if look is None:
            style = ppr.find(_PSTYLE_TAG) if ppr is not None else None
            pstyle = style.get(_VAL) if style is not None else None
            base = self._style_props(pstyle, "paragraph", _PPR)
            props = {**base, **_read(ppr, _PPR)} if ppr is not None else base
            jc = props.get("jc", "left")
            look = (
                {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}.get(jc, jc),
                _twips(props.get("first")) - _twips(props.get("hanging")),
                _twips(props.get("left") or props.get("start")), _twips(props.get("right") or props.get("end")),
                _twips(props.get("before")), _twips(props.get("after")), _twips(props.get("line")) or 240,
                props.get("rule", "auto"), props.get("top") not in (None, "nil", "none"),
                props.get("bottom") not in (None, "nil", "none"),
                self._numbering.label(props["num"], props.get("ilvl", "0")) if "num" in props else "", pstyle,
            )
            self._para_looks[key] = look
        return look

    def _run_look(self, pstyle: str | None, rpr: Any) -> tuple[Any, ...]:
        """A run's resolved look (size, bold, italic, typeface, underline, caps), once per
        paragraph style and distinct w:rPr."""
        key = (pstyle, etree.tostring(rpr) if rpr is not None else b"")
        look = self._run_looks.get(key)
        if look is None:
            rstyle = rpr.find(_RSTYLE_TAG) if rpr is not None else None
            props = self._style_props(pstyle, "paragraph", _RPR)
            if rstyle is not None:
                props = {**props, **self._style_props(rstyle.get(_VAL), "character", _RPR)}
            if rpr is not None:
                props = {**props, **_read(rpr, _RPR)}
            half = _twips(props.get("sz"), half_points=True)
            look = (half / 2 if half else None, _flag(props.get("b")), _flag(props.get("i")),
                    props.get("ascii") or props.get("hansi"), props.get("u", "none") != "none",
                    _flag(props.get("caps")), props.get("script", "baseline") in ("superscript", "subscript"))
            self._run_looks[key] = look
        return look

    @staticmethod
    def _on(el: Any) -> bool:
        return el is not None and el.get(w("val"), "true") not in ("0", "false", "off")

    # -- body ---------------------------------------------------------------------
    def _read_body(self, data: IO[bytes]) -> list[Section]:
        """Read the body's paragraphs and tables one at a time, each dropped once read, so that
        time and memory grow with the paragraphs and no more; the sections as they close."""
        sections: list[Section] = []
        tables = 0
        body_tag, last = w("body"), None
        try:
            for element in iter_xml(data, "word/document.xml", (w("p"), w("tbl"), w("sectPr"))):
                parent = element.getparent()
                if parent is None or parent.tag != body_tag:
                    continue  # read with the paragraph or table it stands in
                if element.tag == w("p"):
                    self._note_refs(element)
                    self._add(self._para(element))
                    sect = element.find("w:pPr/w:sectPr", NS)
                    if sect is not None:
                        sections.append(self._read_section(sect))
                elif element.tag == w("tbl"):
                    self._note_refs(element)
                    self._read_table(element, tables)
                    tables += 1
                else:
                    last = self._read_section(element)
                if self._keep:
                    self.root = element.getroottree().getroot()
                    continue
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
        except PackageError as exc:
            raise UnreadableDocument(str(exc)) from None
        if last is None:
            raise UnreadableDocument(_("the document has no body or no section properties"))
        return [*sections, last]

    def _note_refs(self, element: Any) -> None:
        for kind, ids in self._notes.items():
            ids.update(ref.get(w("id")) for ref in element.iter(w(f"{kind}Reference")))

    def _add(self, para: Para) -> None:
        """A paragraph, then the paragraphs of the text boxes drawn in it (a signature block or a
        header typed in a box), each box numbered."""
        boxes = []
        for content in para.element.iter(w("txbxContent")):
            if any(a.tag in (w("txbxContent"), _FALLBACK) for a in content.iterancestors()):
                continue  # a box in a box is read with the outer one; Word's VML copy of a box, not at all
            self._boxes += 1
            for p in content.iter(w("p")):
                inner = self._para(p)
                inner.box = self._boxes
                boxes.append(inner)
        if not self._keep:
            para.element = None  # the element is cleared once read: nothing may hold on to it
            for inner in boxes:
                inner.element = None
        for each in (para, *boxes):
            self._take(each)

    def _take(self, para: Para) -> None:
        """Number a paragraph and keep it; past the head, with a sieve, hold it among the last
        read until it is kept (the sieve asked for it, or it is among the last) or dropped."""
        self._count += 1
        para.number = self._count
        sieve = self._sieve
        if sieve is None or para.number <= self._head:
            self.paragraphs.append(para)
            if sieve is not None:
                sieve.leave(para, True)
            return
        span = sieve.around(para)
        if span is not None:
            before, after = span
            self._wanted_to = max(self._wanted_to, para.number + after)
            for waiting in itertools.islice(reversed(self._waiting), before):
                self._wanted.add(waiting.number)
        if span is not None or para.number <= self._wanted_to:
            self._wanted.add(para.number)
        self._waiting.append(para)
        if len(self._waiting) > self._tail:
            old = self._waiting.popleft()
            kept = old.number in self._wanted
            self._wanted.discard(old.number)
            sieve.leave(old, kept)
            if kept:
                self.paragraphs.append(old)
            else:
                self.dropped += 1
                old.lines = []  # a line holds its paragraph: the cycle is broken for it to be freed now

    def _read_table(self, table: Any, index: int) -> None:
        for r, row in enumerate(table.findall("w:tr", NS)):
            for c, cell in enumerate(row.findall("w:tc", NS)):
                width_el = cell.find("w:tcPr/w:tcW", NS)
                width = _twips(width_el.get(w("w"))) if width_el is not None and width_el.get(w("type"), "dxa") \
                    == "dxa" else None
                for p in cell.iter(w("p")):
                    if any(a.tag == w("txbxContent") for a in p.iterancestors()):
                        continue
                    para = self._para(p)
                    para.table, para.row, para.column, para.cell_width = index, r, c, width or None
                    self._add(para)

    def _para(self, p: Any) -> Para:
        ppr = p.find(_PPR_TAG)
        para = Para(p)
        (para.alignment, para.first_line, para.left, para.right, para.space_before, para.space_after, para.line,
         para.line_rule, para.border_top, para.border_bottom, para.numbered, pstyle) = self._para_look(ppr)
        lines: list[list[Run]] = [[]]
        for r in p.iter(_R_TAG):
            if _in_box(r, p):
                continue  # a text box's runs are its own paragraphs' (Document._add)
            size, bold, italic, font, underline, caps, script = self._run_look(pstyle, r.find(_RPR_TAG))
            source = r if self._keep else None
            for node in r:
                tag = node.tag
                if tag == _T_TAG:
                    text = node.text or ""
                    lines[-1].append(Run(text.upper() if caps else text, size, bold, italic, font, underline, script,
                                         source))
                elif tag == _TAB_TAG:
                    lines[-1].append(Run("\t", size, bold, italic, font, underline, script, source))
                elif tag in _BREAK_TAGS and node.get(_TYPE) in (None, "textWrapping"):
                    lines.append([])
            para.shapes += self._shapes(r)
        if para.numbered and lines[0]:  # Word prints it: read it as typed ("- Lưu: VT, …")
            first = lines[0][0]
            lines[0].insert(0, Run(para.numbered + " ", first.size, first.bold, first.italic, first.font))
        para.lines = [Line(runs, para) for runs in lines]
        return para

    @staticmethod
    def _shapes(r: Any) -> list[int]:
        """Lengths of straight lines drawn in a run (DrawingML or VML), in twips."""
        if not any(child.tag in _DRAWN for child in r):
            return []
        out = []
        for shape in r.findall(".//wp:inline", NS) + r.findall(".//wp:anchor", NS):
            geometry = shape.find(".//a:prstGeom", NS)
            extent = shape.find("wp:extent", NS)
            if geometry is not None and geometry.get("prst") in ("line", "straightConnector1") \
                    and extent is not None:
                out.append(round(int(extent.get("cx", "0")) / 635))  # EMU → twips
        for line in r.iterfind(".//v:line", NS):
            start, end = line.get("from", "0,0"), line.get("to", "0,0")
            out.append(round(abs(_points(end.split(",")[0]) - _points(start.split(",")[0])) * 20))
        return out

    # -- section --------------------------------------------------------------------
    def _read_section(self, sect: Any) -> Section:

        def num(path: str, attr: str) -> int:
            el = sect.find(path, NS)
            return _twips(el.get(w(attr)) if el is not None else None)

        rels = self._rels
        headers = {}
        for ref in sect.findall("w:headerReference", NS):
            target = rels.get(ref.get(f"{{{R}}}id"), "")
            name = "word/" + target.lstrip("/").removeprefix("word/")
            xml = self._parts.get(name, b"")
            if xml:
                _parse(xml, name)  # a damaged header is an unreadable file, found here, not by a rule
            headers[ref.get(w("type"), "default")] = xml.decode("utf-8", "replace")
        return Section(
            width=num("w:pgSz", "w"), height=num("w:pgSz", "h"),
            orient=(sect.find("w:pgSz", NS).get(w("orient")) if sect.find("w:pgSz", NS) is not None else None)
            or "portrait",
            top=num("w:pgMar", "top"), bottom=num("w:pgMar", "bottom"),
            left=num("w:pgMar", "left"), right=num("w:pgMar", "right"),
            title_page=self._on(sect.find("w:titlePg", NS)) if sect.find("w:titlePg", NS) is not None else False,
            headers=headers,
        )

    def header_paragraphs(self, kind: str) -> list[Para]:
        xml = self.section.headers.get(kind)
        if not xml:
            return []
        root = _parse(xml.encode("utf-8"), f"the {kind} header")
        return [self._para(p) for p in root.iter(w("p"))]

    @property
    def lines(self) -> list[Line]:
        return [line for p in self.paragraphs for line in p.lines]


def _parse(data: bytes, name: str) -> Any:
    try:
        return parse_xml(data, name)
    except PackageError as exc:
        raise UnreadableDocument(str(exc)) from None


_UNIT_TWIPS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 1440 / 25.4, "pc": 240.0, "pi": 240.0}
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d*)?|-?\.\d+)\s*(pt|in|cm|mm|pc|pi)?\s*$")


def _twips(value: str | None, *, half_points: bool = False) -> int:
    """A measure of ECMA-376 as twips (or, with ``half_points``, half-points): a whole number, a
    decimal ("0.0") or a universal measure ("1.27cm", "14pt"); 0 for one that cannot be read."""
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    m = _MEASURE.match(value)
    if m is None:
        return 0
    number, unit = float(m[1]), m[2]
    if unit is None:
        return round(number)
    twips = number * _UNIT_TWIPS[unit]
    return round(twips / 10) if half_points else round(twips)


_Keys = tuple[tuple[str, str, str | None], ...]
#: The paragraph and run properties the rules read: (name, element path, attribute; None for an on/off flag).
_PPR: _Keys = (
    ("jc", "jc", "val"), ("first", "ind", "firstLine"), ("hanging", "ind", "hanging"), ("left", "ind", "left"),
    ("start", "ind", "start"), ("right", "ind", "right"), ("end", "ind", "end"), ("before", "spacing", "before"),
    ("after", "spacing", "after"), ("line", "spacing", "line"), ("rule", "spacing", "lineRule"),
    ("top", "pBdr/top", "val"), ("bottom", "pBdr/bottom", "val"), ("num", "numPr/numId", "val"),
    ("ilvl", "numPr/ilvl", "val"),
)
_RPR: _Keys = (
    ("sz", "sz", "val"), ("b", "b", None), ("i", "i", None), ("ascii", "rFonts", "ascii"),
    ("hansi", "rFonts", "hAnsi"), ("u", "u", "val"), ("caps", "caps", None), ("script", "vertAlign", "val"),
)
_VAL = w("val")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: The children of a run that may draw a shape: DrawingML, VML, and Word's choice between them.
_DRAWN = frozenset({w("drawing"), w("pict"), w("object"),
                    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"})
_PPR_TAG, _RPR_TAG, _PSTYLE_TAG, _RSTYLE_TAG = w("pPr"), w("rPr"), w("pStyle"), w("rStyle")
_R_TAG, _T_TAG, _TAB_TAG, _TYPE = w("r"), w("t"), w("tab"), w("type")
_BREAK_TAGS = frozenset({w("br"), w("cr")})


def _read(holder: Any, keys: _Keys) -> dict[str, str]:
    """The properties ``keys`` names that ``holder`` (a pPr or rPr) sets itself, each attribute on
    its own (Word merges w:ind, w:spacing attribute by attribute down the style chain)."""
    children = {child.tag: child for child in holder}
    out: dict[str, str] = {}
    for name, path, attr in keys:
        first, _sep, second = path.partition("/")
        el = children.get(w(first))
        if el is not None and second:
            el = el.find(w(second))
        if el is None:
            continue
        value = el.get(_VAL, "true") if attr is None else el.get(w(attr))
        if value is not None:
            out[name] = value
    return out


def _flag(value: str | None) -> bool:
    """An on/off property: on when present with no value or a true one."""
    return value is not None and value not in ("0", "false", "off")


def _in_box(element: Any, stop: Any) -> bool:
    """Whether ``element`` stands in a text box inside ``stop``."""
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == w("txbxContent"):
            return True
    return False


class _Numbering:
    """What Word's automatic numbering prints before a paragraph: the level's text with its
    number ("1.", "a)") or its bullet ("-", "+"), read from numbering.xml."""

    _BULLETS: ClassVar[dict[str, str]] = {
        "\uf02d": "-", "\u2013": "-", "\u2212": "-", "-": "-", "+": "+", "\uf0b7": "•", "\u2022": "•", "o": "o",
        "\uf0a7": "▪",
    }

    def __init__(self, root: Any) -> None:
        self._levels: dict[tuple[str, str], tuple[str, str]] = {}
        if root is None:
            return
        abstract = {a.get(w("abstractNumId")): a for a in root.iterfind("w:abstractNum", NS)}
        for num in root.iterfind("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            source = abstract.get(ref.get(w("val")) if ref is not None else None)
            if source is None:
                continue
            for level in source.iterfind("w:lvl", NS):
                fmt = level.find("w:numFmt", NS)
                text = level.find("w:lvlText", NS)
                self._levels[(num.get(w("numId")), level.get(w("ilvl"), "0"))] = (
                    fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
                    text.get(w("val"), "") if text is not None else "")

    def label(self, num: str, level: str) -> str:
        """The text before the paragraph: a bullet as written, a number as its pattern with 1 or a
        ("%1." → "1."); empty for numbering switched off (numId 0) or not defined."""
        fmt, text = self._levels.get((num, level), ("", ""))
        if fmt == "bullet":
            return self._BULLETS.get(text, text)
        if not fmt or fmt == "none":
            return ""
        first = {"lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I"}.get(fmt, "1")
        return re.sub(r"%\d", first, text)


def _points(value: str) -> float:
    value = value.strip()
    for unit, factor in (("pt", 1.0), ("in", 72.0), ("cm", 72 / 2.54), ("mm", 72 / 25.4)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    try:
        return float(value)
    except ValueError:
        return 0.0
