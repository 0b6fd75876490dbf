"""Token word classes for the claim rules (mixin of ``DocRules``).

Decides what a single token is — function-word class, capitalised noun or
name, adjective, reporting-verb form — from the lexicons, or from
``token.pos_`` when a statistical model set it.  Every other rule asks these
questions, so they are answered in one place.
"""

from __future__ import annotations

from annotator.core.highlight.lexicons import VerbForm


class WordClasses:
    """Per-token tests; expects ``self.w``, ``self.low``, ``self.lex``, ``self.pos``."""

    # ----------------------------------------------------------- word classes
    def fclass(self, i: int) -> frozenset[str]:
        return self.lex.fclass(self.low[i])

    def is_cap(self, i: int) -> bool:
        return self.w[i][:1].isupper()

    def is_nounlike(self, i: int, sent_start: int) -> bool:
        """Capitalised word that is a noun or name (not a sentence-initial function word)."""
        x = self.w[i]
        if x[:1].islower() and x.endswith((".de", ".com", ".org", ".net", ".at", ".ch")) and len(x) > 5:
            return True  # "t-online.de", "bildblog.de"
        if not x[:1].isupper() and not (x[:1].isdigit() and "-" in x):
            # "al-Omair", "bin-Laden": lowercase particle joined to a name
            h = x.find("-")
            return 0 < h < 4 and x[h + 1:h + 2].isupper()
        if self.pos is not None:
            return self.pos[i] in ("NOUN", "PROPN", "X", "NUM")
        lo = self.low[i]
        if self.lex.fclass(lo):
            return False
        if i == sent_start:
            if lo in self.lex.verbs or self.lex.mostly_lowercase(lo):
                return False
            if lo not in self.lex.lower and lo.endswith(("lich", "ig", "isch", "end", "weise", "falls", "mals")):
                return False
            if lo.startswith(("hier", "da", "wo")) and lo[4:] in self.lex.function or lo[2:] in self.lex.function \
                    and lo.startswith(("da", "wo")):
                return False
        return True

    def _source_noun_after(self, k: int, end: int) -> bool:
        """Do adjectives from k lead to a source noun ("aus anderen Parteien")?"""
        while k < end and self.is_adjlike(k):
            k += 1
        return k < end and self.lex.source_noun_kind(self.low[k]) is not None

    def _common_noun(self, i: int) -> bool:
        """A capitalised word the lexicon knows as a frequent common noun."""
        counts = self.lex.lower.get(self.low[i])
        return counts is not None and counts[0] == 0 and counts[1] >= 5

    def is_adjlike(self, i: int) -> bool:
        x = self.low[i]
        if self.pos is not None:
            return self.pos[i] in ("ADJ", "NUM") or (self.pos[i] == "VERB" and x.endswith(("te", "ten", "tem", "ter", "ene", "enen")))
        if not self.w[i][:1].islower() and not self.w[i][:1].isdigit():
            return False
        if self.lex.fclass(x) or x in self.lex.verbs:
            return False
        if x[:1].isdigit():
            return True
        return x.endswith(("e", "en", "em", "er", "es")) and len(x) > 3

    def verb_entries(self, i: int) -> list[VerbForm] | None:
        return self.lex.verbs.get(self.low[i])
