"""The library's verbs; the command line calls these and nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config, load_config


@dataclass(frozen=True)
class BuiltDocument:
    """A document written by :func:`build`."""

    kind: str
    path: Path
    sha256: str


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` wrote: the documents in manifest order, and the manifest."""

    documents: tuple[BuiltDocument, ...]
    manifest: Path


def load(campaign: str | Path) -> Config:
    """Read and validate a campaign file and the units file it names.

    Raises:
        ConfigError: every problem of the files, each located.
    """
    return load_config(campaign)


def validate(campaign: str | Path) -> None:
    """Check a campaign without writing anything; raise ConfigError if it is invalid."""
    from .documents.registry import campaign_documents

    campaign_documents(load_config(campaign))


def build(
    campaign: str | Path,
    *,
    output: str | Path,
    templates: Sequence[str | Path] = (),
) -> BuildResult:
    """Build the campaign's document set into ``output`` with its ``manifest.json``.

    Args:
        campaign: the campaign YAML file.
        output: the folder to write into (created if missing).
        templates: folders searched for templates before the built-in ones.

    Raises:
        ConfigError: the input is invalid; nothing is written.
        TemplateError: a template is missing or does not fit the data; nothing is written.
        OutputError: the files cannot be written; the folder is left as it was.
    """
    from .docset import MANIFEST, write_set
    from .documents.registry import campaign_documents
    from .render import TemplateSearchPath, render

    config = load_config(campaign)
    contents = campaign_documents(config)
    search = TemplateSearchPath(tuple(Path(t) for t in templates))
    files = [(c.kind, c.filename, render(c, templates=search)) for c in contents]
    out = Path(output)
    entries = write_set(out, files)
    return BuildResult(
        documents=tuple(BuiltDocument(e.kind, out / e.path, e.sha256) for e in entries),
        manifest=out / MANIFEST,
    )
