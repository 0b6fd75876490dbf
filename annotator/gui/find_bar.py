"""Find in article (Ctrl+F; F3 / Shift+F3 next and previous).

A line under the text: typing finds the first match from the cursor on,
Enter / F3 the next, Shift+Enter / Shift+F3 the previous (both wrap). The
match is *selected* in the article text, so S, M, C or Ins then use it (find
"Merz", press S: the source is set). Esc returns to the text and closes the
bar. Matching ignores case and works on code points (Python's ``re``), the
selection goes through the view's offset map like every other span.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from annotator.core.models import Span


def matches(text: str, needle: str) -> list[Span]:
    """Every case-insensitive occurrence of ``needle`` in ``text`` (code points)."""
    if not needle:
        return []
    return [Span(m.start(), m.end())
            for m in re.finditer(re.escape(needle), text, flags=re.IGNORECASE)]


class FindBar(QWidget):
    closed = Signal()  # Esc: the workspace gives the keys back to the text

    def __init__(self, view, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view  # the ArticleView
        self.field = QLineEdit(self)
        self.field.setAccessibleName("Find in article")
        self.field.setPlaceholderText("Find in article (Enter/F3 next, Shift+F3 previous, Esc)")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Matches")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        self.field.textEdited.connect(lambda _: self.find(+1, from_start_of_selection=True))
        self.field.returnPressed.connect(lambda: self.find(+1))
        self.field.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        """Show the bar with the text's selection (if short) as what to find."""
        selected = self.view.selected_span()
        if selected is not None and selected.end - selected.start <= 80:
            self.field.setText(selected.text(self.view.plain_text))
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def find(self, direction: int, *, from_start_of_selection: bool = False) -> Span | None:
        """Select the next (+1) or previous (-1) match after the text cursor,
        wrapping around; say "n of m" (or "not found") beside the field."""
        found = matches(self.view.plain_text, self.field.text())
        if not found:
            self.count.setText("not found" if self.field.text() else "")
            return None
        here = self.view.selection_or_cursor()
        anchor = here.start if (from_start_of_selection or direction < 0) else here.end
        if direction > 0:
            later = [n for n, span in enumerate(found) if span.start >= anchor]
            number = later[0] if later else 0
        else:
            earlier = [n for n, span in enumerate(found) if span.start < anchor]
            number = earlier[-1] if earlier else len(found) - 1
        self.view.select_span(found[number])
        self.view.centerCursor()
        self.count.setText(f"{number + 1} of {len(found)}")
        return found[number]

    def find_next(self) -> None:
        self._find_from_anywhere(+1)

    def find_previous(self) -> None:
        self._find_from_anywhere(-1)

    def _find_from_anywhere(self, direction: int) -> None:
        """F3 works from the text too; with nothing to find yet it opens the bar."""
        if not self.field.text():
            self.open()
            return
        self.show()
        self.find(direction)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self.find(-1)
                return True
        return super().eventFilter(watched, event)
