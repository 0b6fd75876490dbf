"""The project API: articles, suggestions, annotations and their change log.

Every write method is one transaction: when it returns, the change is on
disk. Scripts, the CLI and the GUI all use this class; none of them write
SQL of their own. ``Project`` decides *what* is written (revisions,
validation, the change log); the SQL lives in :mod:`annotator.core.storage`,
one module per aggregate. A ``Project`` (like its SQLite connection) belongs
to the thread that opened it; worker threads open their own.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core import database
from annotator.core.conflicts import UNCHECKED, check_base
from annotator.core.models import (
    Annotation,
    Article,
    ArticleSummary,
    ClaimSuggestion,
    LogEntry,
    NewArticle,
)
from annotator.core.rows import annotation_to_row
from annotator.core.spans import check_annotation_spans
from annotator.core.storage import annotations as annotation_store
from annotator.core.storage import articles, checks, meta, suggestions, team
from annotator.core.storage.status import STATUSES

__all__ = ["STATUSES", "Progress", "Project"]


@dataclass
class Progress:
    reviewed: int
    total: int


class Project:
    """An open project database."""

    def __init__(self, db: database.Connection, path: Path):
        self.db = db
        self.path = path
        self.uuid: str = self.meta("uuid") or ""

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True, adopt_empty: bool = False,
             busy_timeout_ms: int = database.BUSY_TIMEOUT_MS) -> Project:
        """Open (create, upgrade) the project at ``path`` (default: see
        :func:`database.default_db_path`). ``busy_timeout_ms``: how long a
        write waits for another process's write before it fails. An existing
        empty file becomes a project only with ``adopt_empty``."""
        path = Path(path) if path is not None else database.default_db_path()
        return cls(database.open_database(path, create=create, adopt_empty=adopt_empty,
                                          busy_timeout_ms=busy_timeout_ms), path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """One write transaction (nested ones join the outer one); see
        :func:`database.write_transaction`. Writes of the ``*_article``,
        ``replace_suggestions`` kind run inside the caller's transaction."""
        return database.write_transaction(self.db.conn)

    def data_version(self) -> int:
        """Changes when another connection or process commits to the file
        (a window polls it to notice other windows' and scripts' edits)."""
        return meta.data_version(self.db)

    def meta(self, key: str) -> str | None:
        return meta.get(self.db, key)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            meta.put(self.db, key, value)

    @property
    def schema_version(self) -> str:
        return database.schema_version(self.db)

    def integrity_check(self) -> str:
        return meta.integrity_check(self.db)

    # -- articles ------------------------------------------------------------

    def add_article(self, article: NewArticle) -> tuple[str, bool]:
        """Store one article; returns (id, True) or (id, False) if already present."""
        with self.transaction():
            return self.insert_article(article)

    def insert_article(self, article: NewArticle, imported_at: str | None = None) -> tuple[str, bool]:
        """Insert within the caller's transaction (see :meth:`transaction`)."""
        return articles.insert(self.db, article, imported_at or database.utc_now())

    def insert_articles(self, new_articles: list[NewArticle], imported_at: str) -> int:
        """Bulk insert within the caller's transaction; returns how many were new.

        For imports without highlighting, where the ids of new articles are
        not needed: one executemany per batch is much cheaper than a call each.
        """
        return articles.insert_many(self.db.conn, new_articles, imported_at)

    def article(self, article_id: str) -> Article:
        found = articles.get(self.db, article_id)
        if found is None:
            raise KeyError(f"no article {article_id}")
        return found

    def has_article(self, article_id: str) -> bool:
        return articles.exists(self.db, article_id)

    def count_articles(self) -> int:
        return articles.count(self.db)

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        """Every article in import order, streamed in batches (constant memory)."""
        return articles.iter_all(self.db, batch_size)

    def article_ids(self) -> list[str]:
        return articles.ids(self.db)

    def article_summaries(self, *, annotator: str | None = None, offset: int = 0,
                          limit: int = 100, status: str | None = None,
                          search: str | None = None) -> list[ArticleSummary]:
        """One page of the article list, in import order, with review status."""
        return articles.summaries(self.db.conn, annotator=annotator, offset=offset, limit=limit,
                                  status=status, search=search)

    def count_summaries(self, *, annotator: str | None = None, status: str | None = None,
                        search: str | None = None) -> int:
        if status is None and not search and not (annotator and team.assigned_count(self.db, annotator)):
            return self.count_articles()
        return articles.count_summaries(self.db.conn, annotator=annotator, status=status,
                                        search=search)

    # -- suggestions -----------------------------------------------------------

    def set_suggestions(self, article_id: str, new: Iterable[ClaimSuggestion],
                        pipeline: str, version: str) -> None:
        """Replace the pipeline's suggestions for an article (one transaction)."""
        with self.transaction():
            self.replace_suggestions(article_id, new, pipeline, version)

    def replace_suggestions(self, article_id: str, new: Iterable[ClaimSuggestion],
                            pipeline: str, version: str) -> None:
        """Within the caller's transaction. Suggestions a reviewer has already
        judged are kept (their annotations point at them); others are replaced.
        Their sources are linked to the registry (as suggestions)."""
        suggestions.replace(self.db, article_id, new, pipeline, version, database.utc_now())
        self._suggestions_written([article_id])

    def add_new_suggestions(self, batch: list[tuple[str, list[ClaimSuggestion]]], pipeline: str,
                            version: str) -> None:
        """Within the caller's transaction: suggestions of articles that have
        none yet (article id, claims), e.g. just imported, in one statement."""
        suggestions.insert_new(self.db, batch, pipeline, version, database.utc_now())
        self._suggestions_written([article_id for article_id, _ in batch])

    def _suggestions_written(self, article_ids: list[str]) -> None:
        """What follows new suggestions, whichever way they were written:
        their sources are linked to the registry (as suggestions), and the
        related-claims index takes the articles' claims."""
        from annotator.core.sources.actions import link_suggestions  # cycle: actions reads the importer

        for article_id in article_ids:
            link_suggestions(self.db, article_id, self.article(article_id).text)
        self._claims_changed(article_ids)

    def _claims_changed(self, article_ids: list[str]) -> None:
        """Keep the related-claims index up to date with the articles' claims
        (inside the caller's transaction; parsing is lazy-imported)."""
        from annotator.core.corroboration.project_claims import update_articles

        update_articles(self, article_ids)

    def suggestions(self, article_id: str) -> list[ClaimSuggestion]:
        return suggestions.for_article(self.db, article_id)

    def suggestion(self, suggestion_id: int) -> ClaimSuggestion:
        found = suggestions.get(self.db, suggestion_id)
        if found is None:
            raise KeyError(f"no suggestion {suggestion_id}")
        return found

    def count_suggestions(self) -> int:
        return suggestions.count(self.db)

    # -- annotators --------------------------------------------------------------

    def ensure_annotator(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("annotator name is empty")
        with self.transaction():
            annotation_store.add_annotator(self.db, name, database.utc_now())

    def annotators(self) -> list[str]:
        return annotation_store.annotators(self.db)

    # -- annotations -------------------------------------------------------------

    def annotations(self, article_id: str | None = None,
                    annotator: str | None = None) -> list[Annotation]:
        return annotation_store.select(self.db, article_id, annotator)

    def annotation(self, annotation_id: str) -> Annotation | None:
        return annotation_store.get(self.db, annotation_id)

    def annotation_for_suggestion(self, suggestion_id: int, annotator: str) -> Annotation | None:
        return annotation_store.for_suggestion(self.db, suggestion_id, annotator)

    def save_annotation(self, annotation: Annotation, *, span_rules: bool = True,
                        allow_partial_tokens: bool = False) -> Annotation:
        """Create or update an annotation; logged; one transaction.

        An annotation without id for a suggestion the annotator already judged
        updates that judgement instead of adding a second one. New or changed
        spans must cover whole words within one paragraph (core.spans; only the
        paragraph rule with ``allow_partial_tokens``), so a script cannot store
        a span the export's tokens cannot align with. ``span_rules=False``
        keeps spans as written, for data that was accepted before (a round
        trip, an adjudicator taking an annotator's version unchanged).
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
            stored = self._write_state(annotation.id or str(uuid.uuid4()), current, annotation,
                                       allow_partial_tokens=allow_partial_tokens, span_rules=span_rules)
            assert stored is not None  # a target was given, so something is stored
            return stored

    def delete_annotation(self, annotation_id: str) -> None:
        with self.transaction():
            current = self.annotation(annotation_id)
            if current is not None:
                self._write_state(annotation_id, current, None)

    def put_annotation_state(self, annotation_id: str, state: Annotation | None, *,
                             expected: object = UNCHECKED, span_rules: bool = True) -> Annotation | None:
        """Make the annotation look like ``state`` (None: absent). Undo and redo
        use this: each step is a new, logged change, so history only grows.
        ``expected``: the state the edit was based on (None: absent); if the
        stored one has another revision, StaleEditError and nothing written.
        New or changed spans must follow core.spans unless ``span_rules=False``
        (an undo, which restores what was stored before)."""
        with self.transaction():
            current = self.annotation(annotation_id)
            check_base(annotation_id, current, expected, state)
            try:
                return self._write_state(annotation_id, current, state, span_rules=span_rules)
            except sqlite3.IntegrityError:
                # a new judgement of a suggestion this annotator judged meanwhile
                # (in another window): a stale edit, not a database failure
                other = self._judged_elsewhere(state) if expected is not UNCHECKED else None
                if other is None:
                    raise
                check_base(annotation_id, other, expected, state)
                raise

    def _judged_elsewhere(self, state: Annotation | None) -> Annotation | None:
        """The annotator's stored judgement of ``state``'s suggestion, made under
        another id (by another window while this one showed it unreviewed)."""
        if state is None or state.suggestion_id is None:
            return None
        return self.annotation_for_suggestion(state.suggestion_id, state.annotator)

    def _write_state(self, annotation_id: str, current: Annotation | None,
                     target: Annotation | None, *, allow_partial_tokens: bool = False,
                     span_rules: bool = False) -> Annotation | None:
        if target is None:
            if current is not None:
                annotation_store.delete(self.db, annotation_id)
                self._log(annotation_id, current.annotator, "delete", current, None)
                if current.suggestion_id is None:  # a claim added by hand is gone
                    self._claims_changed([current.article_id])
            return None
        text = articles.text_of(self.db, target.article_id)
        if text is None:
            raise KeyError(f"no article {target.article_id}")
        target.validate(len(text))
        if span_rules:
            basis = current or (suggestions.get(self.db, target.suggestion_id)
                                if target.suggestion_id is not None else None)
            check_annotation_spans(text, target, basis, allow_partial_tokens=allow_partial_tokens)
        if current is not None and _same_content(current, target):
            return current
        now = database.utc_now()
        annotation_store.add_annotator(self.db, target.annotator, now)
        stored = target.evolve(
            id=annotation_id,
            revision=(current.revision if current else 0) + 1,
            created_at=current.created_at if current else (target.created_at or now),
            updated_at=now,
            origin_db=current.origin_db if current else (target.origin_db or self.uuid),
        )
        annotation_store.upsert(self.db, stored)
        self._log(annotation_id, stored.annotator, "update" if current else "create", current, stored)
        if stored.suggestion_id is None:  # a claim added by hand: the index reads its span
            self._claims_changed([stored.article_id])
        return stored

    def _log(self, annotation_id: str, annotator: str, action: str,
             before: Annotation | None, after: Annotation | None) -> None:
        annotation_store.log(self.db, annotation_id, annotator, action, before, after,
                        at=database.utc_now(), db_uuid=self.uuid)

    def change_log(self, annotation_id: str | None = None) -> list[LogEntry]:
        return annotation_store.change_log(self.db, annotation_id)

    def count_annotations(self) -> int:
        return annotation_store.count(self.db)

    def progress(self, annotator: str, article_id: str | None = None) -> Progress:
        """Claims the annotator reviewed, of all claims (suggested or their own)."""
        article_id = article_id or None  # "" means every article, as None does
        suggested = suggestions.count(self.db, article_id)
        reviewed, own = annotation_store.reviewed_counts(self.db, annotator, article_id)
        return Progress(reviewed=reviewed, total=suggested + own)

    def article_checked(self, article_id: str, annotator: str) -> bool:
        """Whether ``annotator`` marked the article "checked, nothing to mark"."""
        return checks.is_checked(self.db, article_id, annotator)

    def set_article_checked(self, article_id: str, annotator: str, checked: bool) -> bool:
        """Record (or take back) the check in one transaction; whether anything changed."""
        with self.transaction():
            if checks.is_checked(self.db, article_id, annotator) == checked:
                return False
            if not checked:
                checks.clear_checked(self.db, article_id, annotator)
            elif not articles.exists(self.db, article_id):
                raise KeyError(f"no article {article_id}")
            else:
                annotation_store.add_annotator(self.db, annotator, database.utc_now())
                checks.set_checked(self.db, article_id, annotator, database.utc_now())
            return True


def _same_content(a: Annotation, b: Annotation) -> bool:
    ignore = ("id", "revision", "created_at", "updated_at", "origin_db")
    left, right = annotation_to_row(a), annotation_to_row(b)
    return all(left[k] == right[k] for k in left if k not in ignore)
