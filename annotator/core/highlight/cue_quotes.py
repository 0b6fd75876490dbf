"""Direct quotations (a rule class over one ``DocState``).

Pairs quotation marks („…“, "…", »…«, ‚…‘) into quote regions, tells
quoted titles ("die „Kampagne für Tibet“") from speech, and makes
``direct_quote`` claims with their speaker — before ("X sagte: „…“"),
after ("„…“, sagte X"), in a colon sentence before, or carried on from
the previous quote — also across sentences.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.cue_verbs import VerbCues
from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.rules_words import BASE_SCORE
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution


class QuoteCues:
    """Quote regions and quotation claims."""

    def __init__(self, doc: DocState, tokens: WordClasses, phrases: NounPhrases, sources: SourcePhrases, verbs: VerbCues, features: SentenceFeatures) -> None:
        self.doc = doc
        self.tokens = tokens
        self.phrases = phrases
        self.sources = sources
        self.verbs = verbs
        self.features = features

    # ------------------------------------------------------------ quotes
    def quote_after_colon(self, si: int, s: int, e: int, consumed: set[int], prev: Claim | None) -> list[Claim]:
        """A sentence that opens with a quote after "X …:" or right after
        another quote of the same speaker."""
        qs, qe = self.doc.quotes[self.doc.quote_of[s]]
        # is the quote followed by its own frame (", sagte X")? then not here
        last_si = si
        while last_si + 1 < len(self.doc.sents) and self.doc.sents[last_si + 1][0] <= qe:
            last_si += 1
        e2 = self.doc.sents[last_si][1]
        k = qe + 1
        while k < e2 and self.doc.words[k].isspace():
            k += 1
        if k < e2 and self.doc.words[k] not in (".", "!", "?", "(", ")"):
            return []
        ps, pe = self.doc.sents[si - 1]
        while pe > ps and self.doc.words[pe - 1].isspace():
            pe -= 1
        src = cue = None
        if pe > ps and self.doc.words[pe - 1] == ":":
            verbs = [v for v in self.verbs.find_verb_cues(ps, pe) if v[1].cls != "evidence"]
            if verbs:
                vi, vf, p = verbs[0]
                src = self.sources.subject_of(vi, vf, ps, pe, p)
                cue = (vi, vi + 1)
            else:
                first = self.doc.lower[ps]
                if self.doc.lex.fclass(first) & {"prep", "sub", "adv"} and "det" not in self.doc.lex.fclass(first):
                    return []
                src = self.phrases.np_after(ps, pe, ps)
            if src is None:
                return []
        elif prev is not None and prev.source is not None and prev.attribution in (
                Attribution.DIRECT_QUOTE, Attribution.INDIRECT):
            src = prev.source  # the speaker of the previous sentence goes on
        else:
            return []
        for k in range(si + 1, last_si + 1):
            consumed.add(k)
        return [Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=src, cue=cue,
                      hedged=self.features.hedged(qs, qe + 1), score=0.8, kind="quote-colon",
                      sents=list(range(si, last_si + 1)))]

    def direct_quote(self, si: int, s: int, e: int, verbs, frames, consumed) -> Claim | None:
        words, lower = self.doc.words, self.doc.lower
        # quote regions starting inside this sentence
        regions = [q for q in self.doc.quotes if s <= q[0] < e and q[1] - q[0] >= 3
                   and not self.tokens.quote_is_name(q[0], q[1], s)]
        if not regions:
            return None
        # the largest quote
        qs, qe = max(regions, key=lambda q: q[1] - q[0])
        outside = [k for k in range(s, e) if not (qs <= k <= qe)]
        # sentences covered by the quote
        last_si = si
        while last_si + 1 < len(self.doc.sents) and self.doc.sents[last_si + 1][0] <= qe:
            last_si += 1
        e2 = self.doc.sents[last_si][1] if last_si > si else e
        while e2 > s and self.doc.words[e2 - 1].isspace():
            e2 -= 1
        # frame after the quote (", sagte X." may be in the last sentence)
        if last_si > si:
            after_v = [(vi, vf, p) for vi, vf, p in self.verbs.find_verb_cues(qe + 1, e2)
                       if vi > qe and vf.cls != "evidence"]
        else:
            after_v = [(vi, vf, p) for vi, vf, p in verbs if vi > qe]
        before_v = [(vi, vf, p) for vi, vf, p in verbs if vi < qs]
        src = cue = None
        if after_v and all(words[k] in (",", ".", "!", "?", "“", "”") or self.doc.quote_of[k] >= 0 for k in range(qe + 1, after_v[0][0])) \
                or (after_v and after_v[0][0] - qe <= 3):
            vi, vf, p = after_v[0]
            cue = (vi, vi + 1)
            src = self.sources.subject_after(vi, e2, s, p)
            if src is None:
                # "Während X diese Berichte als „…“ bestreiten"
                src = self.sources.subject_of(vi, vf, s, e2, p)
        elif after_v is not None and any(fr.kind == "so" and fr.cue[0] > qe for fr in frames):
            fr = next(fr for fr in frames if fr.kind == "so" and fr.cue[0] > qe)
            cue, src = fr.cue, fr.source
        elif before_v:
            vi, vf, p = before_v[-1]
            # the quote must follow the verb's clause: "X sagte: „…“" / "sagte er „…“"
            between = [k for k in range(vi + 1, qs) if self.doc.quote_of[k] < 0]
            colon = any(words[k] == ":" for k in between)
            if not colon and len(between) > 6 and (qe - qs) < 8:
                return None
            if not colon and any(words[k] == "," for k in between):
                # "sagte, dass … „…“" -> indirect claim handles it
                return None
            cue = (vi, vi + 1)
            src = self.sources.subject_of(vi, vf, s, e, p)
        else:
            # quote introduced by "X: „…“" or a colon-ending previous sentence
            colon_at = next((k for k in range(s, qs) if words[k] == ":"), -1)
            if colon_at > s and qs - colon_at <= 2:
                src = self.phrases.np_after(s, colon_at, s)
                if src is None or src[1] != colon_at:
                    return None
            else:
                return None
        if last_si > si:
            for k in range(si + 1, last_si + 1):
                consumed.add(k)
        c = Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=src, cue=cue,
                  hedged=self.features.hedged(qs, qe + 1), score=BASE_SCORE[Attribution.DIRECT_QUOTE], kind="quote",
                  sents=list(range(si, last_si + 1)))
        return c
