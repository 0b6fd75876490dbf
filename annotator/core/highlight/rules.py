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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.highlight.lexicons import Lexicons, VerbForm
from annotator.core.models import Attribution

QUOTE_PAIRS = {"„": ("“", "”", '"'), "»": ("«",), "«": ("»",), "“": ("”",), "‚": ("‘",), '"': ('"',)}
ALL_QUOTES = {"„", "“", "”", "»", "«", '"', "‚", "‘"}
PUNCT = {",", ".", ";", ":", "!", "?", "…", "(", ")", "-", "–", "—", "/"} | ALL_QUOTES
COMPLEMENTIZERS = {"dass", "daß", "ob"}
NON_COMPLEMENT_STARTS = {
    "um", "weil", "da", "und", "oder", "aber", "sondern", "als", "wenn", "nachdem", "obwohl",
    "während", "bevor", "wo", "sodass", "damit", "indem", "denn", "doch", "jedoch", "sowie", "bis",
    "seit", "seitdem", "ehe", "falls", "ohne", "statt", "wobei", "wodurch", "womit", "weshalb",
    "welche", "welcher", "welches", "welchen", "welchem", "denen", "dessen", "deren", "zumal",
    "nachdem", "sobald", "solange", "obgleich", "wonach",
}
WH = {"wer", "was", "wann", "wo", "warum", "weshalb", "wieso", "wie", "welche", "welcher", "welches",
      "wohin", "woher", "wodurch", "womit", "wofür", "wozu", "inwiefern", "inwieweit", "wieviel", "wieviele"}
RELATIVE = {"der", "die", "das", "dem", "den", "denen", "dessen", "deren"}
NAME_PARTICLES = {"von", "van", "de", "da", "di", "der", "den", "bin", "ibn", "al", "el", "le", "la", "du", "dos",
                  "del", "zu", "ten", "ter", "mc", "st.", "des", "of", "the"}
SUBJECT_PRONOUNS = {"er", "sie", "es", "man", "wir", "ich", "ihr"}
GENITIVE_DETS = {"des", "der", "eines", "einer", "aller"}
PARTITIVES = {"einer", "eine", "eines", "keiner", "keine", "jeder", "jede", "einige", "viele", "mehrere", "alle",
              "zwei", "drei", "vier"}
TIME_WORDS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "wochenende",
              "abend", "morgen", "vormittag", "nachmittag", "januar", "februar", "märz", "april", "mai", "juni",
              "juli", "august", "september", "oktober", "november", "dezember", "rande"}
POSSESSIVES = {"seiner", "ihrer", "deren", "dessen", "meiner", "unserer"}
BASE_SCORE = {
    Attribution.DIRECT_QUOTE: 0.9,
    Attribution.ACCORDING_TO: 0.85,
    Attribution.INDIRECT: 0.8,
    Attribution.REPORTED: 0.55,
    Attribution.UNATTRIBUTED: 0.3,
}


@dataclass
class Claim:
    """A claim in token indices (end exclusive); converted to chars later."""

    parts: list[tuple[int, int]]  # message token ranges (may skip a frame)
    attribution: Attribution
    source: tuple[int, int] | None = None  # local mention
    cue: tuple[int, int] | None = None
    antecedent: tuple[int, int] | None = None  # resolved source (pronoun/role)
    hedged: bool = False
    score: float = 0.0
    kind: str = ""  # rule that made it (for debugging / docs)
    sents: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def low_k_rel(rules: "DocRules", k: int) -> bool:
    return k > 0 and rules.w[k - 1] == "," and rules.low[k] in RELATIVE


class DocRules:
    def __init__(self, words: list[str], sent_bounds: list[tuple[int, int]], lex: Lexicons,
                 ents: list[tuple[int, int, str]] | None = None, pos: list[str] | None = None):
        self.w = words
        self.low = [x.lower() for x in words]
        self.n = len(words)
        self.sents = sent_bounds
        self.lex = lex
        self.ents = ents or []
        self.pos = pos
        self.quote_of = [-1] * self.n  # index of quote region or -1
        self.quotes: list[tuple[int, int]] = []  # inclusive open..close token indices
        self._find_quotes()

    # ------------------------------------------------------------------ quotes
    def _find_quotes(self) -> None:
        w = self.w
        i = 0
        n = self.n
        while i < n:
            t = w[i]
            closers = QUOTE_PAIRS.get(t)
            if closers is None:
                i += 1
                continue
            if t == '"' and i + 1 < n and w[i + 1] in PUNCT:
                i += 1
                continue
            j = i + 1
            limit = min(n, i + 400)
            found = -1
            while j < limit:
                x = w[j]
                if x in closers:
                    found = j
                    break
                if x == t and t != '"':  # a new opener of the same kind: unclosed
                    break
                j += 1
            if found < 0 or found == i + 1:
                i += 1
                continue
            qi = len(self.quotes)
            self.quotes.append((i, found))
            for k in range(i, found + 1):
                self.quote_of[k] = qi
            i = found + 1

    # ----------------------------------------------------------- word classes
    def fclass(self, i: int) -> frozenset[str]:
        return self.lex.fclass(self.low[i])

    def is_cap(self, i: int) -> bool:
        return self.w[i][:1].isupper()

    def is_nounlike(self, i: int, sent_start: int) -> bool:
        """Capitalised word that is a noun or name (not a sentence-initial function word)."""
        x = self.w[i]
        if x[:1].islower() and x.endswith((".de", ".com", ".org", ".net", ".at", ".ch")) and len(x) > 5:
            return True  # "t-online.de", "bildblog.de"
        if not x[:1].isupper() and not (x[:1].isdigit() and "-" in x):
            # "al-Omair", "bin-Laden": lowercase particle joined to a name
            h = x.find("-")
            return 0 < h < 4 and x[h + 1:h + 2].isupper()
        if self.pos is not None:
            return self.pos[i] in ("NOUN", "PROPN", "X", "NUM")
        lo = self.low[i]
        if self.lex.fclass(lo):
            return False
        if i == sent_start:
            if lo in self.lex.verbs or self.lex.mostly_lowercase(lo):
                return False
            if lo not in self.lex.lower and lo.endswith(("lich", "ig", "isch", "end", "weise", "falls", "mals")):
                return False
            if lo.startswith(("hier", "da", "wo")) and lo[4:] in self.lex.function or lo[2:] in self.lex.function \
                    and lo.startswith(("da", "wo")):
                return False
        return True

    def _source_noun_after(self, k: int, end: int) -> bool:
        """Do adjectives from k lead to a source noun ("aus anderen Parteien")?"""
        while k < end and self.is_adjlike(k):
            k += 1
        return k < end and self.lex.source_noun_kind(self.low[k]) is not None

    def _common_noun(self, i: int) -> bool:
        """A capitalised word the lexicon knows as a frequent common noun."""
        counts = self.lex.lower.get(self.low[i])
        return counts is not None and counts[0] == 0 and counts[1] >= 5

    def is_adjlike(self, i: int) -> bool:
        x = self.low[i]
        if self.pos is not None:
            return self.pos[i] in ("ADJ", "NUM") or (self.pos[i] == "VERB" and x.endswith(("te", "ten", "tem", "ter", "ene", "enen")))
        if not self.w[i][:1].islower() and not self.w[i][:1].isdigit():
            return False
        if self.lex.fclass(x) or x in self.lex.verbs:
            return False
        if x[:1].isdigit():
            return True
        return x.endswith(("e", "en", "em", "er", "es")) and len(x) > 3

    def verb_entries(self, i: int) -> list[VerbForm] | None:
        return self.lex.verbs.get(self.low[i])

    # ------------------------------------------------------------ NP chunking
    def np_after(self, i: int, end: int, sent_start: int, allow_pron: bool = True,
                 appositions: bool = True, no_det_pp: bool = False,
                 coordination: bool = False, open_end: bool = True) -> tuple[int, int] | None:
        """A noun phrase starting at token i (before ``end``)."""
        w, low = self.w, self.low
        if i >= end:
            return None
        if allow_pron and (low[i] in SUBJECT_PRONOUNS or low[i] in ("dieser", "diese")) and not (
                low[i] in ("dieser", "diese", "ihr") and i + 1 < end
                and (self.is_adjlike(i + 1) or self.is_nounlike(i + 1, sent_start))):
            if low[i] == "es":
                return None  # "es" is hardly ever a speaker ("bezeichnete es als …")
            return (i, i + 1)
        j = i
        started = False
        if low[j] in PARTITIVES and j + 1 < end and low[j + 1] in GENITIVE_DETS:
            j += 1  # "Einer der Putschisten", "Eine der größten Oppositionsgruppen"
            started = True
        elif "det" in self.fclass(j) and (low[j] not in SUBJECT_PRONOUNS or low[j] == "ihr"):
            j += 1
        if j == sent_start and j + 1 < end and self.w[j][:1].isupper() and self.lex.mostly_lowercase(low[j]) \
                and low[j].endswith(("e", "en", "er", "es", "em")) and not self.lex.fclass(low[j]) \
                and self.is_nounlike(j + 1, sent_start):
            j += 1  # "Südkoreanische Geheimdienstkreise gehen davon aus"
        while j < end:
            if self.is_adjlike(j) and j + 1 < end and (self.is_adjlike(j + 1) or self.is_nounlike(j + 1, sent_start)
                                                        or w[j + 1] in ("„", "»")):
                j += 1
                continue
            break
        # head: capitalised words, hyphenated names, short quoted titles
        while j < end:
            if self.is_nounlike(j, sent_start):
                j += 1
                started = True
                continue
            q = self.quote_of[j]
            if q >= 0 and self.quotes[q][0] == j and self.quotes[q][1] - j <= 6 and self.quotes[q][1] < end \
                    and (not started or self.quote_is_name(j, self.quotes[q][1], -1)):
                # "der „Focus“", "die Musikzeitschrift „Billboard“"
                j = self.quotes[q][1] + 1
                started = True
                continue
            if started and low[j] in NAME_PARTICLES and j + 1 < end and self.is_nounlike(j + 1, sent_start) \
                    and low[j] not in GENITIVE_DETS | {"zu"}:
                j += 1
                continue
            if started and j == i + 1 and w[j - 1].endswith("s") and self.is_adjlike(j) and j + 1 < end \
                    and (self.is_nounlike(j + 1, sent_start) or self.is_adjlike(j + 1)):
                j += 1  # "Berlins früherer Regierender Bürgermeister …": a genitive name in front
                continue
            break
        if not started:
            return None
        # attachments: genitive NPs, "(SPD)", "für X" after roles, appositions
        while j < end:
            if low[j] in GENITIVE_DETS and j + 1 < end and not (
                    j - 1 > i and self.w[j - 1].isupper() and len(self.w[j - 1]) > 1):  # not "der NASA der …"
                sub = self.np_after(j, end, sent_start, allow_pron=False, appositions=False)
                if sub is not None and sub[1] > j + 1:
                    j = sub[1]
                    continue
                break
            if w[j] == "(":
                k = j + 1
                while k < end and k - j <= 5 and w[k] != ")":
                    k += 1
                if k < end and w[k] == ")" and k > j + 1:
                    j = k + 1
                    continue
                break
            if low[j] in ("in", "im") and j + 1 < end and (
                    self.lex.source_noun_kind(low[j - 1]) in ("org", "collective")
                    or (low[j] == "in" and self.is_nounlike(j + 1, sent_start) and not self.fclass(j + 1)
                        and any(self.lex.source_noun_kind(low[x]) == "role" for x in range(i, j)))):
                # "die Regierung in Lomé", "das Exilparlament im indischen Dharamshala"
                k = j + 1
                while k < end and self.is_adjlike(k) and low[k].endswith(("ischen", "ischer")):
                    k += 1
                if k < end and self.is_nounlike(k, sent_start) and not (
                        k + 1 < end and low[k + 1] in GENITIVE_DETS):  # not "im Zuge der …"
                    j = k + 1
                    while j < end and self.is_nounlike(j, sent_start) and not self.fclass(j):
                        j += 1  # "im Berliner Abgeordnetenhaus"
                    continue
                break
            if low[j] == "für" and j + 1 < end and self.lex.source_noun_kind(low[j - 1]) in ("role", "org"):
                k = j + 1
                while k < end and self.is_adjlike(k):
                    k += 1
                if k < end and self.is_nounlike(k, sent_start):
                    j = k + 1
                    if j + 1 < end and low[j] == "und" and self.is_nounlike(j + 1, sent_start):
                        j += 2  # "Kommissar für Schulwesen und Kultur"
                    continue
                break
            if low[j] in ("von", "vom", "aus") and j + 1 < end and not (
                    no_det_pp and "det" in self.fclass(j + 1)) and not (
                    low[j] == "aus" and (self.is_adjlike(j + 1) or self._common_noun(j + 1))
                    and not self._source_noun_after(j + 1, end)) and not (
                    w[j + 1][:1].isdigit()):  # not "aus heiterem Himmel", "aus Sicherheitsgründen", "von 50.000"
                # "Joe Stork von HRW", "Abgeordnete aus der Koalition"
                sub = self.np_after(j + 1, end, sent_start, allow_pron=False, appositions=appositions)
                if sub is not None:
                    j = sub[1]
                    continue
                break
            if appositions and low[j] in ("auf", "bei", "beim", "am", "an", "im", "aus") and j + 1 < end:
                # "Ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärte"
                c = j + 1
                while c < end and c - j <= 6 and (self.is_adjlike(c) or self.is_nounlike(c, sent_start)
                                                  or "det" in self.fclass(c)):
                    c += 1
                if c < end and c > j + 1 and w[c] == "," and c + 1 < end:
                    m = self.apposition_end(c + 1, end, sent_start)
                    if m is not None and any(self.is_nounlike(x, sent_start) and not self.fclass(x)
                                             and self.lex.lower.get(low[x], (0, 0)) == (0, 0)
                                             for x in range(c + 1, m)):
                        j = m
                        continue
                break
            if appositions and w[j] == "," and j + 1 < end:
                m = self.apposition_end(j + 1, end, sent_start)
                if m is not None and not open_end and (m >= end or w[m] != ","):
                    m = None  # in a frame ("laut X, Chef der Y, …") the apposition is closed by a comma
                if m is not None:
                    j = m
                    continue
                break
            if coordination and low[j] in ("und", "sowie") and j + 1 < end:
                # "die IADB und der MIF", "Meinung vieler Experten und Fans"
                sub = self.np_after(j + 1, end, sent_start, allow_pron=False, appositions=False)
                if sub is not None and (sub[1] >= end or not self.is_adjlike(sub[1])):
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
        w, low = self.w, self.low
        if not (self.is_nounlike(k, sent_start) or "det" in self.fclass(k) or self.is_adjlike(k)):
            return None
        if low[k] in RELATIVE and k + 1 < end and not (self.is_nounlike(k + 1, sent_start) or self.is_adjlike(k + 1)):
            return None  # relative pronoun
        m = k
        nouns = 0
        while m < end and m - k <= 14:
            x = w[m]
            if x in (",", ".", ":", ";", "!", "?") and self.quote_of[m] < 0:
                break
            lo = low[m]
            cls = self.lex.fclass(lo)
            if self.is_nounlike(m, sent_start) and not cls:
                nouns += 1
            elif lo in NAME_PARTICLES and m + 1 < end and self.is_nounlike(m + 1, -1):
                pass  # "Union Générale Tunisienne du Travail"
            elif cls & {"aux", "sub", "pron", "wh"} and not cls & {"det"}:
                return None
            elif cls & {"det", "prep", "conj"} or lo in self.APPOSITION_PREPS:
                pass
            elif self.is_adjlike(m) or x[:1].isdigit() or x in ("(", ")", "-", "/", "–") or self.quote_of[m] >= 0:
                if lo in self.lex.verbs:
                    return None
                if self.is_adjlike(m) and not x[:1].isdigit() and not (
                        m + 1 < end and (self.is_adjlike(m + 1) or self.is_nounlike(m + 1, -1) or low[m + 1] in ("und", ","))):
                    return None  # "vertreten durch X": a participle, not an attribute
            else:
                return None  # a verb or adverb: a clause, not an apposition
            m += 1
        if nouns == 0 or m - k > 14 or m == k:
            return None
        # a time adverbial closing the sentence is not part of it ("…, Kommandeur des Einsatzes, am Montag")
        for t in range(k + 1, m - 1):
            if low[t] in ("am", "an", "im", "seit") and low[t + 1] in TIME_WORDS and (m >= end or w[m] != ","):
                return t
        if m < end and w[m] not in (",", ".", ":", ";"):
            return None
        return m

    def np_before(self, i: int, start: int, sent_start: int) -> tuple[int, int] | None:
        """Noun phrase ending right before token i (for "X zufolge"): nouns and
        names, adjectives before them, articles, genitive and "von" chains
        ("Einer Meldung von Xinhua", "dem Bericht der „Zeitung“")."""
        w, low = self.w, self.low
        j = i - 1
        if j < start:
            return None
        k = j + 1
        if self.quote_of[j] >= 0 and self.quotes[self.quote_of[j]][1] == j:
            k = self.quotes[self.quote_of[j]][0]
        elif self.is_nounlike(j, sent_start) or self.lex.is_nominal_cue(low[j]):
            k = j
        else:
            return None
        while k - 1 >= start:
            p = k - 1
            if self.quote_of[p] >= 0 and self.quotes[self.quote_of[p]][1] == p:
                k = max(start, self.quotes[self.quote_of[p]][0])
                continue
            if self.is_nounlike(p, sent_start) and not self.lex.fclass(low[p]):
                k = p
                continue
            if self.is_adjlike(p) and not self.lex.verbs.get(low[p]) and not (
                    p - 1 >= start and self.is_nounlike(p - 1, sent_start)):
                # an adjective is preceded by an article, another adjective or
                # nothing — "Samstag starben behördlichen Angaben" stops at "starben"
                k = p
                continue
            if low[p] in ("in", "im") and p - 1 >= start and self.lex.source_noun_kind(low[p - 1]) in ("org", "collective"):
                k = p - 1  # "Den Polizeibehörden in Mombasa zufolge"
                continue
            if p == sent_start and self.w[p][:1].isupper() and self.lex.mostly_lowercase(low[p]) \
                    and low[p].endswith(("e", "en", "er", "es", "em")) and not self.lex.fclass(low[p]):
                k = p  # "Afghanischen Behörden zufolge"
                break
            cls = self.fclass(p)
            if "det" in cls or low[p] in ("von", "vom"):
                k = p
                if p - 1 >= start and (self.is_nounlike(p - 1, sent_start) or self.lex.is_nominal_cue(low[p - 1])) \
                        and (low[p] in GENITIVE_DETS or low[p] in ("von", "vom")):
                    continue  # "Meldung von Xinhua", "Bericht der Zeitung"
                break
            break
        if low[k] in ("von", "vom"):
            k += 1
        if k == start and low_k_rel(self, k) and k < j:
            k += 1  # ", der Experten zufolge …": relative pronoun, not an article
        if self.lex.is_nominal_cue(low[j]) and k < j and self.is_nounlike(j - 1, sent_start) \
                and not self.lex.is_nominal_cue(low[j - 1]):
            k = j  # "Nordkorea Berichten zufolge" -> "Berichten"
            while k - 1 >= start and (self.is_adjlike(k - 1) or "det" in self.fclass(k - 1)) \
                    and not self.is_nounlike(k - 1, sent_start):
                k -= 1
        return (k, j + 1)

    # ------------------------------------------------------------ main entry
    def run(self) -> list[Claim]:
        claims: list[Claim] = []
        consumed: set[int] = set()  # sentences already covered by a claim
        prev_attr: Claim | None = None  # attributed claim in the previous sentence
        prev_sent = -2
        colon_pending: Claim | None = None
        for si, (s, e) in enumerate(self.sents):
            if si in consumed:
                # sentence inside a multi-sentence quote or message
                continue
            # strip trailing whitespace tokens
            while e > s and self.w[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            got = None
            q = self.quote_of[s]
            if q >= 0 and self.quotes[q][0] == s and self.quotes[q][1] - s >= 3 and si > 0:
                got = self.quote_after_colon(si, s, e, consumed, prev_attr if prev_sent == si - 1 else None)
            if not got:
                got = self.sentence(si, s, e, consumed)
            if got:
                for c in got:
                    c.sents = c.sents or [si]
                claims.extend(got)
                prev_attr = got[-1] if got[-1].attribution != Attribution.UNATTRIBUTED else None
                prev_sent = max(got[-1].sents)
                colon_pending = prev_attr if (prev_attr and self.w[e - 1] == ":") else None
                continue
            # free indirect speech / continuation after an attributed sentence
            carrier = colon_pending or prev_attr
            level = 2 if colon_pending else self.reportive(s, e)
            if carrier is not None and (prev_sent == si - 1 or (level == 2 and prev_sent >= si - 2)) and level:
                msg = (s, e)
                if carrier.kind in ("free", "colon") and carrier.parts[-1][1] <= s and prev_sent == si - 1:
                    # merge into the previous free-indirect claim
                    carrier.parts[-1] = (carrier.parts[-1][0], e)
                    carrier.sents.append(si)
                    carrier.hedged = carrier.hedged or self.hedged(s, e)
                    prev_sent = si
                    continue
                c = Claim(
                    parts=[msg],
                    attribution=Attribution.INDIRECT,
                    source=carrier.source,
                    antecedent=carrier.antecedent,
                    cue=None,
                    hedged=self.hedged(s, e),
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
            cw = self.checkworthy(s, e)
            if cw:
                claims.append(Claim(parts=[(s, e)], attribution=Attribution.UNATTRIBUTED,
                                    hedged=self.hedged(s, e), score=0.3, kind="checkworthy", sents=[si]))
        self.resolve(claims)
        return claims

    # ------------------------------------------------------------- features
    def hedged(self, s: int, e: int) -> bool:
        lex = self.lex
        for k in range(s, e):
            lo = self.low[k]
            if lo in lex.hedges or lo in lex.konj1:
                return True
        return False

    KONJ2 = frozenset("hätte hätten wäre wären würde würden müsste müssten befänden stünden gäbe käme kämen "
                      "ließen ginge gingen".split())

    def reportive(self, s: int, e: int) -> int:
        """2: Konjunktiv I or reportive soll(en) outside quotes; 1: Konjunktiv II; 0: none."""
        lex = self.lex
        level = 0
        for k in range(s, e):
            if self.quote_of[k] >= 0:
                continue
            lo = self.low[k]
            if lo in lex.konj1 and (lo in ("sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe")
                                    or not self.w[k][:1].isupper()):
                return 2
            if lo in ("soll", "sollen"):
                return 2
            if lo in self.KONJ2:
                level = 1
        return level

    def checkworthy(self, s: int, e: int) -> bool:
        if e - s < 4:
            return False
        lex = self.lex
        for k in range(s, e):
            x = self.w[k]
            if x[:1].isdigit():
                return True
            if self.low[k] in lex.checkworthy:
                return True
        return False

    def clause_end(self, i: int, e: int) -> int:
        """First clause boundary (, ; : or quote opener outside quotes) at or after i."""
        k = i
        while k < e:
            x = self.w[k]
            if self.quote_of[k] >= 0 and self.quotes[self.quote_of[k]][0] == k:
                return k
            if x in (",", ";", ":", "–", "—") and self.quote_of[k] < 0:
                return k
            k += 1
        return e

    def clause_start(self, i: int, s: int, at_quotes: bool = True) -> int:
        k = i - 1
        while k >= s:
            x = self.w[k]
            if x in (",", ";", ":", "–", "—") and self.quote_of[k] < 0:
                return k + 1
            if at_quotes and self.quote_of[k] >= 0 and self.quotes[self.quote_of[k]][1] == k:
                return k + 1
            k -= 1
        return s

    def strip_end(self, s: int, e: int) -> int:
        """Drop final punctuation (not closing quotes) from a message range."""
        while e > s and self.w[e - 1] in (".", ",", ";", ":", "!", "?", "–", "—", "-") and self.quote_of[e - 1] < 0:
            e -= 1
        return e

    # ------------------------------------------------------------ cues
    def find_verb_cues(self, s: int, e: int) -> list[tuple[int, VerbForm, int]]:
        """(token, entry, particle token or -1) for reporting verbs outside quotes."""
        out = []
        w, low = self.w, self.low
        for i in range(s, e):
            if self.quote_of[i] >= 0:
                continue
            ents = self.lex.verbs.get(low[i])
            if not ents:
                continue
            if w[i][:1].isupper() and i != s:
                continue  # a noun ("Schreiben", "Bericht")
            if self.lex.fclass(low[i]):
                continue  # "meinen" (possessive), "sein"
            if all(vf.seen >= 8 and vf.precision < 0.08 for vf in ents):
                continue  # mostly an adjective or another sense ("bekannt")
            if self._after_modal(i, s):
                continue
            if i + 1 < e and low[i].endswith("t") and not w[i + 1][:1].isupper() \
                    and any(vf.kind == "fin" for vf in ents) \
                    and any(vf.kind == "part" for vf in self.lex.verbs.get(low[i + 1], ())):
                continue  # "wiederholt abgelehnt": an adverb before the participle
            best = None
            for vf in ents:
                if vf.kind in ("konj", "inf"):
                    continue
                if vf.kind == "fin" and vf.particle:
                    ce = self.clause_end(i + 1, e)
                    p = -1
                    for k in range(i + 1, min(ce + 1, e)):
                        # the particle closes the clause: "teilte … mit," not "mit den Nachbarn"
                        if low[k] == vf.particle and (k + 1 >= e or w[k + 1] in (",", ".", ":", ";", "!", "?", "“", "”", "„", '"')
                                                      or low[k + 1] in ("und", "dass", "oder", "aber")):
                            p = k
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
        # a separated particle ("gab … bekannt") is not a cue of its own
        particles = {p for _, _, p in out if p >= 0}
        return [c for c in out if c[0] not in particles]

    MODALS = frozenset("soll sollen sollte sollten will wollen wollte wollten kann können konnte konnten "
                       "muss müssen musste mussten darf dürfen durfte durften möchte möchten mag".split())

    FOCUS = frozenset("auch nur selbst sogar ebenso allein gerade besonders zudem ebenfalls".split())
    PASSIVE_AUX = frozenset("wird werden wurde wurden worden würde würden".split())

    def _after_modal(self, i: int, s: int) -> bool:
        """An infinitive governed by a modal or "zu" ("soll … warnen", "zu sagen")."""
        lo = self.low[i]
        if i > s and self.low[i - 1] == "zu":
            return True
        ents = self.lex.verbs.get(lo) or []
        if not any(vf.form == vf.lemma or vf.kind == "inf" or lo.endswith("en") for vf in ents):
            return False
        cs = self.clause_start(i, s)
        return any(self.low[k] in self.MODALS for k in range(cs, i))

    def aux_before(self, i: int, cs: int) -> int:
        """Finite auxiliary/modal before a participle in the same clause, or -1."""
        for k in range(i - 1, cs - 1, -1):
            if "aux" in self.fclass(k) and self.quote_of[k] < 0:
                return k
        return -1

    # ------------------------------------------------------------ sentence
    def sentence(self, si: int, s: int, e: int, consumed: set[int]) -> list[Claim]:
        w, low = self.w, self.low
        frames = self.find_frames(s, e)
        all_verbs = self.find_verb_cues(s, e)
        # evidence verbs ("Satellitenbilder zeigen, dass …") only with a dass-clause
        verbs = [v for v in all_verbs if v[1].cls != "evidence"]
        claims: list[Claim] = []

        # 0. "wie X mitteilte, …" frames
        for vi, vf, part in verbs:
            cs = self.clause_start(vi, s, at_quotes=False)
            if any(low[k] == "wie" for k in range(cs, vi)):
                c = self.verb_claim(s, e, vi, vf, part)
                if c is not None and c.kind == "wie":
                    return [c]
        # 1. direct quotes with a speaker
        qclaim = self.direct_quote(si, s, e, verbs, frames, consumed)
        if qclaim is not None:
            return [qclaim]

        # 2. reporting verb with a complement or inverted frame; when two cues
        # share a clause ("hat sich geäußert und aufgefordert, …") the later one
        # takes the complement
        for n_v, (vi, vf, part) in enumerate(all_verbs):
            if n_v + 1 < len(all_verbs) and all_verbs[n_v + 1][0] < self.clause_end(vi + 1, e):
                continue
            c = self.verb_claim(s, e, vi, vf, part)
            if c is not None:
                claims.append(c)
                # an adverbial frame outside the verb's message is a claim of its
                # own: "Heute bestätigte X laut Reuters, dass …"
                for fr in frames:
                    if fr["kind"] in ("pre", "post", "nach") and fr["span"] is not None \
                            and not (c.start <= fr["cue"][0] < c.end):
                        fc = self.frame_claim(s, e, fr)
                        if fc is not None:
                            claims.append(fc)
                        break
                return claims

        # 3. adverbial frames: message = sentence minus frame
        if frames:
            fr = frames[0]
            c = self.frame_claim(s, e, fr)
            if c is not None:
                return [c]

        # 4. reported speech act without complement: whole sentence
        for vi, vf, part in verbs:
            if vf.cls == "thought" and vf.kind != "part":
                continue
            c = self.reported_claim(s, e, vi, vf, part)
            if c is not None:
                return [c]
        return []

    # ------------------------------------------------------------ frames
    def find_frames(self, s: int, e: int) -> list[dict]:
        """Adverbial source frames in a sentence: dicts with cue, source, span."""
        out = []
        w, low, lex = self.w, self.low, self.lex
        for i in range(s, e):
            if self.quote_of[i] >= 0:
                continue
            kind = lex.frames.get(low[i])
            if kind is None:
                continue
            if kind == "pre":
                np_ = self.np_after(i + 1, e, s, allow_pron=False, open_end=False)
                if np_ is None:
                    continue
                out.append(dict(cue=(i, i + 1), source=np_, span=(i, np_[1]), kind="pre"))
            elif kind == "post":
                cs = self.clause_start(i, s)
                np_ = self.np_before(i, cs, s)
                if np_ is None:
                    continue
                out.append(dict(cue=(i, i + 1), source=np_, span=(np_[0], i + 1), kind="post"))
            elif kind == "nach":
                if i - 2 >= s and lex.is_nominal_cue(low[i - 1]) and low[i - 2] in POSSESSIVES:
                    # "seiner Meinung nach", "ihrer Ansicht nach"
                    out.append(dict(cue=(i, i + 1), source=(i - 2, i), span=(i - 2, i + 1), kind="nach"))
                    continue
                if i > s and w[i - 1] == "," and i + 1 < e and low[i + 1] in ("denen", "dem", "der"):
                    # "Gerüchte, nach denen …" (like "wonach")
                    out.append(dict(cue=(i, i + 1), source=None, span=None, kind="rel", at=i + 1))
                    continue
                # nach [det] [adj]* NOMINAL (+ genitive/von NP)
                j = i + 1
                if j < e and "det" in self.fclass(j):
                    j += 1
                while j < e and self.is_adjlike(j):
                    j += 1
                if j >= e or not w[j][:1].isupper() or not lex.is_nominal_cue(low[j]):
                    continue
                k = j + 1
                if k < e and (low[k] in GENITIVE_DETS or low[k] in ("von", "vom")):
                    sub = self.np_after(k + (1 if low[k] in ("von", "vom") else 0), e, s, allow_pron=False)
                    if sub is not None:
                        k = sub[1]
                elif k < e and self.is_nounlike(k, s) and not self.lex.fclass(low[k]):
                    k += 1  # "nach Angaben Reuters"
                elif k + 1 < e and self.is_adjlike(k) and low[k].endswith("er"):
                    sub = self.np_after(k, e, s, allow_pron=False)  # "Angaben südkoreanischer Geheimdienste"
                    if sub is not None:
                        k = sub[1]
                out.append(dict(cue=(i, i + 1), source=(i + 1, k), span=(i, k), kind="nach"))
            elif kind == "adv":
                out.append(dict(cue=(i, i + 1), source=None, mention=(i, i + 1), span=(i, i + 1), kind="adv"))
            elif kind == "rel":
                # "Berichte, wonach X": message after wonach
                out.append(dict(cue=(i, i + 1), source=None, span=None, kind="rel", at=i))
            elif kind == "heisst":
                if i + 1 < e and low[i + 1] == "es" or (i > s and low[i - 1] == "es"):
                    j = i + 2 if i + 1 < e and low[i + 1] == "es" else i + 1
                    while j < e and ("adv" in self.fclass(j) or low[j] == "weiter"):
                        j += 1
                    src = None
                    end_ = j
                    if j < e and low[j] in ("in", "im", "aus", "von", "vom", "bei", "beim", "seitens"):
                        src = self.np_after(j + 1, e, s, allow_pron=False)
                        if src is not None:
                            end_ = src[1]
                    start_ = i if low[i - 1] != "es" else i - 1
                    if src is None and low[s] in ("in", "im", "auf", "aus", "bei", "beim") and i - s >= 3:
                        # "In der Pressemitteilung des WWF heißt es, …"
                        pp = self.np_after(s + 1, i, s, allow_pron=False)
                        if pp is not None and (pp[1] == i or w[pp[1]] == ","):
                            src = pp
                            start_ = s
                    out.append(dict(cue=(i, i + 1), source=src, span=(start_, end_), kind="heisst"))
            elif kind == "so":
                # "…, so der Sprecher." / "„…“, so X"
                if i > s and (w[i - 1] == "," or (self.quote_of[i - 1] >= 0)) and i + 1 < e:
                    np_ = self.np_after(i + 1, e, s, allow_pron=True)
                    if np_ is not None and (np_[1] >= e or w[np_[1]] in (",", ".", "!", "?", ";", ":")
                                            or self.lex.fclass(low[np_[1]]) & {"prep", "adv"}
                                            or (w[np_[1]].islower() and np_[1] + 2 >= e)):
                        k = np_[1]
                        # skip trailing adverbials to the clause end
                        ce = self.clause_end(k, e)
                        out.append(dict(cue=(i, i + 1), source=np_, span=(i - 1 if w[i - 1] == "," else i, ce), kind="so"))
        return out

    def frame_claim(self, s: int, e: int, fr: dict) -> Claim | None:
        w = self.w
        if fr["kind"] == "rel":
            at = fr["at"]
            me = self.strip_end(at + 1, e)
            if me - at < 3:
                return None
            # source: the noun before ", wonach"
            src = None
            k = at - 1
            if k > s and w[k] == ",":
                src = self.np_before(k, s, s)
            return Claim(parts=[(at + 1, me)], attribution=Attribution.ACCORDING_TO, source=src,
                         cue=fr["cue"], hedged=self.hedged(s, e), score=0.7, kind="wonach")
        a, b = fr["span"]
        # message: sentence minus the frame (and adjacent commas)
        left = (s, a)
        right = (b, e)
        while left[1] > left[0] and w[left[1] - 1] == ",":
            left = (left[0], left[1] - 1)
        r0 = right[0]
        while r0 < e and w[r0] == ",":
            r0 += 1
        r1 = self.strip_end(r0, e)
        parts = [p for p in (left, (r0, r1)) if p[1] - p[0] > 0]
        if not parts:
            return None
        if sum(p[1] - p[0] for p in parts) < 3:
            return None
        # a frame in the middle of a clause that starts with a wh/relative clause is fine
        mention = fr.get("mention") or fr["source"]
        return Claim(parts=parts, attribution=Attribution.ACCORDING_TO, source=mention, cue=fr["cue"],
                     hedged=self.hedged(s, e), score=BASE_SCORE[Attribution.ACCORDING_TO], kind="frame-" + fr["kind"])

    # ------------------------------------------------------------ quotes
    def quote_after_colon(self, si: int, s: int, e: int, consumed: set[int], prev: Claim | None) -> list[Claim]:
        """A sentence that opens with a quote after "X …:" or right after
        another quote of the same speaker."""
        qs, qe = self.quotes[self.quote_of[s]]
        # is the quote followed by its own frame (", sagte X")? then not here
        last_si = si
        while last_si + 1 < len(self.sents) and self.sents[last_si + 1][0] <= qe:
            last_si += 1
        e2 = self.sents[last_si][1]
        k = qe + 1
        while k < e2 and self.w[k].isspace():
            k += 1
        if k < e2 and self.w[k] not in (".", "!", "?", "(", ")"):
            return []
        ps, pe = self.sents[si - 1]
        while pe > ps and self.w[pe - 1].isspace():
            pe -= 1
        src = cue = None
        if pe > ps and self.w[pe - 1] == ":":
            verbs = [v for v in self.find_verb_cues(ps, pe) if v[1].cls != "evidence"]
            if verbs:
                vi, vf, p = verbs[0]
                src = self.subject_of(vi, vf, ps, pe, p)
                cue = (vi, vi + 1)
            else:
                first = self.low[ps]
                if self.lex.fclass(first) & {"prep", "sub", "adv"} and "det" not in self.lex.fclass(first):
                    return []
                src = self.np_after(ps, pe, ps)
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
                      hedged=self.hedged(qs, qe + 1), score=0.8, kind="quote-colon",
                      sents=list(range(si, last_si + 1)))]

    def quote_is_name(self, qs: int, qe: int, s: int) -> bool:
        """„…“ used as a name or title: "die „Kampagne für Tibet“", "der Serie „…“"."""
        if qs > s:
            prev = self.low[qs - 1]
            cls = self.lex.fclass(prev)
            if "det" in cls or "prep" in cls or self.is_adjlike(qs - 1):
                return True
        inner = [k for k in range(qs + 1, qe) if self.w[k] not in PUNCT]
        if not inner:
            return True
        if len(inner) <= 5 and all(self.w[k][:1].isupper() or self.lex.fclass(self.low[k]) & {"det", "prep", "conj"}
                                   and not self.lex.fclass(self.low[k]) & {"aux", "pron", "adv"} for k in inner):
            return True
        return False

    def direct_quote(self, si: int, s: int, e: int, verbs, frames, consumed) -> Claim | None:
        w, low = self.w, self.low
        # quote regions starting inside this sentence
        regions = [q for q in self.quotes if s <= q[0] < e and q[1] - q[0] >= 3
                   and not self.quote_is_name(q[0], q[1], s)]
        if not regions:
            return None
        # the largest quote
        qs, qe = max(regions, key=lambda q: q[1] - q[0])
        outside = [k for k in range(s, e) if not (qs <= k <= qe)]
        # sentences covered by the quote
        last_si = si
        while last_si + 1 < len(self.sents) and self.sents[last_si + 1][0] <= qe:
            last_si += 1
        e2 = self.sents[last_si][1] if last_si > si else e
        while e2 > s and self.w[e2 - 1].isspace():
            e2 -= 1
        # frame after the quote (", sagte X." may be in the last sentence)
        if last_si > si:
            after_v = [(vi, vf, p) for vi, vf, p in self.find_verb_cues(qe + 1, e2)
                       if vi > qe and vf.cls != "evidence"]
        else:
            after_v = [(vi, vf, p) for vi, vf, p in verbs if vi > qe]
        before_v = [(vi, vf, p) for vi, vf, p in verbs if vi < qs]
        src = cue = None
        if after_v and all(w[k] in (",", ".", "!", "?", "“", "”") or self.quote_of[k] >= 0 for k in range(qe + 1, after_v[0][0])) \
                or (after_v and after_v[0][0] - qe <= 3):
            vi, vf, p = after_v[0]
            cue = (vi, vi + 1)
            src = self.subject_after(vi, e2, s, p)
            if src is None:
                # "Während X diese Berichte als „…“ bestreiten"
                src = self.subject_of(vi, vf, s, e2, p)
        elif after_v is not None and any(fr["kind"] == "so" and fr["cue"][0] > qe for fr in frames):
            fr = next(fr for fr in frames if fr["kind"] == "so" and fr["cue"][0] > qe)
            cue, src = fr["cue"], fr["source"]
        elif before_v:
            vi, vf, p = before_v[-1]
            # the quote must follow the verb's clause: "X sagte: „…“" / "sagte er „…“"
            between = [k for k in range(vi + 1, qs) if self.quote_of[k] < 0]
            colon = any(w[k] == ":" for k in between)
            if not colon and len(between) > 6 and (qe - qs) < 8:
                return None
            if not colon and any(w[k] == "," for k in between):
                # "sagte, dass … „…“" -> indirect claim handles it
                return None
            cue = (vi, vi + 1)
            src = self.subject_of(vi, vf, s, e, p)
        else:
            # quote introduced by "X: „…“" or a colon-ending previous sentence
            colon_at = next((k for k in range(s, qs) if w[k] == ":"), -1)
            if colon_at > s and qs - colon_at <= 2:
                src = self.np_after(s, colon_at, s)
                if src is None or src[1] != colon_at:
                    return None
            else:
                return None
        if last_si > si:
            for k in range(si + 1, last_si + 1):
                consumed.add(k)
        c = Claim(parts=[(qs, qe + 1)], attribution=Attribution.DIRECT_QUOTE, source=src, cue=cue,
                  hedged=self.hedged(qs, qe + 1), score=BASE_SCORE[Attribution.DIRECT_QUOTE], kind="quote",
                  sents=list(range(si, last_si + 1)))
        return c

    # ------------------------------------------------------------ sources
    def subject_after(self, vi: int, e: int, s: int, particle: int = -1) -> tuple[int, int] | None:
        """Subject after an (inverted) verb: "…, sagte der Sprecher des Amtes"."""
        j = vi + 1
        stop = e
        # skip adverbs / reflexive
        while j < stop and (self.low[j] in ("auch", "nun", "zudem", "dazu", "außerdem", "jetzt", "sich", "heute",
                                            "gestern", "später", "weiter", "ebenfalls", "noch", "bereits", "daraufhin")):
            j += 1
        # after the verb "von den Partnern" is an object, "von HRW" an affiliation
        np_ = self.np_after(j, stop, s, no_det_pp=True)
        if np_ is None:
            return None
        a, b = np_
        if self.low[a] in ("ihm", "ihr", "ihnen", "uns"):
            return None
        return np_

    def subject_of(self, vi: int, vf: VerbForm, s: int, e: int, particle: int = -1) -> tuple[int, int] | None:
        """Subject of a main clause with the (finite or participle) verb at vi."""
        w, low = self.w, self.low
        cs = self.clause_start(vi, s)
        # if the clause begins with a quote right before, subject is after the verb
        fin = vi
        if vf.kind == "part" or vf.form.endswith("t"):
            a = self.aux_before(vi, cs)
            if a >= 0:
                fin = a
                if low[a] in self.PASSIVE_AUX or (vi + 1 < e and low[vi + 1] in ("worden", "werden")):
                    # passive: the source is the "von X" agent, if any (not the
                    # topic of "wird von X ausgegangen / gesprochen / berichtet")
                    for k in (range(cs, vi) if vf.lemma not in ("ausgehen", "sprechen", "berichten") else ()):
                        if low[k] in ("von", "vom", "durch") and self.quote_of[k] < 0:
                            agent = self.np_after(k + 1, vi, s, allow_pron=False)
                            if agent is not None:
                                return agent
                    if low[cs] in ("in", "im", "auf", "aus") and cs + 1 < a:
                        # "In einer Presseerklärung wurde verkündet, dass …"
                        pp = self.np_after(cs + 1, a, s, allow_pron=False)
                        if pp is not None and pp[1] == a and any(
                                self.lex.source_noun_kind(low[x]) in ("document", "org") for x in range(pp[0], pp[1])):
                            return pp
                    return None
        if fin == s:
            return self.subject_after(fin, e, s, particle)
        if fin == vi and vi - 1 > s and low[vi - 1] in ("und", "aber", "sowie") and self.quote_of[vi - 1] < 0:
            # coordinated verbs share the subject: "X sprach sich dagegen aus und sagte, …"
            k = s
            while k < vi and low[k] in self.FOCUS:
                k += 1
            first = self.np_after(k, vi, s)
            if first is not None and not (self.lex.fclass(low[k]) & {"prep", "sub", "adv"}) \
                    and not ("det" in self.fclass(k) and low[k] in ("den", "dem", "einen", "einem")):
                return first
        if cs > s and low[cs] in ("und", "aber", "doch", "sondern", "denn") and cs + 1 < fin:
            sub = self.np_after(cs + 1, fin, s)  # "…, und die Flugrouten deuten darauf hin"
            if sub is not None and sub[1] >= fin - 1:
                return sub
        verb_final = vi + 1 >= e or w[vi + 1] in (",", ".", ";", ":") or (particle >= 0 and particle < vi)
        if cs > s and verb_final and low[cs] in RELATIVE and w[cs - 1] == "," and cs + 1 < vi \
                and not (self.is_nounlike(cs + 1, s) or self.is_adjlike(cs + 1)) and low[cs] not in ("den", "dem", "denen"):
            return (cs, cs + 1)  # "…, der die Regierung aufgefordert hatte, …": the relative pronoun
        if fin == vi and not verb_final:
            # "…, und die Hongkonger befürchten, dass …": a coordinated main clause
            for k in range(vi - 1, max(s, vi - 8), -1):
                if low[k] in ("und", "aber", "doch") and self.quote_of[k] < 0:
                    # only when a clause with its own verb stands before "und"
                    has_verb = any("aux" in self.fclass(x) or (low[x] in self.lex.verbs and w[x][:1].islower())
                                   for x in range(s, k))
                    sub = self.np_after(k + 1, vi, s)
                    if has_verb and sub is not None and sub[1] >= vi - 1 and k > s:
                        return sub
                    break
        if cs < vi and self.lex.fclass(low[cs]) & {"sub"} and low[cs] not in ("wie",) and cs + 1 < vi \
                and verb_final:
            # verb-final subordinate clause: "Als X sagte, dass …"
            sub = self.np_after(cs + 1, vi, s)
            if sub is not None:
                return sub
        # prefield: the whole stretch from the sentence start (appositions may
        # contain commas) when it looks like a subject
        pre_s = s
        if fin - s == 1 and low[s] in ("das", "dies", "dieses", "diese", "was", "dem", "den"):
            return self.subject_after(fin, e, s, particle)
        if fin + 1 < e and low[fin + 1] in ("er", "man", "wir", "ich") and self.quote_of[fin + 1] < 0:
            return (fin + 1, fin + 2)  # "Die Tat bezeichnete er als sinnlos"
        if low[s] in ("den", "dem", "einen", "einem", "diesen", "diesem"):
            if fin + 1 < e and low[fin + 1] == "sie":
                return (fin + 1, fin + 2)
            return self.subject_after(fin, e, s, particle)
        while s < fin - 1 and low[s] in self.FOCUS:
            s += 1  # "Auch das Außenministerium kritisierte …"
        pre_s = s
        # skip a leading frame or subordinate clause: take the last clause
        first = low[pre_s]
        cls = self.lex.fclass(first)
        # subordinate clause or PP/adverb first -> subject follows the verb
        if cls & {"prep", "sub", "adv", "conj", "wh"} and "det" not in cls or first in self.lex.frames \
                or (w[pre_s][:1].isdigit()) or self.lex.mostly_lowercase(first) and "det" not in cls \
                and first not in SUBJECT_PRONOUNS and not (
                    first.endswith(("e", "en", "er", "es")) and pre_s + 1 < fin and self.is_nounlike(pre_s + 1, s)):
            if first in SUBJECT_PRONOUNS:
                return (pre_s, pre_s + 1)
            subj = self.subject_after(fin, e, s, particle)
            return subj
        np_ = self.np_after(s, fin, s, coordination=True)
        if np_ is None:
            return self.subject_after(fin, e, s, particle)
        a, b = np_
        if b >= fin - 1:
            if not self.speaker_like(np_) and fin == vi:
                # "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal":
                # a non-speaker in front, a name right after the verb
                after = self.subject_after(fin, e, s, particle)
                if after is not None and self.speaker_like(after) and not self.fclass(after[0]):
                    return after
            return (a, self._trim(a, b))
        nxt = low[b]
        if w[b] == "," and b + 1 < fin and nxt in ("," ) or (w[b] == "," and low[b + 1] in RELATIVE
                                                            and w[fin - 1] == ","):
            return np_  # "Die Organisation, die …, erklärte"
        if nxt in ("und", "sowie", "oder") and b + 1 < fin:
            sub = self.np_after(b + 1, fin, s)
            if sub is not None and sub[1] >= fin - 1:
                return (a, self._trim(a, sub[1]))
        if all("adv" in self.lex.fclass(low[k]) for k in range(b, fin)):
            return np_  # "Die Kanadier hingegen"
        if cs == fin and w[fin - 1] == ",":
            # "Y sei …, sagte X": the subject follows the verb; if nothing
            # follows, the verb continues the sentence's subject
            # ("X monieren …, sprechen aber davon, …")
            return self.subject_after(fin, e, s, particle) or np_
        return np_

    def _trim(self, a: int, b: int) -> int:
        while b > a and self.w[b - 1] in (",", ";", ":"):
            b -= 1
        return b

    # ------------------------------------------------------------ verb claims
    def complement_after(self, vi: int, part: int, e: int) -> tuple[int, int, str] | None:
        """The complement clause after a reporting verb, (start, end, kind)."""
        w, low = self.w, self.low
        start = max(vi, part) + 1 if part >= 0 else vi + 1
        b = self.clause_end(start, e)
        if b >= e:
            return None
        # verb particle after the boundary? ("teilte mit, dass") handled: particle before b
        if self.quote_of[b] >= 0 and self.quotes[self.quote_of[b]][0] == b:
            return None  # a quote: handled by direct_quote
        x = w[b]
        k = b + 1
        if k >= e:
            return None
        me = self.strip_end(k, e)
        # end the complement before an inverted frame ", sagte X" / ", so X"
        if x == ":":
            if self.quote_of[k] >= 0:
                return None
            return (k, me, "colon")
        lo = low[k]
        if lo == "was" and self.reportive(k, me) < 2:
            return None  # ", was …": usually a relative clause
        if lo in COMPLEMENTIZERS or (lo in WH and lo not in ("welche", "welcher", "welches")):
            return (k, self._cut_coordination(k, me), "dass")
        if lo in NON_COMPLEMENT_STARTS and not (lo == "bis" and k + 1 < e and low[k + 1] == "zu"):
            return None
        if lo in RELATIVE and not (k + 1 < e and (self.is_nounlike(k + 1, -1) or self.is_adjlike(k + 1))):
            return None
        if lo == "zu" or (lo in ("sich", "nicht", "auch", "nur", "weiter", "künftig") and
                           any("zu" == low[m] or ("zu" in low[m][2:-2] and low[m].endswith("en")) for m in range(k, min(me, k + 6)))):
            return (k, me, "inf")
        # verb-second clause: a finite verb within the first tokens
        for m in range(k, min(me, k + 10)):
            lm = low[m]
            if lm in self.lex.konj1 or "aux" in self.lex.fclass(lm):
                return (k, me, "v2")
            if w[m] == ",":
                break
        # reported speech with an inserted relative clause: "meinte, Yang Peiyi,
        # die gesungen hatte, sei …" — a Konjunktiv I further on
        if self.is_nounlike(k, -1) or "det" in self.fclass(k):
            for m in range(k, me):
                if low[m] in ("sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle") \
                        and self.quote_of[m] < 0:
                    return (k, me, "v2")
        # zu-infinitive at the clause end ("…, die Armee abzuziehen")
        ce = self.strip_end(k, self.clause_end(k, e))
        last = low[ce - 1] if ce - 1 >= k else ""
        if "zu" in last[1:-2] and last.endswith(("en", "ern", "eln")) or (ce - 2 >= k and low[ce - 2] == "zu"):
            return (k, me, "inf")
        return None

    def _cut_coordination(self, k: int, me: int) -> int:
        """End a dass-clause before ", und weigerte sich …" style coordination."""
        return me

    def verb_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> Claim | None:
        w, low = self.w, self.low
        cs = self.clause_start(vi, s, at_quotes=False)
        # subordinate "wie X mitteilte": frame
        for k in range(cs, vi):
            if low[k] == "wie" and self.quote_of[k] < 0:
                src = None
                a = k + 1
                b = vi
                if vf.kind == "part" and b > a and "aux" in self.fclass(b - 1):
                    b -= 1
                if vf.kind == "part":
                    ax = self.aux_before(vi, a)
                    src_end = vi
                else:
                    src_end = vi
                np_ = self.np_after(a, src_end, s)
                src = np_
                ce = self.clause_end(vi, e)
                frame = (k - 1 if k > s and w[k - 1] == "," else k, ce)
                parts = []
                if frame[0] > s:
                    parts.append((s, self._trim(s, frame[0])))
                r0 = ce
                while r0 < e and w[r0] == ",":
                    r0 += 1
                r1 = self.strip_end(r0, e)
                if r1 > r0:
                    parts.append((r0, r1))
                parts = [p for p in parts if p[1] > p[0]]
                if not parts:
                    return None
                return Claim(parts=parts, attribution=Attribution.ACCORDING_TO, source=src, cue=(vi, vi + 1),
                             hedged=self.hedged(s, e), score=0.85 * (0.6 + 0.4 * vf.precision), kind="wie")
            if w[k] in (",",):
                break
        comp = self.complement_after(vi, part, e)
        if comp is not None:
            a, b, kind = comp
            if b - a < 2:
                return None
            if vf.cls == "evidence" and kind != "dass":
                return None  # "Bilder zeigen, dass …" but not "zeigte sich, …"
            src = self.subject_of(vi, vf, s, e, part)
            if src is not None and src[0] <= vi < src[1]:
                src = None
            return Claim(parts=[(a, b)], attribution=Attribution.INDIRECT, source=src, cue=(vi, vi + 1),
                         hedged=self.hedged(a, b) or self.hedged(s, a), score=0.8 * (0.6 + 0.4 * vf.precision),
                         kind="comp-" + kind)
        # inverted: "Y sei …, sagte X." — verb right after a comma
        if vf.cls != "evidence" and vf.kind in ("fin", "sub", "part"):
            k = vi - 1
            if vf.kind == "part":
                ax = self.aux_before(vi, s)
                if ax >= 0:
                    k = ax - 1
            if k > s and w[k] == "," and self.quote_of[k] < 0:
                msg_end = k
                a = s
                pre_np = self.np_after(s, k, s)
                if pre_np is not None and pre_np[1] >= k - 1:
                    return None  # "X, Sprecher der Y, sagte …": the subject, not a message
                if msg_end - a >= 3:
                    if vf.kind != "part":
                        src = self.subject_after(vi, e, s)
                    else:
                        src = self.np_after(k + 2, vi, s)
                    if src is None:
                        return None
                    if vf.kind != "part":
                        b = src[1]
                        rest = [x for x in range(b, self.strip_end(b, e))]
                        # after the speaker only adverbials may follow ("am Montag", "in Berlin")
                        if rest and not (self.lex.fclass(low[rest[0]]) & {"prep", "adv", "conj"}
                                         or w[rest[0]] in (",", "(")):
                            return None
                    return Claim(parts=[(a, msg_end)], attribution=Attribution.INDIRECT, source=src,
                                 cue=(vi, vi + 1), hedged=self.hedged(s, e),
                                 score=0.75 * (0.6 + 0.4 * vf.precision), kind="inverted")
        return None

    REPORTED_MIN_PRECISION = 0.4
    REPORTED_MIN_RATE = 0.02

    def reported_claim(self, s: int, e: int, vi: int, vf: VerbForm, part: int) -> Claim | None:
        if vf.precision < self.REPORTED_MIN_PRECISION:
            return None
        if self.lex.reported_rate.get(vf.lemma, 0.0) < self.REPORTED_MIN_RATE:
            return None  # this verb seldom reports speech without a complement
        cs = self.clause_start(vi, s)
        if cs > s and (self.lex.fclass(self.low[cs]) & {"rel", "sub", "wh"}):
            return None  # the verb is in a subordinate clause
        src = self.subject_of(vi, vf, s, e, part)
        if src is None:
            ax = self.aux_before(vi, cs) if vf.kind == "part" else -1
            if ax >= 0 and self.low[ax] in self.PASSIVE_AUX:
                # "Als Grund wurde … genannt": a passive speech act without agent
                return Claim(parts=[(s, e)], attribution=Attribution.REPORTED, source=None, cue=(vi, vi + 1),
                             hedged=self.hedged(s, e), score=0.4 * (0.5 + 0.5 * vf.precision), kind="reported")
            return None
        if self.low[src[0]] in ("es", "man") and src[1] - src[0] == 1:
            return None
        if not self.speaker_like(src):
            return None
        return Claim(parts=[(s, e)], attribution=Attribution.REPORTED, source=src, cue=(vi, vi + 1),
                     hedged=self.hedged(s, e), score=0.55 * (0.5 + 0.5 * vf.precision), kind="reported")

    def speaker_like(self, span: tuple[int, int]) -> bool:
        """Could this phrase be a speaker: a pronoun, a role/organisation/
        document noun or a name (a capitalised word our word list does not know
        as a common word)?"""
        a, b = span
        if self.ents:
            for ea, eb, label in self.ents:
                if ea < b and eb > a and label in ("PER", "ORG", "PERSON"):
                    return True
        for k in range(a, b):
            lo = self.low[k]
            if lo in ("er", "sie", "wir", "ich"):
                return True
            if not self.w[k][:1].isupper():
                continue
            if self.lex.source_noun_kind(lo) is not None:
                return True
            counts = self.lex.lower.get(lo)
            if counts is None or (counts[0] == 0 and counts[1] <= self.NAME_MAX_COUNT):
                return True
        return False

    NAME_MAX_COUNT = 3

    # ------------------------------------------------------------ coreference
    def role_antecedent(self, role: str, before: int, si: int) -> tuple[int, int] | None:
        """The nearest earlier "… <Role> <Name>" phrase for "der <Role>"
        (within 8 sentences): "Der ukrainische Präsident Wolodymyr Selenskyj"."""
        first_sent = max(0, si - 8)
        limit = self.sents[first_sent][0]
        for k in range(before - 1, limit - 1, -1):
            lo = self.low[k]
            if not (lo == role or (lo.endswith(role) and len(lo) > len(role) + 2)):
                continue
            if k + 1 < self.n and self.is_nounlike(k + 1, -1) and not self.lex.fclass(self.low[k + 1]):
                # walk back over the article and adjectives before the role
                a = k
                while a - 1 >= limit and (self.is_adjlike(a - 1) or "det" in self.fclass(a - 1)):
                    a -= 1
                    if "det" in self.fclass(a):
                        break
                b = k + 1
                while b < self.n and self.is_nounlike(b, -1):
                    b += 1
                return (a, b)
        return None

    def resolve(self, claims: list[Claim]) -> None:
        """Point pronoun / bare-role / 'demnach' sources at an earlier named source."""
        named: list[tuple[int, tuple[int, int]]] = []  # (sentence, span)
        for c in claims:
            if c.source is not None and c.source[1] - c.source[0] == 1 and self.low[c.source[0]] in ("man", "es"):
                c.source = None  # impersonal: no speaker
            src = c.source
            si = c.sents[0] if c.sents else 0
            if src is None:
                continue
            a, b = src
            toks = self.low[a:b]
            target = None
            if b - a == 1 and toks[0] in RELATIVE and a > 0 and self.w[a - 1] == ",":
                before = self.np_before(a - 1, self.sents[si][0] if si < len(self.sents) else 0, -1)
                if before is not None and self.speaker_like(before):
                    target = before
            elif b - a == 1 and (toks[0] in ("er", "sie", "demnach", "dieser", "diese")):
                for psi, span in reversed(named):
                    if si - psi > 4:
                        break
                    target = span
                    break
            elif b - a == 2 and toks[0] in ("der", "die") and self.lex.source_noun_kind(toks[1]) == "role":
                target = self.role_antecedent(toks[1], a, si)
            if target is not None:
                c.antecedent = target
            else:
                if any(self.w[k][:1].isupper() for k in range(a, b)):
                    named.append((si, src))
