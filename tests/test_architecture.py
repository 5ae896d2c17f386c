"""The shape of the package: one direction of flow, one module for docxtpl, a thin CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "vbdocs"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(("." * node.level) + node.module)
    return found


def test_only_rendering_imports_docxtpl_and_the_template_builder_python_docx() -> None:
    for library, allowed in (("docxtpl", ["rendering.py"]), ("docx", ["layout/template.py"])):
        users = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                       if any(name.split(".")[0] == library for name in _imports(p)))
        assert users == allowed, library


#: The rules of the package's shape, in one place: what each part may not import. The flow
#: runs one way (files → models → content → template → file); the Vietnamese conventions,
#: the Decree's layout and the checker stand apart from it.
FLOW = ("schema", "config", "documents", "rendering", "api", "cli")
MAY_NOT_IMPORT: dict[str, tuple[str, ...]] = {
    "vn": FLOW,
    "layout": FLOW,
    "check": FLOW,
    "schema": ("config", "documents", "rendering", "api", "cli"),
    "documents": ("rendering", "api", "cli"),
    "preview": ("cli",),
    "entry.py": ("pydantic", "docxtpl", "vbdocs.schema", "vbdocs.config", "vbdocs.documents"),
    "kinds.py": ("pydantic", "docxtpl", "vbdocs.schema", "vbdocs.config", "vbdocs.documents"),
}


def _part_files(part: str) -> list[Path]:
    return [PACKAGE / part] if part.endswith(".py") else sorted((PACKAGE / part).rglob("*.py"))


def _reaches(name: str, forbidden: str) -> bool:
    """Whether an import names ``forbidden``: a module of the package (``..config``,
    ``vbdocs.config``, ``.config`` from the package's top) or a library (``pydantic``)."""
    bare = name.lstrip(".")
    return bare == forbidden or bare.startswith(forbidden + ".") or bare.split(".")[0] == forbidden


def test_each_part_imports_only_what_the_flow_allows() -> None:
    for part, forbidden in MAY_NOT_IMPORT.items():
        for path in _part_files(part):
            for name in _imports(path):
                assert not any(_reaches(name, f) for f in forbidden), (path.relative_to(PACKAGE).as_posix(), name)


def test_the_rules_catch_a_forbidden_import() -> None:
    """The rules above are not vacuous: a layout module importing the config would be caught."""
    assert _reaches("..config", "config") and _reaches("vbdocs.documents.base", "vbdocs.documents")
    assert _reaches("pydantic.fields", "pydantic") and not _reaches("..vn.text", "config")


def test_cli_import_stays_light() -> None:
    heavy = "('docxtpl', 'pydantic', 'yaml')"
    code = f"import sys, vbdocs.cli; print(' '.join(sorted(m for m in {heavy} if m in sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert loaded == "", f"vbdocs.cli imports {loaded} before a command needs it"


def test_the_checker_reads_the_decree_from_the_layout_table(tmp_path: Path) -> None:
    """vbdocs check judges by the ranges in vbdocs.layout.decree, the table vbdocs's own
    numbers are chosen from: narrowing a range there changes its verdict."""
    import pytest

    import vbdocs
    from vbdocs.check import check
    from vbdocs.layout import decree

    document = Path(__file__).resolve().parent.parent / "examples" / "documents" / "ubnd-tinh" / "quyet-dinh.yaml"
    [built] = vbdocs.build(document, output=tmp_path / "out").documents
    verdict = {f.rule: f.status for f in check(built.path).findings}
    assert verdict["page.margins"] == verdict["body.size"] == "pass"
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(decree.MARGINS_MM, "left", decree.Span(31, 35, "PL I, I.3"))
        patch.setitem(decree.SIZES, "body", decree.Sizes((13,), "PL I, II.6"))
        verdict = {f.rule: f.status for f in check(built.path).findings}
    assert verdict["page.margins"] == verdict["body.size"] == "fail"


def test_the_kinds_registry_stays_light_and_every_kind_resolves() -> None:
    """The registry of kinds is read by the CLI's help: it imports nothing heavy, and each
    built-in kind names a function that exists."""
    heavy = "('docxtpl', 'pydantic', 'yaml', 'vbdocs.documents')"
    code = f"import sys, vbdocs.kinds; print(' '.join(sorted(m for m in {heavy} if m in sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert loaded == ""
    from vbdocs.kinds import BUILTIN

    for kind in BUILTIN:
        assert kind.specs is None or callable(kind.producer()), kind.name
