"""Editing a YAML file as a person wrote it: comments, order, quotes and layout kept (ruamel.yaml's
round trip), for the commands that write into a clerk's own file (``new-campaign``, ``issue``).
Reading to validate is ``loader``'s, with PyYAML; this module never validates."""

from __future__ import annotations

from typing import Any


def round_trip() -> Any:
    """A ruamel.yaml instance that reads and writes a file back as it was written, but for the values
    changed: quotes kept, the project's indentation (mappings 2, lists 4 with the dash at 2), and no
    line folded."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml
