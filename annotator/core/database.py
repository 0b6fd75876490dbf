"""Opening a project database: location, pragmas, migrations, backups.

One SQLite file per project. ``open_database`` is the only way in;
:meth:`annotator.core.project.Project.open` calls it. The SQL of the data
itself lives in :mod:`annotator.core.storage`, one module per aggregate.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from annotator.core import schema
from annotator.core.storage import meta

APP_NAME = "annotator"
DB_ENV_VAR = "ANNOTATOR_DB"
BUSY_TIMEOUT_MS = 10_000


class ProjectError(Exception):
    """A project database cannot be opened or used; the message says why."""


class NewerSchemaError(ProjectError):
    pass


def default_db_path() -> Path:
    """``$ANNOTATOR_DB`` if set, else ``project.sqlite`` in the user data dir."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "project.sqlite"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def connect(path: Path | str, *, readonly: bool = False,
            busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """A sqlite-utils Database with our pragmas: WAL, foreign keys, busy wait."""
    path = Path(path)
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, timeout=busy_timeout_ms / 1000)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout_ms / 1000)
    db = Database(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
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


def open_database(path: Path | str, *, create: bool = True,
                  busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Open (and if needed create or upgrade) a project database file."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise ProjectError(f"{path}: no such project database")
        path.parent.mkdir(parents=True, exist_ok=True)
    elif path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project database")
    db = connect(path, busy_timeout_ms=busy_timeout_ms)
    try:
        _check_is_sqlite(db, path)
        _refuse_newer_schema(db, path)
        pending = schema.migrations.pending(db)
        if pending:
            if schema.migrations.applied(db):
                backup_database(db, path, before=pending[0].name)
            schema.migrations.apply(db)
        _ensure_identity(db)
    except BaseException:
        db.close()
        raise
    return db


def _check_is_sqlite(db: Database, path: Path) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path}: not a SQLite database or corrupt ({error})") from error
    tables = set(db.table_names())
    if tables and "_sqlite_migrations" not in tables:
        raise ProjectError(f"{path}: a SQLite database, but not an annotator project")


def _refuse_newer_schema(db: Database, path: Path) -> None:
    known = set(schema.known_migration_names())
    unknown = [m.name for m in schema.migrations.applied(db) if m.name not in known]
    if unknown:
        raise NewerSchemaError(
            f"{path} was written by a newer version of annotator (schema step "
            f"{unknown[-1]!r} is unknown here). Update annotator to open it; "
            "the file was not changed."
        )


def backup_database(db: Database, path: Path, *, before: str) -> Path:
    """Copy the database (consistently, via SQLite's backup API) next to it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}-before-{before}")
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    return target


def _ensure_identity(db: Database) -> None:
    """Every database gets a UUID once, so merges can tell where work came from."""
    with db.atomic():
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


def schema_version(db: Database) -> str:
    applied = schema.migrations.applied(db)
    return applied[-1].name if applied else "(empty)"
