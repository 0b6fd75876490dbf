"""A bar in the article view's left margin beside the selected claim.

Background colours alone leave the selected claim hard to tell from its
neighbours (which alternate two tints); an accent bar spanning its lines, as
editors mark changed lines, shows it at a glance. It costs two cursor
rectangles per paint and never touches the document layout.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ClaimGutter(QWidget):
    WIDTH = 7  # logical pixels; the view reserves this margin

    def __init__(self, view: QPlainTextEdit):
        super().__init__(view)
        self.view = view
        self.qt_range: tuple[int, int] | None = None  # UTF-16 positions
        self.setAccessibleName("Selected claim marker")
        view.updateRequest.connect(lambda *_: self.update())

    def mark(self, qt_range: tuple[int, int] | None) -> None:
        if qt_range != self.qt_range:
            self.qt_range = qt_range
            self.update()

    def follow_viewport(self) -> None:
        """Sit in the margin left of the viewport (call from the view's resizeEvent)."""
        rect = self.view.contentsRect()
        self.setGeometry(rect.left(), rect.top(), self.WIDTH, rect.height())

    def bar(self) -> tuple[int, int] | None:
        """The bar's top and bottom in this widget's coordinates, or None."""
        if self.qt_range is None:
            return None
        start, end = self.qt_range
        top = self._cursor_rect(start).top()
        bottom = self._cursor_rect(max(end, start)).bottom()
        if bottom < 0 or top > self.height():
            return None  # scrolled out of sight
        return top, bottom

    def _cursor_rect(self, position: int):
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(min(position, self.view.document().characterCount() - 1))
        return self.view.cursorRect(cursor)  # viewport coordinates = ours (same top)

    def paintEvent(self, event) -> None:
        bar = self.bar()
        if bar is None:
            return
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorRole.Highlight)
        painter.fillRect(1, bar[0], self.WIDTH - 2, bar[1] - bar[0] + 1, color)
