"""The lead's view of the learned lexicon: accept or drop each entry.

One row per learned cue or source phrase (kind, phrase, count, status,
whether the next highlighting uses it). Alt+A accepts the selected entry
(always used), Alt+D drops it (never used), Alt+P makes it proposed again
(used once marked twice). Each verdict is written at once; relearning
keeps it. The same as ``annotator lexicon`` on the command line.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.learning.lexicon_learner import MIN_COUNT, LearnedEntry
from annotator.core.learning.project_store import latest_model_info, learned_entries, set_entry_status

COLUMNS = ("Kind", "Phrase", "Count", "Status", "Used")


def used(entry: LearnedEntry) -> bool:
    return entry.status == "accepted" or (entry.status == "proposed" and entry.count >= MIN_COUNT)


class LearnedLexiconDialog(QDialog):
    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Learned lexicon")
        self.setAccessibleName("Learned lexicon")
        self.summary = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        for label, key, status in (("Accept (A)", "A", "accepted"), ("Drop (D)", "D", "dropped"),
                                   ("Proposed (P)", "P", "proposed")):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, s=status: self.set_status(s))
            buttons.addWidget(button)
            # plain keys, as in the review window (A accepts): no Alt needed
            QShortcut(QKeySequence(key), self, lambda s=status: self.set_status(s))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.entries: list[LearnedEntry] = []
        self.reload()

    def reload(self, keep_row: int = 0) -> None:
        info = latest_model_info(self.project)
        self.entries = learned_entries(self.project)
        self.summary.setText("Nothing learned yet: File → Learn from reviewed articles" if info is None else
                             f"Model {info['version']}, learned {info['created_at']}; "
                             f"proposed entries are used once marked {MIN_COUNT} times")
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            values = (e.kind, e.phrase, str(e.count), e.status, "yes" if used(e) else "no")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))  # plain text, never rich
        self.table.resizeColumnsToContents()
        if self.entries:
            self.table.selectRow(min(keep_row, len(self.entries) - 1))

    def set_status(self, status: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        set_entry_status(self.project, entry.kind, entry.phrase, status)
        self.reload(keep_row=row)
        self.table.setFocus()
