"""How problems and findings are printed: for a person (text), for a program (JSON), for GitHub
Actions (workflow commands that annotate the file and line in a pull request).

``--output-format text|json|github`` on ``validate``, ``build`` and ``check`` chooses one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .errors import Problem

FORMATS = ("text", "json", "github")


def _escape_data(text: str) -> str:
    """A message as a GitHub workflow command carries it (``%``, CR and LF escaped)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A property's value of a workflow command (``:`` and ``,`` escaped too)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str = "", line: int = 0, column: int = 0, title: str = "") -> str:
    """One GitHub Actions workflow command: ``::error file=…,line=…,col=…::message``."""
    props = []
    if file:
        props.append(f"file={_escape_property(file)}")
    if line:
        props.append(f"line={line}")
    if column:
        props.append(f"col={column}")
    if title:
        props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}" if props else f"::{level}::{_escape_data(message)}"


def problem_line(problem: Problem, output_format: str, *, level: str = "error") -> str:
    """A problem of an input file, as ``output_format`` prints it one per line (text, github)."""
    if output_format == "github":
        where = f"{problem.path}: " if problem.path else ""
        return annotation(level, where + problem.message, file=problem.file, line=problem.line,
                          column=problem.column, title=f"vbdocs {problem.code}" if problem.code else "vbdocs")
    if level == "warning":
        from .errors import _warning_text

        return _warning_text(problem)
    return str(problem)


def as_json(*, ok: bool, problems: Sequence[Problem] = (), warnings: Sequence[Problem] = (),
            **extra: Any) -> str:
    """What a command says as one JSON document: whether it succeeded, its problems and warnings
    (each with file, line, column, path, code and message), and what else it reports."""
    return json.dumps({"ok": ok, "problems": [p.as_dict() for p in problems],
                       "warnings": [w.as_dict() for w in warnings], **extra}, ensure_ascii=False, indent=2)
