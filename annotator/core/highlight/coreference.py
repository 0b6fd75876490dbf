"""Source coreference (a rule class over one ``DocState``).

After all claims of a document are found, points pronoun ("er", "sie"),
relative-pronoun, "demnach" and bare-role ("der Präsident") sources at
the nearest earlier named source ("Der ukrainische Präsident Wolodymyr
Selenskyj"); the mention itself stays the claim's ``source``.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.rules_words import RELATIVE, TIME_WORDS
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses


class Coreference:
    """Antecedents for pronoun and role sources."""

    def __init__(self, doc: DocState, tokens: WordClasses, phrases: NounPhrases, sources: SourcePhrases) -> None:
        self.doc = doc
        self.tokens = tokens
        self.phrases = phrases
        self.sources = sources

    # ------------------------------------------------------------ coreference
    def role_antecedent(self, role: str, before: int, si: int) -> tuple[int, int] | None:
        """The nearest earlier "… <Role> <Name>" phrase for "der <Role>"
        (within 8 sentences): "Der ukrainische Präsident Wolodymyr Selenskyj"."""
        first_sent = max(0, si - 8)
        limit = self.doc.sents[first_sent][0]
        for k in range(before - 1, limit - 1, -1):
            lo = self.doc.lower[k]
            if not (lo == role or (lo.endswith(role) and len(lo) > len(role) + 2)):
                continue
            if (k + 1 < self.doc.n and self.tokens.is_nounlike(k + 1, -1)
                    and not self.doc.lex.fclass(self.doc.lower[k + 1])):
                # walk back over the article and adjectives before the role
                a = k
                while a - 1 >= limit and (self.tokens.is_adjlike(a - 1) or "det" in self.tokens.fclass(a - 1)):
                    a -= 1
                    if "det" in self.tokens.fclass(a):
                        break
                b = k + 1
                while b < self.doc.n and self.tokens.is_nounlike(b, -1):
                    b += 1
                return (a, b)
        return None

    def latest_mention(self, source: tuple[int, int] | None, before: int) -> tuple[int, int] | None:
        """The last mention of a named source's surname before token ``before``
        ("… der US-Verteidigungsminister Leon Panetta … , wird Panetta zitiert .
        Die Entscheidung wolle er …"): continued speech is the speaker's as the
        text last named him, which is the mention SpkAtt marks."""
        if source is None or source[1] - source[0] < 2:
            return None
        surname = self.doc.words[source[1] - 1]
        # a name (a rare capitalised word) after a first name or role, not "die Rebellen"
        if not (self.phrases._is_name(source[1] - 1, -1) and self.doc.words[source[1] - 2][:1].isupper()
                and self.doc.lex.source_noun_kind(surname.lower()) is None):
            return None
        for k in range(before - 1, source[1] - 1, -1):
            if self.doc.words[k] == surname and self.doc.quote_of[k] < 0:
                return (k, k + 1)
        return None

    def _nested(self, claim: Claim, a: int, sent_start: int) -> bool:
        """ "…, da X und Y Berichte … vorgelegt haben, die darauf hindeuten,
        dass …": the relative pronoun points at a report that X presented;
        with nested attribution the outermost speaker is the source and the
        verb of presenting the cue.  True when the claim was changed."""
        lower = self.doc.lower
        verb = a - 2
        if verb <= sent_start or not self.tokens.finite_verb(verb) and lower[verb] not in self.doc.lex.verbs:
            return False
        if "aux" in self.tokens.fclass(verb) and verb - 1 > sent_start:
            verb -= 1  # "vorgelegt haben": the participle is the cue
        start = self.sources.clauses.clause_start(verb, sent_start)
        if self.doc.lex.fclass(lower[start]) & {"sub", "conj"}:
            start += 1
        report = next((k for k in range(start, verb) if self.doc.lex.source_noun_kind(lower[k]) == "document"
                       or self.doc.lex.is_nominal_cue(lower[k])), -1)
        if report < 0:
            return False
        speaker = self.phrases.np_after(start, report, sent_start, allow_pron=False, coordination=True)
        if speaker is None or not self.sources.speaker_like(speaker):
            return False
        claim.source, claim.cue = speaker, (verb, verb + 1)
        return True

    def resolve(self, claims: list[Claim], speakers: list[tuple[int, tuple[int, int]]] | None = None) -> None:
        """Point pronoun / bare-role / 'demnach' sources at an earlier named source.
        ``speakers``: (sentence, subject) of speech acts that made no claim
        ("Ebenso äußerte sich Hamasführer Ismail Haniyya."), in document order:
        they are named speakers a later "er" stands for, too."""
        named: list[tuple[int, tuple[int, int]]] = []  # (sentence, span)
        waiting = list(speakers or ())
        for c in claims:
            while waiting and c.sents and waiting[0][0] < c.sents[0]:
                named.append(waiting.pop(0))
            if c.source is not None and c.source[1] - c.source[0] == 1 and self.doc.lower[c.source[0]] in ("man", "es"):
                c.source = None  # impersonal: no speaker
            elif (c.source is not None and c.source[1] - c.source[0] == 2
                  and self.doc.lower[c.source[0]] in ("ende", "anfang", "mitte")
                  and self.doc.lower[c.source[0] + 1] in TIME_WORDS):
                c.source = None  # "Ende August": a time adverbial the word order took for the subject
            src = c.source
            si = c.sents[0] if c.sents else 0
            if src is None:
                continue
            a, b = src
            toks = self.doc.lower[a:b]
            target = None
            if b - a == 1 and toks[0] in RELATIVE and a > 0 and self.doc.words[a - 1] == ",":
                sent_start = self.doc.sents[si][0] if si < len(self.doc.sents) else 0
                before = self.phrases.np_before(a - 1, sent_start, -1)
                if before is not None and self.sources.speaker_like(before):
                    target = before
                elif self._nested(c, a, sent_start) and c.source is not None:
                    named.append((si, c.source))  # the outermost speaker, named
                    continue
            elif b - a == 1 and (toks[0] in ("er", "sie", "demnach", "dieser", "diese")):
                for psi, span in reversed(named):
                    if si - psi > 4:
                        break
                    target = span
                    break
            elif b - a == 2 and toks[0] in ("der", "die") and self.doc.lex.source_noun_kind(toks[1]) == "role":
                target = self.role_antecedent(toks[1], a, si)
            if target is not None:
                c.antecedent = target
            else:
                if any(self.doc.words[k][:1].isupper() for k in range(a, b)):
                    named.append((si, src))
