"""An import's related-claims index: the claims' rows per batch, their
matching keys indexed once at the end.

Indexing a claim row by row costs an FTS5 row and ~4 upserts of key counts
(``claim_key_counts``, ~50 per news article, each a B-tree seek on a random
key): ~0.2 ms per article, a tenth of the import's writer, where writing
the rows alone costs ~0.04 ms (docs/benchmarks.md, "Eighth round (issue
19): the import's CPU"). So during an import the writer only writes the
rows (the same ids, earlier versions replaced, as ``ClaimIndex.add_rows``
does), and :meth:`ImportIndex.finish` indexes them all in one go before
the transaction ends:

* when the import wrote at least half as many rows as the index held
  before, the FTS index and every key count are rebuilt from the rows
  (``relations.rebuild_keys``: one pass each, ~5x cheaper per row than
  upserts, so worth it while the old rows are not many more);
* else only the import's rows are indexed: their FTS rows in one
  statement, their key counts summed per chunk and added.

Both give the index row-by-row writing gives (the same rows, the same
counts, the same matches: tests/test_import_eighth.py). Everything happens
inside the import's one transaction: a killed or failed import rolls the
rows back with the rest, and other connections only see the committed
index, whole. Nothing reads the index inside the import (the writer never
looks up related claims).
"""

from __future__ import annotations

from annotator.core.storage import relations as store

REBUILD_SHARE = 0.5  # rebuild when the import's rows are at least this share of the rows before


class ImportIndex:
    """``add_rows`` as ``ClaimIndex.add_rows`` writes them, the FTS rows
    and key counts left for :meth:`finish` (call it before the commit;
    idempotent)."""

    def __init__(self, conn):
        self.conn = conn
        self.first: int | None = None  # the id of the import's first row
        self.before = 0  # rows indexed before the import
        self.added = 0

    def add_rows(self, rows: list[store.FactsRow]) -> int:
        if not rows:
            return 0
        if self.first is None:
            self.before = store.count_claims(self.conn)
        store.insert_facts_only(self.conn, rows)
        if self.first is None:  # after the first batch's replaced rows are gone: the ids it numbered from
            self.first = store.next_id(self.conn) - len(rows)
        self.added += len(rows)
        return len(rows)

    def finish(self) -> None:
        """Index every row the import wrote (within its transaction)."""
        first, self.first = self.first, None
        if first is None or not self.conn.in_transaction:  # nothing written, or rolled back already
            return
        if self.added >= REBUILD_SHARE * self.before:
            store.rebuild_keys(self.conn)
        else:
            store.index_from(self.conn, first)
