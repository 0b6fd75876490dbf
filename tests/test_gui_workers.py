"""Long jobs run in a worker thread with progress and Cancel; the window
stays responsive and closes cleanly."""

from __future__ import annotations

import threading
import time

import pytest

from annotator.core.importer import ImportCancelled, InputError
from annotator.core.models import NewArticle
from annotator.core.project import Project
from annotator.gui import jobs
from annotator.gui.workers import Job, run_job


def test_a_job_gets_its_own_project_connection_in_another_thread(qtbot, tmp_path):
    db = tmp_path / "p.sqlite"
    Project.open(db).close()
    seen = {}

    def count(project, on_progress, should_cancel):
        seen["thread"] = threading.get_ident()
        project.add_article(NewArticle(text="Ein Text."))
        on_progress(1, 1)
        return project.count_articles()

    results, progress = [], []
    job = run_job(None, "Count", count, db_path=db, on_success=results.append,
                  on_progress=lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(job.isFinished, timeout=5000)  # it may finish before we look
    qtbot.waitUntil(lambda: results == [1])
    assert seen["thread"] != threading.get_ident()
    assert progress == [(1, 1)]


def test_cancel_stops_the_job_and_reports_cancelled(qtbot):
    started = threading.Event()

    def forever(on_progress, should_cancel):
        started.set()
        while not should_cancel():
            time.sleep(0.01)
        raise ImportCancelled()

    outcome = []
    job = run_job(None, "Forever", forever, on_cancel=lambda: outcome.append("cancelled"),
                  on_error=lambda e: outcome.append(e))
    started.wait(5)
    job.dialog.canceled.emit()  # the Cancel button
    qtbot.waitUntil(job.isFinished, timeout=5000)  # it may finish before we look
    qtbot.waitUntil(lambda: outcome == ["cancelled"])


def test_errors_reach_the_ui_thread(qtbot):
    def broken(on_progress, should_cancel):
        raise InputError("feed.jsonl", 7, "not valid JSON")

    errors = []
    job = run_job(None, "Import", broken, on_error=errors.append)
    qtbot.waitUntil(job.isFinished, timeout=5000)  # it may finish before we look
    qtbot.waitUntil(lambda: len(errors) == 1)
    from annotator.gui.errors import explain

    happened, todo = explain(errors[0])
    assert "feed.jsonl, line 7" in happened and "not changed" in todo


def test_importing_from_the_window_adds_articles_and_refreshes(window, qtbot, tmp_path,
                                                                monkeypatch):
    monkeypatch.setattr(jobs, "load_highlighter", lambda: None)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Der Sprecher sagte, alles sei ruhig.", "title": "Neu"}\n',
                    encoding="utf-8")
    before = window.article_model.rowCount()
    job = window.import_files([feed])
    qtbot.waitUntil(job.isFinished, timeout=10000)  # it may finish before we look
    qtbot.waitUntil(lambda: window.article_model.rowCount() == before + 1)
    assert "Imported 1 articles" in window.statusBar().currentMessage()


def test_a_bad_import_file_is_reported_with_file_and_line(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(jobs, "load_highlighter", lambda: None)
    feed = tmp_path / "bad.jsonl"
    feed.write_text('{"text": "Gut."}\n{"text": \n', encoding="utf-8")
    before = window.article_model.rowCount()
    job = window.import_files([feed])
    qtbot.waitUntil(job.isFinished, timeout=10000)  # it may finish before we look
    qtbot.waitUntil(lambda: len(window.shown_errors) == 1)
    action, error = window.shown_errors[0]
    assert action == "Import" and error.line == 2 and str(feed) in str(error)
    assert window.article_model.rowCount() == before  # nothing imported


def test_closing_the_window_cancels_and_waits_for_running_jobs(window, qtbot):
    started = threading.Event()

    def slow(project, on_progress, should_cancel):
        started.set()
        while not should_cancel():
            time.sleep(0.01)
        raise ImportCancelled()

    job: Job = window.run_job("Slow", slow)
    assert started.wait(5)
    window.close()
    assert job.isFinished() and job.cancel_requested


@pytest.mark.parametrize("fn_name", ["import_job", "rehighlight_job"])
def test_job_factories_take_the_worker_callbacks(fn_name, tmp_path, monkeypatch, seed_paths):
    class Fake:
        name, version = "fake", "0"

        def pipe(self, texts, batch_size=64):
            for _ in texts:
                yield []

    monkeypatch.setattr(jobs, "load_highlighter", lambda: Fake())
    with Project.open(tmp_path / "j.sqlite") as project:
        if fn_name == "import_job":
            summary = jobs.import_job(seed_paths)(project, lambda d, t: None, lambda: False).result
            assert summary.imported == len(seed_paths) and summary.highlighted == len(seed_paths)
        else:
            project.add_article(NewArticle(text="Ein Text."))
            assert jobs.rehighlight_job()(project, lambda d, t: None, lambda: False).result == 1
