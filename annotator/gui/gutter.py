"""A bar in the article view's left margin beside the selected claim, and
in overview mode (O) a line from each claim to its source.

Background colours alone leave the selected claim hard to tell from its
neighbours (which alternate two tints); an accent bar spanning its lines, as
editors mark changed lines, shows it at a glance. It costs two cursor
rectangles per paint and never touches the document layout.

Overview mode widens the margin by LANES lanes. Each claim on screen with a
source gets a vertical line in a lane (claims take the lanes in turn, so
neighbours' lines stand apart) from its source's line to its own first line,
with a tick into the text at both ends: a dot at the source, an arrow at the
claim. The selected claim's link is drawn last, thicker, in the accent
colour. A link whose other end is off screen runs to the margin's edge. Only
claims near the screen are measured, so a long article costs what a short
one does. (Sources are not underlined in the text as well: thirty more
ExtraSelections cost ~20 ms CPU per switch to a 200-claim article.)
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


@dataclass(frozen=True)
class Link:
    """A claim and its source in UTF-16 positions, with the link's colour."""

    claim: tuple[int, int]
    source: tuple[int, int]
    color: QColor
    selected: bool = False


class ClaimGutter(QWidget):
    WIDTH = 7  # logical pixels; the view reserves this margin
    LANES, LANE = 4, 5  # overview mode: lanes of LANE px left of the bar

    def __init__(self, view: QPlainTextEdit):
        super().__init__(view)
        self.view = view
        self.qt_range: tuple[int, int] | None = None  # UTF-16 positions
        self.links: list[Link] = []  # overview mode only
        self.overview = False
        self.setAccessibleName("Selected claim marker")
        view.updateRequest.connect(lambda *_: self.update())

    def mark(self, qt_range: tuple[int, int] | None) -> None:
        if qt_range != self.qt_range:
            self.qt_range = qt_range
            self.update()

    def width_needed(self) -> int:
        return self.WIDTH + (self.LANES * self.LANE if self.overview else 0)

    def show_links(self, links: list[Link]) -> None:
        self.links = links
        self.update()

    def follow_viewport(self) -> None:
        """Sit in the margin left of the viewport (call from the view's resizeEvent)."""
        rect = self.view.contentsRect()
        self.setGeometry(rect.left(), rect.top(), self.width_needed(), rect.height())

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

    def _line_middle(self, position: int, tops: dict[int, float]) -> float:
        """The y of the middle of the line holding ``position``, clipped to this
        widget. From the block's geometry and its layout's line (a cursor
        rectangle per link cost ~0.5 ms); ``tops`` caches block tops for one paint."""
        document = self.view.document()
        block = document.findBlock(min(position, document.characterCount() - 1))
        top = tops.get(block.blockNumber())
        if top is None:
            top = self.view.blockBoundingGeometry(block).translated(
                self.view.contentOffset()).top()
            tops[block.blockNumber()] = top
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        middle = top + (line.y() + line.height() / 2 if line is not None and line.isValid() else 0)
        return min(max(middle, 0.0), float(self.height()))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.overview and self.links:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            top, bottom = self.view.on_screen()  # links wholly off screen cost nothing
            ordered = sorted(enumerate(self.links), key=lambda item: item[1].selected)
            tops: dict[int, float] = {}
            for number, link in ordered:
                if min(link.claim[0], link.source[0]) <= bottom \
                        and max(link.claim[0], link.source[0]) >= top:
                    self._paint_link(painter, number, link, tops)
        bar = self.bar()
        if bar is None:
            return
        color = self.palette().color(QPalette.ColorRole.Highlight)
        left = self.width() - self.WIDTH
        painter.fillRect(left + 1, bar[0], self.WIDTH - 2, bar[1] - bar[0] + 1, color)

    def _paint_link(self, painter: QPainter, number: int, link: Link,
                    tops: dict[int, float]) -> None:
        source_y = self._line_middle(link.source[0], tops)
        claim_y = self._line_middle(link.claim[0], tops)
        x = 2 + (number % self.LANES) * self.LANE
        if link.selected:
            x = 2 + (self.LANES - 1) * self.LANE  # nearest the text, over the others
        color = self.palette().color(QPalette.ColorRole.Highlight) if link.selected else link.color
        painter.setPen(QPen(color, 2.2 if link.selected else 1.4))
        right = float(self.width() - 1)
        painter.drawLine(QPointF(x, source_y), QPointF(x, claim_y))
        painter.drawLine(QPointF(x, source_y), QPointF(right, source_y))
        painter.drawLine(QPointF(x, claim_y), QPointF(right, claim_y))
        painter.setBrush(color)
        painter.drawEllipse(QPointF(right - 1.5, source_y), 2.0, 2.0)
        painter.drawPolygon([QPointF(right, claim_y), QPointF(right - 4, claim_y - 3),
                             QPointF(right - 4, claim_y + 3)])
