"""The window's "Learn from reviewed articles" job: progress, Cancel, and the
re-highlight that uses what was learned."""

from __future__ import annotations

import threading

from gui_support import press
from learning_support import reviewed_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from annotator.core.highlight import load_highlighter
from annotator.core.learning import project_learning
from annotator.core.models import NewArticle
from annotator.core.project import Project
from annotator.core.storage import learned

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def reviewed_db(tmp_path, articles: int = 4):
    db = tmp_path / "learn.sqlite"
    with Project.open(db) as project:
        reviewed_project(project, articles)
    return db


def stored_models(db) -> int:
    with Project.open(db, create=False) as project:
        # a learning run stores two models: the re-scorer and the span corrector
        return learned.count_models(project.db) // 2


def test_a_lead_learns_from_the_window_and_rehighlights_with_it(open_window, settings, qtbot, tmp_path):
    db = reviewed_db(tmp_path)
    window = open_window(db, settings)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "Learned from" in window.statusBar().currentMessage(), timeout=20000)
    assert stored_models(db) == 1
    with Project.open(db, create=False) as project:  # an article nobody reviewed yet
        project.add_article(NewArticle(text="Der Sprecher sagte, die Grenze bleibe geschlossen."))
    window.activateWindow()  # the job's progress dialog had the focus
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "Re-highlighted 5 articles" in window.statusBar().currentMessage()
                    or bool(window.shown_errors), timeout=20000)
    assert window.shown_errors == []
    with Project.open(db, create=False) as project:
        versions = {s.pipeline_version for a in project.article_ids() for s in project.suggestions(a)}
    assert any("+rescorer-" in v for v in versions), versions


def test_cancelling_the_learn_job_stores_nothing(open_window, settings, qtbot, tmp_path, monkeypatch):
    db = reviewed_db(tmp_path, 2)
    started = threading.Event()
    real = project_learning.project_reviews

    def slow_reviews(project, annotator=None, on_progress=None, should_cancel=None):
        real(project, annotator, on_progress, None)  # the real reading, then a slow tail
        started.set()
        while not should_cancel():
            on_progress(1, 2)
            threading.Event().wait(0.01)
        raise project_learning.LearningCancelled()

    monkeypatch.setattr(project_learning, "project_reviews", slow_reviews)
    window = open_window(db, settings)
    job = window.learning.learn()
    assert started.wait(10)
    job.dialog.canceled.emit()  # the Cancel button
    qtbot.waitUntil(job.isFinished, timeout=10000)
    assert job.cancel_requested and window.shown_errors == []
    assert stored_models(db) == 0
    assert "Learned from" not in window.statusBar().currentMessage()


def test_learning_before_any_review_says_what_to_do(open_window, settings, qtbot, tmp_path):
    db = tmp_path / "fresh.sqlite"
    with Project.open(db) as project:
        reviewed_project(project, 1)
        for a in project.annotations():
            project.delete_annotation(a.id)
    window = open_window(db, settings)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "Nothing to learn from yet" in window.statusBar().currentMessage(), timeout=20000)
    assert stored_models(db) == 0


def test_the_claims_list_tooltip_says_why_a_suggestion_scored_as_it_did(qtbot, tmp_path):
    from learning_support import ARTICLE

    from annotator.core.importer import highlight_project
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.models import NewArticle
    from annotator.core.operations.learn import learn
    from annotator.core.review import ReviewSession
    from annotator.gui.claims_list import ClaimListModel

    db = reviewed_db(tmp_path)
    with Project.open(db) as project:
        learn(project)
        new_id, _ = project.add_article(NewArticle(text=ARTICLE.format(n=50), title="neu"))
        pipeline, warning = project_pipeline(project)
        assert warning is None
        highlight_project(project, pipeline, article_ids=[new_id])
        session = ReviewSession(project, "anna")
        session.open_article(new_id)
        model = ClaimListModel(session)
        model.follow(QApplication.palette())
        tips = [model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
                for row in range(len(session.claims))]
    assert tips and all("P(keep)" in tip and "rescorer-" in tip for tip in tips)
    laut = next(tip for tip in tips if "Verletzte" in tip.split("\n")[0])  # "Laut Polizei gab es …"
    why = laut.split("\n")[1]
    assert why.startswith("P(keep) 0.0") and why.count(" -0.") == 3  # three reasons, all against it


def test_a_lead_accepts_and_drops_learned_entries_in_a_small_view(open_window, settings, qtbot, tmp_path):
    from PySide6.QtTest import QTest

    from annotator.core.learning.project_store import learned_entries
    from annotator.core.operations.learn import learn

    db = reviewed_db(tmp_path, 2)
    with Project.open(db) as project:
        learn(project)
    window = open_window(db, settings)
    window.actions_by_name["learned_lexicon"].trigger()
    dialog = next(w for w in window.findChildren(QDialog) if w.windowTitle() == "Learned lexicon")
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # its shortcuts need the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    rows = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["postete"], 4).text() == "yes"  # marked twice: in use
    dialog.table.setFocus()
    dialog.table.selectRow(rows["postete"])
    QTest.keyClick(dialog.table, Qt.Key.Key_D)  # Drop
    with Project.open(db, create=False) as project:
        status = {e.phrase: e.status for e in learned_entries(project)}
    assert status["postete"] == "dropped"
    assert dialog.table.item(rows["postete"], 3).text() == "dropped"
    assert dialog.table.item(rows["postete"], 4).text() == "no"
    QTest.keyClick(dialog.table, Qt.Key.Key_A)  # Accept
    with Project.open(db, create=False) as project:
        assert {e.phrase: e.status for e in learned_entries(project)}["postete"] == "accepted"


def test_ctrl_u_opens_the_most_uncertain_article(open_window, settings, qtbot, tmp_path):
    from learning_support import ARTICLE

    from annotator.core.importer import highlight_project
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.models import NewArticle
    from annotator.core.operations.learn import learn

    db = reviewed_db(tmp_path, 2)
    window = open_window(db, settings)
    press(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Learn, then Re-highlight" in window.statusBar().currentMessage(), timeout=20000)
    with Project.open(db) as project:
        learn(project)
        new_id, _ = project.add_article(NewArticle(text=ARTICLE.format(n=70), title="neu"))
        highlight_project(project, project_pipeline(project)[0], article_ids=[new_id])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Most uncertain article" in window.statusBar().currentMessage(), timeout=20000)
    assert window.workspace.article_id == new_id


def test_the_window_learns_by_itself_after_every_n_finished_articles(open_window, settings, qtbot, tmp_path):
    from learning_support import ARTICLE

    from annotator.core.importer import highlight_project
    from annotator.core.learning.project_store import set_auto_every
    from annotator.core.models import NewArticle

    db = reviewed_db(tmp_path, 2)
    with Project.open(db) as project:
        new_id, _ = project.add_article(NewArticle(text=ARTICLE.format(n=90), title="neu"))
        highlight_project(project, load_highlighter("blank"), article_ids=[new_id])
        open_claims = len(project.suggestions(new_id))
        set_auto_every(project, 1)
    window = open_window(db, settings)
    window.workspace.open_article(new_id)
    window.workspace.focus_text()
    for done in range(1, open_claims + 1):
        press(window, Qt.Key.Key_A)  # accept and go to the next claim
        qtbot.waitUntil(lambda n=done: len(anna_reviews(db, new_id)) == n, timeout=10000)
    qtbot.waitUntil(lambda: "Learned from" in window.statusBar().currentMessage(), timeout=30000)
    assert stored_models(db) == 1


def anna_reviews(db, article_id):
    with Project.open(db, create=False) as project:
        return project.annotations(article_id=article_id, annotator="anna")


def test_ctrl_shift_u_lists_the_most_uncertain_claims_first(open_window, settings, qtbot, tmp_path):
    from learning_support import ARTICLE

    from annotator.core.importer import highlight_project
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.learning.uncertainty import uncertainty
    from annotator.core.operations.learn import learn

    db = reviewed_db(tmp_path, 4)
    with Project.open(db) as project:
        learn(project)
        new_id, _ = project.add_article(NewArticle(text=ARTICLE.format(n=60), title="neu"))
        highlight_project(project, project_pipeline(project)[0], article_ids=[new_id])
    window = open_window(db, settings)
    window.workspace.open_article(new_id)
    window.workspace.focus_text()
    claims = window.workspace.session.claims
    model = window.claim_list.model_
    reading = [model.claim_number(r) for r in range(model.rowCount())]
    assert reading == sorted(reading) and len(reading) >= 2
    press(window, Qt.Key.Key_U, CTRL_SHIFT)
    assert "most uncertain" in window.statusBar().currentMessage()
    shown = [model.claim_number(r) for r in range(model.rowCount())]
    doubt = [uncertainty(claims[n].suggestion.score) for n in shown]
    assert doubt == sorted(doubt, reverse=True) and shown != reading
    press(window, Qt.Key.Key_U, CTRL_SHIFT)  # again: reading order
    assert [model.claim_number(r) for r in range(model.rowCount())] == reading


def test_the_hiding_threshold_and_automatic_learning_are_set_in_the_window(open_window, settings, qtbot,
                                                                            tmp_path):
    from PySide6.QtTest import QTest

    from annotator.core.learning.project_store import auto_every, hide_below

    db = reviewed_db(tmp_path, 2)
    window = open_window(db, settings)
    window.actions_by_name["learning_settings"].trigger()
    dialog = next(w for w in window.findChildren(QDialog) if w.windowTitle() == "Learning settings")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.threshold.text() == "off" and dialog.every.text() == "off"
    dialog.threshold.setFocus()
    QTest.keyClick(dialog.threshold, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.threshold, "0.3")
    QTest.keyClick(dialog.threshold, Qt.Key.Key_Tab)
    QTest.keyClick(dialog.every, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.every, "5")
    QTest.keyClick(dialog.every, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with Project.open(db, create=False) as project:
        assert hide_below(project) == 0.3 and auto_every(project) == 5
    assert "Learning settings saved" in window.statusBar().currentMessage()
    assert window.learning.finished_at_last is not None  # counting finished articles from now on
    window.actions_by_name["learning_settings"].trigger()  # Esc changes nothing
    again = [w for w in window.findChildren(QDialog) if w.windowTitle() == "Learning settings"][-1]
    qtbot.waitUntil(again.isVisible)
    assert again.every.value() == 5
    QTest.keyClick(again.every, Qt.Key.Key_0)
    QTest.keyClick(again, Qt.Key.Key_Escape)
    with Project.open(db, create=False) as project:
        assert auto_every(project) == 5
