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


# -- adjudication basis (m007): the versions a final version was settled on ------

BASIS_COLUMNS = ("final_id", "article_id", "annotation_id", "annotator", "revision",
                 "updated_at", "settled_at")


def record_basis(conn, final_id: str, rows: list[tuple[str, str, str, int, str]], settled_at: str) -> None:
    """Replace the basis of ``final_id`` by ``rows``: (article_id, annotation_id,
    annotator, revision, updated_at) of each version the lead saw."""
    conn.execute("DELETE FROM adjudication_basis WHERE final_id = ?", [final_id])
    conn.executemany(
        "INSERT INTO adjudication_basis (final_id, article_id, annotation_id, annotator, revision, "
        "updated_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(final_id, *row, settled_at) for row in rows])


def bases(db, article_id: str | None = None) -> dict[str, dict[str, tuple[int, str]]]:
    """final id -> {annotation id: (revision, updated_at)} it was settled on."""
    sql, params = "SELECT final_id, annotation_id, revision, updated_at FROM adjudication_basis", []
    if article_id is not None:
        sql += " WHERE article_id = ?"
        params.append(article_id)
    out: dict[str, dict[str, tuple[int, str]]] = {}
    for final_id, annotation_id, revision, updated_at in db.execute(sql, params):
        out.setdefault(final_id, {})[annotation_id] = (revision, updated_at)
    return out



def assignments_by_annotator(db) -> dict[str, list[str]]:
    """annotator -> their assigned article ids, in import order."""
    out: dict[str, list[str]] = {}
    for annotator, article_id in db.execute(
            "SELECT x.annotator, x.article_id FROM assignments x JOIN articles a ON a.id = x.article_id "
            "ORDER BY a.seq"):
        out.setdefault(annotator, []).append(article_id)
    return out


def unassign(conn, annotator: str, article_ids: list[str]) -> int:
    """Remove the annotator's assignments of these articles; how many there were."""
    before = conn.total_changes
    conn.executemany("DELETE FROM assignments WHERE annotator = ? AND article_id = ?",
                     [(annotator, a) for a in article_ids])
    return conn.total_changes - before
