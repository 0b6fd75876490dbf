"""Starting the GUI: ``run(db_path)`` (used by ``annotator gui`` and ``annotator
demo``; the ``annotator-gui`` command is annotator/gui_launcher.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from annotator import __version__, system_libraries
from annotator.core.database import APP_NAME, DB_ENV_VAR, EmptyFileError
from annotator.core.project import Project
from annotator.core.resources import resource_path
from annotator.core.settings import Settings
from annotator.gui import errors

# Interactive writes wait at most this long for another writer, then say so.
GUI_BUSY_TIMEOUT_MS = 3000
_windows: list[QWidget] = []  # open main windows (Qt needs a Python reference)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("annotator")
    app.setApplicationVersion(__version__)
    # The desktop file's name (packaging/linux): Wayland shows its icon.
    app.setDesktopFileName("io.github.newsannotator.Annotator")
    app.setWindowIcon(QIcon(str(resource_path("icons", "annotator.svg"))))
    return app


def open_main_window(path: Path, settings: Settings, *, create: bool = True,
                     parent: QWidget | None = None):
    """Open the project at ``path`` in a new main window; None (after an error
    dialog) if it cannot be opened."""
    from annotator.gui.main_window import MainWindow

    try:
        # No annotator row yet: the reviewer becomes an annotator of this project
        # with their first judgement (a lead opening a merged database to
        # adjudicate or look around adds no empty layer to it, nor to later merges).
        project = _open_project(path, create, parent)
        if project is None:
            return None
    except Exception as error:  # noqa: BLE001 - shown to the user, never hidden
        errors.show_error(parent, f"Opening {path}", error)
        return None
    settings.remember_project(path)
    try:
        settings.save()
    except OSError:
        pass  # the window still works; the position is saved again on close
    window = MainWindow(project, settings.annotator, settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda: _windows.remove(window) if window in _windows else None)
    _windows.append(window)
    window.show()
    return window


def _open_project(path: Path, create: bool, parent: QWidget | None) -> Project | None:
    """The project at ``path``; an existing empty file only if the user says
    so (it may be another program's file); None if they do not."""
    try:
        return Project.open(path, create=create, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    except EmptyFileError:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, "Empty file",
                          f"{path} is an empty file.\n\nMake it a new annotator project?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return None
        return Project.open(path, create=create, adopt_empty=True, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)


def _project_to_open(db_path: Path | None, settings: Settings) -> tuple[Path, bool] | None:
    import os

    from annotator.core.demo import demo_db_path
    from annotator.gui.first_run import choose_project

    if db_path is not None:
        return Path(db_path), True
    if os.environ.get(DB_ENV_VAR):
        return Path(os.environ[DB_ENV_VAR]), True
    if settings.last_project and Path(settings.last_project).is_file():
        return Path(settings.last_project), False
    return choose_project(None, demo_db_path())


def run(db_path: Path | None = None) -> int:
    """Show the window on ``db_path`` (else $ANNOTATOR_DB, the last project, or
    ask) and run the event loop. Returns the exit code."""
    from annotator.gui.first_run import ask_annotator_name

    problem = system_libraries.check()
    if problem is not None:  # Qt would abort naming only the first one
        print(problem, file=sys.stderr)
        return 1
    app = application()
    settings = Settings.load()
    if not settings.annotator:
        name = ask_annotator_name(None)
        if name is None:
            return 1
        settings.annotator = name
        settings.save()
    chosen = _project_to_open(db_path, settings)
    if chosen is None:
        return 1
    if open_main_window(chosen[0], settings, create=chosen[1]) is None:
        return 1
    from annotator.gui.termination import close_windows_on_ending_signals

    close_windows_on_ending_signals(app)
    return app.exec()


