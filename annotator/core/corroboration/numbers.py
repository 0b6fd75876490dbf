"""German numbers as written in news: "12.000", "2,5", "zwölftausend", "drei".

Only the number itself; what it counts (unit, head noun) and how it is
hedged ("rund", "bis zu") is read in ``quantities``.
"""

from __future__ import annotations

import re

_UNITS = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
# multipliers written as separate words: "2,5 Millionen", "eine Milliarde"
SCALE_WORDS = {
    "tausend": 1_000, "million": 1_000_000, "millionen": 1_000_000, "mio": 1_000_000,
    "mio.": 1_000_000, "milliarde": 1_000_000_000, "milliarden": 1_000_000_000,
    "mrd": 1_000_000_000, "mrd.": 1_000_000_000,
}
# plural vague counts: "Tausende Soldaten" is a count between 2,000 and 9,999
VAGUE_WORDS = {
    "dutzende": (24, 99), "hunderte": (200, 999), "tausende": (2_000, 9_999),
    "zehntausende": (20_000, 99_999), "hunderttausende": (200_000, 999_999),
    "millionen": (2_000_000, 9_999_999),
}

# "12.000", "1.500.000", "1500", "2,5", "6,12"; a thousands dot needs groups of three
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DIGITS_RE = re.compile(rf"^(?:{DIGITS})$")


def parse_digits(text: str) -> float | None:
    """ "12.000" -> 12000, "2,5" -> 2.5, "1500" -> 1500; None if not a number."""
    if not _DIGITS_RE.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _below_thousand(word: str) -> int | None:
    """ "zweihundertdreiundzwanzig" -> 223; "" -> 0."""
    if not word:
        return 0
    value = 0
    if "hundert" in word:
        head, _, word = word.partition("hundert")
        count = 1 if head in ("", "ein") else _UNITS.get(head)
        if count is None or count > 9:
            return None
        value = count * 100
        if not word:
            return value
    if word in _UNITS:
        return value + _UNITS[word]
    if word in _TENS:
        return value + _TENS[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _UNITS and tens in _TENS and _UNITS[unit] < 10:
        return value + _UNITS[unit] + _TENS[tens]
    return None


def parse_number_word(word: str) -> int | None:
    """ "zwölftausend" -> 12000, "drei" -> 3, "zweihundert" -> 200; None otherwise."""
    word = word.lower()
    if "tausend" in word:
        head, _, tail = word.partition("tausend")
        count = 1 if head in ("", "ein") else _below_thousand(head)
        rest = _below_thousand(tail)
        if count is None or rest is None or count == 0:
            return None
        return count * 1000 + rest
    value = _below_thousand(word)
    return value if value else (0 if word == "null" else None)
