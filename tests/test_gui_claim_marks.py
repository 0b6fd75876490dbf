"""The claims' colours are on the screen where the claims are: painted under
the text (gui/claim_marks.py), following every decision at once, and a
rejected claim's letters are struck through."""

from __future__ import annotations

from collections import Counter

from gui_support import press
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.core.review.claims import ClaimState
from annotator.gui.colors import claim_colors, odd_tint


def colour_under(view, claim, at_end: bool = False) -> QColor:
    """The commonest colour on the first (``at_end``: last) four letters of
    ``claim`` outside its source and cue, as painted."""
    # What is on the screen (the window's backing store), not a fresh rendering.
    QApplication.processEvents()
    top_left = view.viewport().mapTo(view.window(), QPoint(0, 0))
    image = view.screen().grabWindow(view.window().winId()).toImage().copy(
        QRect(top_left, view.viewport().size()))
    inside = [s for s in (claim.source, claim.cue) if s is not None]
    positions = range(claim.span.start, claim.span.end - 5)
    start = view.offsets.to_qt(next(
        p for p in (reversed(positions) if at_end else positions)
        if not any(s.start - 4 < p < s.end for s in inside)))
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    left = view.cursorRect(cursor)
    cursor.setPosition(start + 4)
    right = view.cursorRect(cursor)
    area = QRect(QPoint(left.left() + 1, left.top() + 1), QPoint(right.left() - 1, left.bottom() - 1))
    counts = Counter(image.pixel(x, y) for x in range(area.left(), area.right() + 1)
                     for y in range(area.top(), area.bottom() + 1))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def test_the_selected_claim_is_painted_in_its_colour_and_a_decision_repaints_it(window, qtbot):
    view, session = window.workspace.view, window.workspace.session
    colors = claim_colors(view.palette())
    first = session.current
    assert colour_under(view, first) == colors.selected[ClaimState.SUGGESTED]

    press(window, "a")  # accepted, and the next claim is selected
    assert session.claims[0].state == ClaimState.ACCEPTED and session.index == 1
    assert colour_under(view, session.claims[0]) == colors.states[ClaimState.ACCEPTED]
    assert colour_under(view, session.current) == colors.selected[ClaimState.SUGGESTED]


def test_a_rejected_claim_is_grey_and_struck_through(window):
    view, session = window.workspace.view, window.workspace.session
    colors = claim_colors(view.palette())
    rejected = session.current
    press(window, "x")
    assert rejected.state == ClaimState.REJECTED
    assert colour_under(view, rejected) == colors.states[ClaimState.REJECTED]
    struck = [s for s in view.extraSelections() if s.format.fontStrikeOut()]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in struck] == [
        view.offsets.span_to_qt(rejected.span.start, rejected.span.end)]
    assert struck[0].format.foreground().color() == colors.rejected_text
    assert struck[0].format.background().style().name == "NoBrush"  # the mark paints it


def test_the_source_and_cue_of_the_selected_claim_stay_underlined(window):
    view, claim = window.workspace.view, window.workspace.session.current
    styles = {(s.cursor.selectionStart(), s.cursor.selectionEnd()): s.format.underlineStyle()
              for s in view.extraSelections()}
    assert styles[view.offsets.span_to_qt(claim.source.start, claim.source.end)] \
        == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert styles[view.offsets.span_to_qt(claim.cue.start, claim.cue.end)] \
        == QTextCharFormat.UnderlineStyle.WaveUnderline


def test_moving_to_the_next_claim_repaints_both_claims_on_screen(window):
    view, session = window.workspace.view, window.workspace.session
    colors = claim_colors(view.palette())
    first = session.current
    colour_under(view, first)  # painted once
    press(window, "j")
    second = session.current
    assert second is not first
    # The ends of both claims: lines that neither their sources nor their cues repaint.
    assert colour_under(view, first, at_end=True) == colors.states[ClaimState.SUGGESTED]
    assert colour_under(view, second, at_end=True) == colors.selected[ClaimState.SUGGESTED]
    press(window, "k")
    assert colour_under(view, first, at_end=True) == colors.selected[ClaimState.SUGGESTED]
    assert colour_under(view, second, at_end=True).name() in (
        colors.states[ClaimState.SUGGESTED].name(),
        odd_tint(colors, colors.states[ClaimState.SUGGESTED]).name())
