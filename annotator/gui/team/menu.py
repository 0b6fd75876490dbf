"""The Team menu's handlers: merge databases, adjudicate, dashboard. Thin
slots: each starts a core operation in a worker (progress dialog, Cancel) and
shows the result. The actions themselves are rows of the window's action
table (annotator.gui.shortcuts). The dashboard refreshes from the window's
bus of changes, at most every few seconds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core import operations
from annotator.core.changes import Changes
from annotator.core.team.adjudication import disagreements
from annotator.core.team.dashboard_data import dashboard_data
from annotator.core.team.settling import rank
from annotator.gui.team.adjudication_view import AdjudicationView
from annotator.gui.team.dashboard import Dashboard

DATABASES = "Annotator projects (*.sqlite *.db);;All files (*)"


class TeamMenu:
    """Owns the Team menu's actions and windows for one main window."""

    def __init__(self, window):
        self.window = window
        self.adjudication: AdjudicationView | None = None
        self.dashboard: Dashboard | None = None
        # Writes come in bursts (a reviewer at work): refresh a few seconds after.
        self.timer = QTimer(window, singleShot=True, interval=3000)
        self.timer.timeout.connect(self.refresh_dashboard)
        window.bus.changed.connect(self._changed)

    # -- merge ----------------------------------------------------------------------------

    def ask_and_merge(self) -> None:
        folder = str(self.window.project_path.parent)
        inputs, _ = QFileDialog.getOpenFileNames(
            self.window, "Merge: the annotators' databases (this project is included)",
            folder, DATABASES)
        if not inputs:
            return
        output, _ = QFileDialog.getSaveFileName(self.window, "Merge into a new database",
                                                folder, DATABASES)
        if output:
            self.merge([self.window.project_path, *map(Path, inputs)], Path(output))

    def merge(self, inputs: list[Path], output: Path):
        def job(on_progress, should_cancel):
            return operations.merge(inputs, output, on_progress=on_progress,
                                    should_cancel=should_cancel)

        return self.window.run_operation("Merge", job, operations.MERGED, db_path=None,
                                         label="Merging databases…", on_success=self._merged)

    def _merged(self, summary) -> None:
        answer = QMessageBox.question(
            self.window, "Merge finished", "\n".join(summary.lines())
            + "\n\nOpen the merged project now?")
        if answer == QMessageBox.StandardButton.Yes:
            self.window.switch_project(summary.output)

    # -- adjudication ---------------------------------------------------------------------

    def open_adjudication(self):
        if self.adjudication is None:
            self.adjudication = AdjudicationView(self.window.project, self.window,
                                                 bus=self.window.bus, window=self.window)
            self.adjudication.setWindowFlag(Qt.WindowType.Window)
            team_window(self.adjudication, 1100, 700)
        self.adjudication.show()
        self.adjudication.raise_()
        return self._find_disagreements()

    def _find_disagreements(self):
        return self.window.run_job(
            "Adjudication", lambda project, on_progress, should_cancel: disagreements(project),
            label="Finding claims where annotators differ…",
            on_success=lambda groups: self.adjudication.load(rank(groups)))

    # -- dashboard ------------------------------------------------------------------------

    def open_dashboard(self):
        if self.dashboard is None:
            self.dashboard = Dashboard(self.window)
            self.dashboard.setWindowFlag(Qt.WindowType.Window)
            team_window(self.dashboard, 1100, 800)
            # F5 is the table's action; it works in the dashboard's window too.
            self.dashboard.addAction(self.window.actions_by_name["refresh_dashboard"])
        self.dashboard.show()
        self.dashboard.raise_()
        return self.refresh_dashboard()

    def refresh_dashboard(self):
        if self.dashboard is None or not self.dashboard.isVisible():
            return None
        return self.window.run_job(
            "Dashboard", lambda project, on_progress, should_cancel: dashboard_data(project),
            label="Computing progress and agreement…", on_success=self.dashboard.show_data)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if changes.progress or changes.team or changes.annotators:
            self._schedule_dashboard()
        if changes.team or changes.annotators:  # the list's curation column
            self.window.article_model.forget_curation()
        # Another annotator's layer came in (import, merge): the disagreements differ.
        view = self.adjudication
        if view is not None and view.isVisible() and initiator is not view \
                and (changes.annotators or changes.all_articles):
            self._find_disagreements()

    def _schedule_dashboard(self) -> None:
        if self.dashboard is not None and self.dashboard.isVisible():
            self.timer.start()


def team_window(widget: QWidget, width: int, height: int) -> None:
    """A window of its own that fits the screen (the dashboard ran 15 px below
    it: its frame was not counted) and closes with Esc or Ctrl+W."""
    screen = (widget.parentWidget() or widget).screen().availableGeometry()
    frame = 40  # title bar and borders the window manager adds
    widget.resize(min(width, screen.width() - frame), min(height, screen.height() - frame))
    widget.move(screen.left() + max((screen.width() - widget.width()) // 2, 0),
                screen.top() + max((screen.height() - widget.height() - frame) // 2, 0))
    keys_list: list[QKeySequence] = []
    for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W"),
                 *QKeySequence.keyBindings(QKeySequence.StandardKey.Close)):
        if keys not in keys_list:  # the same key twice would be ambiguous: neither fires
            keys_list.append(keys)
    for keys in keys_list:
        shortcut = QShortcut(keys, widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(widget.close)


def install_team_menu(window) -> TeamMenu:
    """The Team menu's controller, kept on the window (its actions come from the table)."""
    window.team = TeamMenu(window)
    return window.team
