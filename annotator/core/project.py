"""The project API: articles, suggestions, annotations and their change log.

Every write method is one transaction: when it returns, the change is on
disk. Scripts, the CLI and the GUI all use this class; none of them write
SQL of their own. A ``Project`` (like its SQLite connection) belongs to the
thread that opened it; worker threads open their own.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from annotator.core import database
from annotator.core.models import (
    Annotation,
    Article,
    ArticleSummary,
    ClaimSuggestion,
    LogEntry,
    NewArticle,
)
from annotator.core.rows import (
    ANNOTATION_COLUMNS,
    ARTICLE_COLUMNS,
    SUGGESTION_COLUMNS,
    annotation_from_row,
    annotation_to_row,
    article_from_row,
    log_entry_from_row,
    select_list,
    suggestion_from_row,
    suggestion_values,
)
from annotator.core.textnorm import article_id as content_hash
from annotator.core.textnorm import derive_title

STATUSES = ("new", "in progress", "done")
_UPSERT_ANNOTATION = (
    f"INSERT INTO annotations ({select_list(ANNOTATION_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ANNOTATION_COLUMNS))}) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in ANNOTATION_COLUMNS if c != "id")
)
_INSERT_ARTICLE = (
    "INSERT OR IGNORE INTO articles (id, text, title, outlet, url, published, language, "
    "external_id, source_file, source_line, imported_at, meta) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass
class Progress:
    reviewed: int
    total: int


class Project:
    """An open project database."""

    def __init__(self, db: Database, path: Path):
        self.db = db
        self.path = path
        self.uuid: str = self.meta("uuid")

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True) -> "Project":
        path = Path(path) if path is not None else database.default_db_path()
        return cls(database.open_database(path, create=create), path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front,
        so a second process waits (busy timeout) instead of failing later."""
        conn = self.db.conn
        if conn.in_transaction:  # nested: the outer transaction decides
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM project_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO project_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def schema_version(self) -> str:
        return database.schema_version(self.db)

    def _rows(self, sql: str, params: Iterable = ()) -> Iterator[dict]:
        cursor = self.db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values))

    # -- articles ------------------------------------------------------------

    def add_article(self, article: NewArticle) -> tuple[str, bool]:
        """Store one article; returns (id, True) or (id, False) if already present."""
        with self.transaction():
            return self.insert_article(article)

    def insert_article(self, article: NewArticle, imported_at: str | None = None) -> tuple[str, bool]:
        """Insert within the caller's transaction (see :meth:`transaction`)."""
        values = self._article_values(article, imported_at or database.utc_now())
        cursor = self.db.execute(_INSERT_ARTICLE, values)
        return values[0], cursor.rowcount == 1

    def insert_articles(self, articles: list[NewArticle], imported_at: str) -> int:
        """Bulk insert within the caller's transaction; returns how many were new.

        For imports without highlighting, where the ids of new articles are
        not needed: one executemany per batch is much cheaper than a call each.
        """
        before = self.db.conn.total_changes
        self.db.conn.executemany(_INSERT_ARTICLE, [self._article_values(a, imported_at) for a in articles])
        return self.db.conn.total_changes - before

    @staticmethod
    def _article_values(article: NewArticle, imported_at: str) -> list:
        if not article.text.strip():
            raise ValueError("article text is empty")
        return [
            content_hash(article.text), article.text, article.title or derive_title(article.text),
            article.outlet, article.url, article.published, article.language,
            article.external_id, article.source_file, article.source_line, imported_at,
            json.dumps(article.meta, ensure_ascii=False, sort_keys=True),
        ]

    def article(self, article_id: str) -> Article:
        rows = list(self._rows(
            f"SELECT {select_list(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise KeyError(f"no article {article_id}")
        return article_from_row(rows[0])

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        """Every article in import order, streamed in batches (constant memory)."""
        last = 0
        while True:
            batch = list(self._rows(
                f"SELECT {select_list(ARTICLE_COLUMNS)} FROM articles WHERE seq > ? "
                "ORDER BY seq LIMIT ?", [last, batch_size]))
            if not batch:
                return
            for row in batch:
                yield article_from_row(row)
            last = batch[-1]["seq"]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY seq")]

    def _summary_query(self, annotator: str | None, status: str | None,
                       search: str | None) -> tuple[str, dict]:
        # Claims of an article for one reviewer: the pipeline's suggestions plus
        # the claims that reviewer added by hand; reviewed: those they judged.
        sql = """
            SELECT * FROM (
              SELECT a.id, a.seq, a.title, a.outlet, a.published,
                (SELECT count(*) FROM suggestions s WHERE s.article_id = a.id)
                  + (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
                     AND n.annotator = :annotator AND n.suggestion_id IS NULL) AS claims_total,
                (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
                     AND n.annotator = :annotator) AS claims_reviewed
              FROM articles a
              WHERE (:search IS NULL OR instr(lower(a.text), lower(:search)) > 0
                     OR instr(lower(a.title), lower(:search)) > 0)
            )
            WHERE (:status IS NULL
              OR (:status = 'new' AND claims_reviewed = 0)
              OR (:status = 'done' AND claims_reviewed > 0 AND claims_reviewed >= claims_total)
              OR (:status = 'in progress' AND claims_reviewed > 0 AND claims_reviewed < claims_total))
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        return sql, {"annotator": annotator or "", "status": status, "search": search or None}

    def article_summaries(self, *, annotator: str | None = None, offset: int = 0,
                          limit: int = 100, status: str | None = None,
                          search: str | None = None) -> list[ArticleSummary]:
        """One page of the article list, in import order, with review status."""
        sql, params = self._summary_query(annotator, status, search)
        cursor = self.db.conn.execute(sql + " ORDER BY seq LIMIT :limit OFFSET :offset",
                                      {**params, "limit": limit, "offset": offset})
        return [ArticleSummary(*row) for row in cursor]

    def count_summaries(self, *, annotator: str | None = None, status: str | None = None,
                        search: str | None = None) -> int:
        if status is None and not search:
            return self.count_articles()
        sql, params = self._summary_query(annotator, status, search)
        return self.db.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]

    # -- suggestions -----------------------------------------------------------

    def set_suggestions(self, article_id: str, suggestions: Iterable[ClaimSuggestion],
                        pipeline: str, version: str) -> None:
        """Replace the pipeline's suggestions for an article (one transaction)."""
        with self.transaction():
            self.replace_suggestions(article_id, suggestions, pipeline, version)

    def replace_suggestions(self, article_id: str, suggestions: Iterable[ClaimSuggestion],
                            pipeline: str, version: str) -> None:
        """Within the caller's transaction. Suggestions a reviewer has already
        judged are kept (their annotations point at them); others are replaced."""
        now = database.utc_now()
        keep = {
            row[0] for row in self.db.execute(
                "SELECT DISTINCT suggestion_id FROM annotations WHERE article_id = ? "
                "AND suggestion_id IS NOT NULL", [article_id])
        }
        if keep:
            marks = ",".join("?" * len(keep))
            self.db.execute(f"DELETE FROM suggestions WHERE article_id = ? AND id NOT IN ({marks})",
                            [article_id, *keep])
        else:
            self.db.execute("DELETE FROM suggestions WHERE article_id = ?", [article_id])
        self.db.conn.executemany(
            'INSERT OR IGNORE INTO suggestions (article_id, start, "end", source_start, '
            "source_end, cue_start, cue_end, attribution, hedged, score, pipeline, "
            "pipeline_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [suggestion_values(article_id, s, pipeline, version, now) for s in suggestions],
        )

    def suggestions(self, article_id: str) -> list[ClaimSuggestion]:
        return [suggestion_from_row(r) for r in self._rows(
            f"SELECT {select_list(SUGGESTION_COLUMNS)} FROM suggestions WHERE article_id = ? "
            'ORDER BY start, "end"', [article_id])]

    def suggestion(self, suggestion_id: int) -> ClaimSuggestion:
        rows = list(self._rows(
            f"SELECT {select_list(SUGGESTION_COLUMNS)} FROM suggestions WHERE id = ?",
            [suggestion_id]))
        if not rows:
            raise KeyError(f"no suggestion {suggestion_id}")
        return suggestion_from_row(rows[0])

    def count_suggestions(self) -> int:
        return self.db.execute("SELECT count(*) FROM suggestions").fetchone()[0]

    # -- annotators --------------------------------------------------------------

    def ensure_annotator(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("annotator name is empty")
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)",
                            [name, database.utc_now()])

    def annotators(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM annotators ORDER BY name")]

    # -- annotations -------------------------------------------------------------

    def annotations(self, article_id: str | None = None,
                    annotator: str | None = None) -> list[Annotation]:
        sql = f"SELECT {select_list(ANNOTATION_COLUMNS)} FROM annotations WHERE 1=1"
        params: list = []
        if article_id is not None:
            sql += " AND article_id = ?"
            params.append(article_id)
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        return [annotation_from_row(r) for r in self._rows(sql + ' ORDER BY start, "end", id', params)]

    def annotation(self, annotation_id: str) -> Annotation | None:
        rows = list(self._rows(
            f"SELECT {select_list(ANNOTATION_COLUMNS)} FROM annotations WHERE id = ?",
            [annotation_id]))
        return annotation_from_row(rows[0]) if rows else None

    def annotation_for_suggestion(self, suggestion_id: int, annotator: str) -> Annotation | None:
        rows = list(self._rows(
            f"SELECT {select_list(ANNOTATION_COLUMNS)} FROM annotations "
            "WHERE suggestion_id = ? AND annotator = ?", [suggestion_id, annotator]))
        return annotation_from_row(rows[0]) if rows else None

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Create or update an annotation; logged; one transaction.

        An annotation without id for a suggestion the annotator already judged
        updates that judgement instead of adding a second one.
        """
        with self.transaction():
            current = None
            if annotation.id is not None:
                current = self.annotation(annotation.id)
            elif annotation.suggestion_id is not None:
                current = self.annotation_for_suggestion(annotation.suggestion_id,
                                                         annotation.annotator)
                if current is not None:
                    annotation = annotation.evolve(id=current.id)
            return self._write_state(annotation.id or str(uuid.uuid4()), current, annotation)

    def delete_annotation(self, annotation_id: str) -> None:
        with self.transaction():
            current = self.annotation(annotation_id)
            if current is not None:
                self._write_state(annotation_id, current, None)

    def put_annotation_state(self, annotation_id: str, state: Annotation | None) -> Annotation | None:
        """Make the annotation look like ``state`` (None: absent). Undo and redo
        use this: each step is a new, logged change, so history only grows."""
        with self.transaction():
            current = self.annotation(annotation_id)
            return self._write_state(annotation_id, current, state)

    def _write_state(self, annotation_id: str, current: Annotation | None,
                     target: Annotation | None) -> Annotation | None:
        if target is None:
            if current is not None:
                self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
                self._log(annotation_id, current.annotator, "delete", current, None)
            return None
        text_length = self.db.execute(
            "SELECT length(text) FROM articles WHERE id = ?", [target.article_id]).fetchone()
        if text_length is None:
            raise KeyError(f"no article {target.article_id}")
        target.validate(text_length[0])
        if current is not None and _same_content(current, target):
            return current
        now = database.utc_now()
        self.db.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)",
                        [target.annotator, now])
        stored = target.evolve(
            id=annotation_id,
            revision=(current.revision if current else 0) + 1,
            created_at=current.created_at if current else (target.created_at or now),
            updated_at=now,
            origin_db=current.origin_db if current else (target.origin_db or self.uuid),
        )
        row = annotation_to_row(stored)
        # An upsert, not INSERT OR REPLACE: REPLACE would silently delete
        # another annotation that collides on (annotator, suggestion_id).
        self.db.execute(_UPSERT_ANNOTATION, list(row.values()))
        self._log(annotation_id, stored.annotator, "update" if current else "create", current, stored)
        return stored

    def _log(self, annotation_id: str, annotator: str, action: str,
             before: Annotation | None, after: Annotation | None) -> None:
        def dump(a: Annotation | None) -> str | None:
            return None if a is None else json.dumps(annotation_to_row(a), ensure_ascii=False)

        self.db.execute(
            "INSERT INTO annotation_log (annotation_id, annotator, at, action, before, after, "
            "db_uuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [annotation_id, annotator, database.utc_now(), action, dump(before), dump(after),
             self.uuid],
        )

    def change_log(self, annotation_id: str | None = None) -> list[LogEntry]:
        sql = "SELECT * FROM annotation_log"
        params: list = []
        if annotation_id is not None:
            sql += " WHERE annotation_id = ?"
            params.append(annotation_id)
        return [log_entry_from_row(r) for r in self._rows(sql + " ORDER BY seq", params)]

    def count_annotations(self) -> int:
        return self.db.execute("SELECT count(*) FROM annotations").fetchone()[0]

    def progress(self, annotator: str, article_id: str | None = None) -> Progress:
        """Claims the annotator reviewed, of all claims (suggested or their own)."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        total = self.db.execute(f"SELECT count(*) FROM suggestions {where}", params).fetchone()[0]
        extra_where = "AND article_id = ?" if article_id else ""
        own = self.db.execute(
            f"SELECT count(*), sum(suggestion_id IS NULL) FROM annotations "
            f"WHERE annotator = ? {extra_where}", [annotator, *params]).fetchone()
        return Progress(reviewed=own[0], total=total + (own[1] or 0))

    def integrity_check(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


def _same_content(a: Annotation, b: Annotation) -> bool:
    ignore = ("id", "revision", "created_at", "updated_at", "origin_db")
    left, right = annotation_to_row(a), annotation_to_row(b)
    return all(left[k] == right[k] for k in left if k not in ignore)
