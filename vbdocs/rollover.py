"""Next year's campaign from this year's (``vbdocs new-campaign``).

The new file is this year's file edited in place, so its comments, order and
quoting stay and a clerk can read the difference: the year moves on in the
campaign and in its texts, deadlines move one year, numbers and issue dates are
cleared, legal bases are kept, and this year's plan is added to the legal bases
of next year's once it has been issued. What only a person can judge is listed
for review: texts that name a theme of the year or another year, deadlines that
now fall on a weekend, and the bodies whose names may have changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import stat
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import load_config
from .errors import ConfigError, OutputError, Problem, VbdocsWarning
from .i18n import _
from .vn.dates import is_weekend, short_date, weekday_name
from .vn.text import lower_first
from .yamledit import round_trip

_KEEP = {"legal_bases", "units", "id", "to", "issuer", "person", "unit", "drafting_unit"}
"""Keys whose values are references or citations of past documents: never edited
(and ``reports`` where it lists report ids)."""
_THEME = re.compile(r"chủ đề|năm du lịch|năm “", re.IGNORECASE)
#: A document cited in prose: "Quyết định số 1108/QĐ-SNNPTNT ngày 19/12/2023 …" up to the end of
#: its clause (";", ". " or the end): its number, date and words are facts about the past.
_CITED = re.compile(r"\bsố\s+\d[^\s,;]*\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}(?:[^;.]|\.(?!\s|$))*", re.IGNORECASE)


@dataclass(frozen=True)
class Rollover:
    """What :func:`new_campaign` wrote, and what a person must look at."""

    path: Path
    year: int
    review: tuple[str, ...]


def _next_year(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year + 1, day=28)


def _same_kind(old: Any, text: str) -> Any:
    """A new string of the same YAML style as ``old`` (folded, literal, quoted), folds kept."""
    if type(old) is str:
        return text
    new = type(old)(text)
    if hasattr(old, "fold_pos") and len(text) == len(str(old)):
        new.fold_pos = list(old.fold_pos)
    return new


class _Editor:
    def __init__(self, year: int) -> None:
        self.old, self.new = year, year + 1
        self.review: list[str] = []
        self._year = re.compile(rf"(?<!\d){year}(?!\d)")
        self._years = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

    def walk(self, node: Any, path: str) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if isinstance(node, CommentedMap):
            for key in list(node.keys()):
                value = node[key]
                ids = key == "reports" and isinstance(value, list) and all(isinstance(v, str) for v in value)
                if key == "legal_bases":
                    self.legal_bases(value, f"{path}.{key}" if path else str(key))
                if key in _KEEP or ids:
                    continue
                node[key] = self.value(node[key], f"{path}.{key}" if path else str(key), key)
        elif isinstance(node, CommentedSeq):
            for i in range(len(node)):
                node[i] = self.value(node[i], f"{path}[{i}]", None)

    def _moved(self, text: str, path: str) -> str:
        """The text with this year made next year's, except inside the documents it cites."""
        out, end = [], 0
        for cited in _CITED.finditer(text):
            out.append(self._year.sub(str(self.new), text[end:cited.start()]))
            out.append(cited.group())
            end = cited.end()
            if self._year.search(cited.group()):
                quote = " ".join(cited.group().split()[:4])
                self.review.append(f"{path}: " + _("cites {quote}, kept word for word; check whether {year} should "
                                                     "cite another document").format(quote=quote, year=self.new))
        out.append(self._year.sub(str(self.new), text[end:]))
        return "".join(out)

    def legal_bases(self, bases: Any, path: str) -> None:
        """Legal bases are never edited; those of this year are listed for review."""
        for i, basis in enumerate(bases or []):
            date = basis.get("date")
            subject = str(basis.get("subject", ""))
            if (isinstance(date, dt.date) and date.year == self.old) or self._year.search(subject):
                name = " ".join(filter(None, [str(basis.get("type", "")), str(basis.get("number") or "")]))
                self.review.append(f"{path}[{i}]: " + _("{name} is a document of {old}; cite its {new} successor once "
                                                          "it is issued").format(name=name, old=self.old, new=self.new))

    def value(self, value: Any, path: str, key: Any) -> Any:
        if isinstance(value, dict | list):
            self.walk(value, path)
            return value
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, dt.date):
            return _next_year(value)
        if isinstance(value, int):
            return self.new if key == "year" and value == self.old else value
        if isinstance(value, str):
            text = self._moved(value, path)
            if _THEME.search(text):
                self.review.append(f"{path}: " + _("names a theme of the year; check it for {year}").format(
                    year=self.new))
            # the years before this one are likely the old campaign's own references
            own_words = _CITED.sub("", text)  # what the cited documents say is flagged above
            stale = sorted({y for y in self._years.findall(own_words) if int(y) in (self.old - 1, self.old)})
            if stale:
                self.review.append(f"{path}: " + _("mentions {years}; check whether it should move on").format(
                    years=", ".join(stale)))
            return _same_kind(value, text) if text != value else value
        return value


def new_campaign(source: str | Path, *, year: int, output: str | Path, overwrite: bool = False) -> Rollover:
    """Write next year's campaign file from ``source``.

    Args:
        source: this year's campaign file (validated first).
        year: the new campaign's year; must be the year after the source's.
        output: the file to write.
        overwrite: replace ``output`` if it exists.

    Raises:
        ConfigError: the source is invalid, or the year is not the next one.
        OutputError: ``output`` exists (without ``overwrite``) or cannot be written.
    """
    source = Path(source)
    out = Path(os.path.realpath(output))  # a link to a file: write the file it points to
    config = _load_quietly(source)
    old_year = config.campaign.campaign.year
    if year != old_year + 1:
        raise ConfigError([Problem(str(source), 0, 0, "campaign.year",
                                   _("is {old}; a new campaign follows it in {next}, not {year}").format(
                                       old=old_year, next=old_year + 1, year=year), "date.year")])
    for own, what in ((config.campaign_path, _("the campaign it is made from")),
                      (config.units_path, _("its units file"))):
        if _same_file(out, own):
            raise OutputError(_("{output} is {what}; write the new campaign to a file of its own")
                              .format(output=output, what=what))
    if os.path.lexists(out) and not overwrite:
        raise OutputError(_("{output} exists; pass --force to replace it").format(output=output))
    yaml = round_trip()
    data = yaml.load(source.read_text(encoding="utf-8"))
    editor = _Editor(old_year)
    editor.walk(data, "")
    _clear_issue(data)
    _cite_finished_plan(config, data, editor)
    units_file = (source.parent / data.get("units", "units.yaml")).resolve()
    data["units"] = os.path.relpath(units_file, out.resolve().parent)
    for path, deadline in _deadlines(data):
        if is_weekend(deadline):
            editor.review.append(f"{path}: " + _("{day} falls on {weekday}; move it to a working day?").format(
                day=short_date(deadline), weekday=weekday_name(deadline)))
    names = list(dict.fromkeys([config.units.agency.full_name or config.units.agency.in_text]
                               + [b.name for b in config.units.bodies]))
    editor.review.append(
        f"{units_file.name}: " + _("check that these bodies keep their names in {year} (mergers, renamings): "
                                   "{names}").format(year=year, names="; ".join(names))
    )
    text = io.StringIO()
    yaml.dump(data, text)
    _write_valid(out, _comments_moved_on(text.getvalue(), old_year), shown=str(output))
    return Rollover(Path(output), year, tuple(editor.review))


def _comments_moved_on(text: str, year: int) -> str:
    """Whole-line comments speak of the campaign ("# The 2024 campaign …"): they move on too."""
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    return "".join(pattern.sub(str(year + 1), line) if line.lstrip().startswith("#") else line
                   for line in text.splitlines(keepends=True))


def _clear_issue(data: Any) -> None:
    """Number and date of issue are the văn thư's, given once a document is signed."""
    for document in [data.get("plan"), *data.get("letters", [])]:
        if document is not None:
            for key in ("number", "date"):
                if key in document:
                    document[key] = None


def _cite_finished_plan(config: Any, data: Any, editor: _Editor) -> None:
    plan = config.campaign.plan
    if plan is None or data.get("plan") is None:
        return
    if plan.number is None or plan.date is None:
        editor.review.append(
            "plan.legal_bases: " + _("the {year} plan has no number or date yet; cite it by hand once issued").format(
                year=editor.old)
        )
        return
    from ruamel.yaml.comments import CommentedMap

    from .vn.numbering import padded_number, typed_symbol

    agency = config.units.agency
    issuer = next((b.id for b in config.units.bodies if b.short_name == agency.in_text), None)
    basis = CommentedMap()
    basis["type"] = "Kế hoạch"
    basis["number"] = f"{padded_number(plan.number)}/{typed_symbol('Kế hoạch', agency.abbreviation)}"
    basis["date"] = plan.date
    if issuer:
        basis["issuer"] = issuer
    basis["subject"] = lower_first(plan.subject)
    bases = data["plan"].setdefault("legal_bases", [])
    bases.append(basis)
    cited = _("the {year} plan is cited; check its place").format(year=editor.old)
    editor.review.append(f"plan.legal_bases[{len(bases) - 1}]: {cited}")


def _deadlines(data: Any) -> list[tuple[str, dt.date]]:
    out = [(f"reports[{i}].deadline", r["deadline"]) for i, r in enumerate(data.get("reports", []))
           if isinstance(r.get("deadline"), dt.date)]
    registration = (data.get("forms") or {}).get("registration") or {}
    if isinstance(registration.get("deadline"), dt.date):
        out.append(("forms.registration.deadline", registration["deadline"]))
    return out


def _load_quietly(path: Path) -> Any:
    """Load a campaign without its warnings: what a person must review in the new one is
    the review list (weekend deadlines are in it), and the old one's are last year's."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", VbdocsWarning)
        return load_config(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _write_valid(path: Path, text: str, *, shown: str) -> None:
    """Write ``text`` to ``path`` only if it is a valid campaign: it is written beside
    ``path`` under a temporary name, validated there, and renamed over ``path`` only
    then. Whatever was at ``path`` stays as it was when anything fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".vbdocs-tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(_("cannot write {shown}: {exc}").format(shown=shown, exc=exc.strerror or exc)) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))  # a replaced file keeps its mode
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        try:
            _load_quietly(tmp)
        except ConfigError as error:
            raise ConfigError([dataclasses.replace(p, file=shown) if p.file == name else p
                               for p in error.problems]) from None
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(_("cannot write {shown}: {exc}").format(shown=shown, exc=exc.strerror or exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
