"""The README's commands run as pasted: every command line its code blocks show names a program
that the quick start puts in place, every ``vbdocs`` command and option it shows exists (read from
click's own command tree, so a README that shows a command or flag vbdocs does not have fails), and
the commands that are cheap to run are run, from a copy of the repository's example files.

Code blocks are read as a shell reads them: an indented block or a ```sh block holds commands, one a
line; a ```console block holds ``$ command`` lines and the output under them; output and diagrams go
in ```text blocks and Python in ```python blocks (``python`` is not checked here). Inline ``vbdocs …``
spans in the prose are checked for their command and options too.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from tests.conftest import ROOT
from vbdocs.cli import main

README = ROOT / "README.md"
PLACEHOLDER = "…"  # "vbdocs build … -o out/": the README's mark for "the file of the line above"
VENV = ".venv"
SETUP_SCRIPTS = ("scripts/example.sh", "scripts/test.sh")


@dataclass(frozen=True)
class Shown:
    """One command line the README shows: where, as written, and whether it is a sample session."""

    line: int
    text: str
    in_block: bool = True
    session: bool = False  # a "$ command" of a ```console block, shown with its output: checked, not run
    block: int = 0  # the line of its block's first line: the lines of one block run in order, in one folder


def _blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """The code blocks of a Markdown text: (line of its first line, language, lines)."""
    blocks: list[tuple[int, str, list[str]]] = []
    lines = text.splitlines()
    i = 0
    previous_blank = True
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^(```+|~~~+)\s*(\S*)", line)
        if fence:
            marker, language = fence.group(1), fence.group(2).lower()
            body: list[str] = []
            start = i + 2
            i += 1
            while i < len(lines) and not lines[i].startswith(marker):
                body.append(lines[i])
                i += 1
            blocks.append((start, language, body))
            i += 1
            previous_blank = True
            continue
        if line.startswith("    ") and line.strip() and previous_blank:
            start = i + 1
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            while body and not body[-1].strip():
                body.pop()
            blocks.append((start, "indented", body))
            previous_blank = False
            continue
        previous_blank = not line.strip() or line.lstrip().startswith("|")
        i += 1
    return blocks


def shown_commands(text: str) -> list[Shown]:
    """Every command line of the README's code blocks, and its inline ``vbdocs …`` spans."""
    shown: list[Shown] = []
    for start, language, body in _blocks(text):
        if language in ("python", "py", "pycon", "text", "yaml", "json", "jinja"):
            continue
        assert language in ("indented", "sh", "shell", "bash", "console"), (
            f"README.md:{start}: a ```{language} block: commands go in ```sh or ```console, output in ```text")
        for offset, line in enumerate(body):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if language == "console":
                if line.startswith("$ "):
                    shown.append(Shown(start + offset, line[2:], session=True, block=start))
                continue
            shown.append(Shown(start + offset, line, block=start))
    inside = set()
    for start, language, body in _blocks(text):
        first = start - 1 if language != "indented" else start  # a fence's own lines too
        inside.update(range(first, start + len(body) + 1))
    for number, line in enumerate(text.splitlines(), 1):
        if number in inside:
            continue
        for span in re.findall(r"`([^`]+)`", line):
            if re.match(r"(\S+=\S+ )*(\.venv/bin/)?vbdocs( |$)", span):
                shown.append(Shown(number, span, in_block=False))
    return shown


def _words(command: Shown) -> list[str]:
    try:
        return shlex.split(command.text, comments=True)
    except ValueError as error:
        raise AssertionError(f"README.md:{command.line}: not a shell command ({error}): {command.text}") from None


def _program_and_args(command: Shown) -> tuple[str, list[str]]:
    words = _words(command)
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=\S*", words[0]):  # LANG=vi_VN.UTF-8 vbdocs …
        words = words[1:]
    assert words, f"README.md:{command.line}: no command in {command.text!r}"
    return words[0], words[1:]


def _vbdocs_problem(args: list[str]) -> str | None:
    """Why ``vbdocs ARGS`` would not parse (no such command, option or choice, an option without its
    value, a required option missing), or None. ``…`` stands for any value and is not judged."""
    command: click.Command = main
    path = ["vbdocs"]
    while isinstance(command, click.Group):
        while args and args[0].startswith("-") and args[0] not in ("-h", "--help", "--version"):
            option = next((p for p in command.params if args[0].split("=")[0] in p.opts), None)
            if not isinstance(option, click.Option):  # vbdocs --lang vi check …: the group's own options
                return f"`{' '.join(path)}` has no option {args[0]!r}"
            takes_value = not option.is_flag and "=" not in args[0]
            args = args[2:] if takes_value else args[1:]
        if not args or args[0].startswith("-"):
            break
        name, args = args[0], args[1:]
        sub = command.commands.get(name)
        if sub is None:
            return f"`{' '.join(path)}` has no command {name!r} (it has {', '.join(sorted(command.commands))})"
        command, path = sub, [*path, name]
    ctx = click.Context(command, info_name=" ".join(path))
    try:
        values, extra, _ = command.make_parser(ctx).parse_args(list(args))
    except click.UsageError as error:
        return f"`{' '.join(path)}`: {error.format_message()}"
    if extra:
        return f"`{' '.join(path)}` takes no argument {extra[0]!r}"
    helping = any(arg in ("-h", "--help", "--version") for arg in args)
    for param in command.params:
        value = values.get(param.name) if param.name else None
        if value is None:
            if param.required and not helping and PLACEHOLDER not in args and isinstance(param, click.Option):
                return f"`{' '.join(path)}` needs {param.opts[-1]}"
            continue
        if isinstance(param.type, click.Path) or PLACEHOLDER in str(value):
            continue
        try:
            param.type_cast_value(ctx, value)
        except click.BadParameter as error:
            return f"`{' '.join(path)}` {param.opts[-1] if param.opts else param.name}: {error.format_message()}"
    return None


@pytest.fixture(scope="module")
def readme_commands() -> list[Shown]:
    return shown_commands(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def venv_bin() -> Path:
    """Where ``.venv/bin/`` of the README is in this run: the environment the tests run in, which
    the quick start's scripts make as .venv (test_the_quick_start_makes_the_venv_the_readme_names)."""
    return Path(sys.prefix) / "bin"


def test_the_readme_shows_commands_and_the_quick_start_is_two_lines(readme_commands: list[Shown]) -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = [cmd for _, language, body in _blocks(quick) for cmd in body if cmd.strip()]
    assert [shlex.split(line, comments=True) for line in block] == [["sh", "scripts/example.sh"],
                                                                    ["sh", "scripts/test.sh"]]
    assert sum(1 for c in readme_commands if c.in_block and "vbdocs" in c.text) >= 10


def test_the_quick_start_makes_the_venv_the_readme_names() -> None:
    """Both scripts make .venv and install vbdocs into it editable, so that either order, run once or
    again, leaves a .venv/bin/vbdocs that runs the clone's code (the test extra only adds tools)."""
    for script in SETUP_SCRIPTS:
        lines = [shlex.split(line, comments=True) for line in (ROOT / script).read_text().splitlines()]
        assert ["python3", "-m", "venv", VENV] in lines, script
        installs = [line for line in lines if line[:4] == [f"{VENV}/bin/python", "-m", "pip", "install"]]
        assert len(installs) == 1, script
        targets = [word for word in installs[0][4:] if not word.startswith("-") or word == "-e"]
        assert targets[0] == "-e" and re.fullmatch(r"\.(\[[\w,]+\])?", targets[1]), (script, installs[0])


def test_every_program_the_readme_runs_is_there_after_the_quick_start(readme_commands: list[Shown],
                                                                       venv_bin: Path) -> None:
    makefile = (ROOT / "Makefile").read_text()
    activated = False
    for command in (c for c in readme_commands if c.in_block):
        program, args = _program_and_args(command)
        where = f"README.md:{command.line}: {command.text}"
        if program in (".", "source"):
            assert args == [f"{VENV}/bin/activate"], where
            assert (venv_bin / "activate").is_file(), where
            activated = True
        elif program.startswith(f"{VENV}/bin/"):
            assert (venv_bin / program.removeprefix(f"{VENV}/bin/")).is_file(), f"{where}: no such program in .venv"
        elif program == "sh":
            assert (ROOT / args[0]).is_file(), f"{where}: no such script"
        elif program == "make":
            assert all(re.search(rf"^{re.escape(target)}:", makefile, re.M) for target in args), where
        elif program == "vbdocs":
            assert activated, f"{where}: `vbdocs` is not on PATH after the quick start; show .venv/bin/vbdocs"
        else:
            assert shutil.which(program), f"{where}: {program} is not installed"


def test_every_vbdocs_command_and_option_the_readme_shows_exists(readme_commands: list[Shown]) -> None:
    problems = []
    for command in readme_commands:
        program, args = _program_and_args(command)
        if program.rsplit("/", 1)[-1] != "vbdocs":
            continue
        problem = _vbdocs_problem(args)
        if problem:
            problems.append(f"README.md:{command.line}: {command.text}\n    {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("shown, problem", [
    ("vbdocs biuld config/campaign_2024.yaml -o out/", "no command 'biuld'"),
    ("vbdocs build config/campaign_2024.yaml -o out/ --formats pdf", "No such option '--formats'"),
    ("vbdocs build config/campaign_2024.yaml", "needs --output"),
    ("vbdocs build config/campaign_2024.yaml -o", "Option '-o' requires an argument"),
    ("vbdocs build … -o out/ --jobs two", "'two' is not a valid integer"),
    ("vbdocs validate a.yaml b.yaml", "takes no argument 'b.yaml'"),
    ("vbdocs --lnag vi check x.docx", "has no option '--lnag'"),
])
def test_a_command_or_flag_vbdocs_does_not_have_is_found(shown: str, problem: str) -> None:
    """The checker itself: each of these mistakes in a README line is named."""
    _, args = _program_and_args(Shown(1, shown))
    found = _vbdocs_problem(args)
    assert found is not None and problem in found, found


def test_the_reader_finds_commands_in_every_kind_of_block() -> None:
    text = ("Intro\n\n    sh a.sh   # one\n    .venv/bin/vbdocs kinds\n\nProse `vbdocs check --rules` here.\n\n"
            "```console\n$ .venv/bin/vbdocs check x.docx\nx.docx: passes\n```\n\n```text\nnot: a command\n```\n\n"
            "```python\nimport vbdocs\n```\n")
    assert [(c.text, c.in_block, c.session) for c in shown_commands(text)] == [
        ("sh a.sh   # one", True, False), (".venv/bin/vbdocs kinds", True, False),
        (".venv/bin/vbdocs check x.docx", True, True), ("vbdocs check --rules", False, False)]


SERVERS = {"serve"}  # runs until stopped, on a port: tests/test_serve.py starts it and looks at its page


def _runnable(command: Shown) -> bool:
    """A block's vbdocs line that is cheap to run and ends: no placeholder, no sample session, no
    LibreOffice, no server."""
    program, args = _program_and_args(command)
    return (command.in_block and not command.session and program == f"{VENV}/bin/vbdocs"
            and PLACEHOLDER not in command.text and "pdf" not in args and args[0] not in SERVERS)


def test_the_vbdocs_commands_the_readme_shows_run_as_pasted(readme_commands: list[Shown], venv_bin: Path,
                                                             tmp_path: Path) -> None:
    """Each block's commands run in order, as written, from a folder laid out as the clone (config/ and
    examples/ copied, .venv the test's environment; a new folder for each block): exit 0, and what
    a command says it writes with -o is written."""
    env = {**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = []
    for command in filter(_runnable, readme_commands):
        clone = tmp_path / str(command.block)
        if not clone.exists():
            for folder in ("config", "examples"):
                shutil.copytree(ROOT / folder, clone / folder)
            (clone / VENV).symlink_to(Path(sys.prefix))
        result = subprocess.run(_words(command), cwd=clone, env=env, capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0, f"README.md:{command.line}: {command.text}\n{result.stderr}"
        _, args = _program_and_args(command)
        if "-o" in args:
            written = clone / args[args.index("-o") + 1]
            assert written.exists() and (written.is_file() or any(written.iterdir())), command.text
        ran.append(args[0])
    assert {"validate", "build", "kinds", "schema", "new-campaign", "init"} <= set(ran), ran


def test_the_python_the_readme_shows_runs(tmp_path: Path) -> None:
    """Each ```python block runs as a script with the environment's Python (.venv/bin/python after
    the quick start), from a folder laid out as the clone, and exits 0."""
    blocks = [body for _, language, body in _blocks(README.read_text(encoding="utf-8")) if language == "python"]
    assert blocks
    for number, body in enumerate(blocks):
        clone = tmp_path / str(number)
        for folder in ("config", "examples"):
            shutil.copytree(ROOT / folder, clone / folder)
        (clone / "shown.py").write_text("\n".join(body) + "\n", encoding="utf-8")
        result = subprocess.run([sys.executable, "shown.py"], cwd=clone, capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0, "\n".join(body) + "\n" + result.stderr
