"""A project's first export after an import is a copy: the import renders
the lines that export writes while it has everything at hand.

The first export after a highlighted import is almost always the
pre-highlighter's layer (``--layer suggestions``; no one has annotated
yet), and rendering it is CPU-bound Python (the tokens' JSON, the spans,
the hashes: ~1-2 ms per news article). The import's workers have just
tokenized each text, so once the writer has stored a batch's suggestions
and links, it reads the batch's records the way the export reads them
(:func:`reading.suggestion_rows`, inside the import's transaction: plain
rows, which pickle several times cheaper than the records' objects) and
sends them with the tokens to a worker, which builds the records and renders them
(:func:`line_export.render_records`, the export's own code); the writer
puts the lines into the export's line cache under the articles' stamps.
The first export then finds every article unchanged and copies its lines:
byte-identical to a fresh render (tests/test_parallel_import.py), at the
speed of a file copy.

The cache is the export's (:mod:`line_cache`): held for the import like an
export holds it, committed when the import has written everything. Entries
of an import that then fails name stamps that never existed, so they are
never used. A cache that cannot be opened (another export holds it) renders
nothing: the export renders as before.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable

from annotator.core.export import line_cache
from annotator.core.export.card import ArticleCounts
from annotator.core.export.options import ExportOptions

OPTIONS = ExportOptions(format="jsonl", layer="suggestions")  # the variant rendered at import
IN_FLIGHT = 8  # render jobs waiting at once (each ~1.5 MB of lines for 64 articles)


def render_job(format_name: str, rows, token_of: dict) -> dict:
    """In a worker: the lines and counts of each article of ``rows``
    (:func:`reading.suggestion_rows`: the suggestions layer as read)."""
    from annotator.core.export import formats
    from annotator.core.export.line_export import render_records
    from annotator.core.export.reading import suggestion_records

    return render_records(formats.get(format_name), list(suggestion_records(rows)), token_of)


class ImportLines:
    """Renders the suggestions layer of the batches an import writes into
    the export line cache; ``submit(fn, *args)`` runs a job (a worker pool,
    Dask, or here at once) and returns a future."""

    def __init__(self, project, submit: Callable, tokenizer: str):
        from annotator.core.export.reading import resolve_selection
        from annotator.core.export.variant import variant_key

        self.project, self.submit = project, submit
        self.selection = resolve_selection(project, OPTIONS)
        variant = variant_key(OPTIONS)
        self.cache = line_cache.LineCache.open(line_cache.variant_folder(project.uuid, variant), variant)
        if self.cache is not None:
            self.cache.set_info("tokenizer", tokenizer)  # so the export never loads spaCy to name it
        self.pending: deque = deque()  # (rows, future)

    def add(self, article_ids: list[str], tokens: dict) -> None:
        """Render the articles (their suggestions and links are written;
        ``tokens``: article id -> Tokens)."""
        from annotator.core.export.reading import suggestion_rows
        from annotator.core.storage.articles import stamps_of

        if self.cache is None:
            return
        read = suggestion_rows(self.project, article_ids)  # rows, not records: cheap to pickle
        rendered = [row[0] for row in read[1]]  # the articles with suggestions
        if any(tokens.get(article_id) is None for article_id in rendered):
            return  # a text highlighted without its tokens: the export renders it
        rows = stamps_of(self.project.db, article_ids)
        while len(self.pending) >= IN_FLIGHT:
            self._take()
        self.pending.append((rows, self.submit(render_job, OPTIONS.format, read,
                                               {article_id: tokens[article_id] for article_id in rendered})))

    def _take(self) -> None:
        rows, future = self.pending.popleft()
        rendered = future.result()
        assert self.cache is not None
        self.cache.add([(seq, article_id, stamp, *rendered.get(article_id, _NOTHING))
                        for seq, article_id, stamp in rows])

    def finish(self) -> None:
        """Wait for every render and make the cache's new entries durable."""
        if self.cache is None:
            return
        while self.pending:
            self._take()
        try:
            self.cache.commit()
        except (OSError, sqlite3.Error):  # a cache only: the export then renders
            self.cache.close()
        self.cache = None
        line_cache.evict()

    def close(self) -> None:
        """Drop what was not committed (a failed or cancelled import)."""
        self.pending.clear()
        if self.cache is not None:
            self.cache.close()
            self.cache = None


_NOTHING = (b"", ArticleCounts(0, 0, "", ""))  # an article without suggestions: no line
