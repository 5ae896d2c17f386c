"""How Vietnamese writes a number with a fractional part: a decimal comma ("19,4 mm", "1,27 cm"),
where English writes a point. Groups of thousands are not written in what vbdocs says (a count of
bytes or of paragraphs is written whole, "2097152").
"""

from __future__ import annotations


def decimal(value: float, spec: str = "g") -> str:
    """``value`` formatted with ``spec`` (as ``format(value, spec)``), its decimal point written as
    Vietnamese writes it, a comma: ``decimal(19.35, ".1f")`` → "19,4"; ``decimal(2.0, "g")`` → "2"."""
    return format(value, spec).replace(".", ",")
