"""The Jinja environment every template renders in: sandboxed, escaping, strict and bounded.

Users may bring their own .docx templates, so a template is code vbdocs did not
write. It runs in Jinja's immutable sandbox: no attribute that starts with "_", no
method that changes a list, dict or set, no file reached by ``{% include %}`` or
``{% import %}``; every printed value is escaped; a name the data lacks is an error.
And one document's render is bounded, so that no template, by mistake or on
purpose, can hold the machine:

* time: at most :data:`RENDER_SECONDS`, the clock read at every loop pass, call
  and filter;
* work: at most :data:`MAX_STEPS` loop passes, calls and filter uses (``range(n)``
  counts n);
* size: no text, list or number the template makes is larger than
  :data:`MAX_VALUE_CHARS` characters (a list counted as the text of its items, an
  item held twice counted twice) or :data:`MAX_NUMBER_DIGITS` digits. What could
  make one larger is refused before it runs: ``*``, ``**``, ``+``, ``%``, ``~``, and
  the string methods and filters that take a width or a count (``center``,
  ``format``, ``replace``, ``join``, ``indent``, ``batch``, ``slice``, ...);
* memory in all: at most :data:`MAX_RENDER_CHARS` characters printed and made, and
  at most :data:`MAX_RENDERED_TAGS` XML tags in a rendered part, whose tree is built
  in memory.

docxtpl rewrites a template's XML with regular expressions before Jinja reads it;
some take time growing with the square of the text when a tag is left open or
stands where they do not expect it, so :func:`check_template_text` refuses such
text first (:data:`MAX_TEMPLATE_PART_CHARS`, :data:`MAX_TEMPLATE_TAGS`,
:data:`MAX_TAG_CHARS`).

Python cannot stop one long operation in C (a multiplication of huge numbers, a
regular expression), so sizes are checked before each operation, from its
operands, and the clock between operations. A bound reached raises
:class:`RenderLimitError`, a Jinja error, which :mod:`vbdocs.rendering` reports as a
``TemplateError`` naming the template. The built-in templates render through the
same environment: they use no filter and no operator, so the bounds cost them a
check per loop pass and per printed value.
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from string import Formatter
from typing import Any, cast

from jinja2 import FunctionLoader, StrictUndefined, Template, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Namespace, generate_lorem_ipsum
from markupsafe import Markup

#: Seconds one document may take to render, all its parts together. Generous: the
#: built-in templates take a few milliseconds.
RENDER_SECONDS = 10.0
#: Loop passes, calls and filter uses one document's render may make.
MAX_STEPS = 1_000_000
#: Characters in the largest text, list or mapping a template may make in one value.
MAX_VALUE_CHARS = 4_000_000
#: Characters one document's render may print and make in all.
MAX_RENDER_CHARS = 32_000_000
#: Digits in the largest number a template may make (Python's own bound on turning
#: a number into text).
MAX_NUMBER_DIGITS = 4_300
#: Levels of lists within lists a value may have.
MAX_DEPTH = 100
#: Characters of one part of a template (its body, a header, its footnotes): docxtpl
#: rewrites it with some twenty passes of regular expressions, a second or so for this many.
MAX_TEMPLATE_PART_CHARS = 4_000_000
#: Jinja tags (``{{ }}``, ``{% %}``, ``{# #}``) in one part of a template.
MAX_TEMPLATE_TAGS = 5_000
#: Characters from a tag's opening to its closing, the XML between included.
MAX_TAG_CHARS = 8_192
#: XML tags (``<…>``) in one rendered part.
MAX_RENDERED_TAGS = 1_000_000


class RenderLimitError(SecurityError):
    """A template asked for more time, work or memory than a render may take."""


class _TooLarge(Exception):
    """A value measured past the room left for it."""


class _Budget:
    """What one document's render may still spend."""

    def __init__(self) -> None:
        self.seconds = RENDER_SECONDS
        self.deadline = time.monotonic() + RENDER_SECONDS
        self.max_steps = self.steps = MAX_STEPS
        self.max_chars = self.chars = MAX_RENDER_CHARS
        self.max_value = MAX_VALUE_CHARS
        self.max_digits = MAX_NUMBER_DIGITS
        self.max_bits = math.ceil(MAX_NUMBER_DIGITS * math.log2(10))
        self.visits = 0
        # Sizes of the lists and mappings measured, by identity; the value is kept
        # so its identity is not reused. Values holding a namespace are not kept:
        # a namespace may change.
        self.sizes: dict[int, tuple[object, int, int]] = {}

    def step(self, steps: int = 1, chars: int = 0) -> None:
        """Spend loop passes or calls, and characters printed; read the clock."""
        self.steps -= steps
        self.chars -= chars
        if self.steps < 0:
            raise RenderLimitError(f"stopped after {self.max_steps} loop passes and calls; "
                                   f"a document may take at most {self.max_steps}")
        if self.chars < 0:
            self.over_chars()
        if time.monotonic() > self.deadline:
            self.clock()

    def clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimitError(f"stopped after {self.seconds:g} s; a document may take at most "
                                   f"{self.seconds:g} s to render")

    def over_chars(self) -> None:
        raise RenderLimitError(f"stopped after making {self.max_chars} characters; "
                               f"a document may make at most {self.max_chars}")

    def fits(self, chars: int, what: str) -> None:
        """Refuse an operation that would make a value larger than :data:`MAX_VALUE_CHARS`."""
        if chars > self.max_value:
            raise RenderLimitError(f"{what} would make {chars} characters; "
                                   f"a template may make at most {self.max_value} in one value")

    def made(self, value: Any, what: str) -> Any:
        """A value an operation made, measured and counted; refused if too large."""
        if isinstance(value, (str, bytes, bytearray)):
            self.fits(len(value), what)
            self.chars -= len(value)
            if self.chars < 0:
                self.over_chars()
        elif isinstance(value, int):
            if value.bit_length() > self.max_bits:
                self.over_digits(what)
        elif isinstance(value, _MEASURED):
            self.fits(self.size(value, self.max_value), what)
        return value

    def over_digits(self, what: str) -> None:
        raise RenderLimitError(f"{what} would make a number of more than {self.max_digits} digits; "
                               f"a template may make numbers of at most {self.max_digits} digits")

    def text(self, value: Any) -> int:
        """Characters of a value as text: its length, or its size (:meth:`size`)."""
        return len(value) if isinstance(value, (str, bytes, bytearray)) else self.size(value, self.max_chars)

    def size(self, value: Any, limit: int) -> int:
        """How many characters a value stands for as text, at least: a list as the text
        of its items, each as often as it occurs. Past ``limit`` it is refused."""
        try:
            return self._measure(value, limit, 0, {})[0]
        except _TooLarge:
            raise RenderLimitError(f"a value stands for more than {limit} characters; "
                                   f"a template may use values of at most {limit}") from None

    def depth(self, value: Any) -> int:
        """How many levels of lists and mappings a value has."""
        self.size(value, self.max_chars)
        return self._measure(value, self.max_chars, 0, {})[1]

    def _measure(self, value: Any, limit: int, level: int, seen: dict[int, tuple[int, int]]) -> tuple[int, int, bool]:
        """Size, depth, and whether the value is fixed (holds no namespace). Fixed values
        are remembered for the render; the others, in ``seen``, for this measure only."""
        if isinstance(value, (str, bytes, bytearray)):
            return len(value) + 3, 0, True
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return 24, 0, True
        if isinstance(value, int):
            return value.bit_length() // 3 + 2, 0, True
        if isinstance(value, range):
            return 2 + len(value) * (max(abs(value.start), abs(value.stop)).bit_length() // 3 + 3), 0, True
        if not isinstance(value, (*_MEASURED, Namespace)):
            return 32, 0, True
        known = self.sizes.get(id(value))
        if known is not None and known[0] is value:
            return known[1], known[2], True
        if id(value) in seen:
            return *seen[id(value)], False
        if isinstance(value, Namespace):  # its attributes change: never remembered past this measure
            total, depth, _ = self._walk(object.__getattribute__(value, "_Namespace__attrs"), limit, level + 1, seen)
            total, depth, fixed = total + 13, depth + 1, False
        else:
            total, depth, fixed = self._walk(value, limit, level, seen)
        if fixed:
            self.sizes[id(value)] = (value, total, depth)
        else:
            seen[id(value)] = (total, depth)
        return total, depth, fixed

    def _walk(self, value: Any, limit: int, level: int, seen: dict[int, tuple[int, int]]) -> tuple[int, int, bool]:
        """Size, depth and fixedness of a list, tuple, set or mapping, from its items."""
        if level >= MAX_DEPTH:
            raise RenderLimitError(f"a value is nested more than {MAX_DEPTH} levels deep")
        total, depth, fixed = 2, 0, True
        mapping = getattr(value, "mapping", value)  # a dict view stands for its dict
        parts: Iterable[Any] = (part for pair in mapping.items() for part in pair) if isinstance(mapping, Mapping) \
            else cast(Iterable[Any], value)
        for part in parts:
            size, inner, still = self._measure(part, limit - total, level + 1, seen)
            total += size + 2
            depth = max(depth, inner + 1)
            fixed = fixed and still
            if total > limit:
                raise _TooLarge
            self.visits += 1
            if not self.visits % 4096:
                self.clock()
        return total, depth, fixed


_SEQUENCES = (str, bytes, bytearray, list, tuple)
_MEASURED: tuple[type, ...] = (list, tuple, dict, set, frozenset, type({}.keys()), type({}.values()),
                               type({}.items()))
_ACTIVE: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("vbdocs_render_budget", default=None)


def _current() -> _Budget:
    """The budget of the render under way (outside one, a fresh budget for this operation)."""
    return _ACTIVE.get() or _Budget()


@contextmanager
def render_limits() -> Iterator[None]:
    """One document's budget, shared by all its parts (body, headers, footnotes)."""
    if _ACTIVE.get() is not None:
        yield
        return
    token = _ACTIVE.set(_Budget())
    try:
        yield
    finally:
        _ACTIVE.reset(token)


# -- the template text docxtpl patches ------------------------------------------------

# docxtpl's first two passes (docxtpl 0.20, DocxTemplate.patch_xml), both linear: the
# first joins a "{{" or "}}" that Word split across runs, the second takes the markup
# out of each tag. The checks below look at the text as those passes leave it.
_SPLIT_TAG = re.compile(r"(?<={)(<[^>]*>)+(?=[\{%\#])|(?<=[%\}\#])(<[^>]*>)+(?=\})", re.DOTALL)
_TAG_TEXT = re.compile(r"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.DOTALL)
_RUN_BREAK = re.compile(r"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.DOTALL)
_OPENING = re.compile(r"\{(?=[{%#])")
_CLOSING_OF = {"{": "}}", "%": "%}", "#": "#}"}
_TRIM_STOP = re.compile(r"<w:t[ >]|\{[{%]")
_MERGE = re.compile(r"\{%\s*[vh]m\s*%\}")
_CELL_TAG = re.compile(r"\{%\s*(?:colspan|cellbg|vm|hm)\b")
_PLACED_TAG = {y: re.compile(r"\{[{%#]" + y + " ") for y in ("tr", "tc", "p", "r")}


def check_template_text(xml: str) -> None:
    """Refuse template XML that docxtpl's rewriting would take too long over.

    Its regular expressions search from each tag to its closing, to the end of the
    paragraph, row or cell a ``{%p``/``{%tr``/``{%tc``/``{%r`` tag removes, and from a
    ``-%}`` to the next text; when what they look for is missing they search to the
    end of the text, once per tag. So: at most :data:`MAX_TEMPLATE_TAGS` tags, each
    closed within :data:`MAX_TAG_CHARS` characters, no such tag after the last element
    it belongs in, text between two ``-%}``, and a ``{% vm %}``/``{% hm %}`` in the text
    of a small cell; and the part at most :data:`MAX_TEMPLATE_PART_CHARS` long.
    """
    if len(xml) > MAX_TEMPLATE_PART_CHARS:
        raise RenderLimitError(f"has a part of {len(xml)} characters of XML; a template part may have at most "
                               f"{MAX_TEMPLATE_PART_CHARS}")
    xml = _SPLIT_TAG.sub("", xml)
    marks = sum(xml.count(mark) for mark in ("{{", "{%", "{#", "}}", "%}", "#}"))
    if marks > 2 * MAX_TEMPLATE_TAGS:
        raise RenderLimitError(f"has about {marks // 2} tags in one part; a template may have at most "
                               f"{MAX_TEMPLATE_TAGS}")
    for opening in _OPENING.finditer(xml):
        start = opening.start()
        if xml.find(_CLOSING_OF[xml[start + 1]], start + 2, start + 4 + MAX_TAG_CHARS) < 0:
            raise RenderLimitError(f"has a {xml[start:start + 2]!r} not closed within {MAX_TAG_CHARS} characters: "
                                   f"{_shown(xml, start)}")
    xml = _TAG_TEXT.sub(lambda tag: _RUN_BREAK.sub("", tag.group()), xml)
    trims = [m.start() for m in re.finditer(r"-%\}", xml)]
    for here, following in itertools.pairwise(trims):
        if not _TRIM_STOP.search(xml, here + 3, following):
            raise RenderLimitError(f"has two '-%}}' with no tag or text between them: {_shown(xml, here)}")
    for y, tag in _PLACED_TAG.items():
        late = tag.search(xml, xml.rfind(f"</w:{y}>") + 1)
        if late:
            raise RenderLimitError(f"has a tag after the last <w:{y}> it could remove: {_shown(xml, late.start())}")
    late = _CELL_TAG.search(xml, xml.rfind("</w:tc>") + 1)
    if late:
        raise RenderLimitError(f"has a cell tag after the last table cell: {_shown(xml, late.start())}")
    for merge in _MERGE.finditer(xml):
        end = xml.find("</w:tc", merge.end(), merge.end() + MAX_TAG_CHARS)
        if end < 0 or xml.find("</w:t>", merge.end(), end) < 0 or xml.find("</w:tcPr", merge.end(), end) >= 0:
            raise RenderLimitError(f"has a {merge.group()!r} outside the text of a table cell of at most "
                                   f"{MAX_TAG_CHARS} characters: {_shown(xml, merge.start())}")


def check_rendered_xml(xml: str) -> None:
    """Refuse a rendered part too large to build as a tree, or that declares entities."""
    tags = xml.count("<") if len(xml) > MAX_RENDERED_TAGS else 0  # a tag takes a character at least
    if tags > MAX_RENDERED_TAGS:
        raise RenderLimitError(f"renders a part of {tags} XML tags; a part may have at most {MAX_RENDERED_TAGS}")
    if "!" in xml and ("<!DOCTYPE" in xml or "<!ENTITY" in xml):  # "!" alone is the quick search
        raise RenderLimitError("renders a DTD into its XML, which no Office Open XML part has")


def _shown(xml: str, at: int) -> str:
    """A short view of the text around a place, markup left out."""
    return repr(re.sub(r"<[^>]*>", "", xml[max(at - 40, 0):at + 80])[:60])


# -- sizes of what an operation would make ----------------------------------------------

_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")


def _values(values: Any) -> list[Any]:
    if isinstance(values, Mapping):
        return list(values.values())
    return list(values) if isinstance(values, tuple) else [values]


def _printf_chars(budget: _Budget, pattern: str | bytes | bytearray, values: Any, escape: int) -> int:
    """Characters ``pattern % values`` makes at most."""
    if not isinstance(pattern, str):
        pattern = pattern.decode("latin-1")
    found = _values(values)
    largest = max((budget.text(v) for v in found), default=0) * escape
    widest = max((abs(v) for v in found if isinstance(v, int)), default=0)
    total = len(pattern)
    for field in _PRINTF_FIELD.finditer(pattern):
        total += max([largest, *(widest if g == "*" else int(g) for g in field.group(1, 2) if g)])
    return total


def _format_chars(budget: _Budget, pattern: str, found: list[Any], escape: int) -> int:
    """Characters ``pattern.format(...)`` makes at most, ``found`` its arguments."""
    largest = max((budget.text(v) for v in found), default=0) * escape
    widest = max((abs(v) for v in found if isinstance(v, int)), default=0)
    total = len(pattern)
    for _, name, spec, _ in Formatter().parse(pattern):
        if name is not None:
            sizes = [int(d) for d in _DIGITS.findall(spec or "")] + ([widest] if "{" in (spec or "") else [])
            total += max([largest, *sizes])
    return total


def _check_striptags(budget: _Budget, text: Any) -> None:
    """markupsafe's striptags rebuilds the text once per tag it removes: refuse when that
    would copy more than a thousand times the largest value."""
    if isinstance(text, str) and text.count("<") * len(text) > 1000 * budget.max_value:
        raise RenderLimitError(f"'striptags' over {len(text)} characters with {text.count('<')} tags would take "
                               f"too long; a template may strip at most {1000 * budget.max_value} "
                               "characters times tags")


def _replaced_chars(text: Any, old: Any, new: Any, count: Any, escape: int) -> int:
    if not (isinstance(text, (str, bytes, bytearray)) and isinstance(old, type(text)) and isinstance(new, type(text))):
        return len(text) if isinstance(text, (str, bytes, bytearray)) else 0
    found = cast(Any, text).count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) * escape - len(old), 0)


def _joined_chars(budget: _Budget, items: list[Any], separator: Any, escape: int) -> int:
    def one(value: Any) -> int:
        return budget.text(value) * (1 if isinstance(value, Markup) else escape)

    return sum(one(item) for item in items) + max(len(items) - 1, 0) * one(separator)


def _arg(args: list[Any], kwargs: dict[str, Any], index: int, name: str, default: Any) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _listed(args: list[Any], kwargs: dict[str, Any], name: str) -> list[Any]:
    """The filter's first argument as a list, put back in place of the iterable."""
    if args:
        args[0] = list(args[0])
        return args[0]  # type: ignore[no-any-return]
    kwargs[name] = list(kwargs.get(name, ()))
    return kwargs[name]  # type: ignore[no-any-return]


def _summed(b: _Budget, a: list[Any], k: dict[str, Any]) -> int:
    items, start = _listed(a, k, "iterable"), _arg(a, k, 2, "start", 0)
    if isinstance(start, (str, list, tuple)) or any(isinstance(i, (str, list, tuple)) for i in items):
        return b.text(start) + sum(b.text(i) for i in items)
    return 0


def _indented(b: _Budget, a: list[Any], k: dict[str, Any]) -> int:
    text, width = _arg(a, k, 0, "s", ""), _arg(a, k, 1, "width", 4)
    lines = text.count("\n") + 1 if isinstance(text, str) else b.text(text) + 1
    return b.text(text) + lines * (len(width) if isinstance(width, str) else _int(width))


def _dumped(b: _Budget, a: list[Any], k: dict[str, Any]) -> int:
    value = _arg(a, k, 0, "value", None)
    return 6 * b.text(value) * (1 + _int(_arg(a, k, 1, "indent", 0)) * b.depth(value))


def _rounded(b: _Budget, a: list[Any], k: dict[str, Any]) -> int:
    """round(a whole number, -n) works with 10 to the n."""
    value, precision = _arg(a, k, 0, "value", 0), _int(_arg(a, k, 1, "precision", 0))
    if isinstance(value, int) and -precision > b.max_digits:
        b.over_digits("the filter 'round'")
    return 0


def _stripped(b: _Budget, a: list[Any], k: dict[str, Any]) -> int:
    value = _arg(a, k, 0, "value", "")
    _check_striptags(b, str(value) if isinstance(value, str) else "")
    return b.text(value)


#: What each filter that may make more than it is given makes at most, from its
#: arguments (those after a context or environment Jinja passes).
_Estimate = Callable[[_Budget, list[Any], dict[str, Any]], int]
_FILTER_CHARS: dict[str, _Estimate] = {
    "center": lambda b, a, k: max(b.text(_arg(a, k, 0, "value", "")), _int(_arg(a, k, 1, "width", 80))),
    "indent": _indented,
    "wordwrap": lambda b, a, k: (b.text(_arg(a, k, 0, "s", "")) + 1) * (1 + b.text(_arg(a, k, 3, "wrapstring", None)
                                                                                      or "\n")),
    "format": lambda b, a, k: _printf_chars(b, a[0], k or tuple(a[1:]), 1) if a and isinstance(a[0], str) else 0,
    "replace": lambda b, a, k: _replaced_chars(_arg(a, k, 0, "s", ""), _arg(a, k, 1, "old", ""),
                                               _arg(a, k, 2, "new", ""), _arg(a, k, 3, "count", None), 6),
    "join": lambda b, a, k: _joined_chars(b, _listed(a, k, "value"), _arg(a, k, 1, "d", ""), 6),
    "sum": _summed,
    "batch": lambda b, a, k: b.text(_arg(a, k, 0, "value", "")) + _int(_arg(a, k, 1, "linecount", 0)) * (
        b.text(_arg(a, k, 2, "fill_with", None)) + 2),
    "slice": lambda b, a, k: b.text(_arg(a, k, 0, "value", "")) + _int(_arg(a, k, 1, "slices", 0)) * (
        b.text(_arg(a, k, 2, "fill_with", None)) + 4),
    "truncate": lambda b, a, k: b.text(_arg(a, k, 0, "s", "")) + b.text(_arg(a, k, 3, "end", "...")),
    "tojson": _dumped,
    "pprint": lambda b, a, k: b.text(_arg(a, k, 0, "value", "")) * (2 + b.depth(_arg(a, k, 0, "value", ""))),
    "urlize": lambda b, a, k: 6 * b.text(_arg(a, k, 0, "value", "")) + (b.text(_arg(a, k, 0, "value", "")) // 4 + 1)
    * (64 + b.text(_arg(a, k, 3, "target", None) or "") + b.text(_arg(a, k, 4, "rel", None) or "")),
    "xmlattr": lambda b, a, k: 8 * b.text(_arg(a, k, 0, "d", {})),
    "urlencode": lambda b, a, k: 12 * b.text(_arg(a, k, 0, "value", "")),
    "list": lambda b, a, k: 5 * b.text(_arg(a, k, 0, "value", "")),
    "round": _rounded,
    "striptags": _stripped,
    **{name: (lambda b, a, k: 6 * b.text(_arg(a, k, 0, "s", ""))) for name in ("e", "escape", "forceescape")},
    **{name: (lambda b, a, k: 3 * b.text(_arg(a, k, 0, "s", ""))) for name in ("upper", "lower", "title",
                                                                               "capitalize")},
}


def _bounded(kind: str, name: str, func: Callable[..., Any], estimate: _Estimate | None) -> Callable[..., Any]:
    """A filter or test that counts as a step, measures what it is given and what it
    makes, and refuses to run when it would make too much."""
    passed = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0
    what = f"the {kind} {name!r}"

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget = _current()
        budget.step()
        for value in (*args[passed:], *kwargs.values()):
            budget.size(value, budget.max_chars)
        if estimate is not None:
            given = list(args[passed:])
            budget.fits(estimate(budget, given, kwargs), what)
            args = (*args[:passed], *given)
        return budget.made(func(*args, **kwargs), what)

    return bounded


def _range(*args: int) -> range:
    """Jinja's sandboxed range (at most 100,000 numbers), its numbers counted as steps."""
    numbers = safe_range(*args)
    _current().step(len(numbers))
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # Jinja's parameter names
    _current().fits(_int(n) * _int(max) * 12, "lipsum")
    return str(generate_lorem_ipsum(n, html, min, max))


def _printed(value: Any) -> Any:
    """Every printed value: counted, and measured when it is not text. (No clock here: a
    value is printed once per pass of the loop around it, and the loop reads it.)"""
    budget = _current()
    budget.chars -= len(value) if isinstance(value, str) else budget.size(value, budget.max_chars)
    if budget.chars < 0:
        budget.over_chars()
    return value


# -- the compiled template ---------------------------------------------------------------


def _loop_text(body: Iterable[nodes.Node]) -> int:
    """Characters of template text one pass of a loop body prints at most (the longest
    branch of an if; inner loops and macros count their own)."""
    total = 0
    for node in body:
        if isinstance(node, nodes.TemplateData):
            total += len(node.data)
        elif isinstance(node, nodes.If):
            total += max(_loop_text(node.body), _loop_text(node.else_), *(_loop_text([e]) for e in node.elif_))
        elif isinstance(node, nodes.For):
            total += _loop_text(node.else_)
        elif not isinstance(node, (nodes.Macro, nodes.CallBlock)):
            total += _loop_text(node.iter_child_nodes())
    return total


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with loops counted and containers and joins measured."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loops: dict[int, tuple[nodes.Node, int]] = {}  # a loop's iterable → the text one pass prints

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loops[id(node.iter)] = (node.iter, _loop_text(node.body))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        """Write a loop's iterable as ``environment.counted(iterable, chars)``."""
        loop = self._loops.get(id(node))
        if loop is None or loop[0] is not node:
            return super().visit(node, *args, **kwargs)
        del self._loops[id(node)]
        self.write("environment.counted(")
        super().visit(node, *args, **kwargs)
        self.write(f", {loop[1]})")
        return None

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.made(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.made(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # a loop's or an assignment's target
            super().visit_Tuple(node, frame)
            return
        self.write("environment.made(")
        super().visit_Tuple(node, frame)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # Jinja's, with the parts measured before they are joined and the result counted.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.made({join}(environment.parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))))")


class _BoundedTemplate(Template):
    """A template whose render, unless part of a document's, has a budget of its own."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with render_limits():
            return super().render(*args, **kwargs)


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """Our Jinja environment: immutable sandbox, autoescape, ``StrictUndefined``,
    bounded; it compiles each template source once per process (docxtpl asks to
    compile the same XML for every document, and compiling is most of a render's time),
    once even when threads render at the same time (the cache is theirs to share)."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})
    code_generator_class = _CodeGenerator
    template_class = _BoundedTemplate

    def __init__(self) -> None:
        # A loader that finds nothing: {% include %} and {% import %} can read no file.
        super().__init__(autoescape=True, undefined=StrictUndefined, loader=FunctionLoader(lambda name: None),
                         finalize=_printed)
        self.filters = {name: _bounded("filter", name, f, _FILTER_CHARS.get(name)) for name, f in self.filters.items()}
        tests: dict[str, Callable[..., Any]] = {**self.tests}  # type: ignore[dict-item]
        self.tests = {name: _bounded("test", name, f, None) for name, f in tests.items()}
        self.globals.update(range=_range, lipsum=_lipsum)
        self._compiled: dict[str, Any] = {}
        self._compiling = threading.Lock()

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._compiling:  # two threads asking for one source wait for one compilation
            compiled = self._compiled.get(source)
            if compiled is None:
                if len(self._compiled) > 256:
                    self._compiled.clear()
                compiled = self._compiled[source] = super().from_string(source)
        return compiled

    # -- hooks of the generated code --------------------------------------------------

    def counted(self, iterable: Iterable[Any], chars: int) -> Iterator[Any]:
        """The items of a loop, each pass a step that prints up to ``chars`` of template text."""
        step = _current().step
        for item in iterable:
            step(1, chars)
            yield item

    def made(self, value: Any) -> Any:
        """A list, tuple, mapping or joined text the template wrote, measured."""
        return _current().made(value, "a value")

    def parts(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of a ``~``, refused when their text together is too long."""
        budget = _current()
        escape = 6 if any(isinstance(v, Markup) for v in values) else 1
        budget.fits(sum(budget.text(v) * (1 if isinstance(v, Markup) else escape) for v in values), "'~'")
        return values

    # -- the sandbox's own hooks ------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _current()
        what = f"{operator!r}"
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
                    and right * math.log2(abs(left)) > budget.max_bits:
                budget.over_digits(what)
        elif operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > budget.max_bits + 1:
                    budget.over_digits(what)
            else:
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, _SEQUENCES) and isinstance(times, int):
                        budget.fits(budget.text(seq) * max(times, 0), what)
        elif operator == "+":
            if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
                escape = 6 if isinstance(left, Markup) != isinstance(right, Markup) else 1
                budget.fits((budget.text(left) + budget.text(right)) * escape, what)
        elif operator == "%" and isinstance(left, (str, bytes, bytearray)):
            budget.fits(_printf_chars(budget, left, right, 6 if isinstance(left, Markup) else 1), what)
        return budget.made(self.binop_table[operator](left, right), what)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # Jinja's names
        budget = _current()
        budget.step()
        for key, value in kwargs.items():
            if key not in ("_loop_vars", "_block_vars"):
                budget.size(value, budget.max_chars)
        for value in args:
            budget.size(value, budget.max_chars)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, bytes, bytearray, int)):
            args = _checked_method(budget, owner, str(getattr(__obj, "__name__", "")), args, kwargs)
        elif isinstance(__obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (__self.counted(args[0], 0), *args[1:])
        return budget.made(super().call(__context, __obj, *args, **kwargs), "a call")

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern: str = value.__self__
        as_map = value.__name__ == "format_map"
        escape = 6 if isinstance(pattern, Markup) else 1

        def bounded(*args: Any, **kwargs: Any) -> str:
            budget = _current()
            found = _values(args[0]) if as_map and args else [*args, *kwargs.values()]
            budget.fits(_format_chars(budget, pattern, found, escape), f"{value.__name__!r}")
            return budget.made(wrapped(*args, **kwargs), f"{value.__name__!r}")  # type: ignore[no-any-return]

        return functools.update_wrapper(bounded, wrapped)


def _checked_method(budget: _Budget, text: str | bytes | bytearray | int, name: str, args: tuple[Any, ...],
                    kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a method of a text (or a number's ``to_bytes``) that would make too long a
    text, or work too long; a joined iterable is made a list first, so its length is known."""
    what = f"{name!r}"
    given = list(args)
    if isinstance(text, int):
        if name == "to_bytes":
            budget.fits(_int(_arg(given, kwargs, 0, "length", 1)), what)
        return tuple(given)
    escape = 6 if isinstance(text, Markup) else 1
    if name == "striptags":
        _check_striptags(budget, text)
    elif name in ("center", "ljust", "rjust", "zfill"):
        budget.fits(max(len(text), _int(_arg(given, kwargs, 0, "width", 0))), what)
    elif name == "expandtabs":
        tabs = text.count("\t") if isinstance(text, str) else text.count(b"\t")
        budget.fits(len(text) + tabs * max(_int(_arg(given, kwargs, 0, "tabsize", 8)), 0), what)
    elif name == "replace" and len(given) >= 2:
        budget.fits(_replaced_chars(text, given[0], given[1], _arg(given, kwargs, 2, "count", -1), escape), what)
    elif name == "join" and given:
        given[0] = list(given[0])
        budget.fits(_joined_chars(budget, given[0], text, escape), what)
    elif name == "translate" and given and isinstance(given[0], Mapping) and isinstance(text, str):
        longest = max((len(v) if isinstance(v, str) else 1 for v in given[0].values()), default=1)
        budget.fits(len(text) * longest, what)
    return tuple(given)
