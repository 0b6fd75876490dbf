"""The adjudication view: claims where annotators differ, their versions side
by side, and the lead's final version, all by keyboard.

Keys: Up/Down choose a claim; Left/Right choose a version (its spans are
marked in the text); 1-9 or Enter take that version as final; E edits a
final version; N jumps to the next unsettled claim; Ctrl+Z takes the last
choice back. Each choice is saved at once (the core operations adjudicate
and take_back) into the @adjudicated layer, and its Changes record goes on
the window's bus (the dashboard refreshes from it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.models import Annotation, Decision, Span
from annotator.core.operations import adjudicate, take_back
from annotator.core.project import Project
from annotator.core.review.fields import FIELDS, excerpt, field_values
from annotator.core.team.adjudication import ClaimGroup, adjudication_progress
from annotator.gui.offsets import OffsetMap
from annotator.gui.team.final_version_dialog import FinalVersionDialog

CONTEXT = 350  # characters of text shown around a claim
CLAIM, SOURCE, CUE, DIFFERS = "#ffe27a", "#d9c2ff", "#ffc08a", "#ffd6d6"


class AdjudicationView(QWidget):
    def __init__(self, project: Project, parent: QWidget | None = None, *, bus=None):
        super().__init__(parent)
        self.project = project
        self.bus = bus  # an OperationBus; None in a standalone view
        self.groups: list[ClaimGroup] = []
        self.texts: dict = {}  # article id -> Article
        self.column = 0
        self.edit_dialog: FinalVersionDialog | None = None
        self.history: list[tuple[int, Annotation, Annotation | None]] = []  # for undo
        self.setWindowTitle("Adjudication")
        self.setAccessibleName("Adjudication")
        self._build()
        self._shortcuts()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName("Adjudication progress")
        self.claims = QListWidget(self)
        self.claims.setAccessibleName("Claims where annotators differ")
        self.claims.currentRowChanged.connect(self._show_group)
        self.context = QPlainTextEdit(self)
        self.context.setReadOnly(True)
        self.context.setAccessibleName("Claim in its text")
        self.legend = QLabel(self)
        self.versions = QTableWidget(len(FIELDS), 0, self)
        self.versions.setAccessibleName("Versions side by side")
        self.versions.setVerticalHeaderLabels([name for name, _ in FIELDS])
        self.versions.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the claim list
        self.versions.setWordWrap(True)
        self.versions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.versions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel("Up/Down claim · Left/Right version · 1–9 or Enter: take version · "
                           "E: edit final · N: next unsettled · Ctrl+Z: undo", self)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.context, 2)
        column.addWidget(self.legend)
        column.addWidget(self.versions, 3)
        splitter = QSplitter(self)
        splitter.addWidget(self.claims)
        splitter.addWidget(right)
        splitter.setSizes([280, 720])
        top = QHBoxLayout()
        top.addWidget(self.progress_label, 0)
        top.addWidget(self.progress_bar, 1)
        self.progress_label.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)

    def _shortcuts(self) -> None:
        # Keys are read before the claim list sees them (it would eat Left/Right,
        # Enter and letters for its own navigation), wherever the focus is in the view.
        self.keys = {Qt.Key.Key_Left: lambda: self.select_version(self.column - 1),
                     Qt.Key.Key_Right: lambda: self.select_version(self.column + 1),
                     Qt.Key.Key_Return: lambda: self.take_version(self.column),
                     Qt.Key.Key_Enter: lambda: self.take_version(self.column),
                     Qt.Key.Key_E: self.edit_final, Qt.Key.Key_N: self.next_unsettled}
        for number in range(1, 10):
            self.keys[Qt.Key(Qt.Key.Key_0.value + number)] = (
                lambda n=number: self.take_version(n - 1))
        for widget in (self.claims, self.context, self):
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        if event.type() == QEvent.Type.KeyPress and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            handler = self.keys.get(Qt.Key(event.key()))
            if handler is not None:
                handler()
                return True
        return super().eventFilter(watched, event)

    # -- data --------------------------------------------------------------------------

    def load(self, groups: list[ClaimGroup]) -> None:
        self.groups = groups
        self.claims.clear()
        for group in groups:
            item = QListWidgetItem(self._list_label(group))
            item.setToolTip(self._article(group.article_id).title or "")
            self.claims.addItem(item)
        self._show_progress()
        if groups:
            self.claims.setCurrentRow(0)
        else:
            self.context.setPlainText("No disagreements: every claim judged by two or more "
                                      "annotators got the same judgement.")
        self.claims.setFocus()

    def text_of(self, article_id: str) -> str:
        return self._article(article_id).text

    def _article(self, article_id: str):
        if article_id not in self.texts:  # one query per article, however many claims
            self.texts[article_id] = self.project.article(article_id)
        return self.texts[article_id]

    def _list_label(self, group: ClaimGroup) -> str:
        mark = "✓" if group.settled else "•"
        claim = excerpt(self.text_of(group.article_id), Span(group.start, group.end), 60)
        return f"{mark} {claim}  ({', '.join(group.versions)})"

    def _show_progress(self) -> None:
        progress = adjudication_progress(self.groups)
        self.progress_label.setText(f"Settled {progress.settled} of {progress.total}")
        self.progress_bar.setMaximum(max(progress.total, 1))
        self.progress_bar.setValue(progress.settled)

    @property
    def group(self) -> ClaimGroup | None:
        row = self.claims.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def columns(self) -> list[tuple[str, Annotation | None]]:
        group = self.group
        if group is None:
            return []
        out = [(name, group.versions.get(name)) for name in sorted(group.versions)]
        out += [(name, None) for name in group.absent]
        return out

    # -- showing a claim -------------------------------------------------------------------

    def _show_group(self, _row: int) -> None:
        self.column = 0
        self._fill_table()
        self._mark_text()

    def _fill_table(self) -> None:
        group, columns = self.group, self.columns()
        if group is None:
            return
        text = self.text_of(group.article_id)
        shown = columns + ([("Final", group.final)] if group.final else [])
        self.versions.setColumnCount(len(shown))
        self.versions.setHorizontalHeaderLabels(
            [f"{n + 1}  {name}" if name != "Final" else "Final ✓" for n, (name, _) in enumerate(shown)])
        values = [field_values(version, text) for _, version in shown]
        for row in range(len(FIELDS)):
            differs = len({values[c][row] for c in range(len(columns))}) > 1
            for column, column_values in enumerate(values):
                item = QTableWidgetItem(column_values[row])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if differs and column < len(columns):
                    item.setBackground(QBrush(QColor(DIFFERS)))
                self.versions.setItem(row, column, item)
        self._highlight_column()

    def _highlight_column(self) -> None:
        for column in range(self.versions.columnCount()):
            header = self.versions.horizontalHeaderItem(column)
            font = QFont(header.font())
            font.setBold(column == self.column)
            header.setFont(font)

    def select_version(self, column: int) -> None:
        count = len(self.columns())
        if count:
            self.column = max(0, min(column, count - 1))
            self._highlight_column()
            self._mark_text()

    def _mark_text(self) -> None:
        group = self.group
        if group is None:
            return
        text = self.text_of(group.article_id)
        start = max(0, group.start - CONTEXT)
        end = min(len(text), group.end + CONTEXT)
        snippet = text[start:end]
        self.context.setPlainText(("…" if start else "") + snippet + ("…" if end < len(text) else ""))
        shift = 1 if start else 0
        name, version = self.columns()[self.column]
        marks = []
        if version is not None:
            marks = [(Span(version.start, version.end), CLAIM, False), (version.source, SOURCE, True),
                     (version.cue, CUE, False)]
        else:  # an annotator who did not add it: show the claim as the others marked it
            marks = [(Span(group.start, group.end), CLAIM, False)]
        offsets = OffsetMap(self.context.toPlainText())
        selections = [self._selection(span, color, bold, start - shift, offsets)
                      for span, color, bold in marks if span is not None]
        self.context.setExtraSelections(selections)
        self.legend.setText(f"Marked: {name}'s claim (yellow), source (violet, bold), cue (orange)")
        if selections:  # scroll the claim into view without selecting it
            cursor = QTextCursor(self.context.document())
            cursor.setPosition(selections[0].cursor.selectionStart())
            self.context.setTextCursor(cursor)
            self.context.centerCursor()

    def _selection(self, span: Span, color: str, bold: bool, origin: int,
                   offsets: OffsetMap) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        fmt.setForeground(QColor("#000000"))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        selection.format = fmt
        cursor = QTextCursor(self.context.document())
        cursor.setPosition(offsets.to_qt(max(0, span.start - origin)))
        cursor.setPosition(offsets.to_qt(min(offsets.length, span.end - origin)),
                           QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    # -- settling ------------------------------------------------------------------------

    def take_version(self, column: int) -> None:
        columns = self.columns()
        if not 0 <= column < len(columns):
            return
        name, version = columns[column]
        if version is None:  # "did not add it": the final word is that it is no claim
            base = next(iter(self.group.versions.values()))
            version = base.evolve(decision=Decision.REJECT, note=f"as {name}: no claim")
        self._settle(version)

    def edit_final(self) -> None:
        group = self.group
        if group is None:
            return
        columns = [v for _, v in self.columns() if v is not None]
        base = group.final or columns[min(self.column, len(columns) - 1)]
        self.edit_dialog = FinalVersionDialog(base, columns, self.text_of(group.article_id), self)
        self.edit_dialog.accepted.connect(lambda: self._settle(self.edit_dialog.final_version()))
        self.edit_dialog.open()

    def _settle(self, version: Annotation) -> None:
        group, row = self.group, self.claims.currentRow()
        before = group.final
        outcome = adjudicate(self.project, group, version)  # saved before the list says so
        self.history.append((row, outcome.result, before))
        self._refresh_row(row)
        self._publish(outcome.changes)
        self.next_unsettled()
        if self.claims.currentRow() == row:
            self._show_group(row)

    def undo(self) -> None:
        """Take back the last final version (Ctrl+Z): the claim is as it was before."""
        if not self.history:
            return
        row, final, before = self.history.pop()
        outcome = take_back(self.project, final, before)
        self.groups[row].final = outcome.result
        self._refresh_row(row)
        self.claims.setCurrentRow(row)
        self._show_group(row)
        self._publish(outcome.changes)

    def _publish(self, changes: Changes) -> None:
        if self.bus is not None:
            self.bus.publish(changes, initiator=self)

    def _refresh_row(self, row: int) -> None:
        group = self.groups[row]
        self.claims.item(row).setText(self._list_label(group))
        self._show_progress()

    def next_unsettled(self) -> None:
        start = self.claims.currentRow()
        for offset in range(1, len(self.groups) + 1):
            row = (start + offset) % len(self.groups)
            if not self.groups[row].settled:
                self.claims.setCurrentRow(row)
                return
