"""The ``vbdocs`` command: parse arguments, call the library, map errors to exit codes.

Exit codes: 0 success; 2 invalid input or usage (a message on stderr, no traceback,
nothing written); 1 reserved for checks that ran and failed; 130 interrupted (Ctrl-C).

Every text is English in the code and shown in the language of the locale or of ``--lang``
(``vbdocs.i18n``): help texts are marked ``N_()`` and translated as the command starts.
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import click

from .i18n import N_, _

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INVALID = 2


@contextlib.contextmanager
def _warnings_reported(*, strict: bool, output_format: str, collected: list[Any]) -> Iterator[None]:
    """Print each VbdocsWarning as one located line (on stderr; a GitHub annotation on stdout),
    or collect it for the JSON output; with ``strict``, raise it."""
    from .errors import VbdocsWarning
    from .reporting import problem_line

    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "always", VbdocsWarning)

        def show(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
            problem = getattr(message, "problem", None)
            if output_format == "json" and problem is not None:
                collected.append(problem)
            elif output_format == "github" and problem is not None:
                click.echo(problem_line(problem, "github", level="warning"))
            else:
                click.echo(str(message), err=True)

        warnings.showwarning = show
        yield


STRICT = click.option("--strict", is_flag=True, help=N_("Make warnings (what a person must review) errors: for CI."))
OUTPUT_FORMAT = click.option(
    "--output-format", "output_format", type=click.Choice(["text", "json", "github"], case_sensitive=False),
    default="text", show_default=True,
    help=N_("How problems are printed: text for people, json for programs, github for GitHub Actions annotations."))


def _reports_errors(command: F) -> F:
    """Turn a VbdocsError into its problems (in the output format asked for) and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import ConfigError, Problem, VbdocsError, VbdocsWarning
        from .reporting import annotation, as_json, problem_line

        strict = kwargs.pop("strict", False)
        output_format = kwargs.get("output_format", "text").lower()
        collected: list[Problem] = []
        kwargs["warnings_seen"] = collected
        try:
            with _warnings_reported(strict=strict, output_format=output_format, collected=collected):
                return command(*args, **kwargs)
        except (VbdocsError, VbdocsWarning) as exc:
            stopped = isinstance(exc, VbdocsWarning)  # --strict: what a person must review stops the command
            problems: Sequence[Problem] = exc.problems if isinstance(exc, ConfigError) else \
                [exc.problem] if isinstance(exc, VbdocsWarning) else []
            after = _(" (an error with --strict; nothing was written)") if stopped else ""
            if output_format == "json":
                click.echo(as_json(ok=False, problems=problems, warnings=collected,
                                   **({} if problems else {"error": str(exc)})))
            elif output_format == "github":
                for line in [problem_line(p, "github") + after for p in problems] or [annotation("error", str(exc))]:
                    click.echo(line)
            else:
                click.echo(f"{exc}{after}", err=True)
            sys.exit(EXIT_INVALID)

    return wrapper  # type: ignore[return-value]


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


def _language_asked(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` in the arguments, read before click parses them (the help texts
    must be in that language by then)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _translate_help(command: click.Command, originals: dict[int, tuple[str | None, str | None]]) -> None:
    """Put the help texts of a command, its options and its subcommands in the language of the moment
    (from the English kept in ``originals``, so that it can be done again in another language)."""
    for item in [command, *command.params]:
        first = originals.setdefault(id(item), (getattr(item, "help", None), getattr(item, "short_help", None)))
        if first[0]:
            setattr(item, "help", _(first[0]))  # noqa: B010 (options and commands both have it, untyped)
        if first[1]:
            setattr(item, "short_help", _(first[1]))  # noqa: B010
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _translate_help(sub, originals)


class _Commands(click.Group):
    """The command group: Ctrl-C ends any command with its own code, not click's 1
    (which means "a check failed" here), and no traceback; texts in the language asked for."""

    _originals: ClassVar[dict[int, tuple[str | None, str | None]]] = {}

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        import gettext

        from . import i18n

        given = list(sys.argv[1:] if args is None else args)
        lang = _language_asked(given)
        token, before = None, os.environ.get("LANGUAGE")
        if lang is not None:
            with contextlib.suppress(ValueError):  # an unknown language: click says so below
                token = i18n.use(lang)
                os.environ["LANGUAGE"] = lang.lower()  # click asks gettext, which reads it
        gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALES))
        gettext.textdomain(i18n.DOMAIN)  # click's own words (usage, errors) come from our catalog
        _translate_help(self, self._originals)
        try:
            return super().main(given, *rest, **kwargs)
        finally:
            if token is not None:
                i18n.restore(token)
                if before is None:
                    os.environ.pop("LANGUAGE", None)
                else:
                    os.environ["LANGUAGE"] = before

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(_("vbdocs: interrupted; no file was left half-written"), err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML."))
@click.version_option(package_name="vbdocs")
@click.option("--lang", type=click.Choice(["vi", "en"], case_sensitive=False), expose_value=False,
              help=N_("The language of messages: vi (Vietnamese) or en (English); the locale's by default."))
def main() -> None:
    pass


@main.command(help=N_("Build the documents of CAMPAIGN into OUTPUT: a campaign file's set, or the văn bản of a "
                       "document file (top-level \"document:\", any type of Điều 7)."))
@click.argument("campaign", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help=N_("Folder to write the documents and manifest.json into."))
@click.option("-t", "--templates", "templates", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help=N_("Folder of templates searched before the built-in ones."))
@click.option("--only", "only", multiple=True, metavar="KIND",
              help=N_("Build only this kind (see vbdocs kinds); repeatable. The rest of the set in OUTPUT stays as "
                      "it is."))
@click.option("--unit", "units", multiple=True, metavar="CODE",
              help=N_("Build only the forms of this unit; repeatable."))
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help=N_("Processes rendering in parallel (0: one per core). The files are the same."))
@click.option("-f", "--format", "formats", default="docx", show_default=True, metavar="FORMATS",
              help=N_("docx, pdf, or docx,pdf. PDFs come from LibreOffice headless."))
@click.option("--preview", is_flag=True, help=N_("Also write a PNG of each document's first page."))
@STRICT
@OUTPUT_FORMAT
@_reports_errors
def build(campaign: Path, output: Path, templates: tuple[Path, ...], only: tuple[str, ...],
          units: tuple[str, ...], jobs: int, formats: str, preview: bool, output_format: str,
          warnings_seen: list[Any]) -> None:
    import io

    from .api import build as build_set
    from .reporting import as_json

    if jobs == 0:
        jobs = os.cpu_count() or 1
    show = sys.stderr.isatty() and not os.environ.get("CI") and output_format == "text"
    stream = sys.stderr if show else io.StringIO()  # where nobody watches (CI, pipes), no bar
    with click.progressbar(length=0, label=_("Rendering"), file=stream) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        result = build_set(campaign, output=output, templates=templates, only=only, units=units, jobs=jobs,
                           progress=progress, formats=[f.strip() for f in formats.split(",") if f.strip()],
                           preview=preview)
    if output_format == "json":
        click.echo(as_json(ok=True, warnings=warnings_seen, output=str(output),
                           written=[str(p) for p in result.written], manifest=str(result.manifest)))
    elif output_format == "text":
        click.echo(_("wrote {count} files into {folder}; its manifest lists {listed}").format(
            count=len(result.written), folder=output, listed=len(result.documents)))


@main.command(help=N_("Check CAMPAIGN (a campaign or document file) and its units file without writing anything."))
@click.argument("campaign", type=click.Path(path_type=Path))
@STRICT
@OUTPUT_FORMAT
@_reports_errors
def validate(campaign: Path, output_format: str, warnings_seen: list[Any]) -> None:
    from .api import validate as validate_campaign
    from .reporting import as_json

    validate_campaign(campaign)
    if output_format == "json":
        click.echo(as_json(ok=True, warnings=warnings_seen, file=str(campaign)))
    elif output_format == "text":
        click.echo(_("{file}: valid").format(file=campaign))


@main.command(help=N_("Show every page of CAMPAIGN's documents (a campaign or document file) in a local web page, "
                       "rebuilt as the file, its units file or a template is saved; Ctrl-C stops it."))
@click.argument("campaign", type=click.Path(path_type=Path))
@click.option("-t", "--templates", "templates", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help=N_("Folder of templates searched before the built-in ones (and watched)."))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help=N_("Port of the web page (0: any free port)."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=N_("Address to listen on; the default lets only this computer see the page."))
@_reports_errors
def serve(campaign: Path, templates: tuple[Path, ...], port: int, host: str, warnings_seen: list[Any]) -> None:
    from .preview import serve as serve_preview
    from .preview.session import Build

    def ready(address: str) -> None:
        click.echo(_("Preview of {file} at {address} (Ctrl-C to stop)").format(file=campaign, address=address))

    def report(built: Build) -> None:
        if built.problems:
            click.echo(_("errors: {count}; the page shows them:").format(count=len(built.problems)), err=True)
            for problem in built.problems:
                click.echo(f"  {problem}", err=True)
        else:
            pages = sum(len(d.pictures.pages) for d in built.documents)
            click.echo(_("rebuilt in {seconds:.1f} s; documents: {documents}, converted: {converted}, "
                         "pages: {pages}").format(seconds=built.seconds, documents=len(built.documents),
                                                  converted=built.converted, pages=pages), err=True)

    serve_preview(campaign, templates=templates, host=host, port=port, ready=ready, report=report)
    click.echo(_("vbdocs serve stopped"), err=True)


@main.command("kinds", help=N_("List the kinds of document vbdocs makes (built in, and of installed plug-ins)."))
def list_kinds() -> None:
    from .kinds import kinds

    for kind in kinds():
        source = _("campaign file") if kind.source == "campaign" else _("document file")
        click.echo(f"{kind.name:<20} {_(kind.summary)} ({source})")


@main.command("new-campaign", help=N_("Write next year's campaign from SOURCE: dates moved on, numbers cleared, "
                                      "comments kept."))
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--year", type=int, required=True, help=N_("The new campaign's year (the year after SOURCE's)."))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help=N_("The new campaign file to write."))
@click.option("--force", is_flag=True, help=N_("Replace OUTPUT if it exists."))
@_reports_errors
def new_campaign(source: Path, year: int, output: Path, force: bool, warnings_seen: list[Any]) -> None:
    from .rollover import new_campaign as roll

    result = roll(source, year=year, output=output, overwrite=force)
    click.echo(_("wrote {file} (valid); to review before building:").format(file=result.path))
    for item in result.review:
        click.echo(f"  - {item}")


@main.command("issue", help=N_("Issue a document of FILE: its number from the register, its date of issue (today, or "
                                "--date), both written into FILE with its comments kept, the final document written to "
                                "OUTPUT, and its entry in the register."))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--doc", help=N_("In a campaign file, the document to issue: plan, or a letter's id."))
@click.option("--date", "date_text", metavar="DATE",
              help=N_("The date of issue, 2025-01-02 or 02/01/2025; today by default."))
@click.option("--register", metavar="URL",
              help=N_("The register: an SQLite file or a postgresql:// URL; by default $VBDOCS_REGISTER, the units "
                      "file's agency.issuing.url, or register.sqlite beside the units file."))
@click.option("-o", "--output", type=click.Path(), required=True,
              help=N_("The .docx to write, or a folder (ending in /) to write it into."))
@_reports_errors
def issue_document(file: Path, doc: str | None, date_text: str | None, register: str | None, output: str,
                   warnings_seen: list[Any]) -> None:
    from .register.issue import issue, parse_date

    result = issue(file, output=output, doc=doc, date=parse_date(date_text) if date_text else None, register=register)
    entry = result.entry
    done = _("completed the interrupted issue of") if result.completed else _("issued")
    click.echo(_("{done} Số {number} of {date}: wrote {file}").format(
        done=done, number=entry.number_and_notation, date=entry.issued.strftime("%d/%m/%Y"), file=result.path))


@main.group("register", help=N_("The register of outgoing documents (sổ đăng ký văn bản đi): list it, export it as "
                                 "the Decree's form, a spreadsheet or each document's metadata, withdraw a document."))
def register_group() -> None:
    pass


@register_group.command("withdraw", help=N_("Mark NUMBER (as 02/KH-SNN) of --year withdrawn: its entry stays, and its "
                                            "number is never given again."))
@click.argument("number")
@click.option("--year", type=int, required=True, help=N_("The year of issue of the document."))
@click.option("--units", "units_file", type=click.Path(path_type=Path), required=True,
              help=N_("The units file of the agency whose register it is."))
@click.option("--register", metavar="URL", help=N_("The register, as vbdocs issue takes it."))
@click.option("--note", default="", help=N_("Why it was withdrawn (ghi chú)."))
@_reports_errors
def register_withdraw(number: str, year: int, units_file: Path, register: str | None, note: str,
                      warnings_seen: list[Any]) -> None:
    from .register.issue import withdraw

    entry = withdraw(number, year=year, units=units_file, register=register, note=note)
    click.echo(_("withdrew Số {number} of {year}").format(number=entry.number_and_notation, year=entry.year))


@main.command("check", help=N_("Check .docx FILES against Decree 30/2020/NĐ-CP, Appendix I.\n\nExit code 0 when "
                                "every rule holds, 1 when one fails, 2 when a file cannot be read."))
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help=N_("Print the findings as JSON (for CI); as --output-format json."))
@OUTPUT_FORMAT
@click.option("--all", "show_all", is_flag=True, help=N_("List the rules that pass too."))
@click.option("--rules", "list_rules", is_flag=True,
              help=N_("List every rule: id, the Decree's item, what --fix does."))
@click.option("--fix", "fix_to", type=click.Path(path_type=Path, dir_okay=False),
              help=N_("Write FILE repaired to this new .docx (what is safe to repair) and check it; the file checked "
                      "is never changed."))
def check_files(files: tuple[Path, ...], as_json: bool, output_format: str, show_all: bool, list_rules: bool,
                fix_to: Path | None) -> None:
    import json

    from .check import CATALOGUE, UnreadableDocument, check
    from .reporting import annotation

    output_format = "json" if as_json else output_format.lower()
    if list_rules:
        if output_format == "json":
            click.echo(json.dumps([{"id": r.id, "locator": r.locator, "asks": _(r.asks), "fix": r.fix,
                                    "not_in": sorted(r.not_in)} for r in CATALOGUE.values()],
                                  ensure_ascii=False, indent=2))
        else:
            fixes = {r.id: _("fix: {fix}").format(fix=_(_FIXES[r.fix])) for r in CATALOGUE.values()}
            width = max(13, *(len(text) for text in fixes.values()))
            for r in CATALOGUE.values():
                click.echo(f"{r.id:<22} {r.locator:<24} {fixes[r.id]:<{width}} {_(r.asks)}")
        return
    if not files:
        raise click.UsageError(_("give the .docx FILES to check, or --rules"))
    if fix_to is not None:
        _fix_file(files, fix_to, output_format == "json")
        return

    reports, unreadable = [], []
    for path in files:
        try:
            reports.append(check(path))
        except UnreadableDocument as exc:
            unreadable.append({"file": str(path), "error": str(exc)})
            if output_format == "github":
                click.echo(annotation("error", _("cannot be read: {reason}").format(reason=exc), file=str(path)))
            elif output_format == "text":
                click.echo(_("{file}: cannot be read: {reason}").format(file=path, reason=exc), err=True)
    if output_format == "json":
        click.echo(json.dumps({"files": [r.as_dict() for r in reports], "unreadable": unreadable},
                              ensure_ascii=False, indent=2))
    else:
        for report in reports:
            shown = [f for f in report.findings if show_all or f.status == "fail"]
            for f in shown:
                if output_format == "github":
                    if f.status == "fail":
                        click.echo(annotation(
                            "error", _("{rule} [{item}] at {where}: found {found}; required {required}").format(
                                rule=f.rule, item=f.item, where=repr(f.where), found=f.found, required=f.required),
                            file=str(report.path), title=f"vbdocs check {f.rule}"))
                    continue
                line = f"{report.path}: {_(f.status.upper())} {f.rule} [{f.item}]"
                line += " " + _("at {where}").format(where=repr(f.where)) if f.where else ""
                if f.status == "fail":
                    line += ": " + _("found {found}; required {required}").format(found=f.found, required=f.required)
                    line += f" [¶{f.paragraph}]" if f.paragraph else ""
                click.echo(line)
            checked = sum(1 for f in report.findings if f.status != "skip")
            verdict = _("passes") if report.passed else _("fails")
            summary = _("{file}: {verdict} ({failed} of {checked} checks failed; read as: {kind})").format(
                file=report.path, verdict=verdict, failed=len(report.failures), checked=checked, kind=report.kind)
            click.echo(summary, err=output_format == "github")
    if unreadable:
        sys.exit(EXIT_INVALID)
    if any(not r.passed for r in reports):
        sys.exit(1)


_STATUSES = (N_("FAIL"), N_("PASS"), N_("SKIP"))
_FIXES = {"safe": N_("safe"), "guarded": N_("guarded"), "none": N_("none")}
"""What ``--fix`` does for a rule (``catalogue.Fix``), as ``check --rules`` lists it."""


def _fix_file(files: tuple[Path, ...], target: Path, as_json: bool) -> None:
    """``check FILE --fix OUT``: repair one file into another and say what changed and what is left."""
    import json

    from .check import UnreadableDocument
    from .check.fix import fix

    if len(files) != 1:
        raise click.UsageError(_("--fix repairs one FILE at a time"))
    try:
        result = fix(files[0], target)
    except UnreadableDocument as exc:
        click.echo(_("{file}: cannot be read: {reason}").format(file=files[0], reason=exc), err=True)
        sys.exit(EXIT_INVALID)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    left = result.after.failures
    if as_json:
        click.echo(json.dumps({"file": str(files[0]), "fixed": str(target), "changed": list(result.changed),
                               "left": [f.__dict__ for f in left]}, ensure_ascii=False, indent=2))
    else:
        for change in result.changed:
            click.echo(_("{file}: fixed {change}").format(file=target, change=change))
        for f in left:
            click.echo(_("{file}: LEFT {rule} [{item}] at {where}: found {found}; required {required}").format(
                file=target, rule=f.rule, item=f.item, where=repr(f.where), found=f.found, required=f.required))
        verdict = _("passes") if not left else _("{count} left for a person").format(count=len(left))
        click.echo(_("{file}: {count} changes; {verdict}").format(file=target, count=len(result.changed),
                                                                  verdict=verdict))
    if left:
        sys.exit(1)


@main.command("init", help=N_("Start an office's own repository in FOLDER: a units file and a campaign file with "
                               "comments, the JSON Schemas editors check them with, and a CI workflow. Nothing already "
                               "there is replaced."))
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--year", type=int, help=N_("The campaign's year (this year if not given)."))
@_reports_errors
def init_folder(folder: Path, year: int | None, warnings_seen: list[Any]) -> None:
    from .skeleton import init

    written = init(folder, year=year)
    for path in written:
        click.echo(str(path))
    units, campaign = written[:2]
    click.echo(_("next: edit {units}, then run: vbdocs validate {campaign}").format(units=units, campaign=campaign))


@main.group("templates", help=N_("The built-in templates (.docx), to edit in Word and build with (build -t FOLDER)."))
def templates_group() -> None:
    pass


@templates_group.command("export", help=N_("Copy the built-in templates into FOLDER, to edit in Word; then build with "
                                           "-t FOLDER."))
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help=N_("Replace templates of the same name already in FOLDER."))
@_reports_errors
def export_templates(folder: Path, force: bool, warnings_seen: list[Any]) -> None:
    from .skeleton import export_templates as export

    for path in export(folder, overwrite=force):
        click.echo(str(path))
    click.echo(_("edit them in Word, then build with: vbdocs build CAMPAIGN -o OUTPUT -t {folder}").format(
        folder=folder))


REGISTER_YEAR = click.option("--year", type=int, required=True, help=N_("The year whose register it is."))
REGISTER_UNITS = click.option(
    "--units", type=click.Path(path_type=Path, dir_okay=False), default=Path("config/units.yaml"), show_default=True,
    help=N_("The units file: the agency whose register it is."))
REGISTER_URL = click.option("--register", "url", metavar="URL",
                            help=N_("The register's database (a SQLite file or a PostgreSQL URL)."))


@register_group.command("list", help=N_("Print the register for a year: one line per document, the Decree's columns "
                                        "separated by tabs."))
@REGISTER_YEAR
@REGISTER_UNITS
@REGISTER_URL
@_reports_errors
def register_list(year: int, units: Path, url: str | None, warnings_seen: list[Any]) -> None:
    from .register.issue import registered
    from .register.output import listing

    entries = registered(year, units=units, register=url)
    if not entries:
        click.echo(_("no document in the register for {year}").format(year=year), err=True)
        return
    for line in listing(entries):
        click.echo(line)


@register_group.command("export", help=N_("Write the register for a year as the Decree's form (docx, Phụ lục IV), a "
                                          "table (csv, xlsx), or each document's metadata (xml, Phụ lục VI) into a "
                                          "folder."))
@REGISTER_YEAR
@click.option("-f", "--format", "fmt", type=click.Choice(["docx", "csv", "xlsx", "xml"], case_sensitive=False),
              default="docx", show_default=True, help=N_("What to write."))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help=N_("The file to write (the folder, for xml)."))
@REGISTER_UNITS
@REGISTER_URL
@_reports_errors
def register_export(year: int, fmt: str, output: Path, units: Path, url: str | None, warnings_seen: list[Any]) -> None:
    from .register.issue import registered
    from .register.output import export_register

    entries = registered(year, units=units, register=url)
    written = export_register(entries, units=units, year=year, fmt=fmt.lower(), output=output)
    click.echo(_("wrote the register for {year} ({count} documents): {where}").format(
        year=year, count=len(entries), where=output))
    if fmt.lower() == "xml":
        click.echo(_("{count} metadata files in {folder}").format(count=len(written), folder=output))


@main.command(help=N_("Write the JSON Schemas of the campaign and units files (for editors)."))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              help=N_("Folder to write the schemas into; without it, print the campaign schema."))
def schema(output: Path | None) -> None:
    from .schema.jsonschema import json_schemas

    schemas = json_schemas()
    if output is None:
        click.echo(schemas["campaign.schema.json"], nl=False)
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, text in schemas.items():
        (output / name).write_text(text, encoding="utf-8")
        click.echo(str(output / name))


if __name__ == "__main__":
    main()
