"""Reading one database to be merged: checked, read-only, as one snapshot.

An input is never modified: it is opened with SQLite's read-only mode and
read inside one read transaction, so an annotator still working in it
cannot make us see half an edit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import schema
from annotator.core.project import ProjectError, connect
from annotator.core.rows import ANNOTATION_COLUMNS, ARTICLE_COLUMNS, SUGGESTION_COLUMNS, select_list

REQUIRED_TABLES = {"project_meta", "articles", "suggestions", "annotators", "annotations",
                   "annotation_log", "_sqlite_migrations"}
LOG_COLUMNS = ("annotation_id", "annotator", "at", "action", "before", "after", "db_uuid")
ASSIGNMENT_COLUMNS = ("article_id", "annotator", "package_uuid", "assigned_at")
CONFLICT_COLUMNS = ("version_hash", "annotation_id", "annotator", "article_id",
                    "dropped_revision", "dropped_updated_at", "dropped_origin_db", "dropped")


class MergeError(Exception):
    """A merge was refused; the message names the file and the reason."""


@dataclass
class Snapshot:
    """Everything a merge needs from one input database, as plain dicts."""

    path: Path
    uuid: str
    articles: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    annotators: list[dict] = field(default_factory=list)
    annotations: list[dict] = field(default_factory=list)
    log: list[tuple] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)


def read_input(path: Path | str) -> Snapshot:
    """Check and read one input; MergeError (naming the file) if it cannot be merged."""
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
        return _read_checked(db.conn, path)
    except sqlite3.DatabaseError as error:
        raise MergeError(f"{path}: not a SQLite database, or corrupt ({error})") from error
    finally:
        db.close()


def _read_checked(conn: sqlite3.Connection, path: Path) -> Snapshot:
    conn.execute("BEGIN")  # one consistent snapshot, even while someone writes
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = REQUIRED_TABLES - tables
        if missing:
            raise MergeError(f"{path}: a SQLite database, but not an annotator project "
                             f"(no table {sorted(missing)[0]})")
        _refuse_newer_schema(conn, path)
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise MergeError(f"{path}: the database is corrupt ({check})")
        return _read_rows(conn, path, tables)
    finally:
        conn.execute("COMMIT")


def _refuse_newer_schema(conn: sqlite3.Connection, path: Path) -> None:
    known = set(schema.known_migration_names())
    applied = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [schema.MIGRATION_SET])]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise MergeError(f"{path}: written by a newer version of annotator (schema step "
                         f"{unknown[-1]!r} is unknown here); update annotator to merge it")


def _dicts(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor]


def _read_rows(conn: sqlite3.Connection, path: Path, tables: set[str]) -> Snapshot:
    uuid = conn.execute("SELECT value FROM project_meta WHERE key = 'uuid'").fetchone()
    if uuid is None:
        raise MergeError(f"{path}: the project has no identity (project_meta 'uuid' is missing)")
    snap = Snapshot(path=path, uuid=uuid[0])
    snap.articles = _dicts(conn, f"SELECT {select_list(ARTICLE_COLUMNS)} FROM articles")
    snap.suggestions = _dicts(conn, f"SELECT {select_list(SUGGESTION_COLUMNS)}, created_at "
                                    "FROM suggestions")
    snap.annotators = _dicts(conn, "SELECT name, created_at FROM annotators")
    snap.annotations = _dicts(conn, f"SELECT {select_list(ANNOTATION_COLUMNS)} FROM annotations")
    snap.log = conn.execute(f"SELECT {select_list(LOG_COLUMNS)} FROM annotation_log").fetchall()
    # Tables of later schema steps: an input from an older version lacks them.
    if "assignments" in tables:
        snap.assignments = _dicts(conn, f"SELECT {select_list(ASSIGNMENT_COLUMNS)} FROM assignments")
    if "merge_conflicts" in tables:
        snap.conflicts = _dicts(conn, f"SELECT {select_list(CONFLICT_COLUMNS)} FROM merge_conflicts")
    return snap
