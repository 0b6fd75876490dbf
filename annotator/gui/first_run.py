"""First-run questions: who is annotating, and which project to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from annotator.core.models import check_annotator_name
from annotator.core.resources import resource_path
from annotator.gui.jobs import import_job
from annotator.gui.workers import run_job


def ask_annotator_name(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask until the name is acceptable or the person cancels."""
    prompt = ("Your name as an annotator. It is stored with every claim you review\n"
              "(and kept in your user settings, so you are asked only once).")
    name = current or ""
    while True:
        name, ok = QInputDialog.getText(parent, "Welcome to annotator", prompt, text=name)
        if not ok:
            return None
        try:
            return check_annotator_name(name)
        except ValueError as error:
            prompt = f"{error}. Please enter your name:"


def choose_project(parent: QWidget | None, demo_path: Path) -> tuple[Path, bool] | None:
    """(path, create) for the project to open, or None if cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, "Open a project",
                      "Open an existing project, start a new one, or try the bundled "
                      "German demo corpus.", QMessageBox.StandardButton.Cancel, parent)
    open_button = box.addButton("&Open project…", QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton("&New project…", QMessageBox.ButtonRole.AcceptRole)
    demo_button = box.addButton("&Demo corpus", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        path, _ = QFileDialog.getOpenFileName(parent, "Open project", str(Path.home()),
                                              "Annotator projects (*.sqlite *.db);;All files (*)")
        return (Path(path), False) if path else None
    if clicked is new_button:
        path, _ = QFileDialog.getSaveFileName(parent, "New project",
                                              str(Path.home() / "project.sqlite"),
                                              "Annotator projects (*.sqlite)")
        return (Path(path), True) if path else None
    if clicked is demo_button:
        return (demo_path, True) if build_demo(parent, demo_path) else None
    return None


def build_demo(parent: QWidget | None, path: Path) -> bool:
    """Import the demo corpus (highlighted) in a worker; wait without freezing."""
    from annotator.core.project import Project

    Project.open(path, create=True).close()
    loop = QEventLoop()
    outcome: list[bool] = []
    run_job(parent, "Demo corpus", import_job([resource_path("demo")]), db_path=path,
            label="Preparing the demo corpus…", on_success=lambda _: outcome.append(True),
            on_finished=loop.quit)
    loop.exec()
    return bool(outcome)
