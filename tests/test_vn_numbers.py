"""Vietnamese writes a decimal comma: vn.numbers, and the messages that use it (issue 15)."""

from __future__ import annotations

import pytest

from vbdocs import i18n
from vbdocs.i18n import _
from vbdocs.vn.numbers import decimal


@pytest.mark.parametrize(("value", "spec", "written"), [
    (19.35, ".1f", "19,4"), (1.27, ".2f", "1,27"), (2.0, "g", "2"), (13.5, "g", "13,5"), (20.0, ".1f", "20,0"),
    (0.5, "g", "0,5"), (-3.25, ".2f", "-3,25"),
])
def test_a_fractional_number_has_a_decimal_comma(value: float, spec: str, written: str) -> None:
    assert decimal(value, spec) == written


def test_a_message_writes_its_numbers_as_its_language_does() -> None:
    token = i18n.use("vi")
    try:
        vietnamese = _("{size:g} pt").format(size=13.5), _("top {value:.1f} mm").format(value=19.35)
        whole = _("{size:g} pt").format(size=13)
    finally:
        i18n.restore(token)
    assert vietnamese == ("13,5 pt", "lề trên 19,4 mm") and whole == "13 pt"
    assert _("{size:g} pt").format(size=13.5) == "13.5 pt"  # English: a point
