"""The sixth round of the import's CPU (docs/benchmarks.md): an import
stamps each new article once instead of once per suggestion and link row
(storage/import_stamps.py), and its registry answers most names it has
never seen without asking the database (storage/source_cache.py).

What a user relies on stays: every article with suggestions has a stamp
after an import, later edits still renew stamps, the project's schema is
the same after the import, and a killed or failed import changes nothing,
its schema included."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.importer import InputError, import_paths
from annotator.core.project import Project
from annotator.core.sources.registry import new_source
from annotator.core.storage import source_cache
from annotator.core.storage import sources as stored
from annotator.core.storage.source_cache import ImportRegistry
from tests.test_parallel_import import table, write_corpus


def schema(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())


def stamps(db: Path) -> dict[str, bytes]:
    return dict(table(db, "article_stamps"))


def highlighted_project(tmp_path: Path, copies: int = 2, workers: int = 0) -> Path:
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        import_paths(project, [write_corpus(tmp_path / "feed.jsonl", copies=copies)],
                     highlighter=load_highlighter("blank"), workers=workers)
    return db


def fresh_schema(tmp_path: Path) -> list[tuple]:
    with Project.open(tmp_path / "empty.sqlite"):
        pass
    return schema(tmp_path / "empty.sqlite")


def test_after_an_import_every_article_with_suggestions_has_a_stamp_and_the_schema_is_whole(tmp_path):
    db = highlighted_project(tmp_path)
    with sqlite3.connect(db) as conn:
        suggested = {r[0] for r in conn.execute("SELECT DISTINCT article_id FROM suggestions")}
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert suggested and set(stamps(db)) == suggested  # exactly the articles the triggers stamped
    assert articles >= suggested
    assert schema(db) == fresh_schema(tmp_path)  # the triggers are back, as the migrations made them


def test_edits_after_an_import_still_renew_the_stamp(tmp_path):
    db = highlighted_project(tmp_path)
    before = stamps(db)
    with sqlite3.connect(db) as conn:  # what the insert triggers do for any later writer
        article_id = conn.execute("SELECT article_id FROM suggestions ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO suggestions (article_id, start, \"end\", attribution, hedged, score, pipeline, "
                     "pipeline_version, created_at) SELECT article_id, start + 1, \"end\", attribution, hedged, "
                     "score, pipeline, pipeline_version, created_at FROM suggestions WHERE article_id = ? "
                     "ORDER BY id LIMIT 1", [article_id])
    after_suggestion = stamps(db)
    assert after_suggestion[article_id] != before[article_id]
    with sqlite3.connect(db) as conn:
        linked = conn.execute("SELECT id, article_id FROM suggestions WHERE id NOT IN "
                              "(SELECT suggestion_id FROM suggestion_sources) LIMIT 1").fetchone()
        conn.execute("INSERT INTO suggestion_sources (suggestion_id, article_id, source_id, confidence, reason) "
                     "VALUES (?, ?, NULL, 0.5, 'test')", linked)
    assert stamps(db)[linked[1]] != after_suggestion[linked[1]]


def test_a_second_import_stamps_only_its_new_articles(tmp_path):
    db = highlighted_project(tmp_path, copies=1)
    before = stamps(db)
    with Project.open(db) as project:
        import_paths(project, [write_corpus(tmp_path / "more.jsonl", copies=2)],
                     highlighter=load_highlighter("blank"), workers=0)
    after = stamps(db)
    assert {k: after[k] for k in before} == before  # the first copy's articles were already there
    assert len(after) > len(before)


def test_a_failed_import_leaves_the_schema_and_stamps_as_they_were(tmp_path):
    db = highlighted_project(tmp_path, copies=1)
    before = (schema(db), stamps(db), table(db, "suggestions"))
    feed = write_corpus(tmp_path / "bad.jsonl", copies=3)
    with feed.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    with Project.open(db) as project, pytest.raises(InputError):
        import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=0, batch_size=4)
    assert (schema(db), stamps(db), table(db, "suggestions")) == before


def test_a_caller_that_commits_after_a_failed_import_keeps_the_triggers(tmp_path):
    db = highlighted_project(tmp_path, copies=1)
    expected = schema(db)
    feed = write_corpus(tmp_path / "bad.jsonl", copies=3)
    with feed.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    with Project.open(db) as project:
        with project.transaction():  # the caller's transaction: the import joins it
            with pytest.raises(InputError):
                import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=0, batch_size=4)
    assert schema(db) == expected


STAMPED_THEN_KILLED = """
import sys, time
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.storage import import_stamps

first = import_stamps.ImportStamps.stamp

def stamp(self, article_ids):
    first(self, article_ids)
    print("STAMPED", flush=True)  # rows written, the triggers dropped: now kill
    time.sleep(120)

import_stamps.ImportStamps.stamp = stamp

if __name__ == "__main__":
    with Project.open(sys.argv[1]) as project:
        import_paths(project, [sys.argv[2]], highlighter=load_highlighter("blank"), workers=0)
"""


def test_an_import_killed_while_the_triggers_are_dropped_changes_nothing(tmp_path):
    db = highlighted_project(tmp_path, copies=1)
    before = {name: table(db, name) for name in ("articles", "suggestions", "suggestion_sources",
                                                  "article_stamps")}
    before_schema = schema(db)
    script = tmp_path / "killed.py"
    script.write_text(STAMPED_THEN_KILLED, encoding="utf-8")
    feed = write_corpus(tmp_path / "more.jsonl", copies=4)
    process = subprocess.Popen([sys.executable, str(script), str(db), str(feed)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parent.parent)
    try:
        assert process.stdout.readline().strip() == "STAMPED", process.stderr.read()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert schema(db) == before_schema
    assert {name: table(db, name) for name in before} == before
    with Project.open(db) as project:  # and the next import stamps as before
        import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=0)
    assert schema(db) == before_schema


# -- the registry's bitmaps -------------------------------------------------------------


def answers(registry, names: list[str], keys: list[str]) -> tuple:
    return ([[s.id for s in registry.find(n)] for n in names],
            [[s.id for s in registry.lookup(k)] for k in keys])


def test_the_registry_answers_misses_from_its_bitmaps_as_the_database_would(project, monkeypatch):
    from annotator.core.sources import actions

    monkeypatch.setattr(source_cache, "MISSES_BEFORE_BITMAP", 2)
    actions.create(project, "Wolodymyr Selenskyj", created_by="anna", aliases=["Selenski"])
    with project.transaction():
        cached, plain = ImportRegistry(project.db), stored.StoredRegistry(project.db)
        names = ["Wolodymyr Selenskyj", "selenski", "Olaf Scholz", "Scholz", "Kanzler Scholz", "Friedrich Merz"]
        keys = sorted({k for n in names for k in plain.keys_of(new_source(n, created_by="x"))})
        assert answers(cached, names, keys) == answers(plain, names, keys)
        assert cached._keys is not None  # the misses built the bitmaps
        proposed = new_source("Olaf Scholz", created_by="@linker", aliases=["Kanzler Scholz"], confirmed=False)
        cached.add(proposed)
        cached.forget()  # answers come from the database or the bitmaps again
        assert answers(cached, names, keys) == answers(plain, names, keys)
        assert [s.id for s in cached.find("kanzler scholz")] == [proposed.id]
        statements: list[str] = []
        project.db.conn.set_trace_callback(statements.append)
        unknown = [cached.lookup(f"name:unbekannt {n}") for n in range(50)]
        project.db.conn.set_trace_callback(None)
    assert unknown == [[]] * 50
    assert len(statements) < 10  # a clear bit asks nothing (a set one, rarely, still asks)


def test_an_import_links_the_same_with_and_without_the_bitmaps(tmp_path, monkeypatch):
    import annotator.core.database
    import tests.test_import_writer as writer
    from tests.test_parallel_import import FROZEN

    monkeypatch.setattr(annotator.core.database, "utc_now", lambda: FROZEN)
    feed = write_corpus(tmp_path / "feed.jsonl", copies=6)
    found = []
    for misses in (10**9, 1):
        monkeypatch.setattr(source_cache, "MISSES_BEFORE_BITMAP", misses)
        db = tmp_path / f"{misses}.sqlite"
        with Project.open(db) as project:
            import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=0)
        found.append(writer.snapshot(db))
    assert found[0] == found[1] and found[0]["links"]
    assert json.dumps(found[0], default=str)  # plain data
