"""vbdocs: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML.

The public API: read and check a campaign, and build its documents::

    import vbdocs

    config = vbdocs.load("config/campaign_2024.yaml")      # raises vbdocs.ConfigError
    result = vbdocs.build("config/campaign_2024.yaml", output="out/")
    for doc in result.documents:
        print(doc.kind, doc.path, doc.sha256)

Everything not listed in ``__all__`` is private to the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ConfigError, OutputError, Problem, TemplateError, VbdocsError

if TYPE_CHECKING:
    from .api import BuildResult, BuiltDocument, build, load, validate

__all__ = [
    "BuildResult",
    "BuiltDocument",
    "ConfigError",
    "OutputError",
    "Problem",
    "TemplateError",
    "VbdocsError",
    "build",
    "load",
    "validate",
]
__version__ = "0.1.0"

_API = {"BuildResult", "BuiltDocument", "build", "load", "validate"}


def __getattr__(name: str) -> Any:
    # The verbs import pydantic and YAML; importing them on first use keeps
    # `vbdocs --help` and `import vbdocs.errors` fast.
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'vbdocs' has no attribute {name!r}")
