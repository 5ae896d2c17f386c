"""A document's identity in a set, one type from the registry that lists it to the manifest
that records it: its kind, its file, the unit a form is for, the period and deadline of a
report, and its type as Điều 7 names it.

Known before the document is built, so that a selection (``--only``, ``--unit``) is made
on entries, and written to ``manifest.json`` as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    """What a set says of one of its documents."""

    kind: str
    """The kind that makes it ("plan", "report_form", "document"; ``vbdocs.kinds``)."""
    filename: str
    """Its file's name, portable and unique in a set ("bao-cao-annual-ttr.docx"); its PDF and
    PNG share the stem."""
    unit: str | None = None
    """The unit a form is for (its code)."""
    period: str | None = None
    deadline: dt.date | None = None
    type_name: str | None = None
    """Tên loại as Điều 7 writes it ("Kế hoạch", "Công văn"); None for a file that is no văn bản."""

    @property
    def stem(self) -> str:
        return self.filename.rsplit(".", 1)[0]

    def file(self, format: str) -> str:
        """The name of its file in ``format`` ("docx", "pdf", "png"; a calendar keeps its own)."""
        return self.filename if self.filename.endswith(f".{format}") else f"{self.stem}.{format}"

    def manifest(self) -> dict[str, Any]:
        """Its fields in a manifest entry (beside the file's path, hash and format)."""
        out: dict[str, Any] = {}
        if self.type_name is not None:
            out["type"] = self.type_name
        if self.unit is not None:
            out["unit"] = self.unit
        if self.period is not None:
            out["period"] = self.period
        if self.deadline is not None:
            out["deadline"] = self.deadline.isoformat()
        return out
