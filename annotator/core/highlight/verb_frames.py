"""Valency frames that show the reporting sense of a *mixed* verb.

A *mixed* lemma (``reporting_verbs.tsv``) has a reporting sense beside other
common ones, so the bare verb makes no claim without a complement clause.
Some of its dictionary frames, though, belong to the reporting sense alone:
the frame, not the lemma, then makes the claim.  One frame per lemma, each
with its dictionary reason:

* *schätzen* + accusative + *auf* + an amount estimates (Duden *schätzen* 1,
  'ungefähr berechnen': *schätzt die Zahl auf 10.000*); *schätzen* with an
  object alone esteems (*schätzt seine Kollegen*).
* *versprechen* + dative + accusative promises someone something (Duden
  *versprechen* 1: *versprach Russland volle Unterstützung*); without a
  dative it forecasts (*Der Film verspricht Spannung*, *verspricht
  spannend zu werden*: Duden *versprechen* 2, 'erwarten lassen').
* *nennen* + accusative + a second, indefinite accusative judges (Duden
  *nennen* 3, 'bezeichnen als': *nannte die Berichte eine Provokation*);
  with a name as the second accusative it names (*nannten ihn Peter*).

The frame is read in the verb's clause: after a finite verb (its middle
field), before a participle (*hat … eine Provokation genannt*).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.word_classes import WordClasses

# the dative personal pronouns (a closed class): "versprach ihnen Hilfe"
DATIVE_PRONOUNS = frozenset("mir dir ihm ihr uns euch ihnen".split())

# the indefinite and negative articles of an accusative noun phrase (a closed
# class): the second accusative of "nennen" that judges ("eine Provokation")
INDEFINITE_ACCUSATIVE = frozenset("ein eine einen kein keine keinen".split())

# cardinal numerals written as words (a closed class), and the words that
# grade an amount before its number ("auf rund 10.000", "auf mehr als zehn")
NUMERALS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig fünfzig "
                     "hundert hunderte tausend tausende dutzend dutzende hunderttausend million millionen "
                     "milliarde milliarden".split())
AMOUNT_GRADERS = frozenset("rund etwa ca. ca circa knapp gut fast mindestens höchstens weniger mehr als über "
                           "bis zu insgesamt ungefähr annähernd nahezu".split())


class VerbFrames:
    """Does a mixed verb's clause hold the frame of its reporting sense?"""

    def __init__(self, doc: DocState, tokens: WordClasses, phrases: NounPhrases) -> None:
        self.doc = doc
        self.tokens = tokens
        self.phrases = phrases
        self._frames: dict[str, Callable[[int, int, int], bool]] = {
            "schätzen": self._estimate,
            "versprechen": self._promise,
            "nennen": self._judgement,
        }

    def shows_reporting_sense(self, lemma: str, start: int, end: int, sent_start: int) -> bool:
        """The verb's field start..end (its middle field, or the clause before
        a participle) holds the frame of the lemma's reporting sense."""
        frame = self._frames.get(lemma)
        return frame is not None and frame(start, end, sent_start)

    # ------------------------------------------------------------ frames
    def _estimate(self, start: int, end: int, sent_start: int) -> bool:
        """ "auf" + an amount: "auf 10.000", "auf rund zehn Millionen Euro"."""
        lower = self.doc.lower
        for k in range(start, end - 1):
            if lower[k] != "auf":
                continue
            j = k + 1
            while j < end and lower[j] in AMOUNT_GRADERS:
                j += 1
            if j < end and (lower[j][:1].isdigit() or lower[j] in NUMERALS):
                return True
        return False

    def _promise(self, start: int, end: int, sent_start: int) -> bool:
        """A dative and an accusative: a dative pronoun ("versprach ihnen
        Hilfe"), or two noun phrases in a row, neither led by a preposition
        ("versprach Russland volle Unterstützung")."""
        lower = self.doc.lower
        if any(lower[k] in DATIVE_PRONOUNS for k in range(start, end)):
            return True
        return self._two_objects(start, end, sent_start, lambda k: True)

    def _judgement(self, start: int, end: int, sent_start: int) -> bool:
        """An object and then an indefinite noun phrase ("nannte die Berichte
        eine Provokation", "nannte es einen Fehler")."""
        return self._two_objects(start, end, sent_start, lambda k: self.doc.lower[k] in INDEFINITE_ACCUSATIVE)

    def _two_objects(self, start: int, end: int, sent_start: int, second_ok: Callable[[int], bool]) -> bool:
        """Two bare noun phrases right after one another in start..end, the
        second one opening with a word second_ok accepts."""
        k = start
        while k < end:
            if "prep" in self.tokens.fclass(k):
                # a prepositional phrase is an adverbial, no object: skip it whole ("in ihrer Rede")
                governed = self.phrases.np_after(k + 1, end, sent_start, appositions=False, open_end=False)
                k = governed[1] if governed is not None and governed[1] > k + 1 else k + 1
                continue
            first = self._bare_phrase(k, end, sent_start)
            if first is None:
                k += 1
                continue
            second = self._bare_phrase(first[1], end, sent_start)
            if second is not None and second_ok(second[0]):
                return True
            k = first[1]
        return False

    def _bare_phrase(self, k: int, end: int, sent_start: int) -> tuple[int, int] | None:
        """A noun phrase at k that no preposition governs (an object, not an
        adverbial: not "in der Rede")."""
        if k >= end or "prep" in self.tokens.fclass(k) or (k > sent_start and "prep" in self.tokens.fclass(k - 1)):
            return None
        if not (self.tokens.is_nounlike(k, sent_start) or self.tokens.fclass(k) & {"det", "pron"}
                or self.tokens.is_adjlike(k)):
            return None
        phrase = self.phrases.np_after(k, end, sent_start, appositions=False, open_end=False)
        return phrase if phrase is not None and phrase[1] > k else None
