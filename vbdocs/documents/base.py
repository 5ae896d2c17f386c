"""What every document kind produces: the content a template renders."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ..entry import Entry
from ..inline import Text
from ..layout.parts import Addressees, Closing, CopyBlock, Heading, Mark, Rule, Title

BlockKind = Literal[
    "section", "subsection", "heading3", "heading4", "paragraph", "closing", "fill",
    "basis", "center", "chapter", "article", "table", "page_break", "mark",
]


_EMPTY = Text()


@dataclass(frozen=True)
class Cell:
    """A cell of a table: its paragraphs, the columns and rows it covers, its look."""

    paragraphs: tuple[Text, ...]
    span: int = 1
    rows: int = 1
    align: Literal["left", "center", "right", "justify"] | None = None
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """A table of the body: column widths (twips, filling the text width), header rows
    repeated on every page, then body rows; merged cells are written once, where they start."""

    widths: tuple[int, ...]
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    align: tuple[str | None, ...] = ()
    """Alignment of the body rows' cells, column by column (a cell's own wins)."""
    shaded: bool = False
    """The header rows shaded light grey."""
    row_height: int = 0
    """The least height of a body row, twips (a form's rows to write in); 0: as its text needs."""

    def texts(self) -> Iterator[Text]:
        for row in (*self.header, *self.rows):
            for cell in row:
                yield from cell.paragraphs


@dataclass(frozen=True)
class Block:
    """A paragraph of the body (ô 6), or a table, or a page break.

    ``section`` is a mục heading ("I. MỤC ĐÍCH, YÊU CẦU": upper case, bold),
    ``subsection`` a khoản with a title ("1. Văn phòng Sở": bold), ``heading3`` and
    ``heading4`` the next levels of headings ("1.1." bold italic, "a)" italic),
    ``paragraph`` any other paragraph (numbered khoản, "- " lines, running text);
    ``basis`` a Căn cứ line (italic); ``center`` a line centred in bold ("QUYẾT ĐỊNH:");
    ``chapter`` a Chương's lines, centred in bold; ``article`` an Điều's first line;
    ``closing`` the last paragraph, which ends "./." and stays on the page of Nơi nhận
    and the signature; ``fill`` a dotted line left blank for the person who fills in a
    form; ``table`` a table; ``page_break`` a new page.
    """

    kind: BlockKind
    text: Text = _EMPTY
    table: Table | None = None
    mark: Mark | None = None
    """A ``mark`` block's box: the phạm vi lưu hành (ô 11)."""

    def texts(self) -> Iterator[Text]:
        """Every text of the block, in reading order (a table's cell by cell)."""
        yield self.text
        if self.table is not None:
            yield from self.table.texts()


@dataclass(frozen=True)
class Footnote:
    """A footnote: its name, referenced in the body's text, and its text."""

    name: str
    text: Text


@dataclass(frozen=True)
class Properties:
    """Document properties written into the file (docProps/core.xml)."""

    title: str
    subject: str
    author: str
    year: int


@dataclass(frozen=True)
class AppendixContent:
    """A phụ lục after the document: its label, title lines and note ("(Kèm theo …)")
    centred over a rule, its body, and whether its pages are landscape."""

    label: str
    title_lines: tuple[str, ...]
    note: str
    rule: Rule
    body: tuple[Block, ...]
    landscape: bool = False


def as_paragraphs(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """The blocks with each line break of a text made a paragraph of its own, in the same
    style: a justified paragraph ends with a real paragraph mark, never a manual break,
    which would stretch the line before it across the page. A closing block stays closing
    in its last piece only (its "./." ends it); empty pieces are dropped."""
    out: list[Block] = []
    for block in blocks:
        if block.table is not None or "\n" not in str(block.text):
            out.append(block)
            continue
        # each piece a paragraph: the spaces around a line break are not text of either one
        pieces = [piece.map_first(str.lstrip).map_last(str.rstrip)
                  for piece in block.text.lines() if str(piece).strip()]
        for i, piece in enumerate(pieces):
            kind: BlockKind = "paragraph" if block.kind == "closing" and i < len(pieces) - 1 else block.kind
            out.append(Block(kind, piece))
    return tuple(out)


@dataclass(frozen=True)
class DocumentContent:
    """A whole document, in the Decree's conventions, ready for its template (its identity in
    the set, kind, file and unit, is its :class:`vbdocs.entry.Entry`).

    Attributes:
        template: the template's file name ("document.docx": every kind's, by default).
    """

    template: str
    heading: Heading | None
    """Phần đầu; None for a phụ lục in a file of its own (Mẫu 2.2), which opens with its label."""
    title: Title | None
    body: tuple[Block, ...]
    closing: Closing
    properties: Properties
    addressees: Addressees | None = None
    footnotes: tuple[Footnote, ...] = ()
    appendices: tuple[AppendixContent, ...] = ()
    copy: CopyBlock | None = None
    """The copy block of a copy (sao y, sao lục, trích sao), after the closing band."""
    contact: str = ""
    """Địa chỉ, điện thoại, e-mail, website (ô 13), at the foot of page 1; empty without one."""

    def blocks(self) -> Iterator[Block]:
        """Every block the document holds, in reading order: its body's, then its appendices'."""
        yield from self.body
        for appendix in self.appendices:
            yield from appendix.body


@dataclass(frozen=True)
class DocumentSpec:
    """A document of a set before it is built: its entry (what the manifest will say of it)
    and how to build it from the validated files (picklable, for worker processes)."""

    entry: Entry
    build: Callable[[Any], DocumentContent]
