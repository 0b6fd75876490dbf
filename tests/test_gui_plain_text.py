"""Data is never rendered as rich text: an article whose title, outlet and
text are full of markup, and annotators named in HTML, show literally in
every label, tooltip and dialog of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from annotator.core.models import Annotation, ClaimSuggestion, Decision, NewArticle, Span
from annotator.core.project import Project
from annotator.core.team.adjudication import disagreements

MARKUP = '<b>fett</b><img src="x.png"><a href="http://evil">link</a>'
TEXT = f"{MARKUP}\n\nDer Minister <i>sagte</i>, die Lage sei ernst. {MARKUP}"


def rendered(text: str) -> str:
    """What Qt shows for a label or tooltip text it takes as rich text."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def assert_shown_literally(texts: list[tuple[str, str]]) -> None:
    """Every text carrying our markup shows it as typed, not rendered."""
    for where, text in texts:
        if "<b>" in text or "&lt;b&gt;" in text:
            assert "<b>fett</b>" in rendered(text), (where, text)


def label_texts() -> list[tuple[str, str]]:
    texts = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and "<b>" in widget.text():
            assert widget.textFormat() == Qt.TextFormat.PlainText, (widget.objectName(), widget.text())
        texts.append((type(widget).__name__, widget.toolTip()))
    return texts


@pytest.fixture
def markup_db(tmp_path) -> Path:
    path = tmp_path / "markup.sqlite"
    with Project.open(path) as project:
        with project.transaction():
            article_id, _ = project.insert_article(NewArticle(text=TEXT, title=MARKUP, outlet=MARKUP))
        claim = TEXT.index("Der Minister")
        project.set_suggestions(article_id, [ClaimSuggestion(claim, TEXT.index(" " + MARKUP, claim),
                                                             source=Span(claim, claim + 12))], "t", "1")
        [suggestion] = project.suggestions(article_id)
        for name, grade in (("<b>anna</b>", "A"), ("<i>ben</i>", "E")):
            project.save_annotation(Annotation(
                article_id=article_id, annotator=name, decision=Decision.ACCEPT,
                start=suggestion.start, end=suggestion.end, source=suggestion.source,
                suggestion_id=suggestion.id, reliability=grade))
    return path


def test_an_article_full_of_markup_shows_it_literally_everywhere(open_window, markup_db, settings, qtbot):
    window = open_window(markup_db, settings)
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 1)
    window.workspace.open_article(window.article_list.model.data(window.article_list.model.index(0, 0),
                                                                 Qt.ItemDataRole.UserRole))
    model = window.article_list.model
    tips = [(f"article list column {column}", model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole))
            for column in range(model.columnCount(QModelIndex()))]
    assert any("<b>" in (tip or "") or "&lt;b&gt;" in (tip or "") for _, tip in tips)
    assert_shown_literally([(where, tip or "") for where, tip in tips])
    assert_shown_literally(label_texts())


def test_the_adjudication_view_names_annotators_and_titles_literally(qtbot, markup_db):
    from annotator.gui.team.adjudication_view import AdjudicationView

    with Project.open(markup_db) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.show()
        view.load(disagreements(project))
        assert view.groups
        qtbot.keyClick(view.claims, Qt.Key.Key_Right)
        assert view.legend.textFormat() == Qt.TextFormat.PlainText and "<" in view.legend.text()
        item_tips = [("adjudication list", view.claims.item(i).toolTip()) for i in range(view.claims.count())]
        assert_shown_literally(item_tips)
        assert "<b>fett</b>" in rendered(item_tips[0][1])
        assert_shown_literally(label_texts())


def test_the_error_dialog_shows_file_content_as_plain_text(qtbot, monkeypatch, tmp_path):
    from annotator.core.importer import InputError
    from annotator.gui import errors

    boxes: list[QMessageBox] = []

    def capture(box):
        boxes.append(box)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", capture)
    errors.show_error(None, "Import", InputError(tmp_path / f"{MARKUP}.jsonl", 3, f"bad value {MARKUP}"))
    [box] = boxes
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert any("<b>fett</b>" in label.text() for label in labels)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
