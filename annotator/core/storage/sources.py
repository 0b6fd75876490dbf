"""The source registry's SQL (tables of migration m004_sources).

Sources with their aliases and lookup keys, the links from suggestions
(the linker's) and annotations (a reviewer's) to a source, redirects of
merged-away ids, grades given to a source itself and merge conflicts.
The decisions (what links where, which field wins a merge) are made in
:mod:`annotator.core.sources`; this module only reads and writes rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from annotator.core.models import SourceType
from annotator.core.sources.normalize import fold
from annotator.core.sources.registry import Registry, Source, SourceGrade
from annotator.core.storage import marks

COLUMNS = ("id", "name", "source_type", "note", "external_id", "created_by", "created_at",
            "confirmed", "renamed_at", "typed_at")
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM sources"


def conn_of(db):
    """The sqlite3 connection of a sqlite-utils Database, or the connection itself."""
    return getattr(db, "conn", db)


# -- sources -------------------------------------------------------------------


def put(db, source: Source, keys: Iterable[str]) -> None:
    """Insert or replace a source with its aliases and lookup keys."""
    _put_row(db, source)
    db.execute("DELETE FROM source_aliases WHERE source_id = ?", [source.id])
    db.execute("DELETE FROM source_keys WHERE source_id = ?", [source.id])
    _put_names(db, source, keys)


def put_new_many(db, sources: Sequence[tuple[Source, Iterable[str]]]) -> None:
    """What :func:`put` does for sources whose ids are new (the linker's
    proposals: fresh uuid4s), so with no aliases or keys to delete first:
    each (source, keys) in order, one statement per table (an import's
    proposals, written together); each table gets its rows in the order
    source-by-source writing gave them."""
    conn_of(db).executemany(_PUT_ROW, [_row(source) for source, _ in sources])
    conn_of(db).executemany(_PUT_ALIAS, [(source.id, a, fold(a)) for source, _ in sources for a in source.aliases])
    conn_of(db).executemany(_PUT_KEY, [(k, source.id) for source, keys in sources for k in sorted(set(keys))])
    for source, _ in sources:
        for former in source.former_ids:
            redirect(db, former, source.id)


_PUT_ROW = (f"INSERT INTO sources ({', '.join(COLUMNS)}, folded) VALUES ({', '.join('?' * len(COLUMNS))}, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, folded = excluded.folded, "
            "source_type = excluded.source_type, note = excluded.note, external_id = excluded.external_id, "
            "confirmed = excluded.confirmed, renamed_at = excluded.renamed_at, typed_at = excluded.typed_at")
_PUT_ALIAS = "INSERT OR IGNORE INTO source_aliases (source_id, alias, folded) VALUES (?, ?, ?)"
_PUT_KEY = "INSERT OR IGNORE INTO source_keys (key, source_id) VALUES (?, ?)"


def _row(source: Source) -> list:
    return [source.id, source.name, source.source_type.value if source.source_type else None, source.note,
            source.external_id, source.created_by, source.created_at, int(source.confirmed),
            source.renamed_at, source.typed_at, fold(source.name)]


def _put_row(db, source: Source) -> None:
    db.execute(_PUT_ROW, _row(source))


def _put_names(db, source: Source, keys: Iterable[str]) -> None:
    conn_of(db).executemany(_PUT_ALIAS, [(source.id, a, fold(a)) for a in source.aliases])
    conn_of(db).executemany(_PUT_KEY, [(k, source.id) for k in sorted(set(keys))])
    for former in source.former_ids:
        redirect(db, former, source.id)


def _from_row(db, row) -> Source:
    values = dict(zip(COLUMNS, row))
    aliases = tuple(r[0] for r in db.execute(
        "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY folded", [values["id"]]))
    former = tuple(r[0] for r in db.execute(
        "SELECT old_id FROM source_redirects WHERE new_id = ? ORDER BY old_id", [values["id"]]))
    return Source(
        id=values["id"], name=values["name"],
        source_type=SourceType(values["source_type"]) if values["source_type"] else None,
        aliases=aliases, note=values["note"], external_id=values["external_id"],
        created_by=values["created_by"], created_at=values["created_at"],
        confirmed=bool(values["confirmed"]), renamed_at=values["renamed_at"],
        typed_at=values["typed_at"], former_ids=former)


def get(db, source_id: str) -> Source | None:
    """A source by id, following the redirect of an id merged away."""
    row = db.execute(f"{_SELECT} WHERE id = ?", [resolve(db, source_id)]).fetchone()
    return None if row is None else _from_row(db, row)


def find(db, name: str) -> list[Source]:
    """Sources whose canonical name or an alias is ``name`` (case-folded)."""
    return [s for s in (get(db, i) for i in ids_named(db, fold(name))) if s is not None]


def ids_named(db, folded: str) -> list[str]:
    """Ids (sorted) of the sources whose folded name or alias is ``folded``."""
    return sorted(r[0] for r in db.execute(
        "SELECT id FROM sources WHERE folded = ? UNION SELECT source_id FROM source_aliases WHERE folded = ?",
        [folded, folded]))


def ids_by_key(db, key: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT source_id FROM source_keys WHERE key = ?", [key])]


def iter_all(db, batch_size: int = 500) -> Iterator[Source]:
    """Every source in id order, in batches (constant memory)."""
    last = ""
    while True:
        rows = db.execute(f"{_SELECT} WHERE id > ? ORDER BY id LIMIT ?", [last, batch_size]).fetchall()
        if not rows:
            return
        for row in rows:
            yield _from_row(db, row)
        last = rows[-1][0]


def count(db) -> int:
    return db.execute("SELECT count(*) FROM sources").fetchone()[0]


def delete(db, source_id: str) -> None:
    db.execute("DELETE FROM sources WHERE id = ?", [source_id])


def redirect(db, old_id: str, new_id: str) -> None:
    """Claims naming ``old_id`` (here or in another database) mean ``new_id``."""
    db.execute("INSERT INTO source_redirects (old_id, new_id) VALUES (?, ?) "
               "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id", [old_id, new_id])
    db.execute("UPDATE source_redirects SET new_id = ? WHERE new_id = ?", [new_id, old_id])


def resolve(db, source_id: str) -> str:
    row = db.execute("SELECT new_id FROM source_redirects WHERE old_id = ?", [source_id]).fetchone()
    return source_id if row is None else row[0]


def redirects(db) -> dict[str, str]:
    """Every merged-away source id -> the id it now is (what ``resolve`` reads
    one at a time; a batch reader loads them once)."""
    return dict(db.execute("SELECT old_id, new_id FROM source_redirects").fetchall())


def repoint(db, old_id: str, new_id: str) -> None:
    """Move every link and grade of ``old_id`` to ``new_id`` (a merge)."""
    for table in ("suggestion_sources", "annotation_sources", "source_grades"):
        db.execute(_REPOINT[table], [new_id, old_id])


_REPOINT = {  # fixed statements per table: no SQL is built from data
    "suggestion_sources": "UPDATE suggestion_sources SET source_id = ? WHERE source_id = ?",
    "annotation_sources": "UPDATE annotation_sources SET source_id = ? WHERE source_id = ?",
    "source_grades": "UPDATE source_grades SET source_id = ? WHERE source_id = ?",
}


# -- the registry the linker reads ----------------------------------------------


class StoredRegistry(Registry):
    """A :class:`Registry` whose lookups go to the database, so linking an
    article reads only the entries its mentions can match. Sources added
    while linking (proposals) are written at once."""

    def __init__(self, db):
        super().__init__()
        self.db = db

    def add(self, source: Source) -> None:
        put(self.db, source, self.keys_of(source))

    def remove(self, source_id: str) -> None:
        delete(self.db, source_id)

    def lookup(self, key: str) -> list[Source]:
        found = [get(self.db, i) for i in ids_by_key(self.db, key)]
        return sorted((s for s in found if s is not None), key=lambda s: (s.created_at, s.id))

    def find(self, name: str) -> list[Source]:
        return find(self.db, name)

    def get(self, source_id: str) -> Source:
        found = get(self.db, source_id)
        if found is None:
            raise KeyError(source_id)
        return found

    def __iter__(self) -> Iterator[Source]:
        return iter_all(self.db)

    def __len__(self) -> int:
        return count(self.db)


# -- links ------------------------------------------------------------------------


def clear_suggestion_links(db, article_id: str) -> None:
    db.execute("DELETE FROM suggestion_sources WHERE article_id = ?", [article_id])


def link_suggestions(db, article_id: str, rows: Iterable[tuple[int, str | None, float, str]]) -> None:
    """(suggestion id, source id or None, confidence, reason) for one article."""
    link_new_suggestions(db, [(sid, article_id, source_id, conf, reason) for sid, source_id, conf, reason in rows])


_LINK = ("INSERT INTO suggestion_sources (suggestion_id, article_id, source_id, confidence, reason) "
         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (suggestion_id) DO UPDATE SET source_id = excluded.source_id, "
         "confidence = excluded.confidence, reason = excluded.reason")


def link_new_suggestions(db, rows: list[tuple[int, str, str | None, float, str]]) -> None:
    """(suggestion id, article id, source id or None, confidence, reason) of
    a batch of articles, in one statement (an import's batch)."""
    conn_of(db).executemany(_LINK, rows)


def suggestion_links(db, article_id: str) -> dict[int, tuple[str | None, float, str]]:
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute(
        "SELECT suggestion_id, source_id, confidence, reason FROM suggestion_sources WHERE article_id = ?",
        [article_id])}


def links_of_articles(db, article_ids: list[str]) -> tuple[dict[int, str], dict[str, str]]:
    """The registry links of these articles' suggestions (suggestion id ->
    source id) and annotations (annotation id -> source id), in two queries."""
    suggestions = dict(db.execute(
        f"SELECT suggestion_id, source_id FROM suggestion_sources WHERE article_id IN ({marks(article_ids)}) "
        "AND source_id IS NOT NULL", article_ids).fetchall())
    annotations = dict(db.execute(
        f"SELECT annotation_id, source_id FROM annotation_sources WHERE article_id IN ({marks(article_ids)})",
        article_ids).fetchall())
    return suggestions, annotations


def link_annotation(db, annotation_id: str, article_id: str, source_id: str, by: str, at: str) -> None:
    db.execute(
        "INSERT INTO annotation_sources (annotation_id, article_id, source_id, linked_by, linked_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (annotation_id) DO UPDATE SET source_id = excluded.source_id, "
        "linked_by = excluded.linked_by, linked_at = excluded.linked_at",
        [annotation_id, article_id, source_id, by, at])


def unlink_annotation(db, annotation_id: str) -> None:
    db.execute("DELETE FROM annotation_sources WHERE annotation_id = ?", [annotation_id])


def annotation_links(db, article_id: str) -> dict[str, str]:
    return dict(db.execute("SELECT annotation_id, source_id FROM annotation_sources WHERE article_id = ?",
                           [article_id]).fetchall())


def export_links(db, article_ids: list[str]) -> dict[str, dict]:
    """For exports: per article, {"suggestions": {id: (source id, canonical
    name, (source span))}, "annotations": {id: (source id, canonical name, linked by)}}."""
    out: dict[str, dict] = {a: {"suggestions": {}, "annotations": {}} for a in article_ids}
    marks = ",".join("?" * len(article_ids))
    for article_id, sid, source_id, name, start, end in db.execute(
            "SELECT l.article_id, l.suggestion_id, s.id, s.name, g.source_start, g.source_end "
            "FROM suggestion_sources l JOIN sources s ON s.id = l.source_id "
            f"JOIN suggestions g ON g.id = l.suggestion_id WHERE l.article_id IN ({marks})", article_ids):
        out[article_id]["suggestions"][sid] = (source_id, name, (start, end))
    for article_id, aid, source_id, name, by in db.execute(
            "SELECT l.article_id, l.annotation_id, s.id, s.name, l.linked_by FROM annotation_sources l "
            f"JOIN sources s ON s.id = l.source_id WHERE l.article_id IN ({marks})", article_ids):
        out[article_id]["annotations"][aid] = (source_id, name, by)
    return out


# -- overview and claims (paged: never load all) -------------------------------------


@dataclass(frozen=True)
class SourceSummary:
    id: str
    name: str
    source_type: str | None
    claims: int  # suggestions linked, plus annotations linked by a reviewer
    articles: int
    confirmed: bool


def summaries(db, *, offset: int = 0, limit: int = 100, search: str | None = None) -> list[SourceSummary]:
    """One page of sources by name, with claim and article counts."""
    # Counted along the (source, article) indexes: DISTINCT walks the index in
    # order (no temporary table); articles linked only by a reviewer are added.
    sql = ("SELECT s.id, s.name, s.source_type, s.confirmed, "
           "(SELECT count(*) FROM suggestion_sources WHERE source_id = s.id) "
           "+ (SELECT count(*) FROM annotation_sources WHERE source_id = s.id), "
           "(SELECT count(*) FROM (SELECT DISTINCT article_id FROM suggestion_sources WHERE source_id = s.id)) "
           "+ (SELECT count(DISTINCT a.article_id) FROM annotation_sources a WHERE a.source_id = s.id "
           "AND NOT EXISTS (SELECT 1 FROM suggestion_sources g WHERE g.source_id = s.id "
           "AND g.article_id = a.article_id)) FROM sources s")
    params: list = []
    if search:
        pattern = f"%{fold(search)}%"
        sql += (" WHERE s.folded LIKE ? OR s.id IN (SELECT source_id FROM source_aliases "
                "WHERE folded LIKE ?)")
        params += [pattern, pattern]
    sql += " ORDER BY s.folded, s.id LIMIT ? OFFSET ?"
    return [SourceSummary(r[0], r[1], r[2], r[4], r[5], bool(r[3]))
            for r in db.execute(sql, params + [limit, offset])]


@dataclass(frozen=True)
class SourceClaim:
    article_id: str
    start: int
    end: int
    source_start: int | None
    source_end: int | None
    annotator: str | None  # None: a suggestion
    reliability: str | None
    updated_at: str | None
    suggestion_id: int | None
    annotation_id: str | None
    title: str | None
    preview: str  # the claim's first characters


_SUGGESTED_CLAIMS = (
    'SELECT g.article_id, g.start, g."end", g.source_start, g.source_end, NULL, NULL, g.created_at, '
    "g.id, NULL, t.title, substr(t.text, g.start + 1, min(g.\"end\" - g.start, 120)) "
    "FROM suggestion_sources l JOIN suggestions g ON g.id = l.suggestion_id "
    "JOIN articles t ON t.id = g.article_id WHERE l.source_id = ? AND l.article_id >= ? "
    'AND (g.article_id, g.start, g."end", g.id) > (?, ?, ?, ?) '
    'ORDER BY l.article_id, g.start, g."end", g.id LIMIT ?')
_REVIEWED_CLAIMS = (
    'SELECT a.article_id, a.start, a."end", a.source_start, a.source_end, a.annotator, a.reliability, '
    "a.updated_at, a.suggestion_id, a.id, t.title, substr(t.text, a.start + 1, min(a.\"end\" - a.start, 120)) "
    "FROM annotation_sources l JOIN annotations a ON a.id = l.annotation_id "
    "JOIN articles t ON t.id = a.article_id WHERE l.source_id = ? AND l.article_id >= ? "
    'AND (a.article_id, a.start, a."end", a.id) > (?, ?, ?, ?) '
    'ORDER BY l.article_id, a.start, a."end", a.id LIMIT ?')
_START = ("", -1, -1, "")  # before every claim: (article id, start, end, id)


@dataclass(frozen=True)
class ClaimsPage:
    claims: list[SourceClaim]
    after: tuple | None  # pass back for the next page; None: this was the last


def claims(db, source_id: str, *, after: tuple | None = None, limit: int = 100) -> ClaimsPage:
    """One page of the source's claims across articles (suggestions and
    annotations) in (article, position) order. Keyset paging along the
    links' (source, article) index: the page after the 10,000th claim
    costs what the first does."""
    suggested_after, reviewed_after = after or (_START, _START)
    found = [(r, 0) for r in db.execute(_SUGGESTED_CLAIMS, [source_id, suggested_after[0], *suggested_after,
                                                            limit + 1])]
    found += [(r, 1) for r in db.execute(_REVIEWED_CLAIMS, [source_id, reviewed_after[0], *reviewed_after,
                                                            limit + 1])]
    found.sort(key=lambda item: (item[0][0], item[0][1], item[0][2], item[1], str(item[0][8 + item[1]])))
    taken, rest = found[:limit], found[limit:]
    for row, side in taken:
        key = (row[0], row[1], row[2], row[8] if side == 0 else row[9])
        if side == 0:
            suggested_after = key
        else:
            reviewed_after = key
    page = [SourceClaim(*row) for row, _ in taken]
    return ClaimsPage(page, (suggested_after, reviewed_after) if rest else None)


def claim_grades(db, source_id: str) -> list[SourceGrade]:
    """Grades given to claims from this source: the annotation's change log
    of every annotation linked to it (by a reviewer, or through the
    suggestion it reviews), so each grade comes with its date and article."""
    rows = db.execute(
        "SELECT a.id, a.article_id, log.annotator, log.at, log.after FROM annotations a "
        "JOIN annotation_log log ON log.annotation_id = a.id "
        "WHERE a.id IN (SELECT annotation_id FROM annotation_sources WHERE source_id = ?) "
        "OR (a.id NOT IN (SELECT annotation_id FROM annotation_sources) AND a.suggestion_id IN "
        "(SELECT suggestion_id FROM suggestion_sources WHERE source_id = ?)) ORDER BY log.seq",
        [source_id, source_id])
    grades: list[SourceGrade] = []
    last: dict[str, str | None] = {}
    for annotation_id, article_id, annotator, at, after in rows:
        reliability = (json.loads(after) or {}).get("reliability") if after else None
        if reliability and last.get(annotation_id) != reliability:
            grades.append(SourceGrade(source_id, annotator, reliability, at, article_id, annotation_id))
        last[annotation_id] = reliability
    return grades


# -- grades of the source itself and conflicts ------------------------------------------


def add_grade(db, grade: SourceGrade) -> None:
    db.execute("INSERT INTO source_grades (source_id, annotator, reliability, article_id, annotation_id, at) "
               "VALUES (?, ?, ?, ?, ?, ?)", [grade.source_id, grade.annotator, grade.reliability,
                                             grade.article_id, grade.annotation_id, grade.at])


def source_grades(db, source_id: str | None = None) -> list[SourceGrade]:
    sql = "SELECT source_id, annotator, reliability, at, article_id, annotation_id FROM source_grades"
    params: list = []
    if source_id is not None:
        sql += " WHERE source_id = ?"
        params.append(source_id)
    return [SourceGrade(*r) for r in db.execute(sql + " ORDER BY at, id", params)]


def record_conflict(db, source_id: str, field: str, values: list, at: str) -> None:
    db.execute('INSERT OR IGNORE INTO source_conflicts (source_id, field, "values", recorded_at) '
               "VALUES (?, ?, ?, ?)", [source_id, field, json.dumps(sorted(values)), at])


def conflicts(db) -> list[tuple[str, str, list]]:
    return [(r[0], r[1], json.loads(r[2])) for r in db.execute(
        'SELECT source_id, field, "values" FROM source_conflicts ORDER BY id')]


def current_grades_of_all(db) -> list[SourceGrade]:
    """Every grade that counts for a source's current grade: each linked
    claim's reliability (a reviewer's link, else the linker's link of the
    suggestion it reviews) at its last change, and the grades given to
    sources themselves. registry.current_grades picks the latest."""
    rows = db.execute(
        "SELECT l.source_id, a.annotator, a.reliability, a.updated_at, a.article_id, a.id "
        "FROM annotations a JOIN annotation_sources l ON l.annotation_id = a.id "
        "WHERE a.reliability IS NOT NULL "
        "UNION ALL SELECT l.source_id, a.annotator, a.reliability, a.updated_at, a.article_id, a.id "
        "FROM annotations a JOIN suggestion_sources l ON l.suggestion_id = a.suggestion_id "
        "WHERE a.reliability IS NOT NULL AND l.source_id IS NOT NULL "
        "AND a.id NOT IN (SELECT annotation_id FROM annotation_sources)").fetchall()
    return [SourceGrade(*r) for r in rows] + source_grades(db)


def annotation_link(db, annotation_id: str) -> tuple[str, str] | None:
    """(source id, linked by) of a claim a reviewer (or an import) linked."""
    row = db.execute("SELECT source_id, linked_by FROM annotation_sources WHERE annotation_id = ?",
                     [annotation_id]).fetchone()
    return None if row is None else (row[0], row[1])


def suggestion_link(db, suggestion_id: int) -> tuple[str | None, float, str] | None:
    """(source id or None, confidence, reason) the linker gave a suggestion."""
    row = db.execute("SELECT source_id, confidence, reason FROM suggestion_sources WHERE suggestion_id = ?",
                     [suggestion_id]).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def latest_grades(db, source_id: str, annotator: str) -> tuple[str | None, tuple[str, str] | None]:
    """(the latest grade given to the source itself, (at, grade) of the latest
    graded claim linked to it) by one annotator: what grade-once shows."""
    own = db.execute("SELECT reliability FROM source_grades WHERE source_id = ? AND annotator = ? "
                     "ORDER BY at DESC, id DESC LIMIT 1", [source_id, annotator]).fetchone()
    linked = db.execute(
        "SELECT max(a.updated_at), a.reliability FROM annotation_sources l JOIN annotations a "
        "ON a.id = l.annotation_id WHERE l.source_id = ? AND a.annotator = ? AND a.reliability IS NOT NULL",
        [source_id, annotator]).fetchone()
    suggested = db.execute(
        "SELECT max(a.updated_at), a.reliability FROM suggestion_sources l JOIN annotations a "
        "ON a.annotator = ? AND a.suggestion_id = l.suggestion_id WHERE l.source_id = ? "
        "AND a.reliability IS NOT NULL AND a.id NOT IN (SELECT annotation_id FROM annotation_sources)",
        [annotator, source_id]).fetchone()
    claims = [tuple(r) for r in (linked, suggested) if r is not None and r[0] is not None]
    return (own[0] if own else None), (max(claims) if claims else None)


def grade_distribution(db, source_id: str) -> dict[str, dict[str, int]]:
    """annotator -> {grade: claims}: the current grades of the claims linked to
    the source (a reviewer's link, else the linker's link of the suggestion)."""
    rows = db.execute(
        "SELECT annotator, reliability, count(*) FROM ("
        "SELECT a.annotator, a.reliability FROM annotation_sources l JOIN annotations a ON a.id = l.annotation_id "
        "WHERE l.source_id = ? AND a.reliability IS NOT NULL UNION ALL "
        "SELECT a.annotator, a.reliability FROM suggestion_sources l JOIN annotations a "
        "ON a.suggestion_id = l.suggestion_id WHERE l.source_id = ? AND a.reliability IS NOT NULL "
        "AND a.id NOT IN (SELECT annotation_id FROM annotation_sources)) "
        "GROUP BY annotator, reliability ORDER BY annotator, reliability", [source_id, source_id])
    out: dict[str, dict[str, int]] = {}
    for annotator, grade, n in rows:
        out.setdefault(annotator, {})[grade] = n
    return out
