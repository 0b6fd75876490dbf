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
* ``word_classes.py``, ``clauses.py``, ``clause_moods.py``, ``noun_phrases.py``
  — token classes, clause boundaries, mood and main-clause boundaries in
  reported speech, noun-phrase chunking;
* ``cue_verbs.py`` (reporting verbs, complements, inverted and reported
  claims), ``cue_frames.py`` (adverbial frames), ``cue_quotes.py`` (direct
  quotes), ``cue_documents.py`` (a document in *aus X hervorgehen*);
* ``source_phrases.py`` (subjects, speaker test), ``coreference.py``
  (pronoun and role antecedents);
* ``sentence_features.py`` (hedging, reportive mood, check-worthiness).

All names that used to be defined here are still importable from here.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.coreference import Coreference
from annotator.core.highlight.cue_complements import ComplementCues
from annotator.core.highlight.cue_documents import DocumentCues
from annotator.core.highlight.cue_frames import Frame, FrameCues
from annotator.core.highlight.cue_outlet import OutletVoice
from annotator.core.highlight.cue_quotes import QuoteCues, VerbCue
from annotator.core.highlight.cue_verbs import VerbCues
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.lexicons import Lexicons, VerbForm  # noqa: F401  (VerbForm: re-export)
from annotator.core.highlight.noun_phrases import NounPhrases, low_k_rel  # noqa: F401  (re-export)
from annotator.core.highlight.rules_words import (  # noqa: F401  (re-exports)
    ALL_QUOTES,
    BASE_SCORE,
    COMPLEMENTIZERS,
    GENITIVE_DETS,
    NAME_PARTICLES,
    NON_COMPLEMENT_STARTS,
    PARTITIVES,
    POSSESSIVES,
    PUNCT,
    QUOTE_PAIRS,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    WH,
)
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution


@dataclass
class Flow:
    """What the document loop carries from one sentence to the next."""

    consumed: set[int] = field(default_factory=set)  # sentences a quote or message already covers
    prev_attr: Claim | None = None  # the last attributed claim
    prev_sent: int = -2  # the sentence it ended in
    colon_pending: Claim | None = None  # an attributed claim whose sentence ended in ":"
    statement: Claim | None = None  # speaker and cue of "X zeigt sich entschlossen:" (no claim itself)
    statement_paragraph: int = -1
    unclaimed: tuple[int, int, int] | None = None  # (sentence, start, end) of the last sentence without a claim


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
        self.documents = DocumentCues(doc, tokens, clauses, phrases, features)

    # ------------------------------------------------------------ main entry
    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        flow = Flow()
        paragraphs = self._paragraphs()
        for si, (s, e) in enumerate(self.doc.sents):
            if si in flow.consumed:
                continue  # inside a multi-sentence quote or message
            while e > s and self.doc.words[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            if flow.statement is not None and flow.statement_paragraph != paragraphs[si]:
                flow.statement = None  # a colon statement ends with its paragraph
            # a colon statement speaks for the whole paragraph after it (its
            # speaker is the outermost one); otherwise the sentence's own cues
            got = self._statement_claim(si, s, e, flow) or self._sentence_claims(si, s, e, flow)
            got = [piece for c in got for piece in self._split_coordinated_dass(c)]
            got = [c for c in got if c.kind != "anaphoric" or self._anaphoric_message(c, si, s, e, flow)]
            if got:
                for c in got:
                    c.sents = c.sents or [si]
                self._drop_speakerless_before(claims, got, si)
                self._carry_to_agentless(got, si, s, e, flow)
                claims.extend(got if not self._announces_statement(got[-1], s, e) else got[:-1])
                flow.prev_attr = got[-1] if got[-1].attribution != Attribution.UNATTRIBUTED else None
                flow.prev_sent = max(got[-1].sents)
                flow.colon_pending = flow.prev_attr if (flow.prev_attr and self.doc.words[e - 1] == ":") else None
                continue
            handled, continued = self._continuation(si, s, e, flow)
            if continued is not None:
                claims.append(continued)
            if handled:
                continue
            flow.colon_pending = None
            flow.unclaimed = (si, s, e)  # its subject is looked for only if the next sentence needs a speaker
            if self.doc.words[e - 1] == ":":
                # "Selenskyj zeigt sich entschlossen:" — the statement follows
                flow.statement = self.complements.colon_speaker(s, e - 1)
                flow.statement_paragraph = paragraphs[min(si + 1, len(paragraphs) - 1)]  # the statement's paragraph
                if flow.statement is not None:
                    self.verbs.reporting_events.append((s, e))  # the announcement is no claim of its own
        self.coref.resolve(claims, self._event_speakers())
        # a speaker never says only their own name: a quoted title taken for speech
        claims = [c for c in claims if c.source is None or not (
            c.source[0] <= c.start and c.end <= c.source[1] + 1)]
        claims = [piece for c in claims for piece in self._split_speech(c)]
        # what no attributed claim covers is asserted in the outlet's voice
        claims.extend(self.outlet.claims(claims, self.verbs.reporting_events))
        return claims

    def _event_speakers(self) -> list[tuple[int, Range]]:
        """(sentence, named subject) of the sentences that only report that
        someone spoke ("Ebenso äußerte sich Hamasführer Ismail Haniyya."):
        no claim, but the speaker a following "er" stands for."""
        starts = [s for s, _ in self.doc.sents]
        out = []
        for s, e in sorted(set(self.verbs.reporting_events)):
            own = self.sources.own_speaker(s, e, self.verbs.find_verb_cues(s, e))
            if own is not None and any(self.doc.words[k][:1].isupper() for k in range(*own[0])):
                out.append((bisect_right(starts, s) - 1, own[0]))
        return out

    def _announces_statement(self, claim: Claim, s: int, e: int) -> bool:
        """ "Der Senatssprecher kritisierte den harten Gewerkschaftskurs:" — a
        speech act without a complement clause whose sentence ends in a colon
        announces the statement after the colon, which takes its speaker and
        cue (``Flow.colon_pending``); the sentence itself is the reporting
        event, no claim (issue 13)."""
        # ("Auf der Homepage heißt es zur Begründung, warum …:" announces too:
        # what the frame governs before the colon is what it is about)
        if claim.kind not in ("reported", "frame-heisst") or self.doc.words[e - 1] != ":":
            return False
        self.verbs.reporting_events.append((s, e))
        return True

    def _sentence_claims(self, si: int, s: int, e: int, flow: Flow) -> list[Claim]:
        """The claims a sentence makes with its own cues (or a quote after a colon)."""
        got: list[Claim] = []
        q = self.doc.quote_of[s]
        if q >= 0 and self.doc.quotes[q][0] == s and self.doc.quotes[q][1] - s >= 3 and si > 0:
            got = self.quotes.quote_after_colon(si, s, e, flow.consumed,
                                                flow.prev_attr if flow.prev_sent == si - 1 else None)
        if not got:
            got = self.sentence(si, s, e, flow.consumed)
        if not got:
            recent = flow.colon_pending or flow.statement or (flow.prev_attr if flow.prev_sent == si - 1 else None)
            quote = self.quotes.unframed_quote(si, s, e, flow.consumed, recent)
            got = [quote] if quote is not None else []
        return got

    def _anaphoric_message(self, claim: Claim, si: int, s: int, e: int, flow: Flow) -> bool:
        """ "… . Dies bestätigte X.": the message is the sentence before, when
        no claim of its own took it; the "Dies" sentence is the reporting
        event.  False drops the claim."""
        self.verbs.reporting_events.append((s, e))  # either way not a claim of the outlet
        if si == 0 or si - 1 in flow.consumed or flow.prev_sent == si - 1:
            return False
        ps, pe = self.doc.sents[si - 1]
        pe = self.clauses.strip_end(ps, pe)
        if pe - ps < 3 or self.outlet.not_a_statement(ps, pe):
            return False
        claim.parts = [(ps, pe)]
        claim.sents = [si - 1, si]
        claim.hedged = self.features.hedged(ps, pe)
        return True

    @staticmethod
    def _drop_speakerless_before(claims: list[Claim], got: list[Claim], si: int) -> None:
        """ "Die Lage sei ernst. Das sagte der Minister.": the Konjunktiv
        sentence had no speaker in reach, the "Das" sentence names it; one
        claim of the minister's, not a second one without a speaker."""
        if claims and any(c.kind == "anaphoric" and c.sents == [si - 1, si] for c in got):
            last = claims[-1]
            if last.kind == "free" and last.source is None and last.sents == [si - 1]:
                claims.pop()

    def _statement_claim(self, si: int, s: int, e: int, flow: Flow) -> list[Claim]:
        """A sentence of a colon statement: the statement's speaker and cue."""
        if flow.statement is None or self.outlet.not_a_statement(s, e):
            return []
        if self.doc.quote_of[s] < 0 and not self.features.reportive_verb(s, e)[0] \
                and not self.complements.announces_speech(flow.statement):
            return []
        return [Claim(parts=[(s, self.clauses.strip_end(s, e))], attribution=Attribution.REPORTED,
                      source=flow.statement.source, antecedent=flow.statement.antecedent, cue=flow.statement.cue,
                      hedged=self.features.hedged(s, e), score=0.5, kind="statement", sents=[si])]

    def _continuation(self, si: int, s: int, e: int, flow: Flow) -> tuple[bool, Claim | None]:
        """Free indirect speech after an attributed sentence (Konjunktiv I, or
        II right after it, reportive "soll"), or the next sentence of a colon
        statement; consecutive free indirect sentences merge into one claim.
        (handled, new claim): a merge handles the sentence without a new claim."""
        carrier = flow.colon_pending or flow.prev_attr
        level, mood_verb = self.features.reportive_verb(s, e)
        if level == 0:
            level, mood_verb = self._reported_past(s, e)
        if level == 1 and self.doc.lower[mood_verb] in self.features.HYPOTHETICAL_KONJ2:
            level = 0  # "Im Falle eines Stopps müsste EADS … zurückzahlen": a condition, no speech
        if level == 1 and self.doc.lower[s] in self.features.KONJ2 and "," in self.doc.words[s + 1:e]:
            # "Hätte er nur Bier getrunken, so müsste er …": a sentence that opens
            # with its Konjunktiv II verb is a condition (verb-first), no speech
            level = 0
        if flow.colon_pending:
            level = 2
        # a plan ("soll … leisten") after a sentence without speech act is the
        # outlet's; only a Konjunktiv I reports its subject's words
        plan = level == 1 and self.doc.lower[mood_verb] in ("soll", "sollen")
        speaker = self._unclaimed_subject(si, flow, level) if level and not plan else None
        if speaker is not None:
            # the nearest earlier speaker is the subject of the sentence just
            # before, though no known cue made it a claim ("Der Iran streitet
            # dies ab. Sein Programm diene …")
            c = Claim(parts=[self.features.free_message(s, e)], attribution=Attribution.INDIRECT, source=speaker[1],
                      cue=(mood_verb, mood_verb + 1) if mood_verb >= 0 else None,
                      hedged=self.features.hedged(s, e), score=0.5, kind="free", sents=[si])
            flow.prev_attr, flow.prev_sent, flow.colon_pending = c, si, None
            return True, c
        if carrier is None or not level or not (flow.prev_sent == si - 1 or (level == 2 and flow.prev_sent >= si - 3)):
            return self._speaker_unknown(si, s, e, flow)
        own = self.sources.own_speaker(s, e, self.verbs.find_verb_cues(s, e))
        if own is not None and flow.colon_pending and self.doc.words[e - 1] == ":":
            # "… kritisierte das Gesetz scharf: So sagte Olli Rehn: „…“": a
            # sentence that names its own speaker and ends in a colon announces
            # the next statement itself (no claim; its quotation takes that speaker)
            return False, None
        if own is not None:
            # "…, gab der Außenminister bekannt": the sentence names its own speaker and verb
            carrier = Claim(parts=carrier.parts, attribution=carrier.attribution, source=own[0])
            mood_verb = own[1]
        elif carrier.kind in ("free", "colon") and carrier.parts[-1][1] <= s and flow.prev_sent == si - 1:
            # merge into the previous free-indirect claim
            carrier.parts[-1] = (carrier.parts[-1][0], e)
            carrier.sents.append(si)
            carrier.hedged = carrier.hedged or self.features.hedged(s, e)
            flow.prev_sent = si
            return True, None
        carrier = self._speaker_of_frame_noun(carrier) or carrier
        c = Claim(parts=[self.features.free_message(s, e)], attribution=Attribution.INDIRECT,
                  source=self.coref.latest_mention(carrier.source, s) or carrier.source,
                  antecedent=carrier.antecedent,
                  cue=(mood_verb, mood_verb + 1) if mood_verb >= 0 else None,  # "sei", "sollen": the mood is the cue
                  hedged=self.features.hedged(s, e), score=0.6,
                  kind="colon" if flow.colon_pending else "free", sents=[si])
        flow.prev_attr, flow.prev_sent, flow.colon_pending = c, si, None
        return True, c

    def _speaker_of_frame_noun(self, carrier: Claim) -> Claim | None:
        """The main clause's speaker when the claim carried on was a noun's
        *wonach* clause ("Spekulationen, wonach …, konnte der Minister nicht
        bestätigen. Der Vorgang werde …"): the noun is what the main clause's
        reporting verb speaks of, its subject is who goes on speaking."""
        if carrier.kind != "wonach" or not carrier.sents:
            return None
        s, e = self.doc.sents[carrier.sents[-1]]
        noun, end = carrier.source, carrier.parts[-1][1]
        if noun is None or noun[0] != s or end + 2 >= e or self.doc.words[end] != "," \
                or not self.tokens.finite_verb(end + 1):
            return None
        # noun and clause fill the prefield: the subject follows the finite verb
        subject = self.phrases.np_after(end + 2, e, s, allow_pron=False)
        if subject is None or subject[0] != end + 2 or not self.sources.speaker_like(subject) \
                or not self.verbs.find_verb_cues(subject[1], e):
            return None  # "Berichte, wonach …, sind falsch": no one speaks in the main clause
        return Claim(parts=carrier.parts, attribution=carrier.attribution, source=subject)

    REPORTIVE_PAST = frozenset(("sollte", "sollten"))

    def _reported_past(self, s: int, e: int) -> tuple[int, int]:
        """(2, verb) for "Soleimani sollte an dem Angriff beteiligt gewesen
        sein": "sollen" with a perfect infinitive reports hearsay in its past
        form too, as "soll … gewesen sein" does; (0, -1) otherwise."""
        for k in self.doc.tokens_in(self.doc.token_hits("sollte", self.REPORTIVE_PAST.__contains__), s, e):
            if self.doc.quote_of[k] < 0 \
                    and not self.features.in_subordinate_clause(k, s) \
                    and self.features.perfect_infinitive_after(k, e):
                return 2, k
        return 0, -1

    def _speaker_unknown(self, si: int, s: int, e: int, flow: Flow) -> tuple[bool, Claim | None]:
        """A main clause in Konjunktiv I with no speaker in reach ("Problematisch
        sei bei den Befragungen gewesen, …" four sentences after the
        speaker): reported speech whose speaker the rules do not guess."""
        verb = self.features.konjunktiv_statement(s, e)
        if verb < 0:
            return False, None
        c = Claim(parts=[(s, e)], attribution=Attribution.INDIRECT, cue=(verb, verb + 1),
                  hedged=self.features.hedged(s, e), score=0.4, kind="free", sents=[si])
        # no speaker to carry on: the flow keeps the last one it knows
        return True, c

    def _carry_to_agentless(self, got: list[Claim], si: int, s: int, e: int, flow: Flow) -> None:
        """ "Nach einem Bericht der BBC seien … ausgewertet worden. Es werde
        geschätzt, dass …": a claim without a speaker (an agentless passive, an
        impersonal "heißt es") in a Konjunktiv-I sentence right after an
        attributed one goes on reporting that speaker."""
        carrier = flow.prev_attr
        if carrier is None or carrier.source is None or flow.prev_sent != si - 1:
            return
        if self.features.reportive_verb(s, e)[0] != 2:
            return
        for c in got:
            if c.source is None and c.attribution != Attribution.UNATTRIBUTED and c.family in ("verb", "frame"):
                c.source, c.antecedent = carrier.source, carrier.antecedent

    def _unclaimed_subject(self, si: int, flow: Flow, level: int) -> tuple[int, Range] | None:
        """(sentence, subject) of the sentence just before when no claim took it
        and its subject is a speaker-like role, organisation or document."""
        if flow.unclaimed is None or flow.unclaimed[0] != si - 1 or si - 1 <= flow.prev_sent:
            return None
        _, us, ue = flow.unclaimed
        subject = self.complements.sentence_subject(us, ue)
        if subject is None:
            subject = self._inverted_subject(us, ue)
        if subject is not None and self.sources.passive_patient(subject, ue):
            subject = None  # "X wurde … erklärt": a passive's subject is no speaker
        carried = (flow.colon_pending or flow.prev_attr) is not None and level == 2 and flow.prev_sent >= si - 3
        if subject is None and carried:
            # "Der Iran streitet dies ab. Sein Programm diene …": a reporting verb
            # without a message of its own still names who speaks next, rather
            # than a speaker further back (only where speech is carried on anyway)
            own = self.sources.own_speaker(us, ue, self.verbs.find_verb_cues(us, ue))
            subject = own[0] if own is not None else None
        return (si - 1, subject) if subject is not None else None

    def _inverted_subject(self, s: int, e: int) -> Range | None:
        """The speaker-like subject right after the finite verb when a PP fills
        the prefield ("Im Parlament stimmte die Opposition gegen das Gesetz.
        Es verstoße …"): in a verb-second clause the subject then follows the
        verb, and it is who speaks on in the Konjunktiv sentence after it."""
        if "prep" not in self.tokens.fclass(s):
            return None
        pp = self.phrases.np_after(s + 1, e, s, allow_pron=False)
        if pp is None or pp[1] >= e or not self.tokens.finite_verb(pp[1]):
            return None
        phrase = self.phrases.np_after(pp[1] + 1, e, s, allow_pron=False)
        if phrase is None or phrase[0] != pp[1] + 1:
            return None
        if any(self.doc.lex.source_noun_kind(self.doc.lower[k]) is not None for k in range(*phrase)):
            return phrase
        return None

    def _split_coordinated_dass(self, claim: Claim) -> list[Claim]:
        """Coordinated dass-clauses are two claims of the same speaker
        ("…, dass A … und dass B …")."""
        if len(claim.parts) != 1 or self.doc.lower[claim.start] not in ("dass", "daß", "ob"):
            return [claim]
        lower, words = self.doc.lower, self.doc.words
        start, end = claim.parts[0]
        pieces: list[Claim] = []
        for k in range(start + 2, end - 2):
            if lower[k] in ("und", "sowie", "oder") and lower[k + 1] in ("dass", "daß", "ob") \
                    and self.doc.quote_of[k] < 0:
                first_end = k - 1 if words[k - 1] == "," else k
                pieces.append(replace(claim, parts=[(start, first_end)], sents=list(claim.sents), group=claim.start))
                start = k + 1
        if not pieces:
            return [claim]
        # one speaker and cue: pieces of one attribution, like a quotation's
        pieces.append(replace(claim, parts=[(start, end)], sents=list(claim.sents), group=claim.start))
        return pieces

    SPLIT_KINDS = frozenset("quote quote-colon quote-more free colon".split())

    def _split_speech(self, claim: Claim) -> list[Claim]:
        """A quotation or continued speech over several sentences or main
        clauses is one claim per sentence and clause unit (issue 13: split at
        coordinated main clauses with their own subjects); the pieces keep the
        speaker, share a ``group`` and take their own Konjunktiv as cue."""
        if claim.kind not in self.SPLIT_KINDS or len(claim.parts) != 1:
            return [claim]
        start, end = claim.parts[0]
        units: list[Range] = []
        for s, e in self.doc.sents:
            a, b = max(s, start), min(e, end)
            if b - a >= 1:
                # inside a quotation a "da"/"was" clause is still the speaker's
                units.extend(self.outlet.clause_units(a, b, subordinate=not claim.kind.startswith("quote")))
        units = [u for u in (self._trim_piece(a, b) for a, b in units) if u is not None]
        if len(units) < 2:
            return [claim]
        # the whole keeps its outer bounds (closing mark and final stop)
        units[0] = (start, units[0][1])
        units[-1] = (units[-1][0], end)
        pieces = []
        for a, b in units:
            cue = claim.cue
            if claim.kind in ("free", "colon"):
                # each piece's own verb carries the mood: "Worte reichten nicht aus, es brauche …"
                level, verb = self.features.reportive_verb(a, b)
                if verb < 0:
                    verb = next((m for m in range(a, b) if self.tokens.finite_verb(m)), -1)
                cue = (verb, verb + 1) if verb >= 0 else claim.cue
            pieces.append(replace(claim, parts=[(a, b)], cue=cue, hedged=self.features.hedged(a, b),
                                  group=claim.start, sents=list(claim.sents)))
        return pieces

    def _trim_piece(self, a: int, b: int) -> Range | None:
        """A piece without the punctuation between pieces; quotation marks
        that open or close the quote stay with it."""
        words = self.doc.words
        while a < b and words[a] in (",", ";", ":", "–", "—", "-") or (a < b and words[a].isspace()):
            a += 1
        while b > a and (words[b - 1] in (",", ";", ":", "–", "—", "-", ".") or words[b - 1].isspace()):
            b -= 1
        return (a, b) if b - a >= 2 else None

    def _paragraphs(self) -> list[int]:
        """The paragraph number of every sentence (a line break ends one)."""
        out, number = [], 0
        for s, e in self.doc.sents:
            out.append(number)
            if any("\n" in self.doc.words[k] for k in range(max(s, e - 3), e)):
                number += 1
        return out

    # ------------------------------------------------------------ sentence
    def sentence(self, si: int, s: int, e: int, consumed: set[int]) -> list[Claim]:
        """The claims a sentence makes with its own cues, the families tried in
        order: "wie"-frames, evidence, quotes, verbs, frames, reported speech
        acts, cues found from their complement."""
        lower = self.doc.lower
        frames = self.frames.find_frames(s, e)
        all_verbs = self.verbs.find_verb_cues(s, e)
        # evidence verbs ("Satellitenbilder zeigen, dass …") only with a dass-clause
        verbs = [v for v in all_verbs if v[1].cls != "evidence"]

        # 0. "wie X mitteilte, …" frames
        for vi, vf, part in verbs:
            cs = self.clauses.clause_start(vi, s, at_quotes=False)
            if any(lower[k] == "wie" for k in range(cs, vi)):
                c = self.verbs.verb_claim(s, e, vi, vf, part)
                if c is not None and c.kind == "wie":
                    return [c]
        # 1. evidence pointing to content ("Anzeichen dafür, dass …") before the verb that found it
        evidential = self.complements.evidential_claim(s, e)
        if evidential is not None:
            return [evidential]
        # 1. direct quotes with a speaker
        qclaim = self.quotes.direct_quote(si, s, e, verbs, frames, consumed) or self.quotes.named_quote(s, e, verbs)
        if qclaim is not None:
            earlier = self.quotes.earlier_complement(qclaim, s, e, verbs)
            return ([earlier] if earlier else []) + [qclaim] + self._coordinated_claims(qclaim, s, e, verbs)
        # 2. reporting verb with a complement or inverted frame
        found = self._verb_claims(s, e, all_verbs, frames)
        if found:
            found = self._front_claims(s, e, found, verbs) + found + self._rest_claims(si, s, e, found, all_verbs,
                                                                                        consumed)
        # 3. adverbial frames: message = the clause they govern minus the frame
        if not found and frames:
            found = self._frame_claims(s, e, frames)
            self.sources.possessor_speaker(found, s, e, all_verbs)
        if found:
            return found
        # 4. reported speech act without complement: whole sentence
        # (a verb of thinking too: "Beobachter gehen von einer Radikalisierung
        # aus", "Kritiker fürchten Interessenkonflikte" — a reported attitude)
        for vi, vf, part in verbs:
            c = self.verbs.reported_claim(s, e, vi, vf, part)
            if c is not None:
                return [c] + self._rest_claims(si, s, e, [c], verbs, consumed)
        # 5. cues found from their complement: a speech noun, any predicate
        # of a speaker before a Konjunktiv-I or dass clause
        # (and a document in "aus X hervorgehen")
        complement = self.complements.noun_claim(s, e) or self.complements.aim_claim(s, e) \
            or self.complements.phrase_claim(s, e) \
            or self.complements.passive_evaluation(s, e) or self.complements.attitude_claim(s, e) \
            or self.documents.claim(s, e)
        return [complement] if complement is not None else []

    def _verb_claims(self, s: int, e: int, all_verbs: list[VerbCue], frames: list[Frame]) -> list[Claim]:
        """The first reporting verb with a complement or inverted frame (when
        two cues share a clause, "hat sich geäußert und aufgefordert, …", the
        later one takes the complement), a second speech act of its speaker,
        and an adverbial frame outside its message ("Heute bestätigte X laut
        Reuters, dass …")."""
        for n_v, (vi, vf, part) in enumerate(all_verbs):
            if n_v + 1 < len(all_verbs) and all_verbs[n_v + 1][0] < self.clauses.clause_end(vi + 1, e):
                continue
            c = self.verbs.verb_claim(s, e, vi, vf, part)
            if c is None:
                continue
            claims = [c] + self._coordinated_claims(c, s, e, all_verbs)
            if c.source is None:
                # "Ägypten wird aufgefordert, …, so Hisbollah-Chef Nasrallah": an
                # agentless verb's claim is the one the sentence's frame reports
                c.source = next((fr.source for fr in frames if fr.source is not None and (
                    fr.kind == "so" or fr.kind in ("pre", "post", "nach") and not c.start <= fr.cue[0] < c.end)), None)
            for fr in frames:
                if fr.kind in ("pre", "post", "nach") and fr.span is not None and not (c.start <= fr.cue[0] < c.end):
                    fc = self.frames.frame_claim(s, e, fr)
                    if fc is not None:
                        # first: the verb's speaker, who really speaks, is the one
                        # the next sentences continue ("Laut CNN hat Panetta verkündet, …")
                        claims.insert(0, fc)
                    break
            return claims
        return []

    def _front_claims(self, s: int, e: int, found: list[Claim], verbs: list[VerbCue]) -> list[Claim]:
        """ "X stufte das Gesetz als verfassungswidrig ein, und UNICEF rief
        Russland auf, …": a main clause with its own subject before the one
        whose verb took the complement is a speech act of its own."""
        if not found or found[0].cue is None or found[0].kind not in ("comp-v2", "comp-dass", "comp-inf"):
            return []
        cue = found[0].cue[0]
        b = self.verbs.moods.next_main_clause(s + 1, e, own_subject=True)
        if b < 0 or b > cue or self.doc.words[b] != ",":
            return []
        for vi, vf, part in verbs:
            if vi < b:
                c = self.verbs.reported_claim(s, b, vi, vf, part)
                if c is not None and c.kind == "reported":
                    return [c]
        return []

    def _rest_claims(self, si: int, s: int, e: int, found: list[Claim], verbs: list[VerbCue],
                     consumed: set[int]) -> list[Claim]:
        """ "X kritisierte, die Kommission habe …, und die Fraktion der Grünen
        forderte ein Verbot": where a complement ends before the sentence
        does and a clause with a reporting verb of its own follows, that
        clause is read as a sentence of its own."""
        if not found or found[-1].kind not in ("comp-v2", "comp-dass", "comp-inf", "reported"):
            return []
        end = max(c.end for c in found)
        cues = [c.cue[0] for c in found if c.cue is not None]
        rest = end
        while rest < e and self.doc.lower[rest] in (",", "und", "doch", "aber", "sowie"):
            rest += 1
        if rest == end or e - rest < 4 or not any(vi >= rest and vi not in cues for vi, _, _ in verbs):
            return []
        return [c for c in self.sentence(si, rest, e, consumed) if c.attribution != Attribution.UNATTRIBUTED]

    def _coordinated_claims(self, first: Claim, s: int, e: int, verbs: list[VerbCue]) -> list[Claim]:
        """ "„…“, sagte er und bemerkte, dass …", "X hatte gewarnt, dass …, und
        forderte Druck": a second verb of the same speaker after "und" is a
        claim of its own — its complement, else what follows it."""
        if first.cue is None:
            return []
        out: list[Claim] = []
        for vi, vf, part in verbs:
            if vi <= first.cue[0] or vi < first.end or self.doc.lower[vi - 1] not in ("und", "sowie"):
                continue
            claim = self.verbs.verb_claim(s, e, vi, vf, part)
            if claim is None or not claim.kind.startswith("comp-") or claim.start < vi:
                end = self.clauses.strip_end(vi + 1, e)
                if end - vi < 3 or vf.cls == "evidence":
                    continue
                claim = Claim(parts=[(vi + 1, end)], attribution=Attribution.REPORTED, cue=(vi, vi + 1),
                              hedged=self.features.hedged(vi + 1, end), score=0.5, kind="reported")
            claim.source, claim.antecedent = first.source, first.antecedent
            out.append(claim)
            break
        return out

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
