"""Reviewers' decisions turned into training examples.

A ``Review`` is one human judgement seen beside what the rules suggested:
the article text, the suggestion (None for a claim added by hand) and the
annotation (None while nobody has judged the suggestion).  Accepted and
corrected suggestions teach "keep", rejected ones "hide"; a kept claim
whose source the reviewer changed or removed teaches the source head that
this suggested source was wrong.  Claims added by hand teach the lexicon
learner, not the re-scorer (the rules never suggested them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.learning.features import suggestion_features
from annotator.core.learning.rescorer import Example
from annotator.core.models import Annotation, ClaimSuggestion, Decision


@dataclass
class Review:
    text: str
    suggestion: ClaimSuggestion | None
    annotation: Annotation | None


@dataclass
class TrainingSet:
    claims: list[Example]
    sources: list[Example]

    @property
    def counts(self) -> dict[str, int]:
        kept = sum(1 for e in self.claims if e.accepted)
        return {"reviewed": len(self.claims), "accepted": kept, "rejected": len(self.claims) - kept,
                "sources": len(self.sources)}


def training_set(reviews: Iterable[Review]) -> TrainingSet:
    """The re-scorer's examples from reviewed suggestions (others are skipped)."""
    claims: list[Example] = []
    sources: list[Example] = []
    for r in reviews:
        if r.suggestion is None or r.annotation is None:
            continue
        feats = suggestion_features(r.text, r.suggestion)
        accepted = r.annotation.decision == Decision.ACCEPT
        claims.append(Example(feats, accepted))
        if accepted and r.suggestion.source is not None:
            sources.append(Example(feats, r.annotation.source == r.suggestion.source))
    return TrainingSet(claims, sources)


def correction_cases(reviews: Iterable[Review]) -> list:
    """The corrector's cases: each reviewed suggestion with the span the
    reviewer kept (None when rejected) and the source they kept (None when
    they removed it or marked the claim unattributed)."""
    from annotator.core.learning.corrector import CorrectionCase

    by_text: dict[str, list] = {}
    for r in reviews:
        if r.suggestion is None or r.annotation is None:
            continue
        a = r.annotation
        if a.decision != Decision.ACCEPT:
            case = CorrectionCase(r.text, r.suggestion, None, None)
        else:
            source = None if a.source is None or a.unattributed else (a.source.start, a.source.end)
            case = CorrectionCase(r.text, r.suggestion, (a.start, a.end), source, speech=not a.unattributed)
        by_text.setdefault(r.text, []).append(case)
    # in reading order within an article: a candidate source is an earlier claim's
    return [c for cases in by_text.values() for c in sorted(cases, key=lambda c: c.suggestion.start)]
