"""The claim-pair dataset: training data for claim matching and contradiction.

Each record holds two related claims of different articles (article ids,
spans, texts, sources, parsed quantities and dates), the values they differ
on, whether their sources are independent, and the reviewers' labels
(corroborates / contradicts / unrelated). Its JSON Schema is
``resources/schema/claim-pair.schema.json``; ``dataset_card`` describes a
written file.

Splits never separate a pair's articles: articles linked by any pair form
one group (connected components), and a group goes to the set its first
article id hashes to, with ``export.splits.SplitAssigner``. A story told in
many articles therefore lands in one set whole; the card reports the
actual sizes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotator.core.corroboration.differing import differences
from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.independence import SourcedClaim, independence
from annotator.core.corroboration.related import Relation
from annotator.core.export.splits import SplitAssigner

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class PairClaim:
    """A claim as the dataset shows it."""

    facts: ClaimFacts
    start: int
    end: int
    text: str


def _claim_fields(c: PairClaim) -> dict:
    f = c.facts
    return {
        "claim_id": f.claim_id, "article_id": f.article_id, "start": c.start, "end": c.end,
        "text": c.text, "source": f.source, "outlet": f.outlet, "published": f.published,
        "quantities": [{"text": q.text, "low": q.low, "high": q.high, "qualifier": q.qualifier,
                        "unit": q.unit, "head": q.head, "nation": q.nation} for q in f.quantities],
        "dates": [{"text": d.text, "first": d.describe().split("/")[0],
                   "last": d.describe().split("/")[-1], "qualifier": d.qualifier} for d in f.dates],
    }


def _sourced(f: ClaimFacts) -> SourcedClaim:
    return SourcedClaim(f.article_id, f.source, f.source_id, f.outlet)


def pair_record(a: PairClaim, b: PairClaim, relation: Relation | None, labels: list[dict],
                split: str) -> dict:
    """One JSONL record; ``labels`` are {"annotator", "label"} dicts."""
    verdict = independence(_sourced(a.facts), _sourced(b.facts))
    return {
        "pair_id": f"{a.facts.claim_id}|{b.facts.claim_id}",
        "split": split,
        "a": _claim_fields(a),
        "b": _claim_fields(b),
        "score": relation.score if relation else None,
        "evidence": dict(relation.evidence) if relation else {},
        "differing": [{"kind": d.kind, "thing": d.thing, "a_value": d.value, "b_value": d.other_value}
                      for d in differences(a.facts, b.facts)],
        "independent": verdict.independent,
        "independence_reason": verdict.reason,
        "labels": sorted(labels, key=lambda x: x["annotator"]),
        "schema_version": SCHEMA_VERSION,
    }


def article_groups(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each article of ``pairs`` (article id pairs) -> the smallest article
    id of its connected group (union-find with path halving)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def pair_splits(pairs: list[tuple[str, str]], fractions: dict[str, float], seed: int) -> dict[str, str]:
    """Article id -> set name, so that both articles of every pair share a set."""
    assigner = SplitAssigner(fractions, seed)
    return {article: assigner.set_of(group) for article, group in article_groups(pairs).items()}


def dataset_card(records: list[dict], path_name: str) -> str:
    """A short markdown card: what the file holds and its actual counts."""
    splits = Counter(r["split"] for r in records)
    labels = Counter(lab["label"] for r in records for lab in r["labels"])
    unlabelled = sum(1 for r in records if not r["labels"])
    differing = sum(1 for r in records if r["differing"])
    articles = {r[s]["article_id"] for r in records for s in ("a", "b")}
    lines = [
        f"# Claim pairs: {path_name}", "",
        "Pairs of related claims from different articles, for claim matching and",
        "contradiction detection. Schema: `claim-pair.schema.json` (version "
        f"{SCHEMA_VERSION}). Offsets are code point indices into each article's text.", "",
        f"- pairs: {len(records)} over {len(articles)} articles",
        f"- with differing values: {differing}",
        "- labels: " + (", ".join(f"{k} {v}" for k, v in sorted(labels.items())) or "none")
        + f"; pairs without a label: {unlabelled}",
        "- splits: " + (", ".join(f"{k} {v}" for k, v in sorted(splits.items())) or "none"),
        "", "Splits never separate a pair's articles: articles linked by pairs form",
        "one group, and each group lies in one set.",
        "", "Related pairs and differing values are proposed by rules (see",
        "docs/claims-across-articles.md); labels are the reviewers' judgements.",
    ]
    return "\n".join(lines) + "\n"
