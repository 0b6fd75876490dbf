"""One accept key press goes to the core once and comes back once, as a record
of changes every view refreshes from; menus, the F1 sheet and the guidelines
all come from one action table."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt
from test_team_gui import team_db  # noqa: F401 (the fixture)

from annotator.core.changes import Changes
from annotator.core.operations import IMPORTED
from annotator.core.project import Project
from annotator.core.review.claims import ClaimState


def test_an_accept_reads_the_claim_once_and_publishes_one_record(window, review_db):
    records: list[tuple[Changes, object]] = []
    window.bus.changed.connect(lambda changes, initiator: records.append((changes, initiator)))
    statements: list[str] = []
    window.project.db.conn.set_trace_callback(statements.append)
    try:
        press(window, "a")
    finally:
        window.project.db.conn.set_trace_callback(None)
    stored = db_annotations(review_db)
    assert len(stored) == 1 and stored[0].decision.value == "accept"
    article_id = window.workspace.article_id
    assert records == [(Changes(articles=frozenset({article_id}),
                                annotations=frozenset({stored[0].id})), window.workspace)]
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")
             and "FROM annotations" in s]
    assert len(reads) == 1, reads  # the "before" state is read once, inside the write
    claims = window.workspace.session.claims
    assert claims[0].state == ClaimState.ACCEPTED
    assert "Article: 1/" in window.progress_label.text()
    assert window.claim_list.model_.data(window.claim_list.model_.index(0)).startswith("1 ✓")


def test_an_import_elsewhere_reaches_the_list_and_status_bar_through_the_record(window,
                                                                                 review_db):
    from annotator.core.models import NewArticle

    rows = window.article_model.rowCount()
    with Project.open(review_db, create=False) as other:  # what the import worker does
        other.add_article(NewArticle(text="Die Polizei sagte, es sei ruhig.", title="Neu"))
    assert window.article_model.rowCount() == rows  # nobody said anything yet
    window.bus.publish(IMPORTED)
    assert window.article_model.rowCount() == rows + 1


def test_the_dashboard_refreshes_from_the_record_not_from_its_file(window, qtbot):
    from PySide6.QtCore import QFileSystemWatcher

    window.actions_by_name["dashboard"].trigger()  # Ctrl+Shift+D
    qtbot.waitUntil(lambda: hasattr(window.team.dashboard, "data"), timeout=10000)
    assert window.findChildren(QFileSystemWatcher) == []
    assert not window.team.timer.isActive()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, "a")
    assert window.team.timer.isActive()  # a refresh is due in a few seconds


def test_menus_the_sheet_and_the_guidelines_come_from_one_table(window):
    from annotator.core.resources import resource_path
    from annotator.gui.shortcuts import ACTIONS, ShortcutSheet, guidelines_section, key_text

    sheet = ShortcutSheet(window)
    keys = {sheet.table.item(row, 1).text(): sheet.table.item(row, 2).text()
            for row in range(sheet.table.rowCount())}
    sheet.close()
    for label, key in (("Export training data…", "Ctrl+Shift+E"),
                       ("Import annotations (JSONL)…", "Ctrl+Shift+I"),
                       ("Merge databases…", "Ctrl+Shift+M"),
                       ("Adjudicate disagreements", "Ctrl+Shift+J"),
                       ("Dashboard", "Ctrl+Shift+D"), ("Refresh the dashboard", "F5")):
        assert keys[label] == key
    in_menus = {action.objectName() for menu in window.findChildren(type(window.file_menu))
                for action in menu.actions() if action.objectName()}
    assert in_menus == {spec.name for spec in ACTIONS if spec.menu is not None}
    guidelines = resource_path("guidelines.md").read_text(encoding="utf-8")
    assert guidelines.endswith(guidelines_section()), \
        "run: python -m annotator.gui.shortcuts resources/guidelines.md"
    assert "| Export training data… | Ctrl+Shift+E |" in guidelines
    assert all(key_text(spec) in keys.values() for spec in ACTIONS)


def test_undo_comes_back_as_a_record_too(window, review_db):
    records: list[Changes] = []
    press(window, "a")
    window.bus.changed.connect(lambda changes, initiator: records.append(changes))
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_annotations(review_db) == []
    assert len(records) == 1 and records[0].touches(window.workspace.article_id)


def test_the_adjudication_view_settles_through_the_core_and_hears_of_new_layers(
        open_window, settings, team_db, qtbot):  # noqa: F811
    from annotator.core.operations import IMPORTED_ANNOTATIONS

    window = open_window(team_db, settings)
    job = window.team.open_adjudication()
    view = window.team.adjudication
    qtbot.waitUntil(lambda: job.isFinished() and bool(view.groups), timeout=10000)
    records: list[tuple[Changes, object]] = []
    window.bus.changed.connect(lambda changes, initiator: records.append((changes, initiator)))
    view.take_version(0)  # the lead's choice: saved, then said once
    assert len(records) == 1 and records[0][1] is view and records[0][0].team
    settled = sum(group.settled for group in view.groups)
    assert settled == 1
    shown = view.groups
    window.bus.publish(IMPORTED_ANNOTATIONS)  # e.g. a third annotator's file came in
    qtbot.waitUntil(lambda: view.groups is not shown, timeout=10000)  # found again
    assert sum(group.settled for group in view.groups) == settled  # and still settled
