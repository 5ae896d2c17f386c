"""``vbdocs init`` and ``vbdocs templates export``: the files an office starts its own repository
with (issue 15, item 5). The skeleton is valid as written, its editor modelines point at the
schemas written beside it, and nothing already there is replaced or left half-written."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from lxml import etree

from tests.conftest import CONFIG
from vbdocs.cli import main
from vbdocs.rendering import BUILTIN_TEMPLATES
from vbdocs.schema.jsonschema import json_schemas

YEAR = 2027
SKELETON = ["units.yaml", f"campaign_{YEAR}.yaml", ".github/workflows/vbdocs.yml", "schemas/campaign.schema.json",
            "schemas/document.schema.json", "schemas/units.schema.json"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("office") / "van-ban"
    code, stdout, stderr = run("init", str(folder), "--year", str(YEAR))
    assert code == 0, stderr
    next_step = f"next: edit {folder / 'units.yaml'}, then run: vbdocs validate {folder / SKELETON[1]}"
    assert stdout.splitlines() == [*(str(folder / name) for name in SKELETON), next_step]
    return folder


def test_init_writes_the_skeleton_and_nothing_else(office: Path) -> None:
    assert sorted(p.relative_to(office).as_posix() for p in office.rglob("*") if p.is_file()) == sorted(SKELETON)


def test_the_skeleton_is_valid_as_written(office: Path) -> None:
    code, stdout, stderr = run("validate", str(office / f"campaign_{YEAR}.yaml"), "--strict")
    assert (code, stderr) == (0, ""), stderr  # --strict: not even a warning (a date on a weekend)
    assert stdout == f"{office / f'campaign_{YEAR}.yaml'}: valid\n"


def test_the_skeleton_builds(office: Path, tmp_path: Path) -> None:
    code, _, stderr = run("build", str(office / f"campaign_{YEAR}.yaml"), "-o", str(tmp_path))
    assert code == 0, stderr
    assert (tmp_path / f"ke-hoach-{YEAR}.docx").is_file()


def test_the_schemas_beside_it_are_the_shipped_ones(office: Path) -> None:
    for name, text in json_schemas().items():
        assert (office / "schemas" / name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("name", "kind"), [("units.yaml", "units"), (f"campaign_{YEAR}.yaml", "campaign")])
def test_each_file_points_its_editor_at_its_schema_and_passes_it(office: Path, name: str, kind: str) -> None:
    text = (office / name).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    schema_path = (office / name).parent / match.group(1)
    assert schema_path == office / "schemas" / f"{kind}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(text)
    data = json.loads(json.dumps(data, default=lambda d: d.isoformat() if isinstance(d, dt.date) else None))
    assert list(Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
                .iter_errors(data)) == []


@pytest.mark.parametrize("name", ["units.yaml", f"campaign_{YEAR}.yaml"])
def test_each_top_level_key_is_explained_in_vietnamese(office: Path, name: str) -> None:
    lines = (office / name).read_text(encoding="utf-8").splitlines()
    keys = [i for i, line in enumerate(lines) if re.match(r"[a-z_]+:", line)]
    assert len(keys) >= 3
    for i in keys:
        comment = lines[i - 1]
        assert comment.startswith("# ") and not comment.isascii(), f"{name}: {lines[i]} has no Vietnamese comment"


def test_the_workflow_checks_and_builds_the_campaign_written(office: Path) -> None:
    workflow = yaml.safe_load((office / ".github/workflows/vbdocs.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["YEAR"] == str(YEAR)  # tests/test_ci_workflow.py runs its steps
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert 'vbdocs validate --strict --output-format github "campaign_$YEAR.yaml"' in runs
    assert 'vbdocs build "campaign_$YEAR.yaml"' in runs


@pytest.mark.parametrize("year", [2000, *range(2024, 2036), 2100])
def test_the_skeleton_of_any_year_is_valid_without_a_warning(year: int, tmp_path: Path) -> None:
    """Its dates are moved off weekends, whatever the year: nothing for a person to review."""
    import warnings

    import vbdocs
    from vbdocs.skeleton import init

    init(tmp_path, year=year)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vbdocs.validate(tmp_path / f"campaign_{year}.yaml")


@pytest.mark.parametrize("year", ["1999", "2101"])
def test_a_year_no_campaign_can_have_is_refused(year: str, tmp_path: Path) -> None:
    code, _, stderr = run("init", str(tmp_path / "o"), "--year", year)
    assert code == 2
    assert stderr == f"a campaign's year is from 2000 to 2100, not {year}; nothing was written\n"
    assert not (tmp_path / "o").exists()


def test_the_year_is_this_year_when_not_given(tmp_path: Path) -> None:
    assert run("init", str(tmp_path))[0] == 0
    assert (tmp_path / f"campaign_{dt.date.today().year}.yaml").is_file()


@pytest.mark.parametrize("there", ["units.yaml", "schemas/units.schema.json", ".github/workflows/vbdocs.yml"])
def test_init_refuses_a_folder_that_holds_one_of_its_files(tmp_path: Path, there: str) -> None:
    (tmp_path / there).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / there).write_text("của văn phòng\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("kho văn bản\n", encoding="utf-8")
    before = _tree(tmp_path)
    code, stdout, stderr = run("init", str(tmp_path), "--year", str(YEAR))
    assert (code, stdout) == (2, "")
    assert f"{tmp_path} holds {there} already; nothing was written" in stderr
    assert _tree(tmp_path) == before


def test_init_beside_other_files_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("kho văn bản\n", encoding="utf-8")
    (tmp_path / "campaign_2020.yaml").write_text("# năm cũ\n", encoding="utf-8")
    code, stdout, _ = run("init", str(tmp_path), "--year", str(YEAR))
    assert code == 0
    assert stdout.endswith(f"vbdocs validate {tmp_path / SKELETON[1]}\n")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "kho văn bản\n"
    assert (tmp_path / "campaign_2020.yaml").read_text(encoding="utf-8") == "# năm cũ\n"
    assert all((tmp_path / name).is_file() for name in SKELETON)


def test_a_failure_half_way_takes_back_what_was_written(tmp_path: Path) -> None:
    """.github is a file here, so the workflow (written after the YAML files) cannot be: the
    YAML files written before it are taken back, and no folder made for them is left."""
    (tmp_path / ".github").write_text("not a folder\n", encoding="utf-8")
    before = _tree(tmp_path)
    code, _, stderr = run("init", str(tmp_path), "--year", str(YEAR))
    assert code == 2
    assert "nothing was written" in stderr and "Traceback" not in stderr
    assert _tree(tmp_path) == before


def test_init_into_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, stderr = run("init", str(tmp_path / "f"))
    assert code == 2 and "Traceback" not in stderr


def test_templates_export_copies_the_built_in_templates(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    code, stdout, stderr = run("templates", "export", str(folder))
    assert code == 0, stderr
    builtins = sorted(BUILTIN_TEMPLATES.glob("*.docx"))
    assert builtins
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in builtins]
    for path in builtins:
        assert (folder / path.name).read_bytes() == path.read_bytes()
        assert str(folder / path.name) in stdout.splitlines()


def test_templates_export_keeps_an_edited_template_unless_forced(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    assert run("templates", "export", str(folder))[0] == 0
    edited = folder / "document.docx"
    edited.write_bytes(b"edited in Word")
    code, stdout, stderr = run("templates", "export", str(folder))
    assert (code, stdout) == (2, "")
    assert "document.docx already" in stderr
    assert edited.read_bytes() == b"edited in Word"
    assert sorted(p.name for p in folder.iterdir()) == ["document.docx"]  # no staging file left beside it
    assert run("templates", "export", str(folder), "--force")[0] == 0
    assert edited.read_bytes() == (BUILTIN_TEMPLATES / "document.docx").read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["document.docx"]


def _edit(template: Path) -> None:
    """What a person does in Word: a text of the template changed, and the body's style coloured."""
    with zipfile.ZipFile(template) as z:
        parts = {item: z.read(item) for item in z.namelist()}
        infos = z.infolist()
    parts["word/document.xml"] = parts["word/document.xml"].replace("Nơi nhận:".encode(), "Nơi gửi:".encode())
    styles = etree.fromstring(parts["word/styles.xml"])
    body = styles.find(f"{W}style[@{W}styleId='VBBody']")
    assert body is not None
    run_properties = body.find(f"{W}rPr")
    if run_properties is None:
        run_properties = etree.SubElement(body, f"{W}rPr")
    etree.SubElement(run_properties, f"{W}color", {f"{W}val": "C00000"})
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(template, "w") as z:
        for info in infos:
            z.writestr(info, parts[info.filename])


def test_an_exported_template_edited_is_what_build_uses_with_t(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    assert run("templates", "export", str(folder))[0] == 0
    _edit(folder / "document.docx")
    campaign = str(CONFIG / "campaign_2024.yaml")
    assert run("build", campaign, "-o", str(tmp_path / "as-shipped"), "--only", "plan")[0] == 0
    assert run("build", campaign, "-o", str(tmp_path / "edited"), "--only", "plan", "-t", str(folder))[0] == 0

    def parts(out: str) -> tuple[str, str]:
        with zipfile.ZipFile(tmp_path / out / "ke-hoach-2024.docx") as z:
            return z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()

    shipped_text, shipped_styles = parts("as-shipped")
    text, styles = parts("edited")
    assert "Nơi nhận:" in shipped_text and "Nơi gửi:" not in shipped_text
    assert "Nơi gửi:" in text and "Nơi nhận:" not in text
    assert 'w:val="C00000"' not in shipped_styles
    body_style = re.search(r'<w:style [^>]*w:styleId="VBBody".*?</w:style>', styles)
    assert body_style and 'w:color w:val="C00000"' in body_style.group(0)
