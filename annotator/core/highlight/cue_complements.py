"""Cues recognised by the complement they take, not by a verb list.

German marks reported content grammatically: a *dass*/*ob* clause, a
verb-second clause in Konjunktiv I ("…, es stehe im Gegensatz"), or a
*zu*-infinitive after a speech noun.  When no known reporting verb or frame
made a claim, these rules find the cue from that complement:

* **noun cues** — a speech noun ("Forderung", "Warnung", "Bestätigung",
  "Ankündigung") with its complement: "die Forderung des CSU-Vorsitzenden,
  auf die SPD zuzugehen"; the source is the genitive or "von" phrase after
  the noun, else the sentence's subject ("X bekräftigte seine Warnung, …");
  the holder may also be a possessive genitive with an apposition ("ihres
  Trainers, Greg Poss, …"), a name's genitive ("Selenskyjs Botschaft") or
  the agent of an attribute ("die von X geäußerte Hoffnung"), the noun's
  PP argument may precede the complement, and a colon closing the noun's
  clause announces it ("gab eine Warnung heraus: …"); nouns of intending
  ("die Absicht der Regierung, … zu …") only with their holder;
* **aim cues** — a noun of intending or concluding, or a speech noun, as
  the copula's subject: "Ziel der Stiftung ist es, … zu …", "Ergebnis der
  Untersuchung war, dass …";
* **phrase cues** — any predicate whose clause has a speaker-like subject
  and is followed by a Konjunktiv-I clause or a dass/ob clause: "Die WHO
  hält es für unwahrscheinlich, dass …", "X vertritt die Ansicht, Y habe
  …", "Die Verbündeten äußerten sich besorgt, dass …"; the cue is the
  predicate's finite verb.
"""

from __future__ import annotations

from functools import cache
from operator import itemgetter

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.rule_family import RuleFamily
from annotator.core.highlight.rules_words import (
    COMPLEMENTIZERS,
    GENITIVE_DETS,
    NON_COMPLEMENT_STARTS,
    PASSIVE_AUX,
    POSSESSIVES,
)
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.source_phrases import SourcePhrases
from annotator.core.highlight.word_classes import WordClasses
from annotator.core.models import Attribution

KONJ1_AUX = frozenset("sei seien habe werde könne müsse solle wolle dürfe möge".split())
# participles of judging that take "als": "als Wendepunkt angesehen"
JUDGING_PARTICIPLES = frozenset("angesehen gesehen interpretiert betrachtet bewertet gewertet eingestuft eingeschätzt "
                                "bezeichnet beurteilt verstanden empfunden".split())
RELATIVE_STARTS = frozenset("der die das dem den denen dessen deren welche welcher welches".split())
# evidence that points to content: "Anzeichen dafür, dass …", "eines von mehreren Indizien dafür, dass …"
EVIDENTIAL_NOUNS = frozenset("anzeichen indiz indizien hinweis hinweise beleg belege beweis beweise signal signale "
                             "zeichen".split())
POINTERS = frozenset("dafür darauf darüber dazu".split())
CONSECUTIVE = frozenset("so derart dermaßen solch solche solchen solcher".split())
# the finite forms of "sein": with an ob-clause they state an open question ("ist unklar, ob")
COPULA = frozenset("ist sind war waren sei seien wäre wären".split())
# the modals of will and ability, whose negation says a speech act did not
# happen ("wollte nicht bestätigen", "konnte nicht glaubhaft machen")
NEGATABLE_MODALS = frozenset("will wollte wollten wollen kann konnte konnten können vermochte vermochten".split())
# the relative pronouns: a clause they open with its verb last is a relative
# clause, not a verb-second complement ("…, das von Rebellen besetzt gewesen sei")
RELATIVE_PRONOUNS = frozenset("der die das dem den denen dessen deren".split())
# a demonstrative that is the subject of a copula: the noun after the verb is
# then the predicative, never a speaker
DEMONSTRATIVE_SUBJECTS = frozenset(("das", "dies", "dieses"))
# verbs whose frame tells a judgement (stems of their finite forms) and the word
# the frame needs ("" = a noun object is enough): valency, not a list of errors
ATTITUDE_FRAMES = (
    (("wertet", "werten", "wertete", "bewertet", "bewerten", "bewertete", "betrachtet", "betrachten",
      "betrachtete", "stuft", "stufen", "stufte", "bezeichnet", "bezeichnen", "bezeichnete"), "als"),
    (("hält", "halten", "hielt"), "für"),
    (("rechnet", "rechnen", "rechnete"), "mit"),
    (("sprach", "spricht", "sprechen"), "von"),
    (("begrüßt", "begrüßen", "kritisiert", "kritisieren", "kritisierte", "verurteilt", "verurteilen",
      "verurteilte", "bedauert", "bedauern", "bedauerte", "lobt", "loben", "lobte"), ""),
)
ATTITUDE_STEMS = tuple(stem for stems, _ in ATTITUDE_FRAMES for stem in stems)
# a token can start with a stem only if its first letters are one of these
# (a set lookup per token is a third of a startswith over all the stems)
ATTITUDE_HEAD = itemgetter(slice(0, min(map(len, ATTITUDE_STEMS))))
ATTITUDE_HEADS = frozenset(map(ATTITUDE_HEAD, ATTITUDE_STEMS))
COMMA = frozenset({","})
# nouns of intending and of concluding (Duden: 'was man erreichen will' /
# 'was sich als Folge einer Prüfung ergibt'), a closed class: as the subject
# of a copula before a zu-infinitive or dass clause they state their
# holder's aim or finding ("Ziel der Stiftung ist es, … zu entwickeln")
AIM_NOUNS = frozenset("ziel absicht plan vorhaben vorsatz wunsch anliegen bestreben wille "
                      "ergebnis fazit schluss schlussfolgerung befund".split())
# the nouns of intending with their plurals: like a speech noun, one with
# its holder and a zu-infinitive is a cue ("die Absicht der Regierung, … zu senken")
INTENT_NOUNS = frozenset("ziel ziele absicht absichten plan pläne vorhaben vorsatz wunsch wünsche anliegen "
                         "bestreben".split())
# articles that may open such a noun ("Das Ziel der Regierung ist es")
AIM_ARTICLES = frozenset(("das", "der", "die", "erklärtes", "erklärte", "oberstes"))
# possessive articles: the holder before the noun ("Ihr Plan ist es, …")
AIM_POSSESSIVES = frozenset("sein ihr seine ihre unser unsere".split())
AGENT_PREPOSITIONS = frozenset(("von", "vom"))
# the support verbs of "zu dem Schluss kommen / zur Überzeugung gelangen" and
# the nouns of judging they take beside those of concluding
CONCLUDING_SUPPORT_VERBS = frozenset("kommen kommt kam kamen gelangen gelangt gelangte gelangten".split())
CONCLUDING_NOUNS = frozenset("überzeugung einschätzung erkenntnis auffassung ansicht urteil".split())
# possessive articles in the genitive: a holder like "des" ("die Ankündigung ihres Trainers")
GENITIVE_POSSESSIVES = frozenset("seines ihres seiner ihrer unseres unserer".split())
NOUN_CUE_SCORE = 0.6
PHRASE_CUE_SCORE = 0.55


@cache
def _cue_nouns(speech_nouns: frozenset[str]) -> frozenset[str]:
    """The nouns that can carry a claim: of saying and of intending. One set,
    so the per-document pass tests each token in C, not in a Python lambda."""
    return speech_nouns | INTENT_NOUNS


class ComplementCues(RuleFamily):
    """Noun and phrase cues found from their complement clause."""

    def __init__(self, doc: DocState, tokens: WordClasses, clauses: Clauses, phrases: NounPhrases,
                 sources: SourcePhrases, features: SentenceFeatures) -> None:
        super().__init__(doc, tokens, clauses, phrases, features)
        self.sources = sources

    # ------------------------------------------------------------ complements
    def complement_at(self, k: int, e: int) -> Range | None:
        """The reported content starting after the comma at k: a dass/ob
        clause or a verb-second clause with a Konjunktiv-I verb."""
        words, lower = self.doc.words, self.doc.lower
        if words[k] != "," or k + 2 >= e or self.doc.quote_of[k] >= 0:
            return None
        start = k + 1
        end = self.clauses.strip_end(start, e)
        if end - start < 3:
            return None
        if lower[start] in COMPLEMENTIZERS:
            return (start, end)
        if lower[start] in NON_COMPLEMENT_STARTS:
            return None  # "…, indem …": not reported content
        for m in range(start, min(end, start + 8)):
            if words[m] == ",":
                return None
            if self._konjunktiv1(m):
                return (start, end) if m > start else None
        return None

    def _konjunktiv1(self, m: int) -> bool:
        lower = self.doc.lower[m]
        return self.doc.quote_of[m] < 0 and (lower in KONJ1_AUX or (
            lower in self.doc.lex.konj1 and self.doc.words[m][:1].islower()))

    def _zu_infinitive_at(self, k: int, e: int) -> Range | None:
        """ ", auf die SPD zuzugehen", ", die Truppen abzuziehen": a comma and a
        clause ending in a zu-infinitive."""
        words, lower = self.doc.words, self.doc.lower
        if words[k] != "," or k + 2 >= e:
            return None
        start = k + 1
        clause_end = self.clauses.strip_end(start, self.clauses.clause_end(start, e))
        if clause_end - start < 2:
            return None
        last = lower[clause_end - 1]
        if clause_end - 2 >= start and lower[clause_end - 2] == "zu" or ("zu" in last[1:-2] and last.endswith("en")):
            return (start, clause_end)
        return None

    # ------------------------------------------------------------ noun cues
    def noun_claim(self, s: int, e: int) -> Claim | None:
        """A speech noun with its complement (see the module doc)."""
        words = self.doc.words
        nouns = self.doc.token_hits("speech_noun", _cue_nouns(self.doc.lex.speech_nouns).__contains__)
        for i in self.doc.tokens_in(nouns, s, e - 2):
            if self.doc.quote_of[i] >= 0 or not words[i][:1].isupper():
                continue
            source, after = self._noun_source(i, e, s)
            if after >= e or source is None and self.doc.lower[i] in INTENT_NOUNS:
                continue  # an aim without its holder: whose plan is not said
            message = self._noun_complement(after, e)
            if message is None and source is not None and source[0] > i:
                source, after = self._holder_apposition(source, after, e, s)
                message = self._noun_complement(after, e)
            if message is None:
                message = self._complement_past_argument(after, e, s)
            if message is None:
                message = self._statement_after_colon(after, e, s)
            if message is None:
                continue
            message = self._before_main_verb(message, prefield=not any(
                self._known_finite(k) for k in range(s, i - 1)))  # not an attribute right before the noun
            if source is None:
                source = self._subject_before(i, s)
            return Claim(parts=[message], attribution=Attribution.INDIRECT, source=source, cue=(i, i + 1),
                         hedged=self.features.hedged(*message), score=NOUN_CUE_SCORE, kind="noun")
        return None

    def _noun_complement(self, after: int, e: int) -> Range | None:
        return self.complement_at(after, e) or self._zu_infinitive_at(after, e)

    def _statement_after_colon(self, after: int, e: int, s: int) -> Range | None:
        """ "Die Warnung des Ministers: …", "Die Behörde gab eine Warnung
        heraus: …": a colon that closes the noun's own clause (a particle or
        a verb may stand between) announces what the noun said."""
        if "prep" in self.tokens.fclass(after) and self.doc.lower[after] not in AGENT_PREPOSITIONS:
            argument = self.phrases.np_after(after + 1, e, s, allow_pron=False, appositions=False)
            after = argument[1] if argument is not None else after  # "Die Botschaft des Papstes an die Gläubigen"
        words = self.doc.words
        colon = self.clauses.clause_end(after, e)
        if colon + 2 >= e or words[colon] != ":" or colon - after > 3:
            return None
        if any(words[m][:1].isupper() for m in range(after, colon)):
            return None  # "… bleibt die Frage:": the colon is another noun's
        if self.features.question(colon + 1, e):
            return None  # a question asserts nothing (issue 13)
        return (colon + 1, self.clauses.strip_end(colon + 1, e))

    def _known_finite(self, k: int) -> bool:
        """An auxiliary or a finite form the verb lexicon knows (not the
        ending guess of ``finite_verb``, which takes "direkt" for a verb)."""
        return "aux" in self.tokens.fclass(k) or any(
            vf.kind in ("fin", "konj", "sub") for vf in self.doc.lex.verbs.get(self.doc.lower[k], ()))

    def _before_main_verb(self, message: Range, prefield: bool) -> Range:
        """A noun phrase with its complement may fill the prefield ("Die …
        geäußerte Hoffnung, sein Leben werde sich … wenden, schien sich nicht
        zu erfüllen"): the main clause's finite verb right after a comma
        ends the complement.  When the noun phrase opens the sentence, the
        verb-second rule makes any lowercase content word after a comma
        that more of the clause follows that verb, known or not ("…, dass
        die Truppen abziehen, kam am Abend"); a word right before a comma
        closes a clause instead ("…, die dort stehen, abziehen,")."""
        words = self.doc.words
        for k in range(message[0] + 2, message[1] - 1):
            if words[k] != "," or self.doc.quote_of[k] >= 0 or not words[k + 1][:1].islower():
                continue
            if self.tokens.finite_verb(k + 1) or prefield and not self.tokens.fclass(k + 1) \
                    and k + 2 < message[1] and words[k + 2] not in (",", ";", ":"):
                return (message[0], k)
        return message

    def _complement_past_argument(self, after: int, e: int, s: int) -> Range | None:
        """ "die Warnung des Ministers vor einer Rezession, die Wirtschaft werde
        schrumpfen": the noun's prepositional argument (its valency: *Warnung
        vor*, *Aufforderung an*, *Erklärung zu*) may stand before the complement."""
        if after + 3 >= e or "prep" not in self.tokens.fclass(after) or self.doc.lower[after] in AGENT_PREPOSITIONS:
            return None
        argument = self.phrases.np_after(after + 1, e, s, allow_pron=False, appositions=False)
        if argument is None or argument[1] >= e or self.doc.words[argument[1]] != ",":
            return None
        return self._noun_complement(argument[1], e)

    def _holder_apposition(self, source: Range, after: int, e: int, s: int) -> tuple[Range, int]:
        """ "der Ankündigung ihres Trainers, Greg Poss, die Zusammenarbeit …
        zu beenden": a name between commas after the holder is its
        apposition; the complement follows the second comma."""
        words = self.doc.words
        if after + 2 >= e or words[after] != ",":
            return source, after
        name = self.phrases.np_after(after + 1, e, s, allow_pron=False, appositions=False)
        if name is None or name[1] >= e or words[name[1]] != "," or not all(
                words[m][:1].isupper() for m in range(*name)):
            return source, after
        return (source[0], name[1]), name[1]

    def aim_claim(self, s: int, e: int) -> Claim | None:
        """ "Ziel der niederländischen Fairphone-Stiftung ist es, ein
        Mobiltelefon zu entwickeln", "Ergebnis einer privaten Untersuchung …
        war, dass …": a noun of intending or concluding opens the main
        clause, its genitive (or possessive) is the holder, the copula links
        it to the complement after the comma — the holder's aim or finding,
        the noun and copula its cue."""
        words, lower = self.doc.words, self.doc.lower
        if e - s < 6:
            return None  # noun, copula, comma and a complement of two words at least
        i = s + 1 if lower[s] in AIM_ARTICLES or lower[s] in AIM_POSSESSIVES else s
        while i > s and i < s + 3 and words[i][:1].islower() and not self.tokens.fclass(i):
            i += 1  # an adjective: "Seine zentrale Aussage ist, dass …"
        if i + 3 >= e or not (lower[i] in AIM_NOUNS or lower[i] in self.doc.lex.speech_nouns) \
                or not words[i][:1].isupper() or self.doc.quote_of[i] >= 0:
            return None
        source, after = self._noun_source(i, e, s)
        if source is None and i > s and lower[s] in AIM_POSSESSIVES:
            source = (s, s + 1)
        if source is None:
            return None
        # the copula is the clause's first finite verb ("… nach dem Tode
        # Magnitskis war, dass"): a noun phrase's attachments may stand before it
        verb = next((m for m in range(after, min(e, after + 8))
                     if words[m] == "," or self.tokens.finite_verb(m)), -1)
        if verb < 0 or lower[verb] not in COPULA:
            return None
        comma = self.clauses.clause_end(verb + 1, e)
        # between the copula and the comma only the correlate "es" and adverbs: no predicate noun
        if comma >= e or words[comma] != "," or comma - verb > 3 or any(
                words[m][:1].isupper() for m in range(verb + 1, comma)):
            return None
        message = self.complement_at(comma, e)
        if message is None and self._zu_infinitive_at(comma, e) is not None:
            message = (comma + 1, self.clauses.strip_end(comma + 1, e))
        if message is None:
            return None
        return Claim(parts=[message], attribution=Attribution.INDIRECT, source=source, cue=(i, i + 1),
                     hedged=self.features.hedged(*message), score=NOUN_CUE_SCORE, kind="noun")

    def _noun_source(self, i: int, e: int, s: int) -> tuple[Range | None, int]:
        """The source right after a speech noun ("des X", "von X") or a
        possessive before it ("seine Warnung"), and where the noun phrase ends."""
        lower = self.doc.lower
        after = i + 1
        if after < e and (lower[after] in GENITIVE_DETS or lower[after] in GENITIVE_POSSESSIVES
                          or lower[after] in ("von", "vom")):
            start = after + 1 if lower[after] in ("von", "vom") else after
            phrase = self.phrases.np_after(start, e, s, allow_pron=False, appositions=False)
            if phrase is not None:
                return phrase, phrase[1]
        if i - 1 >= s and lower[i - 1] in POSSESSIVES | {"seine", "ihre", "seinen", "ihren", "seinem", "ihrem"}:
            return (i - 1, i), after
        agent = self._attribute_agent(i, s)
        if agent is not None:
            return agent, after
        if i - 1 >= s and self._saxon_genitive(i - 1):
            return (i - 1, i), after  # "Zelenskis Botschaft an die Welt": a name's genitive before the noun
        return None, after

    def _attribute_agent(self, i: int, s: int) -> Range | None:
        """ "Die von Arnold direkt nach dem Freispruch geäußerte Hoffnung":
        the agent of the participle in an extended attribute between the
        article and the noun is the noun's holder."""
        lower, words = self.doc.lower, self.doc.words
        if i - 3 < s or not words[i - 1][:1].islower():
            return None
        for k in range(i - 3, max(s, i - 10) - 1, -1):
            if lower[k] in AGENT_PREPOSITIONS and k > s and "det" in self.tokens.fclass(k - 1):
                agent = self.phrases.np_after(k + 1, i, s, allow_pron=False, appositions=False)
                if agent is None or agent[1] > i - 1:
                    return None
                return agent
        return None

    def _saxon_genitive(self, k: int) -> bool:
        """A name in the genitive before its noun ("Merkels Warnung"): a
        capitalised word in -s that no article or word list claims."""
        word = self.doc.words[k]
        return (word[:1].isupper() and word.endswith("s") and len(word) > 3 and not self.tokens.fclass(k)
                and (k == 0 or not self.tokens.fclass(k - 1) & {"det", "prep"}))

    def _subject_before(self, i: int, s: int) -> Range | None:
        """The speaker-like subject at the start of the sentence, if the
        noun stands later in its clause ("X bekräftigte seine Forderung")."""
        phrase = self.phrases.np_after(s, i, s)
        if phrase is None or phrase[1] >= i or not self.sources.speaker_like(phrase):
            return None
        if self.tokens.finite_verb(phrase[1]) or self._concluding_support_verb(phrase[1], i + 1):
            return phrase
        # a verb-second clause has one constituent before its finite verb: with
        # a noun phrase at its start, the whole front field is the subject
        # ("Die Schutzvereinigung für Wertpapierbesitz (DSW) ist der Ansicht")
        verb = next((m for m in range(phrase[1], min(i, phrase[1] + 6))
                     if self.tokens.finite_verb(m) or self.doc.words[m] == ","), -1)
        return (s, verb) if verb > 0 and self.doc.words[verb] != "," else None

    def evidential_claim(self, s: int, e: int) -> Claim | None:
        """ "Diese Entwicklung ist eines von mehreren Indizien dafür, dass …",
        "wurden durch Satellitenbilder Anzeichen dafür festgestellt, dass …":
        the evidence is the source ("durch X", else the subject), the noun
        the cue."""
        words, lower = self.doc.words, self.doc.lower
        for i in self.doc.tokens_in(self.doc.token_hits("evidential", EVIDENTIAL_NOUNS.__contains__), s, e - 3):
            if not words[i][:1].isupper() or lower[i + 1] not in POINTERS:
                continue
            comma = next((m for m in range(i + 2, min(e, i + 5)) if words[m] == ","), -1)
            message = self.complement_at(comma, e) if comma > 0 else None
            if message is None or lower[message[0]] not in COMPLEMENTIZERS:
                continue
            source = None
            for k in range(s, i):
                if lower[k] == "durch":
                    source = self.phrases.np_after(k + 1, i, s, allow_pron=False)
                    break
            if source is None:
                subject = self.phrases.np_after(s, i, s)
                if subject is not None and self.tokens.finite_verb(subject[1]):
                    source = subject
            return Claim(parts=[message], attribution=Attribution.INDIRECT, source=source, cue=(i, i + 1),
                         hedged=self.features.hedged(*message), score=NOUN_CUE_SCORE, kind="evidential")
        return None

    # ------------------------------------------------------------ phrase cues
    def phrase_claim(self, s: int, e: int) -> Claim | None:
        """A predicate with a speaker-like subject before a reported complement."""
        if self.features.question(s, e):
            return None  # a question asserts nothing (issue 13)
        for k in self.doc.tokens_in(self.doc.token_hits("comma", COMMA.__contains__), s + 2, e - 2):
            message = self.complement_at(k, e)
            if message is None or self._in_subordinate_clause(k, s):
                continue
            speaker = self._head_speaker(s, k)
            if speaker is None or any(self.doc.lower[m] in CONSECUTIVE for m in range(s, k)):
                return None  # "erlitt so schwere Verletzungen, dass …": a consequence, not a report
            source, verb = speaker
            if self.doc.lower[verb] in self.doc.lex.konj1:
                return None  # "Die IAEO gehe davon aus, dass …": the host is reported speech itself
            if self.doc.lower[message[0]] == "ob" and self.doc.lower[verb] in COPULA:
                return None  # "Unklar ist, ob …": an open question, nobody's claim
            if self.doc.lower[verb] in NEGATABLE_MODALS and any(
                    self.doc.lower[m] in ("nicht", "nie", "niemals", "keineswegs") for m in range(verb + 1, k)):
                return None  # "wollte nicht bestätigen, dass …": the act was refused, nothing asserted
            if self._relative_clause(*message) and not self.doc.lex.verbs.get(self.doc.lower[verb]):
                # "Die Leichen hätten nahe einem Hotel gelegen, das … gewesen sei": the
                # clause describes the noun before it; only a speech act's object
                # ("berichtet von einem Ventil, das … bewogen habe") makes it content
                return None
            # the cue is the predicate up to the complement when the subject
            # stands before it: "hält es für unwahrscheinlich", "sind besorgt"
            cue = (verb, self.clauses._trim(verb, k)) if source[1] <= verb and k - verb <= 6 else (verb, verb + 1)
            return Claim(parts=[message], attribution=Attribution.INDIRECT, source=source, cue=cue,
                         hedged=self.features.hedged(*message) or self.features.hedged(s, k),
                         score=PHRASE_CUE_SCORE, kind="phrase")
        return None

    def _relative_clause(self, start: int, end: int) -> bool:
        """Does a relative pronoun open start..end and its verb stand last?"""
        return end - start > 2 and self.doc.lower[start] in RELATIVE_PRONOUNS and self._konjunktiv1(end - 1) \
            and not any(self.doc.words[m] == "," for m in range(start, end))

    def _concluding_support_verb(self, m: int, k: int) -> bool:
        """ "Die Forscher kommen zu dem Ergebnis, dass …": *kommen* and
        *gelangen* with *zu* + a noun of concluding are one predicate of
        judging (a support-verb construction), also in the strong forms
        ``finite_verb`` does not know."""
        lower = self.doc.lower
        return lower[m] in CONCLUDING_SUPPORT_VERBS and any(
            lower[x] in AIM_NOUNS - INTENT_NOUNS or lower[x] in CONCLUDING_NOUNS for x in range(m + 1, min(k, m + 6)))

    def _in_subordinate_clause(self, k: int, s: int) -> bool:
        """Does the complement at the comma k depend on a subordinate clause
        ("…, nachdem klar war, dass …", "…, um zu verhindern, dass …", "…, was
        daran lag, dass …")? Then its predicate is not the main clause's
        subject's: that subject is no speaker of it."""
        start = self.clauses.clause_start(k, s, at_quotes=False)
        return start > s and (self.doc.lower[start] == "um" or bool(
            self.tokens.fclass(start) & {"sub", "rel", "wh"} and "det" not in self.tokens.fclass(start)))

    def _head_speaker(self, s: int, k: int) -> tuple[Range, int] | None:
        """(subject, finite verb) of the main clause s..k: a speaker-like
        subject before its verb ("Die WHO hält …") or after it ("Dabei
        vertrat X die Ansicht")."""
        lower = self.doc.lower
        verb = next((m for m in range(s, k) if self.doc.quote_of[m] < 0 and (
            self.tokens.finite_verb(m) or self._concluding_support_verb(m, k))), -1)
        first_class = self.doc.lex.fclass(lower[s])
        if verb < 0 or (first_class & {"sub", "rel", "wh"} and "det" not in first_class):
            return None  # a subordinate clause, not a main clause with its speaker
        if verb > s:
            subject = self.phrases.np_after(s, verb, s, coordination=True)
            if subject is not None and subject[1] == verb and not (
                    verb == s + 1 and self.sources.adverb_at_start(s, s)):
                return (subject, verb) if self.sources.speaker_like(subject) and lower[s] not in ("es", "man") \
                    else None
            # "Hinzu kommt, dass …", "Manchmal bringt …": one adverb fills the
            # prefield, the subject (if any) follows the verb
            if verb == s + 1 and lower[verb] in COPULA and lower[s] in DEMONSTRATIVE_SUBJECTS:
                return None  # "Das ist das erste Mal, dass …": the noun after the copula is predicative
        subject = self.sources.subject_after(verb, k, s)
        if subject is not None and self.sources.speaker_like(subject) and lower[subject[0]] not in ("es", "man"):
            return subject, verb
        return None

    # ------------------------------------------------------------ colon statements
    def colon_speaker(self, s: int, colon: int) -> Claim | None:
        """The speaker of a sentence that announces a statement ("Mit Blick auf
        … zeigt sich Selenskyj entschlossen:"): a record of source and cue —
        the predicative word before the colon, else the verb — that the
        following sentences of the paragraph take (not a claim itself)."""
        speaker = self._head_speaker(s, colon)
        if speaker is None:
            return None
        source, verb = speaker
        before = colon - 1
        # the predicative word belongs to the verb's own clause ("zeigt sich
        # entschlossen:"), not to a clause after a comma ("verharrt bei zehn
        # Prozent, während sich Verschiebungen ereigneten:")
        same_clause = self.clauses.clause_end(verb, colon) == colon
        cue = (before, colon) if before > verb and self.doc.words[before][:1].islower() \
            and not self.tokens.fclass(before) and same_clause else (verb, verb + 1)
        return Claim(parts=[(s, colon)], attribution=Attribution.REPORTED, source=source, cue=cue,
                     kind="statement")

    def announces_speech(self, statement: Claim) -> bool:
        """Does a colon sentence hand its speaker to plain indicative sentences
        after it: the speaker's attitude is the word before the colon
        ("zeigt sich entschlossen:"), in an active clause ("wurde er
        vorgestellt:", "wurden angeklagt:" tell what was done to the subject)."""
        s, colon = statement.parts[0]
        cue = statement.cue
        return cue is not None and cue[1] == colon and not any(
            self.doc.lower[m] in PASSIVE_AUX for m in range(s, colon))

    # ------------------------------------------------------------ passive evaluation
    def passive_evaluation(self, s: int, e: int) -> Claim | None:
        """ "X wird von vielen als Signal interpretiert", "…, der von Beobachtern
        als Wendepunkt angesehen wird": the agent of a passive verb of judging
        with "als" is the source, the participle the cue; the claim is the
        clause (a relative clause with the noun it describes)."""
        lower, words = self.doc.lower, self.doc.words
        for k in self.doc.tokens_in(self.doc.token_hits("von", AGENT_PREPOSITIONS.__contains__), s, e - 3):
            if self.doc.quote_of[k] >= 0:
                continue
            agent = self.phrases.np_after(k + 1, e, s, allow_pron=False, appositions=False)
            if agent is None and lower[k + 1] in ("vielen", "manchen", "einigen", "allen", "beobachtern"):
                agent = (k + 1, k + 2)
            if agent is None or agent[1] >= e or lower[agent[1]] != "als":
                continue
            clause_end = self.clauses.clause_end(agent[1], e)
            participle = next((m for m in range(agent[1] + 1, clause_end) if lower[m] in JUDGING_PARTICIPLES), -1)
            if participle < 0 or not any(lower[m] in PASSIVE_AUX for m in range(s, min(e, participle + 3))):
                continue
            start = self.clauses.clause_start(k, s, at_quotes=False)
            if start > s and lower[start] in RELATIVE_STARTS and words[start - 1] == ",":
                head = self.phrases.np_before(start - 1, s, s)  # "ein koordinierter Schritt, der …"
                start = head[0] if head is not None else start
            end = self.clauses.strip_end(start, participle + 1)
            return Claim(parts=[(start, end)], attribution=Attribution.REPORTED, source=agent,
                         cue=(participle, participle + 1), hedged=self.features.hedged(start, end),
                         score=PHRASE_CUE_SCORE, kind="passive-eval")
        return None

    def sentence_subject(self, s: int, e: int) -> Range | None:
        """The speaker-like subject in front of a main clause's finite verb
        (a role, an organisation or a name; not a pronoun)."""
        phrase = self.phrases.np_after(s, e, s, allow_pron=False)
        if phrase is None or phrase[1] >= e or not self.tokens.finite_verb(phrase[1]):
            return None
        lower = self.doc.lower
        if any(self.doc.lex.source_noun_kind(lower[k]) is not None for k in range(*phrase)) \
                or (self.doc.ents and self.sources.speaker_like(phrase)):
            return phrase
        return None

    # ------------------------------------------------------------ attitude frames
    def attitude_claim(self, s: int, e: int) -> Claim | None:
        """A speaker's judgement told by the verb's frame, not by a complement
        clause: "X wertet Y als Erfolg", "X hält Y für unbedenklich", "X rechnet
        mit Y", "X sprach von Y", "X begrüßte Y" — a reported claim of the
        speaker-like subject, the verb its cue."""
        if self.features.question(s, e):
            return None  # a question asserts nothing (issue 13)
        lower = self.doc.lower
        # nearly no token is one of these verbs: only those are looked at (the
        # frame test below drops a token whose head matched but no stem)
        for m in self.doc.tokens_in(self.doc.token_hits("attitude", ATTITUDE_HEADS.__contains__, ATTITUDE_HEAD),
                                    s + 1, e - 1):
            needed = next((word for stems, word in ATTITUDE_FRAMES if lower[m].startswith(stems)), None)
            if needed is None or self.doc.quote_of[m] >= 0 or not self.tokens.finite_verb(m):
                continue
            if self.clauses.attributive_before_noun(m, s, e):
                continue  # "Die oft kritisierte Reform tritt … in Kraft": an adjective, no predicate
            if needed and not any(lower[x] == needed for x in range(m + 1, self.clauses.clause_end(m + 1, e))):
                continue
            speaker = self._head_speaker(s, self.clauses.clause_end(m + 1, e))
            if speaker is None or speaker[1] != m or lower[speaker[0][0]] in ("es", "man"):
                continue
            return Claim(parts=[(s, e)], attribution=Attribution.REPORTED, source=speaker[0], cue=(m, m + 1),
                         hedged=self.features.hedged(s, e), score=0.45, kind="phrase")
        return None
