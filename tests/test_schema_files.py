"""The JSON Schemas shipped for editors are those the models generate, and they say what
vbdocs accepts (issue 11, item 10): an editor checking a file with them underlines no
line of a valid file, and underlines what vbdocs refuses as a matter of form."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.bad_input_cases import CASES
from tests.conftest import CONFIG, ROOT
from vbdocs.rendering import BUILTIN_TEMPLATES
from vbdocs.schema.jsonschema import DOCUMENT_TEXT, json_schemas
from vbdocs.vn.text import forbidden_character

SCHEMAS = BUILTIN_TEMPLATES.parent / "schemas"
BAD_INPUT = ROOT / "tests" / "bad_input"


def test_shipped_schemas_are_up_to_date() -> None:
    for name, text in json_schemas().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"run: vbdocs schema -o vbdocs/schemas ({name})"


def _models(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas of a definition, including those offered as one of several forms."""
    return [node, *(m for option in node.get("anyOf", []) for m in _models(option))]


def test_every_field_has_a_description() -> None:
    for text in json_schemas().values():
        schema = json.loads(text)
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for model in _models(definition):
                for field, spec in model.get("properties", {}).items():
                    assert spec.get("description"), f"{definition.get('title')}.{field} has no description"


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _as_an_editor_reads(node: Any) -> Any:
    """YAML as an editor's language server checks it: a date is the text written, YYYY-MM-DD."""
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, dict):
        return {key: _as_an_editor_reads(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_an_editor_reads(value) for value in node]
    return node


def _errors(kind: str, path: Path) -> list[str]:
    data = _as_an_editor_reads(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [f"{path.name}: {'.'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in _validator(kind).iter_errors(data)]


@pytest.mark.parametrize(("kind", "path"), [
    ("campaign", CONFIG / "campaign_2024.yaml"),
    ("units", CONFIG / "units.yaml"),
    ("campaign", ROOT / "examples" / "campaign_2023.yaml"),
    ("campaign", BAD_INPUT / "campaign.yaml"),
    ("units", BAD_INPUT / "units.yaml"),
    *(("units" if p.name == "units.yaml" else "document", p)
      for p in sorted((ROOT / "examples" / "documents").rglob("*.yaml"))),
], ids=lambda p: p if isinstance(p, str) else f"{p.parent.name}/{p.name}")
def test_the_projects_files_are_valid(kind: str, path: Path) -> None:
    assert _errors(kind, path) == []


def test_a_duty_is_a_text_or_a_mapping() -> None:
    """What ``Duty`` reads, written as vbdocs reads it, and nothing else."""
    campaign = _validator("campaign")
    resolved = campaign.evolve(schema={"$defs": campaign.schema["$defs"], "$ref": "#/$defs/Duty"})
    assert resolved.is_valid("Theo dõi, tổng hợp.")
    assert resolved.is_valid({"text": "Báo cáo kết quả về Sở", "reports": ["q2"]})
    assert not resolved.is_valid("")
    assert not resolved.is_valid(7)
    assert not resolved.is_valid(["Theo dõi"])
    assert not resolved.is_valid({"reports": ["q2"]})
    assert not resolved.is_valid({"text": "Báo cáo", "deadline": "2024-06-20"})


def test_the_text_pattern_refuses_exactly_the_characters_vbdocs_refuses() -> None:
    pattern = re.compile(DOCUMENT_TEXT)
    for code in [*range(0x10000), 0x1F600, 0x10FFFF]:
        text = f"a{chr(code)}b"
        assert (pattern.search(text) is not None) == (forbidden_character(text) is None), f"U+{code:04X}"


#: The bad inputs whose problem is one of form, which a JSON Schema says: a value of the
#: wrong type, out of range or not one of those allowed, a key unknown or missing, an
#: empty text or list, a date not written YYYY-MM-DD, a character no document can hold.
SCHEMA_ERRORS = {
    "wrong-type-year", "wrong-type-items", "wrong-type-number", "number-zero", "unknown-key-typo",
    "unknown-key-units", "unknown-key-control-characters", "unknown-key-long", "missing-opening",
    "missing-campaign", "missing-signer", "empty-items", "empty-text", "date-as-text", "bad-authority",
    "bad-unit-kind", "bad-abbreviation", "bad-code", "control-character", "escaped-c1-in-connector",
    "escaped-del-in-connector", "escaped-control-at-the-end", "escaped-noncharacter", "escaped-surrogate",
    # the top level is not a mapping of keys: empty, a list, another program's file
    "empty-file", "only-comments", "list-at-top", "not-a-campaign-file", "not-a-units-file",
    # the units file the campaign names is a campaign file
    "units-file-is-a-campaign",
}

#: The others, and why a schema cannot see them.
NOT_SCHEMA_ERRORS = {
    # the YAML cannot be read, or is refused before its values are looked at
    "syntax-unclosed-list", "syntax-colon-in-text", "syntax-bad-indent", "tab-indentation", "not-utf8",
    "directory", "too-large", "alias-bomb", "custom-tag", "merge-key", "two-documents", "duplicate-key",
    "recursive-anchor", "deep-nesting", "raw-control-character", "raw-next-line",
    "impossible-date",  # yaml.safe_load cannot read 2024-02-31 (an editor would see a text, refused by format: date)
    # codes that must name something in the files, and checks across values
    "duplicate-unit-code", "unknown-person", "unknown-unit", "unknown-body", "unknown-report",
    "unknown-filing-unit", "recipient-both", "recipient-neither", "deadline-before-plan",
    "deadline-other-year", "plan-other-year",
    # the markup inside a text
    "unclosed-italic",
    # the units file named is not a file that can be read
    "missing-units-file", "units-file-is-a-folder", "units-file-name-with-nul",
}


def test_every_bad_input_is_sorted() -> None:
    assert not SCHEMA_ERRORS & NOT_SCHEMA_ERRORS
    assert set(CASES) == SCHEMA_ERRORS | NOT_SCHEMA_ERRORS


def _folder_errors(folder: Path) -> list[str]:
    """What the schemas say of the campaign file of a folder and of the units file it names."""
    campaign = folder / "campaign.yaml"
    named = yaml.safe_load(campaign.read_text(encoding="utf-8"))
    units = folder / (named.get("units", "units.yaml") if isinstance(named, dict) else "units.yaml")
    return _errors("campaign", campaign) + _errors("units", units)


@pytest.mark.parametrize("case", sorted(SCHEMA_ERRORS))
def test_the_schemas_refuse_a_bad_input(case: str, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    shutil.copytree(BAD_INPUT, folder)
    assert _folder_errors(folder) == [], "the base campaign is valid"
    CASES[case](folder)
    assert _folder_errors(folder), f"{case}: the schemas accept what vbdocs refuses"


@pytest.mark.parametrize(("line", "written"), [
    ("  year: 2024\n", '  year: "2024"\n'),
    ("  year: 2024\n", "  year: true\n"),
    ("  number: 7\n", '  number: "7"\n'),
    ("        - Nâng cao nhận thức.\n", "        - text: Nâng cao nhận thức.\n          reported: yes please\n"),
    ("        - Nâng cao nhận thức.\n", '        - text: Nâng cao nhận thức.\n          reported: "true"\n'),
    ("        - Nâng cao nhận thức.\n", "        - text: Nâng cao nhận thức.\n          reported: 1\n"),
])
def test_vbdocs_refuses_what_the_schema_underlines(line: str, written: str, tmp_path: Path) -> None:
    """A number or a yes/no written as a text ("7", "true") or in another type (2024.0, 1):
    pydantic alone would convert it, an editor with the schema underlines it; vbdocs refuses
    it too, with the field's line (issue 11, item 10)."""
    import vbdocs

    folder = tmp_path / "c"
    shutil.copytree(BAD_INPUT, folder)
    campaign = folder / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    assert text.count(line) == 1
    campaign.write_text(text.replace(line, written), encoding="utf-8")
    assert _folder_errors(folder), "the schema accepts it"
    with pytest.raises(vbdocs.ConfigError) as info:
        vbdocs.validate(campaign)
    assert [p.message for p in info.value.problems] in (["must be a whole number"], ["must be true or false"])


def test_a_whole_number_with_a_point_is_a_whole_number(tmp_path: Path) -> None:
    """To a JSON Schema 2024.0 is an integer: vbdocs takes it as the schema does."""
    import vbdocs

    folder = tmp_path / "c"
    shutil.copytree(BAD_INPUT, folder)
    campaign = folder / "campaign.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("  year: 2024\n", "  year: 2024.0\n"),
                        encoding="utf-8")
    assert _folder_errors(folder) == []
    assert vbdocs.load(campaign).campaign.campaign.year == 2024
