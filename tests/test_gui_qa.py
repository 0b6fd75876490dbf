"""Rough edges found by reviewing with the real window, keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.models import Decision
from annotator.gui.claims import ClaimState
from test_gui_support import (  # noqa: F401 - fixtures
    db_annotations,
    open_window,
    press,
    review_db,
    settings,
    window,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_grading_then_a_moves_on_to_the_next_claim(window, review_db):
    """Grading a suggestion accepts it; the reviewer's A then means "next"."""
    session = window.workspace.session
    press(window, Qt.Key.Key_B, SHIFT)
    press(window, "2")
    assert session.index == 0 and session.current.state == ClaimState.ACCEPTED
    press(window, "a")
    assert session.index == 1
    press(window, "x")
    press(window, "k")
    assert session.index == 1 and session.current.state == ClaimState.REJECTED
    press(window, "x")  # already rejected: nothing to write, but move on
    assert session.index == 2
    stored = db_annotations(review_db)
    assert [a.decision for a in sorted(stored, key=lambda a: a.start)] == [
        Decision.ACCEPT, Decision.REJECT]
    assert window.workspace.undo_stack.count() == 3  # B, 2, X: no empty steps
