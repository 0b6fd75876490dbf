"""Claim and attribution rules over a segmented Doc (no parser needed).

Works on plain lists of token texts for speed.  Finds, per sentence:

* reporting-verb cues (by form -> lemma, with separable particles),
* adverbial frames (laut X, X zufolge, nach Angaben X, gemäß X, wie X
  mitteilte, demnach, wonach, heißt es, "…, so X"),
* direct quotes „…“ / "…" / »…« with their speaker, also across sentences,
* the message: a real complement clause after the cue (dass/ob/wh-word,
  quote, verb-second or zu-infinitive clause), the part before an inverted
  "…, sagte X", or the sentence minus the frame,
* the source phrase (subject with appositions and name particles), and an
  antecedent for pronouns and bare roles,
* free indirect speech: Konjunktiv I or reportive "soll(en)" sentences right
  after an attributed sentence carry its source on (merged),
* unattributed check-worthy sentences (numbers, dates, quantities).

``DocRules`` builds one ``DocState`` (``doc_state.py``: tokens, sentences,
quote regions) and one small rule class per job over it, each given the
classes it asks; this module holds the document loop (``run``) and the
per-sentence order in which the cue families are tried (``sentence``):

* ``rules_words.py`` — shared word lists and base scores; ``claim.py`` —
  the ``Claim`` record;
* ``word_classes.py``, ``clauses.py``, ``noun_phrases.py`` — token classes,
  clause boundaries, noun-phrase chunking;
* ``cue_verbs.py`` (reporting verbs, complements, inverted and reported
  claims), ``cue_frames.py`` (adverbial frames), ``cue_quotes.py`` (direct
  quotes);
* ``source_phrases.py`` (subjects, speaker test), ``coreference.py``
  (pronoun and role antecedents);
* ``sentence_features.py`` (hedging, reportive mood, check-worthiness).

All names that used to be defined here are still importable from here.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.coreference import Coreference
from annotator.core.highlight.cue_complements import ComplementCues
from annotator.core.highlight.cue_frames import Frame, FrameCues
from annotator.core.highlight.cue_outlet import OutletVoice
from annotator.core.highlight.cue_quotes import QuoteCues
from annotator.core.highlight.cue_verbs import VerbCues
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.lexicons import Lexicons, VerbForm  # noqa: F401  (VerbForm: re-export)
from annotator.core.highlight.noun_phrases import NounPhrases, low_k_rel  # noqa: F401  (re-export)
from annotator.core.highlight.rules_words import (  # noqa: F401  (re-exports)
    ALL_QUOTES, BASE_SCORE, COMPLEMENTIZERS, GENITIVE_DETS, NAME_PARTICLES, NON_COMPLEMENT_STARTS, PARTITIVES,
    POSSESSIVES, PUNCT, QUOTE_PAIRS, RELATIVE, SUBJECT_PRONOUNS, TIME_WORDS, WH,
)
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution


class DocRules:
    """All claim rules over one document: builds the rule classes over one
    ``DocState`` and runs the document loop."""

    def __init__(self, words: list[str], sent_bounds: list[tuple[int, int]], lex: Lexicons,
                 ents: list[tuple[int, int, str]] | None = None, pos: list[str] | None = None):
        self.doc = doc = DocState.build(words, sent_bounds, lex, ents=ents, pos=pos)
        self.tokens = tokens = WordClasses(doc)
        self.clauses = clauses = Clauses(doc, tokens)
        self.features = features = SentenceFeatures(doc)
        self.phrases = phrases = NounPhrases(doc, tokens)
        self.sources = sources = SourcePhrases(doc, tokens, clauses, phrases)
        self.verbs = verbs = VerbCues(doc, tokens, clauses, phrases, sources, features)
        self.frames = FrameCues(doc, tokens, clauses, phrases, features)
        self.quotes = QuoteCues(doc, tokens, phrases, sources, verbs, features)
        self.coref = Coreference(doc, tokens, phrases, sources)
        self.outlet = OutletVoice(doc, tokens, features)
        self.complements = ComplementCues(doc, tokens, clauses, phrases, sources, features)

    # ------------------------------------------------------------ main entry
    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        consumed: set[int] = set()  # sentences already covered by a claim
        prev_attr: Claim | None = None  # attributed claim in the previous sentence
        prev_sent = -2
        colon_pending: Claim | None = None
        for si, (s, e) in enumerate(self.doc.sents):
            if si in consumed:
                # sentence inside a multi-sentence quote or message
                continue
            # strip trailing whitespace tokens
            while e > s and self.doc.words[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            got = None
            q = self.doc.quote_of[s]
            if q >= 0 and self.doc.quotes[q][0] == s and self.doc.quotes[q][1] - s >= 3 and si > 0:
                got = self.quotes.quote_after_colon(si, s, e, consumed, prev_attr if prev_sent == si - 1 else None)
            if not got:
                got = self.sentence(si, s, e, consumed)
            if not got:
                recent = colon_pending or (prev_attr if prev_sent == si - 1 else None)
                quote = self.quotes.unframed_quote(si, s, e, consumed, recent)
                got = [quote] if quote is not None else []
            if got:
                for c in got:
                    c.sents = c.sents or [si]
                claims.extend(got)
                prev_attr = got[-1] if got[-1].attribution != Attribution.UNATTRIBUTED else None
                prev_sent = max(got[-1].sents)
                colon_pending = prev_attr if (prev_attr and self.doc.words[e - 1] == ":") else None
                continue
            # free indirect speech / continuation after an attributed sentence
            carrier = colon_pending or prev_attr
            level, mood_verb = self.features.reportive_verb(s, e)
            if colon_pending:
                level = 2
            if carrier is not None and (prev_sent == si - 1 or (level == 2 and prev_sent >= si - 3)) and level:
                msg = (s, e)
                if carrier.kind in ("free", "colon") and carrier.parts[-1][1] <= s and prev_sent == si - 1:
                    # merge into the previous free-indirect claim
                    carrier.parts[-1] = (carrier.parts[-1][0], e)
                    carrier.sents.append(si)
                    carrier.hedged = carrier.hedged or self.features.hedged(s, e)
                    prev_sent = si
                    continue
                c = Claim(
                    parts=[msg],
                    attribution=Attribution.INDIRECT,
                    source=carrier.source,
                    antecedent=carrier.antecedent,
                    cue=(mood_verb, mood_verb + 1) if mood_verb >= 0 else None,  # "sei", "sollen": the mood is the cue
                    hedged=self.features.hedged(s, e),
                    score=0.6,
                    kind="colon" if colon_pending else "free",
                    sents=[si],
                )
                claims.append(c)
                prev_attr = c
                prev_sent = si
                colon_pending = None
                continue
            colon_pending = None
        self.coref.resolve(claims)
        # what no attributed claim covers is asserted in the outlet's voice
        claims.extend(self.outlet.claims(claims, self.verbs.reporting_events))
        return claims

    # ------------------------------------------------------------ sentence
    def sentence(self, si: int, s: int, e: int, consumed: set[int]) -> list[Claim]:
        words, lower = self.doc.words, self.doc.lower
        frames = self.frames.find_frames(s, e)
        all_verbs = self.verbs.find_verb_cues(s, e)
        # evidence verbs ("Satellitenbilder zeigen, dass …") only with a dass-clause
        verbs = [v for v in all_verbs if v[1].cls != "evidence"]
        claims: list[Claim] = []

        # 0. "wie X mitteilte, …" frames
        for vi, vf, part in verbs:
            cs = self.clauses.clause_start(vi, s, at_quotes=False)
            if any(lower[k] == "wie" for k in range(cs, vi)):
                c = self.verbs.verb_claim(s, e, vi, vf, part)
                if c is not None and c.kind == "wie":
                    return [c]
        # 1. direct quotes with a speaker
        qclaim = self.quotes.direct_quote(si, s, e, verbs, frames, consumed)
        if qclaim is not None:
            return [qclaim]

        # 2. reporting verb with a complement or inverted frame; when two cues
        # share a clause ("hat sich geäußert und aufgefordert, …") the later one
        # takes the complement
        for n_v, (vi, vf, part) in enumerate(all_verbs):
            if n_v + 1 < len(all_verbs) and all_verbs[n_v + 1][0] < self.clauses.clause_end(vi + 1, e):
                continue
            c = self.verbs.verb_claim(s, e, vi, vf, part)
            if c is not None:
                claims.append(c)
                # an adverbial frame outside the verb's message is a claim of its
                # own: "Heute bestätigte X laut Reuters, dass …"
                for fr in frames:
                    if fr.kind in ("pre", "post", "nach") and fr.span is not None \
                            and not (c.start <= fr.cue[0] < c.end):
                        fc = self.frames.frame_claim(s, e, fr)
                        if fc is not None:
                            claims.append(fc)
                        break
                return claims

        # 3. adverbial frames: message = the clause they govern minus the frame
        if frames:
            found = self._frame_claims(s, e, frames)
            if found:
                return found

        # 4. reported speech act without complement: whole sentence
        for vi, vf, part in verbs:
            if vf.cls == "thought" and vf.kind != "part":
                continue
            c = self.verbs.reported_claim(s, e, vi, vf, part)
            if c is not None:
                return [c]
        # 5. cues found from their complement: a speech noun, any predicate
        # of a speaker before a Konjunktiv-I or dass clause
        complement = self.complements.noun_claim(s, e) or self.complements.phrase_claim(s, e)
        return [complement] if complement is not None else []

    def _frame_claims(self, s: int, e: int, frames: list[Frame]) -> list[Claim]:
        """One claim per clause a frame governs; a sentence-wide frame's
        message stops where a clause with a frame of its own begins."""
        regions = [self.frames.frame_region(s, e, fr) for fr in frames]
        sub_starts = [r[0] for r in regions if r != (s, e)]
        out: list[Claim] = []
        seen: set[Range] = set()
        for fr, region in zip(frames, regions):
            if region == (s, e):
                later = [start for start in sub_starts if start > fr.cue[0]]
                if later:
                    region = (s, self.clauses._trim(s, min(later)))
            if region in seen:
                continue
            claim = self.frames.frame_claim(s, e, fr, region)
            if claim is not None:
                seen.add(region)
                out.append(claim)
            if not sub_starts:
                break  # one sentence-wide frame makes one claim, as before
        return out
