"""Undo and redo of annotation changes (a QUndoStack of core commands).

The workspace applies a change *before* pushing it (so a failed write never
reaches the stack); the command's first ``redo`` is therefore a no-op. Undo
and redo replay through the workspace, which switches to the command's
article if another one is shown.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotator.core.commands import AnnotationChange

NOTE_COMMAND_ID = 1


class Replayer(Protocol):
    def replay(self, change: AnnotationChange, forward: bool) -> bool: ...


class AnnotationCommand(QUndoCommand):
    def __init__(self, change: AnnotationChange, replayer: Replayer, *, typing_note: bool = False):
        super().__init__(change.text)
        self.change = change
        self.replayer = replayer
        self.typing_note = typing_note
        self.skip_once = True  # already applied by the workspace
        self.failed = False

    def redo(self) -> None:
        self._run(forward=True)

    def undo(self) -> None:
        self._run(forward=False)

    def _run(self, forward: bool) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        self.failed = not self.replayer.replay(self.change, forward)

    def id(self) -> int:
        # Typing a note is one undo step per claim, not one per keystroke.
        return NOTE_COMMAND_ID if self.typing_note else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnnotationCommand) or not other.typing_note \
                or other.change.annotation_id != self.change.annotation_id:
            return False
        self.change.after = other.change.after
        return True
