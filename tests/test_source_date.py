"""SOURCE_DATE_EPOCH: honoured when it is a date a file can hold, an error otherwise,
never silently ignored (issue 10, item 15)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CONFIG, without_warnings
from vbdocs.cli import main

_RULE = ("it must be a whole number of seconds since 1970-01-01 UTC, at most 4354819198 (the end of 2107)")


@pytest.mark.parametrize("value", ["abc", "-1", "1e9", " 1709251200", "١٧٠٩٢٥١٢٠٠", "253402300800", "4354819200",
                                   "9" * 400])
def test_a_malformed_source_date_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out), "--only", "plan"])
    assert result.exit_code == 2, result.output
    shown = value if len(value) <= 40 else value[:40] + "…"
    assert without_warnings(result.stderr) == f"SOURCE_DATE_EPOCH: is {shown!r}; {_RULE}\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not out.exists()


@pytest.mark.parametrize(("value", "stamp"), [("1709251200", (2024, 3, 1, 0, 0, 0)), ("0", (1980, 1, 1, 0, 0, 0)),
                                              ("", (2024, 1, 1, 0, 0, 0))])
def test_a_good_source_date_is_the_date_of_every_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str,
                                                       stamp: tuple[int, ...]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out), "--only", "plan"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "ke-hoach-2024.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {stamp}
