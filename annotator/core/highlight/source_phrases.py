"""Source phrases: who said it (a rule class over one ``DocState``).

The subject of a reporting verb — in the prefield, after an inverted verb,
the "von X" agent of a passive, the relative pronoun of "…, der … sagte",
a shared subject of coordinated verbs — and whether a phrase can be a
speaker at all (pronoun, role, organisation, document or name).
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.lexicons import VerbForm
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.rules_words import (
    COMPLEMENTIZERS,
    PASSIVE_AUX,
    POSSESSIVES,
    PUNCT,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
)
from annotator.core.highlight.word_classes import WordClasses

# endings of derived common nouns, never of names ("Entwicklung", "Mehrheit")
COMMON_NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "ismus", "nis", "tum", "ment",
                       "erei", "chen", "lein", "ling", "nahme", "gabe")


# endings of abstract nouns (a quality, a doctrine, an act): never a name,
# never a body that speaks, unlike "-ung" (Vereinigung), "-tion" (Delegation),
# "-schaft" (Botschaft), "-tät" (Universität) or "-ment" (Parlament)
ABSTRACT_NOUN_ENDINGS = ("heit", "heiten", "keit", "keiten", "ismus", "nahme", "nahmen", "gabe", "gaben")


# suffixes of word formation that make nouns of persons ("Dezernent",
# "Demonstranten", "Aktivistin", "Direktor", "Politiker", "Kandidat", the
# feminine plural "-innen"); not "-er", which makes as many things as persons
# ("Computer", "Zuschauer" who only watch)
PERSON_NOUN_ENDINGS = ("ent", "enten", "entin", "ant", "anten", "antin", "ist", "isten", "istin", "eur", "eure",
                       "eurin", "or", "oren", "orin", "iker", "ikerin", "loge", "logen", "login", "at", "aten", "atin",
                       "innen")

# a nominalised participle or adjective names persons ("die Beschäftigten",
# "die Gefangenen", "die Angehörigen", "der Angeklagte"): a verb prefix of
# the participle and an adjective's ending (not "die Kosten", "die Rechte")
PARTICIPLE_PREFIXES = ("ge", "be", "ver", "er", "ent", "zer", "an", "ab", "auf", "aus", "ein", "vor")
NOMINALISED_ENDINGS = ("te", "ten", "ene", "enen", "ige", "igen")


# words that start a dative or accusative phrase (or are one), never a subject
NOT_NOMINATIVE = frozenset("ihm ihr ihnen uns den dem einen einem diesen diesem jenen jenem keinen keinem "
                           "seinen seinem ihren ihrem unseren unserem euren eurem denen".split())


# the indefinite article and the quantifying determiners (a closed class): the
# phrase they open counts things of a kind, it never names one
INDEFINITE_ARTICLES = frozenset("ein eine einer eines einem einen mehrere mehreren einige einigen viele vielen manche "
                                "zahlreiche zahlreichen etliche jeder jede jedes".split())


# adverbs that round a number before it ("rund 100", "mehr als 100", "bis zu 100")
APPROXIMATORS = frozenset("rund etwa ungefähr circa ca. fast knapp mindestens wenigstens höchstens nahezu "
                          "gut über mehr weniger als bis zu".split())

# number words that count a noun after them ("zehn Augenzeugen")
NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig "
                         "fünfzig hundert tausend dutzende hunderte tausende".split())


# the finite forms of causative "lassen" ("ließ mitteilen", "lässt erklären")
LASSEN = frozenset("lasse lässt lassen lasst ließ ließen ließe ließest".split())


# after these a capitalised word may start a sentence of its own
OPENERS = frozenset(("„", "\"", "»", "«", "‚", "(", ":", "–", "-"))


# adverbs that set a clause against the one before and may follow its subject
ADVERSATIVE = frozenset("dagegen hingegen jedoch aber wiederum indes allerdings".split())


# the forms of "sein" that make a stative passive with a participle
SEIN_FORMS = frozenset("ist sind war waren sei seien wäre wären".split())
# reporting verbs that form their perfect with "sein" (intransitives of motion
# and change: "ist von einem Unfall ausgegangen", "ist der Empfehlung gefolgt")
SEIN_PERFECT_LEMMAS = frozenset("ausgehen eingehen folgen übereinkommen zurückkommen".split())


class VerbClause(NamedTuple):
    """A reporting verb in its sentence: the verb, its finite part (the
    auxiliary of a participle), the sentence and clause bounds, the
    separated particle (or -1)."""

    verb: int
    finite: int
    sent_start: int
    end: int
    clause_start: int
    particle: int


class Found(NamedTuple):
    """A decided subject search: ``span`` is the subject, or None when the
    rule that decided found none."""

    span: Range | None


class SourcePhrases:
    """Subjects of reporting verbs and the speaker test."""

    def __init__(self, doc: DocState, tokens: WordClasses, clauses: Clauses, phrases: NounPhrases) -> None:
        self.doc = doc
        self.tokens = tokens
        self.clauses = clauses
        self.phrases = phrases
        self._text: str | None = None  # the words joined, for the adverb test
        self._starts: frozenset[int] = frozenset()

    FOCUS = frozenset("auch nur selbst sogar ebenso allein gerade besonders zudem ebenfalls einzig lediglich "
                      "ausgerechnet insbesondere".split())

    # ------------------------------------------------------------ sources
    def subject_after(self, vi: int, e: int, s: int, particle: int = -1) -> Range | None:
        """Subject after an (inverted) verb: "…, sagte der Sprecher des Amtes"."""
        j = vi + 1
        stop = e
        # skip adverbs / reflexive
        while j < stop and (self.doc.lower[j] in (
                "auch", "nun", "zudem", "dazu", "außerdem", "jetzt", "sich", "heute",
                "gestern", "später", "weiter", "ebenfalls", "noch", "bereits", "daraufhin")
                or self.doc.lower[j] in self.FOCUS):
            j += 1  # a focus particle ("erklärten nur die Gefängnisse") stands before the subject
        # after the verb "von den Partnern" is an object, "von HRW" an affiliation
        # a plural verb may have coordinated subjects: "erklärten SPD und Linke"
        plural = self.doc.lower[vi].endswith("en")
        # after the verb "in Berlin" after a name is where it was said ("sagte Stolpe in Berlin")
        np_ = self.phrases.np_after(j, stop, s, no_det_pp=True, coordination=plural, after_verb=True)
        if np_ is None and j + 1 < stop and self.doc.lower[j] == "es":
            # "sah es Köhler als Aufgabe an, …": "es" is the object (the
            # clause's correlate), a speaker right after it the subject
            after = self.phrases.np_after(j + 1, stop, s, no_det_pp=True, coordination=plural, after_verb=True)
            if after is not None and self.speaker_like(after) and self.doc.lower[after[0]] not in SUBJECT_PRONOUNS:
                np_ = after
        if np_ is None:
            return None
        if self.doc.lower[np_[0]] in NOT_NOMINATIVE:
            return None  # "… unterstreicht den zunehmenden Bedarf": an object is never the speaker
        return np_

    def subject_of(self, vi: int, vf: VerbForm, s: int, e: int, particle: int = -1) -> Range | None:
        """Subject of a main clause with the (finite or participle) verb at vi."""
        clause_start = self._inline_quote_start(vi, s, self.clauses.clause_start(vi, s))
        finite = vi
        # a verb at the end of its clause after an auxiliary is a participle
        # even when its form is also finite ("hatte … beschlossen ,")
        clause_final = (vi + 1 >= e or self.doc.words[vi + 1] in (",", ".", ";", ":")) and any(
            form.kind == "part" for form in self.doc.lex.verbs.get(self.doc.lower[vi], ()))
        if vf.kind == "part" or vf.form.endswith("t") or clause_final:
            aux = self.clauses.aux_before(vi, clause_start)
            if aux < 0 and clause_final and clause_start == vi and vi - 1 > s and self.doc.words[vi - 1] == ",":
                # "hatte ein Talibanführer, Baitullah Mehsud, erklärt, …": an
                # apposition stands between the auxiliary and the participle
                aux = self.clauses.aux_before(vi, s)
                if aux >= 0 and self.clauses.clause_start(aux, s) < aux:
                    return self._midfield_subject(aux, vi, s)
            if aux >= 0:
                finite = aux
                lower = self.doc.lower
                if lower[aux] in PASSIVE_AUX or (vi + 1 < e and lower[vi + 1] in ("worden", "werden")):
                    return self._passive_source(vi, vf, s, clause_start, aux)
                if lower[aux] in SEIN_FORMS and vf.lemma not in SEIN_PERFECT_LEMMAS:
                    # "ist die Stadtverwaltung aufgefordert, …": a speech verb forms its
                    # perfect with "haben", so "sein" + participle is the stative
                    # passive, whose subject is the one spoken to
                    return self._passive_source(vi, vf, s, clause_start, aux)
        if finite == vi and any(form.kind == "inf" for form in self.doc.lex.verbs.get(self.doc.lower[vi], ())):
            finite = self._causative_finite(vi, clause_start)
        clause = VerbClause(vi, finite, s, e, clause_start, particle)
        found = self._clause_subject(clause) or self._object_first_subject(clause)
        if found is not None:
            return found.span
        return self._prefield_subject(clause)

    def _causative_finite(self, vi: int, clause_start: int) -> int:
        """ "Über einen Sprecher ließ der Minister mitteilen, …": the finite
        *lassen* before a speech infinitive is the clause's verb in second
        place; its subject is the speaker."""
        for k in range(vi - 1, clause_start - 1, -1):
            if self.doc.lower[k] in LASSEN and self.doc.quote_of[k] < 0:
                return k
        return vi

    def _inline_quote_start(self, vi: int, s: int, clause_start: int) -> int:
        """ "… wird die Gefahr vom Wetterdienst als „sehr hoch“ eingestuft": a
        quoted predicative after "als" is inside the clause, not the start of
        a new one, so the auxiliary before it is the verb's."""
        quote_of = self.doc.quote_of
        if clause_start != vi or vi - 1 <= s or quote_of[vi - 1] < 0:
            return clause_start
        opener = self.doc.quotes[quote_of[vi - 1]][0]
        if self.doc.quotes[quote_of[vi - 1]][1] != vi - 1 or opener - 1 <= s or quote_of[opener - 1] >= 0 \
                or self.doc.lower[opener - 1] != "als":
            return clause_start
        return self.clauses.clause_start(opener, s)

    def _passive_source(self, vi: int, vf: VerbForm, s: int, clause_start: int, aux: int) -> Range | None:
        """Passive: the "von X" agent ("durch X", "seitens X", "von Seiten X"),
        if any (not the topic of "wird von X
        ausgegangen / gesprochen / berichtet"), or a document or organisation
        in a leading PP ("In einer Presseerklärung wurde verkündet, dass …")."""
        lower = self.doc.lower
        if vf.lemma not in ("ausgehen", "sprechen", "berichten"):
            # the last "von" before the participle: an earlier one may belong to a
            # noun ("die Gefahr von Waldbränden vom Wetterdienst … eingestuft")
            for k in range(vi - 1, clause_start - 1, -1):
                if lower[k] in ("von", "vom", "durch", "seitens", "seiten") and self.doc.quote_of[k] < 0:
                    if lower[k] == "seiten" and not (k - 1 >= clause_start and lower[k - 1] == "von"):
                        continue
                    if lower[k] == "von" and self._noun_attribute_von(k, clause_start):
                        continue
                    agent = self.phrases.np_after(k + 1, vi, s, allow_pron=False)
                    if agent is not None:
                        if k == s and self.phrases.prefield_pp_end(agent[1], aux + 1) == aux:
                            # "Von den Behörden in beiden Staaten wird angenommen": the
                            # agent fills the prefield, its PP belongs to it
                            return (agent[0], aux)
                        return agent
        if vf.lemma == "zitieren":
            return self._quoted_subject(vi, s, clause_start, aux)
        if clause_start == aux and aux - 1 > s and self.doc.words[aux - 1] == ",":
            # "In einer Presseerklärung, die … veröffentlicht wurde, wurde verkündet":
            # a relative clause between the leading PP and the auxiliary
            opening = next((k for k in range(s + 2, aux - 1) if self.doc.words[k] == ","), -1)
            if opening > 0 and lower[opening + 1] in RELATIVE and lower[s] in ("in", "im", "auf", "aus"):
                clause_start, aux = s, opening
        if lower[clause_start] in ("in", "im", "auf", "aus") and clause_start + 1 < aux:
            pp = self.phrases.np_after(clause_start + 1, aux, s, allow_pron=False)
            if pp is not None and pp[1] == aux and any(
                    self.doc.lex.source_noun_kind(lower[x]) in ("document", "org") for x in range(pp[0], pp[1])):
                return pp
        return self._midfield_document(aux, vi, s)

    def _midfield_document(self, aux: int, vi: int, s: int) -> Range | None:
        """ "Alle US-Beamten wurden am Samstag in einer Anweisung der US-Botschaft
        aufgefordert, …": an agentless passive names where it was said in a PP
        of "in" and a document between its auxiliary and its participle (not
        an organisation: "im Parlament" there is a place)."""
        lower = self.doc.lower
        for k in range(aux + 1, vi - 1):
            if lower[k] not in ("in", "im") or self.doc.quote_of[k] >= 0:
                continue
            pp = self.phrases.np_after(k + 1, vi, s, allow_pron=False)
            if pp is not None and any(self.doc.lex.source_noun_kind(lower[x]) == "document" for x in range(*pp)):
                return pp
        return None

    def _noun_attribute_von(self, k: int, clause_start: int) -> bool:
        """Does the "von" at k follow the head of an article's noun phrase that
        stands on its own in the middle field ("wird der Ausbruch von Cholera
        befürchtet", "wurde … die anhaltende Diskriminierung von Frauen
        kritisiert")?  Then it is that noun's attribute (the genitive's
        stand-in), not the passive's agent; inside a PP the noun is a place or
        time and the "von" after it the agent ("wurde im Parlament von der
        Opposition kritisiert").  Only before a noun without article: "von"
        stands in for a genitive that no article can show; with one the
        genitive itself is used, so "ein Besuch von der Junta … abgelehnt"
        names the agent."""
        if k + 1 < self.doc.n and "det" in self.doc.lex.fclass(self.doc.lower[k + 1]):
            return False
        h = k - 1
        if h <= clause_start or not self.doc.words[h][:1].isupper() or self.doc.lex.fclass(self.doc.lower[h]):
            return False
        j = h - 1
        while j > clause_start and self.tokens.is_adjlike(j):
            j -= 1
        if j < clause_start or "det" not in self.doc.lex.fclass(self.doc.lower[j]):
            return False
        return j == clause_start or "prep" not in self.doc.lex.fclass(self.doc.lower[j - 1])

    def past_addressee(self, subject: Range, e: int) -> int:
        """Where the clause goes on after an inverted verb's subject and the
        dative it speaks to: "…, sagte er der Zeitung", "…, sagte der Minister
        dem Sender".  "dem/einem" is a dative; "der/einer" after a pronoun or
        a bare name too (neither takes a genitive attribute after it)."""
        lower, b = self.doc.lower, subject[1]
        if b + 1 >= e or self.doc.quote_of[b] >= 0:
            return b
        pronoun = subject[1] - subject[0] == 1 and (lower[subject[0]] in SUBJECT_PRONOUNS
                                                    or self.phrases.lone_name(subject[0], subject[1]))
        if not (lower[b] in ("dem", "einem") or lower[b] in ("der", "einer") and pronoun):
            return b
        addressee = self.phrases.np_after(b, e, subject[0], allow_pron=False, appositions=False)
        return addressee[1] if addressee is not None else b

    def _quoted_subject(self, vi: int, s: int, clause_start: int, aux: int) -> Range | None:
        """ "Der Minister wird mit den Worten zitiert, …", "In der Zeitung wird
        der Minister zitiert, …": the passive of *zitieren* makes the quoted
        speaker its subject, so without a "von"-agent the subject speaks — in
        the prefield, or right after the auxiliary when a PP fills it."""
        lower = self.doc.lower
        if clause_start < aux and not self.doc.lex.fclass(lower[clause_start]) & {"prep", "adv", "sub", "wh"}:
            phrase = self.phrases.np_after(clause_start, aux, s, allow_pron=True)
            if phrase is not None and phrase[1] == aux and lower[phrase[0]] not in NOT_NOMINATIVE \
                    and self.speaker_like(phrase):
                return phrase
            return None
        after = self.subject_after(aux, vi, s)
        if after is not None and self.speaker_like(after):
            return (after[0], self.clauses._trim(after[0], after[1]))
        return None

    def _clause_subject(self, c: VerbClause) -> Found | None:
        """Subjects decided by the clause the verb stands in: a verb first,
        coordinated verbs or clauses, a relative pronoun, a verb-final
        subordinate clause."""
        words, lower = self.doc.words, self.doc.lower
        vi, fin, s = c.verb, c.finite, c.sent_start
        if fin == s:
            return Found(self.subject_after(fin, c.end, s, c.particle))
        if fin == vi and vi - 1 > s and lower[vi - 1] in ("und", "aber", "sowie") and self.doc.quote_of[vi - 1] < 0:
            # coordinated verbs share the subject: "X sprach sich dagegen aus und sagte, …"
            k = s
            while k < vi and lower[k] in self.FOCUS:
                k += 1
            first = self.phrases.np_after(k, vi, s)
            if first is not None and not (self.doc.lex.fclass(lower[k]) & {"prep", "sub", "adv"}) \
                    and not ("det" in self.tokens.fclass(k) and lower[k] in ("den", "dem", "einen", "einem")):
                return Found(first)
            if self.doc.lex.fclass(lower[k]) & {"prep", "adv"}:
                # "Unter Berufung auf X wandte sich Selenskyj … und bezeichnete …":
                # the first verb is inverted, its subject follows it
                verb = next((m for m in range(k + 1, vi - 1) if self.tokens.finite_verb(m)), -1)
                if verb < 0 and "prep" in self.doc.lex.fclass(lower[k]):
                    # a verb form the lexicon lacks ("In seiner Stellungnahme befand X …"):
                    # the verb is second, right after the prepositional phrase
                    pp = self.phrases.np_after(k + 1, vi, s, allow_pron=False, appositions=False)
                    verb = pp[1] if pp is not None and pp[1] < vi - 1 and words[pp[1]][:1].islower() else -1
                after = self.subject_after(verb, vi, s) if verb > 0 else None
                if after is not None and self.speaker_like(after):
                    return Found(after)
        cs = c.clause_start
        if cs > s and fin == cs + 1 and lower[cs] == "so" and words[cs - 1] == ",":
            # "…, so bestätigt das Gericht": "so" fills the prefield, the subject follows the verb
            return Found(self.subject_after(fin, c.end, s, c.particle))
        if cs > s and lower[cs] in ("und", "aber", "doch", "sondern", "denn") and cs + 1 < fin:
            sub = self.phrases.np_after(cs + 1, fin, s)  # "…, und die Flugrouten deuten darauf hin"
            if sub is not None and sub[1] >= fin - 1:
                return Found(sub)
        verb_final = vi + 1 >= c.end or words[vi + 1] in (",", ".", ";", ":") or (0 <= c.particle < vi) \
            or False and self._aux_final(vi, c.end)
        if cs > s and verb_final and fin == vi and words[cs - 1] == "," and cs + 2 < vi \
                and "prep" in self.doc.lex.fclass(lower[cs]) and lower[cs + 1] in RELATIVE \
                and not (self.tokens.is_nounlike(cs + 2, s) or self.tokens.is_adjlike(cs + 2)):
            # "…, in dem er verlangte, dass …": after a preposition and a relative
            # pronoun the clause's subject comes next, not the sentence's subject
            sub = self.phrases.np_after(cs + 2, vi, s)
            if sub is not None and self.speaker_like(sub) and lower[sub[0]] not in NOT_NOMINATIVE:
                return Found(sub)
        if verb_final and fin == vi:
            sub = self._unmarked_relative_subject(c)
            if sub is not None:
                return Found(sub)
        if cs > s and verb_final and lower[cs] in RELATIVE and words[cs - 1] == "," and cs + 1 <= vi \
                and not (self.tokens.is_nounlike(cs + 1, s) or self.tokens.is_adjlike(cs + 1)) \
                and lower[cs] not in ("den", "dem", "denen"):
            return Found((cs, cs + 1))  # "…, der die Regierung aufgefordert hatte, …": the relative pronoun
        if cs > s and verb_final and fin == vi and lower[cs] in RELATIVE and words[cs - 1] == "," and cs + 1 < vi:
            # "Die Alternative, die Roßberg nannte, …": a phrase after the relative
            # pronoun up to the verb is the clause's subject, the pronoun its object
            sub = self.phrases.np_after(cs + 1, fin, s)
            if sub is not None and sub[1] == fin and self.speaker_like(sub):
                return Found(sub)
        if fin == vi and not verb_final:
            sub = self._coordinated_clause_subject(c)
            if sub is not None:
                return Found(sub)
        if cs < vi and self.doc.lex.fclass(lower[cs]) & {"sub"} and lower[cs] != "wie" and cs + 1 < vi \
                and verb_final:
            sub = self.phrases.np_after(cs + 1, vi, s)  # verb-final subordinate clause: "Als X sagte, dass …"
            if sub is not None:
                return Found(sub)
        return None

    def _unmarked_relative_subject(self, c: VerbClause) -> Range | None:
        """ "Der Mann hinterließ einen Zettel in dem er verlangte, dass …": a
        preposition and a relative pronoun open a verb-final clause even where
        the writer left out its comma; the phrase between the pronoun and the
        verb is that clause's subject, not the sentence's."""
        words, lower, vi = self.doc.words, self.doc.lower, c.verb
        for k in range(vi - 2, max(c.clause_start, vi - 8), -1):
            if words[k] in PUNCT or self.doc.quote_of[k] >= 0:
                return None
            if lower[k] in RELATIVE and words[k][:1].islower() and "prep" in self.doc.lex.fclass(lower[k - 1]) \
                    and not (self.tokens.is_nounlike(k + 1, c.sent_start) or self.tokens.is_adjlike(k + 1)):
                if any(self.tokens.finite_verb(x) for x in range(k + 1, vi)):
                    return None
                sub = self.phrases.np_after(k + 1, vi, c.sent_start)
                if sub == (k + 1, vi) and self.speaker_like(sub) and lower[sub[0]] not in NOT_NOMINATIVE:
                    return sub
                return None
        return None

    def _midfield_subject(self, aux: int, vi: int, s: int) -> Range | None:
        """The subject between an auxiliary after the prefield and a participle
        after an apposition: "Vor kurzem hatte ein Talibanführer auf
        pakistanischer Seite, Baitullah Mehsud, erklärt" — the phrase, its PP
        and the apposition up to the comma before the participle."""
        sub = self.subject_after(aux, vi - 1, s)
        if sub is None:
            return None
        words, b = self.doc.words, sub[1]
        comma = next((k for k in range(b, vi - 1) if words[k] == ","), -1)
        if comma < 0 or not (comma == b or "prep" in self.doc.lex.fclass(self.doc.lower[b]) and not any(
                self.tokens.finite_verb(k) or words[k] in PUNCT for k in range(b, comma))):
            return sub
        apposition = self.phrases.np_after(comma + 1, vi - 1, s, allow_pron=False)
        if apposition == (comma + 1, vi - 1) and self.speaker_like(apposition):
            return (sub[0], vi - 1)
        return sub

    def _aux_final(self, vi: int, e: int) -> bool:
        """A participle or infinitive before the clause's finite auxiliary at its
        end ("…, nachdem die Partei entschieden hatte, …") stands verb-final."""
        return vi + 1 < e and "aux" in self.tokens.fclass(vi + 1) and self.doc.quote_of[vi + 1] < 0 \
            and (vi + 2 >= e or self.doc.words[vi + 2] in (",", ".", ";", ":"))

    def _coordinated_clause_subject(self, c: VerbClause) -> Range | None:
        """ "…, und die Hongkonger befürchten, dass …": the subject after "und"
        of a coordinated main clause, when a clause with its own verb stands
        before it."""
        words, lower, vi, s = self.doc.words, self.doc.lower, c.verb, c.sent_start
        for k in range(vi - 1, max(s, vi - 8), -1):
            if lower[k] in ("und", "aber", "doch") and self.doc.quote_of[k] < 0:
                has_verb = any("aux" in self.tokens.fclass(x)
                               or (lower[x] in self.doc.lex.verbs and words[x][:1].islower())
                               for x in range(s, k))
                sub = self.phrases.np_after(k + 1, vi, s)
                if has_verb and sub is not None and sub[1] >= vi - 1 and k > s:
                    return sub
                return None
        return None

    def _object_first_subject(self, c: VerbClause) -> Found | None:
        """An object in front puts the subject after the verb: "Das sagte X",
        "Die Tat bezeichnete er als sinnlos", "Den Plan lehnte sie ab"."""
        lower, fin, s, e = self.doc.lower, c.finite, c.sent_start, c.end
        if fin - s == 1 and lower[s] in ("das", "dies", "dieses", "diese", "was", "dem", "den"):
            after = self.subject_after(fin, e, s, c.particle)
            if after is None and lower[s] in ("dies", "dieses", "diese") and fin + 1 < e \
                    and self.doc.words[fin + 1] == ",":
                # "Diese besagt, dass …": no subject can follow a verb right before its
                # complement, so the demonstrative in front is the subject, not an object
                return Found((s, s + 1))
            return Found(after)
        if fin + 1 < e and lower[fin + 1] in ("er", "man", "wir", "ich") and self.doc.quote_of[fin + 1] < 0:
            return Found((fin + 1, fin + 2))
        if lower[s] in ("den", "dem", "einen", "einem", "diesen", "diesem"):
            if fin + 1 < e and lower[fin + 1] == "sie":
                return Found((fin + 1, fin + 2))
            return Found(self.subject_after(fin, e, s, c.particle))
        return None

    def _prefield_subject(self, c: VerbClause) -> Range | None:
        """The prefield as subject: the whole stretch from the sentence start
        (appositions may contain commas) when it looks like one; a PP, adverb
        or subordinate clause in front puts the subject after the verb."""
        words, lower, fin, e = self.doc.words, self.doc.lower, c.finite, c.end
        s = c.sent_start
        for k in range(fin - 1, s, -1):
            if words[k] == ":" and self.doc.quote_of[k] < 0:
                # "Hochwasser an der Oder: Behörden rechnen mit …": a colon ends a
                # label (a headline's topic); the verb's clause starts after it
                s = k + 1
                break
        while s < fin - 1 and lower[s] in self.FOCUS:
            s += 1  # "Auch das Außenministerium kritisierte …"
        first_word = lower[s]
        if first_word in ("ende", "anfang", "mitte") and s + 1 < fin and lower[s + 1] in TIME_WORDS:
            # "Ende Januar verkündete der Verband …": a time adverbial fills the prefield
            return self.subject_after(fin, e, s, c.particle)
        correlated = self._correlated_subject(s, fin) or self._counted_subject(s, fin)
        if correlated is not None:
            return correlated
        cls = self.doc.lex.fclass(first_word)
        if cls & {"prep", "sub", "adv", "conj", "wh"} and "det" not in cls or first_word in self.doc.lex.frames \
                or (words[s][:1].isdigit()) or self.doc.lex.mostly_lowercase(first_word) and "det" not in cls \
                and first_word not in SUBJECT_PRONOUNS and not (
                    first_word.endswith(("e", "en", "er", "es")) and s + 1 < fin and self.tokens.is_nounlike(s + 1, s)):
            if first_word in SUBJECT_PRONOUNS:
                return (s, s + 1)
            return self.subject_after(fin, e, s, c.particle)
        phrase = self.phrases.np_after(s, fin, s, coordination=True)
        if phrase is None:
            return self.subject_after(fin, e, s, c.particle)
        a, b = phrase
        if self._quoted_prefield(phrase, c):
            # "„Wir schaffen das“, sagte Merkel, „auch wenn …“": a quotation
            # before the comma is what was said, the speaker follows the verb
            return self.subject_after(fin, e, s, c.particle)
        if b >= fin - 1:
            if self._lone_adverb(phrase, c):
                after = self.subject_after(fin, e, s, c.particle)
                if after is not None and self.speaker_like(after) and not self._derived_head(after) \
                        and (self._met_elsewhere(s) or self._named_speaker(after)):
                    return after
                if after is None and fin + 1 < e and lower[fin + 1] in ("es", "man"):
                    # "Hier stellte es fest, …": the adverb fills the prefield and the
                    # subject right after the verb is a pronoun that names no speaker
                    return None
            if (not self.speaker_like(phrase) or self._derived_head(phrase)) and fin == c.verb:
                # "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal":
                # a non-speaker in front, a name right after the verb
                after = self.subject_after(fin, e, s, c.particle)
                if after is not None and self.speaker_like(after) and not self.tokens.fclass(after[0]):
                    return after
            return (a, self.clauses._trim(a, b))
        if self._prefield_apposition(a, b, c):
            return (a, fin - 1)  # "Der Kandidat des Front de gauche, Jean-Luc Mélenchon, hat …"
        if words[b] == "," and b + 1 < fin and lower[b] == "," or (words[b] == "," and lower[b + 1] in RELATIVE
                                                                   and words[fin - 1] == ","):
            return phrase  # "Die Organisation, die …, erklärte"
        if a == c.sent_start and self.phrases.prefield_pp_end(b, e) == fin:
            if self._derived_head(phrase) and fin == c.verb:
                # "Die Entwicklung im Iran verglich Merkel mit …": the PP belongs
                # to an object in front, the name after the verb is the subject
                after = self.subject_after(fin, e, s, c.particle)
                if after is not None and self.speaker_like(after) and not self.tokens.fclass(after[0]):
                    return after
            return (a, fin)  # "Die Behörden in beiden Staaten erklärten"
        if lower[b] in ("und", "sowie", "oder") and b + 1 < fin:
            sub = self.phrases.np_after(b + 1, fin, s)
            if sub is not None and sub[1] >= fin - 1:
                return (a, self.clauses._trim(a, sub[1]))
        if all("adv" in self.doc.lex.fclass(lower[k]) for k in range(b, fin)):
            return phrase  # "Die Kanadier hingegen"
        if c.clause_start == fin and words[fin - 1] == ",":
            # "Y sei …, sagte X": the subject follows the verb; if nothing
            # follows, the verb continues the sentence's subject
            # ("X monieren …, sprechen aber davon, …")
            return self.subject_after(fin, e, s, c.particle) or self._asyndetic_subject(fin, s) or phrase
        if b < fin - 1 and words[fin - 1] != ",":
            # "Die Aktivisten … machen X verantwortlich, die Nachrichtenagentur
            # „Sana“ dagegen spricht von …": the phrase in front belongs to an
            # earlier clause; the verb's own subject follows the last comma
            return self._asyndetic_subject(fin, s, adverbs=True) or phrase
        return phrase

    def _quoted_prefield(self, phrase: Range, c: VerbClause) -> bool:
        """Is the phrase in front a whole quotation, closed by a comma right
        before the finite verb?  A quoted name as subject stands without the
        comma ("„Der Spiegel“ berichtete") or after an article."""
        a, b = phrase
        quote = self.doc.quote_of[a]
        if quote < 0 or self.doc.quotes[quote][0] != a or c.clause_start != c.finite:
            return False
        close = self.doc.quotes[quote][1]
        return close + 2 == c.finite and self.doc.words[close + 1] == "," and b >= close

    # the first half of a correlative conjunction, and the words that open its second half
    CORRELATIVES = {"sowohl": ("als",), "weder": ("noch",), "entweder": ("oder",)}

    def _correlated_subject(self, s: int, fin: int) -> Range | None:
        """ "Sowohl die Regierung als auch die Opposition erklärten": a
        correlative conjunction joins two phrases into the one constituent
        before the finite verb, the subject."""
        lower = self.doc.lower
        second = self.CORRELATIVES.get(lower[s])
        if second is None or fin - s < 4:
            return None
        first = self.phrases.np_after(s + 1, fin, s, appositions=False)
        if first is None or first[1] >= fin or lower[first[1]] not in second:
            return None
        k = first[1] + 1
        if k < fin and lower[k] == "auch":
            k += 1  # "als auch"
        last = self.phrases.np_after(k, fin, s, appositions=False)
        if last is None or last[1] != fin or not (self.speaker_like(first) or self.speaker_like(last)):
            return None
        return (s, fin)

    def _counted(self, s: int, fin: int) -> int:
        """The number opening the prefield (past adverbs that round it), or -1."""
        words, lower = self.doc.words, self.doc.lower
        k = s
        while k < fin - 2 and lower[k] in APPROXIMATORS:
            k += 1
        return k if (words[k][:1].isdigit() or lower[k] in NUMBER_WORDS) and k + 1 < fin else -1

    def _counted_subject(self, s: int, fin: int) -> Range | None:
        """ "Rund 100 Demonstranten forderten", "Mehr als 100 Wissenschaftler
        warnten", "Mindestens zehn Augenzeugen berichteten": a number (after an
        adverb that rounds it) and the noun it counts fill the prefield; they
        are the subject."""
        k = self._counted(s, fin)
        if k < 0:
            return None
        counted = self.phrases.np_after(k + 1, fin, s, allow_pron=False)
        if counted is None or counted[1] != fin or not self.tokens.is_nounlike(counted[1] - 1, s):
            return None
        return (s, fin)

    def _lone_adverb(self, phrase: Range, c: VerbClause) -> bool:
        """ "Offiziell geht die Regierung davon aus", "Hier stellte das Gericht
        fest": one capitalised word alone before the finite verb that the
        text never capitalises inside a sentence is no noun (German writes
        every noun and name capitalised wherever it stands), so it is an
        adverb filling the prefield and the subject follows the verb."""
        a, b = phrase
        return b == a + 1 and self.adverb_at_start(a, c.sent_start)

    def adverb_at_start(self, a: int, sent_start: int) -> bool:
        """The word at a, the first of its sentence, is such an adverb (also
        for the complement rules: "Hinzu kommt, dass …")."""
        word = self.doc.lower[a]
        if a != sent_start or self.doc.quote_of[a] >= 0 or is_acronym(self.doc.words[a]) \
                or self.doc.lex.fclass(word) or word in SUBJECT_PRONOUNS \
                or self.doc.lex.source_noun_kind(word) is not None:
            return False
        return self._never_capitalised_inside(a)

    def _met_elsewhere(self, a: int) -> bool:
        """Does the word at a occur anywhere else in the text?"""
        word = self.doc.lower[a]
        return self.doc.lower.count(word) > 1

    def _named_speaker(self, span: Range) -> bool:
        """Is the phrase after the verb a speaker by the lexicons (a role,
        body or group noun: "die Polizei", "das Gericht"; a document is also
        what is spoken of: "dementierte die Berichte") rather than just
        capitalised?  A word met only once before the verb may be a name said
        once ("Selenskyj kritisierte die Pläne"): then only such a speaker
        after the verb shows it was an adverb ("Derweil erklärte die Polizei")."""
        return any(self.doc.words[k][:1].isupper()
                   and self.doc.lex.source_noun_kind(self.doc.lower[k]) in ("role", "org", "collective")
                   for k in range(*span))

    def _never_capitalised_inside(self, a: int) -> bool:
        """Is the word at a written capitalised nowhere else inside a sentence
        (not after an opening quote or a colon) nor as a compound's first
        part, and lowercase somewhere or nowhere else at all?  A name comes
        back and starts sentences again; an adverb may start one once."""
        words, lower, word = self.doc.words, self.doc.lower, self.doc.lower[a]
        if self._text is None:
            self._text = "\n" + "\n".join(words)  # built once per document, searched in C
            self._starts = frozenset(start for start, _ in self.doc.sents)
        if "\n" + words[a] + "-" in self._text:
            return False  # "Greenpeace-Aktivisten": a noun's compound
        others, small, k = 0, False, -1
        while True:
            try:
                k = lower.index(word, k + 1)
            except ValueError:
                break
            if k == a:
                continue
            others += 1
            if words[k][:1].islower():
                small = True
            elif k not in self._starts and words[k - 1] not in OPENERS:
                return False
        return small or others == 0

    def _prefield_apposition(self, a: int, b: int, c: VerbClause) -> bool:
        """A verb-second clause has one constituent before its finite verb: a
        speaker phrase at the sentence start, then a stretch between commas
        with no finite verb (an apposition, not a relative clause, which ends
        in one) right before the verb — "Alice Kakamara, 30, beschrieb",
        "Der Kandidat des Front de gauche, Jean-Luc Mélenchon, hat …" —
        is all the subject."""
        words, fin = self.doc.words, c.finite
        if a != c.sent_start or b >= fin - 1 or words[fin - 1] != ",":
            return False
        # the phrase may run on before its comma ("des Front de gauche (Linksfront)")
        comma = next((k for k in range(b, fin - 1) if words[k] == ","), -1)
        if comma < 0 or comma + 1 >= fin - 1 or self.doc.lower[b] in RELATIVE:
            return False
        if any(self.tokens.finite_verb(k) or self.doc.lower[k] in ("zu", "um") for k in range(b, fin - 1)):
            return False
        if not (fin - 1 == comma + 2 and words[comma + 1].isdigit()):  # an age: "Alice Kakamara, 30,"
            # a noun phrase naming a speaker, not an adverbial insertion ("…, darunter auch die Bürgerfraktion, …")
            inner = self.phrases.np_after(comma + 1, fin - 1, c.sent_start, allow_pron=False)
            if inner != (comma + 1, fin - 1) or not self.speaker_like(inner):
                return False
        return self.speaker_like((a, b)) and self.subject_after(fin, c.end, c.sent_start, c.particle) is None

    def _asyndetic_subject(self, fin: int, s: int, adverbs: bool = False) -> Range | None:
        """ "X wies dies zurück, die Sprecherin der Grünen, Sandra Boser,
        erklärte: …": a main clause joined by a comma alone; the phrase
        between the comma after a finished clause and the verb is its subject
        (the longest such phrase: appositions included)."""
        words, lower = self.doc.words, self.doc.lower
        commas = [k for k in range(fin - 2, s, -1) if words[k] == "," and self.doc.quote_of[k] < 0][:3][::-1]
        end = fin - 1  # the comma before the verb ("…, die Sprecherin, Sandra Boser, erklärte")
        if adverbs:
            end = fin
            while end - 1 > s and lower[end - 1] in ADVERSATIVE:
                end -= 1  # "die Nachrichtenagentur dagegen spricht"
            if end == fin:
                return None  # without the adverb a comma-joined phrase is as often an object
        for comma in commas:
            k = comma + 1
            sub = self.phrases.np_after(k, end, s, allow_pron=False)
            if sub is None or sub[1] != end or lower[k] in NOT_NOMINATIVE or lower[k] in RELATIVE and \
                    not self.tokens.is_nounlike(k + 1, s) and not self.tokens.is_adjlike(k + 1):
                continue
            if self.speaker_like(sub) and any(self.tokens.finite_verb(x) for x in range(s, comma)):
                return sub
        return None

    def own_speaker(self, s: int, e: int, verbs: list[tuple[int, VerbForm, int]]) -> tuple[Range, int] | None:
        """(subject, verb) of an indicative reporting verb in s..e with a speaker-like subject
        ("…, gab der Außenminister bekannt", "X erklärte hingegen, …"): a
        sentence of continued speech that names its speaker is that
        speaker's, not the one carried from before."""
        for vi, vf, particle in verbs:
            if vf.kind not in ("fin", "part") or vf.cls == "evidence":
                continue
            clause_start = self.clauses.clause_start(vi, s)
            if self.doc.lower[clause_start] in COMPLEMENTIZERS:
                continue  # "Grund dafür sei, dass die USA … befürchten": what was said, not who says it
            aux = self.clauses.aux_before(vi, clause_start)
            if aux >= 0 and self.doc.lower[aux] in self.doc.lex.konj1:
                continue  # "Im Brief habe sich X beschwert": reported speech itself
            subject = self.subject_of(vi, vf, s, e, particle)
            if subject is not None and self.speaker_like(subject) \
                    and self.doc.lower[subject[0]] not in ("es", "man", "er", "sie", "ich", "wir"):
                return subject, vi
        return None

    def passive_patient(self, subject: Range, e: int) -> bool:
        """ "Der gesamte Flughafenbereich wurde … zur rauchfreien Zone erklärt.":
        the subject before a passive "wurde/wird … <participle>" is what the
        act was done to, not who spoke, so continued speech is not carried to
        it.  The main clause must close with a participle ("erklärt",
        "geschlossen"), not an infinitive of the future ("wird … fordern")."""
        fin = subject[1]
        if fin >= e or self.doc.lower[fin] not in PASSIVE_AUX:
            return False
        last = self.clauses.clause_end(fin + 1, e) - 1
        while last > fin and self.doc.words[last] in PUNCT:
            last -= 1
        word = self.doc.lower[last]
        if last <= fin + 1 or not self.doc.words[last][:1].islower():
            return False
        return word == "worden" or word.endswith("t") or (word.startswith("ge") and word.endswith("en"))

    def possessor_speaker(self, claims: list[Claim], s: int, e: int, verbs: list[tuple[int, VerbForm, int]]) -> None:
        """ "X fordert …, bei dem es sich seiner Meinung nach um … handle": the
        possessive frame's owner is the speaker the sentence names with its
        reporting verb, the source instead of "seiner Meinung"."""
        for claim in claims:
            if claim.source is None or claim.source[1] - claim.source[0] != 2 \
                    or self.doc.lower[claim.source[0]] not in POSSESSIVES:
                continue
            own = self.own_speaker(s, e, verbs)
            if own is not None:
                claim.source = own[0]

    def speaker_like(self, span: tuple[int, int]) -> bool:
        """Could this phrase be a speaker: a pronoun, a role/organisation/
        document noun or a name (a capitalised word our word list does not know
        as a common word)?"""
        a, b = span
        if self.doc.ents:
            for ea, eb, label in self.doc.ents:
                if ea < b and eb > a and label in ("PER", "ORG", "PERSON"):
                    return True
        for k in range(a, b):
            lo = self.doc.lower[k]
            if lo in ("er", "sie", "wir", "ich"):
                return True
            if not self.doc.words[k][:1].isupper() or self._genitive_name(k, a):
                continue
            if self.doc.lex.source_noun_kind(lo) is not None or is_acronym(self.doc.words[k]):
                return True
            counts = self.doc.lex.lower.get(lo)
            if (counts is None or (counts[0] == 0 and counts[1] <= self.NAME_MAX_COUNT)) \
                    and not self._counted_head(a, k) and not lo.endswith(ABSTRACT_NOUN_ENDINGS):
                # a rare capitalised word is a name — unless an indefinite
                # article opens its phrase: "ein weiterer Umstand" counts one
                # of many, a name names the one ("Ein weiterer Umstand kommt hinzu:");
                # nor is an abstract noun ("Einigkeit besteht darüber, dass …")
                return True
        return self._bare_name(a, b)

    def common_noun_subject(self, span: Range) -> bool:
        """Is the phrase an article and a common noun ("Der Handel", "die
        gewonnenen Daten", "Ein Erdbeben mit Epizentrum …")?  German
        capitalises every noun, so after an article the capitalised head is a
        noun, and one that names no speaker unless a lexicon knows it as a
        role, body or document; a name after it ("der Linkspolitiker Wolfgang
        Nešković") or an abbreviation in it ("die GdF") names one.  Only the
        plain phrase is judged: an extended attribute ("die in Oberösterreich
        erscheinende …") hides its head."""
        a, b = span
        words, lower = self.doc.words, self.doc.lower
        if "det" not in self.tokens.fclass(a) or lower[a] in POSSESSIVES:
            return False
        k = a + 1
        while k < b and words[k][:1].islower():
            if "prep" in self.doc.lex.fclass(lower[k]):
                return False  # an extended attribute: "die in Oberösterreich erscheinende „Rundschau“"
            k += 1  # past lowercase adjectives
        if k >= b or not words[k][:1].isupper() or any(self.doc.quote_of[j] >= 0 for j in range(a, b)):
            return False  # a quoted title names a paper or a programme ("die „Rundschau am Sonntag“")
        if lower[a] not in INDEFINITE_ARTICLES and not lower[k].endswith(COMMON_NOUN_ENDINGS):
            # a definite article also stands before names of states, parties and
            # alliances ("Die Ukraine forderte …", "die Nato", "Die Grünen"):
            # only an indefinite article or a derived noun's suffix shows the
            # head is a common noun
            return False
        for j in range(k, b):
            word = words[j]
            if not word[:1].isupper():
                continue
            if self.doc.lex.source_noun_kind(lower[j]) is not None or lower[j].endswith(PERSON_NOUN_ENDINGS) \
                    or sum(c.isupper() for c in word) > 1 or nominalised_participle(lower[j]):
                # a speaker noun, a person by word formation ("der Dezernent",
                # "die Beschäftigten"), an abbreviation or a name ("die GdF",
                # "EU-Außenminister", "McDonald")
                return False
            if j > k and words[j - 1][:1].isupper():
                return False  # a name after the head: "der Agrarchemiekonzern Syngenta"
        return True

    def _counted_head(self, a: int, k: int) -> bool:
        """Is the word at k the head noun an indefinite article counts, with
        a word between them ("ein weiterer Umstand", "eine der Optionen")?
        A name later in the phrase ("ein Konsortium um Xyz") is still a name."""
        words, lower = self.doc.words, self.doc.lower
        article = next((j for j in range(k - 2, a - 1, -1) if lower[j] in INDEFINITE_ARTICLES), -1)
        return article >= 0 and not any(words[j][:1].isupper() for j in range(article + 1, k))

    def _derived_head(self, span: Range) -> bool:
        """ "Eine Verschiebung des Wahltermins": the phrase's head is a derived
        noun of an action or state (-ung, -heit, …) no lexicon knows as a
        speaker — with a name after the verb, the name is the subject."""
        a, b = span
        head = next((k for k in range(a, b) if self.doc.words[k][:1].isupper()
                     and "det" not in self.tokens.fclass(k) and not self.tokens.is_adjlike(k)), -1)
        lo = self.doc.lower[head] if head >= 0 else ""
        return lo.endswith(COMMON_NOUN_ENDINGS) and self.doc.lex.source_noun_kind(lo) is None

    def _genitive_name(self, k: int, a: int) -> bool:
        """A name in -s right after a common noun is its genitive attribute,
        not the phrase's head: "Die Entscheidung Russlands" is no speaker."""
        if k - 1 < a or not self.doc.lower[k].endswith("s"):
            return False
        head = self.doc.lower[k - 1]
        return head.endswith(COMMON_NOUN_ENDINGS) and self.doc.lex.source_noun_kind(head) is None

    def _bare_name(self, a: int, b: int) -> bool:
        """Capitalised words without an article, none ever written lowercase
        and none a word of the common-noun kind: a name, however often seen
        ("Müntefering sprach von …", "Premium Aerotec rechnet …")."""
        words, lower = self.doc.words, self.doc.lower
        if b - a > 4 or self.doc.lex.fclass(lower[a]):
            return False
        for k in range(a, b):
            counts = self.doc.lex.lower.get(lower[k])
            if not words[k][:1].isupper() or (counts is not None and counts[0] > 0) \
                    or lower[k].endswith(COMMON_NOUN_ENDINGS):
                return False
        return True

    NAME_MAX_COUNT = 3


def nominalised_participle(word_lower: str) -> bool:
    """ "Beschäftigten", "Gefangenen", "Angehörigen": a participle or adjective
    written as a noun, which after an article names persons."""
    return word_lower.startswith(PARTICIPLE_PREFIXES) and word_lower.endswith(NOMINALISED_ENDINGS) \
        and len(word_lower) > 6


def is_acronym(word: str) -> bool:
    """An all-capital short word names an organisation ("EU", "SPD", "UNHCR",
    "ver.di" aside): German writes no common word in capitals."""
    return 2 <= len(word) <= 7 and word.isupper() and word.replace("-", "").isalpha()
