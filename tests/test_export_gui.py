"""File → Export… in the window: the ML engineer picks options by keyboard,
the export runs in a worker, and the files appear."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_export_helpers import read_jsonl

from annotator.core.models import Annotation, Decision
from annotator.core.project import Project
from annotator.gui import export_dialog
from annotator.gui.export_dialog import ExportDialog

SCREENSHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def reviewed_db(review_db):
    """anna accepted every suggestion of the first two articles."""
    with Project.open(review_db) as project:
        for article_id in project.article_ids()[:2]:
            for suggestion in project.suggestions(article_id):
                project.save_annotation(Annotation(
                    article_id=article_id, annotator="anna", decision=Decision.ACCEPT,
                    start=suggestion.start, end=suggestion.end, source=suggestion.source,
                    cue=suggestion.cue, suggestion_id=suggestion.id, reliability="B", credibility=2))
    return review_db


@pytest.fixture
def told(monkeypatch):
    """What the user is told at the end, instead of a blocking message box."""
    messages = []
    monkeypatch.setattr(export_dialog.QMessageBox, "information",
                        lambda parent, title, text: messages.append((title, text)))
    monkeypatch.setattr(export_dialog.QMessageBox, "warning",
                        lambda parent, title, text: messages.append((title, text)))
    return messages


def test_export_from_the_file_menu_by_keyboard(qtbot, open_window, reviewed_db, settings, told, tmp_path):
    window = open_window(reviewed_db, settings)
    assert window.export_action in window.file_menu.actions()
    target = tmp_path / "claims.jsonl"

    def fill_in_and_export():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.output.setFocus()
        dialog.output.selectAll()
        QTest.keyClicks(dialog.output, str(target))
        dialog.split_enabled.setFocus()
        QTest.keyClick(dialog.split_enabled, Qt.Key.Key_Space)  # tick "Split by article"
        SCREENSHOTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(SCREENSHOTS / "export-dialog.png"))
        QTest.keyClick(dialog.output, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in_and_export)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told[0][0] == "Export finished", told
    written = [tmp_path / f"claims.{name}.jsonl" for name in ("train", "dev", "test")]
    assert sum(len(read_jsonl(path)) for path in written) == 2
    assert (tmp_path / "claims.card.md").exists()


def test_the_form_refuses_what_the_core_refuses(qtbot, tmp_path):
    dialog = ExportDialog(["anna", "ben"], tmp_path / "claims.jsonl")
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled()
    dialog.split_enabled.setChecked(True)
    dialog.split.setText("train=0.5")
    assert not dialog.export_button.isEnabled()
    assert "add up to 1" in dialog.message.text()
    dialog.split.setText("train=0.5,test=0.5")
    dialog.annotators.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options().annotators == ["ben"]
    dialog.annotators.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert "tick at least one annotator" in dialog.message.text().lower()


def test_the_export_cache_is_used_unless_unticked(qtbot, tmp_path):
    dialog = ExportDialog(["anna"], tmp_path / "claims.jsonl")
    qtbot.addWidget(dialog)
    assert dialog.reuse.isChecked() and dialog.options().line_cache
    dialog.reuse.setFocus()
    QTest.keyClick(dialog.reuse, Qt.Key.Key_Space)
    assert dialog.options().line_cache is False


def test_choosing_spacy_turns_the_output_into_a_folder(qtbot, tmp_path):
    dialog = ExportDialog(["anna"], tmp_path / "claims.jsonl")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("spacy"))
    assert dialog.output_path() == tmp_path / "claims"
    assert not dialog.reuse.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    assert dialog.output_path() == tmp_path / "claims.jsonl"


def test_an_empty_selection_is_explained_and_nothing_written(qtbot, open_window, review_db, settings,
                                                            told, tmp_path):
    window = open_window(review_db, settings)  # nobody has reviewed anything yet
    from annotator.core.export import ExportOptions

    export_dialog.start_export(window, ExportOptions(), tmp_path / "claims.jsonl")
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told[0][0] == "Nothing exported" and "nothing to export" in told[0][1]
    assert not (tmp_path / "claims.jsonl").exists()


def test_exporting_again_tells_what_came_from_the_export_cache(qtbot, open_window, reviewed_db,
                                                               settings, told, tmp_path):
    window = open_window(reviewed_db, settings)
    from annotator.core.export import ExportOptions

    for done, name in enumerate(("first.jsonl", "second.jsonl"), start=1):
        export_dialog.start_export(window, ExportOptions(), tmp_path / name)
        qtbot.waitUntil(lambda done=done: len(told) == done, timeout=30_000)
    assert "export cache" not in told[0][1]
    assert "2 unchanged articles copied from the export cache, 0 rendered" in told[1][1]
    assert (tmp_path / "first.jsonl").read_bytes() == (tmp_path / "second.jsonl").read_bytes()


def test_the_progress_shows_at_once_and_spacy_loads_while_the_dialog_is_open(
        qtbot, open_window, reviewed_db, settings, told, tmp_path, monkeypatch):
    """The first export showed nothing for 3.5 s (spaCy loading): the progress
    dialog is up before the job's first line runs, and the dialog starts
    loading the tokenizer in the background."""
    window = open_window(reviewed_db, settings)
    from annotator.core.export import ExportOptions

    job = export_dialog.start_export(window, ExportOptions(), tmp_path / "claims.jsonl")
    assert job.dialog.isVisible()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    started = []
    monkeypatch.setattr(export_dialog, "warm_up_tokenizer", lambda: started.append(True))
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    export_dialog.open_export_dialog(window)
    assert started == [True]


def test_an_export_with_incomplete_records_warns_loudly(qtbot, open_window, reviewed_db, settings,
                                                        told, tmp_path):
    with Project.open(reviewed_db) as project:  # anna takes one judgement back: half-reviewed
        project.delete_annotation(project.annotations(annotator="anna")[0].id)
    window = open_window(reviewed_db, settings)
    from annotator.core.export import ExportOptions

    export_dialog.start_export(window, ExportOptions(), tmp_path / "all.jsonl")
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    title, text = told[0]
    assert title == "Export finished with incomplete records"
    assert "suggestion not yet judged (annotator layer)" in text and "--require-complete" in text
