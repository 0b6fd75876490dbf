"""An import's article stamps: one upsert per new article, not one per row.

Every suggestion row and every source-link row fires a trigger renewing its
article's stamp (schema.py, m003 and m004), which is how an export knows
what changed. An import's writer inserts ~13 suggestions and ~7 links per
news article, so it paid ~20 upserts per article for one final random
stamp: ~0.45 ms per article, about a tenth of the writer's CPU
(docs/benchmarks.md, "Sixth round").

So for the import's one transaction the two insert triggers are dropped,
the writer stamps each batch's articles with suggestions once, and the
triggers are created again before the transaction ends. Schema changes are
transactional in SQLite: a killed, failed or cancelled import rolls the
DROP back with everything else, and no other connection ever sees the
project without its triggers (they read the last commit). The triggers are
touched only when they are exactly the ones schema.py creates, so only our
own fixed statements run; otherwise they stay and stamp as before.
"""

from __future__ import annotations

from annotator.core.schema import stamp_insert_trigger

TABLES = ("suggestions", "suggestion_sources")
_DROP = {  # fixed statements per table: no SQL is built from data
    "suggestions": "DROP TRIGGER article_stamp_on_suggestions_insert",
    "suggestion_sources": "DROP TRIGGER article_stamp_on_suggestion_sources_insert",
}
_STAMP = ("INSERT INTO article_stamps VALUES (?, randomblob(8)) "
          "ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp")


class ImportStamps:
    """Within the caller's write transaction: the insert triggers off until
    :meth:`restore`; :meth:`stamp` renews the stamps they would have."""

    def __init__(self, conn):
        self.conn = conn
        self.dropped: list[str] = []
        if not conn.in_transaction:  # a DROP would be committed at once: leave the triggers
            return
        for table in TABLES:
            name = f"article_stamp_on_{table}_insert"
            row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               [name]).fetchone()
            if row is not None and row[0] == stamp_insert_trigger(table):
                conn.execute(_DROP[table])
                self.dropped.append(table)

    def stamp(self, article_ids: list[str]) -> None:
        """Renew the stamps of articles whose rows were just inserted."""
        if self.dropped and article_ids:
            self.conn.executemany(_STAMP, [(article_id,) for article_id in article_ids])

    def restore(self) -> None:
        """Create the dropped triggers again (before the transaction ends).
        After a rollback there is nothing to do: it brought them back."""
        dropped, self.dropped = self.dropped, []
        if not self.conn.in_transaction:
            return
        for table in dropped:
            self.conn.execute(stamp_insert_trigger(table))
