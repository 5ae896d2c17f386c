"""Whole document sets: rendered files and their manifest, written all or nothing.

The manifest (``manifest.json``, marked as vbdocs's own) lists every file of the set
with its SHA-256; it is how vbdocs knows which files of a folder are its own. A file
it lists and that still has that content may be replaced or removed by a later
build; any other file of the folder (a person's notes, a plan edited in Word after it
was built, another tool's files) is never overwritten or removed. The folder itself
is replaced whole and safely by :mod:`vbdocs.outdir`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import outdir
from .entry import Entry
from .errors import OutputError
from .i18n import _

MANIFEST = "manifest.json"
#: The mark of vbdocs's own manifest ("generator" in manifest.json).
GENERATOR = "vbdocs"
#: A manifest larger than this is not one vbdocs wrote (3,000 documents take about 1 MB).
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SetFile:
    """A file of a set: the document's entry, the file's format and its bytes."""

    entry: Entry
    data: bytes
    format: str = "docx"

    @property
    def name(self) -> str:
        return self.entry.file(self.format)


def _entry(file: SetFile) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": file.entry.kind, "path": file.name,
                             "sha256": hashlib.sha256(file.data).hexdigest()}
    if file.format not in ("docx", "ics"):
        entry["format"] = file.format
    return entry | file.entry.manifest()


def safe_name(name: str) -> str:
    """A file name that stays inside the output folder and is portable; else OutputError."""
    portable = all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in name)
    if not portable or name.startswith(".") or name == MANIFEST or len(name.encode()) > 255:
        raise OutputError(_("refusing the output file name {name!r}").format(name=name))
    return name


def _digest(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def read_manifest(folder: Path) -> list[dict[str, Any]]:
    """The entries of the manifest vbdocs wrote in ``folder``; [] without a manifest.

    Raises:
        OutputError: ``folder`` holds a ``manifest.json`` that vbdocs did not write
            (another tool's, or one damaged): vbdocs would replace it.
    """
    path = folder / MANIFEST
    if not os.path.lexists(path):
        return []
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ValueError
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("generator") != GENERATOR:
            raise ValueError
        return [d for d in data["documents"] if isinstance(d, dict) and isinstance(d.get("path"), str)
                and isinstance(d.get("sha256"), str) and _is_safe(d["path"])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise OutputError(_(
            "{path} was not written by vbdocs; vbdocs keeps its own manifest.json there: move that file away, or "
            "build into another folder").format(path=path)) from None


def _owned(folder: Path, entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The entries whose files are still as vbdocs wrote them, by name."""
    return {e["path"]: e for e in entries if _digest(folder / e["path"]) == e["sha256"]}


def _previous_set(folder: Path) -> set[str]:
    """Names a previous folder may lose: vbdocs's own unchanged files and its manifest."""
    try:
        entries = read_manifest(folder)
    except OutputError:
        return set()
    return {*_owned(folder, entries), MANIFEST} if (folder / MANIFEST).is_file() else set()


def _is_safe(name: str) -> bool:
    try:
        safe_name(name)
    except OutputError:
        return False
    return True


def write_set(
    output: Path, files: Sequence[SetFile], *, partial: bool = False, inputs: Sequence[Path] = (),
) -> list[dict[str, Any]]:
    """Write ``files`` and ``manifest.json`` into ``output``, all or nothing.

    The folder is replaced whole, in one step (see :mod:`vbdocs.outdir`): a reader sees
    the previous set or the new one, never a mixture, and a build that fails or is
    killed leaves the previous set. Files vbdocs did not write stay as they are.

    Args:
        partial: the files are a selection of the set (``--only``/``--unit``): the
            other files and their manifest entries stay, but for the files of a rebuilt
            document in formats this build did not make (they would not match it). Otherwise the files are the
            whole set: files of an older set that this one does not have are removed.
        inputs: files and folders the build reads; a folder holding one is refused.

    Raises:
        OutputError: nothing was changed. Among the causes: a file of the set would
            replace a file vbdocs did not write, or one changed since it wrote it.

    Returns:
        The manifest's entries.
    """
    names = [safe_name(f.name) for f in files]
    if len(set(names)) != len(names):
        raise OutputError(_("two documents of the set have the same file name"))
    out = outdir.resolve_output(Path(output), inputs=inputs)
    with outdir.locked(out):
        staging = None
        try:
            outdir.recover(out, _previous_set)
            old = read_manifest(out) if out.is_dir() else []
            owned = _owned(out, old)  # a file changed since vbdocs wrote it is the person's now
            _refuse_foreign(out, names, owned)
            new = [_entry(f) for f in files]
            # replaced: the set's files and manifest; removed: in a whole build, the older set's other files
            # in a selection, a rebuilt document's other formats (its old .pdf beside a new .docx) go too
            rebuilt = {Path(n).stem for n in names}
            stale = set(owned) if not partial else {n for n in owned if Path(n).stem in rebuilt}
            leave = {*names, MANIFEST} | stale
            kept = [e for e in old if (e["path"] in owned and e["path"] not in stale) or e["path"] in names]
            entries = _merge(kept, new) if partial else new
            staging = outdir.stage(out)
            if out.is_dir():
                outdir.carry_over(out, staging, leave=leave.__contains__)
            for file in files:
                (staging / file.name).write_bytes(file.data)
            (staging / MANIFEST).write_text(
                json.dumps({"generator": GENERATOR, "documents": entries}, ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
            previous = outdir.swap(staging, out)
            staging = None
            outdir.reconcile(previous, out, _previous_set(previous))
        except OSError as exc:
            raise OutputError(_("cannot write into {output}: {exc}")
                              .format(output=output, exc=exc.strerror or exc)) from None
        finally:
            if staging is not None:
                outdir.discard(staging)
    return entries


def _refuse_foreign(out: Path, names: Sequence[str], owned: dict[str, dict[str, Any]]) -> None:
    """OutputError if a file of the set would replace one vbdocs did not write (or that
    was changed since): a person's work is never overwritten."""
    for name in names:
        if name not in owned and os.path.lexists(out / name):
            raise OutputError(_(
                "{path} was not written by vbdocs, or was changed after it was; move it away (or delete it) to "
                "build it again").format(path=out / name))


def _merge(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Old entries with those rebuilt replaced in place; new ones at the end."""
    fresh = {e["path"]: e for e in new}
    merged = [fresh.pop(e["path"], e) for e in old]
    return merged + [e for e in new if e["path"] in fresh]
