"""The SQL of a merge: inputs attached read-only, staging tables, the output.

A merge runs on its own ``sqlite3.Connection`` to the (temporary) output
database. Each input is attached as schema ``source``, read in one
transaction; its small tables come back as dicts, its annotations and
change log are copied by SQLite into the temp staging tables. The decision
(which version wins) is :mod:`annotator.core.team.merge`'s; this module
only moves rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from annotator.core.rows import (
    ANNOTATION_COLUMNS,
    ARTICLE_COLUMNS,
    ARTICLE_INSERT_COLUMNS,
    ASSIGNMENT_COLUMNS,
    CHECK_COLUMNS,
    CONFLICT_COLUMNS,
    LOG_COLUMNS,
    SUGGESTION_COLUMNS,
    SUGGESTION_INSERT_COLUMNS,
    select_list,
)
from annotator.core.storage import fetch_dicts, source_merging
from annotator.core.storage.team import BASIS_COLUMNS

VERSION_COLUMNS = tuple(c for c in ANNOTATION_COLUMNS if c != "suggestion_id")
# A staged version: its suggestion given by span, not by the input's local rowid.
STAGED_COLUMNS = VERSION_COLUMNS + ("suggestion_start", "suggestion_end")
STAGING_TABLES = f"""
    CREATE TEMP TABLE stage_annotations (input INTEGER NOT NULL,
        {", ".join(f'"{c}"' for c in VERSION_COLUMNS)}, suggestion_start, suggestion_end);
    CREATE TEMP TABLE stage_log ({", ".join(LOG_COLUMNS)});
"""
SCHEMAS = ("main", "source")  # the only schema names spliced into SQL

# -- inputs -------------------------------------------------------------------


def tables(conn: sqlite3.Connection, schema_name: str) -> set[str]:
    assert schema_name in SCHEMAS
    return {r[0] for r in conn.execute(
        f"SELECT name FROM {schema_name}.sqlite_master WHERE type = 'table'")}


def applied_migrations(conn: sqlite3.Connection, schema_name: str, migration_set: str) -> list[str]:
    assert schema_name in SCHEMAS
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {schema_name}._sqlite_migrations WHERE migration_set = ?",
        [migration_set])]


def quick_check(conn: sqlite3.Connection, schema_name: str) -> str:
    assert schema_name in SCHEMAS
    return conn.execute(f"PRAGMA {schema_name}.quick_check").fetchone()[0]


def attach_input(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("ATTACH DATABASE ? AS source", [f"{path.resolve().as_uri()}?mode=ro"])


def detach_input(conn: sqlite3.Connection) -> None:
    conn.execute("DETACH DATABASE source")


def input_uuid(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM source.project_meta WHERE key = 'uuid'").fetchone()
    return None if row is None else row[0]


def read_small_tables(conn: sqlite3.Connection, present: set[str]) -> dict[str, list[dict]]:
    """The attached input's small tables as dicts, without local rowids (seq,
    id), so rows mean the same in every database. Tables of later schema
    steps are empty lists when an input from an older version lacks them."""
    articles = tuple(c for c in ARTICLE_COLUMNS if c != "seq")
    suggestions = tuple(c for c in SUGGESTION_COLUMNS if c != "id") + ("created_at",)
    small = {
        "articles": list(fetch_dicts(conn, f"SELECT {select_list(articles)} FROM source.articles")),
        "suggestions": list(fetch_dicts(
            conn, f"SELECT {select_list(suggestions)} FROM source.suggestions")),
        "annotators": list(fetch_dicts(conn, "SELECT name, created_at FROM source.annotators")),
        "assignments": [], "conflicts": [], "bases": [], "checks": [],
    }
    if "assignments" in present:
        small["assignments"] = list(fetch_dicts(
            conn, f"SELECT {select_list(ASSIGNMENT_COLUMNS)} FROM source.assignments"))
    if "article_checks" in present:  # m008: "checked, nothing to mark"
        small["checks"] = list(fetch_dicts(
            conn, f"SELECT {select_list(CHECK_COLUMNS)} FROM source.article_checks"))
    if "merge_conflicts" in present:
        small["conflicts"] = list(fetch_dicts(
            conn, f"SELECT {select_list(CONFLICT_COLUMNS)} FROM source.merge_conflicts"))
    if "adjudication_basis" in present:
        small["bases"] = list(fetch_dicts(
            conn, f"SELECT {select_list(BASIS_COLUMNS)} FROM source.adjudication_basis"))
    return small


def stage_big_tables(conn: sqlite3.Connection, number: int) -> None:
    """Copy the attached input's annotations (as versions) and change log. A
    column of a later schema step (m008's flag) is NULL from an older input."""
    present = {row[1] for row in conn.execute("PRAGMA source.table_info(annotations)")}
    values = ", ".join(f'a."{c}"' if c in present else "NULL" for c in VERSION_COLUMNS)
    conn.execute(
        f"INSERT INTO temp.stage_annotations SELECT ?, {values}, "
        's.start, s."end" FROM source.annotations a '
        "LEFT JOIN source.suggestions s ON s.id = a.suggestion_id", [number])
    conn.execute(f"INSERT INTO temp.stage_log SELECT {select_list(LOG_COLUMNS)} "
                 "FROM source.annotation_log")


def staged_versions(conn: sqlite3.Connection) -> Iterator[tuple]:
    """(rowid, *STAGED_COLUMNS) of every staged version, in staging order."""
    return conn.execute(
        f"SELECT rowid, {select_list(STAGED_COLUMNS)} FROM temp.stage_annotations ORDER BY rowid")


def deletion_times(conn: sqlite3.Connection) -> dict[str, str]:
    """annotation id -> when it was last deleted, by any staged change log."""
    return dict(conn.execute("SELECT annotation_id, max(at) FROM temp.stage_log "
                             "WHERE action = 'delete' GROUP BY annotation_id"))


def superseded_states(conn: sqlite3.Connection) -> set[tuple[str, int, str]]:
    """(annotation id, revision, updated_at) of every state some staged change
    log edited further: a version in this set is history, not a rival."""
    return set(conn.execute(
        "SELECT DISTINCT annotation_id, json_extract(before, '$.revision'), "
        "json_extract(before, '$.updated_at') FROM temp.stage_log "
        "WHERE before IS NOT NULL AND action = 'update'"))


# -- the output ----------------------------------------------------------------


def open_output(path: Path) -> sqlite3.Connection:
    """The merge's connection to its private output file: nobody else sees it
    until it is complete, so no journal and no per-page fsync."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}", uri=True, isolation_level=None)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -65536",
                   "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.executescript(STAGING_TABLES)
    return conn


def begin(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN")


def commit(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


def rollback(conn: sqlite3.Connection) -> None:
    conn.execute("ROLLBACK")


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({select_list(columns)}) VALUES ({marks})", rows)


def insert_articles(conn: sqlite3.Connection, rows: list[dict]) -> None:
    _insert(conn, "articles", ARTICLE_INSERT_COLUMNS,
            [tuple(r[c] for c in ARTICLE_INSERT_COLUMNS) for r in rows])


def insert_suggestions(conn: sqlite3.Connection, rows: list[dict]) -> None:
    _insert(conn, "suggestions", SUGGESTION_INSERT_COLUMNS,
            [tuple(r[c] for c in SUGGESTION_INSERT_COLUMNS) for r in rows])


def insert_annotators(conn: sqlite3.Connection, names: list[tuple[str, str]]) -> None:
    _insert(conn, "annotators", ("name", "created_at"), names)


def insert_assignments(conn: sqlite3.Connection, rows: list[dict]) -> None:
    _insert(conn, "assignments", ASSIGNMENT_COLUMNS,
            [tuple(r[c] for c in ASSIGNMENT_COLUMNS) for r in rows])


def insert_checks(conn: sqlite3.Connection, rows: list[dict]) -> None:
    _insert(conn, "article_checks", CHECK_COLUMNS, [tuple(r[c] for c in CHECK_COLUMNS) for r in rows])


def insert_conflicts(conn: sqlite3.Connection, rows: list[dict]) -> None:
    columns = (*CONFLICT_COLUMNS, "kept_annotation_id")
    _insert(conn, "merge_conflicts", columns, [tuple(r[c] for c in columns) for r in rows])


def insert_bases(conn: sqlite3.Connection, rows: list[dict]) -> None:
    _insert(conn, "adjudication_basis", BASIS_COLUMNS,
            [tuple(r[c] for c in BASIS_COLUMNS) for r in rows])


def record_merged_from(conn: sqlite3.Connection, sources: list[str]) -> None:
    conn.execute("INSERT INTO project_meta (key, value) VALUES ('merged_from', ?)",
                 [json.dumps(sources)])


def copy_annotations(conn: sqlite3.Connection, winners: list[int]) -> None:
    """The winning staged versions, by SQLite itself; the suggestion found again by span."""
    conn.execute("CREATE TEMP TABLE winners (stage_rowid INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.winners VALUES (?)", ((w,) for w in sorted(winners)))
    values = ", ".join("m.id" if c == "suggestion_id" else f'a."{c}"' for c in ANNOTATION_COLUMNS)
    conn.execute(
        f"INSERT INTO annotations ({select_list(ANNOTATION_COLUMNS)}) SELECT {values} "
        "FROM temp.winners w JOIN temp.stage_annotations a ON a.rowid = w.stage_rowid "
        "LEFT JOIN suggestions m ON m.article_id = a.article_id "
        'AND m.start = a.suggestion_start AND m."end" = a.suggestion_end '
        "ORDER BY a.id")  # key order: the B-tree appends instead of splitting at random
    conn.execute("DROP TABLE temp.winners")


def copy_log(conn: sqlite3.Connection) -> None:
    """The union of all staged change logs, in time order. A log row is the same
    row in every copy, so (annotation, time, action, database, annotator)
    identifies it; sorting those small keys first keeps SQLite from sorting
    the JSON along."""
    conn.execute(
        "CREATE TEMP TABLE log_order AS SELECT min(rowid) AS stage_rowid FROM temp.stage_log "
        "GROUP BY annotation_id, at, action, db_uuid, annotator "
        "ORDER BY at, db_uuid, annotation_id, action, annotator")
    columns = select_list(LOG_COLUMNS)
    conn.execute(f"INSERT INTO annotation_log ({columns}) SELECT {select_list(LOG_COLUMNS, 's')} "
                 "FROM temp.log_order o JOIN temp.stage_log s ON s.rowid = o.stage_rowid "
                 "ORDER BY o.rowid")
    conn.execute("DROP TABLE temp.log_order")


def log_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM annotation_log").fetchone()[0]


def close_output(conn: sqlite3.Connection) -> None:
    """Drop the staging and make the file an ordinary (WAL) project, then close."""
    conn.execute("DROP TABLE temp.stage_annotations")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


# -- comparing databases --------------------------------------------------------


def canonical_rows(db) -> dict[str, list[tuple]]:
    """Every content table without local rowids, rows sorted: equal for two
    databases holding the same content (project_meta is not content)."""
    suggestion_columns = tuple(c for c in SUGGESTION_INSERT_COLUMNS if c != "id")
    annotation_columns = tuple(c for c in ANNOTATION_COLUMNS if c != "suggestion_id")
    queries = {
        "articles": f"SELECT {select_list(ARTICLE_INSERT_COLUMNS)} FROM articles",
        "suggestions": f"SELECT {select_list(suggestion_columns)} FROM suggestions",
        "annotators": "SELECT name, created_at FROM annotators",
        "annotations": f"SELECT {select_list(annotation_columns, 'a')}, s.start, s.\"end\" "
                       "FROM annotations a LEFT JOIN suggestions s ON s.id = a.suggestion_id",
        "annotation_log": f"SELECT {select_list(LOG_COLUMNS)} FROM annotation_log",
        "assignments": f"SELECT {select_list(ASSIGNMENT_COLUMNS)} FROM assignments",
        "article_checks": f"SELECT {select_list(CHECK_COLUMNS)} FROM article_checks",
        "merge_conflicts": f"SELECT {select_list(CONFLICT_COLUMNS)}, kept_annotation_id "
                           "FROM merge_conflicts",
        "adjudication_basis": f"SELECT {select_list(BASIS_COLUMNS)} FROM adjudication_basis",
    }
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sources'").fetchone():
        queries.update(source_merging.CANONICAL_QUERIES)  # the registry (m004) is content too
    return {table: sorted(db.execute(sql).fetchall(), key=repr) for table, sql in queries.items()}


def release_input(path: Path) -> None:
    """Remove the -wal and -shm files that reading an input in WAL mode left
    beside it (they did not exist before the merge). A plain connection that
    reads and closes does it: the last connection to a WAL database deletes
    both, after a checkpoint of an empty log that writes nothing to the file.
    If another program has the input open, they are its and stay."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # not ours to insist on: the merge result does not depend on it
