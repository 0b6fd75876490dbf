"""Assigning articles to train/dev/test sets.

Each article goes to a set by a hash of (seed, article id), so:
- one article's layers never straddle two sets;
- the assignment is streaming (no list of all articles in memory);
- an article lands in the same set in every export with the same seed and
  fractions, whichever annotators or layer are exported: no leakage
  between, say, a gold export and a silver one.
The price: on small data the sets' sizes only approximate the fractions
(the dataset card reports the actual counts).
"""

from __future__ import annotations

import hashlib
from itertools import accumulate


class SplitAssigner:
    def __init__(self, fractions: dict[str, float], seed: int):
        self.names = list(fractions)
        self.bounds = list(accumulate(fractions.values()))
        self.bounds[-1] = 1.0  # rounding must not leave a gap at the top
        self.seed = seed

    def position(self, article_id: str) -> float:
        """A uniform number in [0, 1) fixed by the seed and the article."""
        digest = hashlib.sha256(f"{self.seed}:{article_id}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def set_of(self, article_id: str) -> str:
        point = self.position(article_id)
        for name, bound in zip(self.names, self.bounds):
            if point < bound:
                return name
        return self.names[-1]
