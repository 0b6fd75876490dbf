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
from annotator.core.rows import ANNOTATION_COLUMNS, ARTICLE_COLUMNS, SUGGESTION_COLUMNS, select_list

REQUIRED_TABLES = {"project_meta", "articles", "suggestions", "annotators", "annotations",
                   "annotation_log", "_sqlite_migrations"}
LOG_COLUMNS = ("annotation_id", "annotator", "at", "action", "before", "after", "db_uuid")
ASSIGNMENT_COLUMNS = ("article_id", "annotator", "package_uuid", "assigned_at")
VERSION_COLUMNS = tuple(c for c in ANNOTATION_COLUMNS if c != "suggestion_id")
CONFLICT_COLUMNS = ("version_hash", "annotation_id", "annotator", "article_id",
                    "dropped_revision", "dropped_updated_at", "dropped_origin_db", "dropped")


class MergeError(Exception):
    """A merge was refused; the message names the file and the reason."""


STAGING_TABLES = f"""
    CREATE TEMP TABLE stage_annotations (input INTEGER NOT NULL,
        {", ".join(f'"{c}"' for c in VERSION_COLUMNS)}, suggestion_start, suggestion_end);
    CREATE TEMP TABLE stage_log ({", ".join(LOG_COLUMNS)});
"""


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
    tables = {r[0] for r in conn.execute(
        f"SELECT name FROM {schema_name}.sqlite_master WHERE type = 'table'")}
    missing = REQUIRED_TABLES - tables
    if missing:
        raise MergeError(f"{path}: a SQLite database, but not an annotator project "
                         f"(no table {sorted(missing)[0]})")
    known = set(schema.known_migration_names())
    applied = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema_name}._sqlite_migrations WHERE migration_set = ?",
        [schema.MIGRATION_SET])]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise MergeError(f"{path}: written by a newer version of annotator (schema step "
                         f"{unknown[-1]!r} is unknown here); update annotator to merge it")
    if quick_check:
        check = conn.execute(f"PRAGMA {schema_name}.quick_check").fetchone()[0]
        if check != "ok":
            raise MergeError(f"{path}: the database is corrupt ({check})")
    return tables


def stage_input(conn: sqlite3.Connection, path: Path, number: int) -> Snapshot:
    """Attach one input read-only to the merge connection, checked again and read
    in one transaction (a consistent snapshot even while its annotator works):
    small tables into a Snapshot, annotations and log into the staging tables."""
    conn.execute("ATTACH DATABASE ? AS source", [f"{path.resolve().as_uri()}?mode=ro"])
    try:
        conn.execute("BEGIN")
        try:
            tables = _check(conn, path, "source")
            snap = _read_small_tables(conn, path, tables)
            _stage_big_tables(conn, number)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return snap
    except sqlite3.DatabaseError as error:
        raise MergeError(f"{path}: not a SQLite database, or corrupt ({error})") from error
    finally:
        conn.execute("DETACH DATABASE source")


def _dicts(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor]


def _read_small_tables(conn: sqlite3.Connection, path: Path, tables: set[str]) -> Snapshot:
    uuid = conn.execute("SELECT value FROM source.project_meta WHERE key = 'uuid'").fetchone()
    if uuid is None:
        raise MergeError(f"{path}: the project has no identity (project_meta 'uuid' is missing)")
    snap = Snapshot(path=path, uuid=uuid[0])
    # Without local rowids (seq, id): rows mean the same in every database.
    articles = tuple(c for c in ARTICLE_COLUMNS if c != "seq")
    suggestions = tuple(c for c in SUGGESTION_COLUMNS if c != "id") + ("created_at",)
    snap.articles = _dicts(conn, f"SELECT {select_list(articles)} FROM source.articles")
    snap.suggestions = _dicts(conn, f"SELECT {select_list(suggestions)} FROM source.suggestions")
    snap.annotators = _dicts(conn, "SELECT name, created_at FROM source.annotators")
    # Tables of later schema steps: an input from an older version lacks them.
    if "assignments" in tables:
        snap.assignments = _dicts(
            conn, f"SELECT {select_list(ASSIGNMENT_COLUMNS)} FROM source.assignments")
    if "merge_conflicts" in tables:
        snap.conflicts = _dicts(
            conn, f"SELECT {select_list(CONFLICT_COLUMNS)} FROM source.merge_conflicts")
    return snap


def _stage_big_tables(conn: sqlite3.Connection, number: int) -> None:
    # Annotations as versions: the suggestion given by its span, not its local rowid.
    conn.execute(
        f"INSERT INTO temp.stage_annotations SELECT ?, {select_list(VERSION_COLUMNS, 'a')}, "
        's.start, s."end" FROM source.annotations a '
        "LEFT JOIN source.suggestions s ON s.id = a.suggestion_id", [number])
    conn.execute(f"INSERT INTO temp.stage_log SELECT {select_list(LOG_COLUMNS)} "
                 "FROM source.annotation_log")
