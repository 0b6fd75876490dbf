"""Sentence-level features of the claim rules (a rule class over one ``DocState``).

Yes/no properties of a token range read from word lists: hedged (hedge
words, Konjunktiv I), reportive mood (Konjunktiv I or reportive
"soll(en)" — what carries a source on as free indirect speech) and
check-worthy (numbers, dates, quantities — what makes an unattributed
sentence a claim).
"""

from __future__ import annotations

from operator import itemgetter

from annotator.core.highlight.doc_state import DocState

MOOD_ENDINGS = frozenset("einlt")  # last letters of every Konjunktiv form ("sei", "habe", "seien") and "soll(en)"
LAST_LETTER = itemgetter(slice(-1, None))
FIRST_LETTER = itemgetter(slice(0, 1))
FIRST_PERSON = frozenset(("ich", "wir"))
# the Konjunktiv I of the auxiliaries and modals: a verb whatever its case
AUXILIARY_KONJ1 = frozenset("sei seien habe werde könne müsse solle wolle dürfe".split())


class SentenceFeatures:
    """Hedging, reportive mood and check-worthiness of a token range."""

    def __init__(self, doc: DocState) -> None:
        self.doc = doc

    # ------------------------------------------------------------- features
    def hedged(self, s: int, e: int) -> bool:
        """A hedge word or a Konjunktiv-I form in s..e."""
        hedge_words = self.doc.lex.hedge_words()
        return self.doc.any_in(self.doc.token_hits("hedge", hedge_words.__contains__), s, e)

    KONJ2 = frozenset("hätte hätten wäre wären würde würden müsste müssten befänden stünden gäbe käme kämen "
                      "ließen ginge gingen könnte könnten".split())

    # the singular Konjunktiv II of "sein", "werden" and the modals: their
    # Konjunktiv I (sei, werde, könne, müsse) differs from the indicative, so
    # indirect speech needs no stand-in there, and "wäre", "würde", "könnte",
    # "müsste" state a condition or possibility in the writer's voice ("Damit
    # würde auch … zur Disposition gestellt").  The plural forms stay: "sie
    # werden, können, müssen" look like the indicative, so "würden, könnten,
    # müssten" do stand in for them.  A sentence with only these carries no
    # speaker on.  ("hätte" would belong by the same grammar, but reports use
    # it for the past, "er hätte davon gewusst": kept, see docs/highlighter.md.)
    HYPOTHETICAL_KONJ2 = frozenset("wäre würde könnte müsste".split())

    def reportive(self, s: int, e: int) -> int:
        """2: Konjunktiv I or reportive soll(en) outside quotes; 1: Konjunktiv II; 0: none."""
        return self.reportive_verb(s, e)[0]

    def reportive_verb(self, s: int, e: int) -> tuple[int, int]:
        """(level as in ``reportive``, token of the verb that sets it or -1):
        the verb is the cue of a sentence that carries a speaker on."""
        lex = self.doc.lex
        level, verb = 0, -1
        lower, quote_of = self.doc.lower, self.doc.quote_of
        # no Konjunktiv or "soll" form ends otherwise: only these tokens are looked at
        for k in self.doc.tokens_in(self.doc.token_hits("mood", MOOD_ENDINGS.__contains__, LAST_LETTER), s, e):
            lo = lower[k]
            if quote_of[k] >= 0 or self.first_person_indicative(k, s, e):
                continue
            if lo in lex.konj1 and (lo in AUXILIARY_KONJ1 or not self.doc.words[k][:1].isupper()):
                return 2, k
            if lo in ("soll", "sollen") and not self.in_subordinate_clause(k, s):
                if self.perfect_infinitive_after(k, e):
                    return 2, k
                if level == 0:
                    level, verb = 1, k
                continue
            if lo[-1:] == "e" and self.konjunktiv1_form(k, s, e):
                return 2, k
            if level == 0 and (lo in self.KONJ2 or ("ä" in lo or "ö" in lo or "ü" in lo) and self.konjunktiv2_form(k)):
                level, verb = 1, k
        return level, verb

    def konjunktiv2_form(self, k: int) -> bool:
        """A strong verb's Konjunktiv II no list holds ("brächten", "gäbe",
        "läge"): a lowercase word of no closed class with an umlaut and -e or
        -en whose form without the umlaut is the preterite, a lowercase word
        (brachten, gab, lag); not before a capitalised word (an adjective:
        "schöne Tage")."""
        # (slices compared, not str methods called: this runs on many tokens)
        words, lower, n = self.doc.words, self.doc.lower, self.doc.n
        word = lower[k]
        if not (word[-1:] == "e" or word[-2:] == "en") or not ("ä" in word or "ö" in word or "ü" in word) \
                or words[k][:1] != word[:1] or (k + 1 < n and words[k + 1][:1] != lower[k + 1][:1]) \
                or self.doc.lex.fclass(word):
            return False  # capitalised, before a capitalised word, or a closed-class word
        if word[-2:] == "en" and (k + 1 >= n or words[k + 1] in (",", ".", ";", ":", "!", "?", "“", ")")
                                  or "conj" in self.doc.lex.fclass(lower[k + 1])):
            return False  # an infinitive ends its clause ("… zu führen,"): a finite verb does not
        plain = word.replace("ä", "a").replace("ö", "o").replace("ü", "u")
        preterite = plain if plain[-2:] == "en" else plain[:-1]
        return self.doc.lex.mostly_lowercase(preterite)

    PERFECT_AUXILIARIES = frozenset(("haben", "sein"))

    def perfect_infinitive_after(self, k: int, e: int) -> bool:
        """Does the clause of modal k end in a perfect infinitive ("soll …
        getötet haben", "sollen … gewesen sein")?  With it "sollen" reports
        hearsay; with a plain infinitive ("soll die Piloten warnen", "sollen
        gezogen werden") it mostly tells a plan or purpose."""
        words, lower = self.doc.words, self.doc.lower
        j = k + 1
        while j < e and words[j] not in (",", ";", ":", ".", "!", "?", "–"):
            j += 1
        return j - 1 > k + 1 and lower[j - 1] in self.PERFECT_AUXILIARIES

    def question(self, s: int, e: int) -> bool:
        """Does the sentence end in a question mark of its own (not one inside
        a quotation)?  A question asserts nothing (issue 13: no claim)."""
        words = self.doc.words
        k = e - 1
        while k > s and words[k].isspace():
            k -= 1
        return k >= s and (words[k] == "?" and self.doc.quote_of[k] < 0 or self.polite_request(s, e))

    def polite_request(self, s: int, e: int) -> bool:
        """Is the sentence an imperative of the polite form ("Beschreiben Sie
        bitte kurz Ihre Tätigkeit.", "Lesen Sie auch …")?  Its verb stands
        first, in the infinitive's form, and the capitalised "Sie" right after
        it is the addressee (a third person's "sie" is lowercase there): like
        a question, a request asserts nothing.  Not a conditional with an
        auxiliary or modal in front ("Sollten Sie …, …", "Hätten Sie …"), nor
        a request a comma continues: "Bedenken Sie, dass X …" hands on X as
        a fact the speaker holds, which the other rules judge."""
        words = self.doc.words
        return e - s > 3 and words[s + 1] == "Sie" and words[s][:1].isupper() and words[s].endswith("en") \
            and self.doc.quote_of[s] < 0 and "aux" not in self.doc.lex.fclass(self.doc.lower[s]) \
            and "," not in words[s:e]

    # Konjunktiv-I forms that differ from the indicative in the first person singular
    FIRST_PERSON_KONJ1 = frozenset("sei seien könne müsse dürfe wolle solle möge wisse".split())

    def first_person_indicative(self, k: int, s: int, e: int) -> bool:
        """ "habe ich", "ich werde": with "ich" next to it, an -e form is the
        indicative (an interview's answer), not reported speech; only
        "sei", "könne" … are Konjunktiv there too."""
        lower = self.doc.lower
        beside_ich = (k > s and lower[k - 1] == "ich") or (k + 1 < e and lower[k + 1] == "ich")
        return beside_ich and lower[k] not in self.FIRST_PERSON_KONJ1

    def in_subordinate_clause(self, k: int, s: int) -> bool:
        """Is token k in a clause after a comma that a relative pronoun opens
        (", die … aufgestockt werden sollen", ", für die … soll")?  Its modal
        tells the plan of a thing, not hearsay."""
        words, lower = self.doc.words, self.doc.lower
        j = k - 1
        while j >= s and words[j] not in (",", ";", ":", "–"):
            j -= 1
        if j < s:
            return False
        first = j + 1
        if "prep" in self.doc.lex.fclass(lower[first]) and first + 1 < k:
            first += 1
        return "rel" in self.doc.lex.fclass(lower[first])

    def konjunktiv_statement(self, s: int, e: int) -> int:
        """The verb of a main clause in Konjunktiv I (a form the word list
        knows: "sei", "habe", "bleibe" …) in s..e, or -1.  German news uses
        this mood for reported speech only, so the sentence is someone's
        claim even far from its speaker.  Not in a dependent clause (its mood
        may be the clause's own: "…, weil er sich bedroht fühle"), and not
        in a sentence that says "ich" or "wir" (an interview's answer: "habe"
        is indicative there)."""
        doc = self.doc
        quote_of = doc.quote_of
        # a verb is written lowercase inside a sentence: a capitalised form is a
        # noun of the same spelling ("im Falle", "die Gewinne", "im Laufe")
        # (at the sentence start too, but for the auxiliaries and modals: a
        # statement puts its finite verb second, so "Lüge und Unschuld
        # bedingen sich …" opens with a noun)
        candidates = [k for k in doc.tokens_in(doc.token_hits("konj1", doc.lex.konj1.__contains__), s, e)
                      if quote_of[k] < 0 and (not doc.words[k][:1].isupper()
                                              or k == s and doc.lower[k] in AUXILIARY_KONJ1)]
        if not candidates:
            return -1
        if any(quote_of[k] < 0 for k in doc.tokens_in(doc.token_hits("ich-wir", FIRST_PERSON.__contains__), s, e)):
            return -1
        return next((k for k in candidates if not self.in_dependent_clause(k, s)), -1)

    def free_message(self, s: int, e: int) -> tuple[int, int]:
        """The message of a sentence that goes on reporting: the sentence, or
        only its dass/ob clause when the Konjunktiv stands there alone ("Seit
        2013 vertritt er die These, dass Pädophilie … angelegt sei": the main
        clause in the indicative tells who holds the view, the clause is the
        view)."""
        words, lower, quote_of = self.doc.words, self.doc.lower, self.doc.quote_of
        for d in range(s + 2, e - 2):
            if words[d] == "," and lower[d + 1] in ("dass", "ob") and quote_of[d] < 0:
                if self.reportive_verb(s, d)[0] == 0 and self.reportive_verb(d, e)[0] > 0:
                    end = e
                    while end > d + 1 and words[end - 1] in (".", "!", "?") and quote_of[end - 1] < 0:
                        end -= 1
                    return (d + 1, end)
                break
        return (s, e)

    def in_dependent_clause(self, k: int, s: int) -> bool:
        """Is token k in a clause that a subordinating conjunction, a
        wh-word or a relative pronoun opens ("…, weil er sich bedroht
        fühle", "Mitarbeiter, die … hätten")?  "der/die/das" before a
        capital is an article opening a main clause (", die Anklage bleibe
        …")."""
        words, lower = self.doc.words, self.doc.lower
        j = k - 1
        while j >= s and words[j] not in (",", ";", ":", "–"):
            j -= 1
        first = j + 1
        if "prep" in self.doc.lex.fclass(lower[first]) and first + 1 < k:
            first += 1  # ", für die …", ", mit dem …"
        cls = self.doc.lex.fclass(lower[first])
        if "rel" in cls:
            return first + 1 < k and not words[first + 1][:1].isupper()
        return bool(cls & {"sub", "wh"}) and "adv" not in cls and first < k

    def checkworthy(self, s: int, e: int) -> bool:
        if e - s < 4:
            return False
        doc = self.doc
        return doc.any_in(doc.token_hits("digit", str.isdigit, FIRST_LETTER), s, e) \
            or doc.any_in(doc.token_hits("checkworthy", doc.lex.checkworthy.__contains__), s, e)

    def konjunktiv1_form(self, k: int, s: int, e: int) -> bool:
        """Konjunktiv I of a verb the word lists do not know ("es brauche",
        "Zudem versuche das Regime", "Das Regierungspräsidium halte …"): a
        lowercase -e form in the verb slot — right after a subject pronoun,
        after one leading adverb, or after the one noun phrase or PP that
        opens the sentence — whose -en form is a lowercase word (a verb)."""
        words, lower = self.doc.words, self.doc.lower
        word = lower[k]
        if not (word.endswith("e") and len(word) > 3 and words[k][:1].islower()) or self.doc.lex.fclass(word):
            return False
        after_pronoun = k - 1 >= s and lower[k - 1] in ("er", "sie", "es", "man")
        after_adverb = k - 1 == s and "adv" in self.doc.lex.fclass(lower[s])
        after_phrase = not (after_pronoun or after_adverb) and self._opening_constituent(s, k)
        if not (after_pronoun or after_adverb or after_phrase):
            return False
        if after_phrase and not self.unlisted_konjunktiv(k, e):
            return False  # after a noun phrase a -e word is often an adjective: the stricter test
        if word.endswith("te") and (self.doc.lex.mostly_lowercase(word[:-2] + "en") or (
                word[-4:-2] in ("er", "el") and self.doc.lex.mostly_lowercase(word[:-2] + "n"))):
            return False  # Präteritum ("machte": machen; "äußerte": äußern), not Konjunktiv
        if self.doc.lex.unlisted_verb_e_form(word):
            # a verb no list knows (the grammar lists the strong verbs, not the
            # open class of weak ones): after a pronoun that opens its clause
            # the -e word is the verb-second slot ("…, es brauche Schritte");
            # elsewhere it may be an adjective ("gibt es derartige Meldungen",
            # "Weitere unsichere Punkte"), so what follows must fit a verb
            opens_clause = after_pronoun and (k - 1 == s or words[k - 2] in (",", ";", ":"))
            return not word.endswith("te") if opens_clause else self.unlisted_konjunktiv(k, e)
        return self.doc.lex.mostly_lowercase(word + "n")

    def _verb_slot(self, k: int, e: int) -> bool:
        """Can the word at k be the clause's finite verb by what follows it?
        Not before a capitalised word (an adjective before its noun: "es gibt
        derartige Meldungen") or an auxiliary (the finite verb is that one:
        "Wiederum andere sind …")."""
        return not (k + 1 < e and (self.doc.words[k + 1][:1].isupper()
                                   or "aux" in self.doc.lex.fclass(self.doc.lower[k + 1])))

    def unlisted_konjunktiv(self, k: int, e: int) -> bool:
        """A lowercase -e word in the verb slot that no word list knows is a
        Konjunktiv I by its position alone ("Momentan gebe es …"), unless
        what follows shows it is none (``_verb_slot``) or it is a -te form
        the verb lexicon does not list as Konjunktiv (a preterite:
        "machte")."""
        word = self.doc.lower[k]
        if not word.isalpha():
            return False
        if word.endswith("te") and not any(vf.kind == "konj" for vf in self.doc.lex.verbs.get(word, ())):
            return False
        return self._verb_slot(k, e)

    def _opening_constituent(self, s: int, k: int) -> bool:
        """Does one noun phrase or PP fill s..k, the prefield before the verb
        ("Das Gros der Nutzer", "Im Brief", "Das Regierungspräsidium")? A
        preposition, a determiner, lowercase adjectives and adverbs, the
        capitalised noun or name, and a genitive after it."""
        words, lower, fclass = self.doc.words, self.doc.lower, self.doc.lex.fclass
        j = s
        if "prep" in fclass(lower[j]) and j + 1 < k:
            j += 1
        if "det" in fclass(lower[j]):
            j += 1
        j = self._lowercase_modifiers(j, k)
        if j >= k or not words[j][:1].isupper():
            return False
        while j < k and words[j][:1].isupper() and words[j][:1].isalpha():
            j += 1
        if j < k and lower[j] in ("des", "der"):
            j = self._lowercase_modifiers(j + 1, k)
            while j < k and words[j][:1].isupper():
                j += 1
        return j == k

    def _lowercase_modifiers(self, j: int, k: int) -> int:
        """Past the adjectives and adverbs from j (not past k)."""
        words, fclass = self.doc.words, self.doc.lex.fclass
        while j < k and words[j][:1].islower() and words[j].isalpha() and not fclass(self.doc.lower[j]) - {"adv"}:
            j += 1
        return j
