"""Opening a .docx within fixed bounds, whoever made it.

A .docx is a zip of XML parts and media. Reading one may take neither unbounded
memory nor an XML parser's trust:

* the file, each part and all parts together have a size cap; a part's size is
  checked as the zip declares it and again as it inflates, in small pieces, so a
  part that lies about its size stops at the cap; a large part that inflates far
  more than text or pictures do is refused as a zip bomb;
* XML is parsed without a DTD: an Office Open XML part never declares one, so a
  part that does is refused, no entity is expanded ("billion laughs") and nothing
  is fetched from the network.

Templates (:mod:`vbdocs.rendering`) and documents to check (:mod:`vbdocs.check`) are
read through here, with the same caps.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .i18n import _

#: The .docx file itself, as stored.
MAX_FILE_BYTES = 64 * 2**20
#: Entries in the zip.
MAX_ENTRIES = 2_000
#: One part, inflated (a picture may be this large).
MAX_PART_BYTES = 64 * 2**20
#: One XML part, inflated: its parsed tree takes several times this.
MAX_XML_PART_BYTES = 16 * 2**20
#: All parts together, inflated.
MAX_TOTAL_BYTES = 256 * 2**20
#: Inflated over stored size of a part larger than :data:`RATIO_FLOOR`: text
#: deflates to a fifth or a tenth, pictures hardly at all; a zip bomb, by a thousand.
MAX_RATIO = 200
RATIO_FLOOR = 2**20

_PIECE = 2**16
_XML_CONTENT_TYPE_ENDS = ("/xml", "+xml")


class PackageError(ValueError):
    """The file is not a .docx that can be read within the bounds; the message says why."""


def is_xml_part(name: str) -> bool:
    """A part stored as XML, by its name (as Word and python-docx name them)."""
    return name.lower().endswith((".xml", ".rels"))


def read_parts(source: Path | str | bytes, wanted: Callable[[str], bool] = is_xml_part,
               large: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """The inflated bytes of the parts ``wanted`` accepts, every entry's size checked; the
    XML parts named in ``large`` may reach :data:`MAX_PART_BYTES` (a reader that streams them).

    Raises:
        PackageError: not a zip, damaged, or past one of the caps.
    """
    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = Path(source).stat().st_size
        except OSError as exc:
            raise PackageError(_("not a .docx: {exc}").format(exc=exc.strerror or exc)) from None
    if size > MAX_FILE_BYTES:
        raise PackageError(_("the file is {size} bytes; a .docx is read up to {limit} bytes")
                           .format(size=size, limit=MAX_FILE_BYTES))
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            infos = archive.infolist()
            _check_declared(infos, large)
            parts: dict[str, bytes] = {}
            for info in infos:
                if wanted(info.filename):
                    parts[info.filename] = _inflate(archive, info)
            return parts
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise PackageError(_("not a .docx: {exc}").format(exc=exc)) from None


def check_package(data: bytes) -> None:
    """Check a whole .docx before another library opens it: every part inflated within
    the caps, every XML part well-formed and without a DTD.

    Raises:
        PackageError: what is wrong, naming the part.
    """
    parts = read_parts(data, wanted=lambda name: True)
    xml_names = {name for name in parts if is_xml_part(name)}
    if "[Content_Types].xml" in parts:  # parts declared as XML whatever their names
        types = parse_xml(parts["[Content_Types].xml"], "[Content_Types].xml")
        for override in types:
            name = str(override.get("PartName") or "").lstrip("/")
            if str(override.get("ContentType") or "").endswith(_XML_CONTENT_TYPE_ENDS) and name in parts:
                xml_names.add(name)
    for name in sorted(xml_names):
        parse_xml(parts[name], name)


def parse_xml(data: bytes, name: str) -> Any:
    """The root element of one XML part, parsed without DTD, entities or network.

    Raises:
        PackageError: the part is too large, not well-formed, or declares a DTD.
    """
    if len(data) > MAX_XML_PART_BYTES:
        raise PackageError(_("{name} is {size} bytes; an XML part is read up to {limit} bytes")
                           .format(name=name, size=len(data), limit=MAX_XML_PART_BYTES))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise PackageError(_("{name} is not well-formed XML ({exc})").format(name=name, exc=exc)) from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise PackageError(_("{name} declares a DTD, which no Office Open XML part does").format(name=name))
    return root


def iter_xml(data: bytes | IO[bytes], name: str, tags: tuple[str, ...]) -> Iterator[Any]:
    """The elements named ``tags`` of a large XML part, each when it ends, parsed as
    :func:`parse_xml` parses (no DTD, entities or network) but without holding the whole
    tree: the caller clears what it has read.

    Raises:
        PackageError: the part is larger than :data:`MAX_PART_BYTES`, not well-formed, or declares a DTD.
    """
    if isinstance(data, bytes) and len(data) > MAX_PART_BYTES:
        raise PackageError(_("{name} is {size} bytes; a part is read up to {limit} bytes")
                           .format(name=name, size=len(data), limit=MAX_PART_BYTES))
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    events = etree.iterparse(stream, events=("end",), tag=tags, resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    first = True
    try:
        for _event, element in events:
            if first:
                info = element.getroottree().docinfo
                if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
                    raise PackageError(_("{name} declares a DTD, which no Office Open XML part does")
                                       .format(name=name))
                first = False
            yield element
    except etree.XMLSyntaxError as exc:
        raise PackageError(_("{name} is not well-formed XML ({exc})").format(name=name, exc=exc)) from None
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:  # read from a zip as it inflates
        raise PackageError(_("{name} cannot be read: {exc}").format(name=name, exc=exc)) from None


def _check_declared(infos: list[zipfile.ZipInfo], large: frozenset[str] = frozenset()) -> None:
    if len(infos) > MAX_ENTRIES:
        raise PackageError(_("the zip holds {count} entries; a .docx is read with up to {limit}")
                           .format(count=len(infos), limit=MAX_ENTRIES))
    total = 0
    for info in infos:
        limit = MAX_XML_PART_BYTES if is_xml_part(info.filename) and info.filename not in large else MAX_PART_BYTES
        if info.file_size > limit:
            raise PackageError(_("{name} inflates to {size} bytes; a part is read up to {limit}")
                               .format(name=info.filename, size=info.file_size, limit=limit))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(_("{name} inflates {ratio} times over; a part larger than {floor} bytes is read up "
                                 "to {limit} times (a zip bomb?)").format(
                name=info.filename, ratio=info.file_size // max(info.compress_size, 1), floor=RATIO_FLOOR,
                limit=MAX_RATIO))
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageError(_("the parts inflate to {total} bytes; a .docx is read up to {limit}")
                           .format(total=total, limit=MAX_TOTAL_BYTES))


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part, inflated in small pieces: zipfile stops at the declared size, which
    is within the caps, and checks the CRC; the pieces never hold more than that."""
    pieces = []
    with archive.open(info) as stream:
        while piece := stream.read(_PIECE):
            pieces.append(piece)
    return b"".join(pieces)
