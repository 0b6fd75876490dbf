"""An import with highlighting writes a batch's suggestions, their source
links and their claims' facts in one pass per batch (core/new_suggestions.py),
the facts parsed by the workers. The project it gives is the one the
article-by-article path gives: importing first, then highlighting each
article (``highlight_project``, which replaces suggestions one article at a
time and reads everything back)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.importer import highlight_project, import_paths
from annotator.core.project import Project
from tests.test_parallel_import import frozen_clock, write_corpus  # noqa: F401  (fixture)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def snapshot(db: Path) -> dict:
    """What the two paths must agree on, with the registry's random ids
    replaced by the sources' names."""
    names = dict(rows(db, "SELECT id, name FROM sources"))

    def named(value):
        return names.get(value, value)

    facts = []
    for key, article_id, keys, raw in rows(db, "SELECT claim_key, article_id, keys, facts FROM claim_facts "
                                               "ORDER BY id"):
        parsed = json.loads(raw)
        parsed[5] = named(parsed[5])  # the source entity
        facts.append((key, article_id, keys, parsed))
    return {
        "suggestions": rows(db, "SELECT * FROM suggestions ORDER BY id"),
        "links": [(sid, aid, named(source), conf, reason) for sid, aid, source, conf, reason in rows(
            db, "SELECT suggestion_id, article_id, source_id, confidence, reason FROM suggestion_sources "
                "ORDER BY suggestion_id")],
        "sources": sorted(rows(db, "SELECT name, source_type, note, confirmed FROM sources")),
        "aliases": sorted((named(s), alias) for s, alias in rows(db, "SELECT source_id, alias FROM source_aliases")),
        "keys": sorted((key, named(s)) for key, s in rows(db, "SELECT key, source_id FROM source_keys")),
        "facts": facts,
        "key_counts": rows(db, "SELECT key, claims FROM claim_key_counts ORDER BY key"),
    }


@pytest.mark.usefixtures("frozen_clock")
@pytest.mark.parametrize("workers", [0, 2])
def test_an_import_links_and_indexes_exactly_as_highlighting_article_by_article(tmp_path, workers):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=12)
    highlighter = load_highlighter("blank")
    at_once, one_by_one = tmp_path / "import.sqlite", tmp_path / "later.sqlite"
    with Project.open(at_once) as project:
        import_paths(project, [feed], highlighter=highlighter, workers=workers)
    with Project.open(one_by_one) as project:
        import_paths(project, [feed])
        highlight_project(project, highlighter)
    expected = snapshot(one_by_one)
    assert len(expected["suggestions"]) > 60 and expected["links"] and expected["facts"]
    assert snapshot(at_once) == expected


@pytest.mark.usefixtures("frozen_clock")
def test_facts_the_worker_could_not_prepare_are_written_the_same(tmp_path, monkeypatch):
    """A worker sends each claim's index row ready but for the ids
    (``PreparedFacts``); whole ``ClaimFacts`` (a caller that parsed them
    itself) are finished by the writer, with the same rows."""
    from annotator.core import new_suggestions
    from annotator.core.corroboration.facts import describe_claim

    def whole_facts(text, claims, published):
        return [describe_claim("", "", text[c.start:c.end], published=published,
                               source=text[c.source.start:c.source.end] if c.source is not None else None)
                for c in claims]

    feed = write_corpus(tmp_path / "feed.jsonl", copies=3)
    highlighter = load_highlighter("blank")
    prepared, whole = tmp_path / "prepared.sqlite", tmp_path / "whole.sqlite"
    with Project.open(prepared) as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0)
    monkeypatch.setattr(new_suggestions, "claim_facts", whole_facts)
    with Project.open(whole) as project:
        import_paths(project, [feed], highlighter=highlighter, workers=0)
    assert snapshot(whole) == snapshot(prepared)
    assert snapshot(whole)["facts"]


def test_a_batch_numbers_its_suggestions_as_the_database_would(tmp_path):
    """The batch insert gives the ids itself (nothing read back): the same
    ids and rows as inserting article by article, the first of two claims
    with the same span kept."""
    from annotator.core.models import ClaimSuggestion, NewArticle
    from annotator.core.storage import suggestions as stored

    claims = [[ClaimSuggestion(20, 30), ClaimSuggestion(0, 10, score=0.5), ClaimSuggestion(0, 10, score=0.9)],
              [], [ClaimSuggestion(5, 9), ClaimSuggestion(1, 3)]]
    found = {}
    for name in ("batch", "single"):
        with Project.open(tmp_path / f"{name}.sqlite") as project, project.transaction():
            ids = [project.insert_article(NewArticle(text=f"Artikel {n}: " + "Wort " * 20), "now")[0]
                   for n in range(4)]
            project.replace_suggestions(ids[0], [ClaimSuggestion(2, 4)], "p", "1")  # an earlier row
            if name == "batch":
                numbered = stored.insert_new(project.db, list(zip(ids[1:], claims)), "p", "1", "t")
                assert numbered[ids[1]] == [(0, 10, 3), (20, 30, 2)]
            else:
                for article_id, these in zip(ids[1:], claims):
                    stored.replace(project.db, article_id, these, "p", "1", "t")
            found[name] = project.db.execute("SELECT * FROM suggestions WHERE created_at = 't' "
                                             "ORDER BY id").fetchall()
    assert found["batch"] == found["single"] and len(found["batch"]) == 4


def test_the_ids_json_the_writer_puts_in_front_is_what_json_dumps_writes():
    import json

    from annotator.core.corroboration.facts import PreparedFacts

    for fields in (("s:1", "ab12", 'Der "Präsident"\n\u2028\\', None, "2024-01-01", None),
                   ("", "", None, None, None, None), ("s:2", "cd", "ß\x01", "Die Zeit", "gestern", "9f-3")):
        facts = PreparedFacts(*fields, keys="", tail="[[],[],[],[]]")
        assert facts.to_json() == json.dumps([*fields, [], [], [], []], ensure_ascii=False, separators=(",", ":"))
