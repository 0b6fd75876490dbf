"""The claims' background colours, painted under the text of the lines on screen.

Why not an ExtraSelection per claim, as before: Qt computes the rectangle of
every ExtraSelection when they are set (for the old ones and the new ones),
walking the paragraphs from the first one on screen to the claim's through
SpacedLayout's Python ``blockBoundingRect`` (~1,700 calls per switch to a
200-claim article), and draws each selection's lines again. That was ~14 ms
CPU of a ~39 ms switch. The marks are worked out when a paint
needs them, for the claims on the paragraphs being painted only: nothing is
computed for the claims off screen, nor when the claims change and no paint
follows.

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
                colors: ClaimColors, within: tuple[int, int] | None = None) -> list[Mark]:
    """The marks of the claims touching code point range ``within`` (all
    without it) in text order, the selected claim's last (painted over its
    neighbours, as overlapping claims show it)."""
    low, high = within if within is not None else (0, offsets.length)
    tints: dict[tuple[object, bool], QColor] = {}
    marks = []
    for number, claim in enumerate(claims):
        shown = claim.shown  # its start and end without building a Span (200 claims a paint)
        if number == current or shown.end < low or shown.start > high:
            continue
        odd = number % 2 == 1  # neighbouring claims get two tints, so their border shows
        state = claim.state
        color = tints.get((state, odd))
        if color is None:
            color = colors.states[state]
            color = tints.setdefault((state, odd), odd_tint(colors, color) if odd else color)
        marks.append(Mark(*offsets.span_to_qt(shown.start, shown.end), color))
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


def paint_marks(view: QPlainTextEdit, painter: QPainter, area: QRect, offsets: OffsetMap,
                claims: list[Claim], current: int | None, colors: ClaimColors) -> list[Mark]:
    """Fill the backgrounds of the ``claims`` on the paragraphs in ``area``;
    the marks painted (in order)."""
    blocks = visible_blocks(view, area)
    if not blocks:
        return []
    first = blocks[0][0].position()
    last = blocks[-1][0].position() + blocks[-1][0].length()
    marks = claim_marks(claims, current, offsets, colors,
                        (offsets.from_qt(first), offsets.from_qt(last, round_up=True)))
    shown = [mark for mark in marks if mark.end > first and mark.start < last]
    left = view.contentOffset().x()
    newline = view.fontMetrics().horizontalAdvance(" ")
    for block, top in blocks:
        position, lines = block.position(), None
        for mark in shown:
            if mark.end > position and mark.start < position + block.length():
                lines = lines or _lines(block)
                for rect in _line_rects(lines, mark.start - position, mark.end - position, newline):
                    painter.fillRect(rect.translated(left, top).toAlignedRect(), mark.color)
    return shown


def _lines(block: QTextBlock) -> list[tuple[int, int, float, QTextLine]]:
    """Each line of a paragraph: its text range, the right end of its text, the line."""
    layout = block.layout()
    lines = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        start = line.textStart()
        lines.append((start, start + line.textLength(), line.x() + line.naturalTextWidth(), line))
    return lines


def _line_rects(lines: list[tuple[int, int, float, QTextLine]], start: int, end: int,
                newline: float) -> list[QRectF]:
    """The rectangles of block-relative range [start, end) on each line, drawn
    as Qt draws a selection: a line's trailing space is not painted, and a
    range over the paragraph's end gets ``newline`` pixels more after its last line."""
    rects = []
    last = len(lines) - 1
    for number, (line_start, line_end, right, line) in enumerate(lines):
        if end <= line_start or start >= line_end + (number == last):
            continue
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
