"""Measuring text as Word lays it out in Times New Roman.

The widths come from Liberation Serif, metric-compatible with Times New Roman
(``tools/make_metrics.py`` writes them). Measured widths decide where a long
agency name or trích yếu breaks and how long the rule under it is, so the rule
follows the text's real length instead of a guess. What may not be broken (a word
of a name) is the caller's to say: :func:`balanced_units` breaks only between pieces.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

#: Twentieths of a point (twips): the unit of lengths in WordprocessingML.
TWIPS_PER_POINT = 20
TWIPS_PER_MM = 1440 / 25.4


@cache
def _table() -> dict[str, object]:
    raw = (Path(__file__).parent / "metrics.json").read_text(encoding="utf-8")
    table: dict[str, object] = json.loads(raw)
    return table


def _face(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> int:
    """Width of one line of text in twips, at ``size_pt`` points.

    A character the table lacks (an emoji, a CJK ideograph) counts as one em, which
    errs on the wide side, so a line never overflows because of it.
    """
    table = _table()
    widths = table[_face(bold, italic)]
    assert isinstance(widths, dict)
    per_em = table["units_per_em"]
    assert isinstance(per_em, int)
    units: int = sum(widths.get(ch, per_em) for ch in text)
    return round(units * size_pt * TWIPS_PER_POINT / per_em)


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * TWIPS_PER_MM)


def balanced_lines(
    text: str, max_width: int, size_pt: float, *, bold: bool = False, italic: bool = False,
) -> list[str]:
    """Break text into the fewest lines that fit ``max_width``, as even as can be.

    This is how a clerk breaks a long trích yếu by hand: not a full first line and a
    short second one. Explicit line breaks ("\\n") in the text are kept. Lines break
    at spaces; a single word wider than the line stays whole on its own line.
    """
    return list(_balanced_lines(text, max_width, size_pt, bold, italic))


@lru_cache(maxsize=4096)
def _balanced_lines(text: str, max_width: int, size_pt: float, bold: bool, italic: bool) -> tuple[str, ...]:
    out: list[str] = []
    for part in text.split("\n"):
        out.extend(_balance(part.split(), max_width, size_pt, bold, italic))
    return tuple(out)


def balanced_units(
    units: Sequence[str], max_width: int, size_pt: float, *, bold: bool = False, italic: bool = False,
) -> list[str]:
    """Lay out pieces of text that must not break inside (the words of a name) in the
    fewest lines that fit ``max_width``, as even as can be, a space between two pieces.

    A name goes this way: "SỞ NÔNG NGHIỆP VÀ / PHÁT TRIỂN NÔNG THÔN", each line
    breaking between two of its words. A piece wider than the line stays whole on its
    own line.
    """
    return list(_balanced_units(tuple(units), max_width, size_pt, bold, italic))


@lru_cache(maxsize=4096)
def _balanced_units(units: tuple[str, ...], max_width: int, size_pt: float, bold: bool,
                    italic: bool) -> tuple[str, ...]:
    return tuple(_balance(list(units), max_width, size_pt, bold, italic))


def _balance(words: list[str], max_width: int, size_pt: float, bold: bool, italic: bool) -> list[str]:
    if not words:
        return [""]
    n = len(words)

    def width(i: int, j: int) -> int:
        return text_width(" ".join(words[i:j]), size_pt, bold=bold, italic=italic)

    # best[i] = (line count, widest line) for words[i:], minimised in that order
    best: list[tuple[int, int, int]] = [(0, 0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        candidates = []
        for j in range(i + 1, n + 1):
            w = width(i, j)
            if w > max_width and j > i + 1:
                break
            count, widest, _ = best[j]
            candidates.append((count + 1, max(w, widest), j))
        best[i] = min(candidates)
    lines, i = [], 0
    while i < n:
        j = best[i][2]
        lines.append(" ".join(words[i:j]))
        i = j
    return lines
