"""Article feeds for the import benchmarks: "seeds" and "fresh".

"seeds" (the default, what every earlier figure used): the seed articles'
sentences, shuffled. The highlighter finds realistic claims in them, but a
handful of seed articles repeat every word, so spaCy's tokenizer answers
almost every word from its cache and bare tokenizing costs ~0.15 ms per
article (~2 million tokens/s), where real news costs ~2.5 ms (~122,000
tokens/s on SpkAtt's articles, bench_highlight.py).

"fresh": the same sentences with their content words replaced by generated
German-like word forms drawn from a Zipf distribution over a vocabulary of
a million forms, so that, as in a day of news, frequent words repeat and
most rare ones are new to the tokenizer. The words the highlighter's rules
read (its lexicons: reporting verbs, cues, function words, source nouns)
stay, so it finds claims of the same shape. No SpkAtt text is used.
"""

from __future__ import annotations

import json
import random
import re
import sys
from functools import cache
from itertools import accumulate
from pathlib import Path

VOCABULARY = 1_000_000  # generated word forms; ranks follow Zipf's law (exponent 1)
ZIPF_OFFSET = 50  # the commonest words are the kept function words: content words start lower
ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "br", "dr", "fr",
          "gr", "kr", "pr", "tr", "st", "sch", "schw", "str", "pf", "kl", "bl", "fl", "gl", "pl")
NUCLEI = ("a", "e", "i", "o", "u", "ä", "ö", "ü", "au", "ei", "ie", "eu")
CODAS = ("", "n", "r", "l", "s", "t", "m", "ng", "ck", "ch", "rt", "nd", "st", "lz", "ft")
ENDINGS = ("", "en", "er", "ung", "heit", "keit", "lich", "isch", "schaft", "ern", "es", "e")
_WORD = re.compile(r"[^\W\d_]{4,}")


def feed_names() -> tuple[str, ...]:
    return ("seeds", "fresh")


def write_feed(kind: str, path: Path, count: int, seed: int = 7) -> None:
    """``count`` articles of ~2,000 characters as JSONL, ids news-0...: the
    seed sentences shuffled, and for "fresh" their content words renewed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_export import sentences

    rng, pool = random.Random(seed), sentences()
    renew = _renewer(rng) if kind == "fresh" else None
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            parts, length = [f"Meldung {n}."], 0
            while length < 2000:
                sentence = rng.choice(pool)
                parts.append(renew(sentence) if renew is not None else sentence)
                length += len(parts[-1]) + 1
            out.write(json.dumps({"id": f"news-{n}", "text": " ".join(parts)}, ensure_ascii=False) + "\n")


def _renewer(rng: random.Random):
    kept = _rule_words()
    weights = _zipf_weights()
    ranks = range(VOCABULARY)

    def renew(sentence: str) -> str:
        words = _WORD.findall(sentence)
        fresh = iter(rng.choices(ranks, cum_weights=weights, k=len(words)))

        def replace(m: re.Match) -> str:
            word, rank = m.group(), next(fresh)
            if word.lower() in kept:
                return word
            new = word_form(rank)
            return new.capitalize() if word[0].isupper() else new
        return _WORD.sub(replace, sentence)
    return renew


@cache
def _zipf_weights() -> list[float]:
    return list(accumulate(1.0 / (rank + ZIPF_OFFSET) for rank in range(1, VOCABULARY + 1)))


@cache
def _rule_words() -> frozenset[str]:
    """Words the highlighter's rules look up: kept as they are."""
    from annotator.core.highlight.lexicons import load_lexicons

    lex = load_lexicons()
    kept: set[str] = set()
    for name in ("verbs", "particles", "function", "pronouns", "hedges", "frames", "nominal_cues",
                 "source_nouns", "speech_nouns", "konj1", "checkworthy", "reported_rate"):
        kept.update(w.lower() for w in getattr(lex, name))
    return frozenset(kept)


def word_form(rank: int) -> str:
    """The German-like word form of a vocabulary rank: syllables as the
    digits of the rank, then an ending (a few forms are spelled alike)."""
    syllables = len(ONSETS) * len(NUCLEI) * len(CODAS)
    rank, ending = divmod(rank, len(ENDINGS))
    parts = []
    while True:
        rank, syllable = divmod(rank, syllables)
        syllable, coda = divmod(syllable, len(CODAS))
        onset, nucleus = divmod(syllable, len(NUCLEI))
        parts.append(ONSETS[onset] + NUCLEI[nucleus] + CODAS[coda])
        if rank == 0:
            break
        rank -= 1
    if len(parts) == 1:  # at least two syllables, like most content words
        parts.append("sel")
    return "".join(parts) + ENDINGS[ending]
