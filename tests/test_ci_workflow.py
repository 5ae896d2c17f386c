"""examples/ci-workflow.yml, the CI workflow an office copies, run step by step as GitHub Actions
runs it: each ``run:`` step in bash (the workflow's ``defaults.run.shell``) with the workflow's env,
``${{ env.X }}`` expressions substituted, in a temporary git repository laid out as an office's
(config/units.yaml and config/campaign_<YEAR>.yaml copied from config/), with this environment's
``vbdocs`` on PATH. Stopped at the first step that fails, as Actions stops.

What cannot run here is replaced, and only that: ``pip``, ``sudo`` and ``apt-get`` are stand-ins on
PATH that record their arguments and do nothing (vbdocs is installed already; LibreOffice too, by
scripts/system-deps.sh), and the tests check what they were asked. ``uses:`` steps are not run; they
are checked for a pinned version, and upload-artifact's ``path`` for what the build wrote. Every other
command runs exactly as written, ``--output-format github`` included.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CONFIG, ROOT, edit_once, replaced, rewritten

WORKFLOW = ROOT / "examples" / "ci-workflow.yml"
OFFICE_SOURCE = "git+https://git.example.org/office/vbdocs@v0.1.0"  # what an office writes in VBDOCS_SOURCE
YEAR = "2031"  # not the workflow's own: a year written anywhere but env.YEAR would not find the file
STUBS = ("pip", "sudo", "apt-get")


def workflow(path: Path = WORKFLOW) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def the_job(path: Path = WORKFLOW) -> dict[str, Any]:
    jobs = workflow(path)["jobs"]
    assert list(jobs) == ["build"]
    job = jobs["build"]
    assert isinstance(job, dict)
    return job


def substitute(text: str, env: dict[str, str]) -> str:
    """``${{ env.NAME }}`` as Actions expands it; any other expression is this test's to learn first."""

    def value(match: re.Match[str]) -> str:
        expression = match.group(1).strip()
        name = re.fullmatch(r"env\.([A-Za-z_][A-Za-z0-9_]*)", expression)
        assert name, f"the test does not evaluate ${{{{ {expression} }}}}: teach it, or write it in the shell"
        return env[name.group(1)]

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


@dataclass
class Step:
    name: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Run:
    steps: list[Step]
    calls: list[str]  # what pip, sudo and apt-get were asked, one line each
    artifacts: list[dict[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> Step | None:
        return next((step for step in self.steps if step.returncode != 0), None)

    def step(self, start: str) -> Step:
        return next(step for step in self.steps if step.name.startswith(start))


def office(tmp_path: Path, *, weekend_deadline: bool = False, templates: bytes | None = None) -> Path:
    """An office's repository: the example units and campaign, the campaign named for YEAR."""
    repo = tmp_path / "office"
    (repo / "config").mkdir(parents=True)
    shutil.copy(CONFIG / "units.yaml", repo / "config" / "units.yaml")
    campaign = repo / "config" / f"campaign_{YEAR}.yaml"
    shutil.copy(CONFIG / "campaign_2024.yaml", campaign)
    if not weekend_deadline:  # the example's annual deadline falls on a Saturday, a warning --strict stops on
        edit_once(campaign, "deadline: 2024-10-05", "deadline: 2024-10-04")
    if templates is not None:
        (repo / "templates").mkdir()
        (repo / "templates" / "document.docx").write_bytes(templates)
    return commit(repo)


def commit(repo: Path) -> Path:
    """``repo`` made a git repository with one commit of everything in it (the build's dates come
    from the commit)."""
    git = ["git", "-c", "user.name=Văn thư", "-c", "user.email=vt@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Kế hoạch"], cwd=repo, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2024-03-05T08:00:00+07:00"})
    return repo


def run_workflow(repo: Path, tmp_path: Path, path: Path = WORKFLOW, **env_values: str) -> Run:
    """Run the steps of the workflow at ``path`` in ``repo`` with the workflow's env, ``env_values``
    replacing its values as an office's edits would."""
    data = workflow(path)
    assert data["defaults"]["run"]["shell"] == "bash"
    job = the_job(path)
    env = {**{k: str(v) for k, v in data.get("env", {}).items()}, **job.get("env", {})}
    assert set(env_values) <= set(env), f"the workflow has no env {set(env_values) - set(env)}"
    env.update(env_values)
    stubs = tmp_path / "stubs"
    stubs.mkdir(exist_ok=True)
    log = tmp_path / "calls.log"
    for name in STUBS:
        (stubs / name).write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n')
        (stubs / name).chmod(0o755)
    path = os.pathsep.join([str(stubs), str(Path(sys.prefix) / "bin"), os.environ.get("PATH", "")])
    github_env = tmp_path / "github_env"
    run = Run([], [])
    for number, step in enumerate(job["steps"]):
        assert "if" not in step, "the test evaluates no if: expressions; write the condition in the shell"
        if "uses" in step:
            if step["uses"].startswith("actions/upload-artifact@"):
                run.artifacts.append({k: substitute(str(v), env) for k, v in step["with"].items()})
            continue
        script = substitute(step["run"], env)
        github_env.write_text("")
        runner = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
        runner["LANG"] = "C.UTF-8"  # as on GitHub's Ubuntu runners: vbdocs writes English there
        step_env = {**runner, **env, **{k: substitute(str(v), env) for k, v in step.get("env", {}).items()},
                    "PATH": path, "GITHUB_ENV": str(github_env), "CI": "true"}
        script_file = tmp_path / f"step{number}.sh"
        script_file.write_text(script)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script_file)], cwd=repo,
                                env=step_env, capture_output=True, text=True, timeout=600, check=False)
        run.steps.append(Step(step.get("name", script.splitlines()[0]), result.returncode, result.stdout,
                              result.stderr))
        if result.returncode != 0:
            break
        for line in github_env.read_text().splitlines():  # NAME=value lines, for the next steps
            name, _, value = line.partition("=")
            env[name] = value
    run.calls = log.read_text().splitlines() if log.exists() else []
    return run


def describe(run: Run) -> str:
    return "\n".join(f"--- {s.name}: exit {s.returncode}\n{s.stdout}{s.stderr}" for s in run.steps)


def test_the_workflow_checks_builds_and_checks_the_set(tmp_path: Path) -> None:
    repo = office(tmp_path)
    run = run_workflow(repo, tmp_path, VBDOCS_SOURCE=OFFICE_SOURCE, YEAR=YEAR)
    assert run.failed is None, describe(run)
    assert [s.name.split(" (")[0] for s in run.steps] == [
        "Install LibreOffice and fonts", "Install vbdocs", "Check the YAML", "Build the set",
        "Check the documents against Decree 30"]
    assert run.calls == [f"pip install {OFFICE_SOURCE}"], "vbdocs from VBDOCS_SOURCE, and no LibreOffice for docx"
    out = repo / "out"
    assert (out / "ke-hoach-2024.docx").is_file() and (out / "manifest.json").is_file()
    assert not list(out.glob("*.pdf"))
    step = run.step("Check the documents")
    checked = step.stdout + step.stderr
    assert checked.count(".docx: passes") == len(list(out.glob("*.docx"))) > 10, checked
    assert "::error" not in checked
    assert run.artifacts == [{"name": f"documents-{YEAR}", "path": "out/", "if-no-files-found": "error"}]
    assert (repo / run.artifacts[0]["path"] / "manifest.json").is_file()


def test_pdfs_install_libreoffice_and_fonts_first_and_are_built(tmp_path: Path) -> None:
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            raise RuntimeError("CI must have LibreOffice: scripts/system-deps.sh installs it")
        pytest.skip("LibreOffice not installed")
    repo = office(tmp_path)
    run = run_workflow(repo, tmp_path, VBDOCS_SOURCE=OFFICE_SOURCE, YEAR=YEAR, FORMATS="docx,pdf")
    assert run.failed is None, describe(run)
    assert run.calls[:2] == ["sudo apt-get update -q", "sudo apt-get install -y -q --no-install-recommends "
                             "libreoffice-writer-nogui fonts-liberation2 poppler-utils python3-uno"]
    assert (repo / "out" / "ke-hoach-2024.pdf").read_bytes()[:5] == b"%PDF-"


def test_a_deadline_to_review_stops_the_workflow_before_anything_is_built(tmp_path: Path) -> None:
    repo = office(tmp_path, weekend_deadline=True)
    lines = (CONFIG / "campaign_2024.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("    deadline: 2024-10-05") + 1
    run = run_workflow(repo, tmp_path, VBDOCS_SOURCE=OFFICE_SOURCE, YEAR=YEAR)
    failed = run.failed
    assert failed is not None and failed.name.startswith("Check the YAML") and failed.returncode == 2
    annotation = f"::error file=config/campaign_{YEAR}.yaml,line={line},col=15,title=vbdocs date.weekend::"
    assert annotation in failed.stdout, failed.stdout + failed.stderr  # shown on that line of the change
    assert "falls on Thứ Bảy" in failed.stdout
    assert not (repo / "out").exists()


def narrow_template(folder: Path) -> bytes:
    """The built-in template with a left margin of 17.6 mm (1000 twips; the Decree asks 30–35 mm)."""
    return rewritten(ROOT / "vbdocs" / "templates" / "document.docx", folder / "narrow.docx",
                     replaced("word/document.xml", b'w:left="1701"', b'w:left="1000"', once=True)).read_bytes()


def test_the_offices_templates_are_used_and_what_they_make_is_checked(tmp_path: Path) -> None:
    """A templates/ folder is passed to the build: a broken template there stops the build, naming
    it; a template with a margin the Decree does not allow builds, and the check step fails on every
    document, with an annotation on each."""
    broken = office(tmp_path / "broken", templates=b"not a Word file")
    run = run_workflow(broken, tmp_path / "broken", VBDOCS_SOURCE=OFFICE_SOURCE, YEAR=YEAR)
    failed = run.failed
    assert failed is not None and failed.name == "Build the set", describe(run)
    assert "document.docx" in failed.stdout + failed.stderr and not (broken / "out").exists()

    narrow = office(tmp_path / "narrow", templates=narrow_template(tmp_path))
    run = run_workflow(narrow, tmp_path / "narrow", VBDOCS_SOURCE=OFFICE_SOURCE, YEAR=YEAR)
    failed = run.failed
    assert failed is not None and failed.name.startswith("Check the documents") and failed.returncode == 1
    documents = sorted((narrow / "out").glob("*.docx"))
    annotations = [line for line in failed.stdout.splitlines() if "title=vbdocs check page.margins::" in line]
    assert len(annotations) == len(documents) > 10, failed.stdout
    assert annotations[0].startswith(f"::error file=out/{documents[0].name},")
    assert "found left 17.6 mm" in annotations[0]


def test_vbdocs_comes_from_a_pinned_source_the_office_sets(tmp_path: Path) -> None:
    source = workflow()["env"]["VBDOCS_SOURCE"]
    assert re.search(r"@(v\d+(\.\d+)*|[0-9a-f]{40})$|==\d", source), f"{source} is not pinned"
    repo = office(tmp_path)
    run = run_workflow(repo, tmp_path, YEAR=YEAR)  # the source as shipped: a placeholder to replace
    failed = run.failed
    assert failed is not None and failed.name == "Install vbdocs"
    assert "::error::set VBDOCS_SOURCE" in failed.stdout and run.calls == []


def test_the_year_is_written_once() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    year = workflow()["env"]["YEAR"]
    assert re.fullmatch(r"20\d\d", year)
    assert [line for line in text.splitlines() if year in line] == [f'  YEAR: "{year}"']


def test_every_action_is_pinned_to_a_version() -> None:
    uses = [step["uses"] for step in the_job()["steps"] if "uses" in step]
    assert {u.split("@")[0] for u in uses} == {"actions/checkout", "actions/setup-python", "actions/upload-artifact"}
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", action), f"{action}: not pinned"
    setup = next(step for step in the_job()["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == ".github/workflows/documents.yml"  # holds VBDOCS_SOURCE


def test_it_runs_on_changes_to_what_it_builds_from() -> None:
    triggers = workflow()[True]  # YAML 1.1 reads the key "on" as true
    for event in ("push", "pull_request"):
        assert set(triggers[event]["paths"]) == {"config/**", "templates/**", ".github/workflows/documents.yml"}


def test_the_workflow_is_one_github_actions_accepts(tmp_path: Path) -> None:
    """Checked against SchemaStore's schema of GitHub workflows, which check-jsonschema ships: a key
    Actions does not know (``runs_on``), a step both ``uses`` and ``run``, a bad input value fail."""
    schema = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    result = subprocess.run([*schema, str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "documents.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    result = subprocess.run([*schema, str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "runs_on" in result.stdout


def test_the_workflow_vbdocs_init_writes_is_the_same_and_runs(tmp_path: Path) -> None:
    """``vbdocs init`` writes the same job for an office whose files are at the top of its repository
    (the year it was asked for written once); run, it checks, builds and checks the skeleton's set."""
    from vbdocs.skeleton import WORKFLOW as WRITTEN
    from vbdocs.skeleton import init

    repo = tmp_path / "office"
    init(repo, year=int(YEAR))
    written = repo / WRITTEN
    text = written.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if YEAR in line] == [f'  YEAR: "{YEAR}"']
    example = json.dumps(the_job()).replace("config/campaign_", "campaign_")
    assert json.dumps(the_job(written)) == example.replace("workflows/documents.yml", "workflows/vbdocs.yml")
    assert workflow(written)[True]["push"]["paths"] == ["*.yaml", "templates/**", ".github/workflows/vbdocs.yml"]
    assert workflow(written)["env"]["VBDOCS_SOURCE"] == workflow()["env"]["VBDOCS_SOURCE"]

    run = run_workflow(commit(repo), tmp_path, written, VBDOCS_SOURCE=OFFICE_SOURCE)
    assert run.failed is None, describe(run)
    assert run.calls == [f"pip install {OFFICE_SOURCE}"]
    manifest = repo / "out" / "manifest.json"
    assert manifest.is_file() and run.artifacts[0]["name"] == f"documents-{YEAR}"
    step = run.step("Check the documents")
    assert (step.stdout + step.stderr).count(".docx: passes") == len(list((repo / "out").glob("*.docx"))) > 0
