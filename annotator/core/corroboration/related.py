"""Which claims in other articles are about the same thing as a claim.

A pair is scored from four kinds of evidence, each in [0, 1]:

- the words of both claims (stems weighted by rarity, cosine);
- the names among them: subjects, entities, places (same, weighted more);
- a quantity of the same thing (same counted concept and nation, same
  unit, values within a factor of ten) — even when the numbers differ;
- a date in both that overlaps or lies within three days.

Rarity (inverse document frequency) comes from the corpus the claims are
drawn from: the in-memory ``RelatedFinder`` for small sets and tests, the
SQLite index (``index``) for a project.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.nations import nation_of_word
from annotator.core.corroboration.quantities import Quantity, nation_of

WEIGHTS = {"words": 0.35, "names": 0.15, "quantity": 0.35, "date": 0.2}
THRESHOLD = 0.3
Idf = Callable[[str], float]


@dataclass(frozen=True)
class Relation:
    """Claim ``other`` (in another article) is related to ``claim``."""

    claim_id: str
    other_id: str
    other_article: str
    score: float
    evidence: dict[str, float]


def _concepts_match(a: Quantity, b: Quantity) -> bool:
    if a.concept is None or b.concept is None:
        return False
    if a.concept == b.concept:
        return True
    # "11.000 Nordkoreaner" in a war story are the soldiers others count
    return {a.concept, b.concept} == {"soldiers", "people"} and all(
        q.concept == "soldiers" or (q.head and nation_of_word(q.head)) for q in (a, b))


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Do two quantities count the same thing (whatever their values)?"""
    if a.additive != b.additive:
        return False  # "30.000 zusätzliche Soldaten" is not the total
    return counts_alike(a, b)


def counts_alike(a: Quantity, b: Quantity) -> bool:
    """The same kind of thing of the same nation, within a factor of ten: the
    same count, or an additional one next to a total ("bis zu 30.000
    zusätzliche Soldaten" beside "rund 12.000 Soldaten"): a related story."""
    if not _concepts_match(a, b) or a.unit != b.unit:
        return False
    na, nb = nation_of(a), nation_of(b)
    if na and nb and na != nb:
        return False
    big, small = max(a.value, b.value), min(a.value, b.value)
    return small > 0 and big / small <= 10


def _cosine(a: Iterable[str], b: Iterable[str], idf: Idf) -> float:
    sa, sb = set(a), set(b)
    shared = sa & sb
    if not shared:
        return 0.0
    w_shared = sum(idf(t) ** 2 for t in shared)
    w_a = w_shared + sum(idf(t) ** 2 for t in sa - shared)
    w_b = w_shared + sum(idf(t) ** 2 for t in sb - shared)
    return w_shared / math.sqrt(w_a * w_b)


def _date_evidence(a: ClaimFacts, b: ClaimFacts) -> float:
    """1 for the same days, 0.5 for overlapping vague spans ("bis November")
    or days at most three days apart."""
    best = 0.0
    for da in a.dates:
        for db in b.dates:
            if da.overlaps(db):
                precise = all((d.last - d.first).days <= 3 for d in (da, db))
                best = max(best, 1.0 if precise else 0.5)
                continue
            gap = min(abs((da._comparable(db)[0] - db._comparable(da)[1]).days),
                      abs((db._comparable(da)[0] - da._comparable(db)[1]).days))
            if gap <= 3:
                best = 0.5
    return best


def _quantity_evidence(a: ClaimFacts, b: ClaimFacts) -> float:
    """1 for a count of the same thing of the same nation, 0.6 when one
    side names no nation or one counts additional ones."""
    best = 0.0
    for qa in a.quantities:
        for qb in b.quantities:
            if counts_alike(qa, qb):
                # an additional count beside a total is related, never differing
                best = max(best, 1.0 if qa.nation and qb.nation and qa.additive == qb.additive else 0.6)
    return best


def evidence(a: ClaimFacts, b: ClaimFacts, idf: Idf) -> dict[str, float]:
    return {
        "words": _cosine(a.terms, b.terms, idf),
        "names": _cosine(a.names, b.names, idf),
        "quantity": _quantity_evidence(a, b),
        "date": _date_evidence(a, b),
    }


def score_pair(a: ClaimFacts, b: ClaimFacts, idf: Idf) -> Relation | None:
    """The relation of two claims of different articles, or None below the threshold."""
    if a.article_id == b.article_id:
        return None
    found = evidence(a, b, idf)
    score = sum(WEIGHTS[k] * v for k, v in found.items())
    if score < THRESHOLD:
        return None
    return Relation(a.claim_id, b.claim_id, b.article_id, round(score, 4), found)


def idf_from_counts(doc_freq: dict[str, int], total: int) -> Idf:
    def idf(term: str) -> float:
        return math.log((total + 1) / (doc_freq.get(term, 0) + 1)) + 1.0
    return idf


class RelatedFinder:
    """All-pairs related claims for a set held in memory (seeds, evaluation)."""

    def __init__(self, claims: Iterable[ClaimFacts]):
        self.claims = list(claims)
        df: dict[str, int] = {}
        for c in self.claims:
            for t in set(c.terms):
                df[t] = df.get(t, 0) + 1
        self.idf = idf_from_counts(df, len(self.claims))

    def related(self, claim: ClaimFacts) -> list[Relation]:
        found = (score_pair(claim, other, self.idf) for other in self.claims)
        return sorted((r for r in found if r is not None), key=lambda r: -r.score)

    def pairs(self) -> list[Relation]:
        """Each related pair once (claim_id < other_id)."""
        out = []
        for i, a in enumerate(self.claims):
            for b in self.claims[i + 1:]:
                rel = score_pair(a, b, self.idf)
                if rel is not None:
                    out.append(rel)
        return out
