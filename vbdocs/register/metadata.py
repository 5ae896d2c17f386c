"""The e-document metadata of an outgoing document (Decree 30/2020/NĐ-CP, Phụ lục VI) as XML, one
file per document of the register.

The fields are those of the Decree's table that a register entry can fill, with the Decree's
types and greatest lengths (``phu-luc-vi.xsd`` beside this module states them): CodeNumber (số,
String 11), CodeNotation (ký hiệu, String 30), IssuedDate (ngày tháng năm, Date 10, dd/mm/yyyy),
Subject (trích yếu, String 500), Priority (độ khẩn, Number 1), SignerInfo (Position, FullName);
with OrganName, TypeName and Description. What an entry cannot know (the agency's mã định danh,
the number of pages) is left out rather than made up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import VbdocsError
from ..i18n import _
from ..vn.numbering import padded_number
from ..vn.text import ascii_key, normalize
from .entry import RegisterEntry
from .export import Issuer, note_text, ordered

SCHEMA = Path(__file__).with_name("phu-luc-vi.xsd")
"""The XML Schema of the files written here, from the Decree's table."""

#: The greatest length of each text field (Phụ lục VI), checked before writing.
LENGTHS = {"OrganName": 200, "CodeNumber": 11, "CodeNotation": 30, "TypeName": 100, "Subject": 500,
           "Position": 100, "FullName": 50, "Description": 500}


class MetadataError(VbdocsError, ValueError):
    """An entry whose field does not fit the Decree's metadata (too long, or missing)."""


def _fields(entry: RegisterEntry, issuer: Issuer) -> list[tuple[str, str | list[tuple[str, str]]]]:
    signer = [("Position", entry.signer_title), ("FullName", entry.signer)]
    fields: list[tuple[str, str | list[tuple[str, str]]]] = [
        ("OrganName", issuer.name),
        ("CodeNumber", padded_number(entry.number)),
        ("CodeNotation", entry.notation),
        ("IssuedDate", entry.issued.strftime("%d/%m/%Y")),
        ("TypeName", entry.type_name),
    ]
    if entry.subject:
        fields.append(("Subject", entry.subject))
    fields += [("Priority", str(entry.priority)), ("SignerInfo", signer)]
    if note := note_text(entry):
        fields.append(("Description", note))
    return fields


def _checked(entry: RegisterEntry, name: str, value: str) -> str:
    value = normalize(" ".join(value.split()))
    limit = LENGTHS.get(name)
    where = entry.number_and_notation
    if limit is not None and not value:
        raise MetadataError(_("{document}: {field} is empty; the metadata of Phụ lục VI requires it").format(
            document=where, field=name))
    if limit is not None and len(value) > limit:
        raise MetadataError(_("{document}: {field} has {length} characters; Phụ lục VI allows at most {limit}").format(
            document=where, field=name, length=len(value), limit=limit))
    return value


def metadata_xml(entry: RegisterEntry, issuer: Issuer) -> bytes:
    """One document's metadata as XML (UTF-8), its elements in the order of the Decree's table.

    Raises:
        MetadataError: a field is longer than the Decree allows, or a required one is empty
            (naming the document and the field).
    """
    from lxml import etree

    if not 0 <= entry.priority <= 4:
        raise MetadataError(_("{document}: Priority is {value}; Phụ lục VI codes it 0 to 4").format(
            document=entry.number_and_notation, value=entry.priority))
    root = etree.Element("OutgoingDocument")
    for name, value in _fields(entry, issuer):
        element = etree.SubElement(root, name)
        if isinstance(value, list):
            for child, text in value:
                etree.SubElement(element, child).text = _checked(entry, child, text)
        else:
            element.text = _checked(entry, name, value)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def file_name(entry: RegisterEntry) -> str:
    """ "2024-van-ban-02-kh-snn.xml": portable, and distinct for each line of a year's register."""
    return f"{entry.year}-{ascii_key(entry.sequence)}-{padded_number(entry.number)}-{ascii_key(entry.notation)}.xml"


def metadata_files(entries: Iterable[RegisterEntry], issuer: Issuer) -> dict[str, bytes]:
    """Each document's metadata, by file name, in the register's order.

    Raises:
        MetadataError: as :func:`metadata_xml`, for the first entry that does not fit.
    """
    return {file_name(entry): metadata_xml(entry, issuer) for entry in ordered(entries)}
