"""Outlet-voice claims: what the article asserts in its own voice.

Every assertion in a finite clause is a claim (issue 13), also when nobody
is quoted for it; such claims are suggested as ``unattributed`` (the source
is the outlet).  After the attributed claims are found, each sentence is cut
into clause units, and every unit no attributed claim covers becomes one.

Not claims: headlines (a line without final punctuation), questions, link
lists ("Lesen Sie auch …") and the reporting frame itself ("X sagte", "bei
einer Rede in Brüssel" next to a cue or source).

Clause units split a sentence where the issue's rules split a claim:

* before a subordinate clause that makes its own assertion (", da …",
  ", während …", ", was …", ", wobei …"); conditional, purpose and ordinary
  relative clauses ("wenn", "um … zu", ", die …") stay with their host;
* after a leading subordinate clause, where the main clause's finite verb
  follows the comma ("Während X …, bestätigte Y …");
* at coordinated main clauses with their own subject ("…, und der Bedarf …
  war", "X steigen und die Einsätze werden …", "…, es ist …"); "und" itself
  belongs to neither;
* at semicolons and dashes.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.rules_words import SUBJECT_PRONOUNS
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution

# subordinate clauses that assert something of their own (cause, contrast,
# comment on the whole clause): a claim apart from their host
ASSERTING_SUBORDINATORS = frozenset(
    "da während weil obwohl obgleich nachdem indem zumal wobei was sodass wodurch womit weshalb wohingegen".split())
COORDINATORS = frozenset("und aber doch sondern denn oder".split())
BOUNDARY_WORDS = frozenset({",", ";", "–", "—"})
FINAL_PUNCTUATION = frozenset(".!?…“”\"«»)'")
LINK_LIST_STARTS = ("lesen sie auch", "mehr zum thema", "siehe auch", "weitere informationen", "lesen sie mehr")
MIN_WORDS = 3
OUTLET_SCORE = 0.2
CHECKWORTHY_SCORE = 0.3  # numbers, dates, quantities: the facts most worth checking


class OutletVoice:
    """Unattributed claims for the clauses no attributed claim covers."""

    def __init__(self, doc: DocState, tokens: WordClasses, features: SentenceFeatures) -> None:
        self.doc = doc
        self.tokens = tokens
        self.features = features

    def claims(self, attributed: list[Claim], events: Sequence[Range] = ()) -> list[Claim]:
        """One unattributed claim per free clause unit of every sentence;
        ``events`` are sentences that only report that someone spoke."""
        in_message, in_frame = self._taken(attributed)
        for a, b in events:
            in_frame[a:b] = [True] * (b - a)
        out: list[Claim] = []
        for si, (s, e) in enumerate(self.doc.sents):
            while e > s and self.doc.words[e - 1].isspace():
                e -= 1
            if e - s < MIN_WORDS or self.not_a_statement(s, e):
                continue
            for a, b in self.clause_units(s, e):
                if True in in_frame[a:b]:
                    continue  # "X sagte", "laut X": the reporting frame, not a claim
                free = self._longest_free_run(a, b, in_message)
                if free is None:
                    continue
                fa, fb = free
                checkworthy = self.features.checkworthy(fa, fb)
                out.append(Claim(parts=[free], attribution=Attribution.UNATTRIBUTED,
                                 hedged=self.features.hedged(fa, fb),
                                 score=CHECKWORTHY_SCORE if checkworthy else OUTLET_SCORE,
                                 kind="checkworthy" if checkworthy else "outlet", sents=[si]))
        return out

    def _taken(self, claims: list[Claim]) -> tuple[list[bool], list[bool]]:
        """Tokens inside a claim's message, and tokens of a cue or source."""
        in_message = [False] * self.doc.n
        in_frame = [False] * self.doc.n
        for c in claims:
            for a, b in c.parts:
                if b > a:
                    in_message[a:b] = [True] * (b - a)
            for span in (c.cue, c.source):
                if span is not None and span[1] > span[0]:
                    in_frame[span[0]:span[1]] = [True] * (span[1] - span[0])
        return in_message, in_frame

    def _longest_free_run(self, a: int, b: int, in_message: list[bool]) -> Range | None:
        """The longest stretch of a unit outside every claim's message, when it
        is most of the unit and long enough to assert something."""
        best: Range | None = None
        k = a
        if True not in in_message[a:b]:  # most units: no claim touches them
            best = self._trim_punctuation(a, b)
            k = b
        while k < b:
            if in_message[k]:
                k += 1
                continue
            start = k
            while k < b and not in_message[k]:
                k += 1
            run = self._trim_punctuation(start, k)
            if run is not None and (best is None or run[1] - run[0] > best[1] - best[0]):
                best = run
        if best is None:
            return None
        counts = self.doc.word_counts
        n_words = counts[best[1]] - counts[best[0]]
        n_unit = counts[b] - counts[a]
        if n_words < MIN_WORDS or 2 * n_words < n_unit:
            return None
        return best

    def _trim_punctuation(self, a: int, b: int) -> Range | None:
        words, quote_of = self.doc.words, self.doc.quote_of
        while a < b and (words[a] in (",", ";", ":", "-", "–", "—") or words[a].isspace()
                         or (quote_of[a] >= 0 and self.doc.quotes[quote_of[a]][1] == a)):
            a += 1
        while b > a and (words[b - 1] in (",", ";", ":", "-", "–", "—", ".", "!", "?") or words[b - 1].isspace()
                         or (quote_of[b - 1] >= 0 and self.doc.quotes[quote_of[b - 1]][0] == b - 1)):
            b -= 1
        return (a, b) if b > a else None

    # ------------------------------------------------------------ statements
    def not_a_statement(self, s: int, e: int) -> bool:
        """Headlines, questions and link lists assert nothing."""
        words = self.doc.words
        if words[e - 1] == "?" or (e - 2 >= s and words[e - 2] == "?" and words[e - 1] in FINAL_PUNCTUATION):
            return True
        if self.headline(s, e):
            return True
        opening = " ".join(self.doc.lower[s:s + 3])
        return opening.startswith(LINK_LIST_STARTS)

    def headline(self, s: int, e: int) -> bool:
        """A whole line without final punctuation: a headline or a label."""
        words = self.doc.words
        line_start = s == 0 or "\n" in words[s - 1]
        line_end = e >= self.doc.n or "\n" in words[e] or (e + 1 < self.doc.n and words[e].isspace())
        last = words[e - 1]
        return line_start and line_end and last[-1:] not in FINAL_PUNCTUATION and last != ":"

    # ------------------------------------------------------------ clause units
    def clause_units(self, s: int, e: int, subordinate: bool = True) -> list[Range]:
        """The sentence s..e cut where a claim is split (see the module doc);
        ``subordinate=False`` cuts only between main clauses (inside what one
        speaker says, a "da"/"was" clause is still theirs)."""
        cuts: list[tuple[int, int]] = []  # (end of a unit, start of the next)
        lower, words, quote_of = self.doc.lower, self.doc.words, self.doc.quote_of
        leading = subordinate and lower[s] in ASSERTING_SUBORDINATORS and lower[s] != "was"
        for k in range(s + 1, e - 1):
            word = words[k]
            if word not in BOUNDARY_WORDS and lower[k] not in COORDINATORS:
                continue  # most tokens: nothing to cut
            if quote_of[k] >= 0 and quote_of[k] != quote_of[s]:
                continue
            following = lower[k + 1]
            if word == ";" or (word in ("–", "—") and k > s + 2):  # "…, entlastet es X – ein Schritt, der …"
                cuts.append((k, k + 1))
            elif word == "," and following in ASSERTING_SUBORDINATORS and subordinate:
                cuts.append((k, k + 1))
            elif word == "," and leading and self.tokens.finite_verb(k + 1):
                cuts.append((k, k + 1))  # "Während X …, bestätigte Y"
                leading = False
            elif following in COORDINATORS and word == "," and self._own_subject_clause(k + 2, e):
                cuts.append((k, k + 2))  # "…, und der Bedarf … war"
            elif lower[k] in COORDINATORS and self.tokens.finite_verb(k - 1) and self._own_subject_clause(k + 1, e):
                cuts.append((k, k + 1))  # "Während die Spannungen steigen und die Einsätze … werden"
            elif word == "," and following in SUBJECT_PRONOUNS and following != "ihr" and k + 2 < e \
                    and (self.tokens.finite_verb(k + 2) or self.features.konjunktiv1_form(k + 2, s, e)):
                cuts.append((k, k + 1))  # "…, es ist ein Kampf um …"
        units: list[Range] = []
        start = s
        for unit_end, next_start in cuts:
            if unit_end > start:
                units.append((start, unit_end))
            start = next_start
        if e > start:
            units.append((start, e))
        return units

    def _own_subject_clause(self, k: int, e: int) -> bool:
        """Does a clause with its own subject start at k: a subject pronoun or
        an article, and a finite verb within the next few words?"""
        if k >= e:
            return False
        lower = self.doc.lower
        if not (lower[k] in SUBJECT_PRONOUNS or "det" in self.tokens.fclass(k)):
            return False
        for m in range(k + 1, min(e, k + 8)):
            if self.doc.words[m] in (",", ";", ":"):
                return False
            if self.tokens.finite_verb(m):
                return True
        return False
