""""Checked, nothing to mark" in the window (issue 18): the key, its undo step.

The rule (only an article without claims; it then counts as done) is the
core's (:mod:`annotator.core.operations.checks`); this module runs the
operation, puts it on the workspace's undo stack and publishes its record,
so the article list shows the new status like after any other change.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.changes import Changes
from annotator.core.operations.checks import HasClaims, set_checked
from annotator.core.project import Project
from annotator.gui import errors

WRITE_ERRORS = (sqlite3.Error, OSError)
CHECKED = "Checked: nothing to mark in this article (it counts as done; Ctrl+Z takes it back)"
UNCHECKED = "No longer checked: the article is new again"


class Workspace(Protocol):
    """What a check needs of the workspace (ReviewWorkspace)."""

    undo_stack: QUndoStack

    @property
    def project(self) -> Project: ...
    @property
    def article_id(self) -> str | None: ...
    @property
    def annotator(self) -> str: ...
    def open_article(self, article_id: str) -> None: ...
    def publish_changes(self, changes: Changes) -> None: ...
    def say(self, message: str) -> None: ...


def toggle_check(workspace: Workspace) -> None:
    """The key: check the shown article, or take a check back (one undo step each)."""
    article_id = workspace.article_id
    if article_id is None:
        workspace.say("No article is open")
        return
    checked = not workspace.project.article_checked(article_id, workspace.annotator)
    command = CheckCommand(workspace, article_id, checked)
    try:
        changed = command.write(forward=True)
    except HasClaims as refused:
        workspace.say(str(refused))
        return
    if changed:
        workspace.undo_stack.push(command)
        workspace.say(CHECKED if checked else UNCHECKED)


class CheckCommand(QUndoCommand):
    """Checking (or unchecking) an article; applied before it is pushed."""

    def __init__(self, workspace: Workspace, article_id: str, checked: bool):
        super().__init__("Checked, nothing to mark" if checked else "Not checked")
        self.workspace, self.article_id, self.checked = workspace, article_id, checked
        self.skip_once = True  # the workspace already wrote it

    def redo(self) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        self._replay(forward=True)

    def undo(self) -> None:
        self._replay(forward=False)

    def _replay(self, forward: bool) -> None:
        try:
            self.write(forward)
        except HasClaims as refused:  # claims were added since: the check no longer applies
            self.workspace.say(str(refused))

    def write(self, forward: bool) -> bool:
        """One transaction; the record is published. False: nothing changed or the write failed."""
        ws = self.workspace
        try:
            outcome = set_checked(ws.project, self.article_id, ws.annotator,
                                  self.checked if forward else not self.checked)
        except WRITE_ERRORS as error:
            errors.show_error(None, "Saving the check", error)
            return False
        if ws.article_id != self.article_id:
            ws.open_article(self.article_id)
        ws.publish_changes(outcome.changes)
        return outcome.result
