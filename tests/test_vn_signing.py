"""Signing prefixes: TM., KT., Q., TL., TUQ. (Phụ lục I, II.7.b), and who may use them (Điều 13)."""

import pytest

from vbdocs.vn.signing import Authority, SigningError, refusal, signature_titles

GD, PGD, CVP = "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng"
CT, PCT, UBND = "Chủ tịch", "Phó Chủ tịch", "Ủy ban nhân dân"


@pytest.mark.parametrize(
    ("authority", "signer", "head", "collective", "titles"),
    [
        (Authority.OWN, GD, GD, None, ["GIÁM ĐỐC"]),
        (Authority.OWN, "giám  đốc", GD, None, ["GIÁM  ĐỐC"]),  # the head's title in another case or spacing
        (Authority.KT, PGD, GD, None, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        (Authority.Q, PGD, GD, None, ["Q. GIÁM ĐỐC"]),
        (Authority.TL, CVP, GD, None, ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
        (Authority.TUQ, "Trưởng phòng Kế hoạch - Tài chính", GD, None,
         ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG KẾ HOẠCH - TÀI CHÍNH"]),
        (Authority.TM, CT, CT, UBND, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (Authority.TM, PCT, CT, UBND, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        (Authority.OWN, CT, CT, UBND, ["CHỦ TỊCH"]),  # the head of a collective may sign in own name
    ],
)
def test_titles(authority: Authority, signer: str, head: str, collective: str | None, titles: list[str]) -> None:
    assert refusal(authority, signer_title=signer, head_title=head, collective=collective) is None
    assert signature_titles(authority, signer_title=signer, head_title=head, collective=collective) == titles


@pytest.mark.parametrize(
    ("authority", "signer", "head", "collective", "reason"),
    [
        (Authority.TM, CT, CT, None,
         "TM. is signed for a collective, and the agency names none: give the agency's collective in the units "
         "file (\"Ủy ban nhân dân\") if it is run by one, or use authority: own or KT"),
        (Authority.KT, GD, GD, None,
         "the signer signs as the head (Giám đốc); KT. is for a deputy signing for the head: use authority: own"),
        (Authority.Q, GD, GD, None,
         "the signer signs as the head (Giám đốc); Q. is for someone acting as the head (quyền): "
         "use authority: own"),
        (Authority.TL, "GIÁM ĐỐC", GD, None,
         "the signer signs as the head (Giám đốc); TL. is for someone signing by the head's order (thừa lệnh): "
         "use authority: own"),
        (Authority.TUQ, GD, GD, None,
         "the signer signs as the head (Giám đốc); TUQ. is for someone the head has authorised "
         "(thừa ủy quyền): use authority: own"),
        (Authority.OWN, PGD, GD, None,
         "the signer signs as Phó Giám đốc, not as the head (Giám đốc); only the head signs in their own name, "
         "a deputy signs for the head: use authority: KT"),
        (Authority.KT, CT, CT, UBND,
         "the signer signs as the head (Chủ tịch); KT. is for a deputy signing for the head: use authority: own"),
    ],
)
def test_refused(authority: Authority, signer: str, head: str, collective: str | None, reason: str) -> None:
    assert refusal(authority, signer_title=signer, head_title=head, collective=collective) == reason
    with pytest.raises(SigningError) as info:
        signature_titles(authority, signer_title=signer, head_title=head, collective=collective)
    assert str(info.value) == reason
    assert isinstance(info.value, ValueError)


def test_a_tl_signing_passed_to_a_deputy_has_three_lines() -> None:
    """PL I, II.7.b: a TL. signer may pass the signing to their deputy, who signs KT. under it."""
    assert signature_titles(Authority.TL, signer_title="Phó Vụ trưởng", head_title="Bộ trưởng",
                            deputy_for="Vụ trưởng Vụ Giáo dục Trung học") == [
        "TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC", "PHÓ VỤ TRƯỞNG"]


@pytest.mark.parametrize("authority", [Authority.KT, Authority.TUQ, Authority.Q, Authority.TM, Authority.OWN])
def test_only_tl_passes_to_a_deputy(authority: Authority) -> None:
    reason = refusal(authority, signer_title="Phó Giám đốc", head_title="Giám đốc",
                     collective="Ủy ban nhân dân", deputy_for="Chánh Văn phòng")
    assert reason is not None and "only a TL. signing passes to the signer's deputy" in reason
