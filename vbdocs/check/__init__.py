"""``vbdocs check``: a Decree 30/2020/NĐ-CP conformance checker for any .docx.

It reads what a .docx says and how it looks (see ``reader``) and applies every
rule of Appendix I that can be read from the file (see ``rules``). It knows
nothing of vbdocs's schema or templates: it checks a clerk's hand-typed file the
same way as one vbdocs made.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from .reader import Document, UnreadableDocument
from .rules import RULES, Finding, Parts, applies

__all__ = ["CheckReport", "Finding", "UnreadableDocument", "check"]


@dataclass(frozen=True)
class CheckReport:
    """Every finding of every rule for one file."""

    path: Path
    findings: tuple[Finding, ...]

    @property
    def failures(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "fail")

    @property
    def passed(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "passed": self.passed,
            "findings": [f.__dict__ for f in self.findings],
        }


def check(path: str | Path) -> CheckReport:
    """Check one .docx against Appendix I.

    Raises:
        UnreadableDocument: the file is not a .docx that can be read.
    """
    collecting = gc.isenabled()
    gc.disable()  # a read builds millions of small objects and no garbage: collecting would make it quadratic
    try:
        document = Document(path)
    finally:
        if collecting:
            gc.enable()
    try:
        parts = Parts(document)
        return CheckReport(Path(path), tuple(applies(parts, f) for rule in RULES for f in rule.check(parts)))
    except UnreadableDocument:
        raise
    except Exception as exc:  # a layout no rule foresaw must not end a batch with a traceback
        raise UnreadableDocument(f"cannot be checked: {type(exc).__name__}: {exc}") from None
