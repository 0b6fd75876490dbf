"""The word caches a long import fills, kept small so that its memory stays
flat in the number of articles.

The highlighter's helpers remember what they computed for each word or
name they meet: the claims' facts (corroboration's stems, word entries, the
scan's word flags, nations, up to 200,000 words each) in whoever highlights,
and the source linker's parsed names, name keys and per-word notes in the
writer (up to 65,536 names and 200,000 words). On news every article brings
new word forms, so each cache grows until it is full: ~250 bytes a word and
cache, a parsed name ~1 KB. A worker grew ~30 MB per 1,000 fresh articles
and the writer ~10 MB, so memory at 100,000 articles was not what it was at
10,000 (bench/bench_import_memory.py).

Here each cache is emptied when it holds more than its bound, after a
batch. Emptying is safe (they are pure caches of pure functions, and the
import's registry re-reads what it forgot from the database, which the
import's transaction holds); it costs the frequent words one computation
each again, a few microseconds, unmeasurable beside highlighting.
"""

from __future__ import annotations

WORDS = 30_000  # words per word cache: ~7 MB each when full
NAMES = 10_000  # parsed source names (each with its keys: ~1 KB)
REGISTRY = 20_000  # lookups the import's registry remembers (keys, names, sources)


def _empty_full(cached_functions, bound: int) -> None:
    for cached in cached_functions:
        if cached.cache_info().currsize > bound:
            cached.cache_clear()


def bound_fact_caches() -> None:
    """After a batch's facts were parsed (a worker, or the writer highlighting in-process)."""
    from annotator.core.corroboration import nations, quantities, scan, words

    _empty_full((words.stem, words.word_entry, scan._word, nations.nation_of_word, quantities.concept_of), WORDS)


def bound_source_caches(registry=None) -> None:
    """After a batch's sources were linked (the writer); ``registry``: the
    import's :class:`~annotator.core.storage.source_cache.ImportRegistry`."""
    from annotator.core.sources import normalize
    from annotator.core.sources.rules import load_rules

    _empty_full((normalize._default_name_key, normalize._default_variants), WORDS)
    _empty_full((normalize._default_parse,), NAMES)
    memo = load_rules().memo
    if len(memo) > WORDS:
        memo.clear()
    if registry is not None and registry.remembered() > REGISTRY:
        registry.forget()
