"""Article checks: "checked, nothing to mark" by one annotator (issue 18).

A row says the annotator read the article and found no claim in it; the
status rule (status.py) counts such an article without claims as done.
"""

from __future__ import annotations


def is_checked(db, article_id: str, annotator: str) -> bool:
    return db.execute("SELECT 1 FROM article_checks WHERE article_id = ? AND annotator = ?",
                      [article_id, annotator]).fetchone() is not None


def set_checked(db, article_id: str, annotator: str, at: str) -> None:
    db.execute("INSERT INTO article_checks (article_id, annotator, checked_at) VALUES (?, ?, ?) "
               "ON CONFLICT (article_id, annotator) DO NOTHING", [article_id, annotator, at])


def clear_checked(db, article_id: str, annotator: str) -> None:
    db.execute("DELETE FROM article_checks WHERE article_id = ? AND annotator = ?",
               [article_id, annotator])


def rows(db) -> list[tuple[str, str, str]]:
    """Every check as (article_id, annotator, checked_at), in a stable order (merge, tests)."""
    return db.execute("SELECT article_id, annotator, checked_at FROM article_checks "
                      "ORDER BY article_id, annotator").fetchall()
