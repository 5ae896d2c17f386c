"""Hostile and unusual text, generated: whatever a clerk types or a tool sends reaches the
document exactly, after the documented normalisation (NFC; surrounding white space
trimmed; a title's white space squeezed), and never runs as template code."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vbdocs
from tests.docx_read import Docx
from vbdocs.errors import ConfigError
from vbdocs.inline import escape

BASE = Path(__file__).parent / "bad_input"
XML_FORBIDDEN = ("".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n") + "\r\ufffe\uffff"
                 + "".join(chr(c) for c in range(0x7F, 0xA0)))  # DEL and the C1 controls: refused too
SPECIAL = ["&", "<", ">", '"', "'", "{{ 7*7 }}", "{% for x in y %}", "{_{", "%}", "}}", "\u200b", "\u200f",
           "\u202e", "e\u0301", "U\u031b\u0309y", "Ủy ban", "😀", "שלום", "مرحبا", "*", "[^a]", "\\", "]]>",
           "&amp;", "<w:t>", "\u00a0", "ǅ", "ﬁ"]
characters = st.characters(exclude_categories=("Cs",), exclude_characters=XML_FORBIDDEN)
pieces = st.one_of(st.text(characters, max_size=15), st.sampled_from(SPECIAL))
texts = st.lists(pieces, min_size=1, max_size=10).map("".join).filter(lambda s: s.strip() != "")
one_line = texts.map(lambda s: " ".join(s.split())).filter(lambda s: s != "")

SETTINGS = settings(max_examples=25, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _build(tmp: Path, edit) -> Docx:  # type: ignore[no-untyped-def]
    campaign = yaml.safe_load((BASE / "campaign.yaml").read_text(encoding="utf-8"))
    units = yaml.safe_load((BASE / "units.yaml").read_text(encoding="utf-8"))
    edit(campaign, units)
    folder = tmp / "case"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "campaign.yaml").write_text(yaml.safe_dump(campaign, allow_unicode=True), encoding="utf-8")
    (folder / "units.yaml").write_text(yaml.safe_dump(units, allow_unicode=True), encoding="utf-8")
    result = vbdocs.build(folder / "campaign.yaml", output=folder / "out", only=["plan"])
    return Docx(result.documents[0].path)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@SETTINGS
@given(item=texts, duty=texts, closing=one_line)
def test_body_text_round_trips(tmp_path: Path, item: str, duty: str, closing: str) -> None:
    def edit(campaign, units):  # type: ignore[no-untyped-def]
        campaign["plan"]["sections"][0]["items"] = [escape(item)]
        campaign["plan"]["implementation"]["assignments"][0]["duties"][0] = escape(duty)
        campaign["plan"]["closing"] = escape(closing)

    doc = _build(tmp_path, edit)
    texts_in_doc = [p.text for p in doc.paragraphs()]
    for prefix, text in (("1. ", item), ("- ", duty)):
        # a line break written in a text makes a paragraph of its own (documents.base.as_paragraphs)
        first, *rest = [nfc(piece.strip()) for piece in text.strip().split("\n") if piece.strip()]
        assert prefix + first in texts_in_doc
        assert all(piece in [t.strip() for t in texts_in_doc] for piece in rest)
    closing_text = nfc(closing.strip())
    expected = closing_text if closing_text.endswith("./.") else closing_text.rstrip(";,.:") + "./."
    assert expected in texts_in_doc
    assert not any("49" in t and "7*7" not in t for t in texts_in_doc if "{{" in t), "never evaluated"


@SETTINGS
@given(subject=one_line, name=one_line, recipient=one_line)
def test_names_and_titles_round_trip(tmp_path: Path, subject: str, name: str, recipient: str) -> None:
    def edit(campaign, units):  # type: ignore[no-untyped-def]
        campaign["plan"]["subject"] = escape(subject)
        campaign["plan"]["recipients"].append({"text": recipient})
        units["units"][0]["name"] = name
        units["people"][0]["name"] = name

    doc = _build(tmp_path, edit)
    paragraphs = [p.text for p in doc.paragraphs()]
    assert nfc(subject) in [t.replace("\n", " ") for t in paragraphs]
    assert "1. " + nfc(name) in paragraphs  # the unit's heading in Tổ chức thực hiện
    assert nfc(name) in paragraphs  # the signer
    punctuated = nfc(recipient).rstrip(";,.:").rstrip()
    assert any(t in (f"- {punctuated};", f"- {punctuated}.") for t in paragraphs) or not punctuated


@SETTINGS
@given(before=texts, bad=st.sampled_from([c for c in XML_FORBIDDEN if c != "\r"]), after=texts)
def test_characters_a_document_cannot_hold_are_refused_with_their_place(
        tmp_path: Path, before: str, bad: str, after: str) -> None:
    def edit(campaign, units):  # type: ignore[no-untyped-def]
        campaign["plan"]["sections"][0]["items"] = [escape(before) + bad + escape(after)]

    try:
        _build(tmp_path, edit)
    except ConfigError as error:
        [problem] = error.problems
        assert problem.path == "plan.sections[0].items[0]" and problem.line > 0
        assert f"U+{ord(bad):04X}" in problem.message
    else:
        raise AssertionError("a control character was accepted")


def test_a_ten_thousand_character_paragraph(tmp_path: Path) -> None:
    long = ("Phát triển nông nghiệp bền vững " * 320)[:10_000].strip()

    def edit(campaign, units):  # type: ignore[no-untyped-def]
        campaign["plan"]["sections"][0]["items"] = [long]

    doc = _build(tmp_path, edit)
    assert "1. " + long in [p.text for p in doc.paragraphs()]
