"""Opening a project database: location, pragmas, migrations, backups.

One SQLite file per project. ``open_database`` is the only way in;
:meth:`annotator.core.project.Project.open` calls it. The SQL of the data
itself lives in :mod:`annotator.core.storage`, one module per aggregate.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from annotator.core import schema
from annotator.core.safety.leftovers import keep_mode, remove_stale
from annotator.core.storage import meta

APP_NAME = "annotator"
DB_ENV_VAR = "ANNOTATOR_DB"
BUSY_TIMEOUT_MS = 10_000


class Connection:
    """A project's connection: the sqlite3 connection (``conn``) with the
    calls of a sqlite-utils ``Database`` that the code uses (``execute``,
    ``executescript``, ``table_names``, ``close``). Not sqlite-utils' own
    class: importing sqlite-utils costs a start about 0.6 s (pandas, numpy,
    click, its plugins), so it is imported only to migrate
    (core/migration_set.py). The connection is in autocommit mode
    (isolation_level=None), where sqlite-utils' ``execute`` is plain
    ``conn.execute``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str):
        """Any other sqlite-utils ``Database`` call (``db["table"]``-style
        helpers, ``query``, ``atomic`` ...) goes to a sqlite-utils Database over
        this same connection, imported then: code written against it keeps
        working, and pays for the import only when it runs."""
        if name.startswith("__") or name == "conn":
            raise AttributeError(name)
        database = self.__dict__.get("_database")
        if database is None:
            from annotator.core.migration_set import as_sqlite_utils

            database = self.__dict__["_database"] = as_sqlite_utils(self)
        return getattr(database, name)

    def __getitem__(self, table: str):
        return self.table(table)  # db["articles"], as on a sqlite-utils Database


class ProjectError(Exception):
    """A project database cannot be opened or used; the message says why."""


class NewerSchemaError(ProjectError):
    pass


class EmptyFileError(ProjectError):
    """The file exists and is empty (0 bytes): it may be someone's, so it
    becomes a project only when the user says so (``--create``, or yes in
    the window's question)."""


def default_db_path() -> Path:
    """``$ANNOTATOR_DB`` if set, else ``project.sqlite`` in the user data dir."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "project.sqlite"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def connect(path: Path | str, *, readonly: bool = False,
            busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Connection:
    """A connection with our pragmas: WAL, foreign keys, busy wait."""
    path = Path(path)
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, timeout=busy_timeout_ms / 1000)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout_ms / 1000)
    db = Connection(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        db.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database set it
        if not readonly:
            # 16 KB pages (only takes effect on a new file): articles are a few
            # KB each, and bulk imports write half as many pages as with 4 KB.
            db.execute("PRAGMA page_size = 16384")
            db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk before we tell the user it is saved.
            db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise ProjectError(f"{path}: not a project database ({error})") from error
    return db


def open_database(path: Path | str, *, create: bool = True, adopt_empty: bool = False,
                  busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Connection:
    """Open (and if needed create or upgrade) a project database file.

    An existing file is checked read-only first (SQLite, ours, not newer):
    nothing about a file that is not ours is changed, not even its journal
    mode. An empty file is refused (EmptyFileError) unless ``adopt_empty``."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise ProjectError(f"{path}: no such project database")
        path.parent.mkdir(parents=True, exist_ok=True)
    elif path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project database")
    elif path.stat().st_size == 0 and not adopt_empty:
        raise EmptyFileError(f"{path}: is an empty file (0 bytes), not a project. To make it a new "
                             "project, give --create (in the window: answer Yes).")
    elif path.stat().st_size > 0:
        _check_before_opening(path)
    remove_stale_backups(path)
    db = connect(path, busy_timeout_ms=busy_timeout_ms)
    try:
        _check_is_sqlite(db, path)
        _refuse_newer_schema(db, path)
        _migrate(db, path)
        _ensure_identity(db)
    except BaseException:
        db.close()
        raise
    return db


def _check_before_opening(path: Path) -> None:
    """The checks of an existing file on a read-only, immutable connection:
    it writes nothing, takes no lock and leaves no -wal/-shm beside a file
    that turns out not to be ours. (The read-write connection checks again.)"""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as error:
        raise ProjectError(f"{path}: cannot be opened ({error})") from error
    try:
        db = Connection(conn)
        _check_is_sqlite(db, path)
        _refuse_newer_schema(db, path)
    finally:
        conn.close()


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of the schema's applied migrations, in order: what
    sqlite-utils' ``Migrations.applied`` reads, in one query and without
    importing sqlite-utils."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                    "AND name = '_sqlite_migrations'").fetchone() is None:
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations "
                                       "WHERE migration_set = ? ORDER BY rowid", [schema.MIGRATION_SET])]


def pending_migrations(db: Connection) -> list[str]:
    applied = set(applied_migrations(db.conn))
    return [name for name in schema.known_migration_names() if name not in applied]


def _migrate(db: Connection, path: Path) -> None:
    """Apply pending migrations under the write lock (BEGIN IMMEDIATE), after
    checking again under it: two processes opening an old file at once
    upgrade it once, the second finds nothing left to do."""
    if not pending_migrations(db):
        return
    with write_transaction(db.conn):
        pending = pending_migrations(db)
        if not pending:
            return
        if applied_migrations(db.conn):
            backup_database(db, path, before=pending[0])
        schema.migrations.apply(db)


def _check_is_sqlite(db: Connection, path: Path) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = set(db.table_names())
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path}: not a project database (not a SQLite file, or a damaged one: "
                           f"{error}); it was not changed") from error
    if tables and "_sqlite_migrations" not in tables:
        raise ProjectError(f"{path}: a SQLite database, but not an annotator project; "
                           "it was not changed")


def _refuse_newer_schema(db: Connection, path: Path) -> None:
    known = set(schema.known_migration_names())
    unknown = [name for name in applied_migrations(db.conn) if name not in known]
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of annotator (schema step "
            f"{unknown[-1]!r} is unknown here). Update annotator to open it; "
            "the file was not changed."
        )


def backup_database(db: Connection, path: Path, *, before: str) -> Path:
    """Copy the database (consistently, via SQLite's backup API) next to it.

    The copy is written under a temporary name and renamed only when
    complete and on disk, with the database's file mode: a killed upgrade
    never leaves a file that looks like a good backup and is not."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}-before-{before}")
    partial = path.with_name(f".{target.name}.{os.getpid()}.part")
    # Read through a connection of its own: ``db`` may hold the write lock
    # (an upgrade), and in WAL mode another connection still reads the
    # last committed state while it does.
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    destination = sqlite3.connect(str(partial))
    try:
        source.backup(destination)
    except BaseException:
        source.close()
        destination.close()
        for suffix in ("", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        raise
    source.close()
    destination.close()
    keep_mode(path, partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


def remove_stale_backups(path: Path) -> list[Path]:
    """Remove the partial backups (and their journals) of upgrades killed
    earlier; a live process's partial backup is left alone."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.backup-.*\.(?P<pid>\d+)\.part")
    return remove_stale(path.parent, pattern)


def _ensure_identity(db: Connection) -> None:
    """Every database gets a UUID once, so merges can tell where work came from."""
    if meta.get(db, "uuid") is not None:
        return  # (no write lock taken to find out)
    with write_transaction(db.conn):
        if meta.get(db, "uuid") is None:
            meta.put(db, "uuid", str(uuid.uuid4()))
            meta.put(db, "created_at", utc_now())


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction. BEGIN IMMEDIATE takes the write lock up front,
    so a second process waits (busy timeout) instead of failing later."""
    if conn.in_transaction:  # nested: the outer transaction decides
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(db: Connection) -> str:
    applied = applied_migrations(db.conn)
    return applied[-1] if applied else "(empty)"
