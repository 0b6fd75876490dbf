"""Noticing what other windows and programs write to the project.

A second window, a script or ``annotator import`` may write the file this
window shows. SQLite's data_version counter (read on the window's own
connection, Project.data_version) changes exactly when another connection
committed. It is read
when the window gets focus and every few seconds; a change is published
on the window's bus as a record of its own (everything may have changed),
so every view re-reads through the same path as after its own changes.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer

from annotator.core.changes import Changes
from annotator.core.project import Project
from annotator.gui.bus import OperationBus

POLL_MS = 3000
# Another process may have changed any article, the list, statuses, annotators, team data.
OUTSIDE = Changes(all_articles=True, article_list=True, statuses=True, annotators=True, team=True)


class OutsideChanges(QObject):
    """Publishes OUTSIDE on ``bus`` when another connection wrote the project."""

    def __init__(self, project: Project, bus: OperationBus, window: QObject):
        super().__init__(window)
        self.project, self.bus = project, bus
        self.seen = self._version()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.installEventFilter(self)

    def _version(self) -> int | None:
        try:
            return self.project.data_version()
        except sqlite3.Error:  # closing, or the file went away: the next write will say so
            return None

    def check(self) -> bool:
        """Publish a refresh if another connection wrote since the last check."""
        version = self._version()
        if version is None or version == self.seen:
            return False
        self.seen = version
        self.bus.publish(OUTSIDE, initiator=None)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False
