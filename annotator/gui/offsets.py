"""The one place where Qt text positions and core offsets meet.

The core counts code points (Python string indices); Qt counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (most emoji,
some CJK) takes two Qt positions. Combining accents and right-to-left text
are BMP characters and map one to one; only astral characters shift.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts positions for one text in O(log n); O(1) for BMP-only text."""

    def __init__(self, text: str):
        self.length = len(text)
        # Code point indices of astral characters, and where each starts in UTF-16.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._utf16_starts = [index + k for k, index in enumerate(self._astral)]

    @property
    def is_identity(self) -> bool:
        return not self._astral

    @property
    def qt_length(self) -> int:
        return self.length + len(self._astral)

    def to_qt(self, index: int) -> int:
        """Code point index → UTF-16 position."""
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int, *, round_up: bool = False) -> int:
        """UTF-16 position → code point index.

        A position inside a surrogate pair (possible with a raw QTextCursor)
        snaps to the start of that character, or past it with ``round_up``
        (use that for the end of a span so the character stays whole).
        """
        if not self._astral:
            return position
        before = bisect_left(self._utf16_starts, position)
        index = position - before
        inside_pair = before > 0 and self._utf16_starts[before - 1] == position - 1
        return index + 1 if inside_pair and round_up else index

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection → a code point span that keeps characters whole."""
        start, end = sorted((start, end))
        return self.from_qt(start), self.from_qt(end, round_up=True)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)
