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

from .api import BuildResult, BuiltDocument, build, load, validate
from .errors import ConfigError, OutputError, Problem, TemplateError, VbdocsError

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
