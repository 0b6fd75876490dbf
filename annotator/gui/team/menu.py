"""The Team menu's handlers: merge databases, adjudicate, dashboard. Thin
slots: each starts a core operation in a worker (progress dialog, Cancel) and
shows the result. The actions themselves are rows of the window's action
table (annotator.gui.shortcuts). The dashboard refreshes from the window's
bus of changes, at most every few seconds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core import operations
from annotator.core.changes import Changes
from annotator.core.team.adjudication import disagreements
from annotator.core.team.dashboard_data import dashboard_data
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
                                                 bus=self.window.bus)
            self.adjudication.setWindowFlag(Qt.WindowType.Window)
            self.adjudication.resize(1100, 700)
        self.adjudication.show()
        self.adjudication.raise_()
        return self._find_disagreements()

    def _find_disagreements(self):
        return self.window.run_job(
            "Adjudication", lambda project, on_progress, should_cancel: disagreements(project),
            label="Finding claims where annotators differ…", on_success=self.adjudication.load)

    # -- dashboard ------------------------------------------------------------------------

    def open_dashboard(self):
        if self.dashboard is None:
            self.dashboard = Dashboard(self.window)
            self.dashboard.setWindowFlag(Qt.WindowType.Window)
            self.dashboard.resize(1100, 800)
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
        # Another annotator's layer came in (import, merge): the disagreements differ.
        view = self.adjudication
        if view is not None and view.isVisible() and initiator is not view \
                and (changes.annotators or changes.all_articles):
            self._find_disagreements()

    def _schedule_dashboard(self) -> None:
        if self.dashboard is not None and self.dashboard.isVisible():
            self.timer.start()


def install_team_menu(window) -> TeamMenu:
    """The Team menu's controller, kept on the window (its actions come from the table)."""
    window.team = TeamMenu(window)
    return window.team
