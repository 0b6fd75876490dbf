"""A proposal for a claim's information credibility (Admiralty 1-6) from the
reviewer's judgements of its related claims and the differing flags.

The Admiralty scale defines credibility by other information: 1 "confirmed
by other sources", 5 "contradicted by other information". The proposal is
only shown; the reviewer applies it with a key press or ignores it.

Rules, first match wins:

1. a related claim judged *contradicts*                          -> 5
2. two or more *corroborates* from sources independent of this
   claim's source and of each other                              -> 1
3. one independent *corroborates*                                -> 2
4. *corroborates* only from sources that are not independent     -> 3
5. related claims, none judged, some with differing values       -> 4
6. related claims, none judged, none differing                   -> 3
7. nothing related                                               -> none (6 is for the reviewer to say)
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.corroboration.independence import SourcedClaim, independence, same_source

LABELS = ("corroborates", "contradicts", "unrelated")


@dataclass(frozen=True)
class RelatedJudged:
    """One related claim as the proposal sees it."""

    other: SourcedClaim
    label: str | None  # a reviewer's judgement, or None
    differing: bool = False


@dataclass(frozen=True)
class Proposal:
    grade: int
    reason: str


def _independent_confirmations(claim: SourcedClaim, confirming: list[SourcedClaim]) -> list[SourcedClaim]:
    """Confirming claims independent of ``claim`` and of each other (one per source)."""
    chosen: list[SourcedClaim] = []
    for other in confirming:
        if not independence(claim, other).independent:
            continue
        if any(same_source(other.source, c.source, other.source_id, c.source_id) for c in chosen):
            continue
        chosen.append(other)
    return chosen


def propose_credibility(claim: SourcedClaim, related: list[RelatedJudged]) -> Proposal | None:
    """The proposed grade for ``claim``, or None when nothing is related."""
    judged = [r for r in related if r.label in ("corroborates", "contradicts")]
    if any(r.label == "contradicts" for r in judged):
        n = sum(r.label == "contradicts" for r in judged)
        return Proposal(5, f"contradicted by {n} related claim{'s' if n > 1 else ''}")
    confirming = [r.other for r in judged if r.label == "corroborates"]
    independent = _independent_confirmations(claim, confirming)
    if len(independent) >= 2:
        return Proposal(1, f"confirmed by {len(independent)} independent sources")
    if len(independent) == 1:
        return Proposal(2, "confirmed by one independent source")
    if confirming:
        return Proposal(3, "confirmed only by sources that are not independent")
    unjudged = [r for r in related if r.label is None]
    if any(r.differing for r in unjudged):
        return Proposal(4, "other reports give different values")
    if unjudged:
        return Proposal(3, "agrees with related claims that are not yet judged")
    return None
