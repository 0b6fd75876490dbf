"""Fixtures for the GUI tests: a project of the seed articles with
deterministic suggestions, and the real main window on it.

(Its fixtures are registered in conftest.py; test modules import its helpers.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.importer import import_paths
from annotator.core.models import Attribution, ClaimSuggestion, Span
from annotator.core.project import Project
from annotator.core.settings import Settings

CUES = r"(sagte|warnte|erklärte|betonte|bestätigte|berichtete|laut|zufolge)"


def suggest_by_cue(text: str) -> list[ClaimSuggestion]:
    """One suggestion per sentence with a reporting cue; the source is the
    sentence's first two words (wrong on purpose: reviewers fix spans)."""
    suggestions = []
    for sentence in re.finditer(r"[^.!?\n]+[.!?]", text):
        cue = re.search(CUES, sentence.group())
        if cue is None:
            continue
        start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
        words = re.match(r"\S+\s+\S+", text[start:sentence.end()])
        source = Span(start, start + words.end()) if words else None
        suggestions.append(ClaimSuggestion(
            start, sentence.end(), source=source,
            cue=Span(sentence.start() + cue.start(), sentence.start() + cue.end()),
            attribution=Attribution.INDIRECT, score=0.5))
    return suggestions


def add_suggestions(project: Project) -> None:
    for article in project.iter_articles():
        project.set_suggestions(article.id, suggest_by_cue(article.text), "test-cues", "1")


@pytest.fixture
def review_db(tmp_path, seed_paths) -> Path:
    path = tmp_path / "review.sqlite"
    with Project.open(path) as project:
        import_paths(project, seed_paths)
        add_suggestions(project)
    return path


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(annotator="anna", path=tmp_path / "settings.json")


@pytest.fixture
def open_window(qtbot, monkeypatch):
    """open_window(db_path, settings) -> the shown, active main window.
    Error dialogs are recorded in ``window.shown_errors`` instead of blocking."""
    from annotator.gui import errors
    from annotator.gui.app import open_main_window

    shown: list[tuple[str, BaseException]] = []
    monkeypatch.setattr(errors, "show_error",
                        lambda parent, action, error: shown.append((action, error)))
    windows = []

    def open_(db_path: Path, settings: Settings):
        window = open_main_window(db_path, settings)
        assert window is not None, shown
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.shown_errors = shown
        qtbot.addWidget(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
        windows.append(window)
        return window

    yield open_
    for window in windows:
        if not window.closing:
            window.close()


@pytest.fixture
def window(open_window, review_db, settings):
    return open_window(review_db, settings)


def press(window, key: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    """A key press as the reviewer makes it: into the focused article text."""
    QTest.keyClick(widget or window.workspace.view, key, modifier)


def db_annotations(path: Path, annotator: str = "anna"):
    with Project.open(path, create=False) as project:
        return project.annotations(annotator=annotator)
