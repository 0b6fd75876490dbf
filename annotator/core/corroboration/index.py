"""The project's index of claims for finding related claims in other articles.

Each claim's facts (``ClaimFacts``) are stored once as JSON beside its
matching keys (word stems, quantity things, days). The keys are indexed by
SQLite FTS5, which is built into Python's sqlite3: no new dependency, the
index lives in the project file and is written in the same transaction as
the claims, and a candidate search over a million claims is a posting-list
merge in C. FTS5 only proposes candidates (up to ``CANDIDATES`` of the
rarest shared keys, ranked by bm25); ``related.score_pair`` decides.

The FTS table is an external-content table over ``claim_facts`` without
triggers: small updates (import of a few articles, an edit) write both
tables; a bulk build fills ``claim_facts`` and then rebuilds the FTS index
in one pass, which is several times faster than row-by-row inserts.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Iterable

from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.related import Relation, score_pair

INDEX_DDL = """
CREATE TABLE IF NOT EXISTS claim_facts (
    id INTEGER PRIMARY KEY,
    claim_key TEXT NOT NULL UNIQUE,  -- "s:<suggestion id>" or "a:<annotation id>"
    article_id TEXT NOT NULL,
    keys TEXT NOT NULL,  -- the matching keys, space separated
    facts TEXT NOT NULL  -- ClaimFacts as JSON
);
CREATE INDEX IF NOT EXISTS claim_facts_by_article ON claim_facts (article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS claim_keys USING fts5 (
    keys, content='claim_facts', content_rowid='id', detail='none',
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS claim_keys_vocab USING fts5vocab (claim_keys, 'row');
"""
CANDIDATES = 40  # claims rescored per lookup (bm25 order: those sharing the rarest keys)
QUERY_KEYS = 10  # rarest keys of the claim that are searched
COMMON_SHARE = 0.02  # keys in more than 2 % of claims find nothing specific
POSTINGS_BUDGET = 5_000  # claims the searched keys may list together
BULK_SHARE = 0.25  # a batch bigger than this share of the index rebuilds it


def ensure_index(conn: sqlite3.Connection) -> None:
    conn.executescript(INDEX_DDL)


class ClaimIndex:
    """Related-claims index over one project connection (not thread-safe:
    SQLite connections belong to one thread)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}
        self._total: int | None = None

    # -- writing ---------------------------------------------------------
    def put_article(self, article_id: str, claims: Iterable[ClaimFacts]) -> None:
        """Replace everything indexed for one article by ``claims``."""
        self.remove_article(article_id)
        self.add_claims(claims)

    def add_claims(self, claims: Iterable[ClaimFacts]) -> int:
        """Index (or re-index) claims; a claim already indexed is replaced."""
        rows = [(c.claim_id, c.article_id, " ".join(c.index_keys()), c.to_json()) for c in claims]
        if not rows:
            return 0
        if len(rows) > max(1000, BULK_SHARE * self.total()):
            self.conn.executemany(
                "INSERT OR REPLACE INTO claim_facts (claim_key, article_id, keys, facts) "
                "VALUES (?, ?, ?, ?)", rows)
            self.conn.execute("INSERT INTO claim_keys (claim_keys) VALUES ('rebuild')")
        else:
            for row in rows:
                self._remove("claim_key", row[0])
                cur = self.conn.execute(
                    "INSERT INTO claim_facts (claim_key, article_id, keys, facts) VALUES (?, ?, ?, ?)", row)
                self.conn.execute("INSERT INTO claim_keys (rowid, keys) VALUES (?, ?)", (cur.lastrowid, row[2]))
        self._forget_stats()
        return len(rows)

    def remove_article(self, article_id: str) -> None:
        self._remove("article_id", article_id)

    def remove_claim(self, claim_key: str) -> None:
        self._remove("claim_key", claim_key)

    def _remove(self, column: str, value: str) -> None:
        # column is one of two literals above, never data
        where = {"article_id": "article_id = ?", "claim_key": "claim_key = ?"}[column]
        self.conn.execute(
            "INSERT INTO claim_keys (claim_keys, rowid, keys) "
            f"SELECT 'delete', id, keys FROM claim_facts WHERE {where}", (value,))
        deleted = self.conn.execute(f"DELETE FROM claim_facts WHERE {where}", (value,)).rowcount
        if deleted:
            self._forget_stats()

    def _forget_stats(self) -> None:
        self._df.clear()
        self._idf.clear()
        self._total = None

    # -- reading ---------------------------------------------------------
    def total(self) -> int:
        if self._total is None:
            self._total = self.conn.execute("SELECT count(*) FROM claim_facts").fetchone()[0]
        return self._total

    def facts(self, claim_key: str) -> ClaimFacts | None:
        row = self.conn.execute("SELECT facts FROM claim_facts WHERE claim_key = ?", (claim_key,)).fetchone()
        return ClaimFacts.from_json(row[0]) if row else None

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = [k for k in set(keys) if k not in self._df]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(self.conn.execute(
                f"SELECT term, doc FROM claim_keys_vocab WHERE term IN ({marks})", chunk))
            for k in chunk:
                self._df[k] = found.get(k, 0)
        return {k: self._df[k] for k in keys}

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = math.log((self.total() + 1) / (self._df.get(term, 0) + 1)) + 1.0
        return value

    def candidates(self, claim: ClaimFacts) -> list[ClaimFacts]:
        """Claims of other articles that share the claim's rarest keys."""
        keys = self._query_keys(claim)
        if not keys:
            return []
        match = " OR ".join(f'"{k}"' for k in keys)
        rows = self.conn.execute(
            "SELECT f.facts FROM claim_keys JOIN claim_facts f ON f.id = claim_keys.rowid "
            "WHERE claim_keys MATCH ? AND f.article_id != ? ORDER BY claim_keys.rank LIMIT ?",
            (match, claim.article_id, CANDIDATES))
        return [ClaimFacts.from_json(r[0]) for r in rows]

    def _query_keys(self, claim: ClaimFacts) -> list[str]:
        """The claim's rarest keys, as many as fit the postings budget: the
        search costs the same at 10,000 and at 100,000 articles."""
        df = self.doc_freq(claim.index_keys())
        common = max(50, COMMON_SHARE * self.total())
        keys, postings = [], 0
        for key in sorted((k for k, n in df.items() if 0 < n <= common), key=df.get)[:QUERY_KEYS]:
            if keys and postings + df[key] > POSTINGS_BUDGET:
                break
            keys.append(key)
            postings += df[key]
        return keys

    def related(self, claim_key: str) -> list[Relation]:
        """The related claims of the indexed claim ``claim_key``, best first."""
        claim = self.facts(claim_key)
        if claim is None:
            return []
        return self.related_to(claim)

    def related_to(self, claim: ClaimFacts) -> list[Relation]:
        found = self.candidates(claim)
        self.doc_freq({t for c in [claim, *found] for t in c.terms})
        relations = (score_pair(claim, other, self.idf) for other in found)
        return sorted((r for r in relations if r is not None), key=lambda r: -r.score)
