"""A long import keeps its memory flat: the caches that fill with every new
word form or source name a corpus brings are bounded (the facts' word
caches in whoever highlights, the linker's parsed names and the import's
registry in the writer), and bounding them changes nothing the import stores."""

from __future__ import annotations

import dataclasses
import json

import pytest

from annotator.core.corroboration import nations, scan, words
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths, read_articles
from annotator.core.input_checks import InputError
from annotator.core.project import Project
from annotator.core.sources import normalize
from annotator.core.sources.registry import Source
from annotator.core.storage import source_cache
from tests.test_import_writer import snapshot
from tests.test_parallel_import import frozen_clock, write_corpus  # noqa: F401  (fixture)


def test_the_facts_word_caches_keep_the_recent_words_up_to_their_bound():
    for cached in (words.stem, words.word_entry, scan._word, nations.nation_of_word):
        assert cached.cache_info().maxsize == words.WORD_CACHE <= 50_000
    for cached in (normalize._default_parse, normalize._default_name_key, normalize._default_variants):
        assert cached.cache_info().maxsize == normalize.NAME_WORDS <= 1 << 14
    assert normalize.MEMO_WORDS <= 50_000


def test_the_import_registry_forgets_everything_past_its_bound_and_answers_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(source_cache, "REMEMBERED", 4)
    with Project.open(tmp_path / "p.sqlite") as project:
        registry = source_cache.ImportRegistry(project.db)
        source = Source(id="s1", name="Max Mustermann", created_at="2026-12-02T00:00:00+00:00")
        registry.add(source)
        first = [s.id for s in registry.lookup(next(iter(registry.keys_of(source))))]
        registry.find("Max Mustermann")
        assert registry.remembered() == 4  # the new id (no redirect), the key, the source, the name
        registry.lookup("name:niemand")  # a fifth answer: everything before is forgotten
        assert registry.remembered() == 1
        assert [s.id for s in registry.lookup(next(iter(registry.keys_of(source))))] == first == ["s1"]
        assert [s.id for s in registry.find("Max Mustermann")] == ["s1"]


@pytest.mark.usefixtures("frozen_clock")
def test_an_import_whose_registry_forgets_after_every_answer_stores_the_same(tmp_path, monkeypatch):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=12)
    highlighter = load_highlighter("blank")
    with Project.open(tmp_path / "kept.sqlite") as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0)
    monkeypatch.setattr(source_cache, "REMEMBERED", 1)
    with Project.open(tmp_path / "forgetful.sqlite") as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0)
    assert snapshot(tmp_path / "forgetful.sqlite") == snapshot(tmp_path / "kept.sqlite")


def test_the_remembered_content_ids_are_bounded_by_characters(monkeypatch):
    from annotator.core.storage import articles
    from annotator.core.textnorm import article_id

    monkeypatch.setattr(articles, "_RECENT_CHARS", 10)
    articles._RECENT_IDS.clear()
    monkeypatch.setattr(articles, "_recent_chars", 0)
    assert articles.content_id("eins zwei") == article_id("eins zwei")
    assert list(articles._RECENT_IDS) == ["eins zwei"]
    assert articles.content_id("drei vier") == article_id("drei vier")  # 18 characters: the first is dropped
    assert list(articles._RECENT_IDS) == ["drei vier"]
    assert articles.content_id("a much longer text") == article_id("a much longer text")  # never kept
    assert articles._RECENT_IDS == {}


@pytest.mark.usefixtures("frozen_clock")
def test_an_import_whose_workers_are_renewed_every_few_jobs_stores_the_same_and_leaves_none(tmp_path, monkeypatch):
    """The worker pool is renewed after RENEW_AFTER articles (a long import's
    workers gain memory in spaCy's tables that nothing can shrink); with a
    renewal every 32 articles (two batches) the import stores what a serial
    one does, and no worker outlives it."""
    import os

    from annotator.core import parallel_highlight
    from tests.test_parallel_import import descendants, imported, table

    feed = write_corpus(tmp_path / "feed.jsonl", copies=30)
    serial = imported(tmp_path, "serial", feed, workers=0)
    monkeypatch.setattr(parallel_highlight, "RENEW_AFTER", 32)
    pools = []
    start = parallel_highlight._Pool._start
    monkeypatch.setattr(parallel_highlight._Pool, "_start", lambda self: pools.append(start(self)) or pools[-1])
    renewed = imported(tmp_path, "renewed", feed, workers=2, batch_size=16)
    assert len(pools) >= 3  # renewed at least twice
    assert table(renewed, "suggestions") == table(serial, "suggestions")
    assert snapshot(renewed) == snapshot(serial)  # links and facts too (sources by name: their ids are random)
    assert not [pid for pid in descendants(os.getpid())  # spawned, or forked from the forkserver
                if b"spawn_main" in _cmdline(pid) or b"multiprocessing.forkserver" in _cmdline(pid)]


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def test_an_id_given_to_another_text_is_refused_also_long_after_it_was_read(tmp_path, monkeypatch):
    from annotator.core import input_ids

    monkeypatch.setattr(input_ids, "RECENT", 3)  # ids folded into the compact arrays after every 3
    lines = [json.dumps({"id": f"a{n}", "text": f"Text Nummer {n}."}) for n in range(10)]
    lines.append(json.dumps({"id": "a1", "text": "Text Nummer 1."}))  # the same text again: a duplicate
    lines.append(json.dumps({"id": "a2", "text": "Ein anderer Text."}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([feed]))
    errors = [item for item in items if isinstance(item, InputError)]
    assert [(e.line, "'a2' was already given to a different text" in str(e)) for e in errors] == [(12, True)]


def test_the_ids_of_a_file_cost_a_few_dozen_bytes_each():
    import tracemalloc

    from annotator.core.input_ids import TextsById

    tracemalloc.start()
    ids = TextsById()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(50_000):
        ids.first(f"news-{n}", n)
    per_id = (tracemalloc.get_traced_memory()[0] - before) / 50_000
    tracemalloc.stop()
    assert len(ids) == 50_000 and ids.first("news-7", 0) == 7 and ids.first("news-49999", 0) == 49_999
    assert per_id < 40  # a dict of the id strings: ~140


def test_the_highlighters_noun_kind_memory_starts_again_at_its_bound(monkeypatch):
    """Every word the source rules ask about was remembered: 255,000 words
    after 100,000 fresh articles. Past its bound the memory starts again,
    and a word asked again gets the same answer."""
    from annotator.core.highlight import lexicons as lexicon_module

    monkeypatch.setattr(lexicon_module, "NOUN_KINDS_KEPT", 100)
    lexicons = dataclasses.replace(lexicon_module.load_lexicons())  # a copy: its own, empty memory
    first = lexicons.source_noun_kind("regierungssprecher")
    for n in range(1_000):
        lexicons.source_noun_kind(f"neuwort{n}")
        assert len(lexicons._noun_kinds) <= 100
    assert lexicons.source_noun_kind("regierungssprecher") == first == "role"
