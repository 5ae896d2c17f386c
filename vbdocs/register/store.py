"""The register's store (SQLite, PostgreSQL): a stub on this branch.

The branch ``register-store`` replaces this module with the real store; the exports and
``vbdocs register list|export`` only need :func:`entries`.
"""

from __future__ import annotations

from pathlib import Path

from .entry import RegisterEntry


def entries(year: int, *, url: str | None = None, units: Path | None = None) -> list[RegisterEntry]:
    """The register's entries for ``year``, in any order (the exports order them)."""
    raise NotImplementedError("the register's store comes with the branch register-store")
