"""Building blocks shared by the file schemas: the base model and text types."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from ..inline import MarkupError
from ..inline import parse as parse_markup
from ..vn.text import forbidden_character, normalize


class Model(BaseModel):
    """Base of every file model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _clean(value: str) -> str:
    offset = forbidden_character(value)
    if offset is not None:
        raise ValueError(
            f"contains the control character U+{ord(value[offset]):04X} at character "
            f"{offset + 1}, which a document cannot hold; delete it"
        )
    return normalize(value.replace("\r\n", "\n").replace("\r", "\n"))


def _markup(value: str) -> str:
    try:
        parse_markup(value)
    except MarkupError as exc:
        raise ValueError(str(exc)) from None
    return value


Str = Annotated[str, StringConstraints(min_length=1), AfterValidator(_clean)]
"""Plain text: NFC-normalised, no characters XML cannot hold, not empty."""

Markup = Annotated[str, StringConstraints(min_length=1), AfterValidator(_clean), AfterValidator(_markup)]
"""Text in the inline markup (``*italic*``, ``**bold**``; see ``vbdocs.inline``)."""

Code = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=40),
]
"""An identifier used to refer to a unit, body or person: letters, digits, ``_`` and ``-``."""

Abbreviation = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-zĐđ][A-Za-z0-9Đđ.]*$", max_length=20),
    AfterValidator(_clean),
]
"""An abbreviation used in ký hiệu and "Lưu:" lines ("SNN", "VP", "QyĐ")."""
