"""The language of vbdocs's messages: Vietnamese or English, from gettext catalogs.

Every text vbdocs shows a person (an error, a warning, a line of the command's output or help) is
written in English in the code, marked with :func:`_` (or :func:`N_` where it is only named, to be
translated where it is shown), and translated from the catalog ``vbdocs/locale/<lang>/LC_MESSAGES/
vbdocs.po`` (compiled to ``.mo``; ``python tools/make_catalogs.py`` extracts, merges and compiles).

The language is Vietnamese when the environment's locale is (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``, as gettext reads them) or when asked (``vbdocs --lang vi``,
:func:`use`); English otherwise. It is held per thread and per task (a context variable), so that
two requests of a web service may each have their own.
"""

from __future__ import annotations

import contextvars
import gettext
import os
import string
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "vbdocs"
LANGUAGES = ("en", "vi")
"""The languages vbdocs speaks; English is the code's own."""

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("vbdocs_language", default=None)


def from_environment() -> str:
    """The language the environment asks for, as gettext reads it: the first of ``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set; "vi" for a Vietnamese locale
    (``vi_VN.UTF-8``, ``vi``), else "en"."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            first = value.split(":")[0]
            return "vi" if first.lower().startswith("vi") else "en"
    return "en"


def language() -> str:
    """The language messages are written in now."""
    return _chosen.get() or from_environment()


def use(lang: str | None) -> contextvars.Token[str | None]:
    """Write messages in ``lang`` ("vi" or "en"; any case, "vi_VN" too) from now on, in this thread
    or task; None goes back to the environment's. Returns a token for :func:`restore`.

    Raises:
        ValueError: a language vbdocs does not speak.
    """
    if lang is None:
        return _chosen.set(None)
    code = lang.replace("-", "_").split("_")[0].split(".")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; vbdocs speaks {', '.join(LANGUAGES)}")
    return _chosen.set(code)


def restore(token: contextvars.Token[str | None]) -> None:
    """Go back to the language before :func:`use` gave ``token``."""
    _chosen.reset(token)


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALES, languages=[lang], fallback=True)


class _Numbers(string.Formatter):
    """``str.format`` writing a fractional number as the language of the moment does: in
    Vietnamese with a decimal comma (``vn.numbers.decimal``)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, float) and language() == "vi":
            from .vn.numbers import decimal

            return decimal(value, format_spec or "g")
        return str(super().format_field(value, format_spec))


_NUMBERS = _Numbers()


class Message(str):
    """A message in the language of the moment, whose ``format`` writes numbers as that language
    does (``"{length:.1f} mm"`` → "19,4 mm" in Vietnamese)."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return _NUMBERS.vformat(str(self), args, kwargs)


def _(message: str) -> str:
    """``message`` (English, as written in the code) in the language of the moment."""
    lang = language()
    return Message(message if lang == "en" else _catalog(lang).gettext(message))


def pgettext(context: str, message: str) -> str:
    """``message`` in the language of the moment, as meant in ``context``: for a short English word
    that means one thing in one place and another elsewhere ("bold" as a fault found on the page,
    and as a kind of markup), which the catalog keeps apart by their context."""
    lang = language()
    return Message(message if lang == "en" else _catalog(lang).pgettext(context, message))


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it here (it is translated where shown)."""
    return message
