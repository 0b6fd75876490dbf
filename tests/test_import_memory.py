"""A long import keeps its memory flat: the word caches that the claims'
facts and the source linker fill with every new word form are emptied when
they pass their bound (core/import_caches.py), and the import's registry
forgets what it read. Emptying them changes nothing the import stores."""

from __future__ import annotations

import pytest

from annotator.core import import_caches
from annotator.core.corroboration import words
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.sources import normalize
from tests.test_import_writer import snapshot
from tests.test_parallel_import import frozen_clock, write_corpus  # noqa: F401  (fixture)


def test_a_word_cache_past_its_bound_is_emptied(monkeypatch):
    monkeypatch.setattr(import_caches, "WORDS", 3)
    words.stem.cache_clear()
    for word in ("Regierung", "Sprecher", "Ministerium"):
        words.stem(word)
    import_caches.bound_fact_caches()
    assert words.stem.cache_info().currsize == 3  # at the bound: kept
    words.stem("Polizei")
    import_caches.bound_fact_caches()
    assert words.stem.cache_info().currsize == 0


def test_the_linkers_caches_and_the_registry_are_bounded_too(tmp_path, monkeypatch):
    from annotator.core.storage.source_cache import ImportRegistry

    monkeypatch.setattr(import_caches, "NAMES", 1)
    monkeypatch.setattr(import_caches, "REGISTRY", 1)
    normalize.parse("Innenminister Max Mustermann")
    normalize.parse("ein Sprecher der Polizei")
    with Project.open(tmp_path / "p.sqlite") as project:
        registry = ImportRegistry(project.db)
        registry.lookup("name:mustermann")
        registry.find("Max Mustermann")
        assert registry.remembered() == 2
        import_caches.bound_source_caches(registry)
        assert registry.remembered() == 0
    assert normalize._default_parse.cache_info().currsize == 0


@pytest.mark.usefixtures("frozen_clock")
def test_an_import_whose_caches_are_emptied_after_every_batch_stores_the_same(tmp_path, monkeypatch):
    """In one process, so that the bounds set here hold where the facts are
    parsed too (spawned workers run the same functions with the real bounds)."""
    feed = write_corpus(tmp_path / "feed.jsonl", copies=12)
    highlighter = load_highlighter("blank")
    with Project.open(tmp_path / "kept.sqlite") as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0, batch_size=16)
    for name in ("WORDS", "NAMES", "REGISTRY"):
        monkeypatch.setattr(import_caches, name, 0)
    with Project.open(tmp_path / "emptied.sqlite") as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0, batch_size=16)
    assert snapshot(tmp_path / "emptied.sqlite") == snapshot(tmp_path / "kept.sqlite")


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
