"""Does a speech verb's participle report a speech act of its clause?
(a rule class over one ``DocState``)

A past participle is a predicate only with a finite auxiliary: the perfect
(*hat … kritisiert*) or the passive (*wurde … kritisiert*).  Without one it
is an adjective or an apposition (*das Profil 2.0, auch „BD-Live“ genannt*,
*häufiger als bisher angenommen*, *genauer gesagt*).  Verbs of saying form
their perfect with *haben*, so a participle under *sein* is a state (*ist als
Kommissar bekannt*, *waren zur Wahl aufgerufen*) or another verb (*waren ins
Stocken geraten*), no speech act.  The pluperfect (*hatte … abgelehnt*)
tells what was said before the reported events: background that SpkAtt's
annotators do not mark as a message.  A passive without an agent phrase
(*Der Schaden wird auf 10.000 Euro geschätzt*, *Als Termin wurde … genannt*)
names no speaker: the outlet states it in its own voice.
"""

from __future__ import annotations

from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.rules_words import PASSIVE_AUX
from annotator.core.highlight.word_classes import WordClasses

# the finite forms of "sein" that make a state of a participle ("ist bekannt")
SEIN_FINITE = frozenset("ist sind war waren sei seien wäre wären bin bist seid".split())
# the pluperfect's auxiliary ("hatte … gefordert")
PLUPERFECT_AUX = frozenset(("hatte", "hatten"))
# the prepositions that name a passive's agent ("von der Polizei", "durch das Gericht")
AGENT_PREPOSITIONS = frozenset(("von", "vom", "durch"))


class ParticipleTense:
    """Which participles of reporting verbs are no speech act that happened."""

    def __init__(self, doc: DocState, tokens: WordClasses, clauses: Clauses) -> None:
        self.doc = doc
        self.tokens = tokens
        self.clauses = clauses

    def no_speech_act(self, vi: int, s: int, e: int, clause_start: int) -> bool:
        """Is the participle at vi (in sentence s..e, clause from
        clause_start) an adjective, a state or background?"""
        return self.without_auxiliary(vi, s) or self.state(vi, e, clause_start) \
            or self.background(vi, clause_start)

    def _auxiliary(self, k: int) -> bool:
        return "aux" in self.tokens.fclass(k) and self.doc.quote_of[k] < 0

    def without_auxiliary(self, vi: int, s: int) -> bool:
        """No finite auxiliary before the participle in its sentence.  (A
        fronted participle with its auxiliary after it, "Abgelehnt wurde …",
        is a predicate too, but keeping it cost dev-rest 0.2 points: in
        SpkAtt's news it is mostly an agentless passive, no message.)"""
        return not any(self._auxiliary(k) for k in range(s, vi))

    def state(self, vi: int, e: int, clause_start: int) -> bool:
        """The participle's auxiliary is "sein", and no "worden" makes it a
        passive perfect ("ist … kritisiert worden")."""
        aux = self.clauses.aux_before(vi, clause_start)
        if aux < 0 or self.doc.lower[aux] not in SEIN_FINITE:
            return False
        end = self.clauses.clause_end(vi, e)
        return not any(self.doc.lower[k] == "worden" for k in range(vi, end))

    def background(self, vi: int, clause_start: int) -> bool:
        """The pluperfect: "Die Linkspartei hatte bisher immer … abgelehnt"."""
        aux = self.clauses.aux_before(vi, clause_start)
        return aux >= 0 and self.doc.lower[aux] in PLUPERFECT_AUX

    def agentless_passive(self, vi: int, e: int, clause_start: int) -> bool:
        """A passive ("wird/wurde … geschätzt") whose clause names no agent
        with "von" or "durch"."""
        aux = self.clauses.aux_before(vi, clause_start)
        if aux < 0 or self.doc.lower[aux] not in PASSIVE_AUX:
            return False
        end = self.clauses.clause_end(vi, e)
        return not any(self.doc.lower[k] in AGENT_PREPOSITIONS for k in range(clause_start, end))
