"""The inline markup clerks write in YAML."""

import pytest

from vbdocs.inline import MarkupError, Span, Text, escape, parse


def test_italic_and_bold() -> None:
    text = parse("phong trào “*Dân vận khéo*”, **trước ngày 10/5/2024**.")
    assert text.spans == (
        Span("phong trào “"), Span("Dân vận khéo", italic=True), Span("”, "),
        Span("trước ngày 10/5/2024", bold=True), Span("."),
    )


def test_bold_italic() -> None:
    assert parse("***x***").spans == (Span("x", bold=True, italic=True),)


def test_everything_else_is_text() -> None:
    source = "{{ config }} {% if x %} <w:p> & 'quotes' \"double\""
    assert str(parse(source)) == source


def test_escaped_asterisk_and_backslash() -> None:
    assert str(parse(r"1 \* 2 \\ 3")) == r"1 * 2 \ 3"


@pytest.mark.parametrize(
    ("source", "kind", "offset"), [("a *b", "italic", 2), ("**b", "bold", 0), ("*a* **b", "bold", 4)],
)
def test_unclosed_mark_is_an_error(source: str, kind: str, offset: int) -> None:
    with pytest.raises(MarkupError, match=f"the {kind} mark") as info:
        parse(source)
    assert info.value.offset == offset


def test_escape_round_trips() -> None:
    plain = r"a*b\c**"
    assert str(parse(escape(plain))) == plain


def test_join_and_add_merge_equal_spans() -> None:
    joined = Text.join([Text.plain("a"), "b", Text.plain("c", bold=True)], "; ")
    assert joined.spans == (Span("a; b; "), Span("c", bold=True))
