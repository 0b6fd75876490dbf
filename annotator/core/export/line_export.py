"""Writing the line formats (JSONL, doccano): articles in import order, each
article's lines rendered afresh or copied from the export cache.

Per batch of articles: look their stamps up in the cache
(:mod:`annotator.core.export.line_cache`), render the ones it does not hold
(one bulk read of their layers, tokens for their texts), append those to the
cache, then write every article of the batch in order to its set's file.
Lines taken from the cache are copied file to file, and neighbouring ones in
one go, so an unchanged project re-exports at the speed of a file copy.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

import annotator
from annotator.core.export import doccano_format, jsonl_format, line_cache
from annotator.core.export.card import ArticleCounts, CardStats, count_article
from annotator.core.export.line_cache import CachedLines, LineCache, copy_range
from annotator.core.export.options import ExportOptions
from annotator.core.export.reading import ArticleRow, Selection, batch_records, iter_article_batches
from annotator.core.export.records import LayerRecord

_FLUSH_AT = 1 << 22  # bytes buffered per output file before a write


class LineFiles:
    """One output file per set. Lines arrive as bytes, or as ranges of the
    cache's pack; adjacent ranges are joined and copied in one call."""

    def __init__(self, paths: dict[str, Path]):
        # The files were just created empty (AtomicOutputs). No O_TRUNC: on
        # ext4 a truncated file is flushed to disk when closed, which cost
        # ~0.4 s per GB.
        flags = os.O_WRONLY | getattr(os, "O_BINARY", 0)
        self.fds = {name: os.open(path, flags) for name, path in paths.items()}
        self.buffered: dict[str, list[bytes]] = {name: [] for name in paths}
        self.sizes = dict.fromkeys(paths, 0)
        self.ranges: dict[str, list[int] | None] = dict.fromkeys(paths)  # [source fd, start, end]

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
            return
        if pending is not None:
            self._flush_range(name)
        self.ranges[name] = [source_fd, offset, offset + length]

    def flush(self) -> None:
        for name in self.fds:
            self._flush_range(name)
            self._flush_buffer(name)

    def close(self) -> None:
        """Close the files; anything not flushed is dropped (the export failed)."""
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}

    def _flush_buffer(self, name: str) -> None:
        if self.sizes[name]:
            line_cache.write_fd(self.fds[name], b"".join(self.buffered[name]))
            self.buffered[name].clear()
            self.sizes[name] = 0

    def _flush_range(self, name: str) -> None:
        pending = self.ranges[name]
        if pending is not None:
            self.ranges[name] = None
            copy_range(pending[0], self.fds[name], pending[1], pending[2] - pending[1])


class _Tokens:
    """Tokens for the texts being rendered, from the token cache or spaCy;
    set up on first use, so an export served from the line cache never loads
    spaCy (about a second)."""

    def __init__(self, use_cache: bool, fingerprint: str | None):
        self.use_cache = use_cache
        self.fingerprint = fingerprint  # the tokenizer's, if the line cache knows it
        self.source = None

    def for_records(self, records: list[LayerRecord]) -> dict:
        if self.source is None:
            from annotator.core.export.token_cache import TokenSource

            self.source = TokenSource(self.use_cache, self.fingerprint)
        return self.source.tokens_for({r.article.id: r.article.text for r in records})

    def close(self) -> None:
        if self.source is not None:
            self.source.close()


def render_articles(project, selection: Selection, options: ExportOptions, ids: list[str],
                    tokens: _Tokens) -> dict[str, tuple[bytes, ArticleCounts]]:
    """Lines and counts of each article in ``ids`` that has a selected layer."""
    records = list(batch_records(project, selection, ids))
    token_of = tokens.for_records(records) if options.format == "jsonl" and records else {}
    rendered = {}
    for article_id, group in groupby(records, key=lambda r: r.article.id):
        layer_records = list(group)
        if options.format == "jsonl":
            data = b"".join(piece for record in layer_records
                            for piece in jsonl_format.record_bytes(record, token_of[article_id]))
        else:
            data = "".join(doccano_format.record_line(r) + "\n" for r in layer_records).encode("utf-8")
        rendered[article_id] = (data, count_article(layer_records))
    return rendered


_NOTHING = (b"", ArticleCounts(0, 0, "", ""))


def write_lines(project, selection: Selection, options: ExportOptions, files: LineFiles,
                set_of: Callable[[str], str], stats: CardStats,
                on_batch: Callable[[int], None]) -> tuple[str | None, int]:
    """Write every article's lines. Returns the tokenizer's description
    (JSONL) and how many articles' lines came from the cache."""
    cache = None
    if options.line_cache:
        variant = variant_key(options)
        cache = LineCache.open(line_cache.variant_folder(project.uuid, variant), variant)
    tokens = _Tokens(options.token_cache, cache.get_info("tokenizer") if cache is not None else None)
    seen = reused = 0
    try:
        for batch in iter_article_batches(project):
            reused += _write_batch(project, selection, options, files, set_of, stats, cache, tokens, batch)
            seen += len(batch)
            on_batch(seen)
        files.flush()  # copies from the pack must be done before it is compacted
        tokenizer = _tokenizer_description(options, cache, tokens)
        if cache is not None:
            _commit(cache)
            cache = None
    finally:
        tokens.close()
        if cache is not None:
            cache.close()
    return tokenizer, reused


def _write_batch(project, selection, options, files: LineFiles, set_of, stats: CardStats,
                 cache: LineCache | None, tokens: _Tokens, batch: list[ArticleRow]) -> int:
    """Write one batch of articles; returns how many came from the cache."""
    hits = cache.lookup(batch) if cache is not None else {}
    reused = sum(1 for entry in hits.values() if entry.counts.records)
    misses = [row for row in batch if row[0] not in hits]
    rendered = render_articles(project, selection, options, [row[1] for row in misses], tokens) \
        if misses else {}
    if cache is not None and misses:
        hits.update(cache.add([(seq, article_id, stamp, *rendered.get(article_id, _NOTHING))
                               for seq, article_id, stamp in misses]))
        rendered = {}
    for seq, article_id, _ in batch:
        entry: CachedLines | None = hits.get(seq)
        if entry is not None:
            counts = entry.counts
            if not counts.records:
                continue
            set_name = set_of(article_id)
            files.copy(set_name, cache.pack_fd, entry.offset, entry.length)
        else:
            data, counts = rendered.get(article_id, _NOTHING)
            if not counts.records:
                continue
            set_name = set_of(article_id)
            files.write(set_name, data)
        stats.add_article(set_name, counts)
    return reused


def _commit(cache: LineCache) -> None:
    try:
        cache.commit()
    except (OSError, sqlite3.Error):
        cache.close()  # the export stands; only its reuse next time is lost
    line_cache.evict()


def _tokenizer_description(options: ExportOptions, cache: LineCache | None, tokens: _Tokens) -> str | None:
    if options.format != "jsonl":
        return None
    if cache is not None and tokens.fingerprint:
        return tokens.fingerprint
    from annotator.core.export.tokens import tokenizer_fingerprint

    description = tokenizer_fingerprint()
    if cache is not None:
        cache.set_info("tokenizer", description)
    return description


# -- what a cached line depends on ------------------------------------------

# The code that decides the bytes of a line; a change to any of it starts a
# new cache. (In a frozen bundle without sources, the release version stands in.)
_RENDERING_MODULES = ("annotator.core.export", "annotator.core.team.adjudication",
                      "annotator.core.highlight.tokenizer", "annotator.core.models")


def variant_key(options: ExportOptions) -> str:
    """Everything besides the articles' stamps that a cached line depends on."""
    parts = {
        "format": options.format,
        "layer": options.layer,
        "annotators": list(dict.fromkeys(options.annotators)),
        "only_reviewed": options.only_reviewed,
        "code": code_fingerprint(),
    }
    if options.format == "jsonl":
        parts["spacy"] = _version_of("spacy")
    return json.dumps(parts, sort_keys=True)


def code_fingerprint() -> str:
    digest = hashlib.sha256(f"{annotator.__version__} {sys.version}".encode())
    for path in _rendering_sources():
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()[:20]


def _rendering_sources() -> list[Path]:
    root = Path(annotator.__file__).parent
    paths = []
    for name in _RENDERING_MODULES:
        relative = Path(*name.split(".")[1:])
        folder = root / relative
        paths += sorted(folder.glob("*.py")) if folder.is_dir() else [root / relative.with_suffix(".py")]
    return paths


def _version_of(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
