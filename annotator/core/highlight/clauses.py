"""Clause boundaries for the claim rules (mixin of ``DocRules``).

Finds where a clause starts and ends (commas, semicolons, colons, dashes
and quotes outside quotations) and trims punctuation off message ranges.
Cue, frame and source rules all cut sentences at the same boundaries.
"""

from __future__ import annotations


class Clauses:
    """Clause start/end and punctuation trimming; expects ``self.w`` and the quote map."""

    def clause_end(self, i: int, e: int) -> int:
        """First clause boundary (, ; : or quote opener outside quotes) at or after i."""
        k = i
        while k < e:
            x = self.w[k]
            if self.quote_of[k] >= 0 and self.quotes[self.quote_of[k]][0] == k:
                return k
            if x in (",", ";", ":", "–", "—") and self.quote_of[k] < 0:
                return k
            k += 1
        return e

    def clause_start(self, i: int, s: int, at_quotes: bool = True) -> int:
        k = i - 1
        while k >= s:
            x = self.w[k]
            if x in (",", ";", ":", "–", "—") and self.quote_of[k] < 0:
                return k + 1
            if at_quotes and self.quote_of[k] >= 0 and self.quotes[self.quote_of[k]][1] == k:
                return k + 1
            k -= 1
        return s

    def strip_end(self, s: int, e: int) -> int:
        """Drop final punctuation (not closing quotes) from a message range."""
        while e > s and self.w[e - 1] in (".", ",", ";", ":", "!", "?", "–", "—", "-") and self.quote_of[e - 1] < 0:
            e -= 1
        return e

    def _trim(self, a: int, b: int) -> int:
        while b > a and self.w[b - 1] in (",", ";", ":"):
            b -= 1
        return b
