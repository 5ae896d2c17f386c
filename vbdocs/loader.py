"""Safe YAML loading that remembers where every value was written.

PyYAML's safe loader forgets positions and silently keeps the last of two equal
keys. Here a file is composed into YAML nodes, turned into plain Python data by
our own walk, and every value's line and column is kept by its path in the
data (``("plan", "sections", 1, "items", 0)``), so an error anywhere later can
name ``file:line:column`` and the field.

Only YAML's safe types are built; ``yes``/``no``/``on``/``off`` stay strings (only
``true``/``false`` are booleans); merge keys and custom tags are refused. A file
is read only if it is a regular file of bounded size, and it is refused, located,
when it holds a character no document can hold, nests deeper than
:data:`MAX_DEPTH`, or expands through aliases beyond :data:`MAX_VALUES` values or
:data:`MAX_CHARACTERS` characters: whatever a file holds, reading it takes
bounded time and memory.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from .errors import ConfigError, Problem
from .i18n import N_, _
from .vn.text import forbidden_character, forbidden_name

PathKey = tuple[str | int, ...]

#: Files larger than this are refused before parsing (a campaign is a few pages).
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Keys and values built from one file, aliases counted each time they are used.
MAX_VALUES = 200_000
#: Characters of all keys and texts built from one file, aliases counted each time they
#: are used. A file without aliases never comes near it; an alias bomb of text does.
MAX_CHARACTERS = 2 * MAX_FILE_BYTES
#: Lists and mappings nested deeper than this are refused (a campaign nests about 8).
MAX_DEPTH = 100
#: Characters of a key or value from a file that a message quotes at most.
EXCERPT_CHARS = 40

_BOOL_WORDS = {"true", "false"}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SAFE_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
#: Numbers written longer than this are refused: no campaign needs one, and PyYAML
#: reads a long base-60 number (``1:2:3:…``) in time that grows with its square.
_MAX_NUMBER_CHARS = 100
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
#: What PyYAML counts as the end of a line, so that our positions agree with its own.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


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
        return Position(1, 1) if self.values else Position(0, 0)  # data given in memory has no lines

    def problem(self, path: PathKey, message: str, *, code: str, at_key: bool = False) -> Problem:
        """A problem of the value at ``path`` (or of its key), located; ``code`` says its kind."""
        pos = self.locate(path, at_key=at_key)
        return Problem(self.file, pos.line, pos.column, format_path(path), message, code)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A key or value from a file as a message quotes it: at most ``limit`` characters
    (cut with "…"), in quotes, control and invisible characters escaped as Python
    writes them (``'\\x07'``), so that a message never echoes a file at length or raw."""
    return repr(_cut(text, limit))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_path(path: PathKey) -> str:
    """``("plan", "sections", 1, "title")`` → ``plan.sections[1].title``.

    A key that is not a short printable word is shown as an excerpt:
    ``plan['\\x1b[2J']``.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part or len(part) > EXCERPT_CHARS or not part.isprintable():
            out += f"[{excerpt(part)}]"
        else:
            out += f".{part}" if out else part
    return out


def _pos(item: yaml.Node | yaml.Event) -> Position:
    mark = cast(yaml.Mark, item.start_mark)
    return Position(mark.line + 1, mark.column + 1)


def _tag(tag: str) -> str:
    """A tag as a message shows it: as written, unless long or not printable."""
    return tag if len(tag) <= 2 * EXCERPT_CHARS and tag.isprintable() else excerpt(tag)


class _Builder:
    """Turns composed nodes into plain data, recording positions and problems by path.

    The nodes come from :func:`_compose`, which has bounded their depth and their
    expanded size, so this walk is bounded too.
    """

    def __init__(self, file: str) -> None:
        self.doc = Document(file, None)
        self.problems: list[Problem] = []
        self._scalars = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, path: PathKey, message: str, code: str) -> None:
        pos = _pos(node)
        self.problems.append(Problem(self.doc.file, pos.line, pos.column, format_path(path), message, code))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.doc.values.setdefault(path, _pos(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _COLLECTION_TAGS:
            self.fail(node, path, _("the tag {tag} is not allowed in vbdocs files").format(tag=_tag(node.tag)),
                      "yaml.tag")
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
                self.fail(key_node, path, _("merge keys (<<) are not supported; write the values out"), "yaml.merge")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, _("a key must be a plain word, not a list or mapping"), "yaml.key")
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key]
                self.fail(
                    key_node, (*path, key),
                    _("duplicate key {key} (first written at line {line}); YAML would silently keep only the "
                      "last one").format(key=excerpt(key), line=first.line),
                    "yaml.duplicate_key",
                )
                continue
            first_seen[key] = _pos(key_node)
            self.doc.keys[(*path, key)] = _pos(key_node)
            out[key] = self.build(value_node, (*path, key))
        return out

    def _scalar(self, node: yaml.Node, path: PathKey) -> Any:
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in _BOOL_WORDS:
            return node.value
        if node.tag not in _SAFE_SCALAR_TAGS:
            self.fail(node, path, _("the tag {tag} is not allowed in vbdocs files").format(tag=_tag(node.tag)),
                      "yaml.tag")
            return None
        if node.tag in _NUMBER_TAGS and len(node.value) > _MAX_NUMBER_CHARS:
            self.fail(node, path, _("cannot read this value: a number of more than {count} characters").format(
                count=_MAX_NUMBER_CHARS), "yaml.value")
            return None
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            self.fail(node, path, _("cannot read this value: {reason}").format(reason=exc), "yaml.value")
            return None


@dataclass
class _Open:
    """A list or mapping being composed: its node, and what it holds so far."""

    node: yaml.SequenceNode | yaml.MappingNode
    anchor: str | None
    values: int
    characters: int
    key: yaml.Node | None = None
    """In a mapping, the key whose value comes next."""


@dataclass(frozen=True)
class _Anchored:
    """A value written with an anchor (``&name``), and what each use of it costs."""

    node: yaml.Node
    values: int
    characters: int


class _Composer:
    """Composes the nodes of one YAML document from PyYAML's events, without recursion.

    PyYAML's own composer recurses once per level of nesting, and builds an alias to
    a value that contains it into a node that contains itself; walking either never
    ends. Here the open lists and mappings are a stack of at most :data:`MAX_DEPTH`,
    an alias to a value still open is refused, and the values and characters each
    alias stands for are counted where it is used, so an alias bomb is refused
    before anything is expanded.
    """

    def __init__(self, loader: yaml.SafeLoader, file: str) -> None:
        self.loader = loader
        self.file = file
        self.anchors: dict[str, _Anchored] = {}
        self.open_anchors: dict[str, yaml.Node] = {}
        self.values = 0
        self.characters = 0

    def refuse(self, event: yaml.Event, message: str, code: str) -> ConfigError:
        pos = _pos(event)
        return ConfigError([Problem(self.file, pos.line, pos.column, "", message, code)])

    def count(self, event: yaml.Event, values: int, characters: int) -> None:
        self.values += values
        self.characters += characters
        if self.values > MAX_VALUES:
            raise self.refuse(event, _("expands to more than {count} values (an alias bomb?); refused").format(
                count=MAX_VALUES), "yaml.too_large")
        if self.characters > MAX_CHARACTERS:
            raise self.refuse(
                event, _("expands to more than {count} characters of text (an alias bomb?); refused").format(
                    count=MAX_CHARACTERS), "yaml.too_large",
            )

    def tag(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, kind: type[yaml.Node], value: str | None,
            implicit: Any) -> str:
        """The tag written, or the one YAML resolves an untagged value to."""
        if event.tag is not None and event.tag != "!":
            return event.tag
        return cast(str, self.loader.resolve(kind, value, implicit))  # type: ignore[no-untyped-call]

    def anchor(self, event: yaml.NodeEvent) -> None:
        name = event.anchor
        if name is None:
            return
        first = self.anchors[name].node if name in self.anchors else self.open_anchors.get(name)
        if first is not None:
            raise self.refuse(event, _("YAML syntax error: the anchor &{name} is written twice (first at line "
                                       "{line})").format(name=_cut(name, EXCERPT_CHARS), line=_pos(first).line),
                              "yaml.syntax")

    def alias(self, event: yaml.AliasEvent) -> yaml.Node:
        name = event.anchor or ""
        if name in self.open_anchors:
            raise self.refuse(event, _("the alias *{name} refers to the value that contains it (a value cannot "
                                       "contain itself)").format(name=_cut(name, EXCERPT_CHARS)), "yaml.alias")
        if name not in self.anchors:
            raise self.refuse(event, _("YAML syntax error: found undefined alias {name}").format(name=excerpt(name)),
                              "yaml.alias")
        anchored = self.anchors[name]
        self.count(event, anchored.values, anchored.characters)
        return anchored.node

    def document(self) -> yaml.Node:
        """The root node of the document whose start event was just read."""
        stack: list[_Open] = []
        while True:
            event = _next(self.loader)
            node: yaml.Node
            if isinstance(event, yaml.AliasEvent):
                node = self.alias(event)
            elif isinstance(event, yaml.ScalarEvent):
                self.anchor(event)
                tag = self.tag(event, yaml.ScalarNode, event.value, event.implicit)
                start, end = _marks(event)
                node = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
                self.count(event, 1, len(event.value))
                if event.anchor is not None:
                    self.anchors[event.anchor] = _Anchored(node, 1, len(event.value))
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self.anchor(event)
                if len(stack) == MAX_DEPTH:
                    raise self.refuse(event, _("nests lists and mappings more than {count} levels deep; refused")
                                      .format(count=MAX_DEPTH), "yaml.too_deep")
                kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
                tag = self.tag(event, kind, None, event.implicit)
                opened = kind(tag, [], _marks(event)[0], None, flow_style=event.flow_style)
                stack.append(_Open(opened, event.anchor, self.values, self.characters))
                if event.anchor is not None:
                    self.open_anchors[event.anchor] = opened
                self.count(event, 1, 0)
                continue
            else:  # the end of a list or mapping
                closed = stack.pop()
                node = closed.node
                node.end_mark = _marks(event)[1]
                if closed.anchor is not None:
                    del self.open_anchors[closed.anchor]
                    self.anchors[closed.anchor] = _Anchored(
                        node, self.values - closed.values, self.characters - closed.characters,
                    )
            if not stack:
                return node
            parent = stack[-1]
            if isinstance(parent.node, yaml.SequenceNode):
                parent.node.value.append(node)
            elif parent.key is None:
                parent.key = node
            else:
                parent.node.value.append((parent.key, node))
                parent.key = None


def _next(loader: yaml.SafeLoader) -> yaml.Event:
    return cast(yaml.Event, loader.get_event())  # type: ignore[no-untyped-call]


def _marks(event: yaml.Event) -> tuple[yaml.Mark, yaml.Mark]:
    """Where an event starts and ends (PyYAML's parser always says)."""
    return cast(yaml.Mark, event.start_mark), cast(yaml.Mark, event.end_mark)


def _compose(text: str, shown: str) -> yaml.Node | None:
    """The root node of the only document in ``text``, or None if it has none."""
    loader = yaml.SafeLoader(text)
    try:
        _next(loader)  # the start of the stream
        if loader.check_event(yaml.StreamEndEvent):
            return None
        _next(loader)  # the start of the document
        root = _Composer(loader, shown).document()
        _next(loader)  # the end of the document
        if not loader.check_event(yaml.StreamEndEvent):
            _next(loader)  # the start of another document
            pos = _pos(cast(yaml.Event, loader.peek_event()))  # type: ignore[no-untyped-call]
            raise ConfigError([Problem(shown, pos.line, pos.column, "", _("holds more than one YAML document"),
                                       "yaml.documents")])
        return root
    finally:
        loader.dispose()


class UnreadableFile(ConfigError):
    """A file that cannot be read at all: missing, not a regular file, too large, or
    refused by the system. ``reason`` completes a sentence about the file ("is a
    folder, not a YAML file")."""

    def __init__(self, shown: str, reason: str, *, missing: bool = False) -> None:
        self.reason = reason
        self.missing = missing
        super().__init__([Problem(shown, 0, 0, "", reason, "file.missing" if missing else "file.unreadable")])


#: Flags to open a file with: a FIFO opens without waiting for a writer, a terminal
#: does not become ours.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in a clerk's words."""
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a regular file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a regular file")
    return _("is not a regular file")


def _read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`, or :class:`UnreadableFile`.

    Only what is read counts: a file that reports no size (as those of /proc do)
    is read up to one byte more than allowed, never to its end.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise UnreadableFile(shown, _("no such file"), missing=True) from None
    except OSError as exc:
        raise UnreadableFile(shown, _("cannot be read: {reason}").format(reason=exc.strerror)) from None
    except ValueError:  # a NUL character, or one the system's encoding cannot write
        raise UnreadableFile(shown, _("cannot be read: its name holds a character no file name can hold")) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(shown, _("is a folder, not a YAML file"))
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(shown, _kind(info.st_mode))
        if info.st_size > MAX_FILE_BYTES:
            raise UnreadableFile(shown, _("is {size} bytes; vbdocs reads files up to {limit} bytes").format(
                size=info.st_size, limit=MAX_FILE_BYTES))
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise UnreadableFile(shown, _("is more than {limit} bytes; vbdocs reads files up to {limit} bytes")
                                 .format(limit=MAX_FILE_BYTES))
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(shown, _("cannot be read: {reason}").format(reason=exc.strerror)) from None
    finally:
        os.close(descriptor)


def read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8, with located errors for what cannot be read."""
    raw = _read_bytes(path, shown)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError([Problem(
            shown, line, column, "", _("is not UTF-8 text (save it as UTF-8 in your editor)"), "file.encoding",
        )]) from None
    return text.removeprefix("\ufeff")


def _position(text: str, offset: int) -> Position:
    """Line and column of the character at ``offset``, counted as PyYAML counts them."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return Position(line, offset - start - text.count("\ufeff", start, offset) + 1)


#: PyYAML's syntax errors in a clerk's words: (words of PyYAML's message, the code, what to say).
_SYNTAX = (
    (("'\\t'",), "yaml.tab", N_("a tab character is not allowed for indentation in YAML; indent with spaces")),
    (("mapping values are not allowed here",), "yaml.colon",
     N_("a \": \" where no value can start: check this line's indentation, and put a text that holds \": \" "
        "or ends with \":\" in quotes")),
    (("block mapping", "expected <block end>"), "yaml.indentation",
     N_("the indentation does not fit the lines above: the keys of one mapping start in the same column, and "
        "what belongs to a key is indented further under it")),
    (("block collection", "expected <block end>"), "yaml.indentation",
     N_("the indentation does not fit the list above: its items start with \"- \" in the same column")),
    (("did not find expected key",), "yaml.indentation",
     N_("the indentation does not fit the lines above: the keys of one mapping start in the same column")),
    (("did not find expected '-' indicator",), "yaml.indentation",
     N_("a list item without \"- \", or not in line with the items above it")),
    (("could not find expected ':'",), "yaml.colon",
     N_("a key without \":\": write \"key: value\"; a text running over several lines goes in quotes or "
        "under \"key: |\"")),
    (("while scanning a quoted scalar", "end of stream"), "yaml.quote",
     N_("a quote is opened and never closed")),
    (("found unknown escape character",), "yaml.quote",
     N_("a \\ in a text in double quotes starts an escape: use single quotes, or write \\\\")),
    (("that cannot start any token",), "yaml.quote",
     N_("a value cannot start with this character: put the text in quotes")),
    (("while parsing a flow",), "yaml.brackets", N_("a [ or { is not closed, or a , is missing between items")),
)


def _syntax_error(message: str) -> tuple[str, str]:
    """The code and the words of a YAML syntax error: PyYAML's, said plainly where it is a common mistake."""
    for words, code, plain in _SYNTAX:
        if all(w in message for w in words):
            return code, _("YAML syntax error: {reason}").format(reason=_(plain))
    # PyYAML quotes names from the file (a tag handle, an anchor) at any length.
    return "yaml.syntax", _("YAML syntax error: {reason}").format(reason=_cut(message, 4 * EXCERPT_CHARS))


def parse_yaml(text: str, shown: str) -> Document:
    """Parse YAML text into a :class:`Document`; raise ConfigError with every problem."""
    offset = forbidden_character(text)
    if offset is not None:
        pos = _position(text, offset)
        raise ConfigError([Problem(
            shown, pos.line, pos.column, "",
            _("contains {character}, which a document cannot hold; delete it").format(
                character=forbidden_name(text[offset])), "file.character",
        )])
    try:
        root = _compose(text, shown)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        code, message = _syntax_error(" ".join(filter(None, [exc.context, exc.problem])))
        raise ConfigError([Problem(shown, line, column, "", message, code)]) from None
    if root is None:
        raise ConfigError([Problem(shown, 0, 0, "", _("is empty"), "file.empty")])
    builder = _Builder(shown)
    builder.doc.data = builder.build(root, ())
    builder.doc.problems = builder.problems
    if not isinstance(builder.doc.data, dict):
        raise ConfigError([Problem(shown, 1, 1, "", _("must be a mapping of keys to values at the top"),
                                   "value.type")])
    return builder.doc


def data_document(data: Any, shown: str) -> Document:
    """A :class:`Document` of data given in memory, shaped as a file is (a mapping of keys to
    values, lists, texts, numbers, dates), to validate as a file is.

    It has no positions: every problem is located by its field path alone, at line 0 of
    ``shown`` (``"<campaign>"``). Keys are made texts, as YAML makes them, and lists of any
    kind lists.

    Raises:
        ConfigError: ``data`` is not a mapping, nests more than :data:`MAX_DEPTH` levels (a
            mapping that contains itself), or has texts holding a character no document can
            hold (each named, as in a file).
    """
    if not isinstance(data, Mapping):
        raise ConfigError([Problem(shown, 0, 0, "", _("must be a mapping of keys to values at the top"))])
    doc = Document(shown, None)
    doc.data = _plain(data, (), doc)
    if doc.problems:  # as in a file, refused before anything reads the texts
        raise ConfigError(doc.problems)
    return doc


def _plain(value: Any, path: PathKey, doc: Document) -> Any:
    """``value`` as the loader would have built it from a file, problems noted in ``doc``."""
    if len(path) > MAX_DEPTH:
        raise ConfigError([Problem(doc.file, 0, 0, format_path(path[:MAX_DEPTH]),
                                   _("nests lists and mappings more than {depth} levels deep; refused")
                                   .format(depth=MAX_DEPTH))])
    if isinstance(value, str):
        offset = forbidden_character(value)
        if offset is not None:
            doc.problems.append(Problem(doc.file, 0, 0, format_path(path),
                                        _("contains {character}, which a document cannot hold; delete it")
                                        .format(character=forbidden_name(value[offset]))))
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item, (*path, str(key)), doc) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item, (*path, i), doc) for i, item in enumerate(value)]
    return value


def load_yaml(path: Path, shown: str | None = None) -> Document:
    """Read and parse one YAML file."""
    shown = shown or str(path)
    return parse_yaml(read_text(path, shown), shown)
