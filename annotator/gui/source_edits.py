"""Renaming a source, splitting off an alias and merging two sources from
the Sources view (R, Del, M on the list), each one undoable step on the
window's undo stack (Ctrl+Z / Ctrl+Shift+Z, like a claim edit).

The writes are :mod:`annotator.core.sources.actions` (one transaction
each); a step publishes ``Changes(sources=True)`` on the bus.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog

from annotator.core.changes import Changes
from annotator.core.sources import actions
from annotator.gui import errors
from annotator.gui.workspace import WRITE_ERRORS


class SourceEditCommand(QUndoCommand):
    """A rename or alias edit: the source before and after."""

    def __init__(self, text: str, window, before, after):
        super().__init__(text)
        self.window, self.before, self.after = window, before, after
        self.skip_once = True  # already done when pushed

    def redo(self) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        _run(self.window, "Redo", lambda: actions.restore(self.window.workspace.project, self.after))

    def undo(self) -> None:
        _run(self.window, "Undo", lambda: actions.restore(self.window.workspace.project, self.before))


class SourceMergeCommand(QUndoCommand):
    def __init__(self, window, record: actions.MergeRecord):
        super().__init__(f"Merge {record.other.name} into {record.keep.name}")
        self.window, self.record = window, record
        self.skip_once = True

    def redo(self) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        project = self.window.workspace.project

        def again():
            _, self.record = actions.merge_undoably(project, self.record.keep.id, self.record.other.id)

        _run(self.window, "Redo", again)

    def undo(self) -> None:
        _run(self.window, "Undo", lambda: actions.unmerge(self.window.workspace.project, self.record))


def _run(window, what: str, action) -> bool:
    try:
        action()
    except actions.SourceError as error:
        window.statusBar().showMessage(str(error), 8000)
        return False
    except WRITE_ERRORS as error:
        errors.show_error(window, what, error)
        return False
    window.bus.publish(Changes(sources=True, all_articles=True))  # names show on claims
    return True


def rename_source(window, source) -> None:
    name, ok = QInputDialog.getText(window, "Rename source", f"New name for {source.name}:", text=source.name)
    if ok and name.strip() and name.strip() != source.name:
        _edit(window, f"Rename {source.name}", source,
              lambda: actions.rename(window.workspace.project, source.id, name))


def split_alias(window, source) -> None:
    if not source.aliases:
        window.statusBar().showMessage(f"{source.name} has no aliases to split off", 5000)
        return
    alias, ok = QInputDialog.getItem(window, "Split off an alias", f"Alias of {source.name}:",
                                     list(source.aliases), 0, False)
    if ok and alias:
        _edit(window, f"Split {alias} off {source.name}", source,
              lambda: actions.remove_alias(window.workspace.project, source.id, alias))


def merge_into(window, source) -> None:
    other, ok = QInputDialog.getText(window, "Merge sources", f"Merge which source into {source.name}?")
    if not ok or not other.strip():
        return
    found: list = []
    if _run(window, "Merging sources", lambda: found.append(
            actions.merge_undoably(window.workspace.project, source.id, other.strip()))):
        window.workspace.undo_stack.push(SourceMergeCommand(window, found[0][1]))


def _edit(window, text: str, before, action) -> None:
    after: list = []
    if _run(window, text, lambda: after.append(action())):
        window.workspace.undo_stack.push(SourceEditCommand(text, window, before, after[0]))
