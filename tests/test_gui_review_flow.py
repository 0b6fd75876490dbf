"""A reviewer works through seed articles with the keyboard only; the
database holds exactly what they did."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.core.models import Decision, SourceType, Span
from annotator.core.review.claims import ClaimState

SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def select_words(window, start: int, words: int) -> Span:
    """Select with the keyboard: put the cursor at ``start``, Ctrl+Shift+Right."""
    view = window.workspace.view
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(start))
    view.setTextCursor(cursor)
    for _ in range(words):
        QTest.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    return view.selected_span()


def test_full_keyboard_review_of_a_seed_article(window, review_db):
    session = window.workspace.session
    text = session.article.text
    assert text.startswith("Der ukrainische Präsident")
    claims = list(session.claims)
    assert len(claims) == 3 and session.index == 0

    # Claim 1: accept as suggested; the selection moves on by itself.
    press(window, "a")
    assert session.claims[0].state == ClaimState.ACCEPTED
    assert session.index == 1
    # Claim 2: not a claim worth checking.
    press(window, "x")
    assert session.claims[1].state == ClaimState.REJECTED
    assert session.index == 2

    # Claim 3: fix the source with a keyboard selection, grade it, note it.
    second = session.claims[2]
    source_start = text.index("Verteidigungsexperte", second.span.start)
    selected = select_words(window, text.rindex("ein", 0, source_start), 2)
    press(window, "s")
    cue_start = text.index("sagte", second.span.start)
    window.workspace.view.select_span(Span(cue_start, cue_start + len("sagte")))
    press(window, "c")
    press(window, Qt.Key.Key_B, SHIFT)  # reliability B
    press(window, "3")  # credibility 3
    press(window, Qt.Key.Key_6, ALT)  # source type 6: expert / analyst
    press(window, "h")  # hedged
    press(window, "e")
    assert window.workspace.panel.note.hasFocus()
    QTest.keyClicks(window.workspace.panel.note, "Quelle pruefen")
    press(window, Qt.Key.Key_Escape, widget=window.workspace.panel.note)
    assert window.workspace.view.hasFocus()

    # A claim the highlighter missed: select it and press Ins.
    missed = text.index("Laut ukrainischem Geheimdienst")
    missed_end = text.index(".", missed) + 1
    window.workspace.view.select_span(Span(missed, missed_end))
    press(window, Qt.Key.Key_Insert)
    added = session.current
    assert added.state == ClaimState.ADDED
    press(window, "x")  # ...then rejected after all: hand-added claims can be rejected too

    stored = {a.start: a for a in db_annotations(review_db)}
    assert set(stored) == {claims[0].span.start, claims[1].span.start, claims[2].span.start,
                           missed}
    assert stored[claims[1].span.start].decision == Decision.REJECT
    first = stored[claims[0].span.start]
    assert first.decision == Decision.ACCEPT and first.suggestion_id == claims[0].suggestion.id
    assert (first.source, first.cue) == (claims[0].suggestion.source, claims[0].suggestion.cue)
    graded = stored[claims[2].span.start]
    assert graded.decision == Decision.ACCEPT  # grading a suggestion accepts it
    assert graded.source == selected and text[selected.start:selected.end] == "ein Verteidigungsexperte"
    assert graded.cue == Span(cue_start, cue_start + 5)
    assert (graded.reliability, graded.credibility) == ("B", 3)
    assert graded.source_type == SourceType.EXPERT and graded.hedged
    assert graded.note == "Quelle pruefen"
    hand = stored[missed]
    assert hand.suggestion_id is None and hand.end == missed_end
    assert hand.decision == Decision.REJECT

    # The status bar and the list show the progress.
    assert "Article: 4/4" in window.progress_label.text()
    assert window.article_model.data(window.article_model.index(0, 1)) == "done · 4/4"

    # N opens the next article at its first claim.
    press(window, "n")
    assert session.article.text.startswith("In einer alarmierenden")
    assert session.index == 0


def test_reject_unattributed_attribution_and_clearing(window, review_db):
    session = window.workspace.session
    press(window, "u")
    claim = session.current
    assert claim.annotation.unattributed and claim.source is None
    assert claim.annotation.attribution.value == "unattributed"  # the form follows the flag
    press(window, "f")  # F cycles the attributed forms: the claim is attributed again
    assert session.current.annotation.attribution.value == "direct_quote"
    assert not session.current.annotation.unattributed
    press(window, "x")
    assert session.claims[0].state == ClaimState.REJECTED
    press(window, "k")
    press(window, Qt.Key.Key_Delete)  # clear the review: back to suggested
    assert session.current.state == ClaimState.SUGGESTED
    assert db_annotations(review_db) == []


def test_mouse_works_too(window, qtbot):
    panel = window.workspace.panel
    session = window.workspace.session
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert session.claims[0].state == ClaimState.REJECTED
    # Clicking in the text selects the claim under the pointer.
    second = session.claims[1]
    view = window.workspace.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(second.span.start + 3))
    point = view.cursorRect(cursor).center()
    session.index = 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert session.index == 1
    panel.reliability.activated.emit(panel.reliability.findData("A"))
    assert session.current.annotation.reliability == "A"


def test_selection_keys_without_a_selection_only_give_a_hint(window, review_db):
    press(window, "s")
    assert "Select the source" in window.statusBar().currentMessage()
    assert db_annotations(review_db) == []


def test_shortcut_sheet_lists_every_action(window, qtbot, monkeypatch):
    from annotator.gui import shortcuts

    shown = []
    monkeypatch.setattr(shortcuts.ShortcutSheet, "exec", lambda self: shown.append(self.table))
    press(window, Qt.Key.Key_F1)
    table = shown[0]
    actions = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert "Accept" in actions and "Source reliability A" in actions
    keys = {table.item(row, 1).text(): table.item(row, 2).text() for row in range(table.rowCount())}
    assert keys["Accept"] == "A" and keys["Source reliability C"] == "Shift+C"


def test_no_key_is_bound_to_two_actions(qapp):
    from annotator.gui.shortcuts import ACTIONS, key_sequences

    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for sequence in key_sequences(spec):
            key = sequence.toString()
            assert key not in seen, f"{key} is bound to {seen[key]} and {spec.name}"
            seen[key] = spec.name


def test_question_mark_also_opens_the_sheet_and_f2_the_guidelines(window, monkeypatch):
    from annotator.gui import shortcuts

    shown = []
    monkeypatch.setattr(shortcuts.ShortcutSheet, "exec", lambda self: shown.append(True))
    press(window, "?")
    assert shown == [True]
    press(window, Qt.Key.Key_F2)
    assert window.guidelines_dock.isVisible()
    assert "Admiralty" in window.guidelines.toPlainText()


def test_controls_have_accessible_names(window):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

    panel = window.workspace.panel
    for kind in (QComboBox, QLineEdit, QPushButton, QCheckBox):
        for widget in panel.findChildren(kind):
            if widget.parent() is panel or kind is not QLineEdit:
                assert widget.accessibleName(), widget
