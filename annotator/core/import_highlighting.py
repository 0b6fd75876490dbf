"""The highlighting half of an import: new articles go to the highlighter
(worker processes, Dask, or this process) in batches, and their suggestions
come back in order to the one writer, this process.

Everything is written inside the import's transaction, so a failed,
cancelled or killed import still changes nothing in the project; a batch's
suggestions are written in the order the articles were read, whichever
runner highlighted them, so parallel and serial imports store the same rows.

The highlighter's tokens go to the export's token cache as a side effect
(:mod:`annotator.core.highlight_tokens`): a first export then finds every
article's tokens there and never runs the tokenizer.
"""

from __future__ import annotations

from annotator.core import highlight_tokens
from annotator.core.new_suggestions import FreshArticle, write_new
from annotator.core.parallel_highlight import open_queue


class HighlightingImport:
    """Inserts batches of articles, highlights the new ones, writes the results."""

    def __init__(self, project, highlighter, *, workers: int | None = None, dask: str | None = None,
                 input_bytes: int = 0):
        self.project, self.highlighter = project, highlighter
        self.tokens = highlight_tokens.open_store(highlighter)
        self.queue = open_queue(highlighter, with_tokens=self.tokens is not None, workers=workers,
                                dask=dask, input_bytes=input_bytes, with_facts=True, project=project)
        self.lines = None
        if self.tokens is not None:  # the highlighter's tokens are the export's
            from annotator.core.export.import_lines import ImportLines

            self.lines = ImportLines(project, self.queue.runner.submit, self.tokens.fingerprint)
        self.highlighted = 0
        from annotator.core.storage.source_cache import ImportRegistry

        self.registry = ImportRegistry(project.db)  # read once for the import: it holds the transaction
        from annotator.core.storage.import_stamps import ImportStamps

        self.stamps = ImportStamps(project.db.conn)  # one stamp per article, not per row (last: it drops triggers)
        from annotator.core.storage.import_index import ImportIndex

        self.index = ImportIndex(project.db.conn)  # the claims' keys indexed once, at the end
        from annotator.core.import_gc import ImportCollection

        self.collection = ImportCollection()  # last: close() ends it; what is loaded stays out of the collector's way

    def __enter__(self) -> HighlightingImport:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def store(self, articles: list, imported_at: str) -> int:
        """Insert ``articles`` (within the caller's transaction) and queue the
        new ones; returns how many were new."""
        fresh = []
        for article in articles:
            article_id, is_new = self.project.insert_article(article, imported_at)
            if is_new:
                fresh.append((article_id, article))
        if fresh:
            while self.queue.full:
                self._write(*self.queue.take())
            self.queue.submit(fresh, [a.text for _, a in fresh], [a.published for _, a in fresh])
        while self.queue.ready():
            self._write(*self.queue.take())
        return len(fresh)

    def finish(self) -> None:
        """Wait for every queued batch and write it."""
        while self.queue.pending:
            self._write(*self.queue.take())
        self.index.finish()
        self.stamps.restore()
        if self.lines is not None:
            self.lines.finish()

    def _write(self, fresh: list, results: list) -> None:
        # the articles were inserted by this import: they have no suggestions to replace
        batch = [FreshArticle(article_id, article.text, article.outlet, article.published, claims, facts)
                 for (article_id, article), (claims, _, facts) in zip(fresh, results)]
        write_new(self.project, batch, self.highlighter.name, self.highlighter.version, self.registry, self.index)
        self.stamps.stamp([a.article_id for a in batch if a.claims])  # those with suggestion rows
        if self.tokens is not None:
            self.tokens.put([(article.text, tokens) for (_, article), (_, tokens, _) in zip(fresh, results)])
        if self.lines is not None:
            self.lines.add([a.article_id for a in batch],
                           {a.article_id: result[1] for a, result in zip(batch, results)})
        self.highlighted += len(fresh)

    def close(self) -> None:
        """Stop the workers (queued batches are dropped), close the token
        store, put the stamp triggers back and index the claims written (in
        case a caller commits after a failure; a rollback already undid
        both), and give the garbage collector back its settings."""
        try:
            if self.lines is not None:
                self.lines.close()
            self.queue.close()
            if self.tokens is not None:
                self.tokens.close()
        finally:
            _each(self.stamps.restore, self.index.finish, self.collection.end)


def _each(*steps) -> None:
    """Run every step, even after one failed; then raise the first failure."""
    failure: BaseException | None = None
    for step in steps:
        try:
            step()
        except BaseException as error:  # noqa: BLE001 (raised again below)
            failure = failure or error
    if failure is not None:
        raise failure
