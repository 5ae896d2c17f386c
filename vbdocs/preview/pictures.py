"""Pictures of every page of a document: its .docx converted to PDF by vbdocs's own LibreOffice
(:class:`vbdocs.pdf.Converter`, one LibreOffice kept for the whole preview), then each page to
a PNG by poppler's ``pdftoppm``.

The pictures are kept by the SHA-256 of the .docx they show: rendering is reproducible, so a
document that a save did not change is not converted again, and its pictures keep their names
(a browser keeps them in its cache).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..pdf import ConversionError, Converter, substituted_typeface

#: Dots per inch of the pictures: an A4 page is 794 pixels wide, its size on a screen at 100 %.
DPI = 96
#: The name of a page's picture: the document's key, then the page's number.
PICTURE = re.compile(r"([0-9a-f]{20})-(\d+)\.png")


@dataclass(frozen=True)
class Pictures:
    """The pictures of one document's pages, in order, and what LibreOffice had to change."""

    pages: tuple[str, ...]
    """File names in the pictures' folder (``PICTURE``)."""
    substituted: str | None = None
    """The typeface LibreOffice set in place of Times New Roman, if it had to."""


class PageCameras:
    """Makes and keeps the pictures of documents' pages in ``folder`` (a private folder the
    caller removes), through ``converter``."""

    def __init__(self, folder: Path, converter: Converter, *, dpi: int = DPI) -> None:
        self.folder = folder
        self.dpi = dpi
        self._converter = converter
        self._made: dict[str, Pictures] = {}
        self.conversions = 0
        """Documents converted so far (the others were pictured already)."""

    def pictures(self, name: str, docx: bytes) -> Pictures:
        """The pictures of the pages of the document ``name`` whose .docx is ``docx``.

        Raises:
            ConversionError: LibreOffice or pdftoppm could not make them (the message names ``name``).
        """
        key = hashlib.sha256(docx).hexdigest()[:20]
        if key in self._made:
            return self._made[key]
        tool = shutil.which("pdftoppm")
        if tool is None:
            raise ConversionError("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
        with self._converter.scratch() as scratch:
            source, pdf = Path(scratch) / f"{key}.docx", Path(scratch) / f"{key}.pdf"
            source.write_bytes(docx)
            try:
                self._converter.convert(source, pdf)
            except ConversionError as exc:
                raise ConversionError(str(exc).replace(source.name, name)) from None
            substituted = substituted_typeface(pdf.read_bytes())
            made = subprocess.run([tool, "-png", "-r", str(self.dpi), str(pdf), str(Path(scratch) / key)],
                                  capture_output=True, timeout=120, check=False)
            pages = sorted(Path(scratch).glob(f"{key}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            if made.returncode != 0 or not pages:
                said = made.stderr.decode(errors="replace").strip()
                raise ConversionError(f"{name}: pdftoppm made no pictures of its pages ({said})")
            names = []
            for number, page in enumerate(pages, start=1):
                names.append(f"{key}-{number}.png")
                shutil.move(page, self.folder / names[-1])
        self.conversions += 1
        self._made[key] = Pictures(tuple(names), substituted)
        return self._made[key]

    def keep_only(self, kept: Iterable[Pictures]) -> None:
        """Remove every picture but those of ``kept`` (the documents shown now)."""
        keep = {page for pictures in kept for page in pictures.pages}
        self._made = {key: p for key, p in self._made.items() if set(p.pages) <= keep}
        for path in self.folder.iterdir():
            if path.name not in keep:
                path.unlink(missing_ok=True)

    def path(self, name: str) -> Path | None:
        """The file of the picture called ``name``, or None when there is none by that name."""
        if not PICTURE.fullmatch(name):
            return None
        path = self.folder / name
        return path if path.is_file() else None
