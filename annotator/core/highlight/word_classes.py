"""Token word classes for the claim rules (a rule class over one ``DocState``).

Decides what a single token is — function-word class, capitalised noun or
name, adjective, reporting-verb form — from the lexicons, or from
``token.pos_`` when a statistical model set it.  Every other rule asks these
questions, so they are answered in one place.
"""

from __future__ import annotations

from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.lexicons import VerbForm
from annotator.core.highlight.rules_words import PUNCT


class WordClasses:
    """Per-token tests; expects ``self.doc.words``, ``self.doc.lower``, ``self.doc.lex``, ``self.doc.pos``."""

    def __init__(self, doc: DocState) -> None:
        self.doc = doc

    # ----------------------------------------------------------- word classes
    def fclass(self, i: int) -> frozenset[str]:
        return self.doc.lex.fclass(self.doc.lower[i])

    def is_cap(self, i: int) -> bool:
        return self.doc.words[i][:1].isupper()

    def is_nounlike(self, i: int, sent_start: int) -> bool:
        """Capitalised word that is a noun or name (not a sentence-initial function word)."""
        x = self.doc.words[i]
        if x[:1].islower() and x.endswith((".de", ".com", ".org", ".net", ".at", ".ch")) and len(x) > 5:
            return True  # "t-online.de", "bildblog.de"
        if not x[:1].isupper() and not (x[:1].isdigit() and "-" in x):
            # "al-Omair", "bin-Laden": lowercase particle joined to a name; a compound
            # whose last part is a noun ("documenta-Homepage", "verdi-Verhandlungsführer")
            if "-" in x:
                h = x.rfind("-")
                return 0 < h and x[h + 1:h + 2].isupper()
            if "." in x:  # a name written with an inner dot ("ver.di")
                return x.count(".") == 1 and len(x) > 4 and x[-1:].isalpha() and x[:1].isalpha() \
                    and x.replace(".", "").isalpha()
            return x.isalnum() and not x.isalpha() and x[:1].isalpha()  # a name with digits: "n24", "h5n1"
        if self.doc.pos is not None:
            return self.doc.pos[i] in ("NOUN", "PROPN", "X", "NUM")
        lo = self.doc.lower[i]
        if self.doc.lex.fclass(lo):
            return False
        if i == sent_start:
            if lo in self.doc.lex.verbs or self.doc.lex.mostly_lowercase(lo):
                return False
            if lo not in self.doc.lex.lower and lo.endswith(("lich", "ig", "isch", "end", "weise", "falls", "mals")):
                return False
            # pronominal adverbs: "hier"/"da"/"wo" + preposition ("hierzu", "darüber", "womit")
            if (lo.startswith(("hier", "da", "wo")) and lo[4:] in self.doc.lex.function
                    or lo[2:] in self.doc.lex.function and lo.startswith(("da", "wo"))):
                return False
        return True

    def _source_noun_after(self, k: int, end: int) -> bool:
        """Do adjectives from k lead to a source noun ("aus anderen Parteien")?"""
        while k < end and self.is_adjlike(k):
            k += 1
        return k < end and self.doc.lex.source_noun_kind(self.doc.lower[k]) is not None

    def _common_noun(self, i: int) -> bool:
        """A capitalised word the lexicon knows as a frequent common noun."""
        counts = self.doc.lex.lower.get(self.doc.lower[i])
        return counts is not None and counts[0] == 0 and counts[1] >= 5

    def is_adjlike(self, i: int) -> bool:
        x = self.doc.lower[i]
        if self.doc.pos is not None:
            return self.doc.pos[i] in ("ADJ", "NUM") or (
                self.doc.pos[i] == "VERB" and x.endswith(("te", "ten", "tem", "ter", "ene", "enen")))
        if not self.doc.words[i][:1].islower() and not self.doc.words[i][:1].isdigit():
            return False
        if self.doc.lex.fclass(x) or x in self.doc.lex.verbs:
            return False
        if x[:1].isdigit():
            return True
        return x.endswith(("e", "en", "em", "er", "es")) and len(x) > 3

    def verb_entries(self, i: int) -> list[VerbForm] | None:
        return self.doc.lex.verbs.get(self.doc.lower[i])

    def quote_is_name(self, qs: int, qe: int, s: int) -> bool:
        """„…“ used as a name or title: "die „Kampagne für Tibet“", "der Serie „…“"."""
        if qs > s:
            prev = self.doc.lower[qs - 1]
            cls = self.doc.lex.fclass(prev)
            if "det" in cls or "prep" in cls or self.is_adjlike(qs - 1):
                return True
        inner = [k for k in range(qs + 1, qe) if self.doc.words[k] not in PUNCT]
        if not inner:
            return True
        if qs > s and self.is_nounlike(qs - 1, s) \
                and len(inner) <= 5 and all(not (self.doc.words[k][:1].islower() and len(self.doc.words[k]) > 3)
                                            for k in inner):
            # a short name right after a noun is its close apposition ("im Fachmagazin
            # „Public Library of Science“", "den Stern „HD 13189“"), not a quotation
            return True
        fclass = self.doc.lex.fclass
        if len(inner) <= 5 and all(self.doc.words[k][:1].isupper()
                                   or fclass(self.doc.lower[k]) & {"det", "prep", "conj"}
                                   and not fclass(self.doc.lower[k]) & {"aux", "pron", "adv"} for k in inner):
            return True
        return False

    def finite_verb(self, k: int) -> bool:
        """An auxiliary, a modal or a reporting verb form (no parser: the
        closed classes and the verb lexicon), or a lowercase word with a
        verb ending that no word list knows as anything else."""
        if k < 0 or k >= self.doc.n:
            return False
        word, lower = self.doc.words[k], self.doc.lower[k]
        if not word[:1].islower():
            return False
        fclass = self.fclass(k)
        if "aux" in fclass:
            return True
        if fclass:
            return False
        forms = self.doc.lex.verbs.get(lower)
        if forms:
            return any(vf.kind in ("fin", "konj", "sub") for vf in forms)
        # "entwickelt", "unterstreicht", "bleibt"; not an attribute ("die letzten Wochen")
        return lower.endswith(("t", "te", "ten")) and len(lower) > 3 \
            and not (k + 1 < self.doc.n and self.is_nounlike(k + 1, -1))
