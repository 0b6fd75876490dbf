"""The article text with its claims highlighted.

Plain text only (``setPlainText``): markup in an article is shown as the
characters it is. Claims' backgrounds are painted under the text of the
lines on screen (claim_marks.py); what changes the letters themselves
(rejected claims, the selected claim's source and cue) are ExtraSelections.
Neither edits the document, so switching claims or states never re-lays out
the text. All positions are converted through the session's
:class:`~annotator.gui.offsets.OffsetMap`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from annotator.core.models import Span
from annotator.core.review.claims import Claim, ClaimState
from annotator.gui.claim_marks import Mark, paint_marks
from annotator.gui.colors import claim_colors
from annotator.gui.gutter import ClaimGutter, Link
from annotator.gui.offsets import OffsetMap

REVEAL_MARGIN_LINES = 2  # lines kept visible beyond the claim, its source and its cue


class SpacedLayout(QPlainTextDocumentLayout):
    """Room below each paragraph without touching the text.

    QPlainTextEdit ignores block margins (its layout stacks blocks by their
    bounding rects), so the spacing is added to the rect of every block.
    The text, and so the UTF-16 positions the offset map relies
    on, stay exactly as stored; painting, scrolling and hit-testing all
    read these rects.
    """

    def __init__(self, document, spacing: float):
        super().__init__(document)
        self.spacing = spacing

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        # Called ~1,700 times per switch to a long article: keep it one line
        # (the last block gets the room too; the view has no hidden blocks).
        return QPlainTextDocumentLayout.blockBoundingRect(self, block).adjusted(
            0, 0, 0, self.spacing)


class ArticleView(QPlainTextEdit):
    """Read-only, selectable by mouse and keyboard (Shift+arrows select)."""

    claimClicked = Signal(int)  # a code point index the reviewer clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCursorWidth(2)
        self.setPlaceholderText("No article open.\n\nImport articles with File → Import "
                                "articles… (Ctrl+I), or open another project (Ctrl+O).")
        self.offsets = OffsetMap("")
        self._text = ""
        self._hold_paint = False
        self._claims: list[Claim] = []
        self._current: int | None = None
        self.painted_marks: list[Mark] = []  # the claims' backgrounds the last paint drew
        self._shown_marks: list[tuple] | None = None  # what decides each claim's mark (None: repaint all)
        self._colors = claim_colors(self.palette())
        self._covered = (0, 0)  # code point range the current selections cover
        # Half a line between paragraphs (articles separate them by one newline).
        self.document().setDocumentLayout(
            SpacedLayout(self.document(), round(self.fontMetrics().lineSpacing() * 0.5)))
        self.gutter = ClaimGutter(self)
        self.setViewportMargins(ClaimGutter.WIDTH, 0, 0, 0)

    @property
    def overview(self) -> bool:
        return self.gutter.overview

    def set_overview(self, on: bool) -> None:
        """Overview mode: every claim's link to its source (see gutter.py)."""
        self.gutter.overview = on
        self.setViewportMargins(self.gutter.width_needed(), 0, 0, 0)
        self.gutter.follow_viewport()
        self._paint()

    # -- content ---------------------------------------------------------------------

    def show_article(self, text: str, offsets: OffsetMap) -> None:
        self.offsets = offsets
        self._text = text
        self._claims, self._current, self._shown_marks = [], None, None
        self.setExtraSelections([])
        self.gutter.mark(None)
        self.setPlainText(text)  # never HTML

    def show_claims(self, claims: list[Claim], current: int | None, *, scroll: bool = True) -> None:
        self._claims, self._current = claims, current
        if scroll and current is not None:
            self._hold_paint = True  # scrolling would paint; paint once, below
            try:
                claim = claims[current]
                self.reveal(claim.span, [s for s in (claim.source, claim.cue) if s is not None])
            finally:
                self._hold_paint = False
        self._paint()

    def reveal(self, span: Span, related: list[Span] | None = None) -> None:
        """Scroll the claim and its ``related`` spans (source, cue) into view with
        REVEAL_MARGIN_LINES lines to spare above and below (the claim's start wins
        when they do not fit), and put the keyboard cursor at the claim's start."""
        spans = [span, *(related or [])]
        first, last = min(s.start for s in spans), max(s.end for s in spans)
        cursor = self.textCursor()
        for position, move in ((last, QTextCursor.MoveOperation.Down),
                               (first, QTextCursor.MoveOperation.Up)):
            cursor.setPosition(self.offsets.to_qt(position))
            cursor.movePosition(move, QTextCursor.MoveMode.MoveAnchor, REVEAL_MARGIN_LINES)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        cursor.setPosition(self.offsets.to_qt(span.start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_span(self) -> Span | None:
        """The reviewer's selection in code points without surrounding white space
        (word-wise selection takes the trailing space), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.offsets.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return Span(start, end) if end > start else None

    @property
    def plain_text(self) -> str:
        """The article's text as stored (code points)."""
        return self._text

    def selection_or_cursor(self) -> Span:
        """The raw selection, or the cursor as an empty span (code points)."""
        cursor = self.textCursor()
        start, end = self.offsets.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return Span(start, end)

    def select_span(self, span: Span) -> None:
        """Select text by code points (for tests and keyboard helpers)."""
        cursor = self.textCursor()
        start, end = self.offsets.span_to_qt(span.start, span.end)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- painting ----------------------------------------------------------------------

    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        start, end = self.offsets.span_to_qt(span.start, span.end)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _rejected_format(self) -> QTextCharFormat:
        """A rejected claim's letters (its background is its mark)."""
        fmt = QTextCharFormat()
        fmt.setForeground(self._colors.rejected_text)
        fmt.setFontStrikeOut(True)
        return fmt

    def _paint(self) -> None:
        if self._hold_paint:
            return
        self._repaint_changed_marks()
        self._mark_near_screen()

    def _repaint_changed_marks(self) -> None:
        """Ask Qt to repaint the lines of the claims whose background changed
        (a key press: the claim decided and the one selected next), or the
        whole text after a new article or palette: repainting all of it cost
        ~4 ms more a key than the two claims' lines."""
        marks = [(c.shown.start, c.shown.end, c.state, n == self._current)
                 for n, c in enumerate(self._claims)]
        shown, self._shown_marks = self._shown_marks, marks
        if shown is None or len(shown) != len(marks):
            self.viewport().update()
            return
        spans = {(m[0], m[1]) for new, old in zip(marks, shown) if new != old for m in (new, old)}
        if not spans:
            return
        top, end = self.on_screen()
        area = QRect()
        for start, stop in spans:
            start, stop = self.offsets.span_to_qt(start, stop)
            if stop >= top and start <= end:
                first, last = self._cursor_rect(max(start, top)), self._cursor_rect(min(stop, end))
                area = area.united(QRect(0, first.top(), self.viewport().width(),
                                         last.bottom() - first.top() + 1))
        if not area.isEmpty():
            self.viewport().update(area)

    def _cursor_rect(self, position: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        return self.cursorRect(cursor)

    def _mark_near_screen(self) -> None:
        """The ExtraSelections, the bar and the overview's links near the screen."""
        # Inside an (empty) edit block QTextCursor.setPosition skips computing
        # the cursor's x coordinate, which would lay out every paragraph that
        # holds a claim: 200 claims cost ~1 ms instead of ~20 ms.
        block = QTextCursor(self.document())
        block.beginEditBlock()
        try:
            selections = self._selections()
        finally:
            block.endEditBlock()
        self.setExtraSelections(selections)
        current = None if self._current is None else self._claims[self._current].span
        self.gutter.mark(None if current is None
                         else self.offsets.span_to_qt(current.start, current.end))
        if self.gutter.overview:
            self.gutter.show_links(self._links())

    def _links(self) -> list[Link]:
        """Links of the claims whose claim or source lies in the covered range."""
        colors = self._colors
        first, last = self.offsets.from_qt(self._covered[0]), self.offsets.from_qt(self._covered[1])
        links = []
        tints: dict[ClaimState, QColor] = {}  # one colour per state, not one per claim
        for number, claim in enumerate(self._claims):
            shown = claim.shown  # its spans without building Span objects (200 claims a change)
            source = shown.source
            if source is None or max(shown.end, source.end) < first or min(shown.start, source.start) > last:
                continue
            state = claim.state
            color = tints.get(state)
            if color is None:
                color = colors.selected[state]
                color = tints[state] = color.lighter(170) if colors.dark else color.darker(170)
            links.append(Link(self.offsets.span_to_qt(shown.start, shown.end),
                              self.offsets.span_to_qt(source.start, source.end),
                              color, selected=number == self._current))
        return links

    def on_screen(self) -> tuple[int, int]:
        """The Qt position range of the paragraphs on screen."""
        top = self.firstVisibleBlock().position()
        bottom = self.cursorForPosition(self.viewport().rect().bottomRight()).block()
        return top, bottom.position() + bottom.length()

    def _visible_range(self) -> tuple[int, int]:
        """Code point range on screen, widened by half a screen above and below.

        Only claims there become ExtraSelections: Qt computes a rectangle for
        each one (laying out its paragraph), so 200 selections would cost
        ~20 ms per change; the visible few cost ~1 ms. When scrolling leaves
        this range, paintEvent computes the selections again.
        """
        top, end = self.on_screen()
        margin = (end - top) // 2
        self._covered = (max(top - margin, 0), min(end + margin, self.offsets.qt_length))
        return (self.offsets.from_qt(self._covered[0]), self.offsets.from_qt(self._covered[1]))

    def _selections(self) -> list[QTextEdit.ExtraSelection]:
        """Rejected claims near the screen, and the selected claim's source and cue."""
        colors = self._colors
        first, last = self._visible_range()
        rejected = self._rejected_format()
        selections = [self._selection(c.span, rejected) for c in self._claims
                      if c.state == ClaimState.REJECTED and c.span.end >= first and c.span.start <= last]
        if self._current is not None:
            claim = self._claims[self._current]
            for span, color, style in ((claim.source, colors.source,
                                        QTextCharFormat.UnderlineStyle.SingleUnderline),
                                       (claim.cue, colors.cue,
                                        QTextCharFormat.UnderlineStyle.WaveUnderline)):
                if span is not None:
                    fmt = QTextCharFormat()
                    fmt.setBackground(color)
                    fmt.setUnderlineStyle(style)
                    fmt.setForeground(self.palette().text().color())
                    selections.append(self._selection(span, fmt))
        return selections

    # -- events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colors = claim_colors(self.palette())
            self._shown_marks = None  # every mark's colour changes
            self._paint()

    def paintEvent(self, event) -> None:
        if self._claims and not self._hold_paint:
            top, end = self.on_screen()
            if top < self._covered[0] or end > self._covered[1]:
                self._mark_near_screen()  # scrolled past what we marked: mark the new ones
        if self._claims:  # the claims' backgrounds first, the text over them
            painter = QPainter(self.viewport())
            try:
                self.painted_marks = paint_marks(self, painter, event.rect(), self.offsets,
                                                 self._claims, self._current, self._colors)
            finally:
                painter.end()
        else:
            self.painted_marks = []
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.gutter.follow_viewport()
        self._paint()  # more (or fewer) lines are on screen

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        cursor = self.textCursor()
        if event.button() == Qt.MouseButton.LeftButton and not cursor.hasSelection():
            self.claimClicked.emit(self.offsets.from_qt(cursor.position()))


class Legend(QLabel):
    """What the colours mean; repainted when the palette changes.

    One word-wrapping label (our own markup, never article text): in a
    narrow window the legend wraps to a second line instead of setting the
    text's minimum width, which kept the guidelines dock from taking room
    from anything but the article list.
    """

    LABELS = [(ClaimState.SUGGESTED, "Suggested"), (ClaimState.ACCEPTED, "Accepted"),
              (ClaimState.REJECTED, "Rejected"), (ClaimState.ADDED, "Added by hand")]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Colour legend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setMargin(2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._recolor()

    def _recolor(self) -> None:
        colors = claim_colors(self.palette())
        text = self.palette().text().color().name()
        entries = [(colors.states[state].name(), label) for state, label in self.LABELS]
        entries += [(colors.source.name(), "Source (selected claim)"),
                    (colors.cue.name(), "Cue (selected claim)")]
        self.setText(" &nbsp; ".join(
            f'<span style="background-color:{background}; color:{text}">'
            f"&nbsp;{label.replace(' ', '&nbsp;')}&nbsp;</span>"
            for background, label in entries))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolor()
