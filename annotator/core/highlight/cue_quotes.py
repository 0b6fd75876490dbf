"""Direct quotations (a rule class over one ``DocState``).

Pairs quotation marks („…“, "…", »…«, ‚…‘) into quote regions, tells
quoted titles ("die „Kampagne für Tibet“") from speech, and makes
``direct_quote`` claims with their speaker — before ("X sagte: „…“"),
after ("„…“, sagte X"), in a colon sentence before, or carried on from
the previous quote — also across sentences.
"""

from __future__ import annotations

from bisect import bisect_left

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.cue_frames import Frame
from annotator.core.highlight.cue_verbs import VerbCues
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.lexicons import VerbForm
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.rules_words import BASE_SCORE
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution

VerbCue = tuple[int, VerbForm, int]  # verb token, its lexicon entry, separated particle or -1
Speaker = tuple[Range | None, Range | None]  # source, cue
NAMING_LEMMAS = frozenset("bezeichnen nennen werten einstufen kritisieren zurückweisen".split())
UNFRAMED_QUOTE_MIN_TOKENS = 6  # shorter quotes without a cue are names, terms or scare quotes


class QuoteCues:
    """Quote regions and quotation claims."""

    def __init__(self, doc: DocState, tokens: WordClasses, phrases: NounPhrases, sources: SourcePhrases,
                 verbs: VerbCues, features: SentenceFeatures) -> None:
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
                    src, cue = self._inverted_speaker(ps, pe) or (None, None)
                else:
                    src = self.phrases.np_after(ps, pe, ps)
            if src is None:
                return []
        elif prev is not None and prev.source is not None and prev.attribution in (
                Attribution.DIRECT_QUOTE, Attribution.INDIRECT):
            src, cue = prev.source, prev.cue  # the speaker of the previous sentence goes on, and so does the cue
        else:
            return []
        for k in range(si + 1, last_si + 1):
            consumed.add(k)
        return [Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=src, cue=cue,
                      hedged=self.features.hedged(qs, qe + 1), score=0.8, kind="quote-colon",
                      sents=list(range(si, last_si + 1)))]

    def _inverted_speaker(self, s: int, e: int) -> Speaker | None:
        """ "Dabei griff sie auch den Präsidenten an: „…“": an adverb or PP in
        front, the finite verb second, and the subject after it, who speaks
        the quotation the colon announces (a speaker-like subject only)."""
        if self.features.question(s, e):
            return None
        words, first = self.doc.words, self.doc.lex.fclass(self.doc.lower[s])
        second = s + 1
        if "prep" in first:
            phrase = self.phrases.np_after(s + 1, e, s)  # "Im Kongress warb Obama …"
            second = phrase[1] if phrase is not None else e
        if ("adv" in first or "prep" in first) and second < e and words[second].isalpha() \
                and words[second].islower():
            verb = second  # one adverb or PP fills the prefield: the verb is second, known or not
        else:
            verb = next((m for m in range(s + 1, e) if self.doc.quote_of[m] < 0 and self.tokens.finite_verb(m)), -1)
        if verb < 0 or "aux" in self.doc.lex.fclass(self.doc.lower[verb]):
            return None  # "Damit wird … unterschritten": a passive's subject is no speaker
        subject = self.sources.subject_after(verb, e, s)
        return (subject, (verb, verb + 1)) if subject is not None and self.sources.speaker_like(subject) else None

    def direct_quote(self, si: int, s: int, e: int, verbs: list[VerbCue], frames: list[Frame],
                     consumed: set[int]) -> Claim | None:
        """The largest quote starting in sentence si, with its speaker before
        ("X sagte: „…“"), after ("„…“, sagte X", "„…“, so X") or before a
        colon ("X: „…“"); sentences the quote runs over are consumed."""
        second: Range | None = None
        quote: Range | None
        halves = self._split_quotation(s, e)
        if halves is not None:
            quote, second = halves  # the speaker's frame stands between the halves
        else:
            quote = self._largest_speech_quote(s, e)
        if quote is None:
            return None
        qs, qe = quote
        last_si = si
        while last_si + 1 < len(self.doc.sents) and self.doc.sents[last_si + 1][0] <= qe:
            last_si += 1
        end = self.doc.sents[last_si][1] if last_si > si else e
        while end > s and self.doc.words[end - 1].isspace():
            end -= 1
        if last_si > si:  # the frame after the quote (", sagte X.") may be in its last sentence
            after = [(vi, vf, p) for vi, vf, p in self.verbs.find_verb_cues(qe + 1, end)
                     if vi > qe and vf.cls != "evidence"]
        else:
            after = [(vi, vf, p) for vi, vf, p in verbs if vi > qe]
        speaker = self._speaker_after_quote(qe, s, end, after, frames)
        if speaker is None and second is not None:
            speaker = self._speaker_after_prefield_quote(qs, qe, s, end)
        if speaker is not None and second is not None:
            # "„…“, sagte Merkel, „…“": one quotation in two halves, one message
            source, cue = speaker
            last_si = self._sentence_of(second[1], last_si)
            consumed.update(range(si + 1, last_si + 1))
            parts = [(qs, qe + 1), (second[0], second[1] + 1)]
            return Claim(parts=parts, attribution=Attribution.DIRECT_QUOTE, source=source, cue=cue,
                         hedged=any(self.features.hedged(a, b) for a, b in parts),
                         score=BASE_SCORE[Attribution.DIRECT_QUOTE], kind="quote", sents=list(range(si, last_si + 1)))
        if speaker is None and second is not None:
            return None
        if speaker is None:
            speaker = self._speaker_before_quote(qs, qe, s, e, [v for v in verbs if v[0] < qs])
        if speaker is None:
            speaker = self._speaker_after_prefield_quote(qs, qe, s, end)
        if speaker is None:
            return None
        source, cue = speaker
        consumed.update(range(si + 1, last_si + 1))
        if last_si == si:
            embedded = self._embedding_clause(qs, qe, s, e)
            if embedded is not None:
                return Claim(parts=[embedded], attribution=Attribution.INDIRECT, source=source, cue=cue,
                             hedged=True, score=BASE_SCORE[Attribution.INDIRECT], kind="quote",
                             sents=[si])
        return Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=source, cue=cue,
                     hedged=self.features.hedged(qs, qe + 1), score=BASE_SCORE[Attribution.DIRECT_QUOTE],
                     kind="quote", sents=list(range(si, last_si + 1)))

    def earlier_complement(self, quote: Claim, s: int, e: int, verbs: list[VerbCue]) -> Claim | None:
        """ "Er sagte, Europa brauche die Engländer, und fügte hinzu: „…“":
        a verb before the quote's own cue keeps its complement clause when
        that clause ends before the quote begins."""
        if quote.cue is None:
            return None
        for vi, vf, part in verbs:
            if vi >= quote.cue[0]:
                break
            claim = self.verbs.verb_claim(s, e, vi, vf, part)
            if claim is not None and claim.kind.startswith("comp-") and claim.end <= quote.cue[0] \
                    and claim.end <= quote.start:
                if claim.source is None:
                    claim.source, claim.antecedent = quote.source, quote.antecedent
                return claim
        return None

    def _embedding_clause(self, qs: int, qe: int, s: int, e: int) -> Range | None:
        """The clause in Konjunktiv I a partial quotation stands in ("Der Iran
        müsse „vollständig … den Anreicherungsprozess“ beenden"): indirect
        speech with quoted words, whose message is the clause, not the quote."""
        words = self.doc.words
        k = qs - 1
        while k >= s and words[k] not in (",", ":", ";") and self.doc.quote_of[k] < 0:
            k -= 1
        start = k + 1
        if qs - start < 2 or self.features.reportive(start, qs) != 2:
            return None
        end = qe + 1
        while end < e and words[end] not in (",", ":", ";", ".", "!", "?") and self.doc.quote_of[end] < 0:
            end += 1
        return (start, end)

    def _split_quotation(self, s: int, e: int) -> tuple[Range, Range] | None:
        """ "„Wir schaffen das“, sagte Merkel, „auch wenn es schwer wird.“": a
        quotation opening in s..e, a comma, a short verbal frame without a
        full stop, a comma and the next quotation (the two halves)."""
        words, quote_of = self.doc.words, self.doc.quote_of
        regions = self.doc.quotes
        if len(regions) < 2 or regions[-2][0] < s:
            return None  # at most the last quotation opens here: no second half can follow
        # only the quotations opening in s..e (in text order, so found by bisection)
        for n in range(bisect_left(regions, (s, -1)), len(regions) - 1):
            qs, qe = regions[n]
            if qs >= e:
                break
            if qe - qs < 3 or self.tokens.quote_is_name(qs, qe, s):
                continue
            ns, ne = regions[n + 1]
            frame = range(qe + 2, ns - 1)
            if ne - ns < 3 or self.tokens.quote_is_name(ns, ne, s) or not 2 <= len(frame) <= 12:
                continue
            if words[qe + 1] != "," or words[ns - 1] != ",":
                continue
            if any(words[k] in (".", "!", "?", ":", ";") or "\n" in words[k] or quote_of[k] >= 0 for k in frame):
                continue
            if any(self.tokens.finite_verb(k) for k in frame) or self.doc.lower[qe + 2] == "so":
                return (qs, qe), (ns, ne)
        return None

    def _sentence_of(self, token: int, first: int) -> int:
        """The sentence (from ``first`` on) a token lies in."""
        last = first
        while last + 1 < len(self.doc.sents) and self.doc.sents[last + 1][0] <= token:
            last += 1
        return last

    def _largest_speech_quote(self, s: int, e: int) -> Range | None:
        """The longest quote starting in s..e that is speech, not a title."""
        regions = [q for q in self.doc.quotes if s <= q[0] < e and q[1] - q[0] >= 3
                   and not self.tokens.quote_is_name(q[0], q[1], s)]
        if not regions:
            return None
        return max(regions, key=lambda q: q[1] - q[0])

    def _speaker_after_quote(self, qe: int, s: int, end: int, after: list[VerbCue],
                             frames: list[Frame]) -> Speaker | None:
        """ "„…“, sagte X" (only punctuation or at most two tokens between),
        "Während X diese Berichte als „…“ bestreiten", "„…“, so X"."""
        words = self.doc.words
        if after and after[0][0] == qe + 1 and self._titled(qe, s):
            return None  # "Nach der Enzyklika „Deus caritas est“ meldete X, dass …": a title in the prefield
        # "bezeichnete X als „…“ und erklärte, …": a verb after "und" is the
        # subject's next predicate, not an inverted frame of the quote
        if after and (all(words[k] in (",", ".", "!", "?", "“", "”") or self.doc.quote_of[k] >= 0
                          for k in range(qe + 1, after[0][0])) or after[0][0] - qe <= 3) \
                and self.doc.lower[after[0][0] - 1] not in ("und", "sowie"):
            vi, vf, p = after[0]
            source = self.sources.subject_after(vi, end, s, p)
            if source is None:
                source = self.sources.subject_of(vi, vf, s, end, p)
            return source, (vi, vi + 1)
        so_frame = next((fr for fr in frames if fr.kind == "so" and fr.cue[0] > qe), None)
        if so_frame is not None:
            return so_frame.source, so_frame.cue
        return None

    def _titled(self, qe: int, s: int) -> bool:
        """Does a capitalised noun (no sentence start) stand right before the
        quotation that closes at qe ("der Enzyklika „…“", "dem Radiosender
        „…“")?  Then the quotation is that noun's title."""
        qs = self.doc.quotes[self.doc.quote_of[qe]][0]
        k = qs - 1
        lower, lex = self.doc.lower[k], self.doc.lex
        # not a noun of saying: "Mit den Worten „…“ kommentierte er" quotes the words
        return k > s and self.doc.words[k][:1].isupper() and self.doc.words[k].isalpha() \
            and not lex.fclass(lower) and lower not in lex.speech_nouns and not lex.is_nominal_cue(lower)

    def _speaker_after_prefield_quote(self, qs: int, qe: int, s: int, end: int) -> Speaker | None:
        """ "„…“, zeigte sich X zufrieden", "„…“, erinnerte sich X", "„…“, wird
        X zitiert": a quotation that fills the prefield is followed by the
        finite verb (verb-second), and the subject after that verb is who
        said it, whatever the verb; only when the quote opens the sentence."""
        words = self.doc.words
        k = qe + 1
        if qs != s or not (k + 1 < end and words[k] == "," and self.tokens.finite_verb(k + 1)):
            return None
        source = self.sources.subject_after(k + 1, end, s)
        if source is None:
            return None
        return source, (k + 1, k + 2)

    def _speaker_before_quote(self, qs: int, qe: int, s: int, e: int, before: list[VerbCue]) -> Speaker | None:
        """ "X sagte: „…“" / "sagte er „…“" — the quote follows the verb's
        clause (not "sagte, dass … „…“": the indirect claim takes that); or
        "X: „…“" without a verb."""
        words = self.doc.words
        if before:
            vi, vf, p = before[-1]
            if p > qe:
                return None  # "kündigte eine Woche „…“ an": the quote is a phrase inside the verb's clause
            if vf.lemma in NAMING_LEMMAS and self._name_in_phrase(qs, qe, vi, s):
                return None  # "Dann nennt sie sich „documenta 12“": a name, not her words
            between = [k for k in range(vi + 1, qs) if self.doc.quote_of[k] < 0]
            colon = any(words[k] == ":" for k in between)
            if not colon and len(between) > 6 and (qe - qs) < 8:
                return None
            if not colon and any(words[k] == "," for k in between):
                return None
            return self.sources.subject_of(vi, vf, s, e, p), (vi, vi + 1)
        colon_at = next((k for k in range(s, qs) if words[k] == ":"), -1)
        if not (colon_at > s and qs - colon_at <= 2):
            return None
        source = self.phrases.np_after(s, colon_at, s)
        if source is None or source[1] != colon_at:
            # "Im Kongress warb Obama … mit den Worten: „…“": the subject after
            # the second-place verb of the clause before the colon
            return self._inverted_speaker(s, colon_at)
        return source, None

    def unframed_quote(self, si: int, s: int, e: int, consumed: set[int], carrier: Claim | None) -> Claim | None:
        """A long quote no verb or frame ties to a speaker ("X griff ihn an:
        „…“", "„…“" after X's statement): the speaker of the claim just
        before goes on, else a speaker-like subject in front of the sentence."""
        quote = self._largest_speech_quote(s, e)
        if quote is None:
            return None
        qs, qe = quote
        if qe - qs < UNFRAMED_QUOTE_MIN_TOKENS or 2 * (min(e, qe + 1) - qs) < e - s:
            return None  # a short or embedded quote ("kündigte eine Woche „sehr aktiver Arbeit“ an")
        source: Range | None = None
        if qs > s and self.doc.quote_of[s] < 0:
            subject = self.phrases.np_after(s, qs, s)
            if subject is not None and self.sources.speaker_like(subject) and not (
                    carrier is not None and self._reported_subject(subject[1], qs)):
                # "Jeder Pädagoge könne „…“": a subject before Konjunktiv I is
                # part of the reported speech; the carried speaker goes on
                source = subject
        cue: Range | None = None
        if source is None and carrier is not None:
            source, cue = carrier.source, carrier.cue
        if source is None:
            return None
        last_si = si
        while last_si + 1 < len(self.doc.sents) and self.doc.sents[last_si + 1][0] <= qe:
            last_si += 1
        consumed.update(range(si + 1, last_si + 1))
        return Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=source, cue=cue,
                     antecedent=carrier.antecedent if carrier is not None and source == carrier.source else None,
                     hedged=self.features.hedged(qs, qe + 1), score=0.6, kind="quote-more",
                     sents=list(range(si, last_si + 1)))

    def _reported_subject(self, b: int, qs: int) -> bool:
        """Is the first finite verb after the subject (before the quote) in
        Konjunktiv I ("Ziel der Delegation bei den Verhandlungen sei es
        gewesen, „…“")?"""
        verb = next((k for k in range(b, qs) if self.tokens.finite_verb(k)), -1)
        return verb >= 0 and self.doc.lower[verb] in self.doc.lex.konj1

    def named_quote(self, s: int, e: int, verbs: list[VerbCue]) -> Claim | None:
        """A short quotation a verb of naming gives as its object's label:
        "bezeichnete den Plan als „übertrieben“", "nannte die Bewerbung „sehr
        respektabel“" — a direct quote of the verb's subject."""
        words, lower = self.doc.words, self.doc.lower
        for vi, vf, part in verbs:
            if vf.lemma not in NAMING_LEMMAS:
                continue
            for qs, qe in self.doc.quotes:
                if not (vi < qs < e and qe - qs >= 2) or qe - qs > 8 or words[qs - 1] == "(":
                    continue
                if vf.lemma != "nennen" and "als" not in lower[vi + 1:qs]:
                    continue
                if self._name_in_phrase(qs, qe, vi, s):
                    continue
                source = self.sources.subject_of(vi, vf, s, e, part)
                if source is None or not self.sources.speaker_like(source):
                    return None
                return Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=source,
                             cue=(vi, vi + 1), hedged=False, score=0.7, kind="quote")
        return None

    def _name_in_phrase(self, qs: int, qe: int, vi: int, s: int) -> bool:
        """Is the quotation at qs the name of a noun inside a prepositional
        phrase ("in einem Interview mit dem Radiosender „Deutschlandfunk“")
        or of the subject after a reflexive ("nennt sich „documenta 12“")?
        The label a verb of naming gives its object stands after the bare
        accusative ("nannte den Plan „Unsinn“"), never inside a PP."""
        lower, fclass = self.doc.lower, self.doc.lex.fclass
        if lower[qs - 1] == "sich":
            return True
        k = qs - 1
        if not (k > vi and self.doc.words[k][:1].isupper() and self.tokens.is_nounlike(k, vi + 1)):
            return False
        k -= 1
        while k > vi and (self.tokens.is_adjlike(k) or "det" in fclass(lower[k])):
            k -= 1
        # and a name's form (capitalised words): "die Bewerbung von Kanada „sehr
        # respektabel“" labels the object, whose PP only ends in a name
        return k > vi and "prep" in fclass(lower[k]) and self.tokens.quote_is_name(qs, qe, s)
