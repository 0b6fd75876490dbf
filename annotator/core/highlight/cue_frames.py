"""Adverbial source frames (a rule class over one ``DocState``).

"laut X", "X zufolge", "nach Angaben X", "seiner Meinung nach", "gemäß X",
"demnach", "wonach / nach denen", "heißt es (in X)", "…, so X": finds the
frame, its source and its span; the message is the sentence minus the
frame (``according_to`` claims).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.doc_state import Range
from annotator.core.highlight.rule_family import RuleFamily
from annotator.core.highlight.rules_words import BASE_SCORE, GENITIVE_DETS, POSSESSIVES, RELATIVE, TIME_WORDS
from annotator.core.models import Attribution


@dataclass
class Frame:
    """An adverbial frame found in a sentence: its cue word, its source (if it
    names one), the tokens it spans (left out of the message) and its kind
    (pre, post, nach, rel, adv, heisst, so)."""

    cue: Range
    source: Range | None
    span: Range | None
    kind: str
    mention: Range | None = None  # the source mention when it is the cue itself ("demnach")
    at: int = -1  # "rel" frames: the token after which the message starts


# clauses a frame inside them governs alone ("…, da X Berichten zufolge …")
# words that make a following "nach" temporal: a span of time or a degree of closeness
TIME_BEFORE_NACH = frozenset("kurz bald gleich unmittelbar direkt sofort knapp wenige einige jahre monate wochen tage "
                             "stunden minuten jahrzehnte jahr monat woche tag stunde minute "
                             # the focus particles of time: "erst nach umfangreichen
                             # Ermittlungen", "schon nach wenigen Tagen", "noch nach Jahren"
                             "erst schon bereits noch".split())
# relative determiners that open a frame's noun phrase ("Nach deren Angaben", "nach dessen Worten")
RELATIVE_DETERMINERS = frozenset(("deren", "dessen"))
# possessives before a noun of saying and "nach", dative singular and plural
# ("seiner Meinung nach", "seinen Worten nach", "ihren Angaben nach")
NACH_POSSESSIVES = frozenset(POSSESSIVES) | frozenset("seinen ihren unseren meinen deren dessen".split())

# dative pronouns before "zufolge" ("Ihm zufolge …")
DATIVE_PRONOUNS = frozenset("ihm ihr ihnen".split())

# the articles that open a noun phrase a frame can stand in ("der nach Angaben 350 Passagiere")
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())

FRAME_CLAUSE_STARTS = frozenset("da während weil obwohl nachdem wobei wonach sodass zumal indem".split())


class FrameCues(RuleFamily):
    """Adverbial frames and the claims they make."""

    # ------------------------------------------------------------ frames
    def find_frames(self, s: int, e: int) -> list[Frame]:
        """Adverbial source frames in the sentence s..e, in text order."""
        finders = {"pre": self._pre_frame, "post": self._post_frame, "nach": self._nach_frame,
                   "adv": self._adverb_frame, "rel": self._relative_frame, "heisst": self._heisst_frame,
                   "so": self._so_frame}
        out: list[Frame] = []
        frames, lower, quote_of = self.doc.lex.frames, self.doc.lower, self.doc.quote_of
        for i in self.doc.tokens_in(self.doc.frame_tokens, s, e):
            kind = frames.get(lower[i])
            if kind is None or quote_of[i] >= 0:
                continue
            finder = finders.get(kind)
            if finder is None:
                continue
            frame = finder(i, s, e)
            if frame is not None and not self._qualifies_number(frame, s, e) and not (
                    frame.span is not None and self._names_a_term(frame.span[0], frame.span[1], s, e)):
                out.append(frame)
        return out

    def _qualifies_number(self, frame: Frame, s: int, e: int) -> bool:
        """ "246 der nach Behördenangaben 350 Passagiere", "eine Reichweite von
        100, nach anderen Angaben 110 Kilometern": a frame between an article
        (or a number and its comma) and a number is part of a noun phrase; it
        gives a figure's source, the clause says nothing in its name."""
        if frame.span is None:
            return False
        a, b = frame.span
        words = self.doc.words
        if not (b < e and words[b][:1].isdigit() and a - 1 >= s):
            return False
        if words[a - 1] == ",":
            return a - 2 >= s and words[a - 2][:1].isdigit()
        return self.doc.lower[a - 1] in ARTICLES

    def _pre_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "laut X", "gemäß X"."""
        if i > s and self.doc.words[i - 1] == "," and i + 1 < e and self.doc.lower[i + 1] in ("denen", "welchen"):
            # "Die Pläne, laut denen …": a relative clause that reports, like "nach denen"
            return Frame(cue=(i, i + 1), source=None, span=None, kind="rel", at=i + 1)
        phrase = self.phrases.np_after(i + 1, e, s, allow_pron=False, open_end=False)
        if phrase is None and i == s:
            phrase = self._prefield_rest(i + 1, e)
        if phrase is None:
            return None
        if i == s:
            pp_end = self.phrases.prefield_pp_end(phrase[1], e)
            if pp_end is not None:
                phrase = (phrase[0], pp_end)
        elif phrase[1] > i + 2 and "prep" in self.tokens.fclass(i + 2) and self._bare_word(i + 1):
            # "Der Abschuss soll laut Schnappauf aus Sicherheitsgründen erfolgen":
            # after one article-less word in the middle field a PP is the
            # clause's adverbial, not part of the name
            phrase = (i + 1, i + 2)
        return Frame(cue=(i, i + 1), source=phrase, span=(i, phrase[1]), kind="pre")

    def _bare_word(self, k: int) -> bool:
        """One capitalised word without an article that is no speech noun
        ("Angaben von X", "Berichten von X" take their speaker after them)."""
        lower = self.doc.lower[k]
        return self.doc.words[k][:1].isupper() and not self.tokens.fclass(k) \
            and not self.doc.lex.is_nominal_cue(lower) and lower not in self.doc.lex.speech_nouns

    def _post_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "X zufolge"."""
        start = self.clauses.clause_start(i, s)
        if start == i and self.doc.quote_of[i - 1] >= 0:
            # "Einem Bericht der „Süddeutschen Zeitung“ zufolge": a quoted name
            # closes the phrase, the clause does not start after it
            start = self.clauses.clause_start(i, s, at_quotes=False)
        phrase = self.phrases.np_before(i, start, s)
        if phrase is None and i - 1 >= s and self.doc.lower[i - 1] in DATIVE_PRONOUNS:
            phrase = (i - 1, i)  # "Ihm zufolge ist die Lage ernst": the pronoun stands for the speaker
        if phrase is None and i - s >= 2 and self.tokens.finite_verb(i + 1) \
                and self.clauses.clause_start(i, s) == s and self._prefield_rest(s, i + 2) == (s, i + 1):
            phrase = (s, i)  # "Einer Presseerklärung des Verbandes (VDR) zufolge nahmen …"
        if phrase is None:
            return None
        return Frame(cue=(i, i + 1), source=phrase, span=(phrase[0], i + 1), kind="post")

    PREFIELD_MAX = 16

    def _prefield_rest(self, k: int, e: int) -> Range | None:
        """The rest of the prefield from k up to the finite verb, when no noun
        phrase rule reads it ("Laut einer am Dienstag veröffentlichten
        Pressemitteilung des WFP wurden …"): German puts one constituent
        before the finite verb, so all of it belongs to the frame's source."""
        if not (k < e and ("det" in self.tokens.fclass(k) or self.tokens.is_nounlike(k, -1))):
            return None
        for m in range(k + 1, min(e, k + self.PREFIELD_MAX)):
            if self.doc.words[m] in (",", ":", ";", ".", "!", "?") and self.doc.quote_of[m] < 0:
                return None
            if self.tokens.finite_verb(m):
                return (k, m)
        return None

    def _prefield_end(self, b: int, e: int) -> int:
        """Where the message of a frame that opens its sentence begins: at the
        finite verb (verb-second: the frame is the whole prefield), so what a
        noun phrase rule left of the source ("Nach Angaben des Rezensenten
        Alan Posener in der Tageszeitung DIE WELT sei …", "Nach Angaben der
        Hilfsorganisation Ärzte ohne Grenzen mussten …") is not the message;
        a relative clause in the prefield is skipped."""
        words, lower = self.doc.words, self.doc.lower
        m = b
        while m < min(e, b + self.PREFIELD_MAX):
            if self.doc.quote_of[m] >= 0 or words[m] in (":", ";", ".", "!", "?", "(", ")"):
                return b
            if words[m] == "," and m + 2 < e and (lower[m + 1] in RELATIVE or (
                    "prep" in self.tokens.fclass(m + 1) and lower[m + 2] in RELATIVE)):
                m = self.clauses.clause_end(m + 2, e)  # ", in dem … lagern sollte," is the source's
                continue
            if words[m][:1].islower() and not self.tokens.fclass(m) & {"det", "prep", "conj", "adv"} \
                    and not self._attributive(m, e) and words[m] != ",":
                # the first lowercase word of no noun phrase: the finite verb, or give up
                return m if self.tokens.finite_verb(m) and m > b else b
            m += 1
        return b

    def _attributive(self, m: int, e: int) -> bool:
        """An adjective inside a noun phrase: after an article, a preposition,
        another adjective or a number, before a capitalised word ("der
        nationalen Wetterbehörde"); after a noun it is a verb ("der Weltbank
        sandten Migranten")."""
        words = self.doc.words
        before = self.tokens.fclass(m - 1) & {"det", "prep"} or self.tokens.is_adjlike(m - 1) \
            or words[m - 1][:1].isdigit()
        return bool(before) and self.tokens.is_adjlike(m) and m + 1 < e and words[m + 1][:1].isupper()

    def _nach_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "seiner Meinung nach", "Gerüchte, nach denen …", "nach Angaben
        (der|von) X", "nach Angaben Reuters", "nach Angaben südkoreanischer
        Geheimdienste"."""
        words, lower, lex = self.doc.words, self.doc.lower, self.doc.lex
        if i - 2 >= s and lex.is_nominal_cue(lower[i - 1]) and lower[i - 2] in NACH_POSSESSIVES:
            return Frame(cue=(i, i + 1), source=(i - 2, i), span=(i - 2, i + 1), kind="nach")
        if i > s and words[i - 1] == "," and i + 1 < e and lower[i + 1] in ("denen", "dem", "der"):
            return Frame(cue=(i, i + 1), source=None, span=None, kind="rel", at=i + 1)  # like "wonach"
        if i > s and lower[i - 1] in TIME_BEFORE_NACH:
            return None  # "Zwei Monate nach dem Urteil", "kurz nach der Erklärung": a time, not a source
        j = i + 1  # nach [det] [adj]* NOMINAL (+ genitive/von NP)
        if j < e and ("det" in self.tokens.fclass(j) or lower[j] in RELATIVE_DETERMINERS):
            j += 1
        while j < e and self.tokens.is_adjlike(j):
            j += 1
        if j >= e or not words[j][:1].isupper():
            return None
        k = j + 1
        if not self.nominal_cue(lower[j]) and not (
                lower[j] in lex.speech_nouns and k < e and lower[k] in GENITIVE_DETS
                and self.features.reportive_verb(s, e)[0] > 0):
            # a noun of saying is a source frame only with its speaker after it
            # and reported speech's mood in the clause ("Nach der Ankündigung der
            # Ministerin soll …"); otherwise it is a time ("Nach der Forderung der
            # Opposition reagierte die Regierung")
            return None
        if k < e and (lower[k] in GENITIVE_DETS or lower[k] in ("von", "vom")):
            sub = self.phrases.np_after(k + (1 if lower[k] in ("von", "vom") else 0), e, s, allow_pron=False)
            if sub is not None:
                k = sub[1]
        elif k < e and self.tokens.is_nounlike(k, s) and not lex.fclass(lower[k]):
            k += 1
        elif k + 1 < e and self.tokens.is_adjlike(k) and lower[k].endswith("er"):
            sub = self.phrases.np_after(k, e, s, allow_pron=False)
            if sub is not None:
                k = sub[1]
        return Frame(cue=(i, i + 1), source=(i + 1, k), span=(i, k), kind="nach")

    def nominal_cue(self, word: str) -> bool:
        """A noun that makes "nach …" a source frame, in the plural too: the
        plural of a noun in -ung, -ion, -e, -ht adds -en or -n
        ("Darstellungen", "Erklärungen", "Einsichten")."""
        is_cue = self.doc.lex.is_nominal_cue
        return is_cue(word) or (word.endswith("en") and (is_cue(word[:-2]) or is_cue(word[:-1])))

    def _adverb_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "demnach": the cue is its own mention, the source is resolved later.
        Not before a counterfactual Konjunktiv II ("Demnach wäre … zu rechnen
        gewesen", "Ein Flug wäre demnach vertretbar gewesen"): there it means
        'then, so', a conclusion, not what a source says."""
        end = self.clauses.clause_end(i, e)
        start = self.clauses.clause_start(i, s)
        verb = next((k for k in range(start, end) if k != i and self.tokens.finite_verb(k)), -1)
        if verb >= 0 and self.doc.lower[verb] in self.features.HYPOTHETICAL_KONJ2:
            return None
        return Frame(cue=(i, i + 1), source=None, mention=(i, i + 1), span=(i, i + 1), kind="adv")

    def _relative_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "Berichte, wonach X": the message follows "wonach"."""
        return Frame(cue=(i, i + 1), source=None, span=None, kind="rel", at=i)

    def _heisst_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "heißt es (in X)", "In der Pressemitteilung des WWF heißt es, …"."""
        words, lower = self.doc.words, self.doc.lower
        if not (i + 1 < e and lower[i + 1] == "es" or (i > s and lower[i - 1] == "es")):
            return self._wie_es_heisst(i, s, e)
        j = i + 2 if i + 1 < e and lower[i + 1] == "es" else i + 1
        while j < e and ("adv" in self.tokens.fclass(j) or lower[j] == "weiter" or lower[j] in TIME_WORDS):
            j += 1
        if j + 1 < e and lower[j] in ("am", "an") and lower[j + 1] in TIME_WORDS:
            j += 2  # "hieß es am Montag, …": a time, then the message
        source = None
        span_end = j
        if j < e and lower[j] in ("in", "im", "aus", "von", "vom", "bei", "beim", "seitens"):
            source = self.phrases.np_after(j + 1, e, s, allow_pron=False)
            if source is not None:
                span_end = source[1]
        span_start = i if lower[i - 1] != "es" else i - 1
        if source is None and self._origin_word(s, i):
            source = (s + 1, i)  # "Aus Regierungskreisen hieß es, …": where it came from speaks
            span_start = s
        if source is None and lower[s] in ("in", "im", "auf", "aus", "bei", "beim", "seitens") and i - s >= 3:
            pp = self.phrases.np_after(s + 1, i, s, allow_pron=False)
            if pp is not None and (pp[1] == i or words[pp[1]] == ","):
                source = pp
                span_start = s
        if span_start == i and s < i and i + 1 < e and lower[i + 1] == "es" \
                and not any(words[k] in (",", ":", ";") or self.doc.quote_of[k] >= 0 for k in range(s, i)):
            # "In der Ankündigung des Komitees von heute Mittag heißt es, …", "Bisher hieß es, …":
            # the prefield before "heißt es" frames the report, it is not what was said
            span_start = s
            if source is None and lower[s] in ("in", "im", "auf", "aus", "bei", "beim", "seitens") and i - s >= 3:
                source = (s + 1, i)
        return Frame(cue=(i, i + 1), source=source, span=(span_start, span_end), kind="heisst")

    def _wie_es_heisst(self, i: int, s: int, e: int) -> Frame | None:
        """ "…, wie es in einer Mitteilung der Polizei heißt.": in the verb-final
        "wie"-clause the PP between "es" and "heißt" names the source, and the
        whole clause is the frame."""
        lower = self.doc.lower
        k = self.clauses.clause_start(i, s)
        if not (lower[k] == "wie" and k + 2 < i and lower[k + 1] == "es"
                and lower[k + 2] in ("in", "im", "aus", "bei", "beim", "auf")):
            return None
        if i + 1 < e and self.doc.words[i + 1] not in (",", ".", ";", ":", "!", "?"):
            return None  # not verb-final
        source = self.phrases.np_after(k + 3, i, s, allow_pron=False)
        if source is None or source[1] != i:
            return None
        start = k - 1 if k > s and self.doc.words[k - 1] == "," else k
        return Frame(cue=(i, i + 1), source=source, span=(start, i + 1), kind="heisst")

    def _origin_word(self, s: int, i: int) -> bool:
        """ "Aus Regierungskreisen hieß es", "Aus Washington hieß es": one
        noun after "aus" fills the prefield before "hieß es"; an *aus*-PP
        names where the words came from, which SpkAtt marks as the source
        (as the longer "Bei der Agentur RIA hieß es").  Not a time ("Im Januar")."""
        return i - s == 2 and self.doc.lower[s] == "aus" and self.doc.lower[s + 1] not in TIME_WORDS \
            and self.tokens.is_nounlike(s + 1, s) and not self.tokens.fclass(s + 1)

    def _so_frame(self, i: int, s: int, e: int) -> Frame | None:
        """ "…, so der Sprecher." / "„…“, so X": the frame runs to the clause end."""
        words, lower = self.doc.words, self.doc.lower
        if not (i > s and (words[i - 1] == "," or (self.doc.quote_of[i - 1] >= 0)) and i + 1 < e):
            return None
        phrase = self.phrases.np_after(i + 1, e, s, allow_pron=True)
        if phrase is None:
            return None
        after = phrase[1]
        if not (after >= e or words[after] in (",", ".", "!", "?", ";", ":")
                or self.doc.lex.fclass(lower[after]) & {"prep", "adv"}
                or (words[after].islower() and after + 2 >= e)):
            return None
        clause_end = self._so_phrase_end(self.clauses.clause_end(after, e), e)
        end = self.clauses.strip_end(clause_end, e)
        if clause_end < end and words[clause_end] == "," and not any(
                self.tokens.finite_verb(k) or self.doc.quote_of[k] >= 0 or words[k] in (",", ";", ":")
                for k in range(clause_end + 1, end)):
            clause_end = end  # "…, so der Sprecher, Peter Müller, am Montag.": the frame's adverbial
        return Frame(cue=(i, i + 1), source=phrase, span=(i - 1 if words[i - 1] == "," else i, clause_end), kind="so")

    def _so_phrase_end(self, k: int, e: int) -> int:
        """Where the phrase after "so" ends: past a quoted title inside it
        ("so das Ergebnis einer Studie mit dem Titel „Die Andere Medizin“ der
        Stiftung Warentest") and past a relative clause on its noun (", in der
        Autorin Vera Herbst 50 Methoden untersucht hat"): both belong to the
        source, not to a second piece of the message."""
        words, lower, quote_of = self.doc.words, self.doc.lower, self.doc.quote_of
        while k < e:
            q = quote_of[k]
            if q >= 0 and self.doc.quotes[q][0] == k and self.doc.quotes[q][1] - k <= 8:
                k = self.clauses.clause_end(self.doc.quotes[q][1] + 1, e)
            elif words[k] == "," and quote_of[k] < 0 and k + 2 < e and (lower[k + 1] in RELATIVE or (
                    "prep" in self.tokens.fclass(k + 1) and lower[k + 2] in RELATIVE)):
                k = self.clauses.clause_end(k + 2, e)
            else:
                break
        return k

    def frame_region(self, s: int, e: int, fr: Frame) -> Range:
        """The clause a frame governs: a relative or subordinate clause when
        the frame stands inside one (", der Experten zufolge …", ", wobei die
        Truppen Berichten zufolge …"), up to the next asserting clause; else
        the whole sentence."""
        if fr.kind not in ("pre", "post", "nach") or fr.span is None:
            return (s, e)
        words, lower = self.doc.words, self.doc.lower
        inside = self._parenthesis(fr.span[0], fr.span[1], s, e)
        if inside is not None:
            return inside
        start = self.clauses.clause_start(fr.span[0], s, at_quotes=False)
        if start == s and lower[s] in FRAME_CLAUSE_STARTS:
            # "Nachdem … man damit laut X „…“ kann, suchen die Forscher …": a
            # frame in the clause that opens the sentence reports that clause,
            # which ends where the main clause's finite verb follows its comma
            end = self._before_main_clause(fr.span[1], e)
            if end < e:
                return (s, end)
        relative = lower[start] in RELATIVE or lower[start] in ("was", "wo") or (
            start + 1 < e and "prep" in self.tokens.fclass(start) and lower[start + 1] in RELATIVE)
        if not (start > s and words[start - 1] == "," and (relative or lower[start] in FRAME_CLAUSE_STARTS)):
            return (s, e)
        end = e
        for k in range(fr.span[1], e - 1):
            if words[k] == "," and self.doc.quote_of[k] < 0 and lower[k + 1] in FRAME_CLAUSE_STARTS:
                end = k
                break
            if relative and words[k] == "," and self.doc.quote_of[k] < 0 \
                    and self.tokens.finite_verb(k - 1) and self.tokens.finite_verb(k + 1):
                # a relative clause in the prefield ends in its finite verb, and the main
                # clause's finite verb follows: "Nach dem Schaden, der nach inoffiziellen
                # Angaben … geschlagen hatte, musste die Werft …"
                end = k
                break
        return (start, end)

    def _parenthesis(self, a: int, b: int, s: int, e: int) -> Range | None:
        """The parenthesis a frame opens ("… entfernt (nach anderen Angaben
        liegt die Stadt 46 Kilometer entfernt)"): it governs only that."""
        words = self.doc.words
        if not (a > s and words[a - 1] == "("):
            return None
        for k in range(b, e):
            if words[k] == ")":
                return (a, k) if k - b >= 3 else None
            if words[k] == "(":
                return None
        return None

    def _names_a_term(self, a: int, b: int, s: int, e: int) -> bool:
        """Does a parenthesis right after a quotation hold only the frame and
        its source ("die „Kachelmanngroupies“ (lt. Ulrich Haagen, ZDF)")?
        Then it says who coined the quoted word, and asserts nothing."""
        words, quote_of = self.doc.words, self.doc.quote_of
        if not (a - 2 >= s and words[a - 1] == "(" and quote_of[a - 2] >= 0
                and self.doc.quotes[quote_of[a - 2]][1] == a - 2):
            return False
        close = next((k for k in range(b, e) if words[k] in ("(", ")")), -1)
        return close >= 0 and words[close] == ")" and close - b < 3

    def _source_relative_end(self, b: int, e: int) -> int:
        """The end of a frame that goes on with a relative clause about its
        source ("Nach Angaben der Armee, die nicht überprüft werden können,
        …", "laut der Tonbandstimme, die al-Sawahiri gehören soll, …"): the
        clause tells about the source, not what it said."""
        words, lower = self.doc.words, self.doc.lower
        if not (b + 2 < e and words[b] == "," and self.doc.quote_of[b] < 0 and lower[b + 1] in RELATIVE):
            return b
        end = self.clauses.clause_end(b + 2, e)
        if not (end < e and words[end] == ","):
            return b
        # a relative clause ends in its verb ("…, die Armee rückte vor" is a main clause)
        return end if self.tokens.finite_verb(end - 1) else b

    def _before_main_clause(self, a: int, b: int) -> int:
        """ "Hieß es bisher, dass …, wird nun … investiert": a sentence that
        opens with "hieß es" puts its verb first, a clause in front of the
        main clause (as "Wenn es hieß, …"); what it reports ends at the comma
        after which the main clause's finite verb follows."""
        words = self.doc.words
        for k in range(a + 1, b - 1):
            if words[k] == "," and self.doc.quote_of[k] < 0 and (self.tokens.finite_verb(k + 1) or (
                    words[k + 1].isalpha() and words[k + 1].islower() and not self.tokens.fclass(k + 1))):
                # the finite verb, known or not: a lowercase word of no closed
                # class right after the comma (nouns are capitalised)
                return k
        return b

    def frame_claim(self, s: int, e: int, fr: Frame, region: Range | None = None) -> Claim | None:
        """The claim of a frame: its region (see ``frame_region``) minus the frame."""
        words = self.doc.words
        if region is not None:
            s, e = region
        if fr.kind == "rel":
            at = fr.at
            me = self.clauses.strip_end(at + 1, e)
            if me - at < 3:
                return None
            # source: the noun before ", wonach"
            src = None
            k = at - 1
            if k > s and words[k] == ",":
                src = self.phrases.np_before(k, s, s)
            if src is not None and src[0] == s:
                # "Spekulationen, wonach …, konnte der Minister nicht bestätigen":
                # noun and clause fill the prefield, so the clause ends at the
                # comma before the main clause's finite verb (verb second)
                me = self._before_main_clause(at, me)
            return Claim(parts=[(at + 1, me)], attribution=Attribution.ACCORDING_TO, source=src,
                         cue=fr.cue, hedged=self.features.hedged(s, e), score=0.7, kind="wonach")
        assert fr.span is not None  # only "rel" frames have no span
        a, b = fr.span
        if fr.kind in ("pre", "nach", "post"):
            b = self._source_relative_end(b, e)
        if fr.kind in ("pre", "nach") and a == s:
            b = self._prefield_end(b, e)
        # message: sentence minus the frame (and adjacent commas)
        left = (s, a)
        right = (b, e)
        while left[1] > left[0] and words[left[1] - 1] == ",":
            left = (left[0], left[1] - 1)
        r0 = right[0]
        while r0 < e and words[r0] == ",":
            r0 += 1
        r1 = self.clauses.strip_end(r0, e)
        if fr.kind == "heisst" and a == s and fr.cue[0] == s:
            r1 = self._before_main_clause(r0, r1)
        parts = [p for p in (left, (r0, r1)) if p[1] - p[0] > 0]
        if not parts:
            return None
        if sum(p[1] - p[0] for p in parts) < 3:
            return None
        # a frame in the middle of a clause that starts with a wh/relative clause is fine
        mention = fr.mention or fr.source
        return Claim(parts=parts, attribution=Attribution.ACCORDING_TO, source=mention, cue=fr.cue,
                     hedged=self.features.hedged(s, e), score=BASE_SCORE[Attribution.ACCORDING_TO],
                     kind="frame-" + fr.kind)
