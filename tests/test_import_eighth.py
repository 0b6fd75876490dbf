"""The eighth round of the import's CPU (docs/benchmarks.md): an import
writes its claims' rows into the related-claims index batch by batch and
indexes their keys once at its end (storage/import_index.py), and its
workers import spaCy without spaCy's command line (core/worker_spacy.py).

What a user relies on stays: after an import, large or small against the
claims already there, related claims are found through exactly the keys
and counts that indexing claim by claim gives; a failed import leaves the
index as it was; a caller who commits what a failed import wrote gets an
index that is whole; and a worker highlights exactly as before."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.importer import InputError, highlight_project, import_paths
from annotator.core.project import Project
from annotator.core.storage import import_index
from tests.test_import_writer import snapshot
from tests.test_parallel_import import frozen_clock, write_corpus  # noqa: F401  (fixture)


def index_state(db: Path) -> dict:
    """The index as a lookup sees it: each key's count and the claims its
    FTS search finds, and whether FTS5 finds itself whole."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO claim_keys (claim_keys) VALUES ('integrity-check')")  # raises if not whole
        counts = dict(conn.execute("SELECT key, claims FROM claim_key_counts WHERE claims > 0"))
        matches = {key: [r[0] for r in conn.execute(
            "SELECT claim_key FROM claim_facts WHERE id IN "
            "(SELECT rowid FROM claim_keys WHERE claim_keys MATCH ?) ORDER BY claim_key", ('"' + key + '"',))]
            for key in counts}
        return {"counts": counts, "matches": matches,
                "rows": conn.execute("SELECT id, claim_key, keys FROM claim_facts ORDER BY id").fetchall()}


def one_by_one(tmp_path: Path, feeds: list[Path]) -> Path:
    """The same articles imported plainly, then highlighted article by article."""
    db = tmp_path / "one_by_one.sqlite"
    with Project.open(db) as project:
        for feed in feeds:
            import_paths(project, [feed])
        highlight_project(project, load_highlighter("blank"))
    return db


@pytest.mark.usefixtures("frozen_clock")
def test_a_first_import_indexes_its_claims_as_claim_by_claim_indexing_does(tmp_path):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=6)
    db = tmp_path / "import.sqlite"
    with Project.open(db) as project:
        import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=0, batch_size=8)
    expected = index_state(one_by_one(tmp_path, [feed]))
    assert len(expected["counts"]) > 100
    assert index_state(db) == expected


@pytest.mark.usefixtures("frozen_clock")
def test_a_small_import_into_a_large_index_adds_its_keys_to_the_counts_there(tmp_path, monkeypatch):
    big, small = write_corpus(tmp_path / "big.jsonl", copies=6), tmp_path / "small.jsonl"
    small.write_text(big.read_text(encoding="utf-8").replace("Meldung ", "Nachricht ").splitlines(True)[0],
                     encoding="utf-8")
    db = tmp_path / "import.sqlite"
    chosen = []
    monkeypatch.setattr(import_index.store, "index_from",
                        lambda *args, _real=import_index.store.index_from: chosen.append("rows") or _real(*args))
    monkeypatch.setattr(import_index.store, "rebuild_keys",
                        lambda *args, _real=import_index.store.rebuild_keys: chosen.append("all") or _real(*args))
    with Project.open(db) as project:
        import_paths(project, [big], highlighter=load_highlighter("blank"), workers=0)
        import_paths(project, [small], highlighter=load_highlighter("blank"), workers=0)
    assert chosen == ["all", "rows"]  # the first import rebuilt the keys, the small one added its own
    expected = one_by_one(tmp_path, [big, small])
    assert index_state(db) == index_state(expected)
    assert snapshot(db)["key_counts"] == snapshot(expected)["key_counts"]


def bad_feed(tmp_path: Path) -> Path:
    feed = write_corpus(tmp_path / "bad.jsonl", copies=3)
    with feed.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    return feed


def test_a_failed_import_leaves_the_index_as_it_was(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        import_paths(project, [write_corpus(tmp_path / "feed.jsonl", copies=1)],
                     highlighter=load_highlighter("blank"), workers=0)
    before = index_state(db)
    with Project.open(db) as project, pytest.raises(InputError):
        import_paths(project, [bad_feed(tmp_path)], highlighter=load_highlighter("blank"), workers=0, batch_size=4)
    assert index_state(db) == before


def test_a_caller_that_commits_after_a_failed_import_gets_a_whole_index(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        with project.transaction():  # the caller's transaction: the import joins it
            with pytest.raises(InputError):
                import_paths(project, [bad_feed(tmp_path)], highlighter=load_highlighter("blank"), workers=0,
                             batch_size=4)
    state = index_state(db)  # FTS5's integrity check passes
    assert state["rows"], "the batches before the bad line were committed by the caller"
    with sqlite3.connect(db) as conn:
        vocabulary = dict(conn.execute("SELECT term, doc FROM claim_keys_vocab"))
    keys = {key for _, _, keys in state["rows"] for key in keys.split()}
    assert set(state["counts"]) == keys and state["counts"] == vocabulary
    assert all(state["matches"][key] for key in keys)


WORKER = """
import json, sys
from annotator.core.worker_spacy import import_spacy
import_spacy()
import spacy
without_cli = "spacy.cli" not in sys.modules
from annotator.core.highlight import load_highlighter
from annotator.core.parallel_highlight import pack_claims
claims = [pack_claims(found) for found in load_highlighter("blank").pipe(json.loads(sys.argv[1]))]
info = spacy.info()  # spaCy's own, its command line imported now
print(json.dumps({"without_cli": without_cli, "claims": claims, "info": sorted(info),
                  "cli_now": "spacy.cli" in sys.modules}))
"""


def run_python(code: str, *args: str, path: list[str] | None = None) -> str:
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*(path or []), root])}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def test_a_worker_without_spacys_command_line_highlights_as_this_process_does():
    from annotator.core.parallel_highlight import pack_claims

    texts = ["Der Sprecher sagte, die Lage sei ernst.",
             "Laut Regierung sollen 12.000 Soldaten verlegt worden sein, teilte das Ministerium mit."]
    expected = [json.loads(json.dumps(pack_claims(found))) for found in load_highlighter("blank").pipe(texts)]
    worker = json.loads(run_python(WORKER, json.dumps(texts)))
    assert worker["without_cli"] and worker["claims"] == expected and expected[1]
    assert "spacy_version" in worker["info"] and worker["cli_now"]


def test_a_spacy_that_needs_more_of_its_command_line_is_imported_as_usual(tmp_path):
    package = tmp_path / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("from .cli.info import info, more\n", encoding="utf-8")
    (package / "cli" / "__init__.py").write_text("", encoding="utf-8")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\nmore = 1\n", encoding="utf-8")
    code = ("from annotator.core.worker_spacy import import_spacy\nimport_spacy()\nimport spacy\n"
            "print(spacy.info(), spacy.more)")
    assert run_python(code, path=[str(tmp_path)]).split() == ["real", "1"]


def collector() -> tuple:
    import gc

    return gc.get_threshold(), gc.get_freeze_count()


def test_an_import_gives_the_garbage_collector_back_as_it_found_it(tmp_path):
    before = collector()
    with Project.open(tmp_path / "p.sqlite") as project:
        import_paths(project, [write_corpus(tmp_path / "feed.jsonl", copies=1)],
                     highlighter=load_highlighter("blank"), workers=0)
        assert collector() == before
        with pytest.raises(InputError):
            import_paths(project, [bad_feed(tmp_path)], highlighter=load_highlighter("blank"), workers=0)
    assert collector() == before


def test_two_imports_at_once_keep_the_collector_tuned_until_the_last_ends():
    from annotator.core.import_gc import YOUNG_AFTER, ImportCollection

    before = collector()
    first = ImportCollection()
    second = ImportCollection()
    first.end()
    first.end()  # ending twice counts once
    assert collector()[0][0] == YOUNG_AFTER
    second.end()
    assert collector() == before


def test_a_worker_keeps_what_it_loaded_out_of_the_collectors_way():
    code = ("import gc\nfrom annotator.core.import_gc import settle_worker, YOUNG_AFTER\n"
            "import json\nsettle_worker()\n"
            "print(gc.get_freeze_count() > 1000, gc.get_threshold()[0] == YOUNG_AFTER)")
    assert run_python(code).split() == ["True", "True"]
