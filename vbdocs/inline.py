"""Inline emphasis: the small markup clerks write in YAML, and the text it becomes.

The markup has three marks, a footnote reference and one escape, nothing else::

    *italic*          “*Dân vận khéo*”
    **bold**          **trước ngày 10/5/2024**
    ***bold italic***
    [^name]           a footnote, whose text is given under ``footnotes: {name: …}``
    \\*  \\[  \\\\        a literal asterisk, bracket, backslash

Every other character, braces and angle brackets included, is text. A mark left
open at the end of a value is an error (a clerk forgot to close it), reported
with its position.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .i18n import N_, _
from .vn.text import normalize

_MARKS = {"bold": N_("bold"), "italic": N_("italic")}


class MarkupError(ValueError):
    """A value whose emphasis marks do not pair up."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None
    """The name of the footnote whose reference mark stands here (``text`` is empty)."""


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph's text as spans of emphasis; the unit documents are built from."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def plain(cls, text: str, *, bold: bool = False, italic: bool = False) -> Text:
        """Text with no markup: every character is kept as it is."""
        return cls((Span(normalize(text), bold, italic),) if text else ())

    @classmethod
    def join(cls, parts: Iterable[Text | str], separator: Text | str = "") -> Text:
        """Concatenate texts (plain strings are taken as plain text)."""
        sep = cls.plain(separator) if isinstance(separator, str) else separator
        out = cls()
        for i, part in enumerate(parts):
            if i:
                out = out + sep
            out = out + part
        return out

    def __add__(self, other: Text | str) -> Text:
        other_text = Text.plain(other) if isinstance(other, str) else other
        return Text(_merge(self.spans + other_text.spans))

    def __radd__(self, other: str) -> Text:
        return Text.plain(other) + self

    def __str__(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def is_empty(self) -> bool:
        return not any(span.text or span.footnote for span in self.spans)

    @property
    def footnotes(self) -> tuple[str, ...]:
        """Names of the footnotes referenced in this text, in order."""
        return tuple(span.footnote for span in self.spans if span.footnote)

    def squeezed(self) -> Text:
        """The same text with every run of white space made one space, and none at the ends."""
        spans: list[Span] = []
        previous_space = True
        for span in self.spans:
            if span.footnote:
                spans.append(span)
                continue
            text = re.sub(r"\s+", " ", span.text)
            if previous_space:
                text = text.lstrip(" ")
            if text:
                previous_space = text.endswith(" ")
                spans.append(Span(text, span.bold, span.italic))
        if spans and not spans[-1].footnote:
            last = spans[-1]
            spans[-1] = Span(last.text.rstrip(" "), last.bold, last.italic)
        return Text(_merge(spans))

    def lines(self) -> list[Text]:
        """The text cut at its line breaks ("\\n"), each piece with its emphasis; one piece
        without a break."""
        out: list[Text] = [Text()]
        for span in self.spans:
            if span.footnote:
                out[-1] = Text((*out[-1].spans, span))
                continue
            first, *rest = span.text.split("\n")
            for i, piece in enumerate([first, *rest]):
                if i:
                    out.append(Text())
                if piece:
                    out[-1] = Text((*out[-1].spans, Span(piece, span.bold, span.italic, span.footnote)))
        return out

    def without_footnotes(self) -> Text:
        """The same text without its footnote marks (a text quoted elsewhere)."""
        return Text(_merge(s for s in self.spans if not s.footnote))

    def with_emphasis(self, *, italic: bool | None = None, bold: bool | None = None) -> Text:
        """The same text with every span set italic (or upright), bold (or not); None keeps each span's own."""
        return Text(tuple(
            Span(s.text, s.bold if bold is None else bold, s.italic if italic is None else italic, s.footnote)
            for s in self.spans
        ))

    def map_first(self, change: Callable[[str], str]) -> Text:
        """Apply ``change`` to the text of the first span (for casing)."""
        if not self.spans or self.spans[0].footnote:
            return self
        first, *rest = self.spans
        return Text((Span(change(first.text), first.bold, first.italic), *rest))

    def map_last(self, change: Callable[[str], str]) -> Text:
        """Apply ``change`` to the text after the last span (for end punctuation)."""
        if not self.spans or self.spans[-1].footnote:
            return self + change("")  # punctuation goes after a footnote mark: "(khóa XIV)¹."
        *head, last = self.spans
        return Text((*head, Span(change(last.text), last.bold, last.italic)))


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in spans:
        if span.footnote:
            out.append(span)
            continue
        if not span.text:
            continue
        if out and not out[-1].footnote and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        else:
            out.append(span)
    return tuple(out)


_FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")


def _tokens(source: str) -> Iterator[tuple[int, str, str]]:
    """Yield (offset, kind, value): kind is "text", "bold", "italic" or "footnote"."""
    i, n = 0, len(source)
    buf: list[str] = []
    start = 0
    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n and source[i + 1] in "*\\[":
            if not buf:
                start = i
            buf.append(source[i + 1])
            i += 2
            continue
        if ch == "[" and (match := _FOOTNOTE.match(source, i)):
            if buf:
                yield start, "text", "".join(buf)
                buf = []
            yield i, "footnote", match.group(1)
            i = match.end()
            continue
        if ch == "*":
            if buf:
                yield start, "text", "".join(buf)
                buf = []
            if source.startswith("**", i):
                yield i, "bold", "**"
                i += 2
            else:
                yield i, "italic", "*"
                i += 1
            continue
        if not buf:
            start = i
        buf.append(ch)
        i += 1
    if buf:
        yield start, "text", "".join(buf)


def parse(source: str) -> Text:
    """Parse a YAML value written in the markup into :class:`Text`.

    Raises:
        MarkupError: a bold or italic mark is not closed.
    """
    source = normalize(source)
    bold = italic = False
    opened = {"bold": -1, "italic": -1}
    spans: list[Span] = []
    for offset, kind, value in _tokens(source):
        if kind == "text":
            spans.append(Span(value, bold, italic))
        elif kind == "footnote":
            spans.append(Span("", footnote=value))
        elif kind == "bold":
            bold = not bold
            opened["bold"] = offset if bold else -1
        else:
            italic = not italic
            opened["italic"] = offset if italic else -1
    for kind, mark in (("bold", "**"), ("italic", "*")):
        if opened[kind] >= 0:
            raise MarkupError(
                _("the {kind} mark {mark!r} at character {offset} is never closed (write \\* for a literal "
                  "asterisk)").format(kind=_(_MARKS[kind]), mark=mark, offset=opened[kind] + 1),
                opened[kind],
            )
    return Text(_merge(spans))


def escape(text: str) -> str:
    """Write plain text in the markup, so that it parses back to itself."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")
