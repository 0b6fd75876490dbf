"""Keyboard first, everywhere: a reviewer who never touches the mouse
(issue 18). Each test is one thing that used to get in the way."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from test_team_gui import team_db  # noqa: F401 (the fixture)

from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.gui.shortcuts import ShortcutSheet

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def close_popup() -> None:
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()


def test_alt_h_opens_the_help_menu_not_the_hedged_box(window, qapp):
    press(window, Qt.Key.Key_H, ALT)
    qapp.processEvents()
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup is window.help_menu
    close_popup()
    assert not window.workspace.session.current.hedged  # the claim was not touched


def test_f1_opens_the_shortcut_sheet_and_f1_closes_it(window, qapp):
    seen = []

    def in_the_sheet():
        sheet = QApplication.activeModalWidget()
        seen.append(sheet)
        try:
            sheet.activateWindow()
            for _ in range(100):
                if sheet.isActiveWindow():
                    break
                QTest.qWait(20)
            sheet.table.setFocus()
            QTest.keyClick(sheet.table, Qt.Key.Key_F1)
        finally:
            if sheet.isVisible():  # not closed by the key: close it so the test ends (and fails)
                sheet.done(5)

    QTimer.singleShot(0, in_the_sheet)
    press(window, Qt.Key.Key_F1)  # returns when the sheet has closed
    assert isinstance(seen[0], ShortcutSheet) and seen[0].result() != 5


def test_the_sheet_lists_export_import_team_and_f5(window):
    sheet = ShortcutSheet(window)
    rows = {sheet.table.item(row, 1).text(): sheet.table.item(row, 2).text()
            for row in range(sheet.table.rowCount())}
    assert rows["Export training data…"] == "Ctrl+Shift+E"
    assert rows["Import annotations (JSONL)…"] == "Ctrl+Shift+I"
    assert {"Merge databases…", "Adjudicate disagreements", "Dashboard"} <= set(rows)
    assert rows["Refresh the dashboard"] == "F5"
    assert rows["Find in article…"] == "Ctrl+F" and rows["Search articles"] == "Ctrl+Shift+F"
    sheet.deleteLater()


def test_esc_and_ctrl_w_close_the_dashboard_and_the_adjudication(open_window, settings, qtbot,
                                                                  team_db):  # noqa: F811
    window = open_window(team_db, settings)
    for opener, key, modifier in ((window.team.open_dashboard, Qt.Key.Key_Escape, None),
                                  (window.team.open_adjudication, Qt.Key.Key_W, CTRL),
                                  (window.team.open_dashboard, Qt.Key.Key_W, CTRL),
                                  (window.team.open_adjudication, Qt.Key.Key_Escape, None)):
        job = opener()
        qtbot.waitUntil(job.isFinished, timeout=10000)
        shown = window.team.dashboard if opener == window.team.open_dashboard \
            else window.team.adjudication
        shown.activateWindow()
        qtbot.waitUntil(shown.isActiveWindow)
        QTest.keyClick(shown.focusWidget() or shown, key,
                       modifier or Qt.KeyboardModifier.NoModifier)
        assert not shown.isVisible()


def test_team_windows_fit_the_screen(open_window, settings, qtbot, team_db):  # noqa: F811
    window = open_window(team_db, settings)
    qtbot.waitUntil(window.team.open_dashboard().isFinished, timeout=10000)
    screen = window.screen().availableGeometry()
    frame = window.team.dashboard.frameGeometry()
    assert screen.contains(frame.adjusted(0, 0, 0, 30))  # room for the title bar too


def test_space_on_the_status_filter_opens_it(window, qapp):
    combo = window.article_list.status_filter
    combo.setFocus()
    claim = window.workspace.session.index
    QTest.keyClick(combo, Qt.Key.Key_Space)
    qapp.processEvents()
    assert combo.view().isVisible()
    assert window.workspace.session.index == claim  # not "next claim"
    close_popup()


def test_tab_leaves_the_article_list_with_the_shown_article_highlighted(window, qtbot):
    press(window, "n")  # the second article
    press(window, Qt.Key.Key_L, CTRL)
    table = window.article_list.table

    def highlighted() -> list[str]:
        return [window.article_model.data(row, Qt.ItemDataRole.UserRole)
                for row in table.selectionModel().selectedRows()]

    qtbot.waitUntil(lambda: table.hasFocus() and highlighted() == [window.workspace.article_id])
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert highlighted() == [window.workspace.article_id]
    assert not table.hasFocus()


def test_s_with_a_selection_but_no_claim_says_why(open_window, settings, tmp_path):
    text = tmp_path / "wetter.txt"
    text.write_text("Morgen wird es regnen. Am Sonntag scheint die Sonne.\n", encoding="utf-8")
    db = tmp_path / "empty.sqlite"
    with Project.open(db) as project:
        import_paths(project, [text])
    window = open_window(db, settings)
    view = window.workspace.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right, SHIFT | CTRL)  # select "Morgen"
    for key in ("s", "m", "c"):
        window.statusBar().clearMessage()
        press(window, key)
        assert "no claim" in window.statusBar().currentMessage()
        assert "Ins" in window.statusBar().currentMessage()


def test_find_in_the_article_then_s_marks_the_match_as_source(window, review_db, qtbot):
    session = window.workspace.session
    text = session.article.text
    word = next(w for w in text.split() if w.isalpha() and len(w) > 5 and text.count(w) >= 2)
    press(window, Qt.Key.Key_F, CTRL)
    field = window.workspace.find_bar.field
    assert field.hasFocus()
    QTest.keyClicks(field, word)
    view = window.workspace.view
    first = view.selected_span()
    assert first is not None and first.text(text).lower() == word.lower()
    QTest.keyClick(field, Qt.Key.Key_F3)
    second = view.selected_span()
    assert second.start > first.start or second == first  # wraps when it is the only later one
    QTest.keyClick(field, Qt.Key.Key_F3, SHIFT)
    assert view.selected_span() == first
    assert "of" in window.workspace.find_bar.count.text()
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert view.hasFocus() and not window.workspace.find_bar.isVisible()
    assert view.selected_span() == first
    press(window, "s")
    assert session.current.source == first
    assert any(a.source == first for a in db_annotations(review_db))


def test_ctrl_shift_f_searches_every_article(window):
    press(window, Qt.Key.Key_F, CTRL | SHIFT)
    assert window.article_list.search.hasFocus()


def test_space_wraps_around_to_an_article_skipped_earlier(window, qtbot):
    session = window.workspace.session
    first = session.article.id  # left unfinished
    while window.article_list.neighbour(session.article.seq, +1) is not None:
        press(window, "n")
    last = session.article.id
    for _ in range(len(session.claims)):
        press(window, "a")
    press(window, Qt.Key.Key_Space)
    assert session.article.id != last
    assert session.current is not None and not session.current.reviewed
    assert "first unfinished" in window.statusBar().currentMessage()
    assert session.article.id == first


def test_the_status_bar_never_says_first_claim_without_an_article(open_window, settings,
                                                                   tmp_path):
    window = open_window(tmp_path / "empty.sqlite", settings)
    for key in ("j", "k"):
        press(window, key)
        message = window.statusBar().currentMessage()
        assert "No article is open" in message and "First claim" not in message


def test_the_undo_history_says_it_ends_at_restart(window):
    assert window.edit_menu.toolTipsVisible()
    for name in ("undo", "redo"):
        assert "ends when the window closes" in window.actions_by_name[name].toolTip()


def test_file_annotator_changes_the_name_and_asks_for_a_name_with_work(
        open_window, review_db, settings, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from annotator.gui import annotator_name

    window = open_window(review_db, settings)
    press(window, "a")  # anna reviews a claim
    article = window.workspace.article_id
    names = iter(["  ben ", "anna"])
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *args, **kwargs: (next(names), True))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *rest: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    assert "Annotator…" in [a.text().replace("&", "") for a in window.file_menu.actions()]
    ben = annotator_name.change_annotator(window)  # deletes itself when it closes
    assert window.closing and ben.annotator == "ben" and settings.annotator == "ben"
    assert ben.workspace.article_id == article and not asked  # ben has no work yet
    anna = annotator_name.change_annotator(ben)
    assert anna.annotator == "anna" and "anna has already reviewed 1 claim" in asked[0]
    anna.close()
