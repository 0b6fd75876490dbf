"""Rule-based German sentence segmentation for news text.

A sentence ends after ``. ! ? …`` (and any closing quotation marks or
brackets right after it) and at every line break.  A period does not end a
sentence when it belongs to an abbreviation ("z. B.", "Dr.", "u. a.",
"bzw.", an initial such as "W."), to an ordinal or date ("27. Oktober",
"3.10.") or a number ("12.000"), unless the next word clearly starts a new
sentence (a capitalised article, pronoun or conjunction such as "Die", "Er").
A sentence never starts with a lowercase word, a comma or a closing mark.
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import contains, itemgetter

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from annotator.core.highlight.lexicons import Lexicons

TERMINALS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"“", "”", "«", "»", '"', ")", "]", "’", "‘", "'"}
# abbreviations after which we never break (titles, "z.", initials handled apart)
NO_BREAK = {"dr.", "prof.", "nr.", "st.", "mr.", "mrs.", "ms.", "gen.", "sen.", "art.", "abs.", "ca.",
            "lt.", "bzw.", "vgl.", "inkl.", "geb.", "gest.", "bd.", "kap.", "hrsg.", "jan.", "feb.",
            "aug.", "sept.", "okt.", "nov.", "dez.", "z.", "u.", "d.", "v.", "n.", "e.", "o.", "s."}
ROMAN_UP_TO_39 = re.compile("X{0,3}(IX|IV|V?I{0,3})")
ROMAN_DIGITS = "IVX"  # (a cheap first look: every token ending a sentence passes here)
STARTER_CLASSES = {"det", "pron", "conj", "sub", "adv", "prep", "wh", "aux"}


def _starts_sentence(word: str, lex: Lexicons) -> bool:
    """Does a capitalised word after an ambiguous period clearly start a sentence?"""
    if not word[:1].isupper():
        return False
    low = word.lower()
    if lex.fclass(low) & STARTER_CLASSES:
        return True
    return lex.mostly_lowercase(low)


def segment(doc: Doc, lex: Lexicons) -> None:
    """Mark sentence starts on ``doc`` (see the module doc for the rules)."""
    n = len(doc)
    if n == 0:
        return
    words = token_texts(doc)
    starts = [False] * n
    starts[0] = True
    # only tokens that can end a sentence need a look
    candidates = _sentence_end_candidates(words)
    opening = _opening_straight_quotes(words)
    skip_to = 0
    for i in candidates:
        if i < skip_to:
            continue
        word = words[i]
        if "\n" in word and not word.strip():
            if i + 1 < n:  # line break: the next token starts a sentence
                starts[i + 1] = True
            continue
        is_term = word in TERMINALS or (len(word) > 1 and word[-1] in "!?" and not word[:-1].isalnum())
        if not is_term and not (len(word) > 1 and word.endswith(".")):
            continue
        j = _next_word(words, i, opening)
        if j >= n:
            break
        following = words[j]
        if following[:1].islower() or following in {",", ";", ":", "-", "–"}:
            continue
        if is_term and word == ".":
            if _period_after_abbreviation(words[i - 1] if i else "", following, lex):
                continue
            starts[j] = True
        elif is_term:
            starts[j] = True
        else:
            ends = _dotted_word_ends_sentence(word, following, lex)
            if ends is None:
                continue  # an abbreviation inside the sentence: its next word is looked at again
            # a line break after "2011." ends the sentence, whatever the number is
            starts[j] = starts[j] or ends or any("\n" in words[k] for k in range(i + 1, j))
        skip_to = j
    set_sent_starts(doc, starts)


END_CHARS = frozenset(".!?…")
LAST_CHAR = itemgetter(-1)


def _sentence_end_candidates(words: list[str]) -> list[int]:
    """Tokens ending in . ! ? … or holding a line break, in order (found by
    C-level passes: this looks at every token of every document)."""
    ends = set(compress(count(), map(END_CHARS.__contains__, map(LAST_CHAR, words))))
    ends.update(compress(count(), map(contains, words, repeat("\n"))))
    return sorted(ends)


def _opening_straight_quotes(words: list[str]) -> set[int]:
    """Straight quotes open and close in turn (per paragraph): the opening
    ones, which after a period belong to the next sentence."""
    opening: set[int] = set()
    if '"' in words:
        inside = False
        for i, word in enumerate(words):
            if word == '"':
                if not inside:
                    opening.add(i)
                inside = not inside
            elif "\n" in word:
                inside = False
    return opening


def _next_word(words: list[str], i: int, opening: set[int]) -> int:
    """The first token after i past closing marks, terminals and spaces."""
    n = len(words)
    j = i + 1
    while j < n and (words[j] in CLOSERS or words[j] in TERMINALS) and j not in opening:
        j += 1
    while j < n and words[j].isspace():
        j += 1
    return j


def _period_after_abbreviation(prev: str, following: str, lex: Lexicons) -> bool:
    """A separate "." after an abbreviation or initial that does not end the
    sentence ("Dr .", "W ." before a name, unless "Die …" clearly starts one)."""
    joined = (prev + ".").lower()
    abbrev = joined in lex.abbreviations or prev + "." in lex.abbreviations or (len(prev) == 1 and prev.isalpha()) \
        or (prev[:1] in ROMAN_DIGITS and _roman_ordinal(prev))
    return abbrev and (joined in NO_BREAK or len(prev) == 1 or not _starts_sentence(following, lex))


def _dotted_word_ends_sentence(word: str, following: str, lex: Lexicons) -> bool | None:
    """Does a word with its period attached ("Dr.", "27.", "Mio.", "Haus.")
    end the sentence before ``following``?  None for a known abbreviation
    that does not."""
    core = word[:-1]
    lower = word.lower()
    if word in lex.abbreviations or lower in NO_BREAK or (len(core) == 1 and core.isalpha()):
        if lower in NO_BREAK or len(core) == 1 or not _starts_sentence(following, lex):
            return None
        return True
    if core[:1] in ROMAN_DIGITS and _roman_ordinal(core):
        # "die XX. Kategorie", "Ludwig XIV. ließ": a Roman ordinal; a new sentence
        # only where the next word clearly starts one ("Benedikt XVI. Die …")
        return True if _starts_sentence(following, lex) else None
    if _initials(core):
        # "B.N. Suresh", "J.D. Salinger": initials before a name; a new
        # sentence only where the next word clearly starts one ("… der U.S.A. Die …")
        return True if _starts_sentence(following, lex) else None
    if core.replace(".", "").isdigit():
        # ordinal, date or number with a period: "27. Oktober", "2005. Die"
        return _starts_sentence(following, lex) or following[:1] in "„»\""
    if core.isalpha() and len(core) <= 3 and core[:1].isupper() and not core.isupper():
        return _starts_sentence(following, lex)  # unknown short capitalised abbreviation ("Mio", "Tsd")
    return True


def _roman_ordinal(word: str) -> bool:
    """ "II", "XIV", "XX": a Roman number up to 39 in two or more letters
    (one letter is an initial; "DC", "DVD" are names, not numbers here)."""
    return len(word) > 1 and ROMAN_UP_TO_39.fullmatch(word) is not None


def _initials(core: str) -> bool:
    """ "B.N", "J.D": two or more single capital letters joined by periods."""
    letters = core.split(".")
    return len(letters) > 1 and all(len(letter) == 1 and letter.isupper() for letter in letters)


def token_texts(doc: Doc) -> list[str]:
    """Token texts, faster than iterating Token objects."""
    cached = doc.user_data.get("annotator_words")
    if cached is not None and len(cached) == len(doc):
        return cached
    strings = doc.vocab.strings
    words = [strings[o] for o in doc.to_array(ORTH).tolist()]
    doc.user_data["annotator_words"] = words
    return words


def set_sent_starts(doc: Doc, starts: list[bool]) -> None:
    arr = numpy.where(numpy.array(starts, dtype=bool), 1, -1).astype("int64").astype("uint64")
    doc.from_array([SENT_START], arr.reshape(-1, 1))  # type: ignore[arg-type]
    doc.user_data["annotator_sent_starts"] = starts
