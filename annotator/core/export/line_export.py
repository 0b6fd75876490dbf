"""Writing the file formats (JSONL, doccano): articles in import order, each
article's lines rendered afresh or copied from the export cache.

Per batch of articles: look their stamps up in the cache
(:mod:`annotator.core.export.line_cache`), render the ones it does not hold
(one bulk read of their layers, tokens for their texts; in worker processes,
:mod:`annotator.core.export.parallel`, once there are many), append those to
the cache, then write every article of the batch in order to its set's file.
Lines taken from the cache are copied file to file, and neighbouring ones in
one go, so an unchanged project re-exports at the speed of a file copy.
"""

from __future__ import annotations

import os
import sqlite3
from collections import deque
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.export import formats, line_cache, parallel
from annotator.core.export.card import ArticleCounts, CardStats, count_article
from annotator.core.export.line_cache import CachedLines, LineCache
from annotator.core.export.options import ExportOptions
from annotator.core.export.output_writer import OutputWriter
from annotator.core.export.reading import Selection, batch_records, iter_article_batches
from annotator.core.export.records import LayerRecord
from annotator.core.export.variant import variant_key

if TYPE_CHECKING:
    from annotator.core.export.token_cache import TokenSource

_FLUSH_AT = 1 << 22  # bytes buffered per output file before a write
_COPY_AT = 1 << 25  # bytes of adjacent cached lines joined before their copy starts (< output_writer.STEP)


class LineFiles:
    """One output file per set. Lines arrive as bytes, or as ranges of the
    cache's pack; adjacent ranges are joined and copied in one call. The
    writes and copies run in a background thread (:mod:`output_writer`)
    while the export reads on."""

    def __init__(self, paths: dict[str, Path]):
        # The files were just created empty (AtomicOutputs). No O_TRUNC: on
        # ext4 a truncated file is flushed to disk when closed, which cost
        # ~0.4 s per GB.
        flags = os.O_WRONLY | getattr(os, "O_BINARY", 0)
        self.fds = {name: os.open(path, flags) for name, path in paths.items()}
        self.buffered: dict[str, list[bytes]] = {name: [] for name in paths}
        self.sizes = dict.fromkeys(paths, 0)
        self.ranges: dict[str, list[int] | None] = dict.fromkeys(paths)  # [source fd, start, end]
        self.writer = OutputWriter()

    def write(self, name: str, data: bytes) -> None:
        if self.ranges[name] is not None:
            self._flush_range(name)
        self.buffered[name].append(data)
        self.sizes[name] += len(data)
        if self.sizes[name] >= _FLUSH_AT:
            self._flush_buffer(name)

    def copy(self, name: str, source_fd: int, offset: int, length: int) -> None:
        if self.sizes[name]:
            self._flush_buffer(name)
        pending = self.ranges[name]
        if pending is not None and pending[0] == source_fd and pending[2] == offset:
            pending[2] += length
            if pending[2] - pending[1] >= _COPY_AT:  # copied while the export reads on
                self._flush_range(name)
            return
        if pending is not None:
            self._flush_range(name)
        self.ranges[name] = [source_fd, offset, offset + length]

    def flush(self) -> None:
        """Write everything given so far, and wait until it is written."""
        for name in self.fds:
            self._flush_range(name)
            self._flush_buffer(name)
        self.writer.wait()

    def stop(self) -> None:
        """Stop writing (what is not flushed is dropped): before the pack the
        copies read from is closed."""
        self.writer.stop()

    def close(self) -> None:
        """Close the files; anything not flushed is dropped (the export failed)."""
        self.writer.stop()
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}

    def _flush_buffer(self, name: str) -> None:
        if self.sizes[name]:
            self.writer.write(self.fds[name], b"".join(self.buffered[name]))
            self.buffered[name].clear()
            self.sizes[name] = 0

    def _flush_range(self, name: str) -> None:
        pending = self.ranges[name]
        if pending is not None:
            self.ranges[name] = None
            self.writer.copy(self.fds[name], pending[0], pending[1], pending[2] - pending[1])


class RenderTokens:
    """Tokens for the texts being rendered, from the token cache or spaCy;
    set up on first use, so an export served from the line cache never loads
    spaCy (about a second)."""

    def __init__(self, use_cache: bool, fingerprint: str | None):
        self.use_cache = use_cache
        self.fingerprint = fingerprint  # the tokenizer's, if the line cache knows it
        self.source: TokenSource | None = None

    def for_records(self, records: list[LayerRecord]) -> dict:
        if self.source is None:
            from annotator.core.export.token_cache import TokenSource

            self.source = TokenSource(self.use_cache, self.fingerprint)
        return self.source.tokens_for({r.article.id: r.article.text for r in records})

    def close(self) -> None:
        if self.source is not None:
            self.source.close()


def render_articles(project, selection: Selection, export_format: formats.ExportFormat,
                    ids: list[str], tokens: RenderTokens) -> dict[str, tuple[bytes, ArticleCounts]]:
    """Lines and counts of each article in ``ids`` that has a selected layer."""
    records = list(batch_records(project, selection, ids))
    token_of = tokens.for_records(records) if export_format.tokens and records else {}
    return render_records(export_format, records, token_of)


def render_records(export_format: formats.ExportFormat, records: list[LayerRecord],
                   token_of: dict) -> dict[str, tuple[bytes, ArticleCounts]]:
    """Lines and counts of each article of ``records`` (an article's layers
    together), with ``token_of`` its tokens."""
    render = export_format.writer
    rendered = {}
    for article_id, group in groupby(records, key=lambda r: r.article.id):
        layer_records = list(group)
        rendered[article_id] = (render(layer_records, token_of.get(article_id)),
                                count_article(layer_records))
    return rendered


_NOTHING = (b"", ArticleCounts(0, 0, "", ""))


def write_lines(project, selection: Selection, options: ExportOptions, files: LineFiles,
                set_of: Callable[[str], str], stats: CardStats,
                on_batch: Callable[[int], None]) -> tuple[str | None, int]:
    """Write every article's lines. Returns the tokenizer's description
    (JSONL) and how many articles' lines came from the cache."""
    cache = None
    if options.line_cache and formats.get(options.format).cached:
        variant = variant_key(options)
        cache = LineCache.open(line_cache.variant_folder(project.uuid, variant), variant)
    writer = _LineWriter(project, selection, options, files, set_of, stats, cache, on_batch)
    try:
        writer.run()
        files.flush()  # copies from the pack must be done before it is compacted
        tokenizer = _tokenizer_description(options, cache, writer.tokens)
        if cache is not None:
            _commit(cache)
            cache = None
    finally:
        files.stop()  # no copy may still read the pack when it is closed
        writer.close()
        if cache is not None:
            cache.close()
    return tokenizer, writer.reused


class _LineWriter:
    """Batches of articles in import order: look them up in the cache, render
    the rest (here, or in worker processes once there are many), write all
    in order."""

    def __init__(self, project, selection: Selection, options: ExportOptions, files: LineFiles,
                 set_of: Callable[[str], str], stats: CardStats, cache: LineCache | None,
                 on_batch: Callable[[int], None]):
        self.project, self.selection, self.options = project, selection, options
        self.format = formats.get(options.format)
        self.files, self.set_of, self.stats, self.cache = files, set_of, stats, cache
        self.on_batch = on_batch
        self.tokens = RenderTokens(options.token_cache,
                                   cache.get_info("tokenizer") if cache is not None else None)
        self.pool: parallel.RenderPool | None = None
        # batches waiting for a worker's result, kept in order: [ticket, future or None]
        self.waiting: deque = deque()
        self.rendered_here = self.seen = self.reused = 0

    def run(self) -> None:
        for batch in iter_article_batches(self.project):
            hits = self.cache.lookup(batch) if self.cache is not None else {}
            misses = [row for row in batch if row[0] not in hits]
            ticket = (batch, hits, misses)
            pool = self._pool() if misses else None
            if pool is not None:
                while pool.full:
                    self._emit(*pool.next_done())
                pool.submit(ticket, [row[1] for row in misses])
            elif self.pool is not None and self.pool.pending:
                self.pool.pending.append((ticket, None))  # stays in line behind the workers' batches
            else:
                rendered = render_articles(self.project, self.selection, self.format,
                                           [row[1] for row in misses], self.tokens) if misses else {}
                self.rendered_here += len(misses)
                self._emit(ticket, rendered)
            while self.pool is not None and self.pool.front_ready():
                self._emit(*self.pool.next_done())
        while self.pool is not None and self.pool.pending:
            self._emit(*self.pool.next_done())

    def _pool(self) -> parallel.RenderPool | None:
        """The worker pool, started once this export has rendered enough here."""
        if self.pool is None and self.format.parallel and self.rendered_here >= parallel.START_AFTER:
            workers = parallel.worker_count()
            if workers and getattr(self.project, "path", None):
                self.pool = parallel.RenderPool(Path(self.project.path), self.selection, self.format,
                                                self.options.token_cache, self.tokens.fingerprint, workers)
        return self.pool

    def _emit(self, ticket, rendered: dict) -> None:
        batch, hits, misses = ticket
        cache = self.cache
        self.reused += sum(1 for entry in hits.values() if entry.counts.records)
        if cache is not None and misses:
            hits.update(cache.add([(seq, article_id, stamp, *rendered.get(article_id, _NOTHING))
                                   for seq, article_id, stamp in misses]))
            rendered = {}
        files, set_of, stats = self.files, self.set_of, self.stats
        pack_fd = cache.pack_fd if cache is not None else -1  # hits come from the cache only
        for seq, article_id, _ in batch:
            entry: CachedLines | None = hits.get(seq)
            if entry is not None:
                counts = entry.counts
                if not counts.records:
                    continue
                set_name = set_of(article_id)
                files.copy(set_name, pack_fd, entry.offset, entry.length)
            else:
                data, counts = rendered.get(article_id, _NOTHING)
                if not counts.records:
                    continue
                set_name = set_of(article_id)
                files.write(set_name, data)
            stats.add_article(set_name, counts)
        self.seen += len(batch)
        self.on_batch(self.seen)  # progress; raises ExportCancelled on Cancel

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        self.tokens.close()


def _commit(cache: LineCache) -> None:
    try:
        cache.commit()
    except (OSError, sqlite3.Error):
        cache.close()  # the export stands; only its reuse next time is lost
    line_cache.evict()


def _tokenizer_description(options: ExportOptions, cache: LineCache | None,
                           tokens: RenderTokens) -> str | None:
    if not formats.get(options.format).tokens:
        return None
    if cache is not None and tokens.fingerprint:
        return tokens.fingerprint
    from annotator.core.export.tokens import tokenizer_fingerprint

    description = tokenizer_fingerprint()
    if cache is not None:
        cache.set_info("tokenizer", description)
    return description
