"""An empty file chosen as a project is someone's file until the user says
otherwise: the window asks, and only Yes makes it a project."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.gui import app as gui_app


def test_opening_an_empty_file_asks_and_no_leaves_it_alone(qapp, monkeypatch, tmp_path, settings):
    empty = tmp_path / "notes.sqlite"
    empty.touch()
    asked = []

    def answer(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert gui_app.open_main_window(empty, settings, create=False) is None
    assert "empty file" in asked[0] and empty.stat().st_size == 0


def test_yes_makes_the_empty_file_a_project(qapp, monkeypatch, tmp_path, settings):
    empty = tmp_path / "new.sqlite"
    empty.touch()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    window = gui_app.open_main_window(empty, settings, create=False)
    try:
        assert window is not None and empty.stat().st_size > 0
    finally:
        if window is not None:
            window.close()
