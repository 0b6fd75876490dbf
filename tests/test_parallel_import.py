"""A team imports a day's corpus with pre-highlighting on every core: the
project is the same as a one-process import gives, a killed import leaves
the project as it was with no worker left running, and the first export
after it reuses the highlighter's tokens instead of tokenizing again."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

import annotator.core.database
from annotator.core.export import ExportOptions, export_project
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.resources import resource_path

FROZEN = "2026-12-01T12:00:00Z"


def write_corpus(path: Path, copies: int) -> Path:
    """The demo articles, ``copies`` times, each copy a distinct article."""
    demo = [json.loads(line) for line in
            resource_path("demo", "demo-articles.jsonl").read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for record in demo:
                text = f"Meldung {n}: {record['text']}"
                out.write(json.dumps({**record, "id": f"{record['id']}-{n}", "text": text},
                                     ensure_ascii=False) + "\n")
    return path


def table(db: Path, name: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()  # noqa: S608 (test's own name)


@pytest.fixture
def frozen_clock(monkeypatch):
    """One clock for both imports, so that rows can be compared byte for byte."""
    monkeypatch.setattr(annotator.core.database, "utc_now", lambda: FROZEN)


def imported(tmp_path: Path, name: str, feed: Path, **how) -> Path:
    db = tmp_path / f"{name}.sqlite"
    with Project.open(db) as project:
        summary = import_paths(project, [feed], highlighter=load_highlighter("blank"), **how)
    assert summary.imported == summary.highlighted > 0
    return db


def test_a_parallel_import_stores_exactly_what_a_serial_one_does(tmp_path, frozen_clock):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=30)
    serial = imported(tmp_path, "serial", feed, workers=0)
    parallel = imported(tmp_path, "parallel", feed, workers=2)
    assert table(parallel, "articles") == table(serial, "articles")
    suggestions = table(serial, "suggestions")
    assert len(suggestions) > 150
    assert table(parallel, "suggestions") == suggestions


class Rescoring:
    """A highlighter wrapping the real one, as the learned re-scorer does."""

    def __init__(self):
        self.highlighter = load_highlighter("blank")
        self.name, self.version = self.highlighter.name, self.highlighter.version + "+rescored"

    @property
    def nlp(self):
        return self.highlighter.nlp

    def pipe(self, texts, batch_size=64):
        for claims in self.highlighter.pipe(texts, batch_size=batch_size):
            yield [replace(claim, score=0.5) for claim in claims]


def test_a_wrapping_highlighter_is_used_through_its_own_pipe(tmp_path):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=2)
    with Project.open(tmp_path / "p.sqlite") as project:
        import_paths(project, [feed], highlighter=Rescoring(), workers=2)
        scores = {s.score for a in project.article_ids() for s in project.suggestions(a)}
    assert scores == {0.5}


def test_a_highlighter_that_cannot_travel_is_refused_for_dask_with_a_clear_reason():
    # e.g. a project's learned re-scorer: workers rebuild highlighters by name only
    from annotator.core.parallel_dask import DaskUnavailable
    from annotator.core.parallel_highlight import open_queue

    with pytest.raises(DaskUnavailable, match="learned"):
        open_queue(Rescoring(), with_tokens=False, workers=None, dask="local", input_bytes=0)


@pytest.mark.parametrize("workers", [0, 2])
def test_the_first_export_after_an_import_is_a_copy_of_lines_rendered_at_import(tmp_path, monkeypatch, workers):
    import annotator.core.export.line_export as line_export
    import annotator.core.export.token_cache as token_cache

    feed = write_corpus(tmp_path / "feed.jsonl", copies=4)
    db = imported(tmp_path, "p", feed, workers=workers)
    calls, renders = [], []
    real_tokenize, real_render = token_cache.tokenize, line_export.render_records
    monkeypatch.setattr(token_cache, "tokenize", lambda texts: calls.append(1) or real_tokenize(texts))
    monkeypatch.setattr(line_export, "render_records", lambda *a: renders.append(1) or real_render(*a))
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    with Project.open(db) as project:
        first = export_project(project, ExportOptions(layer="suggestions"), tmp_path / "a" / "s.jsonl")
        assert calls == [] and renders == [], "the first export neither tokenizes nor renders"
        assert first.reused == first.articles >= 20
        fresh = export_project(project, ExportOptions(layer="suggestions", token_cache=False, line_cache=False),
                               tmp_path / "b" / "s.jsonl")
    assert calls, "the fresh export did tokenize"
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in fresh.files]


def test_a_user_imports_and_exports_from_the_command_line_and_the_first_export_is_a_copy(tmp_path):
    """The CLI highlights with the project's pipeline (learned nothing yet):
    it must render the export lines at import as the core API does."""
    from click.testing import CliRunner

    from annotator.cli import main

    feed = write_corpus(tmp_path / "feed.jsonl", copies=2)
    db = tmp_path / "p.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "--create", "import", "-q", str(feed)]).exit_code == 0
    result = runner.invoke(main, ["--db", str(db), "export", "--format", "jsonl", "--layer", "suggestions",
                                  "-o", str(tmp_path / "s.jsonl")])
    assert result.exit_code == 0, result.output
    assert "unchanged articles copied from the export cache, 0 rendered" in result.output


def test_the_first_export_after_an_import_never_runs_the_tokenizer(tmp_path, monkeypatch):
    # the lines rendered at import gone (e.g. the cache folder cleared): the
    # export renders, with the import's tokens
    import annotator.core.export.token_cache as token_cache
    from annotator.core.export import line_cache

    feed = write_corpus(tmp_path / "feed.jsonl", copies=4)
    db = imported(tmp_path, "p", feed, workers=0)
    line_cache.clear()
    calls = []
    real_tokenize = token_cache.tokenize
    monkeypatch.setattr(token_cache, "tokenize", lambda texts: calls.append(1) or real_tokenize(texts))
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    with Project.open(db) as project:
        first = export_project(project, ExportOptions(layer="suggestions"), tmp_path / "a" / "s.jsonl")
        assert calls == [] and first.reused == 0
        fresh = export_project(project, ExportOptions(layer="suggestions", token_cache=False, line_cache=False),
                               tmp_path / "b" / "s.jsonl")
    assert calls, "the fresh export did tokenize"
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in fresh.files]


@pytest.mark.parametrize("text", [
    "Ein  Satz\tmit\n\nLeerraum.  ", " Vorne Leer", "Ende mit Leerzeichen ", "a\u00a0b  \u2009c", "x",
    "„Wir kommen“,sagte er:„Gut.“Dann   www.example.org/a?b=1 12,5 %.\r\n",
])
def test_token_offsets_alone_give_spacys_whitespace_flags(text):
    # the highlighter stores offsets only; the export derives "ws" from the gaps
    from annotator.core.export.tokens import spaces_of, tokens_of_doc
    from annotator.core.highlight import make_tokenizer_nlp

    doc = make_tokenizer_nlp(lean=True)(text)
    tokens = tokens_of_doc(doc)
    assert spaces_of(tokens.starts, tokens.ends, len(text)) == [bool(t.whitespace_) for t in doc]


KILLED_IMPORT = """
import sys
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths
from annotator.core.project import Project

calls = []

def started(done, total):
    calls.append(done)
    if len(calls) == 4:  # a few batches queued: both workers are running
        print("WRITING", flush=True)

if __name__ == "__main__":
    with Project.open(sys.argv[1]) as project:
        import_paths(project, [sys.argv[2]], highlighter=load_highlighter("blank"), workers=2,
                     on_progress=started)
"""


def descendants(pid: int) -> set[int]:
    """Processes below ``pid`` (Linux /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_a_killed_parallel_import_changes_nothing_and_leaves_no_worker(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        import_paths(project, [write_corpus(tmp_path / "first.jsonl", copies=1)])
    before = {name: table(db, name) for name in ("articles", "suggestions", "article_stamps")}
    feed = write_corpus(tmp_path / "feed.jsonl", copies=400)
    script = tmp_path / "import_script.py"
    script.write_text(KILLED_IMPORT, encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(script), str(db), str(feed)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "WRITING", process.stderr.read()
        workers = descendants(process.pid)
        assert len(workers) >= 2
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)]
    assert {name: table(db, name) for name in before} == before


def learned_import(db: Path, feed: Path, workers: int) -> list[tuple]:
    """A reviewed project learns, then imports ``feed`` with what it learned."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from learning_support import reviewed_project

    from annotator.core.learning.pipeline import LearnedPipeline
    from annotator.core.learning.project_learning import learn_from_project
    from annotator.core.learning.project_store import project_pipeline, save_learning
    from annotator.core.parallel_highlight import _Pool, open_queue

    with Project.open(db) as project:
        reviewed_project(project, 4)
        save_learning(project, learn_from_project(project))
        pipeline, warning = project_pipeline(project, "blank")
        assert warning is None and pipeline.model is not None and "+lexicon." in pipeline.version
        lexicon_only = LearnedPipeline(pipeline.highlighter, None, learned_cues=pipeline.learned_cues)
        for travelling in (pipeline, lexicon_only):
            queue = open_queue(travelling, with_tokens=False, workers=2, dask=None, input_bytes=0, project=project)
            assert isinstance(queue.runner, _Pool), "the learned pipeline travels to the workers"
            queue.close()
        import_paths(project, [feed], highlighter=pipeline, workers=workers)
        return project.db.execute(
            'SELECT article_id, start, "end", source_start, source_end, cue_start, cue_end, attribution, '
            "hedged, score, pipeline, pipeline_version FROM suggestions WHERE pipeline_version = ? "
            'ORDER BY article_id, start, "end"', [pipeline.version]).fetchall()


def test_a_project_with_a_learned_model_and_lexicon_highlights_on_every_core(tmp_path, frozen_clock):
    feed = write_corpus(tmp_path / "feed.jsonl", copies=6)
    serial = learned_import(tmp_path / "serial.sqlite", feed, workers=0)
    assert len(serial) > 40
    assert learned_import(tmp_path / "parallel.sqlite", feed, workers=2) == serial


@pytest.mark.skipif(not hasattr(os, "nice"), reason="os.nice (POSIX)")
def test_highlighting_workers_yield_the_cpu_to_the_window():
    from annotator.core.parallel_highlight import WORKER_NICE, process_pool, spec_of

    pool = process_pool(1, spec_of(load_highlighter("blank"), False))
    try:
        niceness = pool.submit(os.nice, 0).result(timeout=120)
    finally:
        pool.close()
    assert niceness == min(os.nice(0) + WORKER_NICE, 19)


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux's idle scheduling class")
def test_highlighting_workers_take_only_the_cpu_nobody_else_wants():
    """On Linux a worker runs in the idle class: the window's thread, waking
    for a key press or a switch, preempts it at once."""
    from annotator.core.parallel_highlight import process_pool, spec_of

    pool = process_pool(1, spec_of(load_highlighter("blank"), False))
    try:
        policy = pool.submit(os.sched_getscheduler, 0).result(timeout=120)
    finally:
        pool.close()
    assert policy == os.SCHED_IDLE


def test_claims_travel_back_from_a_worker_as_flat_tuples_and_arrive_equal():
    """A worker sends each claim as a tuple of plain values (cheaper to
    pickle than the dataclass with its Spans and Enum); the writer gets the
    very ClaimSuggestions the highlighter made."""
    import pickle

    from annotator.core.parallel_highlight import highlight_with, pack_claims, unpack_claims

    demo = [json.loads(line)["text"] for line in
            resource_path("demo", "demo-articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for claims, _, _ in highlight_with(load_highlighter("blank"), False, demo):
        packed = pickle.loads(pickle.dumps(pack_claims(claims)))
        assert unpack_claims(packed) == claims
        assert len(pickle.dumps(packed)) <= len(pickle.dumps(claims)) or not claims


def test_a_long_running_worker_forgets_the_new_words_of_each_batch_and_finds_the_same(monkeypatch):
    """Past ZONE_FROM_STRINGS, a batch's new word forms are dropped when it
    is done (memory stays flat on fresh news); the claims and tokens are
    those found without it."""
    from annotator.core import parallel_highlight

    demo = [json.loads(line)["text"] for line in
            resource_path("demo", "demo-articles.jsonl").read_text(encoding="utf-8").splitlines()]
    word = "Xylo" + uuid.uuid4().hex[:8]  # never met before by this process's spaCy
    fresh = [f"{text} Die {word}ik {n} ermöglichte {word}unge{n}." for n, text in enumerate(demo)]
    highlighter = load_highlighter("blank")
    parallel_highlight.highlight_with(highlighter, True, demo)
    monkeypatch.setattr(parallel_highlight, "ZONE_FROM_STRINGS", 0)
    strings = len(highlighter.nlp.vocab.strings)
    zoned = parallel_highlight.highlight_with(highlighter, True, fresh)
    assert len(highlighter.nlp.vocab.strings) == strings
    monkeypatch.setattr(parallel_highlight, "ZONE_FROM_STRINGS", 10**9)
    plain = parallel_highlight.highlight_with(highlighter, True, fresh)
    assert len(highlighter.nlp.vocab.strings) > strings  # without the zone, spaCy keeps them
    assert [(c, list(t.starts), list(t.ends)) for c, t, _ in zoned] == \
        [(c, list(t.starts), list(t.ends)) for c, t, _ in plain]
