"""Quantities in German claims, with what they count.

"etwa 12.000 nordkoreanische Soldaten" -> 12,000 (about), head noun
"Soldaten", concept "soldiers", modifier "nordkoreanische". Two claims
report the same quantity only when they count the same thing, so the head
noun and its modifiers are kept beside the value (``differing`` compares
them). Dates ("27. Oktober") and years ("2024") are left to ``dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.corroboration.nations import nation_of_word
from annotator.core.corroboration.numbers import (
    SCALE_WORDS,
    VAGUE_WORDS,
    parse_digits,
    parse_number_word,
)
from annotator.core.corroboration.scan import NUMBER_HINTS
from annotator.core.corroboration.words import TOKEN_RE, stem

# words before a number that say how exact it is
QUALIFIERS = {
    ("bis", "zu"): "at_most", ("mehr", "als"): "at_least", ("weniger", "als"): "at_most",
    ("nicht", "mehr", "als"): "at_most",
    ("rund",): "about", ("etwa",): "about", ("circa",): "about", ("ca", "."): "about",
    ("ungefähr",): "about", ("annähernd",): "about", ("schätzungsweise",): "about",
    ("gut",): "at_least", ("über",): "at_least", ("mindestens",): "at_least",
    ("wenigstens",): "at_least", ("knapp",): "at_most", ("fast",): "at_most",
    ("beinahe",): "at_most", ("unter",): "at_most", ("höchstens",): "at_most",
    ("maximal",): "at_most",
}
UNITS = {
    "prozent": "%", "%": "%", "prozentpunkte": "pp", "euro": "EUR", "€": "EUR",
    "dollar": "USD", "$": "USD", "us-dollar": "USD", "meter": "m", "kilometer": "km",
    "km": "km", "zentimeter": "cm", "cm": "cm", "tonnen": "t", "kilogramm": "kg", "kg": "kg",
    "grad": "°", "stunden": "h", "minuten": "min", "tage": "d", "tagen": "d", "jahre": "a",
    "jahren": "a", "quadratkilometer": "km2", "hektar": "ha", "liter": "l",
}
# head nouns that count the same kind of thing (a reviewer would compare them)
CONCEPTS = {
    "soldiers": ("soldat", "truppe", "truppen", "infanterist", "kämpfer", "streitkräfte",
                 "kräfte", "mann", "rekrut", "militärangehörige"),
    "people": ("mensch", "person", "leute", "einwohner", "bewohner", "zivilist", "bürger",
               "beschäftigte", "helfer", "opfer", "tote", "verletzte", "flüchtling"),
}
# a demonym head ("11.000 Nordkoreaner") counts people of that nation
# modifiers saying the quantity is a different one than the total
ADDITIVE = frozenset({"zusätzlich", "weitere", "weiteren", "weiterer", "neue", "neuen",
                      "zusätzliche", "zusätzlichen", "zusätzlicher"})
MONTHS = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
})


@dataclass(frozen=True)
class Quantity:
    """A number in a claim and what it counts; offsets into the parsed text."""

    low: float
    high: float
    qualifier: str  # exact | about | at_least | at_most | range | vague
    unit: str | None
    head: str | None  # the counted noun as written: "Soldaten"
    concept: str | None  # "soldiers", "people", else the head's stem
    modifiers: tuple[str, ...]  # stems of the adjectives before the head
    additive: bool  # "zusätzliche", "weitere": not the total
    nation: str | None  # "nordkorea": from a modifier, the head, or the claim's words
    start: int
    end: int
    text: str

    @property
    def value(self) -> float:
        return self.low if self.qualifier != "at_most" else self.high

    def describe(self) -> str:
        return self.text


@lru_cache(maxsize=50_000)
def concept_of(head: str) -> str:
    low = head.lower()
    for concept, stems in CONCEPTS.items():
        if any(low.startswith(s) for s in stems):
            return concept
    return "people" if nation_of_word(head) else stem(head)


def nation_of(q: Quantity) -> str | None:
    return q.nation


def _own_nation(head: str | None, modifiers: list[str]) -> str | None:
    """The nation a counted group names itself: "nordkoreanische", "Nordkoreaner"."""
    for word in [*modifiers, *([head] if head else [])]:
        nation = nation_of_word(word)
        if nation:
            return nation
    return None


def token_tuples(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[str, int, int, str]]:
    """(text, start, end, kind) of each token of ``text[lo:hi]`` (offsets into
    ``text``); kinds: date, num, word, sym, punct."""
    found = TOKEN_RE.finditer(text, lo, len(text) if hi is None else hi)
    return [(m.group(), m.start(), m.end(), m.lastgroup or "") for m in found]


def _may_start_quantity(tok: tuple) -> bool:
    # a cheap test first: most tokens are words that are no number
    word, _, _, kind = tok
    if kind == "num":
        return True
    if kind != "word":
        return False
    low = word.lower()
    return low in VAGUE_WORDS or low.endswith(_NUMBER_WORD_ENDINGS) or low in _SMALL_NUMBERS


def _is_number_token(tok: tuple) -> bool:
    return tok[3] == "num"


def _windows(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """The stretches a quantity starting at each anchor can reach: five
    chunks before it (qualifiers: "nicht mehr als", "zwischen") to fourteen
    after (a range, a scale word, a unit, adjectives, the head noun), merged.
    Tokens cost about a microsecond each and a claim is often 40 of them."""
    out: list[tuple[int, int]] = []
    for at in sorted(anchors):
        lo = at
        for _ in range(5):
            lo = text.rfind(" ", 0, lo)
            if lo <= 0:
                lo = 0
                break
        hi = at
        for _ in range(14):
            hi = text.find(" ", hi + 1)
            if hi < 0:
                hi = len(text)
                break
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _anchored_tokens(text: str, number_words: list[str]) -> list[tuple[str, int, int, str]]:
    """The tokens around every digit and number word (``scan`` knows the
    words): a quantity starts at one of them and reads only its neighbours."""
    anchors = [m.start() for m in _DIGIT_RUN.finditer(text)]
    at = 0
    for word in number_words:  # in text order: each is found after the one before
        at = text.find(word, at)
        if at < 0:
            return token_tuples(text)  # cannot happen; be safe rather than quick
        anchors.append(at)
        at += len(word)
    return [tok for lo, hi in _windows(text, anchors) for tok in token_tuples(text, lo, hi)]


def parse_quantities(text: str, toks: list | None = None, *,
                     hints: tuple[bool, bool] | None = None,
                     number_words: list[str] | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (years and day numbers of dates excluded);
    ``toks`` are the text's ``token_tuples`` when the caller has them;
    ``hints`` (a number word, a digit in the text) and ``number_words``
    (the words holding a number hint, in order) when the caller knows."""
    # cheap tests first: most claims hold no number; tokens only for those that may
    if hints is None:
        low = text.lower()
        hints = (any(hint in low for hint in NUMBER_HINTS), _DIGIT.search(text) is not None)
    if not hints[0]:
        if not hints[1]:
            return []
        toks_may = _is_number_token
    else:
        toks_may = _may_start_quantity
    if toks is None:
        toks = token_tuples(text) if number_words is None else _anchored_tokens(text, number_words)
    out: list[Quantity] = []
    after = 0  # tokens before this one belong to a quantity already read
    for i in [i for i, tok in enumerate(toks) if toks_may(tok)]:
        if i < after:
            continue
        found = _quantity_at(text, toks, i)
        if found is not None:
            out.append(found[0])
            after = found[1]
    return out


def _number_at(toks: list, i: int) -> tuple[float, int] | None:
    """A number starting at token i (digits or a number word, times a scale
    word): its value and the index after it."""
    word, _, _, kind = toks[i]
    if kind == "num":
        if i > 1 and toks[i - 1][0] == "-" and toks[i - 2][3] == "word" and toks[i - 2][2] == toks[i][1] - 1:
            return None  # "Il-96", "F-16": a type name, not a count
        value = parse_digits(word)
    elif kind == "word" and word.lower() not in ("ein", "eine", "einen", "einem", "einer"):
        value = parse_number_word(word)
    else:
        value = None
    if value is None:
        return None
    value = float(value)
    j = i + 1
    if j < len(toks) and toks[j][0].lower() in SCALE_WORDS:
        value *= SCALE_WORDS[toks[j][0].lower()]
        j += 1
    return value, j


def _is_date_or_year(toks: list, i: int, j: int) -> bool:
    word = toks[i][0]
    if j < len(toks) and toks[j][0] == "." and toks[i][3] == "num":
        return True  # "27." ordinal: a day, "23.10.2024"
    if j < len(toks) and toks[j][0].lower() in MONTHS:
        return True
    if toks[i][3] == "num" and len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2099:
        nxt = toks[j][0] if j < len(toks) else ""
        return not nxt[:1].isupper() or nxt.lower() in MONTHS
    return False


_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_NUMBER_WORD_ENDINGS = ("tausend", "hundert", "zig", "ßig", "zehn", "zwölf", "elf")
_SMALL_NUMBERS = frozenset({"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"})


def _qualifier_before(toks: list, i: int) -> tuple[str, int]:
    before = tuple(t[0].lower() for t in toks[max(0, i - 3):i])
    for n in (3, 2, 1):
        if len(before) >= n and (qualifier := QUALIFIERS.get(before[-n:])) is not None:
            return qualifier, i - n
    return "exact", i


def _range_after(toks: list, j: int, between: bool) -> tuple[float, int] | None:
    """ "bis 12.000", "- 12.000", "und 12.000" (after "zwischen")."""
    joins = ("bis", "-", "–", "und") if between else ("bis", "-", "–")
    if j < len(toks) and toks[j][0].lower() in joins:
        nxt = _number_at(toks, j + 1) if j + 1 < len(toks) else None
        if nxt is not None and not _is_date_or_year(toks, j + 1, nxt[1]):
            return nxt
    return None


def _quantity_at(text: str, toks: list, i: int) -> tuple[Quantity, int] | None:
    vague = VAGUE_WORDS.get(toks[i][0].lower()) if toks[i][0][:1].isupper() else None
    if vague is not None:
        low, high, qualifier, j, first = float(vague[0]), float(vague[1]), "vague", i + 1, i
    else:
        number = _number_at(toks, i)
        if number is None or _is_date_or_year(toks, i, number[1]):
            return None
        low, j = number
        high = low
        qualifier, first = _qualifier_before(toks, i)
        between = first > 0 and toks[first - 1][0].lower() == "zwischen"
        upper = _range_after(toks, j, between)
        if upper is not None and upper[0] > low:
            high, j, qualifier = upper[0], upper[1], "range"
            first -= between
    unit = None
    if j < len(toks) and toks[j][0].lower() in UNITS:
        unit = UNITS[toks[j][0].lower()]
        j += 1
    head, modifiers, j = _head_after(toks, j, allow=unit is None)
    quantity = Quantity(
        low=low, high=high, qualifier=qualifier, unit=unit, head=head,
        concept=concept_of(head) if head else None,
        modifiers=tuple(stem(m) for m in modifiers),
        additive=any(m.lower() in ADDITIVE for m in modifiers),
        nation=_own_nation(head, modifiers),
        start=toks[first][1], end=toks[j - 1][2], text=text[toks[first][1]:toks[j - 1][2]],
    )
    return quantity, j


def _head_after(toks: list, j: int, allow: bool) -> tuple[str | None, list[str], int]:
    """The counted noun after a number, skipping up to three adjectives."""
    if not allow:
        return None, [], j
    modifiers: list[str] = []
    k = j
    while k < len(toks) and len(modifiers) <= 3:
        word, _, _, kind = toks[k]
        if kind != "word":
            break
        if word[:1].isupper():
            return word, modifiers, k + 1
        if not word.endswith(("e", "en", "er", "es", "em")) or len(word) < 4:
            break
        modifiers.append(word)
        k += 1
    return None, [], j
