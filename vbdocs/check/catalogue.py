"""Every rule ``vbdocs check`` applies, declared once: its id, the Decree's item, what it asks,
the kinds of file it does not apply to, and whether ``--fix`` may repair it.

A rule's id is stable (tools match on it); its locator is the item of Decree 30/2020/NĐ-CP,
Phụ lục I (or the Mẫu of Phụ lục III) it comes from. The checks themselves are in ``rules``;
nothing there writes a locator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..i18n import N_

Form = Literal["attached", "appendix", "register"]
"""A file that is not a whole document: the text a Quyết định issues (Mẫu 1.3), numbered, dated
and signed with it; a phụ lục in a file of its own (Mẫu 2.2), whose document has the rest; a
register the văn thư keeps (sổ đăng ký văn bản, Phụ lục IV of the Decree), which is no văn bản:
its cover names the agency and the register, with no national title, number, date, signature or
Nơi nhận; its page, margins and typeface are still the Decree's."""

Fix = Literal["safe", "guarded", "none"]
"""``safe``: ``--fix`` repairs it wherever it fails (page, typeface, a date's zeros); ``guarded``:
only where the part is identified with certainty (sizes, weights, alignment of a known part);
``none``: a person must (wording, a missing part, the order of parts)."""


@dataclass(frozen=True)
class RuleInfo:
    id: str
    locator: str
    asks: str
    """What the rule asks, in English, marked for the catalog: shown as ``_(info.asks)``."""
    fix: Fix = "none"
    not_in: frozenset[Form] = frozenset()


_WHOLE: frozenset[Form] = frozenset({"attached", "appendix", "register"})
_NOT_APPENDIX: frozenset[Form] = frozenset({"appendix", "register"})

CATALOGUE: dict[str, RuleInfo] = {info.id: info for info in (
    RuleInfo("page.size", "PL I, I.1–2", N_("A4 portrait; a phụ lục of wide tables may be landscape"), "safe"),
    RuleInfo("page.margins", "PL I, I.3", N_("margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm"),
             "safe"),
    RuleInfo("font.typeface", "PL I, I.4", N_("Times New Roman throughout"), "safe"),
    RuleInfo("page.numbering", "PL I, I.7", N_("page numbers centred at the top from page 2, 13–14 pt")),
    RuleInfo("header.national_title", "PL I, II.1", N_("the national title: upper case, 12–13 pt, bold, top right"),
             "guarded", _NOT_APPENDIX),
    RuleInfo("header.motto", "PL I, II.1", N_("the motto: 13–14 pt, bold, under the national title"), "guarded",
             _NOT_APPENDIX),
    RuleInfo("header.motto_rule", "PL I, II.1", N_("a solid line under the motto, as long as it"), "none",
             _NOT_APPENDIX),
    RuleInfo("header.sizes", "PL I, V (note)", N_("national title and motto sizes that go together (12 with 13, 13 "
             "with 14)"), "none", _NOT_APPENDIX),
    RuleInfo("header.parent", "PL I, II.2", N_("the parent body: upper case, 12–13 pt, not bold"), "guarded"),
    RuleInfo("header.agency", "PL I, II.2", N_("the issuing agency: upper case, 12–13 pt, bold"), "guarded",
             frozenset({"appendix"})),
    RuleInfo("header.agency_rule", "PL I, II.2", N_("a solid line under the agency, 1/3 to 1/2 of its length"),
             "none", _NOT_APPENDIX),
    RuleInfo("header.alignment", "PL I, II.1–4", N_("each line of the header centred in its column"), "guarded"),
    RuleInfo("header.number", "PL I, II.3", N_("\"Số: 05/KH-SNN\", 13 pt, upright"), "guarded", _WHOLE),
    RuleInfo("number.symbol", "PL I, II.3; PL III", N_("a symbol of the document's type and agency"), "none", _WHOLE),
    RuleInfo("header.place_date", "PL I, II.4", N_("\"<Địa danh>, ngày … tháng … năm …\", 13–14 pt, italic, under "
             "the motto"), "guarded", _WHOLE),
    RuleInfo("date.padding", "PL I, II.4.b", N_("days below 10 and months 1 and 2 with a leading 0"), "safe", _WHOLE),
    RuleInfo("title.type_name", "PL I, II.5.a", N_("the type name: upper case, 13–14 pt, bold, centred"), "guarded",
             _NOT_APPENDIX),
    RuleInfo("title.subject", "PL I, II.5.a", N_("the trích yếu: 13–14 pt, bold, centred"), "guarded", _NOT_APPENDIX),
    RuleInfo("title.subject_rule", "PL I, II.5.a", N_("a solid line under the trích yếu, 1/3 to 1/2 of its length")),
    RuleInfo("letter.subject", "PL I, II.5.b", N_("\"V/v …\" under the number: 12–13 pt, upright, centred"), "guarded"),
    RuleInfo("body.text", "PL I, II.6.e", N_("a body to check")),
    RuleInfo("body.size", "PL I, II.6.e", N_("the body in 13–14 pt"), "guarded"),
    RuleInfo("body.alignment", "PL I, II.6.e", N_("the body justified"), "guarded"),
    RuleInfo("body.indent", "PL I, II.6.e", N_("first lines indented 1–1.27 cm"), "guarded"),
    RuleInfo("body.spacing", "PL I, II.6.e", N_("at least 6 pt between paragraphs"), "guarded"),
    RuleInfo("body.line_spacing", "PL I, II.6.e", N_("single to 1.5 lines"), "guarded"),
    RuleInfo("body.bases", "PL I, II.6.a", N_("each căn cứ in italics, ending \";\", the last \".\""), "none"),
    RuleInfo("body.articles", "PL I, II.6.b", N_("\"Điều 1.\" upright, bold, 13–14 pt"), "none"),
    RuleInfo("body.divisions", "PL I, II.6.b", N_("\"Chương I\" bold, centred; its name upper case, bold, centred")),
    RuleInfo("body.decision", "PL I, II.6; Mẫu 1.1–1.3", N_("\"QUYẾT ĐỊNH:\" upper case, bold, centred, with its "
             "colon")),
    RuleInfo("addressees", "PL I, II.9.a", N_("Kính gửi: one addressee on its line, or one per line \"- …;\"")),
    RuleInfo("recipients.label", "PL I, II.9.b", N_("\"Nơi nhận:\", 12 pt, bold italic"), "guarded", _WHOLE),
    RuleInfo("recipients.list", "PL I, II.9.b", N_("lines \"- …;\" in 11 pt, the last \"- Lưu: VT, … .\""), "none",
             _WHOLE),
    RuleInfo("recipients.alignment", "PL I, II.9.b", N_("Nơi nhận at the left"), "guarded"),
    RuleInfo("signature.titles", "PL I, II.7.a–b", N_("quyền hạn and chức vụ upper case, 13–14 pt, bold"), "guarded",
             _WHOLE),
    RuleInfo("signature.name", "PL I, II.7.b", N_("the signer's name: 13–14 pt, bold"), "guarded", _WHOLE),
    RuleInfo("signature.block", "PL I, II.7; II.9.b", N_("the signature level with Nơi nhận, at the right"), "none",
             _WHOLE),
    RuleInfo("appendix", "PL I, III.1", N_("\"Phụ lục I\" 14 pt bold; its title upper case, bold; \"(Kèm theo …)\" "
             "italic; centred")),
    RuleInfo("copy", "PL I, II.II", N_("SAO Y, SAO LỤC or TRÍCH SAO upper case, bold, beside its own number")),
    RuleInfo("marks", "PL I, II.10", N_("độ mật and độ khẩn: upper case, 13–14 pt, bold"), "guarded"),
    RuleInfo("scope", "NĐ 30, Điều 1–2", N_("a văn bản hành chính: a party document follows the "
             "Party's own rules")),
)}
