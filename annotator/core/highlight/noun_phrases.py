"""Noun-phrase chunking for sources (a rule class over one ``DocState``).

Without a parser, speakers are found as noun phrases built from word
classes: ``np_after`` (articles, adjectives, names with particles,
genitives, "(SPD)", affiliations, appositions, coordinations),
``apposition_end`` (a verbless phrase between commas) and ``np_before``
(the phrase before "zufolge").  Sources of every cue family go through it.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.highlight.doc_state import DocState, Range
from annotator.core.highlight.rules_words import (
    GENITIVE_DETS,
    NAME_PARTICLES,
    PARTITIVES,
    PUNCT,
    RELATIVE,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
)
from annotator.core.highlight.word_classes import WordClasses

MARKUP_QUOTE = "''"  # two apostrophes: wiki italics around a title
SHORT_FORM_MARKERS = frozenset(("kurz", "abgekürzt"))  # introduce a name's short form as its apposition


def low_k_rel(doc: DocState, k: int) -> bool:
    """Is token k a relative pronoun right after a comma (", der …")?"""
    return k > 0 and doc.words[k - 1] == "," and doc.lower[k] in RELATIVE


# name particles that are no German word, so they can start a name phrase
# indefinite numerals the word lists know as determiners, which after an
# article are inflected like adjectives ("die beiden", "der meisten")
INDEFINITE_NUMERALS = frozenset("beiden meisten vielen wenigen anderen übrigen einzelnen sämtlichen".split())
LEADING_PARTICLES = frozenset("de van di al el bin ibn dos del du ten ter".split())

# capitalised mid-sentence as polite address, not as a name
POLITE = frozenset("sie ihr ihre ihren ihrem ihrer ihres ihnen du dich dir euch".split())

# articles that can open an extended attribute ("die in Berlin geborene …")
ARTICLES = frozenset("der die das den dem des ein eine einer einem einen eines".split())

STOP = -1  # an attachment started but is not one: the phrase ends before it


class PhraseScan(NamedTuple):
    """The phrase being chunked: where it starts and must end, and which
    attachments the caller allows."""

    start: int
    end: int
    sent_start: int
    appositions: bool
    no_det_pp: bool
    coordination: bool
    open_end: bool
    after_verb: bool = False


def duration_adverb(word_lower: str) -> bool:
    """ "Monatelang", "jahrzehntelang": an adverb of duration by its form (the
    lexicon rarely saw one), capitalised at a sentence start but no name."""
    return word_lower.endswith("lang") and len(word_lower) >= 8


class NounPhrases:
    """Noun phrases after / before a token; expects the word-class and quote helpers."""

    def __init__(self, doc: DocState, tokens: WordClasses) -> None:
        self.doc = doc
        self.tokens = tokens

    # ------------------------------------------------------------ NP chunking
    def np_after(self, i: int, end: int, sent_start: int, allow_pron: bool = True,
                 appositions: bool = True, no_det_pp: bool = False,
                 coordination: bool = False, open_end: bool = True, after_verb: bool = False) -> Range | None:
        """A noun phrase starting at token i (before ``end``): a pronoun, or
        articles and adjectives, a head of nouns and names, then attachments
        (genitives, "(SPD)", places, "für X", affiliations, appositions and,
        with ``coordination``, "und Y")."""
        if i >= end or duration_adverb(self.doc.lower[i]):
            return None  # "Monatelang haben die Wiener Linien abgestritten": an adverb, not a name
        if allow_pron and self._pronoun_phrase(i, end, sent_start):
            return None if self.doc.lower[i] == "es" else (i, i + 1)  # "es" is hardly ever a speaker
        head_start, started = self._head_start(i, end, sent_start)
        head_end, started = self._head_end(i, head_start, end, sent_start, started)
        if not started:
            return None
        scan = PhraseScan(i, end, sent_start, appositions, no_det_pp, coordination, open_end, after_verb)
        j = head_end
        while j < end:
            next_end = self._attachment_end(scan, j)
            if next_end is None:
                break
            j = next_end
        return (i, j)

    def _pronoun_phrase(self, i: int, end: int, sent_start: int) -> bool:
        """A subject pronoun (or "dieser/diese") standing alone, not an article
        or possessive before an adjective or noun ("diese Woche", "ihr Sprecher")."""
        word = self.doc.lower[i]
        if word not in SUBJECT_PRONOUNS and word not in ("dieser", "diese"):
            return False
        return not (word in ("dieser", "diese", "ihr") and i + 1 < end
                    and (self.tokens.is_adjlike(i + 1) or self.tokens.is_nounlike(i + 1, sent_start)))

    def _head_start(self, i: int, end: int, sent_start: int) -> tuple[int, bool]:
        """Skip a partitive ("Einer der …"), an article and adjectives before
        the head; True when a partitive already makes it a phrase."""
        words, lower = self.doc.words, self.doc.lower
        j = i
        started = False
        if lower[j] in PARTITIVES and j + 1 < end and lower[j + 1] in GENITIVE_DETS:
            j += 1  # "Einer der Putschisten", "Eine der größten Oppositionsgruppen"
            started = True
        elif "det" in self.tokens.fclass(j) and (lower[j] not in SUBJECT_PRONOUNS or lower[j] == "ihr"):
            j += 1
            if lower[i] in ARTICLES and j + 1 < end and lower[j] in INDEFINITE_NUMERALS:
                j += 1  # "Die beiden Politiker", "die meisten Experten": inflected like an adjective
            if lower[i] in ARTICLES and not low_k_rel(self.doc, i):
                j = self._extended_attribute(j, end, sent_start)
        elif lower[j] in LEADING_PARTICLES and words[j].islower() and j + 1 < end \
                and self.tokens.is_nounlike(j + 1, sent_start):
            return j + 1, False  # a name that starts with its particle: "de Maizière", "al Huthi"
        if j == sent_start and j + 1 < end and words[j][:1].isupper() and self.doc.lex.mostly_lowercase(lower[j]) \
                and lower[j].endswith(("e", "en", "er", "es", "em")) and not self.doc.lex.fclass(lower[j]) \
                and self.tokens.is_nounlike(j + 1, sent_start):
            j += 1  # "Südkoreanische Geheimdienstkreise gehen davon aus"
        while j + 1 < end and self.tokens.is_adjlike(j) and (
                self.tokens.is_adjlike(j + 1) or self.tokens.is_nounlike(j + 1, sent_start)
                or words[j + 1] in ("„", "»")):
            j += 1
        return j, started

    def _extended_attribute(self, j: int, end: int, sent_start: int) -> int:
        """Past the phrase inside an extended attribute after an article, to
        its participle or adjective: "die [zur kalifornischen Stanford
        University] gehörende Hoover Institution", "der [für die Omo-Region]
        zuständige Koordinator", "die [in New York City] geborene Lopez".
        Only a PP or object (no verb, no punctuation) may stand between."""
        words, lower = self.doc.words, self.doc.lower
        fclass = self.doc.lex.fclass
        if j >= end or not fclass(lower[j]) & {"prep", "det", "adv"} or self.tokens.is_adjlike(j):
            return j
        for k in range(j + 1, min(end - 1, j + 12)):
            if words[k] in PUNCT and self.doc.quote_of[k] < 0 or fclass(lower[k]) & {"aux", "sub", "pron", "conj"} \
                    and not fclass(lower[k]) & {"det", "prep"}:
                return j
            if k <= j + ("adv" not in fclass(lower[j])) or fclass(lower[k - 1]) & {"det", "prep"}:
                continue  # a PP holds a noun before the attribute; an adverb may stand right before it
            if self.tokens.is_adjlike(k) and not words[k][:1].isdigit() \
                    and (self.tokens.is_nounlike(k + 1, sent_start) or self.tokens.is_adjlike(k + 1)
                         or self.doc.quote_of[k + 1] >= 0):
                return k
            if self._attributive_participle(k) and self.tokens.is_nounlike(k + 1, sent_start):
                # "einer [am Dienstag] veröffentlichten Pressemitteilung": the
                # participle's inflected form is also a preterite, which the
                # verb lexicon knows; between article and noun it is an attribute
                return k + 1
        return j

    def _attributive_participle(self, k: int) -> bool:
        """A lower-case verb form with an adjective's ending ("veröffentlichten",
        "eingereichten", "genannte")."""
        word = self.doc.words[k]
        return word[:1].islower() and self.doc.lower[k] in self.doc.lex.verbs \
            and word.endswith(("te", "ten", "tem", "ter", "ene", "enen", "enem", "ener"))

    def _head_end(self, i: int, j: int, end: int, sent_start: int, started: bool) -> tuple[int, bool]:
        """The head from j: capitalised words, hyphenated names, short quoted
        titles, name particles; True once it holds a noun or name."""
        words, lower, quotes = self.doc.words, self.doc.lower, self.doc.quotes
        while j < end:
            if self.tokens.is_nounlike(j, sent_start):
                j += 1
                started = True
                continue
            q = self.doc.quote_of[j]
            if q >= 0 and quotes[q][0] == j and quotes[q][1] - j <= 6 and quotes[q][1] < end \
                    and (not started or self.tokens.quote_is_name(j, quotes[q][1], -1)):
                # "der „Focus“", "die Musikzeitschrift „Billboard“"
                j = quotes[q][1] + 1
                started = True
                continue
            close = self._markup_title_end(j, end)
            if close > 0 and (not started or self.tokens.quote_is_name(j, close, -1)):
                j = close + 1  # "die ''Koalition für Einheit und Entwicklung'' (CUD)"
                started = True
                continue
            if started and j > sent_start and words[j][:1].isupper() and not words[j].isupper() \
                    and self.doc.lex.fclass(lower[j]) and lower[j] not in POLITE \
                    and self._is_name(j - 1, sent_start) and words[j - 1][:1].isupper():
                j += 1  # mid-sentence a capitalised function word is a surname: "Lothar Nicht"
                continue
            if started and lower[j] in NAME_PARTICLES and j + 1 < end and self.tokens.is_nounlike(j + 1, sent_start) \
                    and lower[j] not in GENITIVE_DETS | {"zu", "den", "dem"}:
                # not "den/dem": after a name they start the object ("nannte Netanyahu den Angriff …")
                j += 1
                continue
            if started and lower[j] == "zu" and j + 1 < end and self._is_name(j - 1, sent_start) \
                    and words[j - 1][:1].isupper() and (self._is_name(j + 1, sent_start) or (
                        # a given name the lexicon has never seen opens the phrase: the
                        # family name after "zu" may be one it knows ("Karl-Theodor zu Guttenberg")
                        j - 1 == i and lower[j - 1] not in self.doc.lex.lower
                        and self.tokens.is_nounlike(j + 1, sent_start))):
                j += 1  # a title of nobility between names: "Karl-Theodor zu Guttenberg"
                continue
            if started and j == i + 1 and words[j - 1].endswith("s") and self.tokens.is_adjlike(j) and j + 1 < end \
                    and (self.tokens.is_nounlike(j + 1, sent_start) or self.tokens.is_adjlike(j + 1)):
                j += 1  # "Berlins früherer Regierender Bürgermeister …": a genitive name in front
                continue
            break
        return j, started

    def _markup_title_end(self, j: int, end: int) -> int:
        """The closing mark of a short title between two-apostrophe marks
        (wiki italics, "die ''Koalition für Einheit und Entwicklung''"), or -1.
        The marks open and close alike, so they pair no quotation
        (``find_quotes`` leaves them out); inside a noun phrase they can only
        set off a name or title, as „…“ after an article does."""
        if self.doc.words[j] != MARKUP_QUOTE:
            return -1
        for k in range(j + 2, min(end, j + 8)):
            if self.doc.words[k] == MARKUP_QUOTE:
                return k
            if self.doc.words[k] in PUNCT:
                return -1
        return -1

    def _attachment_end(self, scan: PhraseScan, j: int) -> int | None:
        """End of the attachment starting at j, or None when the phrase ends
        there.  The first attachment whose start matches decides."""
        if self.doc.lower[j] == "ohne":
            return self._without(scan, j)  # the one attachment "ohne" opens (checked here: no call per word)
        for attachment in (self._genitive, self._bracket, self._place, self._fuer_complement, self._affiliation,
                           self._pp_apposition, self._comma_apposition, self._coordination):
            got = attachment(scan, j)
            if got is not None:
                return None if got == STOP else got
        return None

    def _genitive(self, scan: PhraseScan, j: int) -> int | None:
        """ "der Sprecher des Nationalen Sicherheitsrates" (not "der NASA der …")."""
        words, lower = self.doc.words, self.doc.lower
        if not (lower[j] in GENITIVE_DETS and j + 1 < scan.end
                and not (j - 1 > scan.start and words[j - 1].isupper() and len(words[j - 1]) > 1)):
            return None
        if scan.after_verb and lower[j] in ("der", "einer") and self.lone_name(scan.start, j):
            return STOP  # "sagte Merkel der ARD": a name takes no genitive after it, this is a dative
        sub = self.np_after(j, scan.end, scan.sent_start, allow_pron=False, appositions=False)
        if sub is None or sub[1] <= j + 1:
            return STOP
        if lower[j] in ("der", "einer") and self._masculine_singular(sub):
            return STOP  # "laut Verfassung der Parlamentspräsident …": a nominative, not a genitive
        return self._genitive_conjunct(scan, sub[1])

    def lone_name(self, a: int, j: int) -> bool:
        """One capitalised word without an article that no word list knows
        as a role, body or document: a name ("Merkel")."""
        return j == a + 1 and self.doc.words[a][:1].isupper() and not self.tokens.fclass(a) \
            and self.doc.lex.source_noun_kind(self.doc.lower[a]) in (None, "data")

    # endings of masculine nouns whose plural differs ("Präsident(en)", "Journalist(en)",
    # "Direktor(en)"): after "der" such a singular is a nominative, never a genitive
    MASCULINE_SINGULAR = ("ent", "ant", "ist", "or", "eur", "ling")

    def _masculine_singular(self, sub: Range) -> bool:
        """Is ``sub`` an article, adjectives and one such masculine noun?"""
        k = sub[0] + 1
        while k < sub[1] and self.tokens.is_adjlike(k):
            k += 1
        return k == sub[1] - 1 and self.doc.lower[k].endswith(self.MASCULINE_SINGULAR)

    def _genitive_conjunct(self, scan: PhraseScan, k: int) -> int:
        """A coordinated genitive: "Erklärung des Betriebsrates und der IG
        Metall", "Aussagen eines Mitarbeiters sowie anderer Augenzeugen"."""
        lower = self.doc.lower
        if not (k + 2 < scan.end and lower[k] in ("und", "sowie") and (
                lower[k + 1] in GENITIVE_DETS
                or lower[k + 1].endswith("er") and self.tokens.is_adjlike(k + 1)
                and self.tokens.is_nounlike(k + 2, scan.sent_start))):
            return k
        sub = self.np_after(k + 1, scan.end, scan.sent_start, allow_pron=False, appositions=False)
        return sub[1] if sub is not None and sub[1] > k + 2 else k

    def _bracket(self, scan: PhraseScan, j: int) -> int | None:
        """A short bracket: "(SPD)"."""
        words = self.doc.words
        if words[j] != "(":
            return None
        k = j + 1
        while k < scan.end and k - j <= 5 and words[k] != ")":
            k += 1
        return k + 1 if k < scan.end and words[k] == ")" and k > j + 1 else STOP

    def _place(self, scan: PhraseScan, j: int) -> int | None:
        """ "die Regierung in Lomé", "das Exilparlament im indischen Dharamshala"."""
        lower, end, sent_start = self.doc.lower, scan.end, scan.sent_start
        lex = self.doc.lex
        if not (lower[j] in ("in", "im") and j + 1 < end and (
                lex.source_noun_kind(lower[j - 1]) in ("org", "collective")
                or (lower[j] == "in" and not scan.after_verb
                    and self.tokens.is_nounlike(j + 1, sent_start) and not self.tokens.fclass(j + 1)
                    and any(lex.source_noun_kind(lower[x]) is not None or self._is_name(x, sent_start)
                            for x in range(scan.start, j))))):
            return None
        k = j + 1
        while k < end and self.tokens.is_adjlike(k) and lower[k].endswith(("ischen", "ischer")):
            k += 1
        if not (k < end and self.tokens.is_nounlike(k, sent_start)
                and not (k + 1 < end and lower[k + 1] in GENITIVE_DETS)):  # not "im Zuge der …"
            return STOP
        j = k + 1
        while j < end and self.tokens.is_nounlike(j, sent_start) and not self.tokens.fclass(j):
            j += 1  # "im Berliner Abgeordnetenhaus"
        return j

    def _without(self, scan: PhraseScan, j: int) -> int | None:
        """ "Ärzte ohne Grenzen", "Reporter ohne Grenzen": an article-less noun
        with an article-less "ohne"-attribute is one phrase (the attribute
        says which of them; no adverbial "ohne" takes a bare plural noun)."""
        words, lower = self.doc.words, self.doc.lower
        if not (lower[j] == "ohne" and j + 1 < scan.end
                and (j - 1 == scan.start or not self.tokens.fclass(j - 2) and not self.tokens.is_adjlike(j - 2))
                and words[j - 1][:1].isupper() and not self.tokens.fclass(j - 1)
                and words[j + 1][:1].isupper() and not self.tokens.fclass(j + 1)
                and self.tokens.is_nounlike(j + 1, scan.sent_start)):
            return None
        return j + 2

    def _is_name(self, k: int, sent_start: int) -> bool:
        """A capitalised word the lowercase lexicon does not know as a common
        noun: most likely a name."""
        counts = self.doc.lex.lower.get(self.doc.lower[k])
        return self.tokens.is_nounlike(k, sent_start) and (counts is None or counts[1] <= 3)

    def _fuer_complement(self, scan: PhraseScan, j: int) -> int | None:
        """ "Kommissar für Schulwesen und Kultur" after a role or organisation."""
        lower, end = self.doc.lower, scan.end
        kind = self.doc.lex.source_noun_kind(lower[j - 1])
        # "Kommissar für …", and an institution's purpose: "Büro zur Koordinierung von …"
        known = lower[j] == "für" and kind in ("role", "org") or lower[j] in ("zur", "zum") and kind == "org"
        if not (j + 1 < end and (known or lower[j] == "für" and self.tokens.is_nounlike(j - 1, scan.sent_start))):
            return None
        k = j + 1
        while k < end and self.tokens.is_adjlike(k):
            k += 1
        if not (k < end and self.tokens.is_nounlike(k, scan.sent_start)):
            return STOP
        j = k + 1
        if j + 1 < end and lower[j] == "und":
            k = j + 1  # "für Erweiterung und europäische Nachbarschaftspolitik"
            while k < end and self.tokens.is_adjlike(k):
                k += 1
            if k < end and self.tokens.is_nounlike(k, scan.sent_start):
                j = k + 1
        named = j
        while j < end and self._is_name(j, scan.sent_start) and not self.tokens.fclass(j):
            j += 1  # the role's bearer follows as a close apposition: "… Nachbarschaftspolitik Štefan Füle"
        if not known and j == named and not (j + 1 < end and self.doc.words[j] == ","
                                             and self._is_name(j + 1, scan.sent_start)):
            # a noun the lexicon does not know as a role is one when its bearer
            # is named right after it ("der Kommissar für Kultur Ján Figeľ", or
            # after a comma); else "für X" is the verb's ("warb … für Reformen")
            return None
        return j

    def _affiliation(self, scan: PhraseScan, j: int) -> int | None:
        """ "Joe Stork von HRW", "Abgeordnete aus der Koalition" — not "aus
        heiterem Himmel", "aus Sicherheitsgründen", "von 50.000"."""
        words, lower, end = self.doc.words, self.doc.lower, scan.end
        if not (lower[j] in ("von", "vom", "aus") and j + 1 < end
                and not (scan.no_det_pp and "det" in self.tokens.fclass(j + 1))
                and not (lower[j] == "aus" and (self.tokens.is_adjlike(j + 1) or self.tokens._common_noun(j + 1))
                         and not self.tokens._source_noun_after(j + 1, end))
                and not words[j + 1][:1].isdigit()
                and lower[j + 1] not in TIME_WORDS):  # "Angaben der Polizei vom Dienstag": a date, not who
            return None
        sub = self.np_after(j + 1, end, scan.sent_start, allow_pron=False, appositions=scan.appositions)
        return sub[1] if sub is not None else STOP

    def _pp_apposition(self, scan: PhraseScan, j: int) -> int | None:
        """ "Ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärte"."""
        words, lower, end, sent_start = self.doc.words, self.doc.lower, scan.end, scan.sent_start
        if not (scan.appositions and lower[j] in ("auf", "bei", "beim", "am", "an", "im", "aus") and j + 1 < end):
            return None
        c = j + 1
        while c < end and c - j <= 6 and (self.tokens.is_adjlike(c) or self.tokens.is_nounlike(c, sent_start)
                                          or "det" in self.tokens.fclass(c)):
            c += 1
        if not (c < end and c > j + 1 and words[c] == "," and c + 1 < end):
            return STOP
        m = self.apposition_end(c + 1, end, sent_start)
        if m is not None and any(self.tokens.is_nounlike(x, sent_start) and not self.tokens.fclass(x)
                                 and self.doc.lex.lower.get(lower[x], (0, 0)) == (0, 0) for x in range(c + 1, m)):
            return m
        return STOP

    def _comma_apposition(self, scan: PhraseScan, j: int) -> int | None:
        """ "John Kirby, Sprecher des …,"; in a frame ("laut X, Chef der Y, …")
        the apposition must be closed by a comma."""
        words = self.doc.words
        if not (scan.appositions and words[j] == "," and j + 1 < scan.end):
            return None
        m = self.apposition_end(j + 1, scan.end, scan.sent_start)
        if m is None:
            m = self._prefield_apposition_end(scan, j + 1)
        elif not scan.open_end and (m >= scan.end or words[m] != ","):
            m = None
        return m if m is not None else STOP

    def _prefield_apposition_end(self, scan: PhraseScan, k: int) -> int | None:
        """ "Nach Angaben von Sam Maiha, dem Direktor der Wetterbehörde hatten
        die Meteorologen …": a verb-second sentence has one constituent before
        its finite verb, so an apposition in the prefield ends at that verb even
        when the writer left out its closing comma."""
        words, quote_of = self.doc.words, self.doc.quote_of
        verb = k  # the next finite verb, with no punctuation before it
        while verb < scan.end and not (self.tokens.finite_verb(verb) and quote_of[verb] < 0):
            if words[verb] in PUNCT:
                return None
            verb += 1
        if verb >= scan.end or verb <= k + 1 or any(
                self.tokens.finite_verb(x) and quote_of[x] < 0 for x in range(scan.sent_start, k)):
            return None  # no verb closes it, or one stands before: not the prefield
        return verb if self.apposition_end(k, verb, scan.sent_start) == verb else None

    def _coordination(self, scan: PhraseScan, j: int) -> int | None:
        """ "die IADB und der MIF", "Meinung vieler Experten und Fans"."""
        if self.doc.lower[j] not in ("und", "sowie"):
            return None
        if not scan.coordination:
            if not self._shared_article(scan, j):
                return None
            second = self.np_after(j + 1, scan.end, scan.sent_start, allow_pron=False, appositions=False)
            return second[1] if second is not None else None
        if j + 1 >= scan.end:
            return None
        k = j + 1
        while k + 1 < scan.end and self.doc.lower[k] in ("auch", "ebenso", "zudem"):
            k += 1  # "Die Union sowie auch die FDP"
        sub = self.np_after(k, scan.end, scan.sent_start, allow_pron=False, appositions=False)
        if sub is not None and (sub[1] >= scan.end or not self.tokens.is_adjlike(sub[1])):
            return sub[1]
        return STOP

    def _shared_article(self, scan: PhraseScan, j: int) -> bool:
        """ "der Schauspieler und Regisseur Til Schweiger": one article before
        two nouns joined by "und" and a name after them is one person (the
        second noun has no article of its own), whatever the verb's number."""
        words, lower = self.doc.words, self.doc.lower
        return (lower[j] == "und" and j == scan.start + 2 and lower[scan.start] in ("der", "die", "dem", "den")
                and j + 2 < scan.end and words[j + 1][:1].isupper() and not self.tokens.fclass(j + 1)
                and self.tokens.is_nounlike(j + 1, scan.sent_start)
                and words[j + 2][:1].isupper() and not self.tokens.fclass(j + 2)
                and self.tokens.is_nounlike(j + 2, scan.sent_start) and self.doc.quote_of[j + 1] < 0)

    APPOSITION_PREPS = frozenset("am an bei beim im in der des von vom für aus und sowie zu zur zum".split())

    def apposition_end(self, k: int, end: int, sent_start: int) -> int | None:
        """End of an apposition starting at k (after a comma), or None.

        An apposition is a verbless noun phrase up to the next comma or the
        sentence end: "X, die Leiterin der Fachstelle für Suchtvorbeugung,",
        "…, sagte Edmon Chung, CEO von DotAsia." A relative clause ("…, der
        das Gesetz entworfen hatte,") has a verb and is not one."""
        words, lower = self.doc.words, self.doc.lower
        if k >= end:
            return None  # a comma at the text's end ("erklärte Der ,"): nothing follows it
        short_form = lower[k] in SHORT_FORM_MARKERS and k + 1 < end and (
            self.doc.quote_of[k + 1] >= 0 or words[k + 1][:1].isupper())
        if not (self.tokens.is_nounlike(k, sent_start) or "det" in self.tokens.fclass(k) or self.tokens.is_adjlike(k)
                or short_form):
            return None
        if lower[k] in RELATIVE and k + 1 < end and not (
                self.tokens.is_nounlike(k + 1, sent_start) or self.tokens.is_adjlike(k + 1)):
            return None  # relative pronoun
        m = k
        nouns = 0
        while m < end and m - k <= 14:
            x = words[m]
            if x in (",", ".", ":", ";", "!", "?") and self.doc.quote_of[m] < 0:
                break
            lo = lower[m]
            cls = self.doc.lex.fclass(lo)
            if self.tokens.is_nounlike(m, sent_start) and not cls:
                nouns += 1
            elif lo in NAME_PARTICLES and m + 1 < end and self.tokens.is_nounlike(m + 1, -1):
                pass  # "Union Générale Tunisienne du Travail"
            elif m == k and short_form:
                pass  # "der Deutsche Fußball-Bund, kurz „DFB“, …": a short form (not "kurz nach 13 Uhr")
            elif cls & {"aux", "sub", "pron", "wh"} and not cls & {"det"}:
                return None
            elif lo == "zu" and m + 1 < end and words[m + 1][:1].islower() and (
                    m + 2 >= end or words[m + 2] in PUNCT):
                return None  # "…, nordkoreanische Soldaten zu rekrutieren,": a zu-infinitive clause
            elif cls & {"det", "prep", "conj"} or lo in self.APPOSITION_PREPS:
                pass
            elif (self.tokens.is_adjlike(m) or x[:1].isdigit() or x in ("(", ")", "-", "/", "–")
                  or self.doc.quote_of[m] >= 0):
                if lo in self.doc.lex.verbs:
                    return None
                if self.tokens.is_adjlike(m) and not x[:1].isdigit() and not (
                        m + 1 < end and (self.tokens.is_adjlike(m + 1) or self.tokens.is_nounlike(m + 1, -1)
                                         or lower[m + 1] in ("und", ","))):
                    return None  # "vertreten durch X": a participle, not an attribute
            else:
                return None  # a verb or adverb: a clause, not an apposition
            m += 1
        if nouns == 0 or m - k > 14 or m == k:
            return None
        # a time adverbial closing the sentence is not part of it ("…, Kommandeur des Einsatzes, am Montag")
        for t in range(k + 1, m - 1):
            if lower[t] in ("am", "an", "im", "seit") and lower[t + 1] in TIME_WORDS and (m >= end or words[m] != ","):
                return t
        if m < end and words[m] not in (",", ".", ":", ";"):
            return None
        return m

    def np_before(self, i: int, start: int, sent_start: int) -> tuple[int, int] | None:
        """Noun phrase ending right before token i (for "X zufolge"): nouns and
        names, adjectives before them, articles, genitive and "von" chains
        ("Einer Meldung von Xinhua", "dem Bericht der „Zeitung“")."""
        lower = self.doc.lower
        j = i - 1
        if j < start:
            return None
        k = j + 1
        if self.doc.quote_of[j] >= 0 and self.doc.quotes[self.doc.quote_of[j]][1] == j:
            k = self.doc.quotes[self.doc.quote_of[j]][0]
        elif self.tokens.is_nounlike(j, sent_start) or self.doc.lex.is_nominal_cue(lower[j]):
            k = j
        else:
            return None
        while k - 1 >= start:
            p = k - 1
            if self.doc.quote_of[p] >= 0 and self.doc.quotes[self.doc.quote_of[p]][1] == p:
                k = max(start, self.doc.quotes[self.doc.quote_of[p]][0])
                continue
            if self.tokens.is_nounlike(p, sent_start) and not self.doc.lex.fclass(lower[p]):
                k = p
                continue
            if self.tokens.is_adjlike(p) and not self.doc.lex.verbs.get(lower[p]) and not (
                    p - 1 >= start and self.tokens.is_nounlike(p - 1, sent_start)):
                # an adjective is preceded by an article, another adjective or
                # nothing — "Samstag starben behördlichen Angaben" stops at "starben"
                k = p
                continue
            if (lower[p] in ("in", "im") and p - 1 >= start
                    and self.doc.lex.source_noun_kind(lower[p - 1]) in ("org", "collective")):
                k = p - 1  # "Den Polizeibehörden in Mombasa zufolge"
                continue
            if p == sent_start and self.doc.words[p][:1].isupper() and self.doc.lex.mostly_lowercase(lower[p]) \
                    and lower[p].endswith(("e", "en", "er", "es", "em")) and not self.doc.lex.fclass(lower[p]):
                k = p  # "Afghanischen Behörden zufolge"
                break
            cls = self.tokens.fclass(p)
            if "det" in cls or lower[p] in ("von", "vom"):
                k = p
                if p - 1 >= start and (self.tokens.is_nounlike(p - 1, sent_start)
                                       or self.doc.lex.is_nominal_cue(lower[p - 1])) \
                        and (lower[p] in GENITIVE_DETS or lower[p] in ("von", "vom")):
                    continue  # "Meldung von Xinhua", "Bericht der Zeitung"
                break
            break
        if lower[k] in ("von", "vom"):
            k += 1
        if k == start and low_k_rel(self.doc, k) and k < j:
            k += 1  # ", der Experten zufolge …": relative pronoun, not an article
        if self.doc.lex.is_nominal_cue(lower[j]) and k < j and self.tokens.is_nounlike(j - 1, sent_start) \
                and not self.doc.lex.is_nominal_cue(lower[j - 1]) and not (
                    # at the sentence start the word before belongs to the one
                    # constituent in front of the verb: "Eigenen Angaben zufolge"
                    j - 1 == sent_start and lower[j - 1].endswith(("e", "en", "er", "es", "em"))):
            k = j  # "Nordkorea Berichten zufolge" -> "Berichten"
            while k - 1 >= start and (self.tokens.is_adjlike(k - 1) or "det" in self.tokens.fclass(k - 1)) \
                    and not self.tokens.is_nounlike(k - 1, sent_start):
                k -= 1
        return (k, j + 1)

    # prepositions of a PP that describes the phrase in front of a finite verb
    PREFIELD_PP = frozenset(("in", "im", "aus", "bei", "beim"))
    TEMPORAL = frozenset(("nacht", "jahr", "jahren", "woche", "wochen", "tag", "tagen", "vergangenheit", "zukunft",
                          "zeit", "folge", "regel", "moment"))

    def prefield_pp_end(self, b: int, e: int) -> int | None:
        """Where a PP right after a phrase ends when it fills the prefield up
        to the finite verb ("Die Behörden in beiden Staaten erklärten",
        "Laut den Behörden in beiden Staaten führte"): German puts one
        constituent before the verb, so the PP belongs to the phrase.  Not a
        temporal PP ("in der Nacht")."""
        lower = self.doc.lower
        if b >= e or lower[b] not in self.PREFIELD_PP:
            return None
        for k in range(b + 1, min(e, b + 7)):
            if self.doc.words[k] in PUNCT or self.doc.quote_of[k] >= 0 or lower[k] in self.TEMPORAL \
                    or lower[k] in TIME_WORDS:
                return None
            if self.tokens.finite_verb(k):
                return k if k > b + 1 else None
        return None
