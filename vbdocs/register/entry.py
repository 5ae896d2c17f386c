"""One line of the register of outgoing documents (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP,
Điều 15 and Phụ lục IV): what the văn thư records of a document when it is issued.

The register's store (``vbdocs.register.store``) keeps these; its exports (the Phụ lục IV form as
.docx, CSV, XLSX, the e-document metadata of Phụ lục VI) read them. This type is the one both
sides share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RegisterEntry:
    """A document entered in the register when it was issued.

    The number runs in its ``sequence`` from 01 on 1 January to 31 December of ``year``
    (Điều 15); it is never given twice and never reused: a withdrawn document keeps its line.
    """

    year: int
    """The year of issue, whose numbering the number belongs to."""
    sequence: str
    """The numbering sequence the number was taken from ("van-ban": all administrative documents
    sharing one, or a type's own, "mat" for secret documents, "ban-sao" for copies, an advisory
    body's own), as the units file declares them."""
    number: int
    """Its number in the sequence: 1, 2… (written 01–09 below 10: ``vn.numbering.padded_number``)."""
    notation: str
    """Its ký hiệu after the number: "KH-SNN", "SNN-VP"."""
    issued: dt.date
    """Its date of issue (ngày tháng văn bản)."""
    type_name: str
    """Its tên loại as Điều 7 writes it ("Kế hoạch", "Công văn")."""
    subject: str
    """Its trích yếu nội dung ("" for a type that has none, as a Giấy mời)."""
    signer: str
    """Who signed it: the name, as written under the signature."""
    signer_title: str
    """The signer's chức vụ ("Phó Giám đốc")."""
    recipients: tuple[str, ...]
    """Nơi nhận, as written on the document."""
    filing: str
    """The unit and person who keep its filed copy (đơn vị, người nhận bản lưu): "VT, VP (ntttam)"."""
    copies: int
    """How many copies were made (số lượng bản)."""
    drafting_unit: str
    """The code of the unit that drafted it."""
    drafter: str
    """Who drafted it (the initials of Lưu: …)."""
    source: str
    """The YAML file, from the units file's folder, and the document it was made from:
    "campaign_2024.yaml#plan", "../examples/documents/so-nn/to-trinh.yaml#document"."""
    file: str
    """The file issued (its name)."""
    sha256: str
    """The SHA-256 of the file issued, hex."""
    priority: int = 0
    """Độ khẩn as Phụ lục VI codes it: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ."""
    secret: bool = False
    """Whether it bears a độ mật (and so is numbered in the secret documents' sequence)."""
    withdrawn: bool = False
    """Withdrawn after issue: its line stays, marked, and its number is never given again."""
    note: str = ""
    """Ghi chú."""

    @property
    def number_and_notation(self) -> str:
        """"02/KH-SNN": the number, two digits below 10, and the ký hiệu."""
        return f"{self.number:02d}/{self.notation}"
