"""Suggestions: the claims the pre-highlighter proposed, per article."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.models import ClaimSuggestion
from annotator.core.rows import (
    SUGGESTION_COLUMNS,
    SUGGESTION_INSERT_COLUMNS,
    select_list,
    suggestion_from_row,
    suggestion_from_values,
    suggestion_values,
)
from annotator.core.storage import by_article, fetch_dicts, marks

_SELECT = f"SELECT {select_list(SUGGESTION_COLUMNS)} FROM suggestions"
_INSERT = (
    'INSERT OR IGNORE INTO suggestions (article_id, start, "end", source_start, '
    "source_end, cue_start, cue_end, attribution, hedged, score, pipeline, "
    "pipeline_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Without the local rowid: a suggestion copied into another database gets a new one.
_COPIED = tuple(c for c in SUGGESTION_INSERT_COLUMNS if c != "id")


def replace(db, article_id: str, suggestions: Iterable[ClaimSuggestion], pipeline: str,
            version: str, now: str) -> None:
    """Suggestions a reviewer has already judged are kept (their annotations
    point at them); the others are replaced."""
    keep = [row[0] for row in db.execute(
        "SELECT DISTINCT suggestion_id FROM annotations WHERE article_id = ? "
        "AND suggestion_id IS NOT NULL", [article_id])]
    if keep:
        db.execute(f"DELETE FROM suggestions WHERE article_id = ? AND id NOT IN ({marks(keep)})",
                   [article_id, *keep])
    else:
        db.execute("DELETE FROM suggestions WHERE article_id = ?", [article_id])
    db.conn.executemany(_INSERT, [suggestion_values(article_id, s, pipeline, version, now)
                                  for s in suggestions])


def insert_new(db, batch: list[tuple[str, list[ClaimSuggestion]]], pipeline: str, version: str,
               now: str) -> dict[str, list[tuple[int, int, int]]]:
    """Suggestions of articles that have none yet (just imported), in one
    statement for the whole batch: an import's hot path. Returns, per
    article, (start, end, id) of the rows in text order (as
    :func:`for_article` orders them).

    The ids are given here as SQLite would give them (the largest plus
    one, in order; the first of claims with the same span kept, as ``OR
    IGNORE`` keeps it), so nothing is read back."""
    next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM suggestions").fetchone()[0]
    values, out = [], {}
    for article_id, claims in batch:
        spans: dict[tuple[int, int], int] = {}
        for s in claims:
            if (s.start, s.end) not in spans:
                spans[(s.start, s.end)] = next_id
                values.append((next_id, *suggestion_values(article_id, s, pipeline, version, now)))
                next_id += 1
        if spans:
            out[article_id] = sorted((start, end, i) for (start, end), i in spans.items())
    db.conn.executemany(_INSERT_NUMBERED, values)
    return out


_INSERT_NUMBERED = _INSERT.replace("(article_id,", "(id, article_id,", 1).replace("VALUES (", "VALUES (?, ", 1)


def for_article(db, article_id: str) -> list[ClaimSuggestion]:
    return [suggestion_from_values(r) for r in db.execute(
        f'{_SELECT} WHERE article_id = ? ORDER BY start, "end"', [article_id])]


def for_articles(db, article_ids: list[str]) -> dict[str, list[ClaimSuggestion]]:
    """Each article's suggestions, as ``for_article`` orders them, in one query."""
    return by_article(db, _SELECT, article_ids, 'start, "end"', suggestion_from_row)


def get(db, suggestion_id: int) -> ClaimSuggestion | None:
    rows = list(fetch_dicts(db, f"{_SELECT} WHERE id = ?", [suggestion_id]))
    return suggestion_from_row(rows[0]) if rows else None


def count(db, article_id: str | None = None) -> int:
    if article_id is None:
        return db.execute("SELECT count(*) FROM suggestions").fetchone()[0]
    return db.execute("SELECT count(*) FROM suggestions WHERE article_id = ?",
                      [article_id]).fetchone()[0]


def counts_by_article(db, article_ids: list[str]) -> dict[str, int]:
    """article id -> number of suggestions (articles without any are absent)."""
    return dict(db.execute(
        f"SELECT article_id, count(*) FROM suggestions WHERE article_id IN ({marks(article_ids)}) "
        "GROUP BY article_id", article_ids).fetchall())


def export_rows(db, article_ids: list[str]) -> list[tuple]:
    """(article_id, pipeline, pipeline_version, id, start, end, source_start,
    source_end, cue_start, cue_end, attribution, hedged, score, created_at),
    grouped by article and pipeline run."""
    return db.execute(
        'SELECT article_id, pipeline, pipeline_version, id, start, "end", source_start, '
        "source_end, cue_start, cue_end, attribution, hedged, score, created_at "
        f"FROM suggestions WHERE article_id IN ({marks(article_ids)}) "
        'ORDER BY article_id, pipeline, pipeline_version, start, "end", id', article_ids).fetchall()


def copy_rows(source, target, article_ids: list[str]) -> None:
    """Copy the articles' suggestions into another database (new local ids)."""
    names = select_list(_COPIED)
    rows = source.execute(f"SELECT {names} FROM suggestions WHERE article_id IN "
                          f"({marks(article_ids)}) ORDER BY id", article_ids)
    target.executemany(f"INSERT INTO suggestions ({names}) "
                       f"VALUES ({', '.join('?' * len(_COPIED))})", rows)
