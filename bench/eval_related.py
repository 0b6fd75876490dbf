"""Quality of related and differing claims against our small gold.

Claims are the highlighter's suggestions for the five seed articles
(../shared/seeds, skipped when absent) and the five demo articles
(resources/demo/). The gold, tests/data/related_gold.jsonl, lists every
pair of claims in different articles that are about the same thing, and
whether their values differ; the demo articles are about unrelated events,
so every pair found there is a false positive.

    python bench/eval_related.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotator.core.corroboration.evaluation import evaluate, read_gold
from annotator.core.corroboration.facts import describe_suggestions
from annotator.core.highlight import load_highlighter
from annotator.core.resources import resource_path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "related_gold.jsonl"
SEEDS = REPO.parent / "shared" / "seeds"


def seed_claims(hl, seeds: Path) -> list:
    claims = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        claims += describe_suggestions(path.name[:3], text, hl.highlight(text))
    return claims


def demo_claims(hl) -> list:
    claims = []
    feed = resource_path("demo").joinpath("demo-articles.jsonl")
    for line in feed.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        claims += describe_suggestions(article["id"], article["text"], hl.highlight(article["text"]),
                                       outlet=article.get("outlet"), published=article.get("published"))
    return claims


def main(argv: list[str]) -> None:
    seeds = Path(argv[0]) if argv else SEEDS
    hl = load_highlighter()
    print(f"highlighter {hl.version}; gold {GOLD.relative_to(REPO)}")
    corpora = {"demo": demo_claims(hl)}
    if seeds.is_dir():
        corpora["seeds"] = seed_claims(hl, seeds)
    else:
        print(f"seeds: {seeds} not found, skipped")
    for name, claims in corpora.items():
        articles = len({c.article_id for c in claims})
        print(f"\n{name}: {articles} articles, {len(claims)} claims")
        for kind, scores in evaluate(claims, read_gold(GOLD, name)).items():
            print("  " + scores.line(kind))


if __name__ == "__main__":
    main(sys.argv[1:])
