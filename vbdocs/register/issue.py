"""Issuing a document (``vbdocs issue``): its number from the register, its date of issue, the
final document, and its line in the register, in an order a crash cannot break.

The order:

1. The YAML file is read (ruamel, comments and order kept) and the document chosen: a document
   file's, or a campaign's plan or letter (``--doc plan`` or the letter's id). One already
   numbered is refused, located.
2. If the register holds an entry, not withdrawn, made from this document (its ``source``,
   ``file.yaml#doc``) while the YAML has no number, an earlier issue committed and then stopped
   before it finished: it is *completed* with that entry's number and date (step 4 without the
   transaction), never numbered again.
3. In one register transaction (:meth:`vbdocs.register.store.Register.issue`): the next number of
   the document's sequence for the agency and the year of issue is taken; the YAML edited with the
   number and date is written to a temporary file beside the original (so that ``units:`` still
   resolves), validated and rendered from there; the final .docx is written to a temporary file
   beside the output; its entry is inserted; the transaction commits. Any failure before the
   commit (an invalid document, a disk full, a crash) rolls it back: no number is taken, the
   temporary files are removed (or, after a crash, left as hidden ``.*.issuing*`` files that name
   no document).
4. After the commit, the .docx and then the YAML are moved into place (``os.replace``, atomic). A
   crash between the commit and these moves leaves a complete entry whose YAML has no number yet:
   step 2 of the next run finishes it.

So a crash at any moment leaves either a complete entry or none, and no number given twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import io
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError, OutputError, Problem, VbdocsWarning
from ..i18n import _
from ..vn import numbering
from ..vn.text import ascii_key
from ..yamledit import round_trip
from .entry import RegisterEntry
from .store import AlreadyIssued, open_register, register_url

PLAN = "plan"
"""``--doc`` of a campaign's plan (a letter is named by its id)."""
VAN_BAN = "van-ban"
"""The sequence all administrative documents share, unless the agency numbers each type apart."""
SECRET = "mat"
"""The secret documents' sequence."""
COPIES = "ban-sao"
"""The copies' sequence (sao y, sao lục, trích sao)."""
_COPY_TYPES = {"Sao y": "Bản sao y", "Sao lục": "Bản sao lục", "Trích sao": "Bản trích sao"}
"""A copy's type in Phụ lục III, by its hình thức sao."""
_PRIORITY = {"Khẩn": 1, "Thượng khẩn": 2, "Hỏa tốc": 3, "Hỏa tốc hẹn giờ": 4}


@dataclass(frozen=True)
class Issued:
    """What :func:`issue` did: the entry recorded, the file written, and whether an interrupted
    issue was completed rather than a number taken."""

    entry: RegisterEntry
    path: Path
    completed: bool = False


@dataclass(frozen=True)
class _Target:
    """The document to issue in the YAML file: its node, its path in the file, its kind."""

    kind: str
    node: Any
    path: tuple[str | int, ...]
    name: str
    """``plan``, a letter's id, ``document`` or ``copy``: after ``#`` in the entry's source."""
    copy: bool = False
    """A copy (sao y, sao lục, trích sao, ``copy_of``): numbered in the copies' sequence."""


def _located(file: Path, node: Any, key: str | int | None, path: tuple[str | int, ...], message: str,
             code: str) -> ConfigError:
    line = column = 0
    with contextlib.suppress(Exception):
        if key is not None and key in node:
            line, column = node.lc.key(key) if isinstance(key, str) else node.lc.item(key)
        else:
            line, column = node.lc.line, node.lc.col
        line, column = line + 1, column + 1
    dotted = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    return ConfigError([Problem(str(file), line, column, dotted, message, code)])


def _target(file: Path, data: Any, doc: str | None) -> _Target:
    if not hasattr(data, "get"):
        raise ConfigError([Problem(str(file), 1, 1, "", _("this file is neither a campaign nor a document"),
                                   "issue.source")])
    if "document" in data:
        if doc is not None:
            raise OutputError(_("{file} is a document file: it issues its one document, without --doc").format(
                file=file))
        node = data["document"]
        if hasattr(node, "get") and node.get("copy_of") is not None:  # a copy: the copy's number and date
            return _Target("document", node["copy_of"], ("document", "copy_of"), "copy", copy=True)
        return _Target("document", node, ("document",), "document")
    if doc is None:
        raise OutputError(_("{file} is a campaign: say which document to issue, --doc plan or a letter's id").format(
            file=file))
    if doc == PLAN:
        if data.get("plan") is None:
            raise OutputError(_("{file} has no plan").format(file=file))
        return _Target("plan", data["plan"], ("plan",), PLAN)
    letters = data.get("letters") or []
    for i, letter in enumerate(letters):
        if hasattr(letter, "get") and str(letter.get("id")) == doc:
            return _Target("directive_letter", letter, ("letters", i), doc)
    known = ", ".join([PLAN, *(str(x.get("id")) for x in letters if hasattr(x, "get"))])
    raise OutputError(_("{file} has no document {doc}; it has {known}").format(file=file, doc=doc, known=known))


def _refuse_issued(file: Path, target: _Target) -> None:
    node = target.node
    for key in ("number", "date"):
        if node.get(key) is not None:
            raise _located(file, node, key, (*target.path, key),
                           _("this document is issued already ({key} is set); a number is given once. To issue it "
                             "again, withdraw it from the register and clear its number and date").format(key=key),
                           "issue.issued")


def _set(node: Any, key: str, value: Any, after: tuple[str, ...]) -> None:
    if key in node:
        node[key] = value
        return
    keys = list(node.keys())
    position = max((keys.index(k) + 1 for k in after if k in keys), default=0)
    node.insert(position, key, value)


def _edited(yaml: Any, data: Any, target: _Target, number: int, date: dt.date) -> str:
    _set(target.node, "number", number, ("type", "id", "form"))
    _set(target.node, "date", date, ("number",))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def sequence_of(config: Any, target_kind: str, settings: Any, *, copy: bool = False) -> tuple[str, int, bool]:
    """The sequence a document is numbered in, its độ khẩn as Phụ lục VI codes it, and whether it is
    secret: (sequence, priority, secret). Raises ConfigError for a document of no sequence."""
    from ..config import DocumentConfig

    if not isinstance(config, DocumentConfig):
        type_name = "Kế hoạch" if target_kind == "plan" else "Công văn"
        return (_by_type(type_name) if settings.sequences == "by_type" else VAN_BAN), 0, False
    spec = config.document.document
    priority = _PRIORITY.get(spec.urgency or "", 0)
    secret = spec.secrecy is not None
    if copy:
        form = _COPY_TYPES[spec.copy_of.form] if spec.copy_of is not None else ""
        if settings.copies == "separate":
            return COPIES, priority, secret
        return (_by_type(form) if settings.sequences == "by_type" else VAN_BAN), priority, secret
    if spec.issuer is not None:
        if spec.issuer in settings.advisory:
            return str(spec.issuer), priority, secret
        raise _NoSequence(spec.issuer)
    if secret and settings.secret == "separate":
        return SECRET, priority, secret
    return (_by_type(spec.type) if settings.sequences == "by_type" else VAN_BAN), priority, secret


class _NoSequence(Exception):
    def __init__(self, issuer: str) -> None:
        self.issuer = issuer


def _by_type(type_name: str) -> str:
    abbreviation = numbering.TYPE_ABBREVIATIONS.get(type_name)
    return abbreviation if abbreviation else ascii_key(type_name)


def _write_temp(folder: Path, stem: str, suffix: str, data: bytes, mode: int | None = None) -> Path:
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{stem}.issuing-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(name, mode)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _sha256(path: Path) -> str | None:
    """The SHA-256 of a regular file, hex; None for anything else (a folder, a link to nowhere)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def parse_date(text: str) -> dt.date:
    """A date of issue as a clerk writes it: 2025-01-02 or 02/01/2025 (day first)."""
    from ..schema.common import DAY_MONTH_YEAR

    try:
        if match := DAY_MONTH_YEAR.fullmatch(text.strip()):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise OutputError(_("{given} is no date: write it 2025-01-02 or 02/01/2025").format(given=text)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _renamed(error: ConfigError, temp: Path, file: Path) -> ConfigError:
    """The problems of the edited copy, located in the file the clerk edits."""
    return ConfigError([dataclasses.replace(p, file=str(file)) if p.file == str(temp) else p for p in error.problems])


def issue(file: str | os.PathLike[str], *, output: str | os.PathLike[str], doc: str | None = None,
          date: dt.date | None = None, register: str | None = None, timeout: float | None = None) -> Issued:
    """Issue a document: number it from the register, date it, write the final .docx to ``output``
    and the number and date into its YAML, and record it in the register.

    Args:
        file: a document file, or a campaign file with ``doc``.
        output: the .docx to write, or a folder (one that exists, or a path ending in "/") to write
            it into under its name in a set.
        doc: in a campaign, ``plan`` or a letter's id.
        date: the date of issue; today by default.
        register: the register (``--register``); by default ``$VBDOCS_REGISTER``, the units file's
            ``agency.issuing.url``, or ``register.sqlite`` beside the units file.
        timeout: seconds to wait for another clerk holding an SQLite register.

    Raises:
        ConfigError: the file is invalid, the document is issued already, or fits no sequence
            (each located).
        OutputError: the register cannot be used (not one, unreachable, locked), or the file
            cannot be written.
    """
    from ..api import load, render

    path = Path(file)
    yaml = round_trip()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OutputError(_("cannot read {file}: {reason}").format(file=path, reason=exc.strerror or exc)) from None
    config = load(path)  # a file that does not validate stops here, located, before any number is taken
    data = yaml.load(text)
    target = _target(path, data, doc)
    _refuse_issued(path, target)
    when = date or dt.date.today()
    units = config.units
    settings = units.agency.issuing
    if settings is None:
        from ..schema.units import RegisterSettings

        settings = RegisterSettings()
    try:
        sequence, priority, secret = sequence_of(config, target.kind, settings, copy=target.copy)
    except _NoSequence as no:
        raise _located(path, target.node, "issuer", (*target.path, "issuer"),
                       _("{issuer} issues under its own number, in no sequence of the agency's register; declare it "
                         "in agency.issuing.advisory of the units file if it is an advisory body using the agency's "
                         "seal").format(issuer=no.issuer), "issue.sequence") from None
    agency = units.agency.abbreviation
    base = config.units_path.parent if config.units_path is not None else Path.cwd()
    # named from the units file's folder: the same on every clerk's clone, and two files of one name apart
    source = f"{Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()}#{target.name}"
    out = Path(output)
    into_folder = out.is_dir() or str(output).endswith(("/", os.sep))
    url = register_url(register, units_path=config.units_path, setting=settings.url)
    mode = path.stat().st_mode & 0o777

    def make(number: int, issued: dt.date, *, ours: str | None = None) -> tuple[RegisterEntry, Path, Path]:
        edited = _edited(yaml, data, target, number, issued)
        temp_yaml = _write_temp(path.parent, path.name, ".yaml", edited.encode("utf-8"), mode)
        temp_docx: Path | None = None
        try:
            try:
                with warnings.catch_warnings():  # said once already, of the file itself, as it was loaded
                    warnings.simplefilter("ignore", VbdocsWarning)
                    final = load(temp_yaml)
                rendered = render(final, only=[target.kind])
            except ConfigError as error:
                raise _renamed(error, temp_yaml, path) from None
            chosen = _chosen(final, target, rendered)
            destination = out / chosen.filename if into_folder else out
            if into_folder:
                try:
                    out.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise OutputError(_("cannot make the folder {folder}: {reason}").format(
                        folder=out, reason=exc.strerror or exc)) from None
            if not destination.parent.is_dir():
                raise OutputError(_("cannot write {file}: its folder does not exist").format(file=destination))
            if os.path.lexists(destination) and (ours is None or _sha256(destination) != ours):
                # a person's file, or another document's: never replaced (the number is not used)
                raise OutputError(_("{file} exists; vbdocs never replaces a file it did not write for this "
                                    "issue: move it away, or write elsewhere with -o").format(file=destination))
            temp_docx = _write_temp(destination.parent, destination.name, ".docx", chosen.data, 0o666 & ~_umask())
            entry = _entry(final, target, chosen, number=number, issued=issued, sequence=sequence, source=source,
                           file=destination.name, priority=priority, secret=secret)
            return entry, temp_docx, temp_yaml
        except BaseException:
            temp_yaml.unlink(missing_ok=True)
            if temp_docx is not None:
                temp_docx.unlink(missing_ok=True)
            raise

    def complete(book: Any, earlier: RegisterEntry) -> Issued:
        """Finish an issue committed before it wrote its files: the same number and date."""
        entry, temp_docx, temp_yaml = make(earlier.number, earlier.issued, ours=earlier.sha256)
        destination = temp_docx.parent / entry.file
        try:
            book.complete(earlier, agency=agency, file=entry.file, sha256=entry.sha256)
        except BaseException:
            temp_docx.unlink(missing_ok=True)
            temp_yaml.unlink(missing_ok=True)
            raise
        os.replace(temp_docx, destination)
        os.replace(temp_yaml, path)
        return Issued(dataclasses.replace(earlier, file=entry.file, sha256=entry.sha256), destination, True)

    with open_register(url, **({"timeout": timeout} if timeout is not None else {})) as book:
        earlier = book.issued_from(source, agency=agency)
        if earlier is not None:  # committed, then stopped before the YAML was edited: finish it
            return complete(book, earlier)
        made: list[tuple[Path, Path]] = []

        def numbered(number: int) -> RegisterEntry:
            entry, temp_docx, temp_yaml = make(number, when)
            made.append((temp_docx, temp_yaml))
            return entry

        try:
            entry = book.issue(agency, when.year, sequence, numbered, source=source)
        except AlreadyIssued as already:  # another clerk issued it a moment ago
            return complete(book, already.entry)
        except BaseException:
            for temp_docx, temp_yaml in made:
                temp_docx.unlink(missing_ok=True)
                temp_yaml.unlink(missing_ok=True)
            raise
    temp_docx, temp_yaml = made[-1]
    destination = temp_docx.parent / entry.file
    os.replace(temp_docx, destination)
    os.replace(temp_yaml, path)
    return Issued(entry, destination)


def _chosen(config: Any, target: _Target, rendered: Any) -> Any:
    from ..config import Config
    from ..documents.letter import letter_filename

    if isinstance(config, Config) and target.kind == "directive_letter":
        letter = next(x for x in config.campaign.letters if x.id == target.name)
        return next(r for r in rendered if r.filename == letter_filename(letter))
    return next(r for r in rendered if r.kind == target.kind)


def _entry(config: Any, target: _Target, chosen: Any, *, number: int, issued: dt.date, sequence: str, source: str,
           file: str, priority: int, secret: bool) -> RegisterEntry:
    from ..config import Config
    from ..documents.registry import set_specs

    spec = next(s for s in set_specs(config) if s.entry.filename == chosen.filename)
    content = spec.build(config)
    heading = content.heading
    notation = heading.number.rsplit("/", 1)[-1].strip() if heading is not None else ""
    if isinstance(config, Config):
        model: Any = config.campaign.plan if target.kind == "plan" else next(
            x for x in config.campaign.letters if x.id == target.name)
        subject = str(model.subject)
    else:
        model = config.document.document
        subject = str(model.subject or "")
    closing = content.closing
    type_name = chosen.type or ""
    if target.copy:  # the copy's own number, signer, Nơi nhận and Lưu
        notation = numbering.typed_symbol(_COPY_TYPES[model.copy_of.form], config.units.agency.abbreviation)
        closing = content.copy.closing if content.copy is not None else closing  # Mẫu 3.2: no copy block
        type_name = _COPY_TYPES[model.copy_of.form]
        model = model.copy_of
    person = config.person(model.signer.person)
    filing = model.filing
    unit = config.unit(filing.unit)
    lines = [line.removeprefix("- ").rstrip(";.,") for line in closing.recipients]
    kept = next((line.removeprefix("Lưu:").strip() for line in lines if line.startswith("Lưu:")), "")
    recipients = tuple(line for line in lines if not line.startswith("Lưu:"))
    copies = filing.copies if isinstance(filing.copies, int) else len(closing.recipients)
    return RegisterEntry(
        year=issued.year, sequence=sequence, number=number, notation=notation, issued=issued,
        type_name=type_name, subject=" ".join(subject.split()),
        signer=person.name if person else closing.signer_name,
        signer_title=person.title if person else "", recipients=recipients,
        filing=kept or (unit.abbreviation if unit else filing.unit),
        copies=copies, drafting_unit=filing.unit, drafter=filing.drafter or "", source=source, file=file,
        sha256=hashlib.sha256(chosen.data).hexdigest(), priority=priority, secret=secret)


def withdraw(number: str, *, year: int, units: str | os.PathLike[str], register: str | None = None,
             note: str = "") -> RegisterEntry:
    """Mark the document ``number`` ("02/KH-SNN") of ``year`` withdrawn in the register of the agency
    of ``units`` (a units file): its line stays, its number is never given again.

    Raises:
        ConfigError: the units file is invalid.
        OutputError: the register cannot be used, or holds no such document, or it is withdrawn already.
    """
    from ..config import load_units

    units_path = Path(units)
    model = load_units(units_path)
    settings = model.agency.issuing
    url = register_url(register, units_path=units_path, setting=settings.url if settings else None)
    with open_register(url) as book:
        return book.withdraw(year, number, agency=model.agency.abbreviation, note=note)


def registered(year: int, *, units: str | os.PathLike[str], register: str | None = None) -> list[RegisterEntry]:
    """The entries of ``year`` in the register of the agency of ``units`` (a units file), withdrawn
    ones too, in number order in each sequence: what ``vbdocs register list|export`` show.

    Raises:
        ConfigError: the units file is invalid.
        OutputError: the register cannot be used.
    """
    from ..config import load_units

    units_path = Path(units)
    model = load_units(units_path)
    settings = model.agency.issuing
    url = register_url(register, units_path=units_path, setting=settings.url if settings else None)
    with open_register(url) as book:
        return book.entries(year, agency=model.agency.abbreviation)
