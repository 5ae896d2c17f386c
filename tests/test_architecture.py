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


def test_only_render_imports_docxtpl() -> None:
    users = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if any(name.split(".")[0] in ("docxtpl", "docx") for name in _imports(p)))
    assert users == ["render.py"]


def test_conventions_do_not_reach_back_into_the_flow() -> None:
    for path in (PACKAGE / "vn").rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("..schema", "..config", "..documents", "..render", "..cli")), (path, name)


def test_cli_import_stays_light() -> None:
    heavy = "('docxtpl', 'pydantic', 'yaml')"
    code = f"import sys, vbdocs.cli; print(' '.join(sorted(m for m in {heavy} if m in sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert loaded == "", f"vbdocs.cli imports {loaded} before a command needs it"


def test_the_checker_knows_nothing_of_the_schema() -> None:
    for path in (PACKAGE / "check").rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("..schema", "..config", "..documents", "..render", "..api")), (path, name)


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
