"""Bad input: every case of the corpus gets its exact, located message and exit code 2,
with no traceback and nothing written (issue: clear errors, nothing half-written).

The messages were read one by one when the corpus was made; a change to one is a
change a clerk sees, so it must be made here on purpose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.bad_input_cases import CASES
from vbdocs.cli import main

BASE = Path(__file__).parent / "bad_input"

EXPECTED: dict[str, list[str]] = {
    'syntax-unclosed-list': [
        "campaign.yaml:32:10: YAML syntax error: a [ or { is not closed, or a , is missing between items",
    ],
    'syntax-colon-in-text': [
        'campaign.yaml:20:57: YAML syntax error: a ": " where no value can start: check this line\'s indentation, and put a text that holds ": " or ends with ":" in quotes',
    ],
    'syntax-bad-indent': [
        'campaign.yaml:4:8: YAML syntax error: a ": " where no value can start: check this line\'s indentation, and put a text that holds ": " or ends with ":" in quotes',
    ],
    'tab-indentation': [
        'campaign.yaml:4:1: YAML syntax error: a tab character is not allowed for indentation in YAML; indent with spaces',
    ],
    'wrong-type-year': [
        'campaign.yaml:4:9: campaign.year: must be a whole number',
    ],
    'wrong-type-items': [
        'campaign.yaml:23:14: plan.sections[0].items: must be a list (lines starting with "- ")',
    ],
    'wrong-type-number': [
        'campaign.yaml:11:11: plan.number: must be a whole number',
    ],
    'number-zero': [
        'campaign.yaml:11:11: plan.number: must be at least 1',
    ],
    'unknown-key-typo': [
        'campaign.yaml:11:3: plan.subject: is required but missing',
        "campaign.yaml:13:3: plan.subjct: unknown key 'subjct' (did you mean 'subject'?)",
    ],
    'unknown-key-units': [
        "units.yaml:5:3: agency.province: unknown key 'province'",
    ],
    'missing-opening': [
        'campaign.yaml:11:3: plan.opening: is required but missing',
    ],
    'missing-campaign': [
        'campaign.yaml:1:1: campaign: is required but missing',
    ],
    'missing-signer': [
        'campaign.yaml:11:3: plan.signer: is required but missing',
    ],
    'empty-items': [
        'campaign.yaml:23:14: plan.sections[0].items: must have at least 1 item(s)',
    ],
    'empty-text': [
        'campaign.yaml:24:11: plan.sections[0].items[0]: must not be empty',
    ],
    'duplicate-key': [
        "campaign.yaml:5:3: campaign.year: duplicate key 'year' (first written at line 4); YAML would silently keep only the last one",
    ],
    'duplicate-unit-code': [
        "units.yaml:12:11: units[1].code: the code 'VP' is already used at line 7",
    ],
    'impossible-date': [
        'campaign.yaml:9:15: reports[0].deadline: cannot read this value: day is out of range for month',
    ],
    'date-as-text': [
        'campaign.yaml:9:15: reports[0].deadline: must be a date, written 09/5/2025 (day/month/year) or 2025-05-09',
    ],
    'impossible-day-first-date': [
        'campaign.yaml:9:15: reports[0].deadline: 31/6/2024 is not a day of the calendar (day/month/year)',
    ],
    'deadline-before-plan': [
        "campaign.yaml:9:15: reports[0].deadline: the deadline is before the plan's date",
    ],
    'deadline-other-year': [
        "campaign.yaml:9:15: reports[0].deadline: the deadline falls in 2025, outside the campaign's year 2024",
    ],
    'plan-other-year': [
        'campaign.yaml:12:9: plan.date: the plan is dated 2023, but the campaign is for 2024',
    ],
    'unknown-person': [
        "campaign.yaml:37:13: plan.signer.person: no person with the code 'binh' in the units file",
    ],
    'unknown-unit': [
        "campaign.yaml:27:15: plan.implementation.assignments[0].unit: no unit or group with the code 'VPP' in the units file (did you mean 'VP'?)",
    ],
    'unknown-body': [
        "campaign.yaml:18:15: plan.legal_bases[0].issuer: no body with the code 'ubnd_tinh' in the units file (did you mean 'ubnd'?)",
    ],
    'unknown-report': [
        "campaign.yaml:31:23: plan.implementation.assignments[0].duties[1].reports[0]: no report with the id 'q3' in this file's reports (nor a registration form with that id and a deadline)",
    ],
    'unknown-filing-unit': [
        "campaign.yaml:39:11: plan.filing.unit: no unit with the code 'VT' in the units file",
    ],
    'recipient-both': [
        "campaign.yaml:34:7: plan.recipients[0]: give either 'to' (a code) or 'text', not both and not neither",
    ],
    'recipient-neither': [
        "campaign.yaml:34:7: plan.recipients[0]: give either 'to' (a code) or 'text', not both and not neither",
    ],
    'bad-authority': [
        "campaign.yaml:38:16: plan.signer.authority: must be one of 'own', 'KT', 'TM', 'Q', 'TL' or 'TUQ'",
    ],
    'bad-unit-kind': [
        "units.yaml:10:11: units[0].kind: must be one of 'office', 'inspectorate', 'specialised' or 'affiliated'",
    ],
    'bad-abbreviation': [
        'units.yaml:3:17: agency.abbreviation: must be an abbreviation: letters, digits and ".", starting with a letter, no spaces',
    ],
    'bad-code': [
        'units.yaml:13:9: people[0].id: must be a code: letters, digits, "_" and "-", starting with a letter, no spaces',
    ],
    'unclosed-italic': [
        "campaign.yaml:24:11: plan.sections[0].items[0]: the italic mark '*' at character 10 is never closed (write \\* for a literal asterisk)",
    ],
    'control-character': [
        'campaign.yaml:24:11: plan.sections[0].items[0]: contains the control character U+000B at character 9, which a document cannot hold; delete it',
    ],
    'empty-file': [
        'campaign.yaml: is empty',
    ],
    'only-comments': [
        'campaign.yaml: is empty',
    ],
    'list-at-top': [
        'campaign.yaml:1:1: must be a mapping of keys to values at the top',
    ],
    'not-utf8': [
        'campaign.yaml:3:17: is not UTF-8 text (save it as UTF-8 in your editor)',
    ],
    'directory': [
        'campaign.yaml: is a folder, not a YAML file',
    ],
    'missing-units-file': [
        'campaign.yaml:1:8: units: the units file donvi.yaml does not exist',
    ],
    'units-file-is-a-campaign': [
        'campaign.yaml:1:1: agency: is required but missing',
        'campaign.yaml:1:8: units: must be a list (lines starting with "- ")',
        "campaign.yaml:2:1: campaign: unknown key 'campaign'",
        "campaign.yaml:5:1: reports: unknown key 'reports'",
        "campaign.yaml:10:1: plan: unknown key 'plan'",
    ],
    'alias-bomb': [
        'campaign.yaml:6:8: expands to more than 200000 values (an alias bomb?); refused',
    ],
    'custom-tag': [
        'campaign.yaml:3:9: campaign.name: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed in vbdocs files',
    ],
    'merge-key': [
        'campaign.yaml:3:3: campaign: merge keys (<<) are not supported; write the values out',
        'campaign.yaml:3:3: campaign.name: is required but missing',
    ],
    'two-documents': [
        'campaign.yaml:3:1: holds more than one YAML document',
    ],
    'too-large': [
        'campaign.yaml: is 2097155 bytes; vbdocs reads files up to 2097152 bytes',
    ],
    'not-a-campaign-file': [
        'campaign.yaml: is not a vbdocs campaign file: none of its top-level keys is units, campaign, plan, letters, reports or forms',
    ],
    'not-a-units-file': [
        'shadow: is not a vbdocs units file: none of its top-level keys is agency, units, groups, people or bodies',
    ],
    'units-file-is-a-folder': [
        'campaign.yaml:1:8: units: the units file . is a folder, not a YAML file',
    ],
    'units-file-name-with-nul': [
        "campaign.yaml:1:8: units: the units file 'units\\x00.yaml' cannot be read: its name holds a character no file name can hold",
    ],
    'unknown-key-control-characters': [
        "campaign.yaml:12:3: plan['\\x1b[2J\\x07']: unknown key '\\x1b[2J\\x07'",
    ],
    'unknown-key-long': [
        "campaign.yaml:12:5: plan['kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…']: unknown key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…'",
    ],
    'raw-control-character': [
        'campaign.yaml:24:19: contains the control character U+0007, which a document cannot hold; delete it',
    ],
    'raw-next-line': [
        'campaign.yaml:24:19: contains the control character U+0085, which a document cannot hold; delete it',
    ],
    'escaped-c1-in-connector': [
        'campaign.yaml:19:18: plan.legal_bases[0].connector: contains the control character U+0085 at character 1, which a document cannot hold; delete it',
    ],
    'escaped-del-in-connector': [
        'campaign.yaml:19:18: plan.legal_bases[0].connector: contains the control character U+007F at character 3, which a document cannot hold; delete it',
    ],
    'escaped-control-at-the-end': [
        'campaign.yaml:24:11: plan.sections[0].items[0]: contains the control character U+000C at character 20, which a document cannot hold; delete it',
    ],
    'escaped-noncharacter': [
        'campaign.yaml:24:11: plan.sections[0].items[0]: contains the noncharacter U+FFFE at character 9, which a document cannot hold; delete it',
    ],
    'escaped-surrogate': [
        'campaign.yaml:24:11: plan.sections[0].items[0]: contains the lone surrogate U+D800 at character 9, which a document cannot hold; delete it',
    ],
    'recursive-anchor': [
        'campaign.yaml:23:18: the alias *i refers to the value that contains it (a value cannot contain itself)',
    ],
    'deep-nesting': [
        'campaign.yaml:31:115: nests lists and mappings more than 100 levels deep; refused',
    ],
}


def test_the_corpus_is_large_and_each_case_has_its_message() -> None:
    assert len(CASES) >= 40
    assert set(CASES) == set(EXPECTED)


def test_the_base_campaign_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BASE, tmp_path / "c")
    monkeypatch.chdir(tmp_path / "c")
    result = CliRunner().invoke(main, ["build", "campaign.yaml", "-o", "out"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "c"
    shutil.copytree(BASE, folder)
    CASES[case](folder)
    monkeypatch.chdir(folder)
    for command in (["validate", "campaign.yaml"], ["build", "campaign.yaml", "-o", "out"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == EXPECTED[case]
        assert not (folder / "out").exists(), "nothing written"
