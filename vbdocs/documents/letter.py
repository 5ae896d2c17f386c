"""Công văn (Mẫu 1.5): a directive letter of the campaign.

"Số: 3870/SNN-VP" with the trích yếu "V/v …" under it, "Kính gửi:" with the
addressees, an opening that cites the documents carried out (the campaign's plan
first, if the letter sends it) and says who asks whom to act, the numbered
instructions ending "./.", footnotes as real Word footnotes, and Nơi nhận starting
"Như trên".
"""

from __future__ import annotations

from functools import partial

from ..config import Config
from ..entry import Entry
from ..inline import parse
from ..layout import parts
from ..schema.campaign import Letter
from ..schema.common import code_key
from ..vn import numbering
from ..vn.text import with_closing_mark
from .base import Block, DocumentContent, DocumentSpec, Footnote, Properties
from .common import agency_heading, cite, closing, duty_text, opening_sentence, plan_citation


def letter_filename(letter: Letter) -> str:
    return f"cong-van-{code_key(letter.id)}.docx"


def build_letter_by_id(config: Config, letter_id: str) -> DocumentContent:
    """The letter with this id (for a worker process that has the config)."""
    return build_letter(config, next(x for x in config.campaign.letters if x.id == letter_id))


def build_letter(config: Config, letter: Letter) -> DocumentContent:
    """One directive letter of the campaign."""
    agency = config.units.agency
    year = config.campaign.campaign.year
    unit = config.unit(letter.drafting_unit)
    assert unit is not None  # checked by load_config
    addressees = [a.text if a.text is not None else config.name_of(a.to or "", a.label) for a in letter.addressees]
    return DocumentContent(
        template="document.docx",
        heading=agency_heading(
            config,
            symbol=numbering.letter_symbol(agency.abbreviation, unit.abbreviation),
            number=letter.number,
            date=letter.date,
            year=year,
            letter_subject=letter.subject,
        ),
        title=None,
        addressees=parts.addressees(addressees),
        body=tuple(_body(config, letter)),
        footnotes=tuple(Footnote(name, parse(text)) for name, text in letter.footnotes.items()),
        closing=closing(config, recipients=letter.recipients, signer=letter.signer, filing=letter.filing,
                        as_above=True),
        properties=Properties(title=f"V/v {letter.subject}", subject=letter.subject, author=agency.name, year=year),
    )


def _body(config: Config, letter: Letter) -> list[Block]:
    cited = ([plan_citation(config)] if letter.cites_plan else []) + [cite(config, b) for b in letter.legal_bases]
    blocks = [Block("paragraph", opening_sentence(cited, parse(letter.directive)))]
    last = len(letter.instructions)
    for i, duty in enumerate(letter.instructions, start=1):
        text = f"{i}. " + duty_text(config, duty)
        blocks.append(Block("closing", text.map_last(with_closing_mark)) if i == last else Block("paragraph", text))
    return blocks


def letter_specs(config: Config) -> list[DocumentSpec]:
    """The campaign's letters, in the order its file lists them."""
    return [
        DocumentSpec(Entry("directive_letter", letter_filename(letter), type_name="Công văn"),
                     partial(build_letter_by_id, letter_id=letter.id))
        for letter in config.campaign.letters
    ]
