"""Claims across articles: the SQL of the related-claims index and of the
reviewers' pair judgements (tables from migration m005_claim_relations).

``claim_facts`` holds each indexed claim's facts (JSON) and matching keys;
``claim_keys`` is an FTS5 external-content table over the keys, written by
this module (no triggers: a bulk build rebuilds it in one pass, several
times faster than row-by-row inserts); ``claim_key_counts`` keeps each
key's document frequency (``claim_keys_vocab`` counts it too, but by
walking the key's postings: too slow for frequent keys at a lookup), filled
from the vocabulary at a bulk build and kept by +1/-1 at small updates.
Values are always parameters; the only SQL
spliced in are fixed fragments chosen here.
"""

from __future__ import annotations

from collections.abc import Sequence

# (claim key, article id, keys, facts JSON)
FactsRow = tuple[str, str, str, str]


def count_claims(conn) -> int:
    return conn.execute("SELECT count(*) FROM claim_facts").fetchone()[0]


def index_lacks_claims(conn) -> bool:
    """No claim indexed while the project has suggested claims (two probes,
    not counts: the window asks at start-up)."""
    if conn.execute("SELECT 1 FROM claim_facts LIMIT 1").fetchone() is not None:
        return False
    return conn.execute("SELECT 1 FROM suggestions LIMIT 1").fetchone() is not None


def insert_bulk(conn, rows: Sequence[FactsRow]) -> None:
    """Many rows at once: written plainly, then the FTS index rebuilt once."""
    insert_plain(conn, rows)
    rebuild_keys(conn)


def insert_plain(conn, rows: Sequence[FactsRow]) -> None:
    """Rows of a full build, FTS and key counts left for ``rebuild_keys``."""
    conn.executemany("INSERT OR REPLACE INTO claim_facts (claim_key, article_id, keys, facts) "
                     "VALUES (?, ?, ?, ?)", rows)


def rebuild_keys(conn) -> None:
    """The FTS index and the key counts from the rows, in one pass each."""
    conn.execute("INSERT INTO claim_keys (claim_keys) VALUES ('rebuild')")
    conn.execute("DELETE FROM claim_key_counts")
    conn.execute("INSERT INTO claim_key_counts (key, claims) SELECT term, doc FROM claim_keys_vocab")


def clear(conn) -> None:
    """Empty the index (before a full rebuild)."""
    conn.execute("DELETE FROM claim_facts")
    conn.execute("INSERT INTO claim_keys (claim_keys) VALUES ('delete-all')")
    conn.execute("DELETE FROM claim_key_counts")


def _count(conn, keys: list[str], step: int) -> None:
    conn.executemany("INSERT INTO claim_key_counts (key, claims) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET claims = claims + excluded.claims",
                     [(k, step) for k in keys])


def insert_many(conn, rows: Sequence[FactsRow]) -> int:
    """Index claims (an article's, an import's batch), replacing earlier
    versions; returns how many earlier versions were replaced. The rows get
    their ids here (as SQLite would: the largest plus one, in order), so
    the FTS rows are written from the same tuples without reading them
    back, and the key counts are summed in memory and written once."""
    replaced = 0
    for key in _indexed_keys(conn, [row[0] for row in rows]):
        replaced += remove_claim(conn, key)
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claim_facts").fetchone()[0]
    numbered = [(first + n, *row) for n, row in enumerate(rows)]
    conn.executemany("INSERT INTO claim_facts (id, claim_key, article_id, keys, facts) VALUES (?, ?, ?, ?, ?)",
                     numbered)
    conn.executemany("INSERT INTO claim_keys (rowid, keys) VALUES (?, ?)", [(row[0], row[3]) for row in numbered])
    counts: dict[str, int] = {}
    for row in rows:
        for key in set(row[2].split()):
            counts[key] = counts.get(key, 0) + 1
    conn.executemany("INSERT INTO claim_key_counts (key, claims) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET claims = claims + excluded.claims", counts.items())
    return replaced


def insert_facts_only(conn, rows: Sequence[FactsRow]) -> int:
    """An import's batch: the rows as :func:`insert_many` writes them (the
    same ids, earlier versions replaced), without their FTS rows and key
    counts, which :func:`index_from` or :func:`rebuild_keys` writes once the
    import has written all its rows. Returns how many earlier versions were
    replaced."""
    replaced = 0
    for key in _indexed_keys(conn, [row[0] for row in rows]):
        replaced += remove_claim(conn, key)
    first = next_id(conn)
    conn.executemany("INSERT INTO claim_facts (id, claim_key, article_id, keys, facts) VALUES (?, ?, ?, ?, ?)",
                     [(first + n, *row) for n, row in enumerate(rows)])
    return replaced


def next_id(conn) -> int:
    """The id the next indexed claim gets."""
    return conn.execute("SELECT coalesce(max(id), 0) + 1 FROM claim_facts").fetchone()[0]


def index_from(conn, first: int, chunk: int = 20_000) -> None:
    """The FTS rows and key counts of every row from id ``first`` on (written
    by :func:`insert_facts_only`): the FTS rows in one statement, the counts
    summed per ``chunk`` rows (memory bounded) and added."""
    conn.execute("INSERT INTO claim_keys (rowid, keys) SELECT id, keys FROM claim_facts WHERE id >= ?", (first,))
    last = first - 1
    while True:
        rows = conn.execute("SELECT id, keys FROM claim_facts WHERE id > ? ORDER BY id LIMIT ?",
                            (last, chunk)).fetchall()
        if not rows:
            return
        counts: dict[str, int] = {}
        for _, keys in rows:
            for key in set(keys.split()):
                counts[key] = counts.get(key, 0) + 1
        conn.executemany("INSERT INTO claim_key_counts (key, claims) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET claims = claims + excluded.claims", counts.items())
        last = rows[-1][0]


def _indexed_keys(conn, claim_keys: list[str]) -> list[str]:
    """Which of ``claim_keys`` are indexed already (in their given order)."""
    found: set[str] = set()
    for start in range(0, len(claim_keys), 500):
        chunk = claim_keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT claim_key FROM claim_facts WHERE claim_key IN ({marks})",
                                                chunk))
    return [k for k in claim_keys if k in found]


def _remove_where(conn, column_is: str, value: str) -> int:
    rows = conn.execute(f"SELECT id, keys FROM claim_facts WHERE {column_is}", (value,)).fetchall()
    for claim_id, keys in rows:
        conn.execute("INSERT INTO claim_keys (claim_keys, rowid, keys) VALUES ('delete', ?, ?)",
                     (claim_id, keys))
        _count(conn, list(set(keys.split())), -1)
    conn.execute(f"DELETE FROM claim_facts WHERE {column_is}", (value,))
    return len(rows)


def remove_claim(conn, claim_key: str) -> int:
    return _remove_where(conn, "claim_key = ?", claim_key)


def remove_article(conn, article_id: str) -> int:
    return _remove_where(conn, "article_id = ?", article_id)


def renew_partner_stamps(conn, article_ids: Sequence[str]) -> None:
    """Renew the export stamps of the articles with a judged pair into any of
    ``article_ids``: their exported credibility proposal reads the other
    claim's source, which just changed (the export cache keys on stamps)."""
    for start in range(0, len(article_ids), 400):
        chunk = list(article_ids[start:start + 400])
        marks = ",".join("?" * len(chunk))
        conn.execute("INSERT INTO article_stamps (article_id, stamp) "
                     "SELECT article_id, randomblob(8) FROM ("
                     f"SELECT article_b AS article_id FROM claim_judgements WHERE article_a IN ({marks}) "
                     f"UNION SELECT article_a FROM claim_judgements WHERE article_b IN ({marks})) "
                     "WHERE true ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp",
                     chunk + chunk)


def facts_json(conn, claim_key: str) -> str | None:
    row = conn.execute("SELECT facts FROM claim_facts WHERE claim_key = ?", (claim_key,)).fetchone()
    return row[0] if row else None


def doc_freq(conn, keys: Sequence[str]) -> dict[str, int]:
    """How many indexed claims carry each key (absent keys: 0)."""
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start:start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT key, claims FROM claim_key_counts WHERE key IN ({marks})", chunk))
    return {k: found.get(k, 0) for k in keys}


def claims_with_key(conn, key: str) -> list[int]:
    """Row ids of the claims carrying ``key`` (an index key: letters, digits, '_')."""
    if '"' in key:
        return []
    rows = conn.execute("SELECT rowid FROM claim_keys WHERE claim_keys MATCH ?", (f'"{key}"',))
    return [r[0] for r in rows]


def facts_of(conn, row_ids: Sequence[int], not_article: str) -> list[str]:
    """Facts JSON of the claims ``row_ids`` outside ``not_article``, in the given order."""
    if not row_ids:
        return []
    marks = ",".join("?" * len(row_ids))
    found = dict(conn.execute(f"SELECT id, facts FROM claim_facts WHERE id IN ({marks}) AND article_id != ?",
                              [*row_ids, not_article]))
    return [found[i] for i in row_ids if i in found]


def integrity_check(conn) -> None:
    """Raise sqlite3.DatabaseError when the FTS index and the facts disagree."""
    conn.execute("INSERT INTO claim_keys (claim_keys) VALUES ('integrity-check')")


# -- judgements of related pairs (tables from migration m005_claim_relations) --

JUDGEMENT_COLUMNS = ("id", "annotator", "article_a", "start_a", "end_a", "article_b", "start_b",
                     "end_b", "label", "revision", "created_at", "updated_at", "origin_db")
_SELECT_JUDGEMENT = f"SELECT {', '.join(JUDGEMENT_COLUMNS)} FROM claim_judgements"


def judgement(conn, judgement_id: str) -> dict | None:
    cur = conn.execute(f"{_SELECT_JUDGEMENT} WHERE id = ?", (judgement_id,))
    row = cur.fetchone()
    return dict(zip(JUDGEMENT_COLUMNS, row)) if row else None


def judgements_of_articles(conn, article_ids: Sequence[str]) -> list[dict]:
    """Judgements of pairs with a claim in any of ``article_ids``."""
    out: list[dict] = []
    for start in range(0, len(article_ids), 400):
        chunk = list(article_ids[start:start + 400])
        marks = ",".join("?" * len(chunk))
        cur = conn.execute(f"{_SELECT_JUDGEMENT} WHERE article_a IN ({marks}) "
                           f"UNION SELECT {', '.join(JUDGEMENT_COLUMNS)} FROM claim_judgements "
                           f"WHERE article_b IN ({marks}) ORDER BY updated_at, id", chunk + chunk)
        out += [dict(zip(JUDGEMENT_COLUMNS, r)) for r in cur]
    return out


def all_judgements(conn) -> list[dict]:
    return [dict(zip(JUDGEMENT_COLUMNS, r)) for r in conn.execute(f"{_SELECT_JUDGEMENT} ORDER BY id")]


def put_judgement(conn, row: dict) -> None:
    names = ", ".join(JUDGEMENT_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in JUDGEMENT_COLUMNS if c != "id")
    conn.execute(f"INSERT INTO claim_judgements ({names}) VALUES ({', '.join('?' * len(JUDGEMENT_COLUMNS))}) "
                 f"ON CONFLICT (id) DO UPDATE SET {updates}", [row[c] for c in JUDGEMENT_COLUMNS])


def delete_judgement(conn, judgement_id: str) -> None:
    conn.execute("DELETE FROM claim_judgements WHERE id = ?", (judgement_id,))


def log_judgement(conn, judgement_id: str, annotator: str, action: str, before: str | None,
                  after: str | None, at: str, db_uuid: str) -> None:
    conn.execute("INSERT INTO claim_judgement_log (judgement_id, annotator, at, action, before, after, "
                 "db_uuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (judgement_id, annotator, at, action, before, after, db_uuid))


def judgement_log(conn, judgement_id: str) -> list[dict]:
    cols = ("seq", "judgement_id", "annotator", "at", "action", "before", "after", "db_uuid")
    cur = conn.execute(f"SELECT {', '.join(cols)} FROM claim_judgement_log WHERE judgement_id = ? "
                       "ORDER BY seq", (judgement_id,))
    return [dict(zip(cols, r)) for r in cur]


def has_judgements(conn) -> bool:
    """Whether a database (e.g. a merge input from before issue 15) has the table."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'claim_judgements'").fetchone() is not None
