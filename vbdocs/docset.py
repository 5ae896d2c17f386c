"""Whole document sets: rendered files and their manifest, written all or nothing.

A set is assembled in a staging folder beside the output folder (starting from
hard links to what the output holds), and only when every file is written does
the staging folder take the output's place, by two renames. A build that fails
or is killed before that leaves the previous output exactly as it was; one
killed between the two renames is put back by the next build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OutputError

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class SetFile:
    """A file of a set, with what the manifest says of it."""

    kind: str
    name: str
    data: bytes
    unit: str | None = None
    period: str | None = None
    deadline: dt.date | None = None
    format: str = "docx"


def _entry(file: SetFile) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": file.kind, "path": file.name, "sha256": hashlib.sha256(file.data).hexdigest()}
    if file.format != "docx":
        entry["format"] = file.format
    if file.unit is not None:
        entry["unit"] = file.unit
    if file.period is not None:
        entry["period"] = file.period
    if file.deadline is not None:
        entry["deadline"] = file.deadline.isoformat()
    return entry


def safe_name(name: str) -> str:
    """A file name that stays inside the output folder and is portable; else OutputError."""
    portable = all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in name)
    if not portable or name.startswith(".") or name == MANIFEST or len(name.encode()) > 255:
        raise OutputError(f"refusing the output file name {name!r}")
    return name


def _staging(output: Path, label: str) -> Path:
    return output.parent / f".{output.name}.vbdocs-{label}"


def _recover(output: Path) -> None:
    """Put back an output folder left aside by a build killed between its two renames."""
    old = _staging(output, "old")
    if old.exists() and not output.exists():
        os.rename(old, output)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(_staging(output, "new"), ignore_errors=True)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _old_manifest(output: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        documents = data["documents"]
        return [d for d in documents if isinstance(d, dict) and isinstance(d.get("path"), str)]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_set(output: Path, files: Sequence[SetFile], *, partial: bool = False) -> list[dict[str, Any]]:
    """Write ``files`` and ``manifest.json`` into ``output``, all or nothing.

    Args:
        partial: the files are a selection of the set (``--only``/``--unit``): the
            other files and their manifest entries stay. Otherwise the files are the
            whole set: documents an older build listed and this one does not are
            removed. Files the manifest never listed are left alone either way.

    Returns:
        The manifest's entries.
    """
    names = [safe_name(f.name) for f in files]
    if len(set(names)) != len(names):
        raise OutputError("two documents of the set have the same file name")
    new = [_entry(f) for f in files]
    try:
        _recover(output)
        old = _old_manifest(output) if output.is_dir() else []
        staging = _staging(output, "new")
        if output.is_dir():
            shutil.copytree(output, staging, copy_function=_link_or_copy, symlinks=True)
        else:
            staging.mkdir(parents=True)
    except OSError as exc:
        raise OutputError(f"cannot write into {output}: {exc.strerror or exc}") from None
    try:
        if not partial:
            for entry in old:
                stale = staging / entry["path"]
                if entry["path"] not in names and stale.parent == staging and stale.is_file():
                    stale.unlink()
        for file in files:
            target = staging / file.name
            target.unlink(missing_ok=True)  # a hard link to the old output: never write through it
            target.write_bytes(file.data)
        entries = _merge(old, new) if partial else new
        manifest = staging / MANIFEST
        manifest.unlink(missing_ok=True)
        manifest.write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if output.exists():
            os.rename(output, _staging(output, "old"))
        os.rename(staging, output)
        shutil.rmtree(_staging(output, "old"), ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(_staging(output, "new"), ignore_errors=True)
        _recover(output)
        raise OutputError(f"cannot write into {output}: {exc.strerror or exc}") from None
    return entries


def _merge(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Old entries with those rebuilt replaced in place; new ones at the end."""
    fresh = {e["path"]: e for e in new}
    merged = [fresh.pop(e["path"], e) for e in old]
    return merged + [e for e in new if e["path"] in fresh]
