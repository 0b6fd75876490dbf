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

from annotator.core.corroboration.words import WORD_CACHE, WORD_RE, word_entry

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


@lru_cache(maxsize=WORD_CACHE)
def _word(word: str) -> tuple[tuple[str, str | None, bool] | None, int]:
    low = word.lower()
    flags = ((MONTH if any(m in low for m in _MONTHS) else 0)
             | (WEEKDAY if any(w in low for w in _WEEKDAYS) else 0)
             | (RELATIVE if any(r in low for r in _RELATIVE) else 0)
             | (NUMBER if any(h in low for h in NUMBER_HINTS) else 0))
    entry = word_entry(word)
    return entry, flags | (NATION if entry is not None and entry[1] is not None else 0)


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
