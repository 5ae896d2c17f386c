"""The library's exceptions: one root, a few children, none of them prints.

The command line maps :class:`VbdocsError` to a message on stderr and an exit
code in one place (``vbdocs.cli``); library users catch it as any exception.
"""

from __future__ import annotations

from dataclasses import dataclass


class VbdocsError(Exception):
    """Root of every error vbdocs raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located for the person who fixes it.

    Attributes:
        file: the file as the user named it.
        line: 1-based line, or 0 when the problem concerns the whole file.
        column: 1-based column, or 0.
        path: the field's path in the file, e.g. ``plan.sections[1].items[0]``.
        message: what is wrong, in words a clerk understands, in the language of the moment
            (:mod:`vbdocs.i18n`).
        code: what kind of problem it is, stable across versions and languages
            (``yaml.syntax``, ``value.type``, ``reference.unknown``…), for tools that sort or
            translate problems themselves.
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        where = self.file if not self.line else f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """The problem as JSON holds it (``--output-format json``)."""
        return {"file": self.file, "line": self.line, "column": self.column, "path": self.path,
                "code": self.code, "message": self.message}


class ConfigError(VbdocsError):
    """An input file that cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class TemplateError(VbdocsError):
    """A template that cannot be found, read or rendered with the data given."""


class OutputError(VbdocsError):
    """The documents could not be written where they were asked for."""


class VbdocsWarning(UserWarning):
    """Something a person must review before the documents go out (a deadline on a
    weekend, a typeface LibreOffice replaced), located like a problem of the input.

    Issued with ``warnings.warn``; the command line prints it as
    ``file:line:column: field.path: warning: message``, and ``--strict`` makes it an
    error (exit 2, nothing written), for CI.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return _warning_text(self.problem)


def _warning_text(problem: Problem) -> str:
    from .i18n import _

    where = problem.file if not problem.line else f"{problem.file}:{problem.line}:{problem.column}"
    path = f" {problem.path}:" if problem.path else ""
    label = _("warning")
    return f"{where}:{path} {label}: {problem.message}"
