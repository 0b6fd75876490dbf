"""Which text each ``id`` of an input file was given to, in ~24 bytes an id.

A file that gives one ``id`` to two different texts is refused (importer),
so every id read so far is remembered until the file ends: on a
100,000-article file that was a dict of the id strings, ~140 bytes an
article, the largest thing an import's writer kept per article (~14 MB of
its growth from 10,000 to 100,000 articles). Here the recent ids stay in a
dict and older ones are folded into sorted arrays of a 96-bit hash of the
id and their text's 64-bit hash. Two ids sharing the 96 bits (~1e-19 for
100,000 ids) is not considered. A bitmap of the folded ids' hash() (512 KB,
made at the first fold) spares most new ids the search of the arrays: reading
stays within noise of the dict (~133 us per article of the CLI's feed).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from zlib import crc32

from annotator.core.hash_bitmap import Present

RECENT = 8192  # ids kept as strings before they are folded into the arrays


def _id_hash(external_id: str) -> tuple[int, int]:
    # str's own hash (kept on the string, stable within the process, which is
    # all this map lives for) and a CRC-32: 96 bits, ~1e-19 of a clash in 100,000 ids
    return hash(external_id), crc32(external_id.encode("utf-8", "surrogatepass"))


class TextsById:
    """id -> a hash of the text it was first given to."""

    def __init__(self) -> None:
        self.recent: dict[str, int] = {}
        # sorted runs of (high, low, text) columns, larger first: a new run of
        # RECENT ids merges with the runs no larger than it, so each id is
        # sorted again only a few times (log2 of the file's size in RECENTs)
        self.runs: list[tuple[array, array, array]] = []  # ("q": hash() is signed)
        # the folded ids (made at the first fold): ~2 % of new ids of a
        # 100,000-id file search the runs
        self.seen: Present | None = None

    def first(self, external_id: str, text_hash: int) -> int:
        """The text hash ``external_id`` was first given with: ``text_hash`` if it is new."""
        known = self.recent.get(external_id)
        if known is not None:
            return known
        if self.seen is not None and external_id in self.seen:
            high, low = _id_hash(external_id)
            for run in self.runs:
                known = _find(run, high, low)
                if known is not None:
                    return known
        self.recent[external_id] = text_hash
        if len(self.recent) >= RECENT:
            self._fold()
        return text_hash

    def _fold(self) -> None:
        rows = [(*_id_hash(i), t) for i, t in self.recent.items()]
        if self.seen is None:
            self.seen = Present()
        for external_id in self.recent:
            self.seen.add(external_id)
        while self.runs and len(self.runs[-1][0]) <= len(rows):
            rows += zip(*self.runs.pop())
        rows.sort()
        highs, lows, texts = zip(*rows)
        self.runs.append((array("q", highs), array("Q", lows), array("Q", texts)))
        self.recent = {}

    def __len__(self) -> int:
        return len(self.recent) + sum(len(run[0]) for run in self.runs)


def _find(run: tuple[array, array, array], high: int, low: int) -> int | None:
    highs, lows, texts = run
    at = bisect_left(highs, high)
    while at < len(highs) and highs[at] == high:
        if lows[at] == low:
            return texts[at]
        at += 1
    return None
