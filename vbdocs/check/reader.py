"""Reading a .docx as a reader of the page sees it: lines of text with their type.

Works on any WordprocessingML file, not only vbdocs's: formatting is resolved as
Word does (direct run properties, the run's character style, the paragraph's
style and the styles it is based on, document defaults), and a paragraph is cut
into lines at its manual line breaks, since offices often type a whole header
block as one paragraph. Tables are kept as cells, which is how the header and
the signature band are laid out in practice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ooxml import PackageError, parse_xml, read_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main", "v": "urn:schemas-microsoft-com:vml"}
_SPACES = re.compile(r"\s+")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class UnreadableDocument(Exception):
    """The file is not a .docx that can be read."""


@dataclass(frozen=True)
class Run:
    """Text of one look: size in points, bold, italic, typeface."""

    text: str
    size: float | None
    bold: bool
    italic: bool
    font: str | None
    underline: bool = False


@dataclass
class Line:
    """One visual line of a paragraph (paragraphs split at manual line breaks)."""

    runs: list[Run]
    para: Para

    @property
    def text(self) -> str:
        return unicodedata.normalize("NFC", "".join(r.text for r in self.runs))

    @property
    def clean(self) -> str:
        """The text with white space squeezed, for matching."""
        return _SPACES.sub(" ", self.text).strip()

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


@dataclass
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

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


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

    def __init__(self, path: Path | str) -> None:
        try:  # the XML parts only, within the caps every .docx is read with (vbdocs.ooxml)
            parts = read_parts(path)
        except PackageError as exc:
            raise UnreadableDocument(str(exc)) from None
        if "word/document.xml" not in parts:
            raise UnreadableDocument("not a .docx: it has no word/document.xml")
        self._document = _parse(parts["word/document.xml"], "word/document.xml")
        self._styles = _parse(parts["word/styles.xml"], "word/styles.xml") if "word/styles.xml" in parts else None
        self._parts = parts
        self._check_notes()
        self._style = {}
        if self._styles is not None:
            self._style = {s.get(w("styleId")): s for s in self._styles.iter(w("style"))}
        self.paragraphs: list[Para] = []
        self._read_body()
        self.sections = self._read_sections()
        """Every section in order: the document's, then any after a section break (an appendix)."""
        self.section = self.sections[0]

    def _check_notes(self) -> None:
        """UnreadableDocument if the text refers to a footnote or endnote the file does not
        hold: Word calls such a file damaged and LibreOffice cannot load it."""
        for kind in ("footnote", "endnote"):
            wanted = {ref.get(w("id")) for ref in self._document.iter(w(f"{kind}Reference"))}
            if not wanted:
                continue
            part = f"word/{kind}s.xml"
            held = ({note.get(w("id")) for note in _parse(self._parts[part], part).iter(w(kind))}
                    if part in self._parts else set())
            missing = sorted(wanted - held, key=lambda i: int(i) if i and i.lstrip("-").isdigit() else 0)
            if missing:
                raise UnreadableDocument(
                    f"the text refers to {kind} {missing[0]}, which the document does not hold "
                    "(Word calls the file damaged; LibreOffice cannot load it)"
                )

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

    def _ppr_chain(self, p: Any) -> list[Any]:
        ppr = p.find("w:pPr", NS)
        style = ppr.find("w:pStyle", NS) if ppr is not None else None
        chain = [ppr] + [s.find("w:pPr", NS) for s in self._chain(style.get(w("val")) if style is not None else None,
                                                                   "paragraph")]
        return [x for x in [*chain, self._defaults("pPr")] if x is not None]

    def _rpr_chain(self, p: Any, r: Any) -> list[Any]:
        chain = [r.find("w:rPr", NS)]
        rstyle = r.find("w:rPr/w:rStyle", NS)
        if rstyle is not None:
            chain += [s.find("w:rPr", NS) for s in self._chain(rstyle.get(w("val")), "character")]
        ppr = p.find("w:pPr", NS)
        pstyle = ppr.find("w:pStyle", NS) if ppr is not None else None
        chain += [s.find("w:rPr", NS) for s in self._chain(pstyle.get(w("val")) if pstyle is not None else None,
                                                          "paragraph")]
        return [x for x in [*chain, self._defaults("rPr")] if x is not None]

    @staticmethod
    def _first(chain: list[Any], path: str, attr: str | None = None) -> Any:
        for holder in chain:
            el = holder.find(path, NS)
            if el is not None:
                return el if attr is None else el.get(w(attr))
        return None

    @staticmethod
    def _on(el: Any) -> bool:
        return el is not None and el.get(w("val"), "true") not in ("0", "false", "off")

    # -- body ---------------------------------------------------------------------
    def _read_body(self) -> None:
        body = self._document.find("w:body", NS)
        if body is None:
            raise UnreadableDocument("the document has no body")
        tables = 0
        for child in body:
            if child.tag == w("p"):
                self.paragraphs.append(self._para(child))
            elif child.tag == w("tbl"):
                self._read_table(child, tables)
                tables += 1

    def _read_table(self, table: Any, index: int) -> None:
        for r, row in enumerate(table.findall("w:tr", NS)):
            for c, cell in enumerate(row.findall("w:tc", NS)):
                width_el = cell.find("w:tcPr/w:tcW", NS)
                width = int(width_el.get(w("w"))) if width_el is not None and width_el.get(w("type"), "dxa") == "dxa" \
                    and (width_el.get(w("w")) or "").isdigit() else None
                for p in cell.iter(w("p")):
                    para = self._para(p)
                    para.table, para.row, para.column, para.cell_width = index, r, c, width
                    self.paragraphs.append(para)

    def _para(self, p: Any) -> Para:
        pchain = self._ppr_chain(p)
        para = Para(p)
        para.alignment = {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}.get(
            self._first(pchain, "w:jc", "val") or "left", self._first(pchain, "w:jc", "val") or "left")
        para.first_line = int(self._first(pchain, "w:ind", "firstLine") or 0) - int(
            self._first(pchain, "w:ind", "hanging") or 0)
        para.left = int(self._first(pchain, "w:ind", "left") or self._first(pchain, "w:ind", "start") or 0)
        para.right = int(self._first(pchain, "w:ind", "right") or self._first(pchain, "w:ind", "end") or 0)
        para.space_before = int(self._first(pchain, "w:spacing", "before") or 0)
        para.space_after = int(self._first(pchain, "w:spacing", "after") or 0)
        para.line = int(self._first(pchain, "w:spacing", "line") or 240)
        para.line_rule = self._first(pchain, "w:spacing", "lineRule") or "auto"
        for edge in ("top", "bottom"):
            border = self._first(pchain, f"w:pBdr/w:{edge}", "val")
            setattr(para, f"border_{edge}", border not in (None, "nil", "none"))
        lines: list[list[Run]] = [[]]
        for r in p.iter(w("r")):
            rchain = self._rpr_chain(p, r)
            size = self._first(rchain, "w:sz", "val")
            look = dict(
                size=int(size) / 2 if size and size.isdigit() else None,
                bold=self._on(self._first(rchain, "w:b")),
                italic=self._on(self._first(rchain, "w:i")),
                font=self._first(rchain, "w:rFonts", "ascii") or self._first(rchain, "w:rFonts", "hAnsi"),
                underline=(self._first(rchain, "w:u", "val") or "none") != "none",
            )
            caps = self._on(self._first(rchain, "w:caps"))
            for node in r:
                if node.tag == w("t"):
                    text = node.text or ""
                    lines[-1].append(Run(text.upper() if caps else text, **look))
                elif node.tag == w("tab"):
                    lines[-1].append(Run("\t", **look))
                elif node.tag in (w("br"), w("cr")) and node.get(w("type")) in (None, "textWrapping"):
                    lines.append([])
            para.shapes += self._shapes(r)
        para.lines = [Line(runs, para) for runs in lines]
        return para

    @staticmethod
    def _shapes(r: Any) -> list[int]:
        """Lengths of straight lines drawn in a run (DrawingML or VML), in twips."""
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
    def _read_sections(self) -> list[Section]:
        last = self._document.find("w:body/w:sectPr", NS)
        if last is None:
            raise UnreadableDocument("the document has no section properties")
        breaks = self._document.findall("w:body/w:p/w:pPr/w:sectPr", NS)
        return [self._read_section(sect) for sect in [*breaks, last]]

    def _read_section(self, sect: Any) -> Section:

        def num(path: str, attr: str) -> int:
            el = sect.find(path, NS)
            value = el.get(w(attr)) if el is not None else None
            return int(value) if value and value.lstrip("-").isdigit() else 0

        rels = {}
        if "word/_rels/document.xml.rels" in self._parts:
            for rel in _parse(self._parts["word/_rels/document.xml.rels"], "word/_rels/document.xml.rels"):
                rels[rel.get("Id")] = rel.get("Target", "")
        headers = {}
        for ref in sect.findall("w:headerReference", NS):
            target = rels.get(ref.get(f"{{{R}}}id"), "")
            name = "word/" + target.lstrip("/").removeprefix("word/")
            headers[ref.get(w("type"), "default")] = self._parts.get(name, b"").decode("utf-8", "replace")
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


def _points(value: str) -> float:
    value = value.strip()
    for unit, factor in (("pt", 1.0), ("in", 72.0), ("cm", 72 / 2.54), ("mm", 72 / 25.4)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    try:
        return float(value)
    except ValueError:
        return 0.0
