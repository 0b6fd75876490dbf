"""The Team menu: merge databases, adjudicate, dashboard. Thin slots: each
starts a core job in a worker (progress dialog, Cancel) and shows the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.team.adjudication import disagreements
from annotator.core.team.dashboard_data import dashboard_data
from annotator.core.team.merge import merge_databases
from annotator.gui.team.adjudication_view import AdjudicationView
from annotator.gui.team.dashboard import Dashboard

DATABASES = "Annotator projects (*.sqlite *.db);;All files (*)"


class TeamMenu:
    """Owns the Team menu's actions and windows for one main window."""

    def __init__(self, window):
        self.window = window
        self.adjudication: AdjudicationView | None = None
        self.dashboard: Dashboard | None = None
        self.watcher: QFileSystemWatcher | None = None
        self.actions = {}
        for name, text, keys, slot in (
                ("merge", "&Merge databases…", "Ctrl+Shift+M", self.ask_and_merge),
                ("adjudicate", "&Adjudicate disagreements", "Ctrl+Shift+J", self.open_adjudication),
                ("dashboard", "&Dashboard", "Ctrl+Shift+D", self.open_dashboard)):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=slot: s())
            window.team_menu.addAction(action)
            self.actions[name] = action

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
            return merge_databases(inputs, output, on_progress=on_progress,
                                   should_cancel=should_cancel)

        return self.window.run_job("Merge", job, db_path=None, label="Merging databases…",
                                   on_success=self._merged)

    def _merged(self, summary) -> None:
        answer = QMessageBox.question(
            self.window, "Merge finished", "\n".join(summary.lines())
            + "\n\nOpen the merged project now?")
        if answer == QMessageBox.StandardButton.Yes:
            self.window.switch_project(summary.output)

    # -- adjudication ---------------------------------------------------------------------

    def open_adjudication(self):
        if self.adjudication is None:
            self.adjudication = AdjudicationView(self.window.project, self.window)
            self.adjudication.setWindowFlag(Qt.WindowType.Window)
            self.adjudication.resize(1100, 700)
            self.adjudication.settled.connect(lambda _key: self._schedule_dashboard())
        self.adjudication.show()
        self.adjudication.raise_()
        return self.window.run_job(
            "Adjudication", lambda project, on_progress, should_cancel: disagreements(project),
            label="Finding claims where annotators differ…", on_success=self.adjudication.load)

    # -- dashboard ------------------------------------------------------------------------

    def open_dashboard(self):
        if self.dashboard is None:
            self.dashboard = Dashboard(self.window)
            self.dashboard.setWindowFlag(Qt.WindowType.Window)
            self.dashboard.resize(1100, 800)
            refresh = QShortcut(QKeySequence("F5"), self.dashboard)
            refresh.activated.connect(self.refresh_dashboard)
            self._watch_project()
        self.dashboard.show()
        self.dashboard.raise_()
        return self.refresh_dashboard()

    def refresh_dashboard(self):
        if self.dashboard is None or not self.dashboard.isVisible():
            return None
        return self.window.run_job(
            "Dashboard", lambda project, on_progress, should_cancel: dashboard_data(project),
            label="Computing progress and agreement…", on_success=self.dashboard.show_data)

    def _watch_project(self) -> None:
        """Refresh when the project file changes (work saved or merged in), at most
        every few seconds: writes come in bursts."""
        self.timer = QTimer(self.window, singleShot=True, interval=3000)
        self.timer.timeout.connect(self.refresh_dashboard)
        path = self.window.project_path
        self.watcher = QFileSystemWatcher([str(p) for p in (path, Path(f"{path}-wal"))
                                           if p.exists()], self.window)
        self.watcher.fileChanged.connect(lambda _path: self._schedule_dashboard())

    def _schedule_dashboard(self) -> None:
        if self.dashboard is not None and self.dashboard.isVisible():
            self.timer.start()


def install_team_menu(window) -> TeamMenu:
    """Fill ``window.team_menu``; keeps the controller on the window."""
    window.team = TeamMenu(window)
    return window.team
