"""Noun-phrase chunking for sources (a rule class over one ``DocState``).

Without a parser, speakers are found as noun phrases built from word
classes: ``np_after`` (articles, adjectives, names with particles,
genitives, "(SPD)", affiliations, appositions, coordinations),
``apposition_end`` (a verbless phrase between commas) and ``np_before``
(the phrase before "zufolge").  Sources of every cue family go through it.
"""

from __future__ import annotations

from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.rules_words import (
    GENITIVE_DETS, NAME_PARTICLES, PARTITIVES, RELATIVE, SUBJECT_PRONOUNS, TIME_WORDS,
)
from annotator.core.highlight.word_classes import WordClasses


def low_k_rel(doc: DocState, k: int) -> bool:
    """Is token k a relative pronoun right after a comma (", der …")?"""
    return k > 0 and doc.words[k - 1] == "," and doc.lower[k] in RELATIVE


class NounPhrases:
    """Noun phrases after / before a token; expects the word-class and quote helpers."""

    def __init__(self, doc: DocState, tokens: WordClasses) -> None:
        self.doc = doc
        self.tokens = tokens

    # ------------------------------------------------------------ NP chunking
    def np_after(self, i: int, end: int, sent_start: int, allow_pron: bool = True,
                 appositions: bool = True, no_det_pp: bool = False,
                 coordination: bool = False, open_end: bool = True) -> tuple[int, int] | None:
        """A noun phrase starting at token i (before ``end``)."""
        words, lower = self.doc.words, self.doc.lower
        if i >= end:
            return None
        if allow_pron and (lower[i] in SUBJECT_PRONOUNS or lower[i] in ("dieser", "diese")) and not (
                lower[i] in ("dieser", "diese", "ihr") and i + 1 < end
                and (self.tokens.is_adjlike(i + 1) or self.tokens.is_nounlike(i + 1, sent_start))):
            if lower[i] == "es":
                return None  # "es" is hardly ever a speaker ("bezeichnete es als …")
            return (i, i + 1)
        j = i
        started = False
        if lower[j] in PARTITIVES and j + 1 < end and lower[j + 1] in GENITIVE_DETS:
            j += 1  # "Einer der Putschisten", "Eine der größten Oppositionsgruppen"
            started = True
        elif "det" in self.tokens.fclass(j) and (lower[j] not in SUBJECT_PRONOUNS or lower[j] == "ihr"):
            j += 1
        if j == sent_start and j + 1 < end and self.doc.words[j][:1].isupper() and self.doc.lex.mostly_lowercase(lower[j]) \
                and lower[j].endswith(("e", "en", "er", "es", "em")) and not self.doc.lex.fclass(lower[j]) \
                and self.tokens.is_nounlike(j + 1, sent_start):
            j += 1  # "Südkoreanische Geheimdienstkreise gehen davon aus"
        while j < end:
            if self.tokens.is_adjlike(j) and j + 1 < end and (self.tokens.is_adjlike(j + 1) or self.tokens.is_nounlike(j + 1, sent_start)
                                                        or words[j + 1] in ("„", "»")):
                j += 1
                continue
            break
        # head: capitalised words, hyphenated names, short quoted titles
        while j < end:
            if self.tokens.is_nounlike(j, sent_start):
                j += 1
                started = True
                continue
            q = self.doc.quote_of[j]
            if q >= 0 and self.doc.quotes[q][0] == j and self.doc.quotes[q][1] - j <= 6 and self.doc.quotes[q][1] < end \
                    and (not started or self.tokens.quote_is_name(j, self.doc.quotes[q][1], -1)):
                # "der „Focus“", "die Musikzeitschrift „Billboard“"
                j = self.doc.quotes[q][1] + 1
                started = True
                continue
            if started and lower[j] in NAME_PARTICLES and j + 1 < end and self.tokens.is_nounlike(j + 1, sent_start) \
                    and lower[j] not in GENITIVE_DETS | {"zu"}:
                j += 1
                continue
            if started and j == i + 1 and words[j - 1].endswith("s") and self.tokens.is_adjlike(j) and j + 1 < end \
                    and (self.tokens.is_nounlike(j + 1, sent_start) or self.tokens.is_adjlike(j + 1)):
                j += 1  # "Berlins früherer Regierender Bürgermeister …": a genitive name in front
                continue
            break
        if not started:
            return None
        # attachments: genitive NPs, "(SPD)", "für X" after roles, appositions
        while j < end:
            if lower[j] in GENITIVE_DETS and j + 1 < end and not (
                    j - 1 > i and self.doc.words[j - 1].isupper() and len(self.doc.words[j - 1]) > 1):  # not "der NASA der …"
                sub = self.np_after(j, end, sent_start, allow_pron=False, appositions=False)
                if sub is not None and sub[1] > j + 1:
                    j = sub[1]
                    continue
                break
            if words[j] == "(":
                k = j + 1
                while k < end and k - j <= 5 and words[k] != ")":
                    k += 1
                if k < end and words[k] == ")" and k > j + 1:
                    j = k + 1
                    continue
                break
            if lower[j] in ("in", "im") and j + 1 < end and (
                    self.doc.lex.source_noun_kind(lower[j - 1]) in ("org", "collective")
                    or (lower[j] == "in" and self.tokens.is_nounlike(j + 1, sent_start) and not self.tokens.fclass(j + 1)
                        and any(self.doc.lex.source_noun_kind(lower[x]) == "role" for x in range(i, j)))):
                # "die Regierung in Lomé", "das Exilparlament im indischen Dharamshala"
                k = j + 1
                while k < end and self.tokens.is_adjlike(k) and lower[k].endswith(("ischen", "ischer")):
                    k += 1
                if k < end and self.tokens.is_nounlike(k, sent_start) and not (
                        k + 1 < end and lower[k + 1] in GENITIVE_DETS):  # not "im Zuge der …"
                    j = k + 1
                    while j < end and self.tokens.is_nounlike(j, sent_start) and not self.tokens.fclass(j):
                        j += 1  # "im Berliner Abgeordnetenhaus"
                    continue
                break
            if lower[j] == "für" and j + 1 < end and self.doc.lex.source_noun_kind(lower[j - 1]) in ("role", "org"):
                k = j + 1
                while k < end and self.tokens.is_adjlike(k):
                    k += 1
                if k < end and self.tokens.is_nounlike(k, sent_start):
                    j = k + 1
                    if j + 1 < end and lower[j] == "und" and self.tokens.is_nounlike(j + 1, sent_start):
                        j += 2  # "Kommissar für Schulwesen und Kultur"
                    continue
                break
            if lower[j] in ("von", "vom", "aus") and j + 1 < end and not (
                    no_det_pp and "det" in self.tokens.fclass(j + 1)) and not (
                    lower[j] == "aus" and (self.tokens.is_adjlike(j + 1) or self.tokens._common_noun(j + 1))
                    and not self.tokens._source_noun_after(j + 1, end)) and not (
                    words[j + 1][:1].isdigit()):  # not "aus heiterem Himmel", "aus Sicherheitsgründen", "von 50.000"
                # "Joe Stork von HRW", "Abgeordnete aus der Koalition"
                sub = self.np_after(j + 1, end, sent_start, allow_pron=False, appositions=appositions)
                if sub is not None:
                    j = sub[1]
                    continue
                break
            if appositions and lower[j] in ("auf", "bei", "beim", "am", "an", "im", "aus") and j + 1 < end:
                # "Ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärte"
                c = j + 1
                while c < end and c - j <= 6 and (self.tokens.is_adjlike(c) or self.tokens.is_nounlike(c, sent_start)
                                                  or "det" in self.tokens.fclass(c)):
                    c += 1
                if c < end and c > j + 1 and words[c] == "," and c + 1 < end:
                    m = self.apposition_end(c + 1, end, sent_start)
                    if m is not None and any(self.tokens.is_nounlike(x, sent_start) and not self.tokens.fclass(x)
                                             and self.doc.lex.lower.get(lower[x], (0, 0)) == (0, 0)
                                             for x in range(c + 1, m)):
                        j = m
                        continue
                break
            if appositions and words[j] == "," and j + 1 < end:
                m = self.apposition_end(j + 1, end, sent_start)
                if m is not None and not open_end and (m >= end or words[m] != ","):
                    m = None  # in a frame ("laut X, Chef der Y, …") the apposition is closed by a comma
                if m is not None:
                    j = m
                    continue
                break
            if coordination and lower[j] in ("und", "sowie") and j + 1 < end:
                # "die IADB und der MIF", "Meinung vieler Experten und Fans"
                sub = self.np_after(j + 1, end, sent_start, allow_pron=False, appositions=False)
                if sub is not None and (sub[1] >= end or not self.tokens.is_adjlike(sub[1])):
                    j = sub[1]
                    continue
                break
            break
        return (i, j)

    APPOSITION_PREPS = frozenset("am an bei beim im in der des von vom für aus und sowie zu zur zum".split())

    def apposition_end(self, k: int, end: int, sent_start: int) -> int | None:
        """End of an apposition starting at k (after a comma), or None.

        An apposition is a verbless noun phrase up to the next comma or the
        sentence end: "X, die Leiterin der Fachstelle für Suchtvorbeugung,",
        "…, sagte Edmon Chung, CEO von DotAsia." A relative clause ("…, der
        das Gesetz entworfen hatte,") has a verb and is not one."""
        words, lower = self.doc.words, self.doc.lower
        if not (self.tokens.is_nounlike(k, sent_start) or "det" in self.tokens.fclass(k) or self.tokens.is_adjlike(k)):
            return None
        if lower[k] in RELATIVE and k + 1 < end and not (self.tokens.is_nounlike(k + 1, sent_start) or self.tokens.is_adjlike(k + 1)):
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
            elif cls & {"aux", "sub", "pron", "wh"} and not cls & {"det"}:
                return None
            elif cls & {"det", "prep", "conj"} or lo in self.APPOSITION_PREPS:
                pass
            elif self.tokens.is_adjlike(m) or x[:1].isdigit() or x in ("(", ")", "-", "/", "–") or self.doc.quote_of[m] >= 0:
                if lo in self.doc.lex.verbs:
                    return None
                if self.tokens.is_adjlike(m) and not x[:1].isdigit() and not (
                        m + 1 < end and (self.tokens.is_adjlike(m + 1) or self.tokens.is_nounlike(m + 1, -1) or lower[m + 1] in ("und", ","))):
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
        words, lower = self.doc.words, self.doc.lower
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
            if lower[p] in ("in", "im") and p - 1 >= start and self.doc.lex.source_noun_kind(lower[p - 1]) in ("org", "collective"):
                k = p - 1  # "Den Polizeibehörden in Mombasa zufolge"
                continue
            if p == sent_start and self.doc.words[p][:1].isupper() and self.doc.lex.mostly_lowercase(lower[p]) \
                    and lower[p].endswith(("e", "en", "er", "es", "em")) and not self.doc.lex.fclass(lower[p]):
                k = p  # "Afghanischen Behörden zufolge"
                break
            cls = self.tokens.fclass(p)
            if "det" in cls or lower[p] in ("von", "vom"):
                k = p
                if p - 1 >= start and (self.tokens.is_nounlike(p - 1, sent_start) or self.doc.lex.is_nominal_cue(lower[p - 1])) \
                        and (lower[p] in GENITIVE_DETS or lower[p] in ("von", "vom")):
                    continue  # "Meldung von Xinhua", "Bericht der Zeitung"
                break
            break
        if lower[k] in ("von", "vom"):
            k += 1
        if k == start and low_k_rel(self.doc, k) and k < j:
            k += 1  # ", der Experten zufolge …": relative pronoun, not an article
        if self.doc.lex.is_nominal_cue(lower[j]) and k < j and self.tokens.is_nounlike(j - 1, sent_start) \
                and not self.doc.lex.is_nominal_cue(lower[j - 1]):
            k = j  # "Nordkorea Berichten zufolge" -> "Berichten"
            while k - 1 >= start and (self.tokens.is_adjlike(k - 1) or "det" in self.tokens.fclass(k - 1)) \
                    and not self.tokens.is_nounlike(k - 1, sent_start):
                k -= 1
        return (k, j + 1)
