"""Who signs with which authority (Phụ lục I, II.7.b; Điều 13): a signature the Decree does not
allow is a located problem of the campaign file, never a traceback; TM. speaks for the agency's
collective, named in the units file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import edit_once, without_warnings
from tests.docx_read import Docx
from vbdocs.cli import main

PLAN_SIGNER = "  signer:\n    person: nguyen_quang_trung\n    authority: KT\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _validate(config: Path) -> tuple[int, list[str]]:
    code, stdout, stderr = run("validate", str(config / "campaign_2024.yaml"))
    assert stdout == "" or code == 0
    return code, without_warnings(stderr).splitlines()


def _plan_signed_by(config: Path, person: str, authority: str) -> int:
    """Make the plan's signer ``person`` with ``authority``; the line of ``authority:``."""
    return edit_once(config / "campaign_2024.yaml", PLAN_SIGNER,
                 f"  signer:\n    person: {person}\n    authority: {authority}\n") + 2


def test_tm_without_a_collective_is_a_located_problem(config_copy: Path) -> None:
    line = _plan_signed_by(config_copy, "mai_kieu", "TM")
    assert _validate(config_copy) == (2, [
        f"{config_copy / 'campaign_2024.yaml'}:{line}:16: plan.signer.authority: TM. is signed for a collective, "
        "and the agency names none: give the agency's collective in the units file (\"Ủy ban nhân dân\") if it "
        "is run by one, or use authority: own or KT",
    ])


def test_kt_by_the_head_is_a_located_problem(config_copy: Path) -> None:
    line = _plan_signed_by(config_copy, "mai_kieu", "KT")
    assert _validate(config_copy) == (2, [
        f"{config_copy / 'campaign_2024.yaml'}:{line}:16: plan.signer.authority: the signer signs as the head "
        "(Giám đốc); KT. is for a deputy signing for the head: use authority: own",
    ])


def test_own_by_a_deputy_is_a_located_problem(config_copy: Path) -> None:
    line = _plan_signed_by(config_copy, "nguyen_quang_trung", "own")
    assert _validate(config_copy) == (2, [
        f"{config_copy / 'campaign_2024.yaml'}:{line}:16: plan.signer.authority: the signer signs as Phó Giám "
        "đốc, not as the head (Giám đốc); only the head signs in their own name, a deputy signs for the head: "
        "use authority: KT",
    ])


def test_tm_for_the_collective_of_the_units_file(config_copy: Path, tmp_path: Path) -> None:
    units = config_copy / "units.yaml"
    edit_once(units, "  head_title: Giám đốc\n\nunits:",
              "  head_title: Chủ tịch\n  collective: Ủy ban nhân dân\n\nunits:")
    edit_once(units, "    title: Giám đốc\n", "    title: Chủ tịch\n")
    edit_once(units, "    title: Phó Giám đốc\n", "    title: Phó Chủ tịch\n")
    _plan_signed_by(config_copy, "mai_kieu", "TM")
    out = tmp_path / "out"
    code, _, stderr = run("build", str(config_copy / "campaign_2024.yaml"), "-o", str(out))
    assert (code, without_warnings(stderr)) == (0, "")
    plan = Docx(out / "ke-hoach-2024.docx").lines()
    at = plan.index("TM. ỦY BAN NHÂN DÂN")
    assert plan[at:at + 2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert plan[-1] == "Mai Kiều"
    letter = Docx(out / "cong-van-trien-khai-ke-hoach.docx").lines()  # the letter: a deputy, KT.
    at = letter.index("KT. CHỦ TỊCH")
    assert letter[at:at + 2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
