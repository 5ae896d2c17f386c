"""The register exported to files: the format asked for, written whole or not at all.

``vbdocs register export`` calls :func:`export_register` with the entries the store gave;
:func:`listing` is what ``vbdocs register list`` prints.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import OutputError
from ..i18n import _
from .entry import RegisterEntry
from .export import COLUMNS, Issuer, csv_bytes, docx_bytes, rows, xlsx_bytes

FORMATS = ("docx", "csv", "xlsx", "xml")
"""What ``vbdocs register export --format`` writes: the Decree's form (Phụ lục IV), a table for a
spreadsheet, or the e-document metadata of each document (Phụ lục VI) into a folder."""


def issuer(units: Path) -> Issuer:
    """The agency whose register it is, read from the units file.

    Raises:
        ConfigError: the units file cannot be read or is not valid.
    """
    from ..config import load_units

    return Issuer.of(load_units(units).agency)


def export_register(entries: Sequence[RegisterEntry], *, units: Path, year: int, fmt: str,
                    output: Path) -> list[Path]:
    """Write the register for ``year`` as ``fmt`` to ``output`` (a file; a folder for ``xml``).

    Every byte is made before anything is written, and each file is written to a temporary
    name and renamed: an error leaves no half-written file.

    Returns:
        The files written.

    Raises:
        ConfigError: the units file is not valid.
        MetadataError: an entry does not fit the Decree's metadata (``xml``).
        MissingExtra: ``xlsx`` without openpyxl installed.
        OutputError: the files cannot be written.
    """
    from ..rendering import source_date

    if fmt not in FORMATS:
        raise ValueError(fmt)
    stray = [e for e in entries if e.year != year]
    if stray:
        raise OutputError(_("the register for {year} holds {document} of {other}").format(
            year=year, document=stray[0].number_and_notation, other=stray[0].year))
    when = source_date(dt.datetime(year, 1, 1))
    if fmt == "csv":
        files = {output: csv_bytes(entries)}
    elif fmt == "xlsx":
        files = {output: xlsx_bytes(entries, year=year, when=when)}
    elif fmt == "docx":
        files = {output: docx_bytes(entries, issuer(units), year=year, when=when)}
    else:
        from .metadata import metadata_files

        files = {output / name: data for name, data in metadata_files(entries, issuer(units)).items()}
    for path, data in files.items():
        _write(path, data)
    return list(files)


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None


def listing(entries: Iterable[RegisterEntry]) -> list[str]:
    """The register as lines of text, the columns separated by tabs, the header first: what
    ``vbdocs register list`` prints (recipients joined by "; ")."""
    return ["\t".join(COLUMNS), *("\t".join(row) for row in rows(entries))]
