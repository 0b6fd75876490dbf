#!/usr/bin/env python
"""How far a part's SpkAtt figures could move by chance: a bootstrap over articles.

One part of the training split is a sample of ~175-263 articles, and Message
and Source F1 are sums over their tokens, so a part's figure carries the luck
of which articles fell into it.  This script scores a part once (the same
pairing as ``annotator evaluate``), then draws the part's articles again with
replacement, 2,000 times, and prints each F1 with the 2.5th and 97.5th
percentile of the redrawn figures (a 95% interval), and the articles' share
of the gold tokens.  It reads the figures, never the errors, so it may run on
the held-out quarter like ``annotator evaluate --split heldout`` does.

Usage: python bench/eval_interval.py [--split tune|dev-rest|heldout] [--data DIR] [--draws N]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from build_lexicons import DEFAULT_DATA

ROLES = ("message", "source")


def article_counts(data: Path, split: str) -> list[dict[str, tuple[int, int, int]]]:
    """Per article and role: (true positive, system, gold) tokens, as score_spkatt counts them."""
    from annotator.core.highlight import load_highlighter
    from annotator.core.highlight.evaluation import document_counts, load_spkatt_file, spkatt_files, system_annotations

    highlighter = load_highlighter("blank")
    golds = [load_spkatt_file(path) for path in spkatt_files(data, split)]
    return [document_counts(gold.annotations, system_annotations(doc, gold))[0]
            for gold, doc in zip(golds, highlighter.nlp.pipe(g.text for g in golds))]


def f1(articles: list[dict[str, tuple[int, int, int]]], role: str) -> float:
    tp = sum(a[role][0] for a in articles)
    system = sum(a[role][1] for a in articles)
    gold = sum(a[role][2] for a in articles)
    precision, recall = (tp / system if system else 0.0), (tp / gold if gold else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout", choices=["tune", "dev-rest", "dev", "heldout"])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--draws", type=int, default=2000)
    args = parser.parse_args()
    articles = article_counts(args.data, args.split)
    rng = random.Random(13)
    print(f"{args.split}: {len(articles)} articles, {args.draws} bootstrap draws of as many articles")
    for role in ROLES:
        draws = sorted(f1(rng.choices(articles, k=len(articles)), role) for _ in range(args.draws))
        low, high = draws[int(0.025 * len(draws))], draws[int(0.975 * len(draws)) - 1]
        print(f"{role.capitalize():<8} F1 {f1(articles, role):.4f}   95% interval {low:.4f} - {high:.4f}"
              f"   (±{(high - low) / 2:.4f})")


if __name__ == "__main__":
    main()
