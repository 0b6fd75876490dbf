"""Reporting-verb cues and their messages (a rule class over one ``DocState``).

Finds reporting verbs by form (with separable particles, skipping
infinitives under modals and forms that are rarely cues) and builds their
claims: a real complement clause after the verb (dass/ob/wh-word, colon,
verb-second or zu-infinitive clause), a subordinate "wie X mitteilte"
frame, an inverted "…, sagte X", or a reported speech act without a
complement.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.clause_moods import ClauseMoods
from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.lexicons import VerbForm
from annotator.core.highlight.noun_phrases import NounPhrases, low_k_rel
from annotator.core.highlight.participle_tense import ParticipleTense
from annotator.core.highlight.rule_family import RuleFamily
from annotator.core.highlight.rules_words import (
    COMPLEMENTIZERS,
    FUTURE_AUX,
    MODALS,
    NON_COMPLEMENT_STARTS,
    PASSIVE_AUX,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    WH,
)
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.verb_frames import VerbFrames
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution

# words that say nothing about what was said: reflexive, pronoun objects, manner
CONTENTLESS = frozenset("sich dies dieses das es ihn sie ihm ihr ihnen nicht auch ebenso ebenfalls heute gestern "
                        "dazu daraufhin anschließend später zuvor bereits jetzt nun noch so".split())


# a demonstrative object in front that points back to the sentence before
ANAPHORIC_OBJECTS = frozenset(("dies", "das", "dieses"))

# verbs of telling whose noun object names the topic, not what was said:
# "erläuterte die Klimapolitik" is no claim ("sprach von einem Erfolg" is)
# verbs whose "zu X" names only the topic ("äußerte sich zu den Vorwürfen": a reporting event)
TOPIC_PP_VERBS = frozenset(("äußern",))
TOPIC_PREPOSITIONS = frozenset(("zu", "zum", "zur"))
TOPIC_ONLY = frozenset("erläutern erklären schildern beschreiben kommentieren darlegen ausführen erzählen "
                       "informieren unterrichten".split())


# prepositions of an adverbial of time, place or addressee, which no speech
# verb takes as its object (unlike "auf", "von", "über", "vor", "zu", "mit")
SETTING_PREPOSITIONS = frozenset("am im in bei beim gegenüber während".split())

# verbs that report a view only with one of these words in their clause
ATTITUDE_COMPLEMENTS = {"sehen": frozenset(("als", "in", "im", "darin"))}

# the prepositions that only the reporting sense of a verb with other common
# senses governs (its valency, as a dictionary gives it): "sprechen von/über"
# (not "mit"), "sehen als/in", "drohen mit", "klagen über" (not "klagen gegen"
# 'sue'), "protestieren gegen", "verweisen auf" (not "des Landes verweisen");
# such a complement names the sense the lexicon cannot.  (An estimate,
# "schätzen auf", is a frame of two complements: ``verb_frames``; its
# agentless passive stays the outlet's, see ``ParticipleTense``.)
SENSE_COMPLEMENTS = {
    "sprechen": frozenset(("von", "vom", "über")),
    "sehen": ATTITUDE_COMPLEMENTS["sehen"],
    "drohen": frozenset(("mit",)),
    "klagen": frozenset(("über",)),
    "protestieren": frozenset(("gegen",)),
    "verweisen": frozenset(("auf",)),
    # "als" makes a characterisation: "beschrieb den Schritt als Indiz für …"
    "beschreiben": frozenset(("als",)),
    "betrachten": frozenset(("als",)),
    "einstufen": frozenset(("als",)),
    # "jemandem zu etwas raten" is advising (Duden raten 1), not guessing
    # ("ein Rätsel raten", with an accusative)
    "raten": frozenset(("zu", "zum", "zur")),
    # "X als Grund nennen" states a reason (Duden nennen 2, angeben), not a name
    "nennen": frozenset(("als",)),
    # "attackierte den Iran als …" attacks with words: a characterisation
    "attackieren": frozenset(("als",)),
    "berichten": frozenset(("von", "vom", "über")),
    # "mit etwas rechnen" expects (Duden rechnen 4, 'erwarten'); calculating
    # takes no such object ("rechnet schnell"), nor does "zählen auf" 'rely on'
    "rechnen": frozenset(("mit",)),
}

# the auxiliaries before which a participle is the verb in a clause that
# reports now: the passive's werden and the present perfect's haben in the
# indicative (after Konjunktiv "habe" the clause is itself reported speech:
# "Im Brief habe sich X über … beschwert")
VERB_MAKING_AUX = PASSIVE_AUX | frozenset(("hat", "haben"))

# words that deny a verb (not "kein": "sah keine Gefahr" asserts that there is none)
NEGATIONS = frozenset(("nicht", "nie", "niemals"))

# what opens a subordinate clause that stands as an adverbial or an indirect
# question in the prefield ("Während sich die Opposition … zurückgehalten hat,
# fordert X …", "Wieso die Maschine … abbrach, gab X nicht bekannt"): the main
# clause's verb after it is no inverted reporting verb, since an adverbial
# clause says nothing of its own ("dass"/"ob" clauses are left to the complement
# rules; "seit", "bis", "als" are also prepositions)
ADVERBIAL_CLAUSE_OPENERS = frozenset("weil da wenn falls obwohl obgleich nachdem bevor ehe während sobald solange "
                                     "seitdem sodass indem wie wieso weshalb warum wann wo".split())


class VerbCues(RuleFamily):
    """Verb cues, complement clauses and verb-based claims."""

    def __init__(self, doc: DocState, tokens: WordClasses, clauses: Clauses, phrases: NounPhrases,
                 sources: SourcePhrases, features: SentenceFeatures) -> None:
        super().__init__(doc, tokens, clauses, phrases, features)
        self.sources = sources
        self.moods = ClauseMoods(doc, tokens, clauses, phrases, features)
        self.participles = ParticipleTense(doc, tokens, clauses)
        self.frames = VerbFrames(doc, tokens, phrases)
        self.reporting_events: list[Range] = []  # sentences that only report that someone spoke

    # ------------------------------------------------------------ cues
    def find_verb_cues(self, s: int, e: int) -> list[tuple[int, VerbForm, int]]:
        """(token, entry, particle token or -1) for reporting verbs outside quotes."""
        out = []
        words, lower = self.doc.words, self.doc.lower
        verbs, quote_of = self.doc.lex.verbs, self.doc.quote_of
        for i in self.doc.tokens_in(self.doc.verb_tokens, s, e):
            ents = verbs.get(lower[i])
            if not ents or quote_of[i] >= 0:
                continue
            if words[i][:1].isupper() and i != s:
                continue  # a noun ("Schreiben", "Bericht")
            if self.doc.lex.fclass(lower[i]):
                continue  # "meinen" (possessive), "sein"
            if all(vf.ordinarily_other for vf in ents):
                continue  # mostly an adjective or another sense ("bekannt")
            if self._after_modal(i, s):
                continue
            if self._attributive(i, s, e):
                continue  # "eine oft beklagte Lücke": an adjective, no verb
            if self._inside_verb_final_clause(i, s, e):
                continue  # "der das von X … formulierte Ziel … verwirklichen sollte": an attribute
            if self.clauses.attributive_before_noun(i, s, e):
                continue  # "Der bekannte Trommler … hatte …": the clause's finite verb is another
            if i + 1 < e and lower[i].endswith("t") and not words[i + 1][:1].isupper() \
                    and any(vf.kind == "fin" for vf in ents) \
                    and any(vf.kind == "part" for vf in self.doc.lex.verbs.get(lower[i + 1], ())):
                continue  # "wiederholt abgelehnt": an adverb before the participle
            best = None
            for vf in ents:
                if vf.kind in ("konj", "inf"):
                    continue
                if vf.kind == "fin" and vf.particle:
                    ce = self._particle_search_end(i, e)
                    p = -1
                    for k in range(i + 1, min(ce + 1, e)):
                        # the particle closes the clause: "teilte … mit," not "mit den Nachbarn"
                        if lower[k] == vf.particle and self.doc.quote_of[k] < 0 and (
                                k + 1 >= e or words[k + 1] in (",", ".", ":", ";", "!", "?", "“", "”", "„", '"')
                                or lower[k + 1] in ("und", "dass", "oder", "aber")):
                            p = k
                    if p < 0 and self._particle_before_final_verb(i, vf.particle, e):
                        p = i - 1
                    if p >= 0:
                        cand = (i, vf, p)
                        best = cand
                        break
                    continue
                if vf.kind == "fin" and not vf.particle:
                    # a particle of another verb may follow ("teilte ... mit")
                    if best is None:
                        best = (i, vf, -1)
                    continue
                if best is None:
                    best = (i, vf, -1)
            if best is not None:
                out.append(best)
        out += self._participles_written_apart(s, e, {c[0] for c in out})
        out.sort(key=lambda c: c[0])
        # a separated particle ("gab … bekannt") is not a cue of its own
        particles = {p for _, _, p in out if p >= 0}
        return [c for c in out if c[0] not in particles]

    def _participles_written_apart(self, s: int, e: int, found: set[int]) -> list[tuple[int, VerbForm, int]]:
        """A particle verb's participle written as two words ("wurde vom
        Presseamt bekannt gegeben", the spelling before 2006 and still
        common): the particle and the participle together are the form the
        lexicon knows ("bekanntgegeben"); the participle is the cue, the
        particle its particle."""
        lower, words, verbs = self.doc.lower, self.doc.words, self.doc.lex.verbs
        halves = self.doc.lex.participle_halves()
        out = []
        for k in self.doc.tokens_in(self.doc.token_hits("participle halves", halves.__contains__), s + 1, e):
            if k in found or self.doc.quote_of[k] >= 0 or not words[k - 1][:1].islower():
                continue
            part = next((vf for vf in verbs.get(lower[k - 1] + lower[k], ())
                         if vf.kind == "part" and vf.particle == lower[k - 1]), None)
            if part is not None:
                out.append((k, part, k - 1))
        return out

    def _inside_verb_final_clause(self, i: int, s: int, e: int) -> bool:
        """A subordinate clause puts its finite verb last: a form in one that
        a capitalised noun follows is a participle used as an adjective
        ("…, der das von Präsident Kennedy … formulierte Ziel, …,
        verwirklichen sollte").  Relative pronouns only after a comma (an
        article opens main clauses too)."""
        words = self.doc.words
        if i + 1 >= e or not words[i + 1][:1].isupper() or self.doc.quote_of[i + 1] >= 0:
            return False
        cs = self.clauses.clause_start(i, s)
        if cs >= i:
            return False
        relative = cs > s and words[cs - 1] == "," and self.doc.lower[cs] in RELATIVE
        return relative or self.doc.lower[cs] in COMPLEMENTIZERS

    def _attributive(self, i: int, s: int, e: int) -> bool:
        """A verb form between a determiner with its adverbs or adjectives and
        a noun is a participle used as an adjective ("eine oft beklagte Lücke",
        "die bereits genannten Zahlen"): a finite verb never stands there."""
        words = self.doc.words
        if i + 1 >= e or not words[i + 1][:1].isupper() or i - 2 < s:
            return False
        k = i - 1
        while k > s and self._modifier(k):
            k -= 1
        if k < i - 1 and "det" in self.tokens.fclass(k) and words[k][:1].isalpha():
            return True
        # right after its determiner too when a preposition governs the phrase
        # ("von einem bekannten Rechtsextremisten", "in ihrem 2009
        # veröffentlichten Roman"): a noun phrase inside a PP holds no verb;
        # without the preposition "Das sagte Merkel" is a demonstrative
        k = i - 1
        while k > s and (self._modifier(k) or words[k][:1].isdigit()):
            k -= 1
        return k > s and "det" in self.tokens.fclass(k) and "prep" in self.tokens.fclass(k - 1)

    def _modifier(self, k: int) -> bool:
        """A lowercase word that may stand between a determiner and its noun
        (an adverb or adjective: no verb, determiner, pronoun or conjunction)."""
        word = self.doc.words[k]
        return word[:1].islower() and word.isalpha() and not self.doc.lex.verbs.get(self.doc.lower[k]) \
            and not self.tokens.fclass(k) & {"det", "conj", "prep", "pron", "aux"}

    def _particle_search_end(self, i: int, e: int) -> int:
        """Where a separated particle of the verb at i may stand: up to the
        clause end, past appositions of the subject ("gab der Leiter …,
        Andreas Huber, bekannt")."""
        end = self._past_quoted_words(i + 1, e)
        while end + 1 < e and self.doc.words[end] == "," and self.doc.quote_of[end] < 0:
            after = self.phrases.apposition_end(end + 1, e, -1)
            if after is None or after >= e or self.doc.words[after] != ",":
                break
            end = self._past_quoted_words(after + 1, e)
        return end

    def _particle_before_final_verb(self, i: int, particle: str, e: int) -> bool:
        """A verb-final clause puts the separable particle right before the
        finite verb; written apart ("wie der Verband am Montag bekannt gab,")
        it still names the particle verb.  Only at the clause's end: in a
        main clause the particle closes the clause after the verb."""
        words = self.doc.words
        return i - 1 >= 0 and self.doc.lower[i - 1] == particle and self.doc.quote_of[i - 1] < 0 \
            and (i + 1 >= e or words[i + 1] in (",", ".", ";", ":", "!", "?", ")"))

    def _past_quoted_words(self, i: int, e: int) -> int:
        """The clause end from i, past quotations inside the middle field: a
        quoted phrase is one of the clause's phrases ("wies dies als
        „Unverschämtheit“ zurück", "rief zum „Heiligen Krieg“ auf"), so the
        separated particle may follow it."""
        quotes, quote_of = self.doc.quotes, self.doc.quote_of
        end = self.clauses.clause_end(i, e)
        while end < e and quote_of[end] >= 0 and quotes[quote_of[end]][0] == end:
            end = self.clauses.clause_end(quotes[quote_of[end]][1] + 1, e)
        return end

    def _after_modal(self, i: int, s: int) -> bool:
        """An infinitive governed by a modal, "zu" or "werden" ("soll … warnen",
        "zu sagen", "Ich würde nicht sagen, …", "wird morgen erklären"): a
        speech act that is wished, possible or still to come has not happened."""
        lo = self.doc.lower[i]
        if i > s and self.doc.lower[i - 1] == "zu":
            return True
        ents = self.doc.lex.verbs.get(lo) or []
        if not any(vf.form == vf.lemma or vf.kind == "inf" or lo.endswith("en") for vf in ents):
            return False
        cs = self.clauses.clause_start(i, s)
        # "werden" governs a participle too (the passive: "wird … angegeben"),
        # so only a form that cannot be one counts as its infinitive
        governors = MODALS if any(vf.kind == "part" for vf in ents) else MODALS | FUTURE_AUX
        return any(self.doc.lower[k] in governors for k in range(cs, i))

    # ------------------------------------------------------------ verb claims
    def complement_after(self, vi: int, part: int, e: int) -> tuple[int, int, str] | None:
        """The complement clause after a reporting verb, (start, end, kind)."""
        words, lower = self.doc.words, self.doc.lower
        start = max(vi, part) + 1 if part >= 0 else vi + 1
        b = self.clauses.clause_end(start, e)
        b = self._skip_appositions(start, b, e)
        if b >= e:
            return None
        # verb particle after the boundary? ("teilte mit, dass") handled: particle before b
        if self.doc.quote_of[b] >= 0 and self.doc.quotes[self.doc.quote_of[b]][0] == b:
            return None  # a quote: handled by direct_quote
        x = words[b]
        k = b + 1
        if k >= e:
            return None
        me = self.clauses.strip_end(k, e)
        # end the complement before an inverted frame ", sagte X" / ", so X"
        if x == ":":
            if self.doc.quote_of[k] >= 0:
                return None
            if self._only_a_list(k, me):
                return None
            return (k, me, "colon")
        lo = lower[k]
        if lo == "was" and self.features.reportive(k, me) < 2:
            return None  # ", was …": usually a relative clause
        if lo in COMPLEMENTIZERS or (lo in WH and lo not in ("welche", "welcher", "welches")):
            return (k, self._dass_clause_end(k, self._cut_coordination(k, me)), "dass")
        if lo in NON_COMPLEMENT_STARTS and not (lo == "bis" and k + 1 < e and lower[k + 1] == "zu"):
            fronted = self._fronted_complement(k, me)
            if fronted is None and lo in ("jedoch", "aber", "doch") and self._ends_in_zu_infinitive(k, e):
                # a contrasting adverb may open the zu-infinitive: "appellierte an die
                # Lehrkräfte, jedoch nicht auf diesem Anspruch zu bestehen"
                return (k, me, "inf")
            return fronted
        if lo in RELATIVE and not (k + 1 < e and (self.tokens.is_nounlike(k + 1, -1) or self.tokens.is_adjlike(k + 1))):
            if self._ends_in_zu_infinitive(k, e):
                return (k, me, "inf")  # "empfahl dem Gericht, der … Klage stattzugeben": no relative clause
            return None
        if lo == "zu" or (lo in ("sich", "nicht", "auch", "nur", "weiter", "künftig") and
                           any("zu" == lower[m] or ("zu" in lower[m][2:-2] and lower[m].endswith("en"))
                               for m in range(k, min(me, k + 6)))):
            return (k, me, "inf")
        # "Die Alternative, die Roßberg nannte, ist …": after a relative clause
        # ending in the active speech verb, the main clause is what was said
        verb_first = b == vi + 1 and self.tokens.finite_verb(vi) and not self._in_prepositional_relative(vi)
        # (not when the relative pronoun is the verb's subject: "Zuschauer, die
        # … die Radfahrer begrüßten, wurden … erfasst" — the main clause goes on)
        verb_first = verb_first and not self._relative_subject(vi)
        # (nor after a participle whose auxiliary stands before it: "Der Absturz
        # wird … erwartet, kann … erfolgen" — a second clause sharing the subject)
        verb_first = verb_first and not self._after_its_auxiliary(vi)
        if self._verb_second_at(k, me, verb_first=verb_first):
            return (k, self.moods.mood_switch(k, self._cut_coordination(k, me, main_clause=True)), "v2")
        # zu-infinitive at the clause end ("…, die Armee abzuziehen")
        if self._ends_in_zu_infinitive(k, e):
            return (k, me, "inf")
        return None

    def _relative_subject(self, vi: int) -> bool:
        """Is the verb at vi the last word of a relative clause whose pronoun
        is its subject ("…, die am Straßenrand standen und die Radfahrer
        begrüßten,")?  Another subject after the pronoun (a capitalised
        word, a determiner, a pronoun: "die Roßberg nannte") makes the
        pronoun the object."""
        start = self.clauses.clause_start(vi, 0, at_quotes=False)
        lower, words = self.doc.lower, self.doc.words
        if not (start > 0 and words[start - 1] == "," and lower[start] in RELATIVE and start + 1 < vi):
            return False
        nxt = start + 1
        return not (words[nxt][:1].isupper() or self.tokens.fclass(nxt) & {"det", "pron"})

    def _in_prepositional_relative(self, vi: int) -> bool:
        """Is the verb in a relative clause a preposition opens ("…, in denen er
        eine Strafe Gottes sah, hatten …")?  Its antecedent is then where or
        how something was said, not what: the main clause after it is no
        complement (unlike "Die Alternative, die Roßberg nannte, ist …")."""
        lower = self.doc.lower
        start = self.clauses.clause_start(vi, 0, at_quotes=False)
        return start > 0 and self.doc.words[start - 1] == "," and start + 1 < vi \
            and "prep" in self.tokens.fclass(start) and lower[start + 1] in RELATIVE

    def _dass_clause_end(self, k: int, me: int) -> int:
        """A dass-clause ends in its verb; a comma and a main clause in the
        indicative after it ("Kluncker, der genau wusste, dass die Regierung
        … bleiben wollte, setzte eine Erhöhung durch") are no longer what was
        said.  Only at a comma: "und" inside the clause joins another
        verb-final clause ("dass X kommt und Y geht")."""
        b = self.moods.next_main_clause(k + 2, me)
        while b >= 0 and self.doc.words[b] != ",":
            b = self.moods.next_main_clause(b + 1, me)
        return self.clauses._trim(k, b) if b >= 0 else me

    def _fronted_complement(self, k: int, me: int) -> tuple[int, int, str] | None:
        """Reported speech that a subordinator-like word opens: "damit solle
        ein Machtvakuum vermieden werden" (an adverb: a subordinator is never
        followed by the finite verb), "sobald er sich anschließe, werde der
        Druck zunehmen" (a fronted clause, then the main clause's verb in
        Konjunktiv)."""
        lower = self.doc.lower
        if k + 1 >= me or lower[k] in ("und", "oder", "aber", "sondern", "denn", "sowie"):
            return None
        if self.moods.konjunktiv(k + 1) and "adv" in self.doc.lex.fclass(lower[k]):
            return (k, self.moods.mood_switch(k, me), "v2")
        if "sub" not in self.doc.lex.fclass(lower[k]):
            return None
        b = self.clauses.clause_end(k + 1, me)
        if b + 1 < me and self.doc.words[b] == "," and self.moods.konjunktiv(b + 1):
            return (k, self.moods.mood_switch(b + 1, me), "v2")
        return None

    def _only_a_list(self, k: int, me: int) -> bool:
        """A statement after a colon has a verb; a list of names or items
        ("verlangt: Klarnamen der Benutzer, Adressen der Benutzer, alle
        veröffentlichten Beiträge") has no lowercase word but closed-class
        words and adjectives after an article."""
        words, fclass = self.doc.words, self.tokens.fclass
        for m in range(k, me):
            if not words[m][:1].islower() or self.doc.quote_of[m] >= 0:
                continue
            classes = fclass(m)
            if "aux" in classes or not (classes or "det" in fclass(m - 1)):
                return False
        return True

    def _after_its_auxiliary(self, vi: int) -> bool:
        """Does a finite auxiliary stand before the verb form at vi in its
        clause (so the form is a participle: "wird … erwartet")?"""
        k = vi - 1
        while k >= 0 and self.doc.words[k] not in (",", ";", ":", ".", "!", "?") and vi - k < 30:
            if "aux" in self.tokens.fclass(k) and self.doc.quote_of[k] < 0:
                return True
            k -= 1
        return False

    def _verb_second_at(self, k: int, me: int, verb_first: bool = False) -> bool:
        """Does a verb-second clause (reported speech without "dass") start at
        k?  With ``verb_first`` an indicative verb may open it."""
        words, lower = self.doc.words, self.doc.lower
        # verb-second clause: a finite verb within the first tokens
        for m in range(k, min(me, k + 10)):
            lm = lower[m]
            if lm in self.doc.lex.konj1 or "aux" in self.doc.lex.fclass(lm):
                # an indicative verb first is the main clause after a fronted
                # clause ("Dieser Plan, der … gefordert wird, war bislang …")
                return m > k or verb_first or lm in self.doc.lex.konj1
            if words[m] == ",":
                break
        # a verb-second clause in the indicative or a Konjunktiv II that looks
        # like the preterite: an adverb, then a lowercase finite verb
        # ("erklärte, vermutlich kommt der Zug später"; a lowercase word of no
        # closed class but adverbs) …
        if k + 2 < me and words[k][:1].islower() and not self.doc.lex.fclass(lower[k]) - {"adv"} \
                and words[k + 1][:1].islower() and self.tokens.finite_verb(k + 1):
            return True
        # … or a subject pronoun, then a Konjunktiv ("erklärte, es gehe dem
        # Jungen gut"): no noun phrase for the test below, the mood decides
        if lower[k] in SUBJECT_PRONOUNS and k + 1 < me and self.moods.konjunktiv(k + 1):
            return True
        # … or a subject phrase, then a lowercase finite verb ("warnte er,
        # Thaksins Leute verfolgten eigene Ziele")
        subject = self.phrases.np_after(k, me, k)
        opener = self.doc.lex.fclass(lower[k])
        if subject is not None and subject[1] < me and words[subject[1]][:1].islower() \
                and lower[subject[1]] not in RELATIVE and not opener & {"sub", "wh"}:
            # an article that can be a relative pronoun ("der Verein freue sich")
            # opens a main clause only before a verb in Konjunktiv I
            verb, moods = subject[1], self.moods
            if moods.konjunktiv1_guess(verb) or moods.konjunktiv2_guess(verb) or (
                    self.tokens.finite_verb(verb) and ("rel" not in opener or moods.mid_clause(verb, me))):
                return True
        # reported speech with an inserted relative clause: "meinte, Yang Peiyi,
        # die gesungen hatte, sei …" — a Konjunktiv I further on
        if self.tokens.is_nounlike(k, -1) or "det" in self.tokens.fclass(k):
            for m in range(k, me):
                if lower[m] in ("sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle") \
                        and self.doc.quote_of[m] < 0:
                    return True
        return False

    def _ends_in_zu_infinitive(self, k: int, e: int) -> bool:
        """Does the clause from k end in a zu-infinitive ("…, die Armee
        abzuziehen", "…, der Klage stattzugeben", "…, zu gehen")?"""
        lower = self.doc.lower
        ce = self.clauses.strip_end(k, self.clauses.clause_end(k, e))
        last = lower[ce - 1] if ce - 1 >= k else ""
        joined = "zu" in last[1:-2] and last.endswith(("en", "ern", "eln"))  # "abzuziehen"
        return joined or (ce - 2 >= k and lower[ce - 2] == "zu")

    def _skip_appositions(self, start: int, b: int, e: int) -> int:
        """The clause boundary after a verb, past appositions of the phrase
        before it ("meldete der Sender, Radio Vatikan, dass …", "schrieb X in
        der Zeitung Y, einem Boulevardblatt, die Lage sei …")."""
        words = self.doc.words
        while start < b < e and words[b] == "," and self.doc.quote_of[b] < 0:
            after = self.phrases.apposition_end(b + 1, e, -1)
            if after is None or after >= e or words[after] != ",":
                break
            b = self._middle_field_after(after, e)
        return b

    def _middle_field_after(self, b: int, e: int) -> int:
        """After an apposition the clause's middle field may go on ("sagte der
        Koordinator, Deftalgne Tessema, gegenüber der BBC, dass …"): a phrase
        that a preposition or adverb opens and no verb ends belongs to the
        verb's clause, so its boundary is the next comma."""
        words = self.doc.words
        k = b + 1
        opener = self.tokens.fclass(k) if k < e else frozenset()
        if not opener & {"prep", "adv"} or opener & {"sub", "conj", "rel", "wh"}:
            return b
        nxt = self.clauses.clause_end(k, e)
        if nxt >= e or words[nxt] != "," or nxt - k > 6:
            return b
        if any(self.tokens.finite_verb(m) or self.doc.lower[m] == "zu" for m in range(k, nxt)):
            return b
        return nxt

    def _cut_coordination(self, k: int, me: int, main_clause: bool = False) -> int:
        """End a dass-clause before ", und forderte …": a second reporting
        verb of the main clause's speaker after "und" is its own cue.  A
        verb-second complement ends there without the comma too ("…, X sei
        „…“ und kündigte an, …"): its own verb stands early, so an indicative
        speech verb right after "und" is the speaker's next predicate."""
        words, lower = self.doc.words, self.doc.lower
        for m in range(k + 2, me - 1):
            if words[m] == "," and lower[m + 1] in ("und", "sowie") and m + 2 < me \
                    and self.doc.quote_of[m] < 0 and self._finite_cue(m + 2):
                return m
            if main_clause and lower[m] in ("und", "sowie") and words[m - 1] != "," \
                    and self.doc.quote_of[m] < 0 and self._finite_cue(m + 1):
                return m
        return me

    def _finite_cue(self, k: int) -> bool:
        forms = self.doc.lex.verbs.get(self.doc.lower[k]) or []
        return self.doc.words[k][:1].islower() and any(vf.kind == "fin" for vf in forms)

    def verb_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> Claim | None:
        """The claim of a reporting verb: a "wie X mitteilte" frame, the verb's
        complement clause, or an inverted "Y sei …, sagte X"."""
        if self.features.question(s, e):
            return None  # "Glauben Sie, dass …?": a question asserts nothing (issue 13)
        found, claim = self._wie_claim(s, e, vi, vf)
        if found:
            return claim
        found, claim = self._complement_claim(s, e, vi, vf, part)
        if found:
            return claim
        return self._inverted_claim(s, e, vi, vf)

    def _wie_claim(self, s: int, e: int, vi: int, vf: VerbForm) -> tuple[bool, Claim | None]:
        """Subordinate "wie X mitteilte": a frame; the message is the sentence
        around it.  (found, claim): found even when no message is left."""
        words = self.doc.words
        for k in self._wie_positions(s, vi):
            if vf.lemma in ("nennen", "bezeichnen") and vi + 1 < e and self.doc.lower[vi + 1] in PASSIVE_AUX:
                return True, None  # "„Trap“, wie er genannt wird": a name, not a source
            source = self.phrases.np_after(self._past_adverbs(k + 1, vi), vi, s)
            # "so beeindruckend, wie man es nicht erwartet hatte": "man" names no speaker either
            impersonal = source is None or (source[1] - source[0] == 1 and self.doc.lower[source[0]] in ("man", "es"))
            if impersonal and self._comparative_wie(s, k):
                return True, None  # "nicht so verheerend, wie zunächst angenommen": a comparison
            frame_end = self.clauses.clause_end(vi, e)
            frame_start = k - 1 if k > s and words[k - 1] == "," else k
            parts = []
            if frame_start > s:
                parts.append((s, self.clauses._trim(s, frame_start)))
            after = frame_end
            while after < e and words[after] == ",":
                after += 1
            parts.append((after, self.clauses.strip_end(after, e)))
            parts = [p for p in parts if p[1] > p[0]]
            if not parts:
                return True, None
            return True, Claim(parts=parts, attribution=Attribution.ACCORDING_TO, source=source, cue=(vi, vi + 1),
                               hedged=self.features.hedged(s, e), score=0.85 * (0.6 + 0.4 * vf.precision),
                               kind="wie")
        return False, None

    def _wie_positions(self, s: int, vi: int) -> list[int]:
        """Where a "wie" of "wie X mitteilte" may stand: in the verb's own
        clause, or before a speaker phrase whose apposition holds commas
        ("Wie die Premierministerin von Queensland, Anna Bligh, erklärte")."""
        words, lower = self.doc.words, self.doc.lower
        cs = self.clauses.clause_start(vi, s, at_quotes=False)
        for k in range(cs, vi):
            if words[k] == ",":
                break
            if lower[k] == "wie" and self.doc.quote_of[k] < 0:
                if k > cs and low_k_rel(self.doc, cs) and self.tokens.is_nounlike(k - 1, s) \
                        and words[k - 1][:1].isupper():
                    # "…, die vor Dickmachern wie Fetten und Zucker warnt": the relative
                    # pronoun is the subject, a "wie" after a noun gives examples
                    return []
                return [k]
        for k in range(vi - 1, s - 1, -1):
            if lower[k] == "wie" and self.doc.quote_of[k] < 0 and (k == s or words[k - 1] == ","):
                phrase = self.phrases.np_after(k + 1, vi, s)
                # the phrase reaches the verb, or the comma closing its apposition
                return [k] if phrase is not None and (phrase[1] == vi or (
                    phrase[1] + 1 == vi and words[phrase[1]] == ",")) else []
        return []

    def _past_adverbs(self, i: int, end: int) -> int:
        """The first token from i that is no adverb: in "Wie schon die WHO
        sagte" the speaker stands after the adverb, not at it."""
        while i < end - 1 and "adv" in self.tokens.fclass(i):
            i += 1
        return i

    def _comparative_wie(self, s: int, k: int) -> bool:
        """ "so/ebenso/genauso <adjective> …, wie": "wie" compares, it does not frame."""
        if k - 1 <= s or self.doc.words[k - 1] != ",":
            return False
        return any(self.doc.lower[x] in ("so", "ebenso", "genauso") for x in range(max(s, k - 6), k - 1))

    def _complement_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> tuple[bool, Claim | None]:
        """The complement clause after the verb is the message (see
        ``complement_after``).  (found, claim)."""
        comp = self.complement_after(vi, part, e)
        if comp is None:
            return False, None
        a, b, kind = comp
        if b - a < 2:
            return True, None
        if vf.cls == "evidence" and kind != "dass":
            return True, None  # "Bilder zeigen, dass …" but not "zeigte sich, …"
        source = self.sources.subject_of(vi, vf, s, e, part)
        if source is not None and source[0] <= vi < source[1]:
            source = None
        return True, Claim(parts=[(a, b)], attribution=Attribution.INDIRECT, source=source, cue=(vi, vi + 1),
                           hedged=self.features.hedged(a, b) or self.features.hedged(s, a),
                           score=0.8 * (0.6 + 0.4 * vf.precision), kind="comp-" + kind)

    def _inverted_claim(self, s: int, e: int, vi: int, vf: VerbForm) -> Claim | None:
        """ "Y sei …, sagte X." — the verb right after a comma, its subject after
        it, only adverbials after the subject ("am Montag", "in Berlin")."""
        if vf.cls == "evidence" or vf.kind not in ("fin", "sub", "part"):
            return None
        words, lower = self.doc.words, self.doc.lower
        comma = vi - 1
        so = vi - 2 > s and lower[vi - 1] == "so" and words[vi - 2] == ","
        if so:
            comma = vi - 2  # "…, so bestätigt das Gericht": "so" takes up the quoted clause
        if vf.kind == "part":
            aux = self.clauses.aux_before(vi, s)
            if aux >= 0:
                comma = aux - 1
        if not (comma > s and words[comma] == "," and self.doc.quote_of[comma] < 0):
            return None
        before = self.phrases.np_after(s, comma, s)
        if before is not None and before[1] >= comma - 1:
            return None  # "X, Sprecher der Y, sagte …": the subject, not a message
        if "prep" in self.tokens.fclass(s):
            pp = self.phrases.np_after(s + 1, comma, s)
            if pp is not None and pp[1] >= comma - 1:
                return None  # "Nach Angaben von X, dem Direktor …, hatten …": a frame, not a message
        if comma - s < 3:
            return None
        if lower[s] in ADVERBIAL_CLAUSE_OPENERS:
            return None  # "Da Krebsbehandlungen … verlaufen, rechnet X …": an adverbial clause, not what X said
        source = self.sources.subject_after(vi, e, s) if vf.kind != "part" else self.phrases.np_after(comma + 2, vi, s)
        if source is None and vf.kind != "part":
            # "…, sagte am Montag der Minister": time and place stand before the subject
            after = self._past_adverbials(vi + 1, e)
            if after > vi + 1:
                source = self.sources.subject_after(after - 1, e, s)
        if source is None:
            return None
        parts = [(s, comma)]
        if vf.kind != "part":
            rest = self.sources.past_addressee(source, e)
            if rest < self.clauses.strip_end(rest, e) and not (
                    self.doc.lex.fclass(lower[rest]) & {"prep", "adv", "conj"} or words[rest] in (",", "(")):
                return None
            if so and words[rest] == "," and self.clauses.strip_end(rest + 1, e) - rest > 2:
                # "X, so vermutet die Zeitung, dürfte …": the frame stands inside the message
                parts.append((rest + 1, self.clauses.strip_end(rest + 1, e)))
        return Claim(parts=parts, attribution=Attribution.INDIRECT, source=source, cue=(vi, vi + 1),
                     hedged=self.features.hedged(s, e), score=0.75 * (0.6 + 0.4 * vf.precision), kind="inverted")

    def _past_adverbials(self, j: int, e: int) -> int:
        """The first token from j past up to three adverbials of time or place
        ("am Montag", "gestern", "in Berlin", "gegenüber der Zeitung"); not a
        PP a speech verb takes as object ("verwies auf …", "sprach von …")."""
        lower, words = self.doc.lower, self.doc.words
        for _ in range(3):
            if j >= e:
                break
            fclass = self.tokens.fclass(j)
            if lower[j] in TIME_WORDS or ("adv" in fclass and not fclass & {"det", "pron"}):
                j += 1
                continue
            if lower[j] not in SETTING_PREPOSITIONS:
                break
            # the preposition's noun: past its determiner and adjectives, not
            # into a genitive after it ("am Montag der Minister")
            k = j + 1
            while k < e and ("det" in self.tokens.fclass(k) or words[k][:1].islower()) and words[k][:1].isalnum():
                k += 1
            if k >= e or not words[k][:1].isupper():
                break
            j = k + 1
        return j

    REPORTED_MIN_PRECISION = 0.4
    REPORTED_MIN_RATE = 0.02

    def reported_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> Claim | None:
        anaphoric = self.anaphoric_claim(s, e, vi, vf, part)
        if anaphoric is not None:
            return anaphoric
        # a speech act's form by its lemma's record, not its own few counts (see
        # lexicons._shrunk_to_lemma); an attitude (class "thought": fürchten,
        # ausgehen von) is a claim by issue 13 whatever SpkAtt marks
        precision = vf.precision if vf.cls == "thought" else vf.shrunk_precision
        if precision < self.REPORTED_MIN_PRECISION and not self._particle_names_lexeme(vf, part) \
                and not self._complement_names_sense(vf, vi, s, e) and not self._participle_as_verb(vf, vi, s):
            return None
        if self.doc.lex.reported_rate.get(vf.lemma, 0.0) < self.REPORTED_MIN_RATE:
            return None  # this verb seldom reports speech without a complement
        cs = self.clauses.clause_start(vi, s)
        asyndetic = self._comma_main_clause_subject(cs, vi, vf, s, e)
        if cs > s and (self.doc.lex.fclass(self.doc.lower[cs]) & {"rel", "sub", "wh"}) and asyndetic is None:
            return None  # the verb is in a subordinate clause
        if self.features.question(s, e):
            return None  # "Beobachter kritisieren die Pläne?": a question asserts nothing
        if vf.kind == "part" and self.participles.no_speech_act(vi, s, e, cs):
            return None  # "auch „BD-Live“ genannt", "ist als Kommissar bekannt": no speech act
        if vf.kind == "part" and self.participles.agentless_passive(vi, e, cs):
            return None  # "Der Schaden wird auf 10.000 Euro geschätzt": no speaker, the outlet's statement
        if vf.cls == "writing":
            return None  # "veröffentlichte eine Analyse": a verb of writing's object is the text, not its content
        src = self.sources.subject_of(vi, vf, s, e, part) or asyndetic
        if src is None:
            ax = self.clauses.aux_before(vi, cs) if vf.kind == "part" else -1
            if ax >= 0 and self.doc.lower[ax] in PASSIVE_AUX:
                # "Als Grund wurde … genannt": a passive speech act without agent
                return Claim(parts=[(s, e)], attribution=Attribution.REPORTED, source=None, cue=(vi, vi + 1),
                             hedged=self.features.hedged(s, e), score=0.4 * (0.5 + 0.5 * vf.precision), kind="reported")
            return None
        if self.doc.lower[src[0]] in ("es", "man") and src[1] - src[0] == 1:
            return None
        if not self.sources.speaker_like(src) and not self._strong_speech_act(vf, src):
            return None
        if self.sources.common_noun_subject(src):
            return None  # "Der Handel mit Emissionszertifikaten sieht vor": a thing reports nothing
        if not self._has_attitude_valency(vf, cs, self.clauses.clause_end(vi, e)):
            return None  # "38.074 Zuschauer sahen die Niederlage Kameruns": seeing, no view
        if vf.cls == "speech" and self._negated_act(cs, self.clauses.clause_end(vi, e), src):
            self.reporting_events.append((s, e))  # "hat nicht auf die Provokationen geantwortet": nothing was said
            return None
        topic_only = vf.lemma in TOPIC_ONLY and not self._content_pp(vi, e) \
            and not self._complement_names_sense(vf, vi, s, e)  # "beschrieb X als Y" characterises
        if not self.has_content(s, e, src, vi, part, vf.lemma) or topic_only:
            self.reporting_events.append((s, e))  # "Ebenso äußerte sich X.": the event, not a claim
            return None
        # a main clause after a comma alone says only its own part ("Es sind 500
        # Stellen entstanden" before it is the outlet's)
        own = cs if asyndetic is not None and src == asyndetic else s
        content = self._framed_content(s, e, src, vi, vf) or self.reported_content(own, e, max(vi, part))
        return Claim(parts=[content], attribution=Attribution.REPORTED,
                     source=src, cue=(vi, vi + 1), hedged=self.features.hedged(s, e),
                     score=0.55 * (0.5 + 0.5 * vf.precision), kind="reported")

    def _comma_main_clause_subject(self, cs: int, vi: int, vf: VerbForm, s: int, e: int) -> Range | None:
        """The subject of a main clause joined by a comma alone ("Es sind 500
        Stellen entstanden, die Betreiber sprechen von 850"): an article,
        its noun phrase, then the finite verb second with more of the clause
        after it — a relative clause would put its verb last."""
        words = self.doc.words
        if not (cs > s and words[cs - 1] == "," and self.doc.lower[cs] in ("der", "die", "das")
                and vf.kind == "fin" and cs + 1 < vi and words[cs + 1][:1].isupper()):
            return None
        if self.clauses.clause_end(vi, e) <= vi + 1:
            return None
        phrase = self.phrases.np_after(cs, vi, s)
        return phrase if phrase is not None and phrase[1] == vi else None

    def _has_attitude_valency(self, vf: VerbForm, cs: int, ce: int) -> bool:
        """Does the clause give the verb the complement that makes it report a
        view?  "sehen" does only with "als" or "in" ("sieht darin eine
        Behinderung", "sieht X als Gefahr"); with an object alone it is seeing."""
        needed = ATTITUDE_COMPLEMENTS.get(vf.lemma)
        return needed is None or any(self.doc.lower[k] in needed for k in range(cs, ce))

    def _negated_act(self, cs: int, ce: int, src: Range) -> bool:
        """Is the speech act of the clause cs..ce negated ("hat niemals
        öffentlich darüber gesprochen", "bestätigte den Tod bisher nicht")?  Without a
        complement clause the negation can only deny the act itself; not
        "nicht nur" (a contrast), nor with "als" (an evaluation: "bezeichnete
        es nicht als Fehler" says what it is not)."""
        lower = self.doc.lower
        if any(lower[k] == "als" for k in range(cs, ce)):
            return False
        return any(lower[k] in NEGATIONS and not src[0] <= k < src[1] and (k + 1 >= ce or lower[k + 1] != "nur")
                   for k in range(cs, ce))

    def _complement_names_sense(self, vf: VerbForm, vi: int, s: int, e: int) -> bool:
        """Does the clause hold the complement that only the verb's reporting
        sense takes ("sprach von einer Gefahr", "sieht darin eine Gefahr",
        "rechnet mit Verlusten")?  Then a verb with other common senses
        ("sprach mit", "sah das Spiel") is the reporting one."""
        if self._reporting_frame(vf, vi, s, e):
            return True  # "schätzt die Zahl auf 10.000": a frame only the reporting sense has
        # a finite verb's complement follows it in the main clause ("sieht in
        # X eine Gefahr", not "war in Nordkorea und habe … sehen"); a
        # participle's stands before it ("hat von einer Gefahr gesprochen")
        start = vi + 1 if vf.kind == "fin" else self.clauses.clause_start(vi, s)
        needed = SENSE_COMPLEMENTS.get(vf.lemma)
        if needed is None:
            return False
        if self._predicate_in_prefield(vi, needed, s):
            return True  # "Als Grund nannte X …": the predicate fills the prefield
        return any(self.doc.lower[k] in needed for k in range(start, self.clauses.clause_end(vi, e)))

    def _reporting_frame(self, vf: VerbForm, vi: int, s: int, e: int) -> bool:
        """Does the verb's field hold the valency frame of a mixed lemma's
        reporting sense (``verb_frames``)?  A finite verb's objects follow
        it in its clause, a participle's stand before it."""
        if vf.kind == "fin":
            return self.frames.shows_reporting_sense(vf.lemma, vi + 1, self.clauses.clause_end(vi, e), s)
        return self.frames.shows_reporting_sense(vf.lemma, self.clauses.clause_start(vi, s), vi, s)

    def _framed_content(self, s: int, e: int, src: Range, vi: int, vf: VerbForm) -> Range | None:
        """What a mixed verb's frame says when speaker and finite verb open
        the sentence: the rest of it ("Das Pentagon schätzt | die Zahl der
        Soldaten auf 10.000"), the content without source and verb as the
        guidelines mark it; None for another word order (the whole sentence
        stays the message)."""
        if vf.kind != "fin" or src != (s, vi) or not self._reporting_frame(vf, vi, s, e):
            return None
        end = self.clauses.strip_end(vi + 1, e)
        return (vi + 1, end) if end > vi + 1 else None

    def _predicate_in_prefield(self, vi: int, needed: frozenset[str], s: int) -> bool:
        """Does an "als" + noun fill the prefield of the verb-second clause
        ("Als Grund für die Rückgabe nannte X …")?  Not "Als er kam, …", a
        subordinate clause, which a comma ends before the verb."""
        cs = self.clauses.clause_start(vi, s)
        lower, words = self.doc.lower, self.doc.words
        return "als" in needed and cs + 1 < vi and lower[cs] == "als" and words[cs + 1][:1].isupper() \
            and not self.tokens.fclass(cs + 1) & {"pron", "det"}

    def _participle_as_verb(self, vf: VerbForm, vi: int, s: int) -> bool:
        """A participle after the werden of the passive ("Als Grund wird …
        angegeben") or the present perfect's haben ("Selenskyj hat vor einer
        Eskalation gewarnt", the tense news reports in) is the verb, neither
        an adjective nor the pluperfect's background ("hatte … abgelehnt"):
        the lemma's share, not the participle form's, says whether it reports."""
        if vf.sense_share < self.REPORTED_MIN_PRECISION:
            return False
        aux = self.clauses.aux_before(vi, self.clauses.clause_start(vi, s))
        # "worden" after it makes the perfect of the passive ("war von … befürchtet worden")
        passive_perfect = vi + 1 < len(self.doc.lower) and self.doc.lower[vi + 1] == "worden"
        return aux >= 0 and (self.doc.lower[aux] in VERB_MAKING_AUX or passive_perfect) and any(
            x.kind == "part" for x in self.doc.lex.verbs.get(self.doc.lower[vi], ()))

    @staticmethod
    def _particle_names_lexeme(vf: VerbForm, part: int) -> bool:
        """Did the clause end in the verb's separated particle ("geht … von
        einem Verbrechen aus", "wies … zurück")?  Then the particle, not the
        counts, says which verb it is: the bare form's counts ("geht",
        "wies") are mostly those of the simple verb, so its cue precision
        says little about the particle verb, and the precision gate is skipped
        (the grammar identified the speech act)."""
        return part >= 0 and bool(vf.particle)

    def reported_content(self, s: int, e: int, verb_end: int) -> Range:
        """What a speech act without a complement clause said: the speaker's
        own words when a quotation after the verb ends the sentence ("sprach
        von einer „Gefahr für Leib und Leben“."), a relative clause in
        Konjunktiv I after its object ("spricht von einem Terroristen, der
        sich in die Luft gesprengt habe"); else the whole sentence."""
        quoted = [q for q in self.doc.quotes if verb_end < q[0] and q[1] < e]
        if quoted and quoted[-1][1] + 1 >= self.clauses.strip_end(s, e):
            return (quoted[0][0], quoted[-1][1] + 1)
        words, lower = self.doc.words, self.doc.lower
        for k in range(verb_end + 1, e - 2):
            if words[k] == "," and self.doc.quote_of[k] < 0 and lower[k + 1] in RELATIVE:
                end = self.clauses.strip_end(k + 1, e)
                if self.features.reportive(k + 1, end) == 2:
                    return (k + 1, end)
                break  # only the first relative clause after the verb
        late = self._late_complement(s, e, verb_end)
        if late is not None:
            return late
        # "X stufte das Gesetz als verfassungswidrig ein, und UNICEF rief …":
        # a coordinated main clause with a subject of its own is another claim
        b = self.moods.next_main_clause(verb_end + 1, self.clauses.strip_end(s, e), own_subject=True)
        s = self._past_adverbial_clause(s, e, verb_end)
        return (s, self.clauses._trim(s, b)) if b >= 0 and words[b] == "," else (s, e)

    def _past_adverbial_clause(self, s: int, e: int, verb_end: int) -> int:
        """Where the main clause begins after a fronted adverbial clause
        ("Während sich die Opposition … zurückgehalten hat, fordert X …"): the
        adverbial clause sets the scene, it is not what the speaker said; s
        when the sentence opens otherwise."""
        if self.doc.lower[s] not in ADVERBIAL_CLAUSE_OPENERS:
            return s
        c = self.clauses.clause_end(s + 1, e)
        while c < verb_end and c + 1 < e and self.doc.words[c] == "," and "rel" in self.tokens.fclass(c + 1):
            c = self.clauses.clause_end(c + 1, e)  # a relative clause inside the fronted one
        if c < verb_end and self.doc.words[c] == "," and self.tokens.finite_verb(c + 1):
            return c + 1
        return s

    def _late_complement(self, s: int, e: int, verb_end: int) -> Range | None:
        """A complement clause further on than the complement rule looks,
        past an apposition or an object ("verkündete der DFB, kurz DFB, dann
        offiziell, dass man sich bewerben werde", "bestätigte den Verdacht,
        es handele sich um Genreis"): a dass-clause or a main clause in
        Konjunktiv I after a comma is what was said."""
        words, lower = self.doc.words, self.doc.lower
        end = self.clauses.strip_end(s, e)
        for k in range(verb_end + 1, end - 3):
            if words[k] != "," or self.doc.quote_of[k] >= 0:
                continue
            if lower[k + 1] in ("dass", "daß") or self.features.konjunktiv_statement(k + 1, end) >= 0:
                return (k + 1, end)
        return None

    def anaphoric_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> Claim | None:
        """ "Dies bestätigte X am Abend.", "Das hat X mitgeteilt": a prefield
        that is only a demonstrative object points back to the sentence
        before, which is what X said; the run loop moves the message there
        (or drops the claim).  The pointing object makes even a verb that
        seldom reports without a complement ("sagte") a report."""
        lower = self.doc.lower
        if lower[s] not in ANAPHORIC_OBJECTS or vf.precision < self.ANAPHORIC_MIN_PRECISION:
            return None
        if not (vi == s + 1 or (vf.kind == "part" and "aux" in self.tokens.fclass(s + 1))):
            return None
        src = self.sources.subject_of(vi, vf, s, e, part)
        if src is None or src[0] <= s + 1 or not (self.sources.speaker_like(src) or self._strong_speech_act(vf, src)):
            return None
        return Claim(parts=[(s, e)], attribution=Attribution.REPORTED, source=src, cue=(vi, vi + 1),
                     hedged=False, score=0.55 * (0.5 + 0.5 * vf.precision), kind="anaphoric")

    ANAPHORIC_MIN_PRECISION = 0.1

    def _strong_speech_act(self, vf: VerbForm, src: Range) -> bool:
        """A verb that nearly always reports speech makes any noun subject
        its speaker ("Kritiker fürchten …", "Die Opposition fordert …")."""
        return vf.precision >= 0.7 and self.doc.lex.reported_rate.get(vf.lemma, 0.0) >= 0.2 \
            and self.doc.words[src[1] - 1][:1].isupper()

    def has_content(self, s: int, e: int, source: Range, verb: int, particle: int, lemma: str = "") -> bool:
        """Does a speech act without a complement say anything?  Not when
        besides its speaker and verb only adverbs, a reflexive, a pronoun
        object or a time remain: "Ebenso äußerte sich X.", "Ein Sprecher
        bestätigte dieses anschließend."; a noun object or a PP is content
        ("kündigte eine Lösung an", "sprach von einem Erfolg"), except the
        topic of a verb that takes one ("äußerte sich zu den Plänen")."""
        lower = self.doc.lower
        topic = self._topic_phrases(s, e) if lemma in TOPIC_PP_VERBS else set()
        for k in range(s, e):
            if source[0] <= k < source[1] or k in (verb, particle) or not self.doc.words[k][:1].isalnum():
                continue
            if k in topic:
                continue
            word = lower[k]
            if word in CONTENTLESS or word in TIME_WORDS:
                continue
            fclass = self.tokens.fclass(k)
            if fclass & {"adv", "aux", "pron", "conj"} and not fclass & {"det", "prep"}:
                continue
            return True
        return False

    def _topic_phrases(self, s: int, e: int) -> set[int]:
        """The tokens of "zu/zum/zur X" phrases in s..e: the topic that
        "sich äußern" takes, not what was said about it."""
        lower = self.doc.lower
        out: set[int] = set()
        for k in range(s, e - 1):
            if lower[k] in TOPIC_PREPOSITIONS:
                phrase = self.phrases.np_after(k + 1, e, s, allow_pron=False)
                if phrase is not None:
                    out.update(range(k, phrase[1]))
        return out

    def _content_pp(self, verb: int, e: int) -> bool:
        """A "von/über X" after the verb says what was said about."""
        return any(self.doc.lower[k] in ("von", "vom", "über") for k in range(verb + 1, e))
