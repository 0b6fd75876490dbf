"""The project's index of claims for finding related claims in other articles.

Each claim's facts (``ClaimFacts``) are stored once as JSON beside its
matching keys (word stems, quantity things, days). The keys are indexed by
SQLite FTS5, which is built into Python's sqlite3: no new dependency, the
index lives in the project file and is written in the same transaction as
the claims, and reading a key's posting list is a C loop. FTS5 only gives
the claims that share the claim's rarest keys; they are ranked by the
summed rarity of the keys they share, and ``related.score_pair`` decides
about the best ``CANDIDATES``.

The SQL lives in ``annotator.core.storage.relations``: small updates (an
import of a few articles, an edit) write claim by claim; a bulk build
writes the rows and rebuilds the FTS index in one pass, several times
faster than row-by-row inserts.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable

from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.related import Relation, score_pair
from annotator.core.corroboration.rows import facts_row
from annotator.core.storage import relations as store

CANDIDATES = 40  # claims rescored per lookup (bm25 order: those sharing the rarest keys)
QUERY_KEYS = 10  # rarest keys of the claim that are searched
COMMON_SHARE = 0.02  # keys in more than 2 % of claims find nothing specific
POSTINGS_BUDGET = 5_000  # claims the searched keys may list together
BULK_SHARE = 0.25  # a batch bigger than this share of the index rebuilds it


class ClaimIndex:
    """Related-claims index over one project connection (not thread-safe:
    SQLite connections belong to one thread)."""

    def __init__(self, conn):
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
        return self.add_rows([facts_row(c) for c in claims])

    def add_rows(self, rows: list[store.FactsRow]) -> int:
        """Index rows made by ``rows.index_rows`` (e.g. in a worker process)."""
        if not rows:
            return 0
        if len(rows) > 1000 and len(rows) > BULK_SHARE * self.total():  # count only when it matters
            store.insert_bulk(self.conn, rows)
            self._forget_stats()
            return len(rows)
        replaced = store.insert_many(self.conn, rows)
        if self._df or self._idf:  # nothing cached (an import's batch): no counts to forget
            self._adjust_stats([k for row in rows for k in row[2].split()], len(rows) - replaced)
        elif self._total is not None:
            self._total += len(rows) - replaced
        return len(rows)

    def load_rows(self, rows: list[store.FactsRow]) -> None:
        """A full build's batch: rows only; ``finish_load`` indexes them all at once."""
        store.insert_plain(self.conn, rows)

    def finish_load(self) -> None:
        store.rebuild_keys(self.conn)
        self._forget_stats()

    def clear(self) -> None:
        store.clear(self.conn)
        self._forget_stats()

    def remove_article(self, article_id: str) -> None:
        removed = store.remove_article(self.conn, article_id)
        if removed:
            self._df.clear()  # which keys went is not known here; counts are re-read lazily
            self._adjust_stats([], -removed)

    def remove_claim(self, claim_key: str) -> None:
        removed = store.remove_claim(self.conn, claim_key)
        if removed:
            self._df.clear()
            self._adjust_stats([], -removed)

    def _adjust_stats(self, keys: list[str], added: int) -> None:
        """After a small write: re-read the counts of the keys written; the
        rarity of other keys barely moves and is kept (cached until a bulk
        build), so a lookup after an edit stays fast."""
        for key in keys:
            self._df.pop(key, None)
            self._idf.pop(key, None)
        if self._total is not None:
            self._total += added

    def _forget_stats(self) -> None:
        self._df.clear()
        self._idf.clear()
        self._total = None

    # -- reading ---------------------------------------------------------
    def total(self) -> int:
        if self._total is None:
            self._total = store.count_claims(self.conn)
        return self._total

    def facts(self, claim_key: str) -> ClaimFacts | None:
        raw = store.facts_json(self.conn, claim_key)
        return ClaimFacts.from_json(raw) if raw else None

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(keys)
        wanted = [k for k in set(keys) if k not in self._df]
        if wanted:
            self._df.update(store.doc_freq(self.conn, wanted))
        return {k: self._df[k] for k in keys}

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            value = self._idf[term] = math.log((self.total() + 1) / (self._df.get(term, 0) + 1)) + 1.0
        return value

    def _query_keys(self, claim: ClaimFacts) -> list[str]:
        """The claim's rarest keys, as many as fit the postings budget: the
        search costs the same at 10,000 and at 100,000 articles."""
        df = self.doc_freq(claim.index_keys())
        common = max(50, COMMON_SHARE * self.total())
        # a key only the claim itself carries finds nothing
        own = 1 if store.facts_json(self.conn, claim.claim_id) is not None else 0
        keys: list[str] = []
        postings = 0
        for key in sorted((k for k, n in df.items() if own < n <= common), key=df.__getitem__)[:QUERY_KEYS]:
            if keys and postings + df[key] > POSTINGS_BUDGET:
                break
            keys.append(key)
            postings += df[key]
        return keys

    def candidates(self, claim: ClaimFacts) -> list[ClaimFacts]:
        """Claims of other articles that share the claim's rarest keys, most
        shared rarity first. Ranked here, not by FTS5's bm25: bm25 costs
        microseconds per matching claim, the posting lists alone far less."""
        weight: dict[int, float] = {}
        for key in self._query_keys(claim):
            rarity = self.idf(key)
            for row_id in store.claims_with_key(self.conn, key):
                weight[row_id] = weight.get(row_id, 0.0) + rarity
        # a few spare: some candidates are in the claim's own article
        best = heapq.nlargest(CANDIDATES + 10, weight, key=weight.__getitem__)
        return [ClaimFacts.from_json(raw)
                for raw in store.facts_of(self.conn, best, claim.article_id)[:CANDIDATES]]

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
