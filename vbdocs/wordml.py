"""WordprocessingML for the pieces of a document: the one module that writes OOXML.

Text from YAML reaches a template only through here, already escaped
(:func:`text_xml`), so no value is ever read as template code, whatever braces, ``&``
or ``<`` it holds. Paragraphs name the template's styles ("VB …", ``vbdocs.layout``),
and carry no formatting of their own but emphasis in runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from .inline import Text
from .layout.parts import Rule

_XML_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    # docxtpl rewrites "{_{" and friends after rendering; numeric references keep
    # braces and percent signs out of its reach.
    "{": "&#123;", "}": "&#125;", "%": "&#37;",
})
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
FOOTNOTE_TEXT_STYLE = "FootnoteText"
# The mark is superscript by its style and directly too: LibreOffice lays out the mark in
# the footnote area with a style of its own unless the run says so itself.
_NOTE_MARK_PROPS = f'<w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE_STYLE}"/><w:vertAlign w:val="superscript"/></w:rPr>'
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def text_xml(text: str) -> str:
    """Text for the inside of a ``<w:t>``: escaped, line breaks and tabs as elements."""
    return text.translate(_XML_ESCAPES).replace("\n", _BREAK).replace("\t", _TAB)


def runs_xml(text: Text, notes: dict[str, int] | None = None) -> str:
    """Rich text as ``<w:r>`` runs; emphasis as run properties, all else from the style.

    A footnote span becomes a real footnote reference (``<w:footnoteReference>``),
    numbered by Word; ``notes`` maps footnote names to their ids in footnotes.xml.
    """
    out = []
    for span in text.spans:
        if span.footnote:
            note_id = (notes or {})[span.footnote]
            out.append(f"<w:r>{_NOTE_MARK_PROPS}<w:footnoteReference w:id=\"{note_id}\"/></w:r>")
            continue
        props = ("<w:b/><w:bCs/>" if span.bold else "") + ("<w:i/><w:iCs/>" if span.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text_xml(span.text)}</w:t></w:r>')
    return "".join(out)


def lines_xml(lines: Iterable[str]) -> str:
    """Plain lines for the inside of one ``<w:t>``, a line break between two."""
    return _BREAK.join(text_xml(line) for line in lines)


def rich_lines_xml(lines: Iterable[Text]) -> str:
    """Lines of rich text as runs, a line break between two."""
    return "<w:r><w:br/></w:r>".join(runs_xml(line) for line in lines)


def rule_xml(rule: Rule) -> str:
    """A rule as an empty paragraph with a top border, centred by equal indents."""
    return (
        '<w:p><w:pPr><w:pStyle w:val="VBRule"/><w:pBdr>'
        '<w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:ind w:left="{rule.indent}" w:right="{rule.indent}"/></w:pPr></w:p>'
    )


def footnote_xml(note_id: int, text: Text) -> str:
    """One ``<w:footnote>``: the reference mark, a space, the text."""
    return (
        f'<w:footnote xmlns:w="{W_NAMESPACE}" w:id="{note_id}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{FOOTNOTE_TEXT_STYLE}"/></w:pPr>'
        f"<w:r>{_NOTE_MARK_PROPS}<w:footnoteRef/></w:r>"
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs_xml(text)}</w:p></w:footnote>'
    )
