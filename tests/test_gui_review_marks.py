"""Review marks by keyboard (issue 18): I flags a claim (flagged → unsure →
skipped → none), the claims list shows only flagged claims or claims with a
note, and Ctrl+Shift+K marks an article without claims "checked, nothing to
mark", which makes it done (Ctrl+Z takes it back)."""

from __future__ import annotations

import pytest
from gui_support import db_annotations, press
from PySide6.QtCore import Qt

from annotator.core.models import NewArticle
from annotator.core.project import Project

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
QUIET = "Das Wetter war schön. Am Abend regnete es ein wenig."


@pytest.fixture
def quiet_article(review_db) -> str:
    """An article in which nobody finds a claim."""
    with Project.open(review_db) as project:
        article_id, _ = project.add_article(NewArticle(text=QUIET, title="Wetter"))
    return article_id


def list_status(window, article_id: str) -> str:
    model = window.article_model
    rows = (model.summary(row) for row in range(model.rowCount()))
    return next(s.status for s in rows if s is not None and s.id == article_id)


def shown_lines(window) -> list[str]:
    model = window.claim_list.model_
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_i_cycles_the_claims_flag_and_each_step_is_saved(window, review_db):
    marks = []
    for _ in range(4):
        press(window, "i")
        marks.append(db_annotations(review_db)[0].flag)
    assert marks == ["flagged", "unsure", "skipped", None]
    press(window, "i")
    assert shown_lines(window)[0].startswith("1 ✓ ⚑")
    press(window, Qt.Key.Key_Z, CTRL)
    assert db_annotations(review_db)[0].flag is None


def test_the_claims_list_shows_only_flagged_claims_or_claims_with_a_note(window, review_db, qtbot):
    assert len(window.workspace.session.claims) > 2
    press(window, "i")  # claim 1 flagged
    press(window, "j")
    press(window, "j")  # claim 3 gets a note
    window.workspace.set_note("Quelle prüfen")
    pane = window.claims_dock.widget()
    pane.filter.setCurrentText("Flagged, unsure or skipped")
    assert [line.split()[0] for line in shown_lines(window)] == ["1"]
    pane.filter.setCurrentText("With a note")
    assert [line.split()[0] for line in shown_lines(window)] == ["3"]
    assert window.claim_list.currentIndex().row() == 0  # the selected claim 3 is marked
    pane.filter.setCurrentText("All claims")
    assert len(shown_lines(window)) == len(window.workspace.session.claims)


def test_a_claim_chosen_in_the_filtered_list_is_that_claim(window):
    press(window, "j")
    press(window, "i")  # claim 2 flagged
    press(window, "k")
    window.claims_dock.widget().filter.setCurrentText("Flagged, unsure or skipped")
    window.claim_list.claimChosen.emit(window.claim_list.model_.claim_number(0))
    assert window.workspace.session.index == 1


def test_an_article_without_claims_is_checked_and_done_and_undone(window, review_db, quiet_article, qtbot):
    window.article_model.refresh()
    window.workspace.open_article(quiet_article)
    assert list_status(window, quiet_article) == "new"
    press(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert "Checked: nothing to mark" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: list_status(window, quiet_article) == "done")
    with Project.open(review_db) as project:
        assert project.article_checked(quiet_article, "anna")
    press(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: list_status(window, quiet_article) == "new")
    press(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    qtbot.waitUntil(lambda: list_status(window, quiet_article) == "done")


def test_an_article_with_claims_is_not_checked_away(window, review_db):
    article_id = window.workspace.article_id
    press(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert "review them instead" in window.statusBar().currentMessage()
    with Project.open(review_db) as project:
        assert not project.article_checked(article_id, "anna")


def test_shift_i_steps_the_claims_filter_and_the_box_follows(window):
    press(window, "i")  # claim 1 flagged
    pane = window.claims_dock.widget()
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    assert pane.filter.currentText() == "Flagged, unsure or skipped"
    assert [line.split()[0] for line in shown_lines(window)] == ["1"]
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    assert pane.filter.currentText() == "With a note" and shown_lines(window) == []
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    assert pane.filter.currentText() == "All claims"
    assert len(shown_lines(window)) == len(window.workspace.session.claims)
