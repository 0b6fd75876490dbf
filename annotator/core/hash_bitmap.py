"""A set that can only say "certainly absent" or "perhaps present".

One bit per string's ``hash`` (this process's: the bitmap never leaves it),
512 KB whatever the number of strings. Used where most questions are about
strings that are not there and asking the real store costs (a file's ids
already read, the source registry's keys during an import): a clear bit
answers at once, a set bit sends the question on.
"""

from __future__ import annotations

from collections.abc import Iterable

BITMAP_BITS = 1 << 22  # a million strings leave ~1 in 5 bits set


class Present:
    """Strings that may be in a set (see the module)."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self.bits = bytearray(BITMAP_BITS >> 3)
        for text in strings:
            self.add(text)

    def add(self, text: str) -> None:
        bit = hash(text) & (BITMAP_BITS - 1)
        self.bits[bit >> 3] |= 1 << (bit & 7)

    def __contains__(self, text: str) -> bool:
        bit = hash(text) & (BITMAP_BITS - 1)
        return bool(self.bits[bit >> 3] & (1 << (bit & 7)))
