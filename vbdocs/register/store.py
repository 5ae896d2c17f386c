"""The register's store: a real database, SQLite in a file by default, PostgreSQL when an office
shares one register between several clerks' machines, through SQLAlchemy (Core) alone.

Where the register is (:func:`register_url`): ``--register URL``, else the environment variable
``VBDOCS_REGISTER``, else the units file's ``agency.issuing.url``, else ``register.sqlite``
beside the units file. A plain path is an SQLite file; a URL (``postgresql://clerk@host/vbdocs``,
``sqlite:///path``) is given to SQLAlchemy as it is.

Its schema is made and upgraded by the Alembic migrations shipped in
``vbdocs/register/migrations``, run when the register is opened, in one transaction that holds
the database (SQLite ``BEGIN IMMEDIATE``; PostgreSQL an advisory lock), so that clerks opening a
new register at the same moment make it once. A register made by a newer vbdocs is refused, as is
a file or database that is not a register.

A number is taken in one transaction with the entry it numbers (:meth:`Register.issue`): SQLite
holds the database from ``BEGIN IMMEDIATE`` (waiting up to its timeout for another clerk, then
saying the register is locked); PostgreSQL locks the sequence's counter row (``INSERT … ON
CONFLICT DO NOTHING`` then ``SELECT … FOR UPDATE``). A UNIQUE constraint on (agency, year,
sequence, number) is the last guard: whatever happens, a number is never given twice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import OutputError
from ..i18n import _
from .entry import RegisterEntry

ENVIRONMENT = "VBDOCS_REGISTER"
"""The environment variable that names the register, when ``--register`` does not."""
DEFAULT_FILE = "register.sqlite"
"""The register's file beside the units file, when nothing names another."""
TIMEOUT = 30.0
"""Seconds a clerk waits for another who holds an SQLite register, before being told it is locked."""
_PAUSE = "VBDOCS_TEST_PAUSE_IN_ISSUE"
"""Tests only: a file to create once a number is taken and the entry inserted, before the
commit; the process then sleeps there until it is killed (the crash test)."""
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_KEY = 0x76626463  # "vbdc": PostgreSQL's advisory lock while the schema is migrated

_metadata = sa.MetaData()
counter_table = sa.Table(
    "register_counter", _metadata,
    sa.Column("agency", sa.String(64), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("sequence", sa.String(64), primary_key=True),
    sa.Column("last_number", sa.Integer, nullable=False),
)
entry_table = sa.Table(
    "register_entry", _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("agency", sa.String(64), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("sequence", sa.String(64), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("notation", sa.String(200), nullable=False),
    sa.Column("issued", sa.Date, nullable=False),
    sa.Column("type_name", sa.String(100), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("signer", sa.String(200), nullable=False),
    sa.Column("signer_title", sa.String(200), nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),
    sa.Column("filing", sa.Text, nullable=False),
    sa.Column("copies", sa.Integer, nullable=False),
    sa.Column("drafting_unit", sa.String(64), nullable=False),
    sa.Column("drafter", sa.String(200), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("file", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("priority", sa.Integer, nullable=False),
    sa.Column("secret", sa.Boolean, nullable=False),
    sa.Column("withdrawn", sa.Boolean, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
)
_FIELDS = [c.name for c in entry_table.columns if c.name not in ("id", "agency")]


def register_url(given: str | None = None, *, units_path: Path | None = None, setting: str | None = None) -> str:
    """Where the register is: ``given`` (``--register``), else ``$VBDOCS_REGISTER``, else the units
    file's ``setting`` (a path relative to the units file), else ``register.sqlite`` beside it."""
    base = units_path.parent if units_path is not None else Path.cwd()
    for value, relative_to in ((given, Path.cwd()), (os.environ.get(ENVIRONMENT) or None, Path.cwd()),
                               (setting, base)):
        if value:
            return value if "://" in value else str(relative_to / value)
    return str(base / DEFAULT_FILE)


def _url(text: str) -> URL:
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text)))
    try:
        url = make_url(text)
    except (SQLAlchemyError, ValueError) as exc:
        raise OutputError(_("{url} is no database URL: {reason}").format(url=text, reason=exc)) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """The register as a message names it: its file, or its URL without a password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


class AlreadyIssued(Exception):
    """The document has an entry already: :meth:`Register.issue` took no number."""

    def __init__(self, entry: RegisterEntry) -> None:
        super().__init__(entry.number_and_notation)
        self.entry = entry


class Register:
    """An open register. Open it with :func:`open_register`; close it with :meth:`close` (or use
    it in a ``with`` block)."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self.sqlite = engine.dialect.name == "sqlite"

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self, *, writing: bool = False) -> Iterator[Connection]:
        """A transaction; ``writing``, one that holds an SQLite register from its start (BEGIN
        IMMEDIATE), so that what it read is still so when it writes. Readers never wait."""
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(vbdocs_writing=writing)
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise _failure(exc, self.name) from None

    def entries(self, year: int, *, agency: str | None = None) -> list[RegisterEntry]:
        """The entries of ``year``, withdrawn ones too, by sequence then number."""
        query = sa.select(entry_table).where(entry_table.c.year == year)
        if agency is not None:
            query = query.where(entry_table.c.agency == agency)
        with self._transaction() as conn:
            rows = conn.execute(query.order_by(entry_table.c.agency, entry_table.c.sequence,
                                               entry_table.c.number)).mappings().all()
        return [_entry(row) for row in rows]

    def issued_from(self, source: str, *, agency: str) -> RegisterEntry | None:
        """The entry, not withdrawn, of the document ``source`` ("file.yaml#plan"), if it was issued."""
        query = (sa.select(entry_table).where(entry_table.c.agency == agency, entry_table.c.source == source,
                                               entry_table.c.withdrawn == sa.false())
                 .order_by(entry_table.c.id.desc()))
        with self._transaction() as conn:
            row = conn.execute(query).mappings().first()
        return _entry(row) if row is not None else None

    def issue(self, agency: str, year: int, sequence: str, make: Callable[[int], RegisterEntry], *,
              source: str | None = None) -> RegisterEntry:
        """Take the next number of ``sequence`` of ``agency`` in ``year``, give it to ``make``, which
        returns the entry (it may write files meanwhile: it runs inside the transaction), and record
        it, all in one transaction: the number and its entry are committed together, or neither.

        Raises:
            AlreadyIssued: ``source`` has an entry, not withdrawn, committed by another clerk since
                the caller looked (checked under the lock, so one document never gets two numbers).
        """
        with self._transaction(writing=True) as conn:
            number = self._next(conn, agency, year, sequence)
            if source is not None:
                row = conn.execute(sa.select(entry_table).where(
                    entry_table.c.agency == agency, entry_table.c.source == source,
                    entry_table.c.withdrawn == sa.false())).mappings().first()
                if row is not None:
                    raise AlreadyIssued(_entry(row))
            entry = make(number)
            if (entry.year, entry.sequence, entry.number) != (year, sequence, number):
                raise ValueError(f"the entry made is numbered {entry.number} of {entry.sequence} {entry.year}")
            conn.execute(entry_table.insert().values(agency=agency, **_row(entry)))
            conn.execute(counter_table.update()
                         .where(counter_table.c.agency == agency, counter_table.c.year == year,
                                counter_table.c.sequence == sequence)
                         .values(last_number=number))
            _pause_for_tests()
        return entry

    def _next(self, conn: Connection, agency: str, year: int, sequence: str) -> int:
        key = {"agency": agency, "year": year, "sequence": sequence}
        insert: Any
        if self.sqlite:
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        conn.execute(insert(counter_table).values(last_number=0, **key).on_conflict_do_nothing())
        query = sa.select(counter_table.c.last_number).where(
            counter_table.c.agency == agency, counter_table.c.year == year, counter_table.c.sequence == sequence)
        if not self.sqlite:  # SQLite's BEGIN IMMEDIATE holds the whole database already
            query = query.with_for_update()
        last = conn.execute(query).scalar_one()
        return int(last) + 1

    def withdraw(self, year: int, number_and_notation: str, *, agency: str, note: str = "") -> RegisterEntry:
        """Mark the entry "02/KH-SNN" of ``year`` withdrawn: its line stays and its number is never
        given again."""
        number_text, _slash, notation = number_and_notation.partition("/")
        if not number_text.strip().isdigit() or not notation:
            raise OutputError(_("{given} is no number and notation: write it as 02/KH-SNN").format(
                given=number_and_notation))
        where = (entry_table.c.agency == agency, entry_table.c.year == year,
                 entry_table.c.number == int(number_text), entry_table.c.notation == notation.strip())
        with self._transaction(writing=True) as conn:
            row = conn.execute(sa.select(entry_table).where(*where)).mappings().first()
            if row is None:
                raise OutputError(_("the register {register} has no {number} in {year}").format(
                    register=self.name, number=number_and_notation, year=year))
            entry = _entry(row)
            if entry.withdrawn:
                raise OutputError(_("{number} of {year} is withdrawn already").format(
                    number=number_and_notation, year=year))
            entry = replace(entry, withdrawn=True, note="; ".join(filter(None, [entry.note, note])))
            conn.execute(entry_table.update().where(entry_table.c.id == row["id"])
                         .values(withdrawn=True, note=entry.note))
        return entry

    def complete(self, entry: RegisterEntry, *, agency: str, file: str, sha256: str) -> None:
        """Record the file issued for an entry whose issue was interrupted after its commit."""
        with self._transaction(writing=True) as conn:
            conn.execute(entry_table.update()
                         .where(entry_table.c.agency == agency, entry_table.c.year == entry.year,
                                entry_table.c.sequence == entry.sequence, entry_table.c.number == entry.number)
                         .values(file=file, sha256=sha256))


def _row(entry: RegisterEntry) -> dict[str, Any]:
    out = {name: getattr(entry, name) for name in _FIELDS}
    out["recipients"] = json.dumps(list(entry.recipients), ensure_ascii=False)
    return out


def _entry(row: Any) -> RegisterEntry:
    values = {name: row[name] for name in _FIELDS}
    values["recipients"] = tuple(json.loads(row["recipients"]))
    values["secret"], values["withdrawn"] = bool(row["secret"]), bool(row["withdrawn"])
    issued = row["issued"]
    values["issued"] = issued if isinstance(issued, dt.date) else dt.date.fromisoformat(str(issued))
    return RegisterEntry(**values)


def _pause_for_tests() -> None:
    flag = os.environ.get(_PAUSE)
    if flag:
        Path(flag).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(3600)


def _failure(exc: DBAPIError, name: str) -> OutputError:
    """What a database's failure means to a clerk."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "database is locked" in text or "database table is locked" in text:
        return OutputError(_("the register {register} is locked by another clerk; try again in a moment").format(
            register=name))
    if "file is not a database" in text or "file is encrypted" in text:
        return OutputError(_("{register} is not a register of vbdocs").format(register=name))
    if isinstance(exc, sa.exc.OperationalError):
        return OutputError(_("cannot reach the register {register}: {reason}").format(
            register=name, reason=text.strip().splitlines()[0] if text.strip() else type(exc.orig).__name__))
    return OutputError(_("the register {register} failed: {reason}").format(register=name, reason=text.strip()))


def open_register(url: str, *, timeout: float = TIMEOUT) -> Register:
    """Open the register at ``url`` (a path of an SQLite file, or a database URL), made or brought
    up to date by its migrations.

    Raises:
        OutputError: it is not a register (a text file, another database), it was made by a newer
            vbdocs, its server cannot be reached, or it stays locked by another clerk for ``timeout``
            seconds.
    """
    parsed = _url(url)
    name = shown(parsed)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite(parsed, name, timeout)
    elif parsed.get_backend_name() == "postgresql":
        try:
            engine = sa.create_engine(parsed, connect_args={"connect_timeout": max(1, int(timeout))},
                                      pool_pre_ping=False)
        except ImportError:
            raise OutputError(_("a register on PostgreSQL needs psycopg: pip install 'vbdocs[postgres]'")) from None
    else:
        raise OutputError(_("{register}: a register is an SQLite file or a PostgreSQL database").format(register=name))
    register = Register(engine, name)
    try:
        _migrate(register)
    except BaseException:
        engine.dispose()
        raise
    return register


def _sqlite(url: URL, name: str, timeout: float) -> Engine:
    path = Path(url.database or "")
    if path.exists():
        if not path.is_file():
            raise OutputError(_("{register} is not a register of vbdocs").format(register=name))
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
        if head and head != _SQLITE_MAGIC:
            raise OutputError(_("{register} is not a register of vbdocs").format(register=name))
    elif not path.parent.is_dir():
        raise OutputError(_("cannot make the register {register}: its folder does not exist").format(register=name))
    engine = sa.create_engine(url, connect_args={"timeout": timeout}, poolclass=sa.pool.NullPool)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the transactions are begun here, as below

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("vbdocs_writing") else "BEGIN")

    return engine


def _alembic(conn: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _migrate(register: Register) -> None:
    """Make the register's schema, or bring it up to this vbdocs's, once, whoever else opens it."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with register._transaction() as conn:  # the common case, a register up to date: read, never wait
        tables = set(sa.inspect(conn).get_table_names())
        if {"alembic_version", "register_entry", "register_counter"} <= tables:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == ScriptDirectory.from_config(_alembic(conn)).get_current_head():
                return
    with register._transaction(writing=True) as conn:
        if not register.sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        tables = set(sa.inspect(conn).get_table_names())
        config = _alembic(conn)
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        if "alembic_version" not in tables:
            if tables:
                raise OutputError(_("{register} is not a register of vbdocs").format(register=register.name))
            command.upgrade(config, "head")
            return
        if not {"register_entry", "register_counter"} <= tables:
            raise OutputError(_("{register} is not a register of vbdocs").format(register=register.name))
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        try:
            script.get_revision(current or "")
        except Exception:
            raise OutputError(_("the register {register} was made by a newer vbdocs (schema {schema}); "
                                "upgrade vbdocs to use it").format(register=register.name, schema=current)) from None
        command.upgrade(config, "head")


def entries(year: int, *, url: str | None = None, units_path: Path | None = None, setting: str | None = None,
            agency: str | None = None) -> list[RegisterEntry]:
    """The register's entries of ``year`` (withdrawn ones too), in number order in each sequence.

    Args:
        year: the year of issue.
        url: the register (as ``--register`` gives it); None: ``$VBDOCS_REGISTER``, else the units
            file's ``setting``, else ``register.sqlite`` beside ``units_path``.
        agency: the agency's abbreviation, to read one agency's entries of a shared register.

    Raises:
        OutputError: the register cannot be opened (see :func:`open_register`).
    """
    with open_register(register_url(url, units_path=units_path, setting=setting)) as register:
        return register.entries(year, agency=agency)
