"""The files an office keeps in its own repository, written for it to start from.

:func:`init` writes a skeleton: a units file and a campaign file, commented in Vietnamese
and valid as written, the JSON Schemas beside them (their first lines point an editor at
them) and a CI workflow. :func:`export_templates` copies the built-in templates out, to edit
in Word and build with (``vbdocs build … -t DIR``).

Neither ever replaces a file already there, unless asked to (``overwrite``), and a failure
leaves nothing half-written: each file is written whole beside its place, then linked into
it (a link that never replaces a file); what was written before a failure is taken back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from string import Template

from ..errors import OutputError
from ..i18n import _

HERE = Path(__file__).parent
SCHEMAS = HERE.parent / "schemas"
"""The shipped JSON Schemas (``vbdocs schema -o vbdocs/schemas``)."""

SCHEMA_FOLDER = "schemas"
WORKFLOW = ".github/workflows/vbdocs.yml"


def _weekday(date: dt.date) -> dt.date:
    """The date, or the Monday after it if it falls on a weekend (a document is dated on a
    working day, and a deadline on a weekend is a warning)."""
    return date + dt.timedelta(days=max(0, 7 - date.weekday())) if date.weekday() >= 5 else date


def skeleton_files(year: int) -> dict[str, bytes]:
    """Path in the office's folder → content, of what :func:`init` writes for ``year``."""
    values = {
        "year": str(year), "next_year": str(year + 1),
        "basis_date": _weekday(dt.date(year, 1, 15)).isoformat(),
        "plan_date": _weekday(dt.date(year, 3, 5)).isoformat(),
        "deadline": _weekday(dt.date(year, 6, 20)).isoformat(),
    }
    files = {
        "units.yaml": (HERE / "units.yaml").read_bytes(),
        f"campaign_{year}.yaml": Template((HERE / "campaign.yaml").read_text(encoding="utf-8"))
        .substitute(values).encode(),
        WORKFLOW: Template((HERE / "vbdocs.yml").read_text(encoding="utf-8")).substitute(values).encode(),
    }
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        files[f"{SCHEMA_FOLDER}/{schema.name}"] = schema.read_bytes()
    return files


def init(folder: str | Path, *, year: int | None = None) -> tuple[Path, ...]:
    """Write the skeleton of an office's repository into ``folder`` (created if missing):
    ``units.yaml``, ``campaign_<year>.yaml`` (this year's by default), ``schemas/*.schema.json``
    and ``.github/workflows/vbdocs.yml``. Returns the files written, the units file and the
    campaign file first.

    Raises:
        OutputError: ``folder`` holds one of those files already, they cannot be written, or
            ``year`` is not one a campaign can have; nothing is written.
    """
    from ..schema.campaign import FIRST_YEAR, LAST_YEAR

    year = dt.date.today().year if year is None else year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutputError(_("a campaign's year is from {first} to {last}, not {year}; nothing was written").format(
            first=FIRST_YEAR, last=LAST_YEAR, year=year))
    return write_files(Path(folder), skeleton_files(year))


def template_files() -> dict[str, bytes]:
    """Name → content of the built-in templates."""
    from ..rendering import BUILTIN_TEMPLATES

    return {path.name: path.read_bytes() for path in sorted(BUILTIN_TEMPLATES.glob("*.docx"))}


def export_templates(folder: str | Path, *, overwrite: bool = False) -> tuple[Path, ...]:
    """Copy the built-in templates into ``folder`` (created if missing), to edit in Word;
    ``vbdocs build … -t folder`` then uses them. Returns the files written.

    Raises:
        OutputError: a template of that name is in ``folder`` already (unless ``overwrite``),
            or the files cannot be written; nothing is written.
    """
    return write_files(Path(folder), template_files(), overwrite=overwrite)


def write_files(folder: Path, files: dict[str, bytes], *, overwrite: bool = False) -> tuple[Path, ...]:
    """Write ``files`` (relative path → content) under ``folder``, all or none.

    Raises:
        OutputError: one is there already (unless ``overwrite``), or one cannot be written; what
            was written before is taken back, and the folders made for them removed.
    """
    targets = {name: folder / name for name in files}
    if folder.exists() and not folder.is_dir():
        raise OutputError(_("{folder} is not a folder").format(folder=folder))
    present = [name for name, path in targets.items() if os.path.lexists(path)]
    if present and not overwrite:
        raise OutputError(_("{folder} holds {names} already; nothing was written (move them away, or choose "
                            "another folder)").format(folder=folder, names=", ".join(present)))
    made: list[Path] = []
    written: list[Path] = []
    kept: dict[Path, str] = {}  # a file replaced → a link to its previous content, until all is written
    try:
        for name, data in files.items():
            target = targets[name]
            for parent in reversed([target.parent, *target.parent.parents]):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            with _beside(target, data) as staged:
                if overwrite and os.path.lexists(target):
                    kept[target] = _link_beside(target)
                    os.replace(staged, target)
                else:
                    os.link(staged, target)  # never replaces: a file that appeared meanwhile stops it
            written.append(target)
    except OSError as exc:
        for path in reversed(written):
            with contextlib.suppress(OSError):
                if path in kept:
                    os.replace(kept.pop(path), path)
                else:
                    path.unlink()
        for parent in reversed(made):
            with contextlib.suppress(OSError):
                parent.rmdir()
        for previous in kept.values():
            with contextlib.suppress(OSError):
                os.unlink(previous)
        where = exc.filename or folder
        raise OutputError(_("cannot write into {folder}: {reason} ({where}); nothing was written").format(
            folder=folder, reason=exc.strerror or exc, where=where)) from None
    for previous in kept.values():
        os.unlink(previous)
    return tuple(written)


def _link_beside(target: Path) -> str:
    """A second name for ``target``'s content, in its folder, to put it back with."""
    for attempt in range(100):
        name = str(target.parent / f".{target.name}.previous-{os.getpid()}-{attempt}")
        try:
            os.link(target, name, follow_symlinks=False)
        except FileExistsError:
            continue
        return name
    raise FileExistsError(target)


@contextlib.contextmanager
def _beside(target: Path, data: bytes) -> Iterator[str]:
    """A file holding ``data`` in ``target``'s folder, under a name of its own, removed after."""
    handle, staged = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(staged, 0o644)
        yield staged
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staged)
