"""What a document shows: "aus X hervorgehen" (a rule class over one ``DocState``).

German news names a written source with "aus <Dokument> hervorgehen"
("Wie aus einer Verlautbarung der ISAF hervorgeht, …", "Aus dem Bericht
geht hervor, dass …", "Dies geht aus einer Pressemitteilung des Konzerns
hervor."): the document in the "aus" phrase is the source, the verb the
cue.  No subject speaks here, so the verb rules (which read the speaker
from the subject) do not see it.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.doc_state import Range
from annotator.core.highlight.rule_family import RuleFamily
from annotator.core.models import Attribution

# the verb in one word (verb-final clause) or its finite part before the particle "hervor"
JOINED_FORMS = frozenset("hervorgeht hervorging hervorgehen hervorgingen hervorgegangen".split())
FINITE_FORMS = frozenset("geht ging gehen gingen".split())
VERB_FORMS = JOINED_FORMS | {"hervor"}
POINTING_SUBJECTS = frozenset(("dies", "das", "dieses"))  # "Dies geht aus … hervor": the sentence before


class DocumentCues(RuleFamily):
    """Claims whose source is a document named in "aus X hervorgehen"."""

    def claim(self, s: int, e: int) -> Claim | None:
        lower, quote_of = self.doc.lower, self.doc.quote_of
        for k in self.doc.tokens_in(self.doc.token_hits("hervor", VERB_FORMS.__contains__), s + 2, e):
            if quote_of[k] >= 0 or (lower[k] not in JOINED_FORMS and not self._split_verb(k, s)):
                continue
            cs = self.clauses.clause_start(k, s)
            aus = next((m for m in range(cs, k) if lower[m] == "aus" and quote_of[m] < 0), -1)
            source = self.phrases.np_after(aus + 1, k, s, allow_pron=False) if aus >= 0 else None
            if source is None:
                continue
            return self._message(s, e, cs, k, source)
        return None

    def _split_verb(self, k: int, s: int) -> bool:
        """ "hervor" at the end of a clause whose finite verb is "geht/ging"."""
        lower = self.doc.lower
        if lower[k] != "hervor":
            return False
        cs = self.clauses.clause_start(k, s)
        return any(lower[m] in FINITE_FORMS for m in range(cs, k))

    def _message(self, s: int, e: int, cs: int, k: int, source: Range) -> Claim | None:
        lower = self.doc.lower
        cue = (k, k + 1)
        end = self.clauses.strip_end(s, e)
        if lower[cs] == "wie" and cs == s:
            # "Wie aus X hervorgeht, wurden …": the clause after the frame
            after = self.clauses.clause_end(k, e)
            if end - after < 4:
                return None
            return Claim(parts=[(after + 1, end)], attribution=Attribution.ACCORDING_TO, source=source, cue=cue,
                         hedged=self.features.hedged(after + 1, end), score=0.6, kind="wie")
        if lower[cs] == "wie" and cs > s and self.doc.words[cs - 1] == "," and self.clauses.clause_end(k, e) >= end:
            # "Die Lage ist ernst, wie aus einer Mitteilung hervorgeht.": the
            # main clause before the frame
            message_end = self.clauses.strip_end(s, cs - 1)
            if message_end - s < 3:
                return None
            return Claim(parts=[(s, message_end)], attribution=Attribution.ACCORDING_TO, source=source, cue=cue,
                         hedged=self.features.hedged(s, message_end), score=0.6, kind="wie")
        if lower[s] in POINTING_SUBJECTS and cs == s:
            # the run loop moves the message to the sentence before (or drops it)
            return Claim(parts=[(s, end)], attribution=Attribution.REPORTED, source=source, cue=cue,
                         score=0.6, kind="anaphoric")
        after = self.clauses.clause_end(k, e)
        if after + 1 < end and lower[after + 1] in ("dass", "daß"):
            return Claim(parts=[(after + 1, end)], attribution=Attribution.INDIRECT, source=source, cue=cue,
                         hedged=self.features.hedged(after + 1, end), score=0.6, kind="comp-dass")
        return None
