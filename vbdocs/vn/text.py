"""Text rules: Unicode normalisation, casing, list punctuation, the closing mark.

All text that enters a document passes :func:`normalize` (precomposed Unicode,
NFC, as TCVN 6909 is used in practice). Casing follows Vietnamese: upper-casing
keeps every tone mark ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Characters no text of vbdocs may hold, in a file or in a document: those XML 1.0
#: forbids (the C0 controls but tab, newline and carriage return; lone surrogates;
#: U+FFFE and U+FFFF), and DEL and the C1 controls (U+007F–U+009F), which XML allows
#: but nobody can see or type, and which YAML 1.1 reads as a line break (U+0085).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: The closing mark every administrative document ends with ("./.").
CLOSING_MARK = "./."

_TRAILING_PUNCTUATION = ";,.:"


def normalize(text: str) -> str:
    """Compose decomposed Vietnamese into precomposed characters (NFC)."""
    return unicodedata.normalize("NFC", text)


def forbidden_character(text: str) -> int | None:
    """Offset of the first character no text may hold, or None if the text is clean.

    Forbidden are the C0 controls but tab, newline and carriage return (U+0000–U+0008,
    U+000B, U+000C, U+000E–U+001F), DEL and the C1 controls (U+007F–U+009F), lone
    surrogates (U+D800–U+DFFF), and the noncharacters U+FFFE and U+FFFF.
    """
    match = _FORBIDDEN.search(text)
    return match.start() if match else None


def forbidden_name(char: str) -> str:
    """How a message names a forbidden character: "the control character U+0007"."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"the lone surrogate U+{code:04X}"
    if code in (0xFFFE, 0xFFFF):
        return f"the noncharacter U+{code:04X}"
    return f"the control character U+{code:04X}"


def upper(text: str) -> str:
    """Vietnamese upper case, tone marks kept: "Sở Nội vụ" → "SỞ NỘI VỤ"."""
    return normalize(normalize(text).upper())


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only: "thực hiện" → "Thực hiện"."""
    text = normalize(text)
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter only, as a trích yếu reads when cited after "về":
    "Thực hiện phong trào …" → "thực hiện phong trào …"."""
    text = normalize(text)
    return text[:1].lower() + text[1:]


def strip_end_punctuation(text: str) -> str:
    """Remove the ";", ",", "." or ":" a clerk may have typed at an item's end."""
    return text.rstrip().rstrip(_TRAILING_PUNCTUATION).rstrip()


def punctuate_list(items: Sequence[str], *, separator: str = ";", end: str = ".") -> list[str]:
    """Punctuate the lines of a list the Decree's way: each ends ";", the last ".".

    This is how Nơi nhận and a "Kính gửi" list with several addressees end their
    lines. Punctuation already typed at the end of an item is replaced, not doubled.
    """
    cleaned = [strip_end_punctuation(item) for item in items]
    return [item + (end if i == len(cleaned) - 1 else separator) for i, item in enumerate(cleaned)]


def with_closing_mark(text: str) -> str:
    """End the last paragraph of a document with "./." (once, whatever was typed)."""
    text = text.rstrip()
    if text.endswith(CLOSING_MARK):
        return text
    return text.rstrip(_TRAILING_PUNCTUATION) + CLOSING_MARK


def conjunction_separators(count: int, *, conjunction: str = "và") -> list[str]:
    """Separators between ``count`` items of a running list: "a, b và c".

    Returns ``count - 1`` separators: ", " between items and " và " before the last.
    """
    if count < 2:
        return []
    return [", "] * (count - 2) + [f" {conjunction} "]


def ascii_key(text: str) -> str:
    """A name as a portable file name part: letters without their marks, "đ" as "d", lower
    case, words joined by "-": "Quyết định" → "quyet-dinh", "Tờ trình 05" → "to-trinh-05"."""
    import unicodedata

    folded = unicodedata.normalize("NFD", normalize(text).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "-".join("".join(ch if ch.isascii() and ch.isalnum() else " " for ch in plain).split())
