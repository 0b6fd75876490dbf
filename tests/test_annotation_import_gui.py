"""File → Import annotations… in the window: an ML engineer brings a
model's predictions (in our JSONL) into the project as their own layer,
by keyboard; a broken file is refused with its line and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.export import ExportOptions, export_project
from annotator.core.models import Annotation, Decision
from annotator.core.project import Project
from annotator.gui import annotation_import_dialog
from annotator.gui.annotation_import_dialog import AnnotationImportDialog

SCREENSHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def predictions(review_db, tmp_path) -> Path:
    """anna's judgements of the first article, exported as JSONL: stand-ins
    for another tool's predictions."""
    out = tmp_path / "predictions.jsonl"
    with Project.open(review_db) as project:
        article_id = project.article_ids()[0]
        for suggestion in project.suggestions(article_id):
            project.save_annotation(Annotation(
                article_id=article_id, annotator="anna", decision=Decision.ACCEPT,
                start=suggestion.start, end=suggestion.end, source=suggestion.source,
                cue=suggestion.cue, suggestion_id=suggestion.id, reliability="C", credibility=3))
        export_project(project, ExportOptions(annotators=["anna"]), out)
    return out


@pytest.fixture
def told(monkeypatch):
    messages = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(annotation_import_dialog.QMessageBox, kind,
                            lambda parent, title, text: messages.append((title, text)))
    return messages


def fill_in(path: Path, annotator: str, screenshot: str | None = None):
    def run():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AnnotationImportDialog)
        QTest.keyClicks(dialog.file, str(path))
        dialog.annotator.setFocus()
        QTest.keyClicks(dialog.annotator, annotator)
        if screenshot:
            SCREENSHOTS.mkdir(exist_ok=True)
            assert dialog.grab().save(str(SCREENSHOTS / screenshot))
        QTest.keyClick(dialog.annotator, Qt.Key.Key_Return)
    return run


def test_predictions_come_in_as_a_layer_by_keyboard(qtbot, open_window, review_db, settings, told,
                                                    predictions):
    window = open_window(review_db, settings)
    assert window.import_annotations_action in window.file_menu.actions()
    QTimer.singleShot(0, fill_in(predictions, "model-v2", "import-annotations-dialog.png"))
    window.import_annotations_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    title, text = told[0]
    assert title == "Annotations imported" and "model-v2 (1)" in text
    with Project.open(review_db) as project:
        imported = project.annotations(annotator="model-v2")
        assert imported and all(a.reliability == "C" for a in imported)


def test_a_broken_file_names_its_line_and_imports_nothing(qtbot, open_window, review_db, settings,
                                                          told, predictions, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(predictions.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    window = open_window(review_db, settings)
    QTimer.singleShot(0, fill_in(broken, "model-v2"))
    window.import_annotations_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    title, text = told[0]
    assert title == "Nothing imported" and f"{broken}, line 2" in text
    with Project.open(review_db) as project:
        assert project.annotations(annotator="model-v2") == []


def test_the_form_says_what_is_missing(qtbot, tmp_path, predictions):
    dialog = AnnotationImportDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled() and "Choose the JSONL file" in dialog.message.text()
    dialog.file.setText(str(tmp_path / "missing.jsonl"))
    assert "There is no file" in dialog.message.text()
    dialog.file.setText(str(predictions))
    assert dialog.import_button.isEnabled()
    dialog.annotator.setText("@model")
    assert not dialog.import_button.isEnabled() and "reserved" in dialog.message.text()
    dialog.annotator.setText("")
    assert dialog.annotator_name() is None and dialog.import_button.isEnabled()
