"""Polish after a QA pass: the unattributed flag and the form agree, Space
finds the next claim to review, hand-added claims have their own colour,
paragraphs have room between them."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from annotator.core.models import Attribution, Span
from annotator.core.review.claims import ClaimState
from annotator.gui.colors import claim_colors

SPACE = Qt.Key.Key_Space


def stored_first(review_db):
    (annotation,) = db_annotations(review_db)
    return annotation


def test_u_makes_the_form_unattributed_and_a_source_makes_it_reported(window, review_db):
    workspace = window.workspace
    session = workspace.session
    assert session.current.source is not None
    press(window, "u")
    stored = stored_first(review_db)
    assert stored.unattributed and stored.source is None
    assert stored.attribution == Attribution.UNATTRIBUTED
    assert workspace.panel.unattributed.isChecked()
    assert workspace.panel.attribution.currentData() == Attribution.UNATTRIBUTED.value

    # Selecting a source on the unattributed claim: attributed, form "reported".
    text = session.article.text
    start = session.current.span.start
    workspace.view.select_span(Span(start, text.index(" ", start)))
    press(window, "s")
    stored = stored_first(review_db)
    assert not stored.unattributed and stored.source is not None
    assert stored.attribution == Attribution.REPORTED
    assert not workspace.panel.unattributed.isChecked()

    # One undo step each: back to unattributed, then to the suggestion as it was.
    press(window, "z", Qt.KeyboardModifier.ControlModifier)
    stored = stored_first(review_db)
    assert stored.unattributed and stored.attribution == Attribution.UNATTRIBUTED
    press(window, "z", Qt.KeyboardModifier.ControlModifier)
    assert db_annotations(review_db) == []


def test_u_twice_gives_an_attributed_form_back(window, review_db):
    press(window, "u")
    press(window, "u")
    stored = stored_first(review_db)
    assert not stored.unattributed and stored.attribution == Attribution.REPORTED
    assert window.workspace.undo_stack.count() == 2


def test_choosing_the_form_unattributed_in_the_panel_is_u(window, review_db):
    panel = window.workspace.panel
    panel.attribution.activated.emit(panel.attribution.findData(Attribution.UNATTRIBUTED.value))
    stored = stored_first(review_db)
    assert stored.unattributed and stored.source is None


def test_space_goes_to_the_next_claim_to_review_then_the_next_article(window, review_db):
    session = window.workspace.session
    first_article = session.article.id
    assert len(session.claims) == 3
    press(window, "j")
    press(window, "a")  # claim 2 reviewed
    press(window, "k")
    press(window, "k")
    assert session.index == 0
    press(window, SPACE)  # skips the reviewed claim 2
    assert session.index == 2
    press(window, "x")
    press(window, SPACE)  # nothing after claim 3: back to claim 1, still to review
    assert session.index == 0
    press(window, "x")
    assert all(claim.reviewed for claim in session.claims)
    press(window, SPACE)  # this article is done: the next one, at its first open claim
    assert session.article.id != first_article
    assert session.current is not None and not session.current.reviewed
    assert "Space" in window.actions_by_name["next_unreviewed"].shortcut().toString()


def test_space_skips_finished_articles(window, review_db):
    session = window.workspace.session
    first = session.article.id
    press(window, "n")
    second = session.article.id
    for _ in range(len(session.claims)):
        press(window, "a")
    press(window, "p")
    assert session.article.id == first
    for _ in range(len(session.claims)):
        press(window, "a")
    press(window, SPACE)
    assert session.article.id not in (first, second)
    assert session.current is None or not session.current.reviewed


def hue_distance(a: QColor, b: QColor) -> int:
    distance = abs(a.hslHue() - b.hslHue())
    return min(distance, 360 - distance)


def test_added_claims_do_not_look_like_selected_text(window, qapp):
    from test_gui_screenshots import dark_palette

    view = window.workspace.view
    text = window.workspace.session.article.text
    view.select_span(Span(0, text.index(" ", 4)))
    press(window, Qt.Key.Key_Insert)
    assert window.workspace.session.current.state == ClaimState.ADDED
    original = qapp.palette()
    try:
        for palette in (original, dark_palette()):
            QApplication.setPalette(palette)
            qapp.processEvents()
            colors = claim_colors(view.palette())
            selection = view.palette().color(QPalette.ColorRole.Highlight)
            for added in (colors.states[ClaimState.ADDED], colors.selected[ClaimState.ADDED]):
                assert hue_distance(added, selection) >= 90
                assert hue_distance(added, colors.source) >= 45  # nor like the source
            assert colors.states[ClaimState.ADDED].name() in window.workspace.legend.text()
            view.viewport().repaint()
            painted = [mark.color for mark in view.painted_marks]
            assert colors.selected[ClaimState.ADDED] in painted
    finally:
        QApplication.setPalette(original)


def test_paragraphs_have_room_between_them_and_positions_stay_exact(window, qapp):
    view = window.workspace.view
    text = window.workspace.session.article.text
    assert view.toPlainText() == text  # nothing inserted: offsets stay exact
    first = view.document().firstBlock()
    second = first.next()
    assert second.isValid()
    gap = view.blockBoundingGeometry(second).top() - view.blockBoundingGeometry(first).bottom()
    line_height = first.layout().lineAt(0).height()
    assert gap == 0 and view.blockBoundingRect(first).height() > line_height * first.lineCount()
    # Clicking a word in a later paragraph lands on that word (hit-testing sees the spacing).
    later = text.rindex("\n") + 3
    qapp.processEvents()
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(later))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    assert view.offsets.from_qt(view.cursorForPosition(point).position()) == later
    # Keyboard navigation reaches the last claim and the cursor is on screen.
    session = window.workspace.session
    for _ in range(len(session.claims)):
        press(window, "j")
    assert view.viewport().rect().contains(view.cursorRect().center())
