"""The words of a claim as matching keys: tokens, stems, content words.

German inflects and compounds; two claims about the same thing say
"nordkoreanische Soldaten", "Nordkoreas Truppen" and "11.000 Nordkoreaner".
A full stemmer is not needed to match them: lower-casing, folding umlauts,
cutting a country's "-land"/"-anisch"/"-aner" and keeping the first six
letters joins the forms that matter (prefix truncation is a known, robust
stemmer for German retrieval) and costs a few microseconds per word.
"""

from __future__ import annotations

import re
from functools import lru_cache

TOKEN_RE = re.compile(
    r"(?P<date>\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?)(?!\d)"
    r"|(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<sym>[%€$])"
    r"|(?P<punct>\S)"
)
STEM_LENGTH = 6
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s", "é": "e", "č": "c", "ı": "i"})
# country and people forms: "Nordkorea", "nordkoreanisch", "Nordkoreaner";
# "Russland", "russisch", "Russen"; "Ukraine", "ukrainisch", "Ukrainer"
_COUNTRY_ENDINGS = ("anischen", "anische", "anischer", "anisches", "anischem", "anisch",
                    "aners", "anern", "anerin", "aner", "ischen", "ische", "ischer", "isches",
                    "ischem", "isch", "lands", "land", "ern", "er", "en", "e", "as", "a", "s")
# words every claim about anything contains; never a reason to link two claims
GENERIC = frozenset({
    "sollen", "sollte", "sollten", "soll", "haben", "hatte", "hatten", "werden", "wurde",
    "wurden", "worden", "sein", "seien", "sind", "ist", "war", "waren", "bereits", "derzeit",
    "kürzlich", "möglicherweise", "offenbar", "angeblich", "berichten", "bericht", "berichte",
    "zufolge", "laut", "angaben", "nach", "sagte", "erklärte", "mehr", "neue", "neuen",
    "weitere", "weiteren", "jahr", "jahren", "jahres", "woche", "wochen", "tag", "tage",
    "tagen", "uhr", "rund", "etwa", "über", "bis", "zu", "seit", "heute", "gestern", "morgen",
})


# Words per word cache. A long import on news meets new word forms in every
# article; a cache fills to this size and then drops its least recent words,
# so a worker's memory is flat in the number of articles from ~2,000 fresh
# ones on (at 200,000 it grew until ~10,000 and beyond: docs/benchmarks.md,
# "Fourth round"). The frequent words stay; CPU per article unchanged.
WORD_CACHE = 50_000


def fold(word: str) -> str:
    low = word.lower()
    return low if low.isascii() else low.translate(_FOLD)  # the table maps only non-ASCII letters


# _COUNTRY_ENDINGS by their last letter, each list in the tuple's order: a word
# can only end with an ending of its own last letter, so stem_of tries ~5
# endings instead of 25 (the loop was half of a new word's cost in the facts)
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(e for e in _COUNTRY_ENDINGS if e[-1] == last) for last in {e[-1] for e in _COUNTRY_ENDINGS}}


def stem_of(word: str) -> str:
    """Matching key of one word: folded, country ending cut (the first of
    _COUNTRY_ENDINGS it has that leaves 4 letters), first 6 letters
    (uncached: :func:`stem` is the cached one)."""
    w = fold(word.rstrip("."))
    if len(w) > 5:
        for ending in _ENDINGS_BY_LAST.get(w[-1], ()):
            if w.endswith(ending) and len(w) - len(ending) >= 4:
                w = w[: -len(ending)]
                break
    return w[:STEM_LENGTH]


stem = lru_cache(maxsize=WORD_CACHE)(stem_of)


@lru_cache(maxsize=1)
def _lexicon_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Function words and reporting-verb forms from the highlighter's lexicons."""
    from annotator.core.highlight.lexicons import load_lexicons

    lex = load_lexicons()
    return frozenset(lex.function), frozenset(lex.verbs)


def content_words(text: str, toks: list | None = None) -> list[str]:
    """The words that say what a claim is about (no function words, no
    reporting verbs, no hedges), in order, as written; the parts of a
    hyphenated compound ("Ukraine-Russland-Krieg") count as words.
    ``toks`` are (text, start, end, kind) tuples when the caller has them."""
    function, verbs = _lexicon_sets()
    if toks is None:
        toks = [(m.group(), 0, 0, m.lastgroup) for m in TOKEN_RE.finditer(text)]
    out = []
    for token, _, _, kind in toks:
        if kind != "word":
            continue
        for word in token.split("-") if "-" in token else (token,):
            low = word.lower()
            if len(low) < 3 or low in function or low in verbs or low in GENERIC:
                continue
            out.append(word)
    return out


WORD_RE = re.compile(r"[^\W\d_]+")  # the parts of hyphenated words, as TOKEN_RE's words split on "-"


@lru_cache(maxsize=1)
def skipped_words() -> frozenset[str]:
    """Words that never say what a claim is about (content_words' filter)."""
    function, verbs = _lexicon_sets()
    return function | verbs | GENERIC


@lru_cache(maxsize=WORD_CACHE)
def word_entry(word: str) -> tuple[str, str | None, bool] | None:
    """(stem, nation, name-like) of a content word, None for a word that
    says nothing about the claim's topic. Cached: a corpus repeats its
    words, so most claims cost one dictionary hit per word."""
    from annotator.core.corroboration.nations import nation_of_word

    low = word.lower()
    if len(low) < 3 or low in skipped_words():
        return None
    return stem(word), nation_of_word(word), is_name_like(word)


def is_name_like(word: str) -> bool:
    """Capitalised: a noun or a name (subjects, entities, places in German)."""
    return word[:1].isupper()
