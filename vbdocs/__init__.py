"""vbdocs: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML.

The verbs:

- `load(source, units=None)`: read and validate a campaign or a document, and its units; the models.
- `validate(source, units=None)`: check a campaign or a document, write nothing; `ConfigError` if invalid.
- `render(source, units=None, templates=(), only=(), for_units=())`: the documents in memory, as
  `RenderedDocument`s (file name, kind, type, unit, period, deadline, bytes); no file written.
- `to_pdf(docx)`: the PDF of a .docx given as bytes, made by LibreOffice headless.
- `build(source, output=..., formats=("docx",), ...)`: write the set and its `manifest.json` into a
  folder, with PDFs and previews if asked; a `BuildResult`.

A source is the path of a campaign or document YAML file, a mapping shaped exactly as that file,
its model (`CampaignFile`, `DocumentFile`), or what `load` returns (`Config`, `DocumentConfig`);
units, likewise, a path, a mapping or a `UnitsFile`. Every error is a `VbdocsError`: `ConfigError`
carries each `Problem` of the input, located at file, line, column and field (for a mapping, by
field path alone in `<campaign>`, `<document>` or `<units>`).

    import vbdocs

    config = vbdocs.load("config/campaign_2024.yaml")      # raises vbdocs.ConfigError
    for doc in vbdocs.render(config):                       # in memory
        print(doc.filename, doc.kind, len(doc.data))
    result = vbdocs.build(config, output="out/")           # files and manifest.json
    for doc in result.documents:
        print(doc.kind, doc.path, doc.sha256)

Everything not listed in `__all__` is private to the package. `python -m vbdocs` runs the
command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ConfigError, OutputError, Problem, TemplateError, VbdocsError, VbdocsWarning

if TYPE_CHECKING:
    from .api import BuildResult, BuiltDocument, RenderedDocument, build, load, render, to_pdf, validate
    from .config import Config, DocumentConfig
    from .pdf import ConversionError
    from .schema import CampaignFile, UnitsFile
    from .schema.document import DocumentFile

__all__ = [
    "BuildResult",
    "BuiltDocument",
    "CampaignFile",
    "Config",
    "ConfigError",
    "ConversionError",
    "DocumentConfig",
    "DocumentFile",
    "OutputError",
    "Problem",
    "RenderedDocument",
    "TemplateError",
    "UnitsFile",
    "VbdocsError",
    "VbdocsWarning",
    "build",
    "load",
    "render",
    "to_pdf",
    "validate",
]
__version__ = "0.1.0"

#: Where each name imported on first use lives (the verbs import pydantic and YAML; importing
#: them on first use keeps `vbdocs --help` and `import vbdocs.errors` fast).
_LAZY = {
    **dict.fromkeys(("BuildResult", "BuiltDocument", "RenderedDocument", "build", "load", "render", "to_pdf",
                     "validate"), "api"),
    "Config": "config",
    "DocumentConfig": "config",
    "CampaignFile": "schema",
    "UnitsFile": "schema",
    "DocumentFile": "schema.document",
    "ConversionError": "pdf",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'vbdocs' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names (``__all__``), which the verbs' lazy import hides from ``dir()``."""
    return sorted([*__all__, "__version__"])
