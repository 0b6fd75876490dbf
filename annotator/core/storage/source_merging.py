"""The registry's SQL for merges of databases and for undoing a merge:
reading an input's registry (read-only), and moving a source's rows.
The rest of the registry's SQL is :mod:`annotator.core.storage.sources`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.storage.sources import COLUMNS, conn_of, iter_all, source_grades


def read_input(path: Path) -> dict | None:
    """An input database's registry, links, grades and conflicts (read-only);
    None for a database from before m004."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if not has_registry(conn):
            return None
        return {
            "sources": list(iter_all(conn)), "annotations": all_annotation_links(conn),
            "suggestions": all_suggestion_links(conn), "grades": source_grades(conn),
            "conflicts": all_conflicts(conn),
        }
    finally:
        conn.close()


def has_registry(db) -> bool:
    """False for a database from before m004 (nothing to merge)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'").fetchone() \
        is not None


def all_annotation_links(db) -> list[tuple[str, str, str, str, str]]:
    """(annotation id, article id, source id, linked by, linked at)."""
    return db.execute("SELECT annotation_id, article_id, source_id, linked_by, linked_at "
                      "FROM annotation_sources").fetchall()


def all_suggestion_links(db) -> list[tuple[str, int, int, str | None, float, str]]:
    """(article id, start, end, source id, confidence, reason): by span, as
    suggestion ids are local to a database."""
    return db.execute(
        'SELECT g.article_id, g.start, g."end", l.source_id, l.confidence, l.reason '
        "FROM suggestion_sources l JOIN suggestions g ON g.id = l.suggestion_id").fetchall()


def suggestion_ids_by_span(db) -> dict[tuple[str, int, int], int]:
    return {(r[1], r[2], r[3]): r[0] for r in db.execute('SELECT id, article_id, start, "end" FROM suggestions')}


def annotation_ids(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT id FROM annotations")}


def all_conflicts(db) -> list[tuple[str, str, str, str]]:
    return db.execute('SELECT source_id, field, "values", recorded_at FROM source_conflicts').fetchall()


def insert_conflict_row(db, source_id: str, field: str, values_json: str, at: str) -> None:
    """One conflict once; met again (another merge, another input) it keeps
    the earliest time, so the merged table does not depend on the order."""
    db.execute('INSERT INTO source_conflicts (source_id, field, "values", recorded_at) VALUES (?, ?, ?, ?) '
               'ON CONFLICT (source_id, field, "values") DO UPDATE SET recorded_at = min(recorded_at, '
               "excluded.recorded_at)", [source_id, field, values_json, at])


CANONICAL_QUERIES = {  # for team.canonical: the registry's content without rowids
    "sources": f"SELECT {', '.join(COLUMNS)} FROM sources",
    "source_aliases": "SELECT source_id, alias FROM source_aliases",
    "source_redirects": "SELECT old_id, new_id FROM source_redirects",
    "annotation_sources": "SELECT annotation_id, article_id, source_id, linked_by, linked_at "
                          "FROM annotation_sources",
    "suggestion_sources": 'SELECT g.article_id, g.start, g."end", l.source_id, l.confidence, l.reason '
                          "FROM suggestion_sources l JOIN suggestions g ON g.id = l.suggestion_id",
    "source_grades": "SELECT source_id, annotator, reliability, article_id, annotation_id, at FROM source_grades",
    "source_conflicts": 'SELECT source_id, field, "values", recorded_at FROM source_conflicts',
}



def rows_of(db, source_id: str) -> tuple[list[int], list[str], list[int], list[str]]:
    """(suggestion ids, annotation ids, grade row ids, redirected old ids) of
    a source: what a merge moves, so an undo can move exactly those back."""
    return ([r[0] for r in db.execute("SELECT suggestion_id FROM suggestion_sources WHERE source_id = ?",
                                      [source_id])],
            [r[0] for r in db.execute("SELECT annotation_id FROM annotation_sources WHERE source_id = ?",
                                      [source_id])],
            [r[0] for r in db.execute("SELECT id FROM source_grades WHERE source_id = ?", [source_id])],
            [r[0] for r in db.execute("SELECT old_id FROM source_redirects WHERE new_id = ?", [source_id])])


def move_rows(db, source_id: str, suggestion_ids: list[int], annotation_ids: list[str],
              grade_ids: list[int]) -> None:
    """Point the given links and grades at ``source_id`` (undoing a merge)."""
    conn = conn_of(db)
    conn.executemany("UPDATE suggestion_sources SET source_id = ? WHERE suggestion_id = ?",
                     [(source_id, i) for i in suggestion_ids])
    conn.executemany("UPDATE annotation_sources SET source_id = ? WHERE annotation_id = ?",
                     [(source_id, i) for i in annotation_ids])
    conn.executemany("UPDATE source_grades SET source_id = ? WHERE id = ?", [(source_id, i) for i in grade_ids])


def drop_redirects(db, old_ids: list[str]) -> None:
    conn_of(db).executemany("DELETE FROM source_redirects WHERE old_id = ?", [(i,) for i in old_ids])
