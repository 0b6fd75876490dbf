"""The window's one signal of changes: every view refreshes from it.

An operation (a key press in the workspace, a job, a settled disagreement)
returns a :class:`~annotator.core.changes.Changes` record; whoever ran it
publishes the record here, once. Each view connects to ``changed`` and reads
from the record what it must re-read; ``initiator`` lets the view that ran
the operation skip what it already shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.changes import Changes


class OperationBus(QObject):
    changed = Signal(object, object)  # Changes, initiator (the object that ran it, or None)

    def publish(self, changes: Changes, initiator: object | None = None) -> None:
        if not changes.empty:
            self.changed.emit(changes, initiator)
