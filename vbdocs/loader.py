"""Safe YAML loading that remembers where every value was written.

PyYAML's safe loader forgets positions and silently keeps the last of two equal
keys. Here a file is composed into YAML nodes, turned into plain Python data by
our own walk, and every value's line and column is kept by its path in the
data (``("plan", "sections", 1, "items", 0)``), so an error anywhere later can
name ``file:line:column`` and the field.

Only YAML's safe types are built; ``yes``/``no``/``on``/``off`` stay strings (only
``true``/``false`` are booleans); merge keys, custom tags and alias bombs are refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, Problem

PathKey = tuple[str | int, ...]

#: Files larger than this are refused before parsing (a campaign is a few pages).
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Values built from one file, aliases counted each time they are used.
MAX_VALUES = 200_000

_BOOL_WORDS = {"true", "false"}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SAFE_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class Document:
    """The data of one YAML file and where each of its values was written."""

    file: str
    data: Any
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading (duplicate keys, refused tags), reported with
    those found by validation, so that a clerk sees all of them at once."""

    def locate(self, path: PathKey, *, at_key: bool = False) -> Position:
        """Position of the value at ``path``, or of its nearest written ancestor."""
        table = self.keys if at_key else self.values
        for end in range(len(path), -1, -1):
            probe = path[:end]
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
        return Position(1, 1)

    def problem(self, path: PathKey, message: str, *, at_key: bool = False) -> Problem:
        pos = self.locate(path, at_key=at_key)
        return Problem(self.file, pos.line, pos.column, format_path(path), message)


def format_path(path: PathKey) -> str:
    """``("plan", "sections", 1, "title")`` → ``plan.sections[1].title``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _pos(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str) -> None:
        self.doc = Document(file, None)
        self.problems: list[Problem] = []
        self.count = 0
        self._scalars = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, path: PathKey, message: str) -> None:
        pos = _pos(node)
        self.problems.append(Problem(self.doc.file, pos.line, pos.column, format_path(path), message))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge(node)
        self.doc.values.setdefault(path, _pos(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _COLLECTION_TAGS:
            self.fail(node, path, f"the tag {node.tag} is not allowed in vbdocs files")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, path, "merge keys (<<) are not supported; write the values out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "a key must be a plain word, not a list or mapping")
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key]
                self.fail(
                    key_node, (*path, key),
                    f"duplicate key {key!r} (first written at line {first.line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            first_seen[key] = _pos(key_node)
            self.doc.keys[(*path, key)] = _pos(key_node)
            out[key] = self.build(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in _BOOL_WORDS:
            return node.value
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.fail(node, path, f"the tag {node.tag} is not allowed in vbdocs files")
            return None
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            self.fail(node, path, f"cannot read this value: {exc}")
            return None


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8, with located errors for what cannot be read."""
    if path.is_dir():
        raise ConfigError([Problem(shown, 0, 0, "", "is a folder, not a YAML file")])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ConfigError([Problem(
                shown, 0, 0, "", f"is {size} bytes; vbdocs reads files up to {MAX_FILE_BYTES} bytes",
            )])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError([Problem(shown, 0, 0, "", "no such file")]) from None
    except OSError as exc:
        raise ConfigError([Problem(shown, 0, 0, "", f"cannot be read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError([Problem(
            shown, line, column, "",
            "is not UTF-8 text (save it as UTF-8 in your editor)",
        )]) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, shown: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise ConfigError with every problem."""
    try:
        nodes = list(_compose_all(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(filter(None, [exc.context, exc.problem]))
        if "\t" in message or "'\\t'" in message:
            message = "a tab character is not allowed for indentation in YAML; use spaces"
        elif "mapping values are not allowed here" in message:
            message += " (check this line's indentation; a text that holds \": \" or ends with \":\" goes in quotes)"
        elif "found character '%' that cannot start any token" in message or "'@'" in message:
            message += " (put the text in quotes)"
        raise ConfigError([Problem(shown, line, column, "", f"YAML syntax error: {message}")]) from None
    if len(nodes) > 1:
        pos = _pos(nodes[1])
        raise ConfigError([Problem(shown, pos.line, pos.column, "", "holds more than one YAML document")])
    builder = _Builder(shown)
    if not nodes:
        raise ConfigError([Problem(shown, 0, 0, "", "is empty")])
    try:
        builder.doc.data = builder.build(nodes[0], ())
    except _TooLarge as exc:
        pos = _pos(exc.node)
        raise ConfigError([Problem(
            shown, pos.line, pos.column, "",
            f"expands to more than {MAX_VALUES} values (an alias bomb?); refused",
        )]) from None
    builder.doc.problems = builder.problems
    if not isinstance(builder.doc.data, dict):
        raise ConfigError([Problem(shown, 1, 1, "", "must be a mapping of keys to values at the top")])
    return builder.doc


def _compose_all(text: str) -> Iterator[yaml.Node]:
    loader = yaml.SafeLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                yield node
    finally:
        loader.dispose()


def load_yaml(path: Path, shown: str | None = None) -> Document:
    """Read and parse one YAML file."""
    shown = shown or str(path)
    return parse_yaml(read_text(path, shown), shown)
