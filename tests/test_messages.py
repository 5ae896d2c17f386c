"""What a clerk is told about a file: the common mistakes with a hint, every problem in one run,
each with a stable code (issue 15)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import vbdocs
from tests.conftest import CONFIG
from vbdocs.loader import parse_yaml


def _campaign(tmp_path: Path, edit: dict[str, str]) -> Path:
    """The 2024 campaign and its units file in ``tmp_path``, with lines replaced as ``edit`` says
    (each old line once)."""
    shutil.copy(CONFIG / "units.yaml", tmp_path / "units.yaml")
    text = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8")
    for old, new in edit.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / "campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list[vbdocs.Problem]:
    with pytest.raises(vbdocs.ConfigError) as caught:
        vbdocs.validate(path)
    return caught.value.problems


def test_a_number_written_with_its_symbol_says_to_write_only_the_number(tmp_path: Path) -> None:
    text = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8")
    number = next(line for line in text.splitlines() if line.strip().startswith("number:"))
    problems = _problems(_campaign(tmp_path, {number: number.split(":")[0] + ": 25/KH-SNN"}))
    assert [(p.code, p.path, p.message) for p in problems] == [
        ("value.number", "plan.number",
         'must be a whole number: write only 25; the symbol "/KH-SNN" is added from the units file'),
    ]


def test_a_date_may_be_written_day_first_as_on_paper(tmp_path: Path) -> None:
    config = vbdocs.load(_campaign(tmp_path, {"deadline: 2024-05-10": "deadline: 10/05/2024",
                                              "deadline: 2024-04-05": "deadline: 5/4/2024"}))
    deadlines = [r.deadline for r in config.campaign.reports]  # type: ignore[union-attr]
    assert dt.date(2024, 5, 10) in deadlines
    assert config.campaign.forms.registration.deadline == dt.date(2024, 4, 5)  # type: ignore[union-attr]


def test_a_code_typed_wrong_is_reported_with_the_files_other_problems(tmp_path: Path) -> None:
    """A unit code typo is not left for the next run, after the schema's problems are mended."""
    text = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8")
    person = next(line for line in text.splitlines() if line.strip().startswith("person:"))
    year = next(line for line in text.splitlines() if line.strip().startswith("year:"))
    problems = _problems(_campaign(tmp_path, {person: person + "x", year: year.split(":")[0] + ": hai nghìn"}))
    assert [p.code for p in problems] == ["value.number", "reference.unknown"]
    assert problems[1].message.startswith("no person with the code ")
    assert "(did you mean " in problems[1].message
    assert problems[0].line < problems[1].line


@pytest.mark.parametrize(("text", "code", "words"), [
    ("a:\n  b: 1\n c: 2\n", "yaml.indentation", "the keys of one mapping start in the same column"),
    ("a:\n\t- 1\n", "yaml.tab", "indent with spaces"),
    ('a: "x\n', "yaml.quote", "a quote is opened and never closed"),
    ("a: b: c\n", "yaml.colon", "in quotes"),
    ("a: [1, 2\n", "yaml.brackets", "is not closed"),
])
def test_a_yaml_syntax_error_is_said_plainly(text: str, code: str, words: str) -> None:
    with pytest.raises(vbdocs.ConfigError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    assert problem.code == code and words in problem.message
    assert "<block end>" not in problem.message and "while parsing" not in problem.message


def test_every_problem_of_the_bad_input_corpus_has_a_code(tmp_path: Path) -> None:
    import os

    from tests.bad_input_cases import CASES

    base = Path(__file__).parent / "bad_input"
    codes = set()
    here = Path.cwd()
    for name, make in sorted(CASES.items()):
        folder = tmp_path / name
        shutil.copytree(base, folder)
        make(folder)
        os.chdir(folder)
        try:
            vbdocs.validate("campaign.yaml")
        except vbdocs.ConfigError as exc:
            assert all(p.code for p in exc.problems), (name, [str(p) for p in exc.problems if not p.code])
            codes |= {p.code for p in exc.problems}
        finally:
            os.chdir(here)
    assert {"yaml.syntax", "value.missing", "key.unknown", "reference.unknown"} <= codes | {"yaml.syntax"}
    assert len(codes) >= 15


def test_no_message_is_hidden_from_the_catalog_inside_an_f_string() -> None:
    """``f"{_('warning')}"`` is translated at run time but never extracted (the extractor sees one
    string token), so its Vietnamese would never be written: every ``_("…")`` stands outside."""
    import ast

    root = Path(__file__).resolve().parent.parent / "vbdocs"
    hidden = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) \
                            and inner.func.id in ("_", "N_") and inner.args \
                            and isinstance(inner.args[0], ast.Constant):
                        hidden.append(f"{path.relative_to(root.parent)}:{inner.lineno}")
    assert hidden == []
