"""Clause boundaries for the claim rules (a rule class over one ``DocState``).

Finds where a clause starts and ends (commas, semicolons, colons, dashes
and quotes outside quotations) and trims punctuation off message ranges.
Cue, frame and source rules all cut sentences at the same boundaries.
"""

from __future__ import annotations

from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.word_classes import WordClasses


class Clauses:
    """Clause start/end and punctuation trimming; expects ``self.doc.words`` and the quote map."""

    def __init__(self, doc: DocState, tokens: WordClasses) -> None:
        self.doc = doc
        self.tokens = tokens

    def clause_end(self, i: int, e: int) -> int:
        """First clause boundary (, ; : or quote opener outside quotes) at or after i."""
        k = i
        while k < e:
            x = self.doc.words[k]
            if self.doc.quote_of[k] >= 0 and self.doc.quotes[self.doc.quote_of[k]][0] == k:
                return k
            if x in (",", ";", ":", "–", "—") and self.doc.quote_of[k] < 0:
                return k
            k += 1
        return e

    def clause_start(self, i: int, s: int, at_quotes: bool = True) -> int:
        k = i - 1
        while k >= s:
            x = self.doc.words[k]
            if x in (",", ";", ":", "–", "—") and self.doc.quote_of[k] < 0:
                return k + 1
            if at_quotes and self.doc.quote_of[k] >= 0 and self.doc.quotes[self.doc.quote_of[k]][1] == k:
                return k + 1
            k -= 1
        return s

    def strip_end(self, s: int, e: int) -> int:
        """Drop final punctuation (not closing quotes) from a message range."""
        while (e > s and self.doc.words[e - 1] in (".", ",", ";", ":", "!", "?", "–", "—", "-")
               and self.doc.quote_of[e - 1] < 0):
            e -= 1
        return e

    def _trim(self, a: int, b: int) -> int:
        while b > a and self.doc.words[b - 1] in (",", ";", ":"):
            b -= 1
        return b

    def aux_before(self, i: int, cs: int) -> int:
        """Finite auxiliary/modal before a participle in the same clause, or -1."""
        for k in range(i - 1, cs - 1, -1):
            if "aux" in self.tokens.fclass(k) and self.doc.quote_of[k] < 0:
                return k
        return -1

    def attributive_before_noun(self, i: int, s: int, e: int) -> bool:
        """Is the verb form at i a participle used as an adjective because its
        clause has its finite verb elsewhere ("Die oft kritisierte Reform
        tritt … in Kraft", "Der bekannte Trommler … hatte")?  A determiner,
        lowercase modifiers, the form, a capitalised noun — and another
        finite verb after the noun in the same clause: a clause has one."""
        words = self.doc.words
        if i + 1 >= e:
            return False
        k = i - 1
        while k > s and words[k][:1].islower() and words[k].isalpha() and not self.tokens.fclass(k) - {"adv"}:
            k -= 1
        if not words[i + 1][:1].isupper() or k < s or "det" not in self.tokens.fclass(k):
            return self._attribute_after_finite(i, k, s)
        end = self.clause_end(i + 1, e)
        return any(self.tokens.finite_verb(m) for m in range(i + 2, end))

    def _attribute_after_finite(self, i: int, k: int, s: int) -> bool:
        """ "Der Grund waren dem Bericht zufolge nicht näher bezeichnete
        „technische Probleme“": an inflected form in -e after adverbs, before
        a (quoted) noun phrase, where the clause's finite verb already stood
        earlier (a clause has one; no "und" between opens a second one)."""
        words, lower = self.doc.words, self.doc.lower
        j = i + 1
        if self.doc.quote_of[j] >= 0 and self.doc.quotes[self.doc.quote_of[j]][0] == j:
            j += 1  # the quoted name of the thing: „technische Probleme“
        if k == i - 1 or not lower[i].endswith(("e", "en")) or j + 1 >= self.doc.n \
                or not (words[j][:1].isupper() or self.tokens.is_adjlike(j) and words[j + 1][:1].isupper()):
            return False
        start = self.clause_start(i, s)
        for m in range(k, start - 1, -1):
            if lower[m] in ("und", "oder", "sowie", "aber") or self.doc.quote_of[m] >= 0:
                return False
            if m < k and self.tokens.finite_verb(m):
                return True
        return False
