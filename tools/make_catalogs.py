"""Extract vbdocs's messages, merge them into each language's catalog, compile the catalogs.

    python tools/make_catalogs.py            # after changing a message: then translate the new
                                             # entries of vbdocs/locale/vi/LC_MESSAGES/vbdocs.po
                                             # (msgstr "") and run it again to compile
    python tools/make_catalogs.py --check    # exit 1 if a catalog is not up to date (CI)

The messages are the strings the code marks with ``_()`` or ``N_()`` (``vbdocs.i18n``), and the
strings of click (its usage lines and errors), which reads the same catalog. A message's entry keeps
its translation while its English stays the same; a changed message is a new entry.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vbdocs"
LOCALES = PACKAGE / "locale"
LANGUAGES = ("vi",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
#: The files of click whose messages a vbdocs user sees: usage, help, errors of the arguments.
_CLICK_FILES = ("core.py", "decorators.py", "exceptions.py", "formatting.py", "parser.py", "types.py")


def template() -> Catalog:
    """Every message of the code and of click, with where each is used."""
    catalog = Catalog(project="vbdocs", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, locations=[(f"vbdocs/{filename}", lineno)], auto_comments=comments, context=context)
    import click

    click_dir = Path(click.__file__).parent
    for path in sorted(click_dir / name for name in _CLICK_FILES):
        for lineno, message, comments, context in extract_from_file(
                "python", str(path), keywords={"_": None, "ngettext": (1, 2)}):
            catalog.add(message, locations=[(f"click/{path.name}", lineno)], auto_comments=comments,
                        context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, ignore_obsolete=True,
             include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def updated(lang: str) -> tuple[Catalog, bytes, bytes]:
    """The language's catalog merged with the code's messages: the catalog, its .po and .mo bytes."""
    po = LOCALES / lang / "LC_MESSAGES" / "vbdocs.po"
    if po.exists():
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="vbdocs", charset="utf-8")
    catalog.update(template(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = catalog.creation_date = _EPOCH  # reproducible files: no dates in the header
    catalog.last_translator = "vbdocs"
    catalog.language_team = "vbdocs"
    catalog.fuzzy = False
    return catalog, _po_bytes(catalog), _mo_bytes(catalog)


def _key(message: Message) -> str:
    """A message's key as gettext looks it up: its context, if it has one, joined to its English."""
    return f"{message.context}\x04{message.id}" if message.context else str(message.id)


def translations(catalog: Catalog) -> dict[str, str]:
    """What a catalog translates, message by message."""
    return {_key(m): str(m.string) for m in catalog if m.id and isinstance(m.id, str) and m.string}


def compiled(mo: Path) -> dict[str, str]:
    """What a compiled catalog translates, read back as gettext reads it."""
    import gettext

    with mo.open("rb") as f:
        return {k: v for k, v in gettext.GNUTranslations(f)._catalog.items()  # type: ignore[attr-defined]
                if isinstance(k, str) and k}


def untranslated(catalog: Catalog) -> list[str]:
    """The messages of a catalog that have no translation yet."""
    return [str(m.id) for m in catalog if m.id and not (m.string[0] if isinstance(m.string, tuple) else m.string)]


_EPOCH = __import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc)


def stale(lang: str) -> list[str]:
    """What is not up to date in a language's catalogs: messages of the code missing from the .po,
    entries no message uses any more, a .mo that does not say what the .po says."""
    folder = LOCALES / lang / "LC_MESSAGES"
    if not (folder / "vbdocs.po").exists() or not (folder / "vbdocs.mo").exists():
        return [f"{lang}: no catalog"]
    with (folder / "vbdocs.po").open("rb") as f:
        current = read_po(f, locale=lang)
    wanted = {_key(m) for m in template() if m.id and isinstance(m.id, str)}
    held = {_key(m) for m in current if m.id and isinstance(m.id, str)}
    out = [f"{lang}: not in the catalog: {m!r}" for m in sorted(wanted - held)]
    out += [f"{lang}: no longer used: {m!r}" for m in sorted(held - wanted)]
    if compiled(folder / "vbdocs.mo") != translations(current):
        out.append(f"{lang}: vbdocs.mo is not compiled from vbdocs.po")
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = [p for lang in LANGUAGES for p in stale(lang)]
        problems += [f"{lang}: not translated: {m!r}" for lang in LANGUAGES
                     for m in untranslated(updated(lang)[0])]
        for problem in problems:
            print(problem)
        if problems:
            print("run python tools/make_catalogs.py, translate what it lists, and run it again")
        return 1 if problems else 0
    for lang in LANGUAGES:
        folder = LOCALES / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        catalog, po, mo = updated(lang)
        (folder / "vbdocs.po").write_bytes(po)
        (folder / "vbdocs.mo").write_bytes(mo)
        missing = untranslated(catalog)
        if missing:
            print(f"{lang}: {len(missing)} messages not translated yet, e.g. {missing[0]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
