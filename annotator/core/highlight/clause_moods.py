"""Mood and clause boundaries inside reported speech (a rule class over one
``DocState``).

German marks reported speech by mood: Konjunktiv I (*sei, habe, erspare*),
or Konjunktiv II where the first would look like the indicative (*kämen,
hätten*).  Where the mood changes back to the indicative in a new main
clause, the reporter speaks again, or the speaker does the next thing
(*er sei unschuldig, erkannte die Autorität des Gerichts nicht an*).  No
parser: the closed word classes, the verb lexicon and word order
(verb-second in main clauses, verb-final in relative clauses).
"""

from __future__ import annotations

from annotator.core.highlight.rule_family import RuleFamily


class ClauseMoods(RuleFamily):
    """Konjunktiv and indicative verbs, and where a main clause begins."""

    def konjunktiv1_guess(self, m: int) -> bool:
        """A Konjunktiv I the word list lacks, right after a subject phrase
        ("BASF argumentiert, diese Sorte erspare …"): a lowercase -e form
        of no closed class whose -en form is a lowercase word (or that no
        list knows, see ``SentenceFeatures.unlisted_konjunktiv``); never one
        in -te, which is mostly a preterite ("ereignete sich", "machte")."""
        word = self.doc.lower[m]
        lex = self.doc.lex
        if not (word.endswith("e") and len(word) > 3) or word.endswith("te") or lex.fclass(word):
            return False
        if lex.unlisted_verb_e_form(word) and self.doc.words[m][:1].islower():
            # a word no list knows: its place and what follows decide
            return self.features.unlisted_konjunktiv(m, self.doc.n)
        return lex.mostly_lowercase(word + "n")

    def mid_clause(self, m: int, me: int) -> bool:
        """Is the finite verb at m followed by more of its clause?  A relative
        clause ends in its finite verb (", die die Polizei fand,"); a main
        clause goes on after it (", die Bundesrepublik bekenne sich zu …").  A
        weak preterite there ("der letzte Zusammenstoß ereignete sich …") is
        the outlet's narration, not reported speech (a plural in -ten is
        also the Konjunktiv II that stands in for an ambiguous Konjunktiv I:
        "die Organisatoren verfolgten eigene Ziele")."""
        if self.doc.lower[m].endswith("te"):
            return False
        end = self.clauses.clause_end(m + 1, me)
        return end - (m + 1) >= 2

    def konjunktiv2_guess(self, m: int) -> bool:
        """A strong verb's Konjunktiv II the word lists lack, right after a
        subject phrase ("behauptet, die Oberstufen kämen nur durch Trickserei
        zustande"): the preterite stem with umlaut and -e/-en (kam → käme(n),
        gab → gäbe(n)), see ``SentenceFeatures.konjunktiv2_form``."""
        return self.features.konjunktiv2_form(m) and not self.tokens.is_nounlike(m + 1, -1)

    INDICATIVE_AUX = frozenset("ist sind war waren hat hatte hatten wird wurde wurden kann konnte konnten "
                               "muss musste mussten will wollte wollten darf durfte durften".split())

    def konjunktiv(self, m: int) -> bool:
        lo = self.doc.lower[m]
        return lo in self.doc.lex.konj1 or lo in self.features.KONJ2 or self.konjunktiv1_guess(m) \
            or self.konjunktiv2_guess(m)

    def indicative(self, m: int) -> bool:
        """An unambiguous indicative finite verb: an auxiliary form that is
        no Konjunktiv, or a lowercase verb form in -t/-te/-ten (no ge-
        participle); plural -en forms are also Konjunktiv I or infinitives,
        and other auxiliaries ("sollte") may be Konjunktiv II: left out."""
        lo, word = self.doc.lower[m], self.doc.words[m]
        if lo in self.INDICATIVE_AUX:
            return True
        if not word[:1].islower() or lo.startswith("ge") or lo.endswith("en") or self.konjunktiv(m) \
                or "aux" in self.tokens.fclass(m):
            return False
        return self.tokens.finite_verb(m)

    def mood_switch(self, k: int, me: int) -> int:
        """End a verb-second complement in Konjunktiv where a main clause in
        the indicative follows (", erkannte die Autorität des Gerichts nicht
        an", "und die Fraktion der Grünen forderte ein Verbot"): the change of
        mood is the reporter's voice again, or the speaker's next act."""
        quote_of = self.doc.quote_of
        first = next((m for m in range(k, me) if quote_of[m] < 0 and self.konjunktiv(m)), -1)
        if first < 0:
            return me
        b = self.next_main_clause(first + 1, me)
        return self.clauses._trim(k, b) if b >= 0 else me

    def _verb_cluster_end(self, m: int, me: int) -> bool:
        """Does the verb at m close a clause with its auxiliary (", verübt
        hatte", ", gefunden wurde") or alone (", meinte.")?  Then it ends a
        verb-final clause after an apposition; a verb-first main clause goes
        on ("…, flüchtete sie")."""
        nxt = m + 1
        return nxt >= me or self.doc.words[nxt] in (",", ".", ";", ":", "!", "?") or "aux" in self.tokens.fclass(nxt)

    def next_main_clause(self, start: int, me: int, own_subject: bool = False) -> int:
        """The boundary (comma or conjunction) before the next main clause in
        the indicative from ``start``: ", erkannte …" (the same subject's next
        predicate) or "und die Fraktion der Grünen forderte …" (a subject of
        its own); -1 if none."""
        words, lower, quote_of = self.doc.words, self.doc.lower, self.doc.quote_of
        for b in range(start, me - 1):
            if quote_of[b] >= 0 or not (words[b] == "," or lower[b] in ("und", "aber", "doch")):
                continue
            c = b + 1 + (words[b] == "," and lower[b + 1] in ("und", "aber", "doch"))
            if c >= me:
                break
            if words[b] == "," and c == b + 1 and self.indicative(c) and not own_subject \
                    and not self._verb_cluster_end(c, me):
                return b  # ", erkannte …": the main subject's next predicate
            subject = self.phrases.np_after(c, me, c)
            for _ in range(3):  # "die Fraktion der Grünen im Landtag von Mecklenburg-Vorpommern"
                if subject is None or subject[1] + 1 >= me or "prep" not in self.tokens.fclass(subject[1]):
                    break
                pp = self.phrases.np_after(subject[1] + 1, me, c, allow_pron=False)
                subject = (c, pp[1]) if pp is not None else None
            opener = self.doc.lex.fclass(lower[c])
            if subject is not None and subject[1] < me and self.indicative(subject[1]) \
                    and not opener & {"sub", "wh"} and ("rel" not in opener or "det" in opener and (
                        lower[b] != "," or self.mid_clause(subject[1], me))):
                return b
        return -1
