"""Two windows (or a window and a script) on one project: an edit based on
what a window showed before another one saved is refused, the window
re-reads the claim and says so; a window notices other processes' writes."""

from __future__ import annotations

import pytest
from gui_support import db_annotations, press
from PySide6.QtCore import Qt

from annotator.core.conflicts import StaleEditError
from annotator.core.project import Project
from annotator.core.review import ReviewSession

SHIFT = Qt.KeyboardModifier.ShiftModifier


def two_sessions(path):
    first, second = Project.open(path), Project.open(path)
    a, b = ReviewSession(first, "anna"), ReviewSession(second, "anna")
    article_id = first.article_ids()[0]
    a.open_article(article_id)
    b.open_article(article_id)
    return first, second, a, b


def test_an_edit_based_on_an_old_revision_is_refused_by_the_core(review_db):
    first, second, a, b = two_sessions(review_db)
    try:
        b.set_reliability("B")            # window B saves and shows it as saved
        with pytest.raises(StaleEditError, match="another window"):
            a.set_reliability("E")        # window A still shows the claim as unreviewed
        [stored] = second.annotations(annotator="anna")
        assert stored.reliability == "B"  # B's edit survives
        a.reload(a.current.key)           # after re-reading, A may change it
        a.set_reliability("E")
        assert first.annotations(annotator="anna")[0].reliability == "E"
        with pytest.raises(StaleEditError):
            b.set_credibility(2)          # now B is the one behind
    finally:
        first.close()
        second.close()


def test_undo_over_another_windows_edit_is_refused(review_db):
    first, second, a, b = two_sessions(review_db)
    try:
        step = a.set_reliability("A")
        b.reload(b.current.key)
        b.set_reliability("C")
        with pytest.raises(StaleEditError):
            a.replay(step.result, forward=False)  # undo would erase B's grade
        assert second.annotations(annotator="anna")[0].reliability == "C"
    finally:
        first.close()
        second.close()


def test_a_delete_elsewhere_is_a_conflict_too(review_db):
    first, second, a, b = two_sessions(review_db)
    try:
        a.set_reliability("A")
        b.reload(b.current.key)
        b.forget()
        with pytest.raises(StaleEditError, match="deleted"):
            a.set_credibility(3)
    finally:
        first.close()
        second.close()


def test_the_window_refuses_a_stale_edit_reloads_the_claim_and_says_so(window, review_db, qtbot):
    article_id = window.workspace.article_id
    claim = window.workspace.session.current
    with Project.open(review_db) as other:  # another window or a script
        other_session = ReviewSession(other, "anna")
        other_session.open_article(article_id, claim.key)
        other_session.set_reliability("D")
    press(window, Qt.Key.Key_B, SHIFT)  # reliability B, on a view that is out of date
    assert "another window" in window.statusBar().currentMessage()
    assert not window.shown_errors
    assert [a.reliability for a in db_annotations(review_db)] == ["D"]
    assert window.workspace.session.current.annotation.reliability == "D"  # re-read and shown
    press(window, Qt.Key.Key_B, SHIFT)  # now based on what is stored: saved
    assert [a.reliability for a in db_annotations(review_db)] == ["B"]


def test_the_window_notices_another_programs_writes_and_refreshes(window, review_db, qtbot):
    article_id = window.workspace.article_id
    claim = window.workspace.session.current
    assert window.outside_changes.check() is False  # nothing yet
    with Project.open(review_db) as other:
        other_session = ReviewSession(other, "anna")
        other_session.open_article(article_id, claim.key)
        other_session.set_reliability("F")
    qtbot.waitUntil(lambda: window.workspace.session.current.annotation is not None, timeout=10_000)
    assert window.workspace.session.current.annotation.reliability == "F"
    press(window, Qt.Key.Key_C, SHIFT)  # based on the refreshed claim: saved, no conflict
    assert [a.reliability for a in db_annotations(review_db)] == ["C"]
