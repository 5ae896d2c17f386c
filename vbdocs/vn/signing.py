"""Thẩm quyền ký: the title lines of the signature block (ô 7a, 7b).

Signing prefixes (Phụ lục I, Mục II.7.b): TM. (thay mặt a collective), KT. (ký
thay the head: the deputy's own title follows on the next line), Q. (quyền, acting
head), TL. (thừa lệnh) and TUQ. (thừa ủy quyền). All title lines are upper case.

Who may sign with which prefix (Điều 13 of the Decree): the head of an agency signs
in their own name, or for the collective (TM.) of an agency run by one; a deputy
signs for the head (KT.), and a deputy "giao phụ trách hoặc điều hành" signs as a
deputy does (II.7.b), never in their own name; Q., TL. and TUQ. are signed by someone
acting, ordered or authorised by the head, so never by the head. The signer is the
head when their chức vụ is the head's.
"""

from __future__ import annotations

from enum import StrEnum

from ..i18n import N_, _
from .text import normalize, upper


class Authority(StrEnum):
    """How the signer signs: for themself, or on behalf of someone else."""

    OWN = "own"
    """The head of the agency signs in their own name: "GIÁM ĐỐC"."""
    KT = "KT"
    """Ký thay: a deputy signs for the head: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"."""
    TM = "TM"
    """Thay mặt a collective: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"; a deputy adds
    "KT. CHỦ TỊCH" between them (Điều 13.2)."""
    Q = "Q"
    """Quyền: an acting head: "Q. GIÁM ĐỐC"."""
    TL = "TL"
    """Thừa lệnh: "TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG"."""
    TUQ = "TUQ"
    """Thừa ủy quyền: "TUQ. GIÁM ĐỐC" / "TRƯỞNG PHÒNG …"."""


class SigningError(ValueError):
    """A signature the Decree does not allow; its message is the reason (see :func:`refusal`)."""


_NOT_BY_THE_HEAD = {
    Authority.KT: N_("a deputy signing for the head"),
    Authority.Q: N_("someone acting as the head (quyền)"),
    Authority.TL: N_("someone signing by the head's order (thừa lệnh)"),
    Authority.TUQ: N_("someone the head has authorised (thừa ủy quyền)"),
}


def is_head(signer_title: str, head_title: str) -> bool:
    """Whether the signer's chức vụ is the head's, written in any case or spacing."""
    def key(title: str) -> str:
        return " ".join(normalize(title).split()).casefold()
    return key(signer_title) == key(head_title)


def refusal(
    authority: Authority,
    *,
    signer_title: str,
    head_title: str,
    collective: str | None = None,
    deputy_for: str | None = None,
    collective_from: str = N_("the agency's collective in the units file"),
) -> str | None:
    """Why the Decree does not let this signer sign with this authority, or None if it does.

    Args:
        authority: how the signer signs.
        signer_title: the signer's own chức vụ ("Phó Giám đốc").
        head_title: the chức vụ of the head of the agency the document is issued by ("Giám đốc").
        collective: the collective (tập thể lãnh đạo) of an agency run by one ("Ủy ban nhân dân").
        deputy_for: for a TL. signing passed to a deputy (II.7.b), the chức vụ of the one the
            deputy signs KT. for ("Vụ trưởng Vụ Giáo dục Trung học").
        collective_from: where the message tells to name the collective.
    """
    head = is_head(signer_title, head_title)
    if deputy_for is not None and authority is not Authority.TL:
        return _("only a TL. signing passes to the signer's deputy, who signs KT. under it (PL I, II.7.b); "
                 "{authority}. is not passed on: remove deputy_for").format(authority=authority.value)
    if authority is Authority.TM and not collective:
        return _("TM. is signed for a collective, and the agency names none: give {where} (\"Ủy ban nhân dân\") "
                 "if it is run by one, or use authority: own or KT").format(where=_(collective_from))
    if authority is Authority.OWN and not head:
        return _("the signer signs as {title}, not as the head ({head}); only the head signs in their own name, a "
                 "deputy signs for the head: use authority: KT").format(title=signer_title, head=head_title)
    if authority in _NOT_BY_THE_HEAD and head:
        return _("the signer signs as the head ({head}); {authority}. is for {who}: use authority: own").format(
            head=head_title, authority=authority.value, who=_(_NOT_BY_THE_HEAD[authority]))
    return None


def signature_titles(
    authority: Authority,
    *,
    signer_title: str,
    head_title: str,
    collective: str | None = None,
    deputy_for: str | None = None,
) -> list[str]:
    """The upper-case lines above the signature.

    Args:
        authority: how the signer signs.
        signer_title: the signer's own chức vụ ("Phó Giám đốc").
        head_title: the chức vụ of the head the signer signs for ("Giám đốc").
        collective: the collective a TM. signer speaks for ("Ủy ban nhân dân").
        deputy_for: a TL. signing passed to a deputy: the one the deputy signs for, giving three
            lines ("TL. BỘ TRƯỞNG" / "KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC" / "PHÓ VỤ TRƯỞNG").

    Raises:
        SigningError: if :func:`refusal` gives a reason (a file is checked with it first).
    """
    reason = refusal(authority, signer_title=signer_title, head_title=head_title, collective=collective,
                     deputy_for=deputy_for)
    if reason is not None:
        raise SigningError(reason)
    if deputy_for is not None:
        return [f"TL. {upper(head_title)}", f"KT. {upper(deputy_for)}", upper(signer_title)]
    if authority is Authority.OWN:
        return [upper(signer_title)]
    if authority is Authority.Q:
        return [f"Q. {upper(head_title)}"]
    if authority is Authority.TM:
        assert collective is not None  # refused above
        if is_head(signer_title, head_title):
            return [f"TM. {upper(collective)}", upper(signer_title)]
        return [f"TM. {upper(collective)}", f"KT. {upper(head_title)}", upper(signer_title)]
    return [f"{authority.value}. {upper(head_title)}", upper(signer_title)]
