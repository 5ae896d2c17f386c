"""The kinds of document vbdocs makes, registered in one place.

A kind is a name (what ``--only`` selects and the manifest records), a line of help, and
the function that lists its documents for a set (``specs``: the validated files → a
``DocumentSpec`` per document, each with its ``Entry`` and its builder). The API, the
command line's help and the manifest take their lists from here.

The built-in kinds are those of a campaign file (the plan, its letters, the forms the
units fill in, the calendar of deadlines) and the văn bản of a document file, of any of
the 29 types of Điều 7 (``vn.numbering.TYPE_NAMES``: a new type there is one row). Another
package adds a kind with an entry point in the group ``vbdocs.kinds`` naming a
:class:`Kind`, or by calling :func:`register`.

This module imports nothing heavy: a kind's function is named as ``"module:function"`` and
imported when a set is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from .i18n import N_

#: The entry-point group other packages register kinds in.
ENTRY_POINT_GROUP = "vbdocs.kinds"

Source = Literal["campaign", "document"]


@dataclass(frozen=True)
class Kind:
    """A kind of document: its name, its help, and what lists its documents."""

    name: str
    summary: str
    specs: str | Callable[[Any], list[Any]] | None
    """``"module:function"`` or a function: the config → ``DocumentSpec`` list. None for a file
    that is no rendered document (the calendar)."""
    source: Source = "campaign"
    """The file it is made from: a campaign file or a document file."""

    def producer(self) -> Callable[[Any], list[Any]] | None:
        if self.specs is None or callable(self.specs):
            return self.specs
        module, _, function = self.specs.partition(":")
        found: Callable[[Any], list[Any]] = getattr(importlib.import_module(module), function)
        return found


BUILTIN: tuple[Kind, ...] = (
    Kind("plan", N_("the campaign's Kế hoạch"), "vbdocs.documents.plan:plan_specs"),
    Kind("directive_letter", N_("its Công văn"), "vbdocs.documents.letter:letter_specs"),
    Kind("report_form", N_("the units' report forms (Báo cáo)"), "vbdocs.documents.report_form:report_specs"),
    Kind("registration_form", N_("the units' registration forms"), "vbdocs.documents.report_form:registration_specs"),
    Kind("calendar", N_("the deadlines as an iCalendar file"), None),
    Kind("document", N_("the văn bản of a document file (any type of Điều 7)"),
         "vbdocs.documents.standalone:document_specs", source="document"),
)

_registered: list[Kind] = []


def register(kind: Kind) -> None:
    """Add a kind (a plug-in's); its name must be new."""
    if kind.name in names():
        raise ValueError(f"a kind named {kind.name!r} is already registered")
    _registered.append(kind)


def unregister(name: str) -> None:
    """Remove a kind added with :func:`register`."""
    _registered[:] = [k for k in _registered if k.name != name]


@cache
def _plugins() -> tuple[Kind, ...]:
    """The kinds of installed plug-ins, read once per process (:func:`reload` reads them again)."""
    from importlib.metadata import entry_points

    found = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        kind = point.load()
        if not isinstance(kind, Kind):
            raise TypeError(f"the entry point {point.name!r} of {ENTRY_POINT_GROUP} names no vbdocs.kinds.Kind")
        found.append(kind)
    return tuple(found)


def reload() -> None:
    """Read the installed plug-ins again (after installing one in a running process)."""
    _plugins.cache_clear()


def kinds() -> tuple[Kind, ...]:
    """Every kind: the built-in ones, those registered, those of installed plug-ins; names unique."""
    out: list[Kind] = []
    for kind in (*BUILTIN, *_registered, *_plugins()):
        if any(k.name == kind.name for k in out):
            raise ValueError(f"two kinds are named {kind.name!r}")
        out.append(kind)
    return tuple(out)


def names() -> tuple[str, ...]:
    """The names of every kind, in set order."""
    return tuple(k.name for k in kinds())
