"""Articles: their rows, the article list's pages, and bulk reads for export."""

from __future__ import annotations

import json
from collections.abc import Iterator

from annotator.core.models import Article, ArticleSummary, NewArticle
from annotator.core.rows import (
    ARTICLE_COLUMNS,
    ARTICLE_INSERT_COLUMNS,
    article_from_row,
    select_list,
)
from annotator.core.storage import fetch_dicts, marks
from annotator.core.storage.status import check_status, status_filter_sql
from annotator.core.textnorm import article_id as content_hash
from annotator.core.textnorm import derive_title

_INSERT = (
    "INSERT OR IGNORE INTO articles (id, text, title, outlet, url, published, language, "
    "external_id, source_file, source_line, imported_at, meta) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SELECT = f"SELECT {select_list(ARTICLE_COLUMNS)} FROM articles"
# Claims of an article for one reviewer: the pipeline's suggestions plus the
# claims that reviewer added by hand; reviewed: those they judged. A reviewer
# with assigned articles (work packages) sees only those.
_SUMMARIES = f"""
    SELECT * FROM (
      SELECT a.id, a.seq, a.title, a.outlet, a.published,
        (SELECT count(*) FROM suggestions s WHERE s.article_id = a.id)
          + (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
             AND n.annotator = :annotator AND n.suggestion_id IS NULL) AS claims_total,
        (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
             AND n.annotator = :annotator) AS claims_reviewed,
        EXISTS (SELECT 1 FROM article_checks c WHERE c.article_id = a.id
             AND c.annotator = :annotator) AS checked
      FROM articles a
      WHERE (:search IS NULL OR instr(lower(a.text), lower(:search)) > 0
             OR instr(lower(a.title), lower(:search)) > 0)
        AND (:annotator = '' OR NOT EXISTS (SELECT 1 FROM assignments WHERE annotator = :annotator)
             OR a.id IN (SELECT article_id FROM assignments WHERE annotator = :annotator))
    )
    WHERE {status_filter_sql("claims_reviewed", "claims_total", "checked")}
"""


_RECENT_IDS: dict[str, str] = {}  # text -> content hash, for the texts being read and inserted
_RECENT_CHARS = 4_000_000  # ~2,000 news articles (several import batches), ~8 MB at most
_recent_chars = 0


def content_id(text: str) -> str:
    """The article id of ``text`` (textnorm.article_id), remembered for the
    last texts: an import computed it twice per article (~50 us each, about
    a twentieth of the writer's own work per article): the reader's id check,
    then the insert."""
    global _recent_chars
    found = _RECENT_IDS.get(text)
    if found is None:
        found = content_hash(text)
        if _recent_chars + len(text) > _RECENT_CHARS:  # bounded by characters: a text may be 10 MB
            _RECENT_IDS.clear()
            _recent_chars = 0
        if len(text) <= _RECENT_CHARS:
            _RECENT_IDS[text] = found
            _recent_chars += len(text)
    return found


def row_values(article: NewArticle, imported_at: str) -> list:
    """The insert's values; the id is the content hash of the text."""
    if not article.text.strip():
        raise ValueError("article text is empty")
    return [
        content_id(article.text), article.text, article.title or derive_title(article.text),
        article.outlet, article.url, article.published, article.language,
        article.external_id, article.source_file, article.source_line, imported_at,
        json.dumps(article.meta, ensure_ascii=False, sort_keys=True),
    ]


def insert(db, article: NewArticle, imported_at: str) -> tuple[str, bool]:
    """(id, True) if stored, (id, False) if an article with that text was there."""
    values = row_values(article, imported_at)
    cursor = db.execute(_INSERT, values)
    return values[0], cursor.rowcount == 1


def insert_many(conn, articles: list[NewArticle], imported_at: str) -> int:
    """One executemany for a batch (a ``sqlite3.Connection``); how many were new."""
    before = conn.total_changes
    conn.executemany(_INSERT, [row_values(a, imported_at) for a in articles])
    return conn.total_changes - before


def get(db, article_id: str) -> Article | None:
    rows = list(fetch_dicts(db, f"{_SELECT} WHERE id = ?", [article_id]))
    return article_from_row(rows[0]) if rows else None


def get_many(db, article_ids: list[str]) -> dict[str, Article]:
    """Articles by id in one query (a batch reader: the claim index build)."""
    return {r["id"]: article_from_row(r) for r in fetch_dicts(
        db, f"{_SELECT} WHERE id IN ({marks(article_ids)})", article_ids)}


def exists(db, article_id: str) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def text_length(db, article_id: str) -> int | None:
    row = db.execute("SELECT length(text) FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else row[0]


def count(db) -> int:
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def ids(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY seq")]


def iter_all(db, batch_size: int = 500) -> Iterator[Article]:
    """Every article in import order, streamed in batches (constant memory)."""
    last = 0
    while True:
        batch = list(fetch_dicts(db, f"{_SELECT} WHERE seq > ? ORDER BY seq LIMIT ?",
                                 [last, batch_size]))
        if not batch:
            return
        for row in batch:
            yield article_from_row(row)
        last = batch[-1]["seq"]


def _summary_params(annotator: str | None, status: str | None, search: str | None) -> dict:
    check_status(status)
    return {"annotator": annotator or "", "status": status, "search": search or None}


def summaries(conn, *, annotator: str | None, offset: int, limit: int, status: str | None,
              search: str | None) -> list[ArticleSummary]:
    """One page of the article list, in import order, with review counts."""
    params = _summary_params(annotator, status, search)
    cursor = conn.execute(_SUMMARIES + " ORDER BY seq LIMIT :limit OFFSET :offset",
                          {**params, "limit": limit, "offset": offset})
    return [ArticleSummary(id=row[0], seq=row[1], title=row[2], outlet=row[3], published=row[4],
                           claims_total=row[5], claims_reviewed=row[6], checked=bool(row[7]))
            for row in cursor]


def count_summaries(conn, *, annotator: str | None, status: str | None, search: str | None) -> int:
    params = _summary_params(annotator, status, search)
    return conn.execute(f"SELECT count(*) FROM ({_SUMMARIES})", params).fetchone()[0]


def batch_with_stamps(db, after_seq: int, limit: int) -> list[tuple[int, str, bytes]]:
    """(seq, id, stamp) of the next articles after ``after_seq``; the stamp is
    b"" for an article that never had a suggestion or an annotation."""
    return db.execute(
        "SELECT a.seq, a.id, coalesce(s.stamp, x'') FROM articles a "
        "LEFT JOIN article_stamps s ON s.article_id = a.id "
        "WHERE a.seq > ? ORDER BY a.seq LIMIT ?", [after_seq, limit]).fetchall()


def export_rows(db, article_ids: list[str]) -> list[tuple]:
    """(id, seq, text, title, outlet, url, published, language, external_id,
    source_file) of the given articles, in import order."""
    return db.execute(
        "SELECT id, seq, text, title, outlet, url, published, language, external_id, "
        f"source_file FROM articles WHERE id IN ({marks(article_ids)}) ORDER BY seq",
        article_ids).fetchall()


def copy_rows(source, target, article_ids: list[str]) -> None:
    """Copy articles row for row (ids, import times and all) into another database."""
    names = select_list(ARTICLE_INSERT_COLUMNS)
    rows = source.execute(f"SELECT {names} FROM articles WHERE id IN ({marks(article_ids)}) "
                          "ORDER BY seq", article_ids)
    target.executemany(f"INSERT INTO articles ({names}) "
                       f"VALUES ({', '.join('?' * len(ARTICLE_INSERT_COLUMNS))})", rows)


def text_of(db, article_id: str) -> str | None:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return None if row is None else row[0]


def stamps_of(db, article_ids: list[str]) -> list[tuple[int, str, bytes]]:
    """(seq, id, stamp) of the given articles in import order, as
    :func:`batch_with_stamps` gives them."""
    return db.execute(
        "SELECT a.seq, a.id, coalesce(s.stamp, x'') FROM articles a "
        "LEFT JOIN article_stamps s ON s.article_id = a.id "
        f"WHERE a.id IN ({marks(article_ids)}) ORDER BY a.seq", article_ids).fetchall()
