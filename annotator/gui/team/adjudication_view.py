"""The adjudication view: claims where annotators differ, their versions side
by side, and the lead's final version, all by keyboard.

Keys: Up/Down choose a claim; Left/Right choose a version (its spans are
marked in the text); 1-9 or Enter take that version as final; E edits a
final version; N jumps to the next unsettled claim; M takes the version
most annotators chose; A accepts every claim of the shown article that all
annotators agreed on (Shift+A: of the whole project); G switches the list
between disagreements and agreed claims; Ctrl+Z takes the last choice back.
The filter bar (Alt+F field, Alt+P annotator pair, Alt+R article) narrows the list.
A claim settled once whose versions changed since shows ↻ "changed since
adjudicated" until it is settled again. Each choice is saved at once (the core operations adjudicate
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
from annotator.core.operations import accept_agreed, adjudicate, take_back
from annotator.core.project import Project
from annotator.core.review.fields import FIELDS, excerpt, field_values
from annotator.core.team.adjudication import ClaimGroup, adjudication_progress, claim_groups, disagreements
from annotator.core.team.settling import majority, rank
from annotator.gui.offsets import OffsetMap
from annotator.gui.plain_text import plain_tooltip
from annotator.gui.team.final_version_dialog import FinalVersionDialog
from annotator.gui.team.group_filter import GroupFilter

CONTEXT = 350  # characters of text shown around a claim
CLAIM, SOURCE, CUE, DIFFERS = "#ffe27a", "#d9c2ff", "#ffc08a", "#ffd6d6"


class AdjudicationView(QWidget):
    def __init__(self, project: Project, parent: QWidget | None = None, *, bus=None, window=None):
        super().__init__(parent)
        self.project = project
        self.bus = bus  # an OperationBus; None in a standalone view
        # the main window: project-wide work (accept agreed, reload) runs in its
        # workers; None in a standalone view, which does it here
        self.main_window = window
        self.groups: list[ClaimGroup] = []  # the groups listed (after the filter)
        self.all_groups: list[ClaimGroup] = []
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
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName("Adjudication progress")
        self.claims = QListWidget(self)
        self.claims.setAccessibleName("Claims where annotators differ")
        self.claims.currentRowChanged.connect(self._show_group)
        self.context = QPlainTextEdit(self)
        self.context.setReadOnly(True)
        self.context.setAccessibleName("Claim in its text")
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)  # it names annotators: data
        self.versions = QTableWidget(len(FIELDS), 0, self)
        self.versions.setAccessibleName("Versions side by side")
        self.versions.setVerticalHeaderLabels([name for name, _ in FIELDS])
        self.versions.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the claim list
        self.versions.setWordWrap(True)
        self.versions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.versions.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel("Up/Down claim · Left/Right version · 1–9 or Enter: take version · "
                           "M: majority · E: edit final · N: next unsettled · A: accept agreed "
                           "(Shift+A: all articles) · G: agreed/disagreements · Ctrl+Z: undo", self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.showing_agreed = False
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
        self.filter = GroupFilter(lambda article_id: self._article(article_id).title or article_id[:8], self)
        self.filter.changed.connect(self._filter_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)

    def _shortcuts(self) -> None:
        # Keys are read before the claim list sees them (it would eat Left/Right,
        # Enter and letters for its own navigation), wherever the focus is in the view.
        self.keys = {Qt.Key.Key_Left: lambda: self.select_version(self.column - 1),
                     Qt.Key.Key_Right: lambda: self.select_version(self.column + 1),
                     Qt.Key.Key_Return: lambda: self.take_version(self.column),
                     Qt.Key.Key_Enter: lambda: self.take_version(self.column),
                     Qt.Key.Key_E: self.edit_final, Qt.Key.Key_N: self.next_unsettled,
                     Qt.Key.Key_M: self.take_majority, Qt.Key.Key_A: self.accept_agreed_here,
                     Qt.Key.Key_G: self.toggle_agreed}
        for number in range(1, 10):
            self.keys[Qt.Key(Qt.Key.Key_0.value + number)] = (
                lambda n=number: self.take_version(n - 1))
        for widget in (self.claims, self.context, self):
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_A \
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            self.accept_agreed_everywhere()
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
        """Show these groups (the filter is reset to "any")."""
        self.all_groups = groups
        self.filter.offer(groups)
        self._show_groups(groups)

    def _filter_changed(self) -> None:
        self.history.clear()  # undo steps name rows of the list as it was
        self._show_groups(self.filter.apply(self.all_groups))

    def _show_groups(self, groups: list[ClaimGroup]) -> None:
        self.groups = groups
        self.claims.clear()
        for group in groups:
            item = QListWidgetItem(self._list_label(group))
            item.setToolTip(plain_tooltip(self._article(group.article_id).title))
            self.claims.addItem(item)
        self._show_progress()
        if groups:
            self.claims.setCurrentRow(0)
        else:
            self.context.setPlainText(
                "No claim matches the filter." if self.filter.active else
                "No agreed claims to show." if self.showing_agreed else
                "No disagreements: every claim judged by two or more annotators got the same "
                "judgement.")
        if not self.filter.active:
            self.claims.setFocus()

    def text_of(self, article_id: str) -> str:
        return self._article(article_id).text

    def _article(self, article_id: str):
        if article_id not in self.texts:  # one query per article, however many claims
            self.texts[article_id] = self.project.article(article_id)
        return self.texts[article_id]

    def _list_label(self, group: ClaimGroup) -> str:
        mark = "✓" if group.settled else ("↻" if group.changed else "•")
        claim = excerpt(self.text_of(group.article_id), Span(group.start, group.end), 60)
        title = self._article(group.article_id).title or group.article_id[:8]
        changed = "  — changed since adjudicated" if group.changed else ""
        return f"{mark} {title}: {claim}  ({', '.join(group.versions)}){changed}"

    def _show_progress(self) -> None:
        progress = adjudication_progress(self.groups)
        changed = f" · {progress.changed} changed since adjudicated" if progress.changed else ""
        shown = "agreed claims: " if self.showing_agreed else ""
        self.progress_label.setText(f"{shown}Settled {progress.settled} of {progress.total}{changed}")
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

    def take_majority(self) -> None:
        """M: the version most annotators chose (none on a tie: said so, nothing saved)."""
        group = self.group
        chosen = majority(group) if group is not None else None
        if chosen is None:
            self.legend.setText("No majority: the versions tie. Choose one with 1–9 or Enter.")
            return
        self._settle(chosen)

    def accept_agreed_here(self) -> None:
        group = self.group
        if group is not None:
            self._accept_agreed(group.article_id)

    def accept_agreed_everywhere(self) -> None:
        self._accept_agreed(None)

    def _accept_agreed(self, article_id: str | None) -> None:
        where = "in this article" if article_id else "in the project"

        def done(finals) -> None:  # saved before the view says so
            self.reload(then=lambda: self.legend.setText(
                f"Accepted {len(finals)} agreed claim(s) {where}."))

        if self.main_window is None:
            outcome = accept_agreed(self.project, article_id)
            self._publish(outcome.changes)
            done(outcome.result)
            return
        self.main_window.run_operation(
            "Accept agreed", lambda project, on_progress, should_cancel: accept_agreed(project, article_id),
            Changes(all_articles=True, team=True), label="Accepting the agreed claims…", on_success=done)

    def toggle_agreed(self) -> None:
        """G: list the claims everybody agreed on (to check them), or the disagreements."""
        self.showing_agreed = not self.showing_agreed
        self.reload()

    def reload(self, then=None) -> None:
        """Read the groups again (in a worker when in the window), then ``then()``."""
        agreed, row = self.showing_agreed, self.claims.currentRow()

        def read(project, on_progress=None, should_cancel=None) -> list[ClaimGroup]:
            if agreed:
                return [g for g in claim_groups(project) if g.agreed]
            return rank(disagreements(project))

        def show(groups: list[ClaimGroup]) -> None:
            self.load(groups)
            if 0 <= row < len(groups):
                self.claims.setCurrentRow(row)
            if then is not None:
                then()

        if self.main_window is None:
            show(read(self.project))
        else:
            self.main_window.run_job("Adjudication", read, label="Reading the claim groups…", on_success=show)

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
