"""Review the most uncertain first (Prodigy's ``prefer_uncertain``).

A suggestion the re-scorer gives P(accept) = 0.5 teaches the most when a
reviewer judges it; one at 0.02 or 0.98 teaches little.  These helpers only
order: they never hide anything, and ties keep their original order (so
the claims of an article stay in reading order among equals).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


class UncertaintyCancelled(Exception):
    """The user stopped the search for uncertain articles."""


def uncertainty(p: float) -> float:
    """1.0 at p = 0.5, 0.0 at p = 0 or 1."""
    return 1.0 - abs(2.0 * min(1.0, max(0.0, p)) - 1.0)


def most_uncertain_first(items: Sequence[T], probability: Callable[[T], float]) -> list[T]:
    """``items`` ordered by falling uncertainty of ``probability(item)``."""
    keyed = [(-uncertainty(probability(x)), i) for i, x in enumerate(items)]
    keyed.sort()
    return [items[i] for _, i in keyed]


def article_uncertainty(probabilities: Iterable[float]) -> float:
    """An article's uncertainty: its most uncertain unreviewed suggestion
    (an article of sure suggestions is quick to review and teaches little)."""
    return max((uncertainty(p) for p in probabilities), default=0.0)


def articles_most_uncertain_first(probabilities: Mapping[str, Iterable[float]]) -> list[str]:
    """Article ids ordered by falling ``article_uncertainty``; stable."""
    scored = [(-article_uncertainty(ps), i, aid) for i, (aid, ps) in enumerate(probabilities.items())]
    scored.sort()
    return [aid for _, _, aid in scored]


def project_uncertain_articles(project, annotator: str | None = None,
                               on_progress: Callable[[int, int], None] | None = None,
                               should_cancel: Callable[[], bool] | None = None) -> list[tuple[str, float, int]]:
    """(article id, uncertainty, unreviewed learned suggestions) for the
    articles with suggestions a learned model scored and nobody (or
    ``annotator``) has judged yet, most uncertain first.  Stops with
    ``UncertaintyCancelled`` when asked to."""
    from annotator.core.learning.explain import model_version

    scores: dict[str, list[float]] = {}
    ids = project.article_ids()
    for n, article_id in enumerate(ids, start=1):
        if should_cancel is not None and should_cancel():
            raise UncertaintyCancelled()
        if on_progress is not None:
            on_progress(n, len(ids))
        judged = {a.suggestion_id for a in project.annotations(article_id=article_id, annotator=annotator)}
        open_scores = [s.score for s in project.suggestions(article_id)
                       if s.id not in judged and model_version(s) is not None]
        if open_scores:
            scores[article_id] = open_scores
    order = articles_most_uncertain_first(scores)
    return [(a, round(article_uncertainty(scores[a]), 3), len(scores[a])) for a in order]


def claim_order(claims: Sequence, uncertain_first: bool) -> list[int]:
    """The claims list's order (indices into ``claims``, review-session
    ``Claim`` objects): reading order, or with ``uncertain_first`` the
    unreviewed suggestions a learned model scored, most uncertain first,
    then every other claim in reading order."""
    if not uncertain_first:
        return list(range(len(claims)))
    from annotator.core.learning.explain import model_version

    scored = [i for i, c in enumerate(claims) if c.annotation is None and c.suggestion is not None
              and model_version(c.suggestion) is not None]
    ranked = most_uncertain_first(scored, lambda i: claims[i].suggestion.score)
    chosen = set(ranked)
    return ranked + [i for i in range(len(claims)) if i not in chosen]
