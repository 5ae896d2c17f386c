"""Hostile files: whatever a campaign or units file turns out to be (another program's file,
a pipe, a device, an alias bomb, nesting without end), vbdocs refuses it with a located
message and exit code 2, in bounded time and memory, quoting nothing of a file that is not
ours (issue 10: nothing lost, nothing leaked, never a traceback).

The corpus in tests/hostile/ grows with each bug found; each of its files is tried as the
campaign file and as the units file a campaign names. What cannot be stored there (a FIFO,
a device, a file of megabytes) is made by the tests. Where a bug would hang or exhaust
memory, the command runs in a child process with a time limit and a memory limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vbdocs.cli import main
from vbdocs.loader import MAX_CHARACTERS, MAX_DEPTH, load_yaml

HOSTILE = Path(__file__).parent / "hostile"
BASE = Path(__file__).parent / "bad_input"

#: Every file of tests/hostile/ and what ``vbdocs validate`` says of it as the campaign file
#: and as the units file (``units: NAME`` in a valid campaign).
EXPECTED: dict[str, dict[str, list[str]]] = {
    "shadow": {
        "campaign": ["shadow: is not a vbdocs campaign file: none of its top-level keys is units, campaign, "
                     "plan, letters, reports or forms"],
        "units": ["shadow: is not a vbdocs units file: none of its top-level keys is agency, units, groups, "
                  "people or bodies"],
    },
    "recursive-anchor.yaml": {
        kind: ["recursive-anchor.yaml:1:8: the alias *a refers to the value that contains it "
               "(a value cannot contain itself)"]
        for kind in ("campaign", "units")
    },
    "recursive-anchor-mapping.yaml": {
        kind: ["recursive-anchor-mapping.yaml:4:14: the alias *s refers to the value that contains it "
               "(a value cannot contain itself)"]
        for kind in ("campaign", "units")
    },
    "deep-flow-sequence.yaml": {
        kind: [f"deep-flow-sequence.yaml:1:{MAX_DEPTH + 1}: nests lists and mappings more than {MAX_DEPTH} "
               "levels deep; refused"]
        for kind in ("campaign", "units")
    },
    "deep-flow-mapping.yaml": {
        kind: [f"deep-flow-mapping.yaml:1:{4 * MAX_DEPTH + 1}: nests lists and mappings more than {MAX_DEPTH} "
               "levels deep; refused"]
        for kind in ("campaign", "units")
    },
    "deep-block-sequence.yaml": {
        kind: [f"deep-block-sequence.yaml:1:{2 * MAX_DEPTH + 1}: nests lists and mappings more than {MAX_DEPTH} "
               "levels deep; refused"]
        for kind in ("campaign", "units")
    },
    "duplicate-anchor.yaml": {
        kind: ["duplicate-anchor.yaml:3:7: YAML syntax error: the anchor &n is written twice (first at line 2)"]
        for kind in ("campaign", "units")
    },
    "undefined-alias.yaml": {
        kind: ["undefined-alias.yaml:2:11: YAML syntax error: found undefined alias 'nowhere'"]
        for kind in ("campaign", "units")
    },
}


def _folder(tmp_path: Path, units: str) -> Path:
    """A copy of the valid small campaign whose ``units:`` names ``units``."""
    folder = tmp_path / "c"
    shutil.copytree(BASE, folder)
    campaign = folder / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(text.replace("units: units.yaml", f"units: {units}", 1), encoding="utf-8")
    return folder


def _validate(folder: Path, campaign: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["validate", campaign])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return result.stderr.splitlines()


#: ``vbdocs`` in a child process that may use 1 GiB of memory at most.
_LIMITED = (
    "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    "from vbdocs.cli import main; main()"
)


def _run_limited(args: list[str], cwd: Path, *, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``vbdocs ARGS`` in a child process with a time limit, a memory limit and an
    environment of one variable (LC_ALL=C.UTF-8); return it and the seconds it took."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _LIMITED, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env={"LC_ALL": "C.UTF-8"},
    )
    return result, time.perf_counter() - start


def test_every_file_of_the_corpus_has_its_messages() -> None:
    assert {p.name for p in HOSTILE.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_as_campaign(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(HOSTILE / name, tmp_path / name)
    assert _validate(tmp_path, name, monkeypatch) == EXPECTED[name]["campaign"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_as_units(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, name)
    shutil.copy(HOSTILE / name, folder / name)
    assert _validate(folder, "campaign.yaml", monkeypatch) == EXPECTED[name]["units"]


def test_a_file_that_is_not_ours_is_never_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, "shadow")
    shutil.copy(HOSTILE / "shadow", folder / "shadow")
    said = "\n".join(_validate(folder, "campaign.yaml", monkeypatch))
    for line in (HOSTILE / "shadow").read_text(encoding="utf-8").splitlines():
        name, password = line.split(":")[:2]
        assert name not in said
        assert password == "*" or password not in said


# -- control characters written raw in a file ----------------------------------------------------

#: The characters a YAML file may not hold raw: C0 controls but tab, newline and carriage
#: return; DEL and the C1 controls (NEL, which YAML 1.1 takes for a line break, included);
#: U+FFFE and U+FFFF.
RAW_FORBIDDEN = [
    *range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF,
]


def test_every_forbidden_character_written_raw_is_refused_at_its_place(tmp_path: Path) -> None:
    assert len(RAW_FORBIDDEN) == 64
    path = tmp_path / "f.yaml"
    for code in RAW_FORBIDDEN:
        path.write_text(f"a: 1\nb: [x, y{chr(code)}z]\n", encoding="utf-8")
        try:
            load_yaml(path, "f.yaml")
        except Exception as exc:
            said = str(exc)
        else:
            said = "accepted"
        name = "noncharacter" if code >= 0xFFFE else "control character"
        assert said == f"f.yaml:2:9: contains the {name} U+{code:04X}, which a document cannot hold; delete it"


def test_tab_newline_and_carriage_return_stay_allowed(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: \"x\ty\"\r\nb: |\r\n  one\r\n  two\r\n")
    assert load_yaml(path).data == {"a": "x\ty", "b": "one\ntwo\n"}


# -- an alias bomb of text ------------------------------------------------------------------------

def _string_bomb(folder: Path, size: int, uses: int) -> int:
    """Write ``items: [&s xxx…, *s, *s, …]`` (line 23); return the column of the first ``*s``."""
    campaign = folder / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    old = "      items:\n        - Nâng cao nhận thức.\n"
    assert text.count(old) == 1
    start = "      items: [&s "
    campaign.write_text(text.replace(old, f"{start}{'x' * size}{', *s' * uses}]\n"), encoding="utf-8")
    return len(start) + size + len(", ") + 1


def test_a_long_text_aliased_many_times_is_refused_quickly(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "units.yaml")
    first_alias = _string_bomb(folder, 1_500_000, 100_000)
    assert 1_800_000 < (folder / "campaign.yaml").stat().st_size < 2 * 1024 * 1024
    result, seconds = _run_limited(["validate", "campaign.yaml"], folder)
    assert (result.returncode, result.stdout) == (2, "")
    # The text written once and used twice holds 4.5 million characters, more than the bound.
    assert result.stderr.splitlines() == [
        f"campaign.yaml:23:{first_alias + len(', *s')}: expands to more than {MAX_CHARACTERS} characters of text "
        "(an alias bomb?); refused",
    ]
    assert seconds < 30


def test_a_long_text_used_within_the_bound_is_kept(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "units.yaml")
    _string_bomb(folder, MAX_CHARACTERS // 4, 1)
    items = load_yaml(folder / "campaign.yaml").data["plan"]["sections"][0]["items"]
    assert [len(item) for item in items] == [MAX_CHARACTERS // 4] * 2


# -- what is not a regular file -------------------------------------------------------------------

def test_a_fifo_never_blocks(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "pipe.yaml")
    os.mkfifo(folder / "pipe.yaml")
    as_campaign, _ = _run_limited(["validate", "pipe.yaml"], folder, timeout=20)
    as_units, _ = _run_limited(["validate", "campaign.yaml"], folder, timeout=20)
    assert (as_campaign.returncode, as_campaign.stderr) == (
        2, "pipe.yaml: is a named pipe (FIFO), not a regular file\n",
    )
    assert (as_units.returncode, as_units.stderr) == (
        2, "campaign.yaml:1:8: units: the units file pipe.yaml is a named pipe (FIFO), not a regular file\n",
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "/dev/zero")
    as_campaign, _ = _run_limited(["validate", "/dev/zero"], folder, timeout=20)
    as_units, _ = _run_limited(["validate", "campaign.yaml"], folder, timeout=20)
    assert (as_campaign.returncode, as_campaign.stderr) == (2, "/dev/zero: is a device, not a regular file\n")
    assert (as_units.returncode, as_units.stderr) == (
        2, "campaign.yaml:1:8: units: the units file /dev/zero is a device, not a regular file\n",
    )


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_proc_file_is_read_for_what_it_holds(tmp_path: Path) -> None:
    # /proc files report a size of 0; this one holds the child's environment, "LC_ALL=C.UTF-8\0".
    folder = _folder(tmp_path, "/proc/self/environ")
    as_campaign, _ = _run_limited(["validate", "/proc/self/environ"], folder, timeout=20)
    as_units, _ = _run_limited(["validate", "campaign.yaml"], folder, timeout=20)
    message = ("/proc/self/environ:1:15: contains the control character U+0000, which a document cannot hold; "
               "delete it\n")
    assert (as_campaign.returncode, as_campaign.stderr) == (2, message)
    assert (as_units.returncode, as_units.stderr) == (2, message)


def test_a_name_too_long_for_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "x" * 5000
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", name])
    assert (result.exit_code, result.stderr) == (2, f"{name}: cannot be read: File name too long\n")
    folder = _folder(tmp_path, name)
    assert _validate(folder, "campaign.yaml", monkeypatch) == [
        f"campaign.yaml:1:8: units: the units file '{'x' * 39}…' cannot be read: File name too long",
    ]
