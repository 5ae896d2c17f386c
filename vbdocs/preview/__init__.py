"""A live preview of a campaign or document file: ``vbdocs serve`` shows every page of every
document as a picture in a local web page, rebuilt and reloaded as the files are saved, and the
located errors of the files when they have some."""

from __future__ import annotations

from .server import PreviewError, serve

__all__ = ["PreviewError", "serve"]
