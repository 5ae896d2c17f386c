"""Whole document sets: rendered files and their manifest, written all or nothing.

A set is first written into a fresh folder beside the output folder, then each
file is moved into place; if anything fails before that, the output folder is
left exactly as it was and the temporary folder is removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class SetEntry:
    """One file of a set, as the manifest lists it."""

    kind: str
    path: str
    """Path relative to the output folder, with "/" separators."""
    sha256: str


def _safe_name(name: str) -> str:
    if Path(name).name != name or name in {"", ".", ".."} or name == MANIFEST:
        raise OutputError(f"refusing the output file name {name!r}")
    return name


def write_set(output: Path, files: Sequence[tuple[str, str, bytes]]) -> list[SetEntry]:
    """Write ``(kind, filename, data)`` files and ``manifest.json`` into ``output``.

    Files already in ``output`` that the set does not name are left alone.
    """
    entries = [
        SetEntry(kind, _safe_name(name), hashlib.sha256(data).hexdigest())
        for kind, name, data in files
    ]
    names = [e.path for e in entries]
    if len(set(names)) != len(names):
        raise OutputError("two documents of the set have the same file name")
    manifest = json.dumps(
        {"documents": [{"kind": e.kind, "path": e.path, "sha256": e.sha256} for e in entries]},
        ensure_ascii=False, indent=2,
    ) + "\n"
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".vbdocs-", dir=output))
    except OSError as exc:
        raise OutputError(f"cannot write into {output}: {exc.strerror}") from None
    try:
        for (_, name, data) in files:
            (staging / name).write_bytes(data)
        (staging / MANIFEST).write_text(manifest, encoding="utf-8")
        for name in [*names, MANIFEST]:
            os.replace(staging / name, output / name)
    except OSError as exc:
        raise OutputError(f"cannot write into {output}: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return entries
