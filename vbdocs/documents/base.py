"""What every document kind produces: the content a template renders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..inline import Text
from ..layout.parts import Addressees, Closing, Heading, Title

BlockKind = Literal["section", "subsection", "paragraph", "closing", "fill"]


@dataclass(frozen=True)
class Block:
    """A paragraph of the body (ô 6).

    ``section`` is a mục heading ("I. MỤC ĐÍCH, YÊU CẦU": upper case, bold),
    ``subsection`` a khoản with a title ("1. Văn phòng Sở": bold), ``paragraph``
    any other paragraph (numbered khoản, "- " lines, running text); ``closing`` the
    last paragraph, which ends "./." and stays on the page of Nơi nhận and the signature;
    ``fill`` a dotted line left blank for the person who fills in a form.
    """

    kind: BlockKind
    text: Text


@dataclass(frozen=True)
class FormTable:
    """A table of a form: STT and three headed columns, with empty rows to fill in."""

    title: Text
    columns: tuple[str, str, str]
    rows: int


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
class DocumentContent:
    """A whole document, in the Decree's conventions, ready for its template.

    Attributes:
        kind: the kind in the manifest ("plan", "directive_letter", "report_form").
        template: the template's file name ("plan.docx").
        filename: the output file's name, portable and unique in a set.
    """

    kind: str
    template: str
    filename: str
    heading: Heading
    title: Title | None
    body: tuple[Block, ...]
    closing: Closing
    properties: Properties
    addressees: Addressees | None = None
    footnotes: tuple[Footnote, ...] = ()
    table: FormTable | None = None
    """A form's table, between ``body`` and ``tail``."""
    tail: tuple[Block, ...] = ()
    unit: str | None = None
    """The unit a form is for (its code), listed in the manifest."""
    period: str | None = None
    deadline: dt.date | None = None
