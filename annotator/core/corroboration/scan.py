"""One cheap pass over a claim's words: its content words, and which of the
number and date parsers can find anything in it at all.

Most claims hold no number and no date; the parsers' regular expressions
(alternations of month names, number words) cost far more than looking each
word up in a cache, and a corpus repeats its words. So every word is looked
up once (``_word``, cached), and the parsers only run on claims whose words
or digits say they may match. The result is the same as running them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from annotator.core.corroboration.nations import nations_by_stem
from annotator.core.corroboration.words import WORD_CACHE, WORD_RE, skipped_words, stem_of

MONTH, WEEKDAY, RELATIVE, NUMBER, NATION = 1, 2, 4, 8, 16
DATE_WORDS = MONTH | WEEKDAY | RELATIVE
_MONTHS = ("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember")
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
             "sonntag")
_RELATIVE = ("gestern", "heute", "morgen")
# substrings of German number words and vague counts ("zwölftausend", "Dutzende")
NUMBER_HINTS = ("tausend", "hundert", "zig", "ßig", "zehn", "zwölf", "elf", "zwei", "drei", "vier",
                "fünf", "sechs", "sieben", "acht", "neun", "dutzend", "million", "milliard")
_DIGIT = re.compile(r"\d")
_DIGIT_DATE = re.compile(r"\d\.[01]?\d\.")  # "23.10.": what the numeric date pattern needs; not "12.000"


@dataclass(frozen=True, slots=True)
class Scan:
    entries: list  # word_entry of each content word, in order
    flags: int  # MONTH | WEEKDAY | RELATIVE | NUMBER | NATION: kinds of word the claim has
    number_words: list  # the words holding a number hint ("zwölftausend", "Tausende"), in order
    digits: bool
    digit_date: bool


def _any_of(parts: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, parts)))


# One regex search per new word instead of ~45 substring tests in Python:
# ``_ANY_HINT`` first (most words hold no hint), then the kinds it may be.
_MONTH_RE, _WEEKDAY_RE, _RELATIVE_RE, _NUMBER_RE = map(_any_of, (_MONTHS, _WEEKDAYS, _RELATIVE, NUMBER_HINTS))
_ANY_HINT = _any_of(_MONTHS + _WEEKDAYS + _RELATIVE + NUMBER_HINTS)


@lru_cache(maxsize=WORD_CACHE)
def _word(word: str) -> tuple[tuple[str, str | None, bool] | None, int]:
    # this cache is the only one a claim's words go through: what words.word_entry
    # computes is computed here uncached (its own cache, and stem's and
    # nation_of_word's, would each hold the same new words again: ~25 % of a
    # claim's cost on fresh news was those caches' misses)
    low = word.lower()
    flags = 0
    if _ANY_HINT.search(low) is not None:
        flags = ((MONTH if _MONTH_RE.search(low) else 0) | (WEEKDAY if _WEEKDAY_RE.search(low) else 0)
                 | (RELATIVE if _RELATIVE_RE.search(low) else 0) | (NUMBER if _NUMBER_RE.search(low) else 0))
    if len(low) < 3 or low in skipped_words():  # words.word_entry, uncached
        return None, flags
    key = stem_of(word)
    nation = nations_by_stem().get(key)  # nations.nation_of_word: the nation of the same stem
    return (key, nation, word[:1].isupper()), flags | (NATION if nation is not None else 0)


def scan(text: str) -> Scan:
    # C-level maps over the cached lookups: a Python loop per word was most
    # of a claim's cost (a claim has ~40 words, most with no flag at all)
    words = WORD_RE.findall(text)
    looked = list(map(_word, words))
    entries = list(filter(None, map(_ENTRY, looked)))
    flags = 0
    for word_flags in set(map(_FLAGS, looked)):
        flags |= word_flags
    numbers = [word for word, (_, word_flags) in zip(words, looked) if word_flags & NUMBER] if flags & NUMBER else []
    digits = _DIGIT.search(text) is not None
    return Scan(entries, flags, numbers, digits, digits and _DIGIT_DATE.search(text) is not None)


_ENTRY, _FLAGS = itemgetter(0), itemgetter(1)
