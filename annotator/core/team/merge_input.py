"""Reading the databases to be merged: checked, read-only, each as one snapshot.

An input is never modified: it is opened (and attached to the merge's own
connection) in SQLite's read-only mode, and read inside one read
transaction, so an annotator still working in it cannot make us see half
an edit. The bulky tables (annotations, change log) are copied by SQLite
itself into staging tables; Python only sees what it must decide on.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import schema
from annotator.core.database import ProjectError, connect
from annotator.core.storage import merging

REQUIRED_TABLES = {"project_meta", "articles", "suggestions", "annotators", "annotations",
                   "annotation_log", "_sqlite_migrations"}


class MergeError(Exception):
    """A merge was refused; the message names the file and the reason."""


@dataclass
class Snapshot:
    """The small tables of one input, as plain dicts. Its annotations and
    change log go to the staging tables instead (see :func:`stage_input`)."""

    path: Path
    uuid: str
    articles: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    annotators: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    bases: list[dict] = field(default_factory=list)


def probe_input(path: Path | str) -> None:
    """Check one input on its own read-only connection; MergeError naming the file."""
    path = Path(path)
    if not path.exists():
        raise MergeError(f"{path}: no such file")
    if path.is_dir():
        raise MergeError(f"{path}: is a folder, not a project database")
    try:
        db = connect(path, readonly=True)
    except (ProjectError, sqlite3.Error) as error:
        reason = error.__cause__ or error
        raise MergeError(f"{path}: not a SQLite database, or corrupt ({reason})") from error
    try:
        _check(db.conn, path, "main", quick_check=True)
    except sqlite3.DatabaseError as error:
        raise MergeError(f"{path}: not a SQLite database, or corrupt ({error})") from error
    finally:
        db.close()


def _check(conn: sqlite3.Connection, path: Path, schema_name: str, *,
           quick_check: bool = False) -> set[str]:
    tables = merging.tables(conn, schema_name)
    missing = REQUIRED_TABLES - tables
    if missing:
        raise MergeError(f"{path}: a SQLite database, but not an annotator project "
                         f"(no table {sorted(missing)[0]})")
    known = set(schema.known_migration_names())
    applied = merging.applied_migrations(conn, schema_name, schema.MIGRATION_SET)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise MergeError(f"{path}: written by a newer version of annotator (schema step "
                         f"{unknown[-1]!r} is unknown here); update annotator to merge it")
    if quick_check:
        check = merging.quick_check(conn, schema_name)
        if check != "ok":
            raise MergeError(f"{path}: the database is corrupt ({check})")
    return tables


def stage_input(conn: sqlite3.Connection, path: Path, number: int) -> Snapshot:
    """Attach one input read-only to the merge connection, checked again and read
    in one transaction (a consistent snapshot even while its annotator works):
    small tables into a Snapshot, annotations and log into the staging tables."""
    merging.attach_input(conn, path)
    try:
        merging.begin(conn)
        try:
            tables = _check(conn, path, "source")
            snap = _read_small_tables(conn, path, tables)
            merging.stage_big_tables(conn, number)
        except BaseException:
            merging.rollback(conn)
            raise
        merging.commit(conn)
        return snap
    except sqlite3.DatabaseError as error:
        raise MergeError(f"{path}: not a SQLite database, or corrupt ({error})") from error
    finally:
        merging.detach_input(conn)


def _read_small_tables(conn: sqlite3.Connection, path: Path, tables: set[str]) -> Snapshot:
    uuid = merging.input_uuid(conn)
    if uuid is None:
        raise MergeError(f"{path}: the project has no identity (project_meta 'uuid' is missing)")
    return Snapshot(path=path, uuid=uuid, **merging.read_small_tables(conn, tables))
