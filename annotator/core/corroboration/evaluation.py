"""Precision and recall of "related" and "differing" against a small gold.

The gold (``tests/data/related_gold.jsonl``) names each claim by its article
and a quote from it, not by offsets, so it survives changes to the
highlighter's spans: a claim found by the highlighter matches a gold claim
when its text contains the quote. A gold claim the highlighter misses
costs recall; every predicted pair that is not in the gold costs precision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.corroboration.differing import differences
from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.related import RelatedFinder


@dataclass(frozen=True)
class Scores:
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0

    def line(self, name: str) -> str:
        return (f"{name:<10} precision {self.precision:.2f}  recall {self.recall:.2f}  "
                f"(tp {self.true_pos}, fp {self.false_pos}, fn {self.false_neg})")


def read_gold(path: Path, corpus: str) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("corpus") == corpus and "a" in r]


def _claim_of(claims: list[ClaimFacts], ref: dict) -> str | None:
    for c in claims:
        if c.article_id.startswith(ref["article"]) and ref["quote"] in c.text:
            return c.claim_id
    return None


def _score(predicted: set[frozenset], gold: list[frozenset | None]) -> Scores:
    wanted = {g for g in gold if g is not None}
    missing = sum(1 for g in gold if g is None)
    tp = len(predicted & wanted)
    return Scores(tp, len(predicted - wanted), len(wanted - predicted) + missing)


def evaluate(claims: Iterable[ClaimFacts], gold: list[dict]) -> dict[str, Scores]:
    """Scores of related pairs and of differing pairs of ``claims`` against ``gold``."""
    claims = list(claims)
    by_id = {c.claim_id: c for c in claims}
    relations = RelatedFinder(claims).pairs()
    related = {frozenset((r.claim_id, r.other_id)) for r in relations}
    differing = {frozenset((r.claim_id, r.other_id)) for r in relations
                 if differences(by_id[r.claim_id], by_id[r.other_id])}

    def pair(row: dict) -> frozenset | None:
        a, b = _claim_of(claims, row["a"]), _claim_of(claims, row["b"])
        return frozenset((a, b)) if a and b else None

    return {
        "related": _score(related, [pair(r) for r in gold if r["related"]]),
        "differing": _score(differing, [pair(r) for r in gold if r["differing"]]),
    }
