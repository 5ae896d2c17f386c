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
    "impossible-day-first-date",  # 31/6/2024 is written as a day is: which days a month has, a pattern cannot say
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


#: reST markup a docstring may hold and a JSON Schema's description must not: ``code``,
#: :role:`target`, `interpreted text`.
REST = re.compile(r"``|:[a-z]+:`|`[^`]+`")
#: Letters of Vietnamese outside ASCII (ă â đ ê ô ơ ư and the tones, in either case).
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def _descriptions(node: Any, path: str = "") -> list[tuple[str, str]]:
    """Every description in a schema, with where it stands."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            found.append((path, node["description"]))
        for k, v in node.items():
            found += _descriptions(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _descriptions(v, f"{path}/{i}")
    return found


@pytest.mark.parametrize("name", ["campaign.schema.json", "units.schema.json", "document.schema.json"])
def test_every_field_is_described_in_vietnamese_then_english_without_rest_markup(name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    fields = 0
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for model in _models(definition):
            for field, spec in model.get("properties", {}).items():
                fields += 1
                vietnamese, dash, english = spec["description"].partition(" — ")
                assert dash, f"{definition['title']}.{field}: not 'Vietnamese — English'"
                assert VIETNAMESE.search(vietnamese), f"{definition['title']}.{field}: {vietnamese!r}"
                assert english and english != vietnamese, f"{definition['title']}.{field}: {english!r}"
    assert fields >= 30  # not vacuous: units has 34, campaign and document more
    for definition in [schema, *schema.get("$defs", {}).values()]:
        vietnamese, dash, english = definition["description"].partition(" — ")
        assert dash and VIETNAMESE.search(vietnamese) and english, f"{definition['title']}: {vietnamese!r}"
    for where, description in _descriptions(schema):
        assert not REST.search(description), f"{name}{where}: {description!r}"


def test_each_field_has_its_vietnamese_from_the_table_and_its_english_from_the_model() -> None:
    """One place for the Vietnamese (``descriptions_vi``), every entry used, and the English the
    model's ``Field`` and docstring say, their markup taken off."""
    import enum
    import inspect

    from pydantic import BaseModel

    from vbdocs.schema.descriptions_vi import FIELDS, MODELS, key
    from vbdocs.schema.jsonschema import SCHEMAS as FILE_MODELS
    from vbdocs.schema.jsonschema import plain

    described: dict[str, set[str]] = {}  # two models of one name (Item) stand in two schemas
    for text in json_schemas().values():
        for definition in [schema := json.loads(text), *schema.get("$defs", {}).values()]:
            for model in _models(definition):
                for field, spec in model.get("properties", {}).items():
                    described.setdefault(f"{definition['title']}.{field}", set()).add(spec["description"])
            described.setdefault(definition["title"], set()).add(definition["description"])
    used = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        used.add(key(model))
        assert f"{MODELS[key(model)]} — {plain(inspect.cleandoc(model.__doc__ or ''))}" in described[model.__name__]
        for name, info in model.model_fields.items():
            used.add(key(model, name))
            expected = f"{FIELDS[key(model, name)]} — {plain(info.description or '')}"
            assert expected in described[f"{model.__name__}.{info.alias or name}"], key(model, name)
            for inner in _types(info.annotation):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    walk(inner)
                elif isinstance(inner, type) and issubclass(inner, enum.Enum):
                    used.add(key(inner))
                    docstring = inspect.cleandoc(inner.__doc__ or "")
                    assert f"{MODELS[key(inner)]} — {docstring}" in described[inner.__name__]

    for model in FILE_MODELS.values():
        walk(model)
    assert used == set(FIELDS) | set(MODELS), f"entries for nothing: {sorted((set(FIELDS) | set(MODELS)) - used)}"


def _types(annotation: Any) -> list[Any]:
    import typing

    return [annotation, *(t for arg in typing.get_args(annotation) for t in _types(arg))]


def test_plain_takes_off_rest_markup_and_leaves_the_text() -> None:
    from vbdocs.schema.jsonschema import plain

    assert plain("Ids of the ``reports`` (see :data:`DOCUMENT_TEXT`, :func:`~vbdocs.load`)") == \
        "Ids of the reports (see DOCUMENT_TEXT, vbdocs.load)"
    assert plain('"Phong trào thi đua “*Dân vận khéo*”", [^name]') == '"Phong trào thi đua “*Dân vận khéo*”", [^name]'


#: A document file (a ward's Báo cáo), valid, and the mistakes made in it: (what is written
#: in place of what). The schema and vbdocs both refuse each of SCHEMA_DOCUMENT_ERRORS.
DOCUMENT = ("document:\n  type: Báo cáo\n  year: 2024\n  subject: Thử\n  body:\n    - Nội dung.\n"
            "  signer:\n    person: pct\n    authority: TM\n  filing:\n    unit: VP\n")
SCHEMA_DOCUMENT_ERRORS: dict[str, tuple[str, str]] = {
    "unknown-block": ("    - Nội dung.\n", "    - {bad: 1}\n"),
    "unknown-key": ("  subject: Thử\n", "  subjct: Thử\n"),
    "missing-signer": ("  signer:\n    person: pct\n    authority: TM\n", ""),
    "year-as-text": ("  year: 2024\n", "  year: '2024'\n"),
    "month-13": ("  year: 2024\n", "  year: 2024\n  month: 13\n"),
    "secrecy-not-a-level": ("  year: 2024\n", "  year: 2024\n  secrecy: Rất mật\n"),
    "urgency-not-a-level": ("  year: 2024\n", "  year: 2024\n  urgency: Gấp\n"),
    "authority-not-one": ("authority: TM", "authority: XX"),
    "width-as-text": ("    - Nội dung.\n", "    - table:\n        widths: [a]\n        rows: [[x]]\n"),
    "empty-numbered": ("    - Nội dung.\n", "    - numbered: []\n"),
    "numbered-yes-please": ("    - Nội dung.\n", "    - heading: a\n      numbered: maybe\n"),
    "page-break-false": ("    - Nội dung.\n", "    - page_break: false\n"),
    "cell-span-zero": ("    - Nội dung.\n",
                       "    - table:\n        widths: [1]\n        rows: [[{text: a, span: 0}]]\n"),
    "align-not-one": ("    - Nội dung.\n",
                      "    - table:\n        widths: [1]\n        rows: [[{text: a, align: middle}]]\n"),
    "draft-as-text": ("  year: 2024\n", "  year: 2024\n  draft: yes please\n"),
    "date-in-words": ("  year: 2024\n", "  year: 2024\n  date: 9 tháng 5 năm 2024\n"),
    "electronic-as-1": ("  year: 2024\n", "  year: 2024\n  electronic: 1\n"),
    "empty-subject": ("  subject: Thử\n", "  subject: ''\n"),
    "bad-code": ("person: pct", "person: 'p ct'"),
}
#: What vbdocs refuses and a schema cannot say: a count across a table's rows and its widths,
#: where a block stands (an Điều in an Điều, headings 5 deep), a footnote named and not written,
#: a code naming nobody of the units file, the year a draft needs.
NOT_SCHEMA_DOCUMENT_ERRORS: dict[str, tuple[str, str]] = {
    "row-wider-than-widths": ("    - Nội dung.\n", "    - table:\n        widths: [1, 1]\n        rows:\n"
                              "          - [a, b, c]\n"),
    "article-in-article": ("    - Nội dung.\n", "    - article: a\n      body:\n        - article: b\n"),
    "headings-five-deep": ("    - Nội dung.\n", "    - heading: a\n      body:\n        - heading: b\n          body:\n"
                           "            - heading: c\n              body:\n                - heading: d\n"
                           "                  body:\n                    - heading: e\n"),
    "footnote-without-text": ("    - Nội dung.\n", "    - a[^x]\n"),
    "unknown-person": ("person: pct", "person: nobody"),
    "draft-without-year": ("  year: 2024\n", ""),
}


def _document_errors(tmp_path: Path, case: tuple[str, str]) -> tuple[list[str], list[str]]:
    """What vbdocs and the schema say of the document with ``case``'s change."""
    import vbdocs

    old, new = case
    assert DOCUMENT.count(old) == 1
    shutil.copy(ROOT / "examples" / "documents" / "ubnd-phuong" / "units.yaml", tmp_path / "units.yaml")
    path = tmp_path / "doc.yaml"
    path.write_text(DOCUMENT.replace(old, new), encoding="utf-8")
    try:
        vbdocs.validate(path)
        refused = []
    except vbdocs.ConfigError as exc:
        refused = [p.message for p in exc.problems]
    return refused, _errors("document", path)


def test_the_base_document_is_valid(tmp_path: Path) -> None:
    assert _document_errors(tmp_path, ("  year: 2024\n", "  year: 2024\n")) == ([], [])


@pytest.mark.parametrize("case", sorted(SCHEMA_DOCUMENT_ERRORS))
def test_the_document_schema_refuses_what_vbdocs_refuses(case: str, tmp_path: Path) -> None:
    refused, underlined = _document_errors(tmp_path, SCHEMA_DOCUMENT_ERRORS[case])
    assert refused, f"{case}: vbdocs accepts it"
    assert underlined, f"{case}: the schema accepts what vbdocs refuses ({refused[0]})"


@pytest.mark.parametrize("case", sorted(NOT_SCHEMA_DOCUMENT_ERRORS))
def test_what_only_vbdocs_sees_in_a_document(case: str, tmp_path: Path) -> None:
    """Kept apart so that the line between the two is written down: should the schema come to
    say one of these, the case moves to SCHEMA_DOCUMENT_ERRORS."""
    refused, underlined = _document_errors(tmp_path, NOT_SCHEMA_DOCUMENT_ERRORS[case])
    assert refused, f"{case}: vbdocs accepts it"
    assert underlined == [], f"{case}: the schema says it now; move it to SCHEMA_DOCUMENT_ERRORS"
