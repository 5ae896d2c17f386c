"""``vbdocs check FILE --fix OUT.docx``: repair what is safe to repair, into a new file.

Only the rules the catalogue marks ``safe`` (page, margins, typeface, a date's zeros) or
``guarded`` (the look of a part the checker has identified with certainty: sizes, bold and
italic, alignment, indents, spacing) are repaired, and only where they fail; wording, missing
parts and their order are left to a person and listed. The text is never changed but for the
zeros of the date (the one fix that is about characters). The original file is never written:
the result goes to another path, and is checked again.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ..i18n import N_, _, pgettext
from ..layout import decree
from ..layout.decree import SIZES
from ..layout.metrics import mm
from . import CheckReport, check
from .catalogue import CATALOGUE
from .reader import Document, Line, Para, UnreadableDocument, w
from .rules import _DATE, _INDENT, CHECKS, Parts, _aligned, applies


@dataclass(frozen=True)
class FixReport:
    """What ``--fix`` changed, and what the fixed file still fails (for a person)."""

    target: Path
    changed: tuple[str, ...]
    after: CheckReport


def fix(source: str | Path, target: str | Path) -> FixReport:
    """Write ``source`` repaired to ``target`` and check it.

    Raises:
        UnreadableDocument: ``source`` cannot be read (or is too large to be read whole).
        ValueError: ``target`` is ``source``: the file checked is never overwritten.
    """
    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        raise ValueError(_("{target} is the file checked: --fix writes a new file and never overwrites it")
                         .format(target=target))
    if target.exists() or target.is_symlink():
        raise ValueError(_("{target} exists: --fix writes a new file and never replaces one; name another")
                         .format(target=target))
    doc = Document(source, keep=True)
    parts = Parts(doc)
    failing = {f.rule for check_part in CHECKS for f in check_part(parts) if applies(parts, f).status == "fail"}
    changed: list[str] = []
    for rule in CATALOGUE:
        if rule in failing and CATALOGUE[rule].fix != "none" and rule in _FIXERS:
            changed += [f"{rule}: {what}" for what in _FIXERS[rule](parts)]
    data = etree.tostring(doc.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    # written beside the target under a name of its own, then linked into place: two runs never share
    # it, a stopped run leaves no half-written target, and a file made meanwhile at the target is kept
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temporary = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # a new file's mode, as any program makes it (mkstemp's is 0600)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(source) as src, \
                zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                dst.writestr(item, data if item.filename == "word/document.xml" else src.read(item.filename))
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise ValueError(_("{target} exists: --fix writes a new file and never replaces one; name another")
                             .format(target=target)) \
                from None
    finally:
        temporary.unlink(missing_ok=True)
    return FixReport(target, tuple(changed), check(target))


# -- editing WordprocessingML in schema order -------------------------------------------------------

_PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
              "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
              "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
              "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
_RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
              "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
              "vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()


def _child(parent: Any, name: str, order: list[str]) -> Any:
    """``parent``'s child ``w:name``, made in its place of the schema's sequence if missing."""
    found = parent.find(w(name))
    if found is not None:
        return found
    new = parent.makeelement(w(name), {})
    rank = order.index(name)
    for i, sibling in enumerate(parent):
        local = etree.QName(sibling).localname
        if local in order and order.index(local) > rank:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


def _properties(element: Any, tag: str) -> Any:
    props = element.find(w(tag))
    if props is None:
        props = element.makeelement(w(tag), {})
        element.insert(0, props)
    return props


def _set_runs(runs: Iterable[Any], *, bold: bool | None = None, italic: bool | None = None,
              size: float | None = None, font: str | None = None) -> None:
    for run in runs:
        rpr = _properties(run, "rPr")
        for name, on in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
            if on is not None:
                _child(rpr, name, _RPR_ORDER).set(w("val"), "1" if on else "0")
        if size is not None:
            for name in ("sz", "szCs"):
                _child(rpr, name, _RPR_ORDER).set(w("val"), str(round(size * 2)))
        if font is not None:
            fonts = _child(rpr, "rFonts", _RPR_ORDER)
            for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
                fonts.attrib.pop(w(attr), None)
            for attr in ("ascii", "hAnsi", "cs"):
                fonts.set(w(attr), font)


def _set_para(para: Para, name: str, **attrs: str) -> None:
    element = _child(_properties(para.element, "pPr"), name, _PPR_ORDER)
    for attr, value in attrs.items():
        element.set(w(attr), value)


def _runs(lines: Iterable[Line]) -> list[Any]:
    """The w:r elements that print these lines, each once."""
    out: dict[int, Any] = {}
    for line in lines:
        for run in line.runs:
            if run.element is not None and run.text.strip():
                out.setdefault(id(run.element), run.element)
    return list(out.values())


def _size(current: float | None, allowed: tuple[float, ...]) -> float:
    """The allowed size nearest the one set (the largest where none is)."""
    if current is None:
        return max(allowed)
    return min(allowed, key=lambda s: (abs(s - current), -s))


# -- the fixes ------------------------------------------------------------------------------------------

Fixer = Callable[[Parts], list[str]]


def _look(lines_of: Callable[[Parts], list[Line]], element: str, *, bold: bool | None, italic: bool | None = False,
          align: str | None = None) -> Fixer:
    """A fixer that sets the look of an identified part: its weight, slant, size (nearest allowed)
    and alignment, where they are wrong."""
    def fixer(p: Parts) -> list[str]:
        out = []
        for line in lines_of(p):
            allowed = SIZES[element].allowed
            size = None if line.size in allowed else _size(line.size, allowed)
            wrong_weight = bold is not None and line.bold != bold
            wrong_slant = italic is not None and line.italic != italic
            if size is not None or wrong_weight or wrong_slant:
                _set_runs(_runs([line]), bold=bold if wrong_weight else None,
                          italic=italic if wrong_slant else None, size=size)
                changes = [_("{size:g} pt").format(size=size)] if size else []
                changes += [pgettext("check", "bold") if bold else _("not bold")] if wrong_weight else []
                changes += [pgettext("check", "italic") if italic else _("upright")] if wrong_slant else []
                out.append(_("{text!r} set {changes}").format(text=line.clean[:40], changes=" ".join(changes)))
            if align is not None and line.para.alignment != align:
                _set_para(line.para, "jc", val={"justify": "both"}.get(align, align))
                line.para.alignment = align
                out.append(f"{line.clean[:40]!r} {_aligned(align)}")
        return out
    return fixer


def _page_size(p: Parts) -> list[str]:
    width, height = mm(decree.PAGE_WIDTH_MM), mm(decree.PAGE_HEIGHT_MM)
    out = []
    for i, sect in enumerate(_sections(p)):
        size = _child(sect, "pgSz", ["pgSz"])
        landscape = i > 0 and size.get(w("orient")) == "landscape"
        size.set(w("w"), str(height if landscape else width))
        size.set(w("h"), str(width if landscape else height))
        if not landscape:
            size.attrib.pop(w("orient"), None)
        out.append((_("section {number}: A4 landscape") if landscape else _("section {number}: A4 portrait"))
                   .format(number=i + 1))
    return out


def _margins(p: Parts) -> list[str]:
    out = []
    for i, sect in enumerate(_sections(p)):
        margins = sect.find(w("pgMar"))
        if margins is None:
            continue
        for edge, span in decree.MARGINS_MM.items():
            value = int(float(margins.get(w(edge), "0") or 0))
            low, high = mm(span.low), mm(span.high)
            if not low - 12 <= value <= high + 12:
                new = low if value < low else high
                margins.set(w(edge), str(new))
                out.append(_(_MARGIN_CHANGES[edge]).format(number=i + 1, before=value / mm(1), after=new / mm(1)))
    return out


_MARGIN_CHANGES = {"top": N_("section {number}: top {before:.1f} → {after:.1f} mm"),
                   "bottom": N_("section {number}: bottom {before:.1f} → {after:.1f} mm"),
                   "left": N_("section {number}: left {before:.1f} → {after:.1f} mm"),
                   "right": N_("section {number}: right {before:.1f} → {after:.1f} mm")}


def _sections(p: Parts) -> list[Any]:
    body = p.doc.root.find(w("body"))
    return [*body.iterfind(f"{w('p')}/{w('pPr')}/{w('sectPr')}"), body.find(w("sectPr"))]


def _typeface(p: Parts) -> list[str]:
    runs = [r for r in p.doc.root.iter(w("r")) if any(t.text and t.text.strip() for t in r.iter(w("t")))]
    _set_runs(runs, font="Times New Roman")
    return [_("{count} runs set in Times New Roman").format(count=len(runs))]


def _date_padding(p: Parts) -> list[str]:
    line = p.place_date
    if line is None or len(line.para.lines) != 1:
        return []
    m = _DATE.match(line.clean)
    if m is None or not (m["day"] and m["month"]):
        return []
    day, month = int(m["day"]), int(m["month"])
    fixed = f"{m['place']}, ngày {day:02d} tháng {f'{month:02d}' if month <= 2 else month} năm {m['year']}"
    texts = [t for r in _runs([line]) for t in r.iter(w("t"))]
    texts[0].text = re.sub(r"^\s*", "", fixed)
    for t in texts[1:]:
        t.text = ""
    return [f"{line.clean!r} → {fixed!r}"]


def _body(rule: str) -> Fixer:
    def fixer(p: Parts) -> list[str]:
        out: list[str] = []
        for para in p.body:
            before = len(out)
            if rule == "body.size":
                wrong = [line for line in para.lines if any(r.text.strip() and r.size not in SIZES["body"].allowed
                                                            for r in line.runs)]
                if wrong:
                    _set_runs(_runs(wrong), size=_size(wrong[0].size, SIZES["body"].allowed))
                    out.append(pgettext("check", "size"))
            elif rule == "body.alignment" and para.alignment != "justify":
                _set_para(para, "jc", val="both")
                out.append(_("justified"))
            elif rule == "body.indent" and not _INDENT[0] <= para.first_line <= _INDENT[1]:
                ind = _child(_properties(para.element, "pPr"), "ind", _PPR_ORDER)
                ind.attrib.pop(w("hanging"), None)
                ind.set(w("firstLine"), str(mm(decree.FIRST_LINE_INDENT_MM.low)))
                out.append(_("first line indented 1 cm"))
            elif rule == "body.spacing" and max(para.space_before, para.space_after) < decree.SPACE_BETWEEN_PT * 20 - 2:
                _set_para(para, "spacing", after=str(decree.SPACE_BETWEEN_PT * 20))
                out.append(_("{space} pt after").format(space=decree.SPACE_BETWEEN_PT))
            elif rule == "body.line_spacing":
                _set_para(para, "spacing", line="240", lineRule="auto")
                out.append(_("single line spacing"))
            if len(out) > before:
                out[-1] = f"{para.lines[0].clean[:40]!r}: {out[-1]}"
        return out
    return fixer


def _centre(lines_of: Callable[[Parts], list[Line]]) -> Fixer:
    def fixer(p: Parts) -> list[str]:
        out = []
        for line in lines_of(p):
            if line.para.alignment != "center":
                _set_para(line.para, "jc", val="center")
                line.para.alignment = "center"
                out.append(_("{text!r} centred").format(text=line.clean[:40]))
        return out
    return fixer


def _left(p: Parts) -> list[str]:
    out = []
    for line in [x for x in (p.recipients_label, *p.recipients) if x is not None]:
        if line.para.alignment not in ("left", "justify"):
            _set_para(line.para, "jc", val="left")
            out.append(_("{text!r} at the left").format(text=line.clean[:40]))
    return out


def _one(line: Line | None) -> list[Line]:
    return [line] if line is not None else []


_FIXERS: dict[str, Fixer] = {
    "page.size": _page_size,
    "page.margins": _margins,
    "font.typeface": _typeface,
    "date.padding": _date_padding,
    "header.national_title": _look(lambda p: _one(p.national_title), "national_title", bold=True),
    "header.motto": _look(lambda p: _one(p.motto), "motto", bold=True),
    "header.parent": _look(lambda p: [x for parent, _name in p.issuers for x in parent], "parent", bold=False),
    "header.agency": _look(lambda p: [x for _parent, name in p.issuers for x in name], "agency", bold=True),
    "header.alignment": _centre(lambda p: p.header_lines),
    "header.number": _look(lambda p: _one(p.number), "number", bold=False),
    "header.place_date": _look(lambda p: _one(p.place_date), "place_date", bold=False, italic=True),
    "title.type_name": _look(lambda p: _one(p.type_name), "type_name", bold=True, align="center"),
    "title.subject": _look(lambda p: p.subject, "subject", bold=True, align="center"),
    "letter.subject": _look(lambda p: p.letter_subject, "letter_subject", bold=False, align="center"),
    "body.size": _body("body.size"),
    "body.alignment": _body("body.alignment"),
    "body.indent": _body("body.indent"),
    "body.spacing": _body("body.spacing"),
    "body.line_spacing": _body("body.line_spacing"),
    "recipients.label": _look(lambda p: _one(p.recipients_label), "recipients_label", bold=True, italic=True),
    "recipients.alignment": _left,
    "signature.titles": _look(lambda p: p.signer_titles, "signer", bold=True),
    "signature.name": _look(lambda p: _one(p.signer_name), "signer", bold=True),
    "marks": _look(lambda p: p.marks, "mark", bold=True),
}


__all__ = ["FixReport", "UnreadableDocument", "fix"]
