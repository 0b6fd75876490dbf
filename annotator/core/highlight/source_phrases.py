"""Source phrases: who said it (mixin of ``DocRules``).

The subject of a reporting verb — in the prefield, after an inverted verb,
the "von X" agent of a passive, the relative pronoun of "…, der … sagte",
a shared subject of coordinated verbs — and whether a phrase can be a
speaker at all (pronoun, role, organisation, document or name).
"""

from __future__ import annotations

from annotator.core.highlight.lexicons import VerbForm
from annotator.core.highlight.rules_words import RELATIVE, SUBJECT_PRONOUNS


class SourcePhrases:
    """Subjects of reporting verbs and the speaker test."""

    FOCUS = frozenset("auch nur selbst sogar ebenso allein gerade besonders zudem ebenfalls".split())

    # ------------------------------------------------------------ sources
    def subject_after(self, vi: int, e: int, s: int, particle: int = -1) -> tuple[int, int] | None:
        """Subject after an (inverted) verb: "…, sagte der Sprecher des Amtes"."""
        j = vi + 1
        stop = e
        # skip adverbs / reflexive
        while j < stop and (self.low[j] in ("auch", "nun", "zudem", "dazu", "außerdem", "jetzt", "sich", "heute",
                                            "gestern", "später", "weiter", "ebenfalls", "noch", "bereits", "daraufhin")):
            j += 1
        # after the verb "von den Partnern" is an object, "von HRW" an affiliation
        np_ = self.np_after(j, stop, s, no_det_pp=True)
        if np_ is None:
            return None
        a, b = np_
        if self.low[a] in ("ihm", "ihr", "ihnen", "uns"):
            return None
        return np_

    def subject_of(self, vi: int, vf: VerbForm, s: int, e: int, particle: int = -1) -> tuple[int, int] | None:
        """Subject of a main clause with the (finite or participle) verb at vi."""
        w, low = self.w, self.low
        cs = self.clause_start(vi, s)
        # if the clause begins with a quote right before, subject is after the verb
        fin = vi
        if vf.kind == "part" or vf.form.endswith("t"):
            a = self.aux_before(vi, cs)
            if a >= 0:
                fin = a
                if low[a] in self.PASSIVE_AUX or (vi + 1 < e and low[vi + 1] in ("worden", "werden")):
                    # passive: the source is the "von X" agent, if any (not the
                    # topic of "wird von X ausgegangen / gesprochen / berichtet")
                    for k in (range(cs, vi) if vf.lemma not in ("ausgehen", "sprechen", "berichten") else ()):
                        if low[k] in ("von", "vom", "durch") and self.quote_of[k] < 0:
                            agent = self.np_after(k + 1, vi, s, allow_pron=False)
                            if agent is not None:
                                return agent
                    if low[cs] in ("in", "im", "auf", "aus") and cs + 1 < a:
                        # "In einer Presseerklärung wurde verkündet, dass …"
                        pp = self.np_after(cs + 1, a, s, allow_pron=False)
                        if pp is not None and pp[1] == a and any(
                                self.lex.source_noun_kind(low[x]) in ("document", "org") for x in range(pp[0], pp[1])):
                            return pp
                    return None
        if fin == s:
            return self.subject_after(fin, e, s, particle)
        if fin == vi and vi - 1 > s and low[vi - 1] in ("und", "aber", "sowie") and self.quote_of[vi - 1] < 0:
            # coordinated verbs share the subject: "X sprach sich dagegen aus und sagte, …"
            k = s
            while k < vi and low[k] in self.FOCUS:
                k += 1
            first = self.np_after(k, vi, s)
            if first is not None and not (self.lex.fclass(low[k]) & {"prep", "sub", "adv"}) \
                    and not ("det" in self.fclass(k) and low[k] in ("den", "dem", "einen", "einem")):
                return first
        if cs > s and low[cs] in ("und", "aber", "doch", "sondern", "denn") and cs + 1 < fin:
            sub = self.np_after(cs + 1, fin, s)  # "…, und die Flugrouten deuten darauf hin"
            if sub is not None and sub[1] >= fin - 1:
                return sub
        verb_final = vi + 1 >= e or w[vi + 1] in (",", ".", ";", ":") or (particle >= 0 and particle < vi)
        if cs > s and verb_final and low[cs] in RELATIVE and w[cs - 1] == "," and cs + 1 < vi \
                and not (self.is_nounlike(cs + 1, s) or self.is_adjlike(cs + 1)) and low[cs] not in ("den", "dem", "denen"):
            return (cs, cs + 1)  # "…, der die Regierung aufgefordert hatte, …": the relative pronoun
        if fin == vi and not verb_final:
            # "…, und die Hongkonger befürchten, dass …": a coordinated main clause
            for k in range(vi - 1, max(s, vi - 8), -1):
                if low[k] in ("und", "aber", "doch") and self.quote_of[k] < 0:
                    # only when a clause with its own verb stands before "und"
                    has_verb = any("aux" in self.fclass(x) or (low[x] in self.lex.verbs and w[x][:1].islower())
                                   for x in range(s, k))
                    sub = self.np_after(k + 1, vi, s)
                    if has_verb and sub is not None and sub[1] >= vi - 1 and k > s:
                        return sub
                    break
        if cs < vi and self.lex.fclass(low[cs]) & {"sub"} and low[cs] not in ("wie",) and cs + 1 < vi \
                and verb_final:
            # verb-final subordinate clause: "Als X sagte, dass …"
            sub = self.np_after(cs + 1, vi, s)
            if sub is not None:
                return sub
        # prefield: the whole stretch from the sentence start (appositions may
        # contain commas) when it looks like a subject
        pre_s = s
        if fin - s == 1 and low[s] in ("das", "dies", "dieses", "diese", "was", "dem", "den"):
            return self.subject_after(fin, e, s, particle)
        if fin + 1 < e and low[fin + 1] in ("er", "man", "wir", "ich") and self.quote_of[fin + 1] < 0:
            return (fin + 1, fin + 2)  # "Die Tat bezeichnete er als sinnlos"
        if low[s] in ("den", "dem", "einen", "einem", "diesen", "diesem"):
            if fin + 1 < e and low[fin + 1] == "sie":
                return (fin + 1, fin + 2)
            return self.subject_after(fin, e, s, particle)
        while s < fin - 1 and low[s] in self.FOCUS:
            s += 1  # "Auch das Außenministerium kritisierte …"
        pre_s = s
        # skip a leading frame or subordinate clause: take the last clause
        first = low[pre_s]
        cls = self.lex.fclass(first)
        # subordinate clause or PP/adverb first -> subject follows the verb
        if cls & {"prep", "sub", "adv", "conj", "wh"} and "det" not in cls or first in self.lex.frames \
                or (w[pre_s][:1].isdigit()) or self.lex.mostly_lowercase(first) and "det" not in cls \
                and first not in SUBJECT_PRONOUNS and not (
                    first.endswith(("e", "en", "er", "es")) and pre_s + 1 < fin and self.is_nounlike(pre_s + 1, s)):
            if first in SUBJECT_PRONOUNS:
                return (pre_s, pre_s + 1)
            subj = self.subject_after(fin, e, s, particle)
            return subj
        np_ = self.np_after(s, fin, s, coordination=True)
        if np_ is None:
            return self.subject_after(fin, e, s, particle)
        a, b = np_
        if b >= fin - 1:
            if not self.speaker_like(np_) and fin == vi:
                # "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal":
                # a non-speaker in front, a name right after the verb
                after = self.subject_after(fin, e, s, particle)
                if after is not None and self.speaker_like(after) and not self.fclass(after[0]):
                    return after
            return (a, self._trim(a, b))
        nxt = low[b]
        if w[b] == "," and b + 1 < fin and nxt in ("," ) or (w[b] == "," and low[b + 1] in RELATIVE
                                                            and w[fin - 1] == ","):
            return np_  # "Die Organisation, die …, erklärte"
        if nxt in ("und", "sowie", "oder") and b + 1 < fin:
            sub = self.np_after(b + 1, fin, s)
            if sub is not None and sub[1] >= fin - 1:
                return (a, self._trim(a, sub[1]))
        if all("adv" in self.lex.fclass(low[k]) for k in range(b, fin)):
            return np_  # "Die Kanadier hingegen"
        if cs == fin and w[fin - 1] == ",":
            # "Y sei …, sagte X": the subject follows the verb; if nothing
            # follows, the verb continues the sentence's subject
            # ("X monieren …, sprechen aber davon, …")
            return self.subject_after(fin, e, s, particle) or np_
        return np_

    def speaker_like(self, span: tuple[int, int]) -> bool:
        """Could this phrase be a speaker: a pronoun, a role/organisation/
        document noun or a name (a capitalised word our word list does not know
        as a common word)?"""
        a, b = span
        if self.ents:
            for ea, eb, label in self.ents:
                if ea < b and eb > a and label in ("PER", "ORG", "PERSON"):
                    return True
        for k in range(a, b):
            lo = self.low[k]
            if lo in ("er", "sie", "wir", "ich"):
                return True
            if not self.w[k][:1].isupper():
                continue
            if self.lex.source_noun_kind(lo) is not None:
                return True
            counts = self.lex.lower.get(lo)
            if counts is None or (counts[0] == 0 and counts[1] <= self.NAME_MAX_COUNT):
                return True
        return False

    NAME_MAX_COUNT = 3
