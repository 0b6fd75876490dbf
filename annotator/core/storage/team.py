"""Team data: who was assigned which article, and merge conflicts kept for review.

(The lead's adjudicated versions are annotations of the reserved annotator
``@adjudicated``: see :mod:`annotator.core.storage.annotations`.)
"""

from __future__ import annotations


def assigned_annotators(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT DISTINCT annotator FROM assignments")}


def assigned_count(db, annotator: str) -> int:
    return db.execute("SELECT count(*) FROM assignments WHERE annotator = ?",
                      [annotator]).fetchone()[0]


def suggestions_assigned(db, annotator: str) -> int:
    """Suggestions in the articles assigned to the annotator."""
    return db.execute(
        "SELECT count(*) FROM suggestions s JOIN assignments x ON x.article_id = s.article_id "
        "WHERE x.annotator = ?", [annotator]).fetchone()[0]


def assign(conn, rows: list[tuple[str, str, str, str]]) -> None:
    """(article_id, annotator, package_uuid, assigned_at); a reassignment replaces."""
    conn.executemany(
        "INSERT INTO assignments (article_id, annotator, package_uuid, assigned_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET "
        "package_uuid = excluded.package_uuid, assigned_at = excluded.assigned_at", rows)


def conflict_count(db) -> int:
    return db.execute("SELECT count(*) FROM merge_conflicts").fetchone()[0]
