"""Building blocks shared by the file schemas: the base model and text types."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from ..i18n import _
from ..inline import MarkupError
from ..inline import parse as parse_markup
from ..vn.text import forbidden_character, forbidden_name, normalize

#: A text without the characters ``_clean`` refuses (``vbdocs.vn.text.forbidden_character``):
#: C0 controls but tab, newline and carriage return, DEL and C1 controls, lone surrogates,
#: U+FFFE and U+FFFF. An ECMA-262 pattern, as JSON Schema asks.
DOCUMENT_TEXT = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]*$"


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _clean(value: Any) -> Any:
    """Every text of a file passes here as it was written, before its white space is
    trimmed (which would drop a control character at either end unseen): refused if it
    holds a character no document can hold (``vbdocs.vn.text.forbidden_character``),
    else its line ends made ``\\n`` and its letters NFC. What is not a text is left to
    the type's own check."""
    if not isinstance(value, str):
        return value
    offset = forbidden_character(value)
    if offset is not None:
        raise ValueError(_("contains {character} at character {offset}, which a document cannot hold; delete it")
                         .format(character=forbidden_name(value[offset]), offset=offset + 1))
    return normalize(value.replace("\r\n", "\n").replace("\r", "\n"))


class MarkupText(str):
    """A value written in the inline markup (``vbdocs.inline``), as validated: a text
    of its own kind, so that the footnotes of a document can be found in all of its
    values (:func:`markup_values`) whatever model they stand in."""

    __slots__ = ()


def _markup(value: str) -> MarkupText:
    try:
        parse_markup(value)
    except MarkupError as exc:
        raise ValueError(str(exc)) from None
    return MarkupText(value)


def _no_footnote(value: str) -> str:
    notes = parse_markup(value).footnotes
    if notes:
        raise ValueError(_("a footnote ([^{name}]) cannot stand in this text: it is printed where no footnote can "
                           "be (a title, a name or a form); put it in the body").format(name=notes[0]))
    return value


DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def _date(value: Any) -> Any:
    """A date as a clerk writes it, day first ("09/5/2025", "9/05/2025"), as a date; any other
    value is left to the date type's own check (YAML reads 2025-05-09 as a date already)."""
    if isinstance(value, str) and (match := DAY_MONTH_YEAR.fullmatch(value)):
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(_("{value} is not a day of the calendar (day/month/year)").format(
                value=value.strip())) from None
    return value


Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema({"anyOf": [
    {"type": "string", "format": "date"},
    {"type": "string", "pattern": r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*$"},
]})]
"""A day, written 2025-05-09 or, as on paper, 09/5/2025 (day/month/year)."""

Text = Annotated[str, BeforeValidator(_clean)]
"""Plain text that may be empty: NFC-normalised, no character a document cannot hold."""

Str = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_clean)]
"""Plain text: NFC-normalised, no character a document cannot hold, not empty."""

Markup = Annotated[str, StringConstraints(min_length=1), BeforeValidator(_clean), AfterValidator(_markup)]
"""Text in the inline markup (``*italic*``, ``**bold**``, ``[^note]``; see ``vbdocs.inline``)."""

OptionalMarkup = Annotated[str, BeforeValidator(_clean), AfterValidator(_markup)]
"""Markup that may be empty (a table cell left blank to fill in)."""

TitleMarkup = Annotated[
    str, StringConstraints(min_length=1), BeforeValidator(_clean), AfterValidator(_markup),
    AfterValidator(_no_footnote),
]
"""Markup for a text that is also printed outside the body (a trích yếu, a name, a
form's text): emphasis, but no footnote."""


def markup_values(node: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every markup value in a model, with its path (``("sections", 0, "items", 2)``)."""
    if isinstance(node, MarkupText):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from markup_values(getattr(node, name), (*path, name))
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from markup_values(item, (*path, i))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from markup_values(item, (*path, str(key)))

Code = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=40),
]
"""An identifier used to refer to a unit, body or person: letters, digits, ``_`` and ``-``."""


FOOTNOTE_NAME_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"
FootnoteName = Annotated[str, StringConstraints(pattern=FOOTNOTE_NAME_PATTERN)]
"""The name of a footnote, as ``[^name]`` refers to it: letters, digits, ``_`` and ``-``."""


def code_key(code: str) -> str:
    """A code as it is written in file names (``Thu_A`` → ``thu-a``). Codes with the same
    key name the same files, so they count as the same code: file systems that ignore
    case (Windows, macOS) would otherwise write one document over the other."""
    return code.lower().replace("_", "-")

Abbreviation = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-zĐđ][A-Za-z0-9Đđ.]*$", max_length=20),
    BeforeValidator(_clean),
]
"""An abbreviation used in ký hiệu and "Lưu:" lines ("SNN", "VP", "QyĐ")."""


def _text_or_mapping_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of a model that may be written as its ``text`` alone (a duty, a
    khoản): the text (as ``text`` is checked), or the mapping, so that an editor does not
    underline a value written as plain text."""
    mapping = dict(schema)
    text = {k: v for k, v in mapping["properties"]["text"].items() if k not in ("title", "description")}
    schema.clear()
    schema.update(title=mapping.pop("title"), description=mapping.pop("description"), anyOf=[text, mapping])


def integral(value: Any) -> Any:
    """``7.0`` is the whole number 7, to a JSON Schema as to a person."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


PositiveInt = Annotated[Annotated[int, Strict(), Field(ge=1)], BeforeValidator(integral)]
"""A whole number from 1, written as one (``7``, or ``7.0``): not the text ``"7"``, nor
``true``, which an editor checking the JSON Schema would underline, so vbdocs refuses them
too. A bounded whole number is written the same way, its bounds inside the inner
``Annotated`` (in ``Field`` pydantic would write them into the JSON Schema as keywords no
validator knows)."""


Bool = Annotated[bool, Strict()]
"""``true`` or ``false``: not ``"yes"``, ``1`` or ``"on"`` (as :data:`Int`)."""



class WrittenAsText(Model):
    """A model that may be written as its ``text`` alone (a duty, a khoản, a list item, a table
    cell), or as the mapping when it says more; the JSON Schema says both."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    model_config = ConfigDict(json_schema_extra=_text_or_mapping_schema)
