"""The units file (``units.yaml``): the agency, its units, signers and outside bodies.

One file describes one issuing agency (cơ quan ban hành). Nothing about a province
or a ministry is built into vbdocs: another agency is another units file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..vn import numbering
from .common import Abbreviation, Bool, Code, Model, Str


class ParentBody(Model):
    """Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2, first line)."""

    name: Str = Field(
        description="The parent body as printed above the agency's name, in normal case; common "
        "abbreviations are allowed (\"UBND tỉnh Bình Thuận\"). It is printed in upper case.",
    )


class _Named(Model):
    """A body whose name is printed, upper-cased, in a document's header, where a line break
    written in the name (YAML |) sets where it breaks; running text reads it on one line."""

    name: Str

    @property
    def in_text(self) -> str:
        """The name as running text writes it: one line, whatever breaks the header has."""
        return " ".join(self.name.split())


class Contact(Model):
    """Địa chỉ, điện thoại, e-mail, website of the agency (ô 13), printed at the foot of page 1 of the
    documents that ask for it."""

    address: Str | None = Field(None, description="Địa chỉ (\"Số 19 Trần Hưng Đạo, Phan Thiết, Bình Thuận\").")
    phone: Str | None = Field(None, description="Điện thoại (\"0252 3822 xxx\").")
    fax: Str | None = Field(None, description="Fax.")
    email: Str | None = Field(None, description="E-mail.")
    website: Str | None = Field(None, description="Website.")

    @property
    def line(self) -> str:
        """ "Địa chỉ: …; ĐT: …, Fax: …; E-mail: …; Website: …" (the Decree's sample order)."""
        phones = ", ".join(part for part in (f"ĐT: {self.phone}" if self.phone else "",
                                             f"Fax: {self.fax}" if self.fax else "") if part)
        parts = [f"Địa chỉ: {self.address}" if self.address else "", phones,
                 f"E-mail: {self.email}" if self.email else "", f"Website: {self.website}" if self.website else ""]
        return "; ".join(part for part in parts if part)


class RegisterSettings(Model):
    """Sổ đăng ký văn bản đi: where the register is and the numbering sequences the head of the
    agency decided (Điều 15); the defaults follow the Decree."""

    url: Str | None = Field(
        None,
        description="The register: a path of an SQLite file, relative to this file, or a database URL "
        "(\"postgresql://vanthu@server/vbdocs\") shared by several clerks. Omitted: register.sqlite beside this "
        "file. --register and VBDOCS_REGISTER take precedence.",
    )
    sequences: Literal["shared", "by_type"] = Field(
        "shared",
        description="shared: all administrative documents share one sequence; by_type: each type has its own.",
    )
    secret: Literal["separate", "shared"] = Field(
        "separate", description="Secret documents (with a độ mật) are numbered in a sequence of their own (Điều 15).",
    )
    copies: Literal["separate", "shared"] = Field(
        "separate", description="Copies (sao y, sao lục, trích sao) share a sequence of their own (Điều 15).",
    )
    advisory: list[Code] = Field(
        default_factory=list,
        description="Codes of the units that are advisory bodies using the agency's seal: each numbers the "
        "documents it issues in a sequence of its own.",
    )


class Agency(_Named):
    """Cơ quan ban hành: the agency whose documents vbdocs writes."""

    name: Str = Field(
        description="The agency's name as it is written in running text and, upper-cased, in the "
        "header (\"Sở Nông nghiệp và Phát triển nông thôn\"). A long name is broken evenly in the "
        "header; a line break written in the name (YAML |) forces where.",
    )
    full_name: Str | None = Field(
        None,
        description="The full official name, with its administrative unit, where it differs "
        "(\"Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận\").",
    )
    abbreviation: Abbreviation = Field(
        description="Chữ viết tắt of the agency, used in every ký hiệu (\"SNN\" in 25/KH-SNN).",
    )
    place: Str = Field(
        description="Địa danh of the place-date line (\"Bình Thuận\" in \"Bình Thuận, ngày …\").",
    )
    parent: ParentBody | None = Field(
        None, description="The direct parent body (cơ quan chủ quản), if the agency has one.",
    )
    head_title: Str = Field(
        description="Chức vụ of the agency's head (\"Giám đốc\"); a deputy signs \"KT. GIÁM ĐỐC\".",
    )
    contact: Contact | None = Field(
        None, description="Địa chỉ, điện thoại, e-mail, website (ô 13), for the documents that print them.",
    )
    collective: Str | None = Field(
        None,
        description="The collective (tập thể lãnh đạo) of an agency run by one, in normal case "
        "(\"Ủy ban nhân dân\" for a UBND), that its head signs for with authority TM: \"TM. ỦY BAN "
        "NHÂN DÂN\" / \"CHỦ TỊCH\" (Điều 13.2, Phụ lục I II.7.b). Omitted for an agency run by its "
        "head (a Sở), where TM. is refused.",
    )
    issuing: RegisterSettings | None = Field(
        None, description="Sổ đăng ký văn bản đi: where it is and its numbering sequences (vbdocs issue).",
    )


UnitKind = Literal["office", "inspectorate", "specialised", "affiliated"]


class Unit(_Named):
    """A unit of the agency: its office, a specialised office or an affiliated unit."""

    code: Code = Field(description="The code other files use to refer to this unit (\"VP\").")
    name: Str = Field(description="The unit's name (\"Văn phòng Sở\"); in the header of its forms, upper-cased, "
                      "it is broken between words, or where a line break written in it (YAML |) says.")
    abbreviation: Abbreviation = Field(
        description="Chữ viết tắt of the unit, used in a công văn's ký hiệu (SNN-VP) and in "
        "\"Lưu: VT, VP\".",
    )
    kind: UnitKind = Field(
        description="office (Văn phòng), inspectorate (Thanh tra), specialised (phòng chuyên môn) "
        "or affiliated (đơn vị trực thuộc: chi cục, trung tâm, ban quản lý).",
    )
    head_title: Str = Field(
        description="Chức vụ of the unit's head, who signs the unit's reports (\"Chánh Văn phòng\").",
    )
    seal: Bool | None = Field(
        None,
        description="Whether the unit has its own seal and văn thư (con dấu, sổ đăng ký văn bản đi): its forms "
        "then carry a \"Số:\" line to number and \"Lưu: VT\". Omitted: yes but for a phòng (a name "
        "\"Phòng …\"), which issues nothing under a number of its own and keeps its copy itself.",
    )

    @property
    def has_seal(self) -> bool:
        """Whether the unit numbers and seals documents of its own (``seal``, or the rule
        ``vbdocs check`` reads a header by: ``vn.numbering.keeps_register``)."""
        if self.seal is not None:
            return self.seal
        return numbering.keeps_register(self.name, under_agency=True)


class Group(Model):
    """A named set of units that documents address together."""

    code: Code = Field(description="The code other files use to refer to this group.")
    name: Str = Field(
        description="How the group is named in running text "
        "(\"Các phòng, cơ quan, đơn vị trực thuộc Sở\").",
    )
    members: list[Code] | None = Field(
        None, description="The codes of the units in the group; omitted, every unit.",
    )


class Person(Model):
    """Someone who signs documents."""

    id: Code = Field(description="The code other files use to refer to this person.")
    name: Str = Field(
        description="Full name as printed under the signature, without honorifics (\"Mai Kiều\").",
    )
    title: Str = Field(description="Chức vụ, in normal case (\"Phó Giám đốc\").")


class Body(Model):
    """An outside body: cited as issuer of a legal basis, or sent a copy."""

    id: Code = Field(description="The code other files use to refer to this body.")
    name: Str = Field(description="Full name (\"Ủy ban nhân dân tỉnh Bình Thuận\").")
    short_name: Str = Field(
        description="The name as written in citations and Nơi nhận (\"UBND tỉnh\").",
    )


class UnitsFile(Model):
    """``units.yaml``: everything about the agency that does not change with a campaign."""

    agency: Agency = Field(description="The issuing agency.")
    units: list[Unit] = Field(default_factory=list, description="The agency's units.")
    groups: list[Group] = Field(
        default_factory=list, description="Named sets of units addressed together.",
    )
    people: list[Person] = Field(default_factory=list, description="People who sign.")
    bodies: list[Body] = Field(
        default_factory=list, description="Outside bodies that issue cited documents or receive copies.",
    )
