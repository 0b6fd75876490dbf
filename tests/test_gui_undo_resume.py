"""Undo and redo work across articles; reopening resumes; failures lose nothing."""

from __future__ import annotations

import sqlite3

from gui_support import db_annotations, press
from PySide6.QtCore import Qt

from annotator.core.models import Decision
from annotator.core.review.claims import ClaimState

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_follow_the_change_to_its_article(window, review_db):
    session = window.workspace.session
    first_article = session.article.id
    press(window, "a")
    press(window, "n")
    second_article = session.article.id
    assert second_article != first_article
    press(window, Qt.Key.Key_C, SHIFT)  # reliability C on the second article's first claim
    assert len(db_annotations(review_db)) == 2

    press(window, Qt.Key.Key_Z, CTRL)
    assert session.article.id == second_article
    assert len(db_annotations(review_db)) == 1
    press(window, Qt.Key.Key_Z, CTRL)  # the accept happened on the first article: go there
    assert session.article.id == first_article
    assert db_annotations(review_db) == []
    assert session.claims[0].state == ClaimState.SUGGESTED
    assert "Project: 0/" in window.progress_label.text()

    press(window, "n")  # wander off, then redo brings us back
    press(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert session.article.id == first_article and session.index == 0
    assert session.claims[0].state == ClaimState.ACCEPTED
    press(window, Qt.Key.Key_Y, CTRL)
    assert session.article.id == second_article
    assert {a.reliability for a in db_annotations(review_db)} == {None, "C"}
    assert "Project: 2/" in window.progress_label.text()


def test_undo_and_redo_are_logged_changes_history_only_grows(window, review_db):
    from annotator.core.project import Project

    press(window, "a")
    press(window, Qt.Key.Key_Z, CTRL)
    press(window, Qt.Key.Key_Z, CTRL | SHIFT)
    with Project.open(review_db, create=False) as project:
        assert [e.action for e in project.change_log()] == ["create", "delete", "create"]


def test_typing_a_note_is_one_undo_step(window, review_db, qtbot):
    from PySide6.QtTest import QTest

    press(window, "e")
    QTest.keyClicks(window.workspace.panel.note, "check this")
    assert db_annotations(review_db)[0].note == "check this"
    assert window.workspace.undo_stack.count() == 1
    press(window, Qt.Key.Key_Escape, widget=window.workspace.panel.note)
    press(window, Qt.Key.Key_Z, CTRL)
    assert db_annotations(review_db) == []


def test_reopening_resumes_at_the_same_article_and_claim(open_window, review_db, settings, qtbot):
    window = open_window(review_db, settings)
    press(window, "n")
    press(window, "n")
    press(window, "j")
    article, claim_key = window.workspace.article_id, window.workspace.session.current.key
    window.close()

    again = open_window(review_db, settings)
    assert again.workspace.article_id == article
    assert again.workspace.session.current.key == claim_key
    table = again.article_list.table
    qtbot.waitUntil(lambda: table.currentIndex().isValid())  # the list follows shortly
    assert again.article_model.summary(table.currentIndex().row()).id == article


def test_a_locked_database_shows_an_error_and_changes_nothing(window, review_db):
    window.project.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(review_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        press(window, "a")
    finally:
        other.execute("ROLLBACK")
        other.close()
    action, error = window.shown_errors[-1]
    assert action == "Saving the claim" and "locked" in str(error)
    from annotator.gui.errors import explain

    happened, todo = explain(error)
    assert "locked" in happened and "try again" in todo
    session = window.workspace.session
    assert session.claims[0].state == ClaimState.SUGGESTED and session.index == 0
    assert window.workspace.undo_stack.count() == 0
    assert db_annotations(review_db) == []
    press(window, "a")  # once the lock is gone, the same key works
    assert db_annotations(review_db)[0].decision == Decision.ACCEPT


def test_a_failed_undo_leaves_stack_and_database_agreeing(window, review_db):
    press(window, "a")
    window.project.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(review_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.shown_errors and window.shown_errors[-1][0] == "Undo"
    assert window.workspace.undo_stack.index() == 1  # still undoable
    assert len(db_annotations(review_db)) == 1
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_annotations(review_db) == []


def test_the_window_layout_is_remembered(open_window, review_db, settings):
    window = open_window(review_db, settings)
    press(window, Qt.Key.Key_F6)  # hide the article list
    press(window, Qt.Key.Key_F2)  # show the guidelines
    assert not window.article_dock.isVisible()
    window.close()

    again = open_window(review_db, settings)
    assert not again.article_dock.isVisible() and again.guidelines_dock.isVisible()
