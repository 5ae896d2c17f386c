"""The command line, run in-process: outputs, manifest, exit codes, nothing half-written."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import CONFIG
from vbdocs.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_the_plan_and_its_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out))
    assert code == 0 and stderr.count(" warning: ") == 1 and "reports[1].deadline" in stderr  # see test_warnings
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert manifest[:2] == [
        {"kind": kind, "path": name, "sha256": hashlib.sha256((out / name).read_bytes()).hexdigest(), "type": type_}
        for kind, name, type_ in [("plan", "ke-hoach-2024.docx", "Kế hoạch"),
                                  ("directive_letter", "cong-van-trien-khai-ke-hoach.docx", "Công văn")]
    ]
    for entry in manifest:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert stdout == f"wrote {len(manifest)} files into {out}; its manifest lists {len(manifest)}\n"
    assert sorted(p.name for p in out.iterdir()) == sorted([e["path"] for e in manifest] + ["manifest.json"])


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "a"))
    run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path / "b"))
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 37
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_source_date_epoch_sets_the_document_dates(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709251200")  # 2024-03-01
    run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(tmp_path))
    with zipfile.ZipFile(tmp_path / "ke-hoach-2024.docx") as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(2024, 3, 1, 0, 0, 0)}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-01T00:00:00Z</dcterms:created>" in core


def test_invalid_input_exits_2_and_writes_nothing(tmp_path: Path, config_copy: Path) -> None:
    campaign = config_copy / "campaign_2024.yaml"
    text = campaign.read_text(encoding="utf-8")
    line = text.splitlines().index("  year: 2024") + 1
    campaign.write_text(text.replace("  year: 2024", "  yeer: 2024"), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run("build", str(campaign), "-o", str(out))
    assert code == 2 and stdout == ""
    assert stderr.splitlines() == [
        f"{campaign}:{line - 1}:3: campaign.year: is required but missing",
        f"{campaign}:{line}:3: campaign.yeer: unknown key 'yeer' (did you mean 'year'?)",
    ]
    assert not out.exists()


def test_failed_build_leaves_the_previous_output(tmp_path: Path, config_copy: Path) -> None:
    out = tmp_path / "out"
    assert run("build", str(config_copy / "campaign_2024.yaml"), "-o", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    campaign = config_copy / "campaign_2024.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("person: nguyen_quang_trung", "person: x"),
                        encoding="utf-8")
    assert run("build", str(campaign), "-o", str(out))[0] == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_validate(config_copy: Path) -> None:
    code, stdout, _ = run("validate", str(config_copy / "campaign_2024.yaml"))
    assert (code, stdout) == (0, f"{config_copy / 'campaign_2024.yaml'}: valid\n")
    code, _, stderr = run("validate", str(config_copy / "missing.yaml"))
    assert (code, stderr) == (2, f"{config_copy / 'missing.yaml'}: no such file\n")


def test_usage_error_exits_2() -> None:
    code, _, stderr = run("build", str(CONFIG / "campaign_2024.yaml"))
    assert code == 2 and "Missing option '-o'" in stderr


def test_user_template_folder_overrides_the_builtin(tmp_path: Path) -> None:
    import zipfile

    from vbdocs.rendering import BUILTIN_TEMPLATES

    folder = tmp_path / "templates"
    folder.mkdir()
    with zipfile.ZipFile(BUILTIN_TEMPLATES / "document.docx") as src, \
            zipfile.ZipFile(folder / "document.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace("Nơi nhận:".encode(), "Nơi nhận (bản của sở):".encode())
            dst.writestr(item, data)
    out = tmp_path / "out"
    assert run("build", str(CONFIG / "campaign_2024.yaml"), "-o", str(out), "-t", str(folder))[0] == 0
    with zipfile.ZipFile(out / "ke-hoach-2024.docx") as z:
        assert "Nơi nhận (bản của sở):" in z.read("word/document.xml").decode()


def test_schema_command_writes_both_schemas(tmp_path: Path) -> None:
    code, _, _ = run("schema", "-o", str(tmp_path))
    assert code == 0
    schema = json.loads((tmp_path / "campaign.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert "plan" in schema["properties"]


def test_help_lists_the_commands() -> None:
    code, stdout, _ = run("--help")
    assert code == 0
    for command in ("build", "validate", "schema"):
        assert command in stdout


def test_examples_folder_is_independent(tmp_path: Path) -> None:
    """A campaign copied anywhere with its units file builds (paths are relative to it)."""
    target = tmp_path / "elsewhere"
    shutil.copytree(CONFIG, target)
    assert run("build", str(target / "campaign_2024.yaml"), "-o", str(tmp_path / "o"))[0] == 0
