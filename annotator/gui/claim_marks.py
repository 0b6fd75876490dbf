"""The claims' background colours, painted under the text of the lines on screen.

Why not an ExtraSelection per claim, as before: Qt computes the rectangle of
every ExtraSelection when they are set (for the old ones and the new ones),
walking the paragraphs from the first one on screen to the claim's through
SpacedLayout's Python ``blockBoundingRect`` (~1,700 calls per switch to a
200-claim article), and draws each selection's lines again. That was ~14 ms
CPU of a ~39 ms switch. Painting the backgrounds of the claims on the
paragraphs being painted costs well under a millisecond, and nothing when the
claims change but no paint follows.

ExtraSelections remain for what changes the text itself: a rejected claim's
grey, struck-through letters and the selected claim's source and cue
underlines (article_view.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.review.claims import Claim
from annotator.gui.colors import ClaimColors, odd_tint
from annotator.gui.offsets import OffsetMap


@dataclass(frozen=True)
class Mark:
    """A claim's background: UTF-16 positions and its colour."""

    start: int
    end: int
    color: QColor


def claim_marks(claims: list[Claim], current: int | None, offsets: OffsetMap,
                colors: ClaimColors) -> list[Mark]:
    """Each claim's mark in text order, the selected claim's last (painted over
    its neighbours, as overlapping claims show it)."""
    tints: dict[tuple[object, bool], QColor] = {}
    marks = []
    for number, claim in enumerate(claims):
        if number == current:
            continue
        odd = number % 2 == 1  # neighbouring claims get two tints, so their border shows
        color = tints.get((claim.state, odd))
        if color is None:
            color = colors.states[claim.state]
            color = tints.setdefault((claim.state, odd), odd_tint(colors, color) if odd else color)
        span = claim.span
        marks.append(Mark(*offsets.span_to_qt(span.start, span.end), color))
    if current is not None:
        claim = claims[current]
        span = claim.span
        marks.append(Mark(*offsets.span_to_qt(span.start, span.end), colors.selected[claim.state]))
    return marks


def visible_blocks(view: QPlainTextEdit, area: QRect) -> list[tuple[QTextBlock, float]]:
    """The paragraphs a paint of ``area`` draws, with their tops (viewport
    coordinates), found as QPlainTextEdit.paintEvent finds them."""
    blocks = []
    block = view.firstVisibleBlock()
    top = view.contentOffset().y()
    while block.isValid() and top <= area.bottom():
        height = view.blockBoundingRect(block).height()  # lays the paragraph out if needed
        if block.isVisible() and top + height >= area.top():
            blocks.append((block, top))
        top += height
        block = block.next()
    return blocks


def paint_marks(view: QPlainTextEdit, painter: QPainter, marks: list[Mark],
                area: QRect) -> list[Mark]:
    """Fill the backgrounds of the marks on the paragraphs in ``area``; the
    marks painted (in order)."""
    blocks = visible_blocks(view, area)
    if not blocks:
        return []
    first = blocks[0][0].position()
    last = blocks[-1][0].position() + blocks[-1][0].length()
    shown = [mark for mark in marks if mark.end > first and mark.start < last]
    left = view.contentOffset().x()
    newline = view.fontMetrics().horizontalAdvance(" ")
    for mark in shown:
        for block, top in blocks:
            position = block.position()
            if mark.end > position and mark.start < position + block.length():
                for rect in _line_rects(block, mark.start - position, mark.end - position, newline):
                    painter.fillRect(rect.translated(left, top).toAlignedRect(), mark.color)
    return shown


def _line_rects(block: QTextBlock, start: int, end: int, newline: float) -> list[QRectF]:
    """The rectangles of block-relative range [start, end) on each of its lines,
    drawn as Qt draws a selection: a line's trailing space is not painted, and
    a range over the paragraph's end gets ``newline`` pixels more after its last line."""
    layout = block.layout()
    rects = []
    last = layout.lineCount() - 1
    for number in range(last + 1):
        line = layout.lineAt(number)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        if end <= line_start or start >= line_end + (number == last):
            continue
        right = line.x() + line.naturalTextWidth()
        x1 = min(_x(line, max(start, line_start)), right)
        x2 = min(_x(line, min(end, line_end)), right)
        if number == last and end > line_end:
            x2 += newline
        if x1 != x2:
            rects.append(QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height()))
    return rects


def _x(line: QTextLine, position: int) -> float:
    x = line.cursorToX(position)
    return float(x[0] if isinstance(x, tuple) else x)
