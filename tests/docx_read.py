"""Reading back what a .docx says and how it looks, straight from its XML.

Used by the tests to check text (against the seeds) and layout (against the
Decree) of generated documents, resolving paragraph styles the way Word does:
direct formatting, then the style and the styles it is based on, then defaults.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    assert prefix == "w"
    return f"{{{W}}}{name}"


@dataclass
class Run:
    text: str
    bold: bool
    italic: bool


@dataclass
class Para:
    element: Any
    style: str
    runs: list[Run]
    cell: tuple[int, int, int] | None
    """(table index, row, column) for a paragraph in a table."""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def markup(self) -> str:
        """The text with run-level emphasis written back in vbdocs markup."""
        out = []
        for run in self.runs:
            mark = ("**" if run.bold else "") + ("*" if run.italic else "")
            out.append(f"{mark}{run.text}{mark[::-1]}" if mark and run.text.strip() else run.text)
        return "".join(out)


class Docx:
    """A .docx read for its text and formatting."""

    def __init__(self, path: Path | str) -> None:
        with zipfile.ZipFile(path) as z:
            self.names = z.namelist()
            self.document = etree.fromstring(z.read("word/document.xml"))
            self.styles = etree.fromstring(z.read("word/styles.xml"))
            self.parts = {n: z.read(n) for n in self.names}
        self._style_el = {s.get(q("w:styleId")): s for s in self.styles.iter(q("w:style"))}

    # -- text -----------------------------------------------------------------
    def paragraphs(self) -> list[Para]:
        body = self.document.find(q("w:body"))
        out: list[Para] = []
        tables = 0
        for child in body:
            if child.tag == q("w:p"):
                out.append(self._para(child, None))
            elif child.tag == q("w:tbl"):
                for r, row in enumerate(child.iter(q("w:tr"))):
                    for c, cell in enumerate(row.iter(q("w:tc"))):
                        for p in cell.iter(q("w:p")):
                            out.append(self._para(p, (tables, r, c)))
                tables += 1
        return out

    def _para(self, p: Any, cell: tuple[int, int, int] | None) -> Para:
        style_el = p.find("w:pPr/w:pStyle", NS)
        style = style_el.get(q("w:val")) if style_el is not None else "Normal"
        runs = []
        for r in p.iter(q("w:r")):
            text = ""
            for node in r:
                if node.tag == q("w:t"):
                    text += node.text or ""
                elif node.tag == q("w:br"):
                    text += "\n"
                elif node.tag == q("w:tab"):
                    text += "\t"
                elif node.tag == q("w:footnoteReference"):
                    text += f"[^{node.get(q('w:id'))}]"
            rpr = r.find(q("w:rPr"))
            bold = rpr is not None and _on(rpr.find(q("w:b")))
            italic = rpr is not None and _on(rpr.find(q("w:i")))
            runs.append(Run(text, bold, italic))
        return Para(p, style, runs, cell)

    def footnotes(self) -> dict[int, Para]:
        """The document's footnotes by id (separators left out)."""
        if "word/footnotes.xml" not in self.parts:
            return {}
        root = etree.fromstring(self.parts["word/footnotes.xml"])
        out = {}
        for note in root.iter(q("w:footnote")):
            note_id = int(note.get(q("w:id")))
            if note_id > 0:
                [p] = note.iter(q("w:p"))
                out[note_id] = self._para(p, None)
        return out

    def lines(self) -> list[str]:
        """Every non-empty line of text, in reading order (line breaks split lines)."""
        out = []
        for p in self.paragraphs():
            out.extend(line for line in p.text.split("\n") if line.strip())
        return out

    def find(self, text: str) -> Para:
        """The paragraph whose text starts with ``text``."""
        for p in self.paragraphs():
            if p.text.startswith(text):
                return p
        raise AssertionError(f"no paragraph starts with {text!r}")

    # -- formatting -------------------------------------------------------------
    def _chain(self, style: str) -> list[Any]:
        chain = []
        current = self._style_el.get(style)
        while current is not None:
            chain.append(current)
            based = current.find(q("w:basedOn"))
            current = self._style_el.get(based.get(q("w:val"))) if based is not None else None
        return chain

    def _lookup(self, para: Para, path: str, attr: str | None) -> Any:
        holders = [para.element.find(q("w:pPr"))]
        holders += [s.find(q("w:pPr")) for s in self._chain(para.style)]
        holders += [s.find(q("w:rPr")) for s in self._chain(para.style)]
        holders.append(self.styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS))
        holders.append(self.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        for holder in holders:
            if holder is None:
                continue
            el = holder.find(path, NS)
            if el is not None:
                return el if attr is None else el.get(q(attr))
        return None

    def size(self, para: Para) -> float:
        return int(self._lookup(para, "w:sz", "w:val")) / 2

    def bold(self, para: Para) -> bool:
        return _on(self._lookup(para, "w:b", None))

    def italic(self, para: Para) -> bool:
        return _on(self._lookup(para, "w:i", None))

    def font(self, para: Para) -> str:
        return str(self._lookup(para, "w:rFonts", "w:ascii"))

    def alignment(self, para: Para) -> str:
        return str(self._lookup(para, "w:jc", "w:val") or "left")

    def first_line_indent(self, para: Para) -> int:
        return int(self._lookup(para, "w:ind", "w:firstLine") or 0)

    def space_after(self, para: Para) -> int:
        return int(self._lookup(para, "w:spacing", "w:after") or 0)

    def line_spacing(self, para: Para) -> tuple[int, str]:
        return int(self._lookup(para, "w:spacing", "w:line") or 240), str(
            self._lookup(para, "w:spacing", "w:lineRule") or "auto"
        )

    def keep_next(self, para: Para) -> bool:
        return _on(self._lookup(para, "w:keepNext", None))

    def section(self) -> Any:
        return self.document.find("w:body/w:sectPr", NS)


def _on(el: Any) -> bool:
    if el is None:
        return False
    return el.get(q("w:val"), "true") not in ("0", "false", "off")
