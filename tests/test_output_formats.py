"""``--output-format text|json|github`` on validate, build and check, and the language of every
message: ``--lang`` or the locale (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CONFIG, replaced, rewritten
from vbdocs.cli import main
from vbdocs.reporting import annotation

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The 2024 campaign with a schema error (a year in words) and a person's code typed wrong."""
    shutil.copy(CONFIG / "units.yaml", tmp_path / "units.yaml")
    text = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8")
    text = text.replace("  year: 2024", "  year: hai nghìn", 1).replace("person: nguyen_quang_trung",
                                                                          "person: nguyen_quang_trun", 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, words: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in line)


def test_json_lists_every_problem_with_its_place_and_code(broken: Path) -> None:
    code, stdout, stderr = run("validate", str(broken), "--output-format", "json")
    assert code == 2 and stderr == ""
    data = json.loads(stdout)
    assert data["ok"] is False and data["warnings"] == []
    assert [(p["line"], p["path"], p["code"]) for p in data["problems"]] == [
        (_line_of(broken, "year: hai"), "campaign.year", "value.number"),
        (_line_of(broken, "nguyen_quang_trun"), "plan.signer.person", "reference.unknown"),
    ]
    assert all(p["file"] == str(broken) and p["column"] > 0 and p["message"] for p in data["problems"])


def test_github_prints_annotations(broken: Path) -> None:
    code, stdout, _err = run("validate", str(broken), "--output-format", "github")
    lines = stdout.splitlines()
    assert code == 2 and len(lines) == 2
    assert lines[0].startswith(f"::error file={broken},line={_line_of(broken, 'year: hai')},col=")
    assert "title=vbdocs value.number::campaign.year: must be a whole number" in lines[0]


def test_warnings_in_json_and_github_and_a_valid_file() -> None:
    """The 2024 campaign is valid with one warning (a deadline on a Saturday)."""
    code, stdout, _err = run("validate", str(CONFIG / "campaign_2024.yaml"), "--output-format", "JSON")
    data = json.loads(stdout)
    assert code == 0 and data["ok"] is True and data["problems"] == []
    assert [(w["path"], w["code"]) for w in data["warnings"]] == [("reports[1].deadline", "date.weekend")]
    code, stdout, _err = run("validate", str(CONFIG / "campaign_2024.yaml"), "--output-format", "github")
    assert code == 0 and stdout.startswith("::warning file=") and "reports[1].deadline" in stdout


def test_build_says_what_it_wrote_in_json(tmp_path: Path) -> None:
    code, stdout, _err = run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "out"),
                             "--only", "plan", "--output-format", "json")
    data = json.loads(stdout)
    assert code == 0 and data["ok"] and data["written"] == [str(tmp_path / "out" / "ke-hoach-2024.docx")]


def test_a_build_error_that_is_no_problem_of_a_file_in_json_and_github(tmp_path: Path) -> None:
    code, stdout, _err = run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path),
                             "--only", "nothing", "--output-format", "json")
    assert code == 2 and json.loads(stdout)["ok"] is False and "nothing" in json.loads(stdout)["error"]
    code, stdout, _err = run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path),
                             "--only", "nothing", "--output-format", "github")
    assert code == 2 and [line for line in stdout.splitlines() if line.startswith("::error::")] == [
        "::error::unknown kind 'nothing'; the kinds are plan, directive_letter, report_form, registration_form, "
        "calendar, document"]


def test_check_in_github_format(built_plan: Path, tmp_path: Path) -> None:
    """A built plan passes; its copy set in Arial fails, with one annotation."""
    code, stdout, _err = run("check", str(built_plan), "--output-format", "github")
    assert code == 0 and stdout == ""
    broken = rewritten(built_plan, tmp_path / "broken.docx",
                       replaced(("word/document.xml", "word/styles.xml"), b"Times New Roman", b"Arial"))
    code, stdout, _err = run("check", str(broken), "--output-format", "github")
    assert code == 1 and stdout.startswith(f"::error file={broken},title=vbdocs check font.typeface::")


def test_annotation_escapes_what_would_end_it() -> None:
    assert annotation("error", "a%b\nc", file="x,y:z.yaml", line=3, column=4) == \
        "::error file=x%2Cy%3Az.yaml,line=3,col=4::a%25b%0Ac"


# -- the language -----------------------------------------------------------------------------------


def test_every_message_has_its_vietnamese_and_the_compiled_catalog_is_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_catalogs.py"), "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_vietnamese_locale_answers_in_vietnamese_with_the_place(broken: Path) -> None:
    """``LANG=vi_VN.UTF-8 vbdocs validate`` on a broken file: Vietnamese, file:line:col."""
    env = {**os.environ, "LANG": "vi_VN.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run([sys.executable, "-m", "vbdocs.cli", "validate", str(broken)], capture_output=True,
                            text=True, env=env, check=False)
    first, second = result.stderr.splitlines()
    assert result.returncode == 2
    assert first.startswith(f"{broken}:{_line_of(broken, 'year: hai')}:") and "campaign.year: " in first
    assert "phải là một số nguyên" in first.lower() or "số nguyên" in first
    assert "nguyen_quang_trun" in second and "must" not in second and "no person" not in second


def test_lang_flag_wins_over_the_locale_both_ways(broken: Path) -> None:
    vi = {"LANG": "vi_VN.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    en = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    _code, _out, in_english = run("--lang", "en", "validate", str(broken), env=vi)
    _code, _out, in_vietnamese = run("--lang", "vi", "validate", str(broken), env=en)
    _code, _out, by_locale = run("validate", str(broken), env=en)
    assert "must be a whole number" in in_english and "must be a whole number" in by_locale
    assert "must be a whole number" not in in_vietnamese and "số nguyên" in in_vietnamese


def test_help_and_clicks_own_words_are_vietnamese() -> None:
    _code, out, _err = run("--lang", "vi", "build", "--help", env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert "Usage:" not in out and "Options:" not in out and "--output-format" in out
    assert "Folder to write the documents" not in out
    code, _out, err = run("--lang", "vi", "build", env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert code == 2 and "Missing argument" not in err and "CAMPAIGN" in err


def test_the_language_of_one_thread_is_not_anothers() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from vbdocs import i18n
    from vbdocs.i18n import _

    def said(lang: str) -> str:
        i18n.use(lang)
        return _("is required but missing")

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(said, ["vi", "en"] * 8))
    assert set(answers[1::2]) == {"is required but missing"}
    assert len(set(answers[0::2])) == 1 and answers[0] != "is required but missing"
