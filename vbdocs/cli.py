"""The ``vbdocs`` command: parse arguments, call the library, map errors to exit codes.

Exit codes: 0 success; 2 invalid input or usage (a message on stderr, no traceback,
nothing written); 1 reserved for checks that ran and failed; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .i18n import _

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INVALID = 2


@contextlib.contextmanager
def _warnings_reported(*, strict: bool) -> Iterator[None]:
    """Print each VbdocsWarning on stderr as one located line; with ``strict``, raise it."""
    from .errors import VbdocsWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "always", VbdocsWarning)

        def show(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
            click.echo(str(message), err=True)

        warnings.showwarning = show
        yield


STRICT = click.option("--strict", is_flag=True, help="Make warnings (what a person must review) errors: for CI.")


def _reports_errors(command: F) -> F:
    """Turn a VbdocsError into its message on stderr and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import VbdocsError, VbdocsWarning

        strict = kwargs.pop("strict", False)
        try:
            with _warnings_reported(strict=strict):
                return command(*args, **kwargs)
        except VbdocsError as exc:
            click.echo(str(exc), err=True)
            sys.exit(EXIT_INVALID)
        except VbdocsWarning as exc:  # --strict: what a person must review stops the command
            click.echo(f"{exc} (an error with --strict; nothing was written)", err=True)
            sys.exit(EXIT_INVALID)

    return wrapper  # type: ignore[return-value]


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class _Commands(click.Group):
    """The command group: Ctrl-C ends any command with its own code, not click's 1
    (which means "a check failed" here), and no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("vbdocs: interrupted; no file was left half-written", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vbdocs")
def main() -> None:
    """Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML."""


@main.command()
@click.argument("campaign", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the documents and manifest.json into.")
@click.option("-t", "--templates", "templates", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help="Folder of templates searched before the built-in ones.")
@click.option("--only", "only", multiple=True, metavar="KIND",
              help="Build only this kind (see vbdocs kinds); repeatable. The rest of the set in OUTPUT stays as "
                   "it is.")
@click.option("--unit", "units", multiple=True, metavar="CODE",
              help="Build only the forms of this unit; repeatable.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes rendering in parallel (0: one per core). The files are the same.")
@click.option("-f", "--format", "formats", default="docx", show_default=True, metavar="FORMATS",
              help="docx, pdf, or docx,pdf. PDFs come from LibreOffice headless.")
@click.option("--preview", is_flag=True, help="Also write a PNG of each document's first page.")
@STRICT
@_reports_errors
def build(campaign: Path, output: Path, templates: tuple[Path, ...], only: tuple[str, ...],
          units: tuple[str, ...], jobs: int, formats: str, preview: bool) -> None:
    """Build the documents of CAMPAIGN into OUTPUT: a campaign file's set, or the văn bản of a
    document file (top-level "document:", any type of Điều 7)."""
    import io
    import os

    from .api import build as build_set

    if jobs == 0:
        jobs = os.cpu_count() or 1
    show = sys.stderr.isatty() and not os.environ.get("CI")
    stream = sys.stderr if show else io.StringIO()  # where nobody watches (CI, pipes), no bar
    with click.progressbar(length=0, label="Rendering", file=stream) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        result = build_set(campaign, output=output, templates=templates, only=only, units=units, jobs=jobs,
                           progress=progress, formats=[f.strip() for f in formats.split(",") if f.strip()],
                           preview=preview)
    click.echo(f"wrote {len(result.written)} files into {output}; its manifest lists {len(result.documents)}")



@main.command()
@click.argument("campaign", type=click.Path(path_type=Path))
@STRICT
@_reports_errors
def validate(campaign: Path) -> None:
    """Check CAMPAIGN (a campaign or document file) and its units file without writing anything."""
    from .api import validate as validate_campaign

    validate_campaign(campaign)
    click.echo(f"{campaign}: valid")


@main.command()
@click.argument("campaign", type=click.Path(path_type=Path))
@click.option("-t", "--templates", "templates", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help=_("Folder of templates searched before the built-in ones (and watched)."))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help=_("Port of the web page (0: any free port)."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=_("Address to listen on; the default lets only this computer see the page."))
@_reports_errors
def serve(campaign: Path, templates: tuple[Path, ...], port: int, host: str) -> None:
    """Show every page of CAMPAIGN's documents (a campaign or document file) in a local web page,
    rebuilt as the file, its units file or a template is saved; Ctrl-C stops it."""
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


@main.command("kinds")
def list_kinds() -> None:
    """List the kinds of document vbdocs makes (built in, and of installed plug-ins)."""
    from .kinds import kinds

    for kind in kinds():
        click.echo(f"{kind.name:<20} {kind.summary} ({kind.source} file)")


@main.command("new-campaign")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--year", type=int, required=True, help="The new campaign's year (the year after SOURCE's).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The new campaign file to write.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_reports_errors
def new_campaign(source: Path, year: int, output: Path, force: bool) -> None:
    """Write next year's campaign from SOURCE: dates moved on, numbers cleared, comments kept."""
    from .rollover import new_campaign as roll

    result = roll(source, year=year, output=output, overwrite=force)
    click.echo(f"wrote {result.path} (valid); to review before building:")
    for item in result.review:
        click.echo(f"  - {item}")


@main.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON (for CI).")
@click.option("--all", "show_all", is_flag=True, help="List the rules that pass too.")
@click.option("--rules", "list_rules", is_flag=True, help="List every rule: id, the Decree's item, what --fix does.")
@click.option("--fix", "fix_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Write FILE repaired to this new .docx (what is safe to repair) and check it; the file checked "
              "is never changed.")
def check_files(files: tuple[Path, ...], as_json: bool, show_all: bool, list_rules: bool,
                fix_to: Path | None) -> None:
    """Check .docx FILES against Decree 30/2020/NĐ-CP, Appendix I.

    Exit code 0 when every rule holds, 1 when one fails, 2 when a file cannot be read.
    """
    import json

    from .check import CATALOGUE, UnreadableDocument, check

    if list_rules:
        if as_json:
            click.echo(json.dumps([{"id": r.id, "locator": r.locator, "asks": r.asks, "fix": r.fix,
                                    "not_in": sorted(r.not_in)} for r in CATALOGUE.values()],
                                  ensure_ascii=False, indent=2))
        else:
            for r in CATALOGUE.values():
                click.echo(f"{r.id:<22} {r.locator:<24} fix: {r.fix:<8} {r.asks}")
        return
    if not files:
        raise click.UsageError("give the .docx FILES to check, or --rules")
    if fix_to is not None:
        _fix_file(files, fix_to, as_json)
        return

    reports, unreadable = [], []
    for path in files:
        try:
            reports.append(check(path))
        except UnreadableDocument as exc:
            unreadable.append({"file": str(path), "error": str(exc)})
            if not as_json:
                click.echo(f"{path}: cannot be read: {exc}", err=True)
    if as_json:
        click.echo(json.dumps({"files": [r.as_dict() for r in reports], "unreadable": unreadable},
                              ensure_ascii=False, indent=2))
    else:
        for report in reports:
            shown = [f for f in report.findings if show_all or f.status == "fail"]
            for f in shown:
                line = f"{report.path}: {f.status.upper()} {f.rule} [{f.item}]"
                line += f" at {f.where!r}" if f.where else ""
                if f.status == "fail":
                    line += f": found {f.found}; required {f.required}"
                    line += f" [¶{f.paragraph}]" if f.paragraph else ""
                click.echo(line)
            checked = sum(1 for f in report.findings if f.status != "skip")
            click.echo(f"{report.path}: {'passes' if report.passed else 'fails'} "
                       f"({len(report.failures)} of {checked} checks failed; read as: {report.kind})")
    if unreadable:
        sys.exit(EXIT_INVALID)
    if any(not r.passed for r in reports):
        sys.exit(1)


def _fix_file(files: tuple[Path, ...], target: Path, as_json: bool) -> None:
    """``check FILE --fix OUT``: repair one file into another and say what changed and what is left."""
    import json

    from .check import UnreadableDocument
    from .check.fix import fix

    if len(files) != 1:
        raise click.UsageError("--fix repairs one FILE at a time")
    try:
        result = fix(files[0], target)
    except UnreadableDocument as exc:
        click.echo(f"{files[0]}: cannot be read: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    left = result.after.failures
    if as_json:
        click.echo(json.dumps({"file": str(files[0]), "fixed": str(target), "changed": list(result.changed),
                               "left": [f.__dict__ for f in left]}, ensure_ascii=False, indent=2))
    else:
        for change in result.changed:
            click.echo(f"{target}: fixed {change}")
        for f in left:
            click.echo(f"{target}: LEFT {f.rule} [{f.item}] at {f.where!r}: found {f.found}; required {f.required}")
        verdict = "passes" if not left else f"{len(left)} left for a person"
        click.echo(f"{target}: {len(result.changed)} changes; {verdict}")
    if left:
        sys.exit(1)


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write the schemas into; without it, print the campaign schema.")
def schema(output: Path | None) -> None:
    """Write the JSON Schemas of the campaign and units files (for editors)."""
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
