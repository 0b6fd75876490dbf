"""Annotations (a reviewer's judgements), the annotators, and the change log.

Every write to ``annotations`` goes with a row in ``annotation_log``; the
caller (:class:`annotator.core.project.Project`) decides what is written,
inside its transaction.
"""

from __future__ import annotations

import json

from annotator.core.models import Annotation, LogEntry
from annotator.core.rows import (
    ANNOTATION_COLUMNS,
    annotation_from_row,
    annotation_to_row,
    log_entry_from_row,
    select_list,
)
from annotator.core.storage import by_article, fetch_dicts, marks

_SELECT = f"SELECT {select_list(ANNOTATION_COLUMNS)} FROM annotations"
_UPSERT = (
    f"INSERT INTO annotations ({select_list(ANNOTATION_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ANNOTATION_COLUMNS))}) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in ANNOTATION_COLUMNS if c != "id")
)
HUMANS = "annotator NOT LIKE '@%'"  # '@' layers (e.g. @adjudicated) are not people
DISTRIBUTED = ("reliability", "credibility", "source_type")

# -- annotators ---------------------------------------------------------------


def add_annotator(db, name: str, now: str) -> None:
    db.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", [name, now])


def annotators(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM annotators ORDER BY name")]


def annotators_with_annotations(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT DISTINCT annotator FROM annotations")}


# -- annotations and their log ------------------------------------------------


def select(db, article_id: str | None = None, annotator: str | None = None) -> list[Annotation]:
    sql, params = f"{_SELECT} WHERE 1=1", []
    if article_id is not None:
        sql += " AND article_id = ?"
        params.append(article_id)
    if annotator is not None:
        sql += " AND annotator = ?"
        params.append(annotator)
    return [annotation_from_row(r) for r in fetch_dicts(db, sql + ' ORDER BY start, "end", id',
                                                        params)]


def for_article(db, article_id: str) -> list[Annotation]:
    return select(db, article_id=article_id)


def for_articles(db, article_ids: list[str]) -> dict[str, list[Annotation]]:
    """Each article's annotations, as ``for_article`` orders them, in one query."""
    return by_article(db, _SELECT, article_ids, 'start, "end", id', annotation_from_row)


def get(db, annotation_id: str) -> Annotation | None:
    rows = list(fetch_dicts(db, f"{_SELECT} WHERE id = ?", [annotation_id]))
    return annotation_from_row(rows[0]) if rows else None


def for_suggestion(db, suggestion_id: int, annotator: str) -> Annotation | None:
    rows = list(fetch_dicts(db, f"{_SELECT} WHERE suggestion_id = ? AND annotator = ?",
                            [suggestion_id, annotator]))
    return annotation_from_row(rows[0]) if rows else None


def upsert(db, annotation: Annotation) -> None:
    # An upsert, not INSERT OR REPLACE: REPLACE would silently delete
    # another annotation that collides on (annotator, suggestion_id).
    db.execute(_UPSERT, list(annotation_to_row(annotation).values()))


def delete(db, annotation_id: str) -> None:
    db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])


def log(db, annotation_id: str, annotator: str, action: str, before: Annotation | None,
        after: Annotation | None, *, at: str, db_uuid: str) -> None:
    def dump(a: Annotation | None) -> str | None:
        return None if a is None else json.dumps(annotation_to_row(a), ensure_ascii=False)

    db.execute(
        "INSERT INTO annotation_log (annotation_id, annotator, at, action, before, after, "
        "db_uuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [annotation_id, annotator, at, action, dump(before), dump(after), db_uuid],
    )


def change_log(db, annotation_id: str | None = None) -> list[LogEntry]:
    sql, params = "SELECT * FROM annotation_log", []
    if annotation_id is not None:
        sql += " WHERE annotation_id = ?"
        params.append(annotation_id)
    return [log_entry_from_row(r) for r in fetch_dicts(db, sql + " ORDER BY seq", params)]


def count(db) -> int:
    return db.execute("SELECT count(*) FROM annotations").fetchone()[0]


def reviewed_counts(db, annotator: str, article_id: str | None = None) -> tuple[int, int]:
    """(claims the annotator judged, of which hand-added), in one article or all."""
    sql = ("SELECT count(*), coalesce(sum(suggestion_id IS NULL), 0) FROM annotations "
           "WHERE annotator = ?")
    params = [annotator]
    if article_id is not None:
        sql += " AND article_id = ?"
        params.append(article_id)
    reviewed, own = db.execute(sql, params).fetchone()
    return reviewed, own


# -- bulk reads for export and agreement ----------------------------------------


def export_rows(db, article_ids: list[str], annotators: list[str]) -> list[tuple]:
    """(article_id, annotator, id, decision, start, end, source_start, source_end,
    cue_start, cue_end, unattributed, source_type, attribution, hedged,
    reliability, credibility, note, suggestion_id, updated_at, flag) of the
    given articles and annotators, grouped by article and annotator."""
    return db.execute(
        'SELECT article_id, annotator, id, decision, start, "end", source_start, source_end, '
        "cue_start, cue_end, unattributed, source_type, attribution, hedged, "
        "reliability, credibility, note, suggestion_id, updated_at, flag FROM annotations "
        f"WHERE article_id IN ({marks(article_ids)}) AND annotator IN ({marks(annotators)}) "
        'ORDER BY article_id, annotator, start, "end", id', [*article_ids, *annotators]).fetchall()


def judgements_of_suggestions(db):
    """(suggestion_id, annotator, decision, reliability, credibility,
    source_type, attribution) for every human judgement of a suggestion."""
    return db.execute(
        "SELECT suggestion_id, annotator, decision, reliability, credibility, source_type, "
        f"attribution FROM annotations WHERE suggestion_id IS NOT NULL AND {HUMANS}")


def worked_articles(db):
    """(annotator, article_id) for each article a person judged a claim in."""
    return db.execute(f"SELECT DISTINCT annotator, article_id FROM annotations WHERE {HUMANS}")


def accepted_spans(db):
    """(annotator, article_id, start, end, source_start, source_end) of accepted claims."""
    return db.execute(
        'SELECT annotator, article_id, start, "end", source_start, source_end FROM annotations '
        f"WHERE decision = 'accept' AND {HUMANS}")


def accepted_distribution(db, column: str):
    """(annotator, value, count) of one field over accepted claims."""
    if column not in DISTRIBUTED:
        raise ValueError(f"no distribution of {column}")
    return db.execute(
        f"SELECT annotator, {column}, count(*) FROM annotations WHERE decision = 'accept' "
        f"AND {column} IS NOT NULL GROUP BY annotator, {column}")


# -- copying an annotator's work into a work package ------------------------------


def copy_rows(source, target, article_ids: list[str], annotator: str) -> int:
    """Copy the annotator's annotations of the articles, with their change log,
    into another database whose suggestions were copied (new local ids: each
    annotation's suggestion is found again by its span). How many were copied."""
    if not article_ids:
        return 0
    spans = {(r[1], r[2], r[3]): r[0] for r in target.execute(
        f'SELECT id, article_id, start, "end" FROM suggestions WHERE article_id IN '
        f"({marks(article_ids)})", article_ids)}
    rows = list(fetch_dicts(source, (
        f"SELECT {select_list(ANNOTATION_COLUMNS, 'a')}, s.start AS s_start, s.\"end\" AS s_end "
        "FROM annotations a LEFT JOIN suggestions s ON s.id = a.suggestion_id "
        f"WHERE a.annotator = ? AND a.article_id IN ({marks(article_ids)}) ORDER BY a.id"),
        [annotator, *article_ids]))
    for row in rows:
        span = (row.pop("s_start"), row.pop("s_end"))
        if row["suggestion_id"] is not None:
            row["suggestion_id"] = spans.get((row["article_id"], *span))
        target.execute(_UPSERT, [row[c] for c in ANNOTATION_COLUMNS])
    ids = [row["id"] for row in rows]
    if ids:
        columns = "annotation_id, annotator, at, action, before, after, db_uuid"
        log = source.execute(f"SELECT {columns} FROM annotation_log WHERE annotation_id IN "
                             f"({marks(ids)}) ORDER BY seq", ids).fetchall()
        target.executemany(f"INSERT INTO annotation_log ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?)", log)
    return len(rows)
