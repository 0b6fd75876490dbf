"""Rough edges found by reviewing with the real window, keyboard only."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt

from annotator.core.models import Decision
from annotator.core.review.claims import ClaimState

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


def test_a_bar_beside_the_text_marks_the_selected_claim(window, qapp):
    view = window.workspace.view
    gutter = view.gutter
    session = window.workspace.session
    press(window, "j")
    qapp.processEvents()
    claim = session.current.span
    assert gutter.qt_range == view.offsets.span_to_qt(claim.start, claim.end)
    top, bottom = gutter.bar()
    start_rect = view.cursorRect(view.textCursor())  # the cursor sits at the claim's start
    assert top == start_rect.top() and bottom > top
    assert gutter.isVisible() and gutter.x() + gutter.width() <= view.viewport().x()
    press(window, "j")
    assert gutter.bar()[0] > top  # the next claim starts lower down
    press(window, "n")
    assert gutter.qt_range is not None and session.index == 0


def test_txt_imports_show_no_empty_date_and_outlet_columns(window, qapp):
    """Seed .txt files have no date or outlet: the title gets that room."""
    table = window.article_list.table
    qapp.processEvents()
    assert table.isColumnHidden(2) and table.isColumnHidden(3)
    assert not table.isColumnHidden(0) and not table.isColumnHidden(1)
    window.article_dock.resize(window.article_dock.width() + 120, window.article_dock.height())
    qtwait(qapp)
    assert table.columnWidth(0) + table.columnWidth(1) == table.viewport().width()


def test_dates_and_outlets_show_when_articles_have_them(open_window, settings, tmp_path, qapp):
    from test_gui_article_list import many_articles

    many_articles(tmp_path / "m.sqlite", 5)
    window = open_window(tmp_path / "m.sqlite", settings)
    qtwait(qapp)
    table = window.article_list.table
    assert not table.isColumnHidden(2) and not table.isColumnHidden(3)
    assert table.columnWidth(0) >= window.article_list._min_title


def qtwait(qapp) -> None:
    for _ in range(5):
        qapp.processEvents()


def test_every_key_on_the_shortcut_sheet_works_in_the_text(window, qtbot):
    """The sheet lists keys a person can type (no X11 "Undo"/"Open" key
    names), and each of them, pressed in the article text, runs its action."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from annotator.gui.shortcuts import ACTIONS, ShortcutSheet

    sheet = ShortcutSheet(window)
    listed = {spec.name: sheet.table.item(row, 2).text() for row, spec in enumerate(ACTIONS)}
    sheet.close()
    assert "Ctrl+Q" in listed["quit"] and "F1" in listed["show_shortcuts"]
    assert "Undo" not in listed["undo"] and "Open" not in listed["open_project"]
    fired: list[str] = []
    for name, action in window.actions_by_name.items():
        action.triggered.disconnect()  # record instead of opening dialogs or quitting
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
        action.setEnabled(True)
    missing = []
    for name, keys in listed.items():
        for text in (keys.split(", ") if keys else []):
            combination = QKeySequence(text)[0]
            fired.clear()
            window.workspace.focus_text()
            QTest.keyClick(window.workspace.view, combination.key(),
                           combination.keyboardModifiers())
            if fired != [name]:
                missing.append((name, text, fired[:]))
    assert missing == []


def test_the_claims_list_follows_the_review_and_picks_claims(window, qtbot, qapp):
    from PySide6.QtTest import QTest

    claims = window.claim_list
    model = claims.model_
    session = window.workspace.session
    lines = lambda: [model.data(model.index(r)) for r in range(model.rowCount())]  # noqa: E731
    assert window.claims_dock.isVisible()
    assert model.rowCount() == len(session.claims) == 3
    assert all(line.startswith(f"{n} · ") for n, line in enumerate(lines(), start=1))
    press(window, Qt.Key.Key_B, SHIFT)
    press(window, "2")
    press(window, "a")
    press(window, "x")
    assert lines()[0].startswith("1 ✓ B2  ") and lines()[1].startswith("2 ✗ ")
    assert claims.currentIndex().row() == session.index == 2

    # Picking a line with the mouse selects that claim; the keys stay with the text.
    rect = claims.visualRect(model.index(0))
    QTest.mouseClick(claims.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.index == 0 and window.workspace.view.hasFocus()
    press(window, "j")
    assert claims.currentIndex().row() == 1

    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the reject
    assert lines()[1].startswith("2 · ")
    press(window, "n")
    assert model.rowCount() == len(session.claims) and claims.currentIndex().row() == 0
    press(window, Qt.Key.Key_F4)
    assert not window.claims_dock.isVisible()


def test_the_shown_article_stays_marked_in_a_filtered_list(window, qtbot):
    from PySide6.QtTest import QTest

    panel = window.article_list
    shown = window.workspace.session.article
    word = next(w for w in shown.text.split() if w.isascii() and w.isalpha() and len(w) > 6)
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(panel.search, word)
    with qtbot.waitSignal(panel.filterApplied, timeout=5000):
        QTest.keyClick(panel.search, Qt.Key.Key_Return)
    row = window.article_model.row_of(shown.seq)
    assert row is not None
    qtbot.waitUntil(lambda: panel.table.currentIndex().row() == row)
    assert panel.table.selectionModel().isRowSelected(row)
    panel.search.clear()
    QTest.keyClick(panel.search, Qt.Key.Key_Return)  # all articles again
    qtbot.waitUntil(lambda: panel.table.selectionModel().isRowSelected(shown.seq - 1))


def test_the_claims_list_repaints_only_the_reviewed_row(window):
    model = window.claim_list.model_
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, *_: changed.extend(range(first.row(),
                                                                         last.row() + 1)))
    press(window, "j")
    assert changed == []  # moving on changes no row's content
    press(window, "a")
    assert changed == [1]
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert changed == [1, 1]


def test_an_empty_project_says_what_to_do(open_window, settings, tmp_path):
    window = open_window(tmp_path / "empty.sqlite", settings)
    view = window.workspace.view
    assert view.toPlainText() == "" and "Ctrl+I" in view.placeholderText()
    assert "Import" in window.statusBar().currentMessage()
    assert window.claim_list.model_.rowCount() == 0
    press(window, "a")  # nothing to accept: nothing happens, nothing breaks
    press(window, "n")
    assert window.workspace.undo_stack.count() == 0


def test_the_guidelines_take_no_room_from_the_article_list(window, qapp):
    window.resize(1280, 800)
    qtwait(qapp)
    before = window.article_dock.width()
    press(window, Qt.Key.Key_F2)
    qtwait(qapp)
    assert window.guidelines_dock.isVisible()
    assert window.guidelines_dock.width() >= 240
    assert abs(window.article_dock.width() - before) <= 2
    assert window.workspace.view.width() >= 250  # the text stays readable
    press(window, Qt.Key.Key_F2)  # F2 again hides them, as F6 and F4 do their docks
    assert not window.guidelines_dock.isVisible()
    qtwait(qapp)
    assert abs(window.article_dock.width() - before) <= 2
    assert window.workspace.legend.minimumSizeHint().width() < 200  # it wraps instead


def test_accepting_an_unattributed_suggestion_stores_it_unattributed(open_window, settings,
                                                                    tmp_path):
    """The demo's first claim is suggested as "unattributed" with no source: the
    panel ticked nothing and accepting stored unattributed=False."""
    from annotator.core.models import Attribution, ClaimSuggestion, NewArticle
    from annotator.core.project import Project

    path = tmp_path / "u.sqlite"
    with Project.open(path) as project:
        article_id, _ = project.add_article(NewArticle(text="Der Pegel stieg. Er sagte, es regne."))
        project.set_suggestions(article_id, [
            ClaimSuggestion(0, 16, attribution=Attribution.UNATTRIBUTED, score=0.5)], "t", "1")
    window = open_window(path, settings)
    panel = window.workspace.panel
    assert panel.unattributed.isChecked()
    assert panel.attribution.currentData() == Attribution.UNATTRIBUTED.value
    press(window, "a")
    (stored,) = db_annotations(path)
    assert stored.unattributed and stored.source is None
    assert stored.attribution == Attribution.UNATTRIBUTED


def test_re_highlighting_keeps_the_reviewer_at_the_same_claim(window, review_db):
    """Re-highlighting gives the suggestions new ids; the selection used to
    jump back to the first claim."""
    from gui_support import suggest_by_cue

    from annotator.core.project import Project

    session = window.workspace.session
    press(window, "j")
    press(window, "j")
    span = session.current.span
    with Project.open(review_db, create=False) as project:  # what the worker does
        article = project.article(session.article.id)
        project.replace_suggestions(article.id, suggest_by_cue(article.text), "test-cues", "2")
    from annotator.core.operations import HIGHLIGHTED

    window.bus.publish(HIGHLIGHTED)  # what the window does when the re-highlight job ends
    assert session.index == 2 and session.current.span == span
