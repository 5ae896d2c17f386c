"""Thẩm quyền ký: the title lines of the signature block (ô 7a, 7b).

Signing prefixes (Phụ lục I, Mục II.7.b): TM. (thay mặt a collective), KT. (ký
thay the head: the deputy's own title follows on the next line), Q. (quyền, acting
head), TL. (thừa lệnh) and TUQ. (thừa ủy quyền). All title lines are upper case.
"""

from __future__ import annotations

from enum import StrEnum

from .text import upper


class Authority(StrEnum):
    """How the signer signs: for themself, or on behalf of someone else."""

    OWN = "own"
    """The head of the agency signs in their own name: "GIÁM ĐỐC"."""
    KT = "KT"
    """Ký thay: a deputy signs for the head: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"."""
    TM = "TM"
    """Thay mặt a collective: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"."""
    Q = "Q"
    """Quyền: an acting head: "Q. GIÁM ĐỐC"."""
    TL = "TL"
    """Thừa lệnh: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG"."""
    TUQ = "TUQ"
    """Thừa ủy quyền: "TUQ. GIÁM ĐỐC" / "TRƯỞNG PHÒNG …"."""


def signature_titles(
    authority: Authority,
    *,
    signer_title: str,
    head_title: str,
    collective: str | None = None,
) -> list[str]:
    """The upper-case lines above the signature.

    Args:
        authority: how the signer signs.
        signer_title: the signer's own chức vụ ("Phó Giám đốc").
        head_title: the chức vụ of the head the signer signs for ("Giám đốc").
        collective: the collective a TM. signer speaks for ("Ủy ban nhân dân").
    """
    if authority is Authority.OWN:
        return [upper(signer_title)]
    if authority is Authority.Q:
        return [f"Q. {upper(head_title)}"]
    if authority is Authority.TM:
        if not collective:
            raise ValueError("TM. needs the name of the collective signed for")
        return [f"TM. {upper(collective)}", upper(signer_title)]
    return [f"{authority.value}. {upper(head_title)}", upper(signer_title)]
