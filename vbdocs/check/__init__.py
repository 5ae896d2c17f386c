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

from ..i18n import N_, _
from ..vn.numbering import TYPE_NAMES
from ..vn.text import upper
from .catalogue import CATALOGUE
from .reader import Document, UnreadableDocument
from .rules import CHECKS, REGISTER_TITLES, Finding, Parts, Sieve, applies, copy, scope

__all__ = ["CATALOGUE", "CheckReport", "Finding", "Kind", "UnreadableDocument", "check"]


@dataclass(frozen=True)
class Kind:
    """What the checker recognised the file as, before judging it."""

    type_name: str | None
    """The tên loại read on the page ("Quyết định"; "Công văn" for one with "V/v" under its number)."""
    form: str
    """``document``; ``attached`` (a text a Quyết định issues, Mẫu 1.3); ``appendix`` (a phụ lục in a
    file of its own, Mẫu 2.2); ``copy`` (a copied document and its copy block, Mẫu 3.1);
    ``register`` (a register of documents the văn thư keeps, Phụ lục IV); ``out of scope`` (a party document)."""
    draft: bool = False
    """Its number or day left blank: a draft not yet issued (a status, not a failure)."""

    def __str__(self) -> str:
        """ "Quyết định, attached, draft": in the language of the moment (the type name as on the page)."""
        parts = [self.type_name or _("no type name")] if self.form != "out of scope" else []
        parts += [_(_FORMS[self.form]) if self.form in _FORMS else self.form] if self.form != "document" else []
        parts += [_("draft")] if self.draft else []
        return ", ".join(parts)


_FORMS = {"attached": N_("attached"), "appendix": N_("appendix"), "register": N_("register"), "copy": N_("copy"),
          "out of scope": N_("out of scope")}
"""The forms of file (``Kind.form``) as a person reads them."""


@dataclass(frozen=True)
class CheckReport:
    """Every finding of every rule for one file."""

    path: Path
    findings: tuple[Finding, ...]
    kind: Kind = Kind(None, "document")

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
            "kind": {"type": self.kind.type_name, "form": self.kind.form, "draft": self.kind.draft},
            "findings": [f.__dict__ for f in self.findings],
        }


def _kind(parts: Parts) -> Kind:
    names = {upper(name): name for name in TYPE_NAMES}
    type_name = names.get(parts.type_name.clean, parts.type_name.clean.capitalize()) if parts.type_name is not None \
        else ("Công văn" if parts.letter_subject else None)
    if parts.appendix_alone:
        type_name = "Phụ lục"
    if parts.register:
        type_name = next(x.clean for x in parts.lines[:10] if x.clean.upper() in REGISTER_TITLES).capitalize()
    form = parts.form or ("copy" if any(f.rule == "copy" and f.status != "skip" for f in copy(parts)) else "document")
    return Kind(type_name, form, parts.draft)


def check(path: str | Path) -> CheckReport:
    """Check one .docx against Appendix I.

    Its body is read as a stream and only the paragraphs the rules need are kept whole (the
    first and last, and those ``rules.Sieve`` asks for); the rest are tallied and dropped, so
    that memory stays flat however long the document.

    Raises:
        UnreadableDocument: the file is not a .docx that can be read.
    """
    sieve = Sieve()
    return judge(path, read(path, sieve), sieve)


def read(path: str | Path, sieve: Sieve | None = None) -> Document:
    """The document at ``path`` read for checking: whole, or through ``sieve``."""
    collecting = gc.isenabled()
    gc.disable()  # a read builds millions of small objects and no garbage: collecting would make it quadratic
    try:
        return Document(path, sieve=sieve)
    finally:
        if collecting:
            gc.enable()


def judge(path: str | Path, document: Document, sieve: Sieve | None = None) -> CheckReport:
    """Every rule's findings on a document read (with the tally of the ``sieve`` it was read through)."""
    try:
        parts = Parts(document, sieve)
        if parts.party:  # out of scope: one finding says so, no rule of the Decree is applied
            return CheckReport(Path(path), tuple(scope(parts)), Kind(None, "out of scope"))
        findings = tuple(applies(parts, f) for check_part in CHECKS for f in check_part(parts))
        return CheckReport(Path(path), findings, _kind(parts))
    except UnreadableDocument:
        raise
    except Exception as exc:  # a layout no rule foresaw must not end a batch with a traceback
        raise UnreadableDocument(_("cannot be checked: {error}: {reason}").format(
            error=type(exc).__name__, reason=exc)) from None
