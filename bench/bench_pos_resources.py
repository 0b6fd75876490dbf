"""What pip-installable German lemma/POS resources would cost the highlighter.

Usage: python bench/bench_pos_resources.py [--articles N]

The pre-highlighter tells nouns, names and verbs apart with its own
lexicons (resources/lexicons/). Two pip-installable alternatives exist:
HanTa (a German POS tagger and lemmatizer) and spacy-lookups-data (lookup
lemmas for spacy.blank("de")). This script times each on the SpkAtt
training sentences, beside the highlighter itself, so the decision "does it
pay for its cost" rests on figures. Neither package is a dependency: install
them (`pip install HanTa spacy-lookups-data`) to measure; a missing one is
reported and skipped.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-news" / "train"


def load_sentences(limit: int) -> list[list[str]]:
    sentences = []
    for path in sorted(DATA.glob("*.json"))[:limit]:
        sentences += [s["Tokens"] for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]]
    return sentences


def timed(label: str, tokens: int, work) -> float:
    started = time.perf_counter()
    work()
    elapsed = time.perf_counter() - started
    print(f"  {label:<44} {elapsed:7.2f} s  {tokens / elapsed:10,.0f} tokens/s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    sentences = load_sentences(args.articles)
    tokens = sum(map(len, sentences))
    texts = [" ".join(s) for s in sentences]
    print(f"{args.articles} SpkAtt articles, {len(sentences)} sentences, {tokens} tokens")

    from annotator.core.highlight import load_highlighter

    highlighter = load_highlighter("blank")
    timed("our highlighter (whole pipeline)", tokens, lambda: list(highlighter.pipe(texts)))

    try:
        from HanTa import HanoverTagger
    except ImportError:
        print("  HanTa: not installed, skipped")
    else:
        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        timed("HanTa tag_sent (POS + lemma only)", tokens,
              lambda: [tagger.tag_sent(s, taglevel=1) for s in sentences])

    try:
        import spacy
        import spacy_lookups_data  # noqa: F401
    except ImportError:
        print("  spacy-lookups-data: not installed, skipped")
    else:
        nlp = spacy.blank("de")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        timed("spacy.blank('de') + lookup lemmatizer", tokens, lambda: list(nlp.pipe(texts)))


if __name__ == "__main__":
    main()
