"""File ▸ Annotator…: change the name the reviewer annotates under.

Every claim is stored with the annotator's name, so a new name is a new
layer: the window reopens on the same project and article as that
annotator. A name that already has annotations in this project is someone's
work (or the reviewer's own under another spelling): ask before continuing
as them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotator.core.models import check_annotator_name

PROMPT = ("The name stored with every claim you review. A new name starts a\n"
          "layer of its own; your work under the old name stays as it is.")


def ask_new_name(window) -> str | None:
    """Ask for a valid name (again after an invalid one); None if cancelled or unchanged."""
    prompt, name = PROMPT, window.annotator
    while True:
        name, ok = QInputDialog.getText(window, "Annotator", prompt, text=name)
        if not ok:
            return None
        try:
            name = check_annotator_name(name)
        except ValueError as error:
            prompt = f"{error}. Please enter a name:"
            continue
        return None if name == window.annotator else name


def confirm_existing(window, name: str) -> bool:
    """True unless ``name`` has annotations here and the reviewer says no."""
    reviewed = window.project.progress(name).reviewed if name in window.project.annotators() else 0
    if not reviewed:
        return True
    claims = "1 claim" if reviewed == 1 else f"{reviewed:,} claims"
    answer = QMessageBox.question(
        window, "Annotator",
        f"{name} has already reviewed {claims} in this project.\n\n"
        f"Continue as {name}? Your changes will be stored as theirs.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def change_annotator(window):
    """Ask, confirm, remember the name and reopen the project under it. The
    new window, or None when nothing changed."""
    from annotator.gui import app

    name = ask_new_name(window)
    if name is None or not confirm_existing(window, name):
        return None
    window.settings.annotator = name
    window.close()  # saves the position and layout under the settings
    return app.open_main_window(window.project_path, window.settings, create=False)
