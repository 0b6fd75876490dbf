"""Errors shown to people: what happened and what to do.

Every failure path of the GUI ends here. ``show_error`` is looked up at call
time (``errors.show_error(...)``) so tests can replace it.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.database import ProjectError
from annotator.core.importer import InputError
from annotator.gui.plain_text import plain_labels

NOT_SAVED = "Nothing you saw as saved was lost; the last change was not saved."


def explain(error: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an exception."""
    text = str(error)
    lowered = text.lower()
    if isinstance(error, sqlite3.OperationalError) and "locked" in lowered:
        return ("The project database is locked by another program or a running job.",
                "Wait for the import, merge or other program to finish, then try again. "
                + NOT_SAVED)
    if "disk is full" in lowered or "no space" in lowered or getattr(error, "errno", None) == 28:
        return ("The disk is full.", "Free some disk space, then repeat the last action. "
                + NOT_SAVED)
    if isinstance(error, sqlite3.OperationalError) and "readonly" in lowered:
        return ("The project database is read-only.",
                "Check the file's permissions or copy the project somewhere you can write.")
    if isinstance(error, InputError):
        return (f"Cannot import {error.path}" + (f", line {error.line}" if error.line else "")
                + f": {error.message}", "Fix the file (or import without it); "
                "the project was not changed.")
    if isinstance(error, ProjectError):
        return (text, "Choose another file, or create a new project.")
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return (f"A file could not be read or written{where}: {error.strerror or text}",
                "Check that the file exists and that you may read and write it.")
    if isinstance(error, sqlite3.DatabaseError):
        return (f"The project database reported an error: {text}",
                "Run 'annotator info' on the project to check it. " + NOT_SAVED)
    return (f"{type(error).__name__}: {text}", "Please report this with the steps that led to it.")


def show_error(parent: QWidget | None, action: str, error: BaseException) -> None:
    """A modal dialog: "<action> failed", what happened, what to do."""
    happened, todo = explain(error)
    box = QMessageBox(QMessageBox.Icon.Critical, f"{action} failed", happened,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(todo)
    box.setDetailedText(f"{type(error).__name__}: {error}")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote file content
    plain_labels(box)
    box.exec()
