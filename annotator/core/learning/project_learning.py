"""Learning from a project's human annotations (``annotator learn``).

Reads every human judgement (all annotators and the adjudicated layer, or
one annotator), pairs it with the suggestion it judged, trains the
re-scorer and counts the lexicon entries.  Reads only: storing the result
is the caller's step, so a cancelled or failed run changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from annotator.core.learning.corrector import Corrector, train_corrector
from annotator.core.learning.decisions import Review, correction_cases, training_set
from annotator.core.learning.lexicon_learner import LearnedEntry, learn_lexicon, merge_verdicts
from annotator.core.learning.rescorer import Rescorer, train


class LearningCancelled(Exception):
    """The user cancelled learning; nothing was stored."""


@dataclass
class LearnResult:
    model: Rescorer
    entries: list[LearnedEntry]
    counts: dict[str, int] = field(default_factory=dict)
    annotator: str | None = None
    seconds: float = 0.0
    corrector: Corrector | None = None


def project_reviews(project, annotator: str | None = None,
                    on_progress: Callable[[int, int], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> list[Review]:
    """Every human annotation beside the suggestion it judged (None for
    claims added by hand), article by article."""
    by_article: dict[str, list] = {}
    for a in project.annotations(annotator=annotator):
        by_article.setdefault(a.article_id, []).append(a)
    reviews: list[Review] = []
    for n, (article_id, judged) in enumerate(by_article.items(), start=1):
        if should_cancel is not None and should_cancel():
            raise LearningCancelled()
        text = project.article(article_id).text
        suggestions = {s.id: s for s in project.suggestions(article_id)}
        reviews.extend(Review(text, suggestions.get(a.suggestion_id), a) for a in judged)
        if on_progress is not None:
            on_progress(n, len(by_article))
    return reviews


def learn_from_reviews(reviews: list[Review], previous: Iterable[LearnedEntry] = (),
                       ) -> tuple[Rescorer, list[LearnedEntry], dict[str, int], Corrector]:
    data = training_set(reviews)
    model = train(data.claims, data.sources)
    entries = merge_verdicts(previous, learn_lexicon(reviews))
    corrector = train_corrector(correction_cases(reviews))
    counts = data.counts
    counts["hand_added"] = sum(1 for r in reviews if r.suggestion is None)
    counts["articles"] = len({r.annotation.article_id for r in reviews if r.annotation is not None})
    counts["edit_rules"] = len(corrector.edits)
    return model, entries, counts, corrector


def learn_from_project(project, annotator: str | None = None, previous: Iterable[LearnedEntry] = (),
                       on_progress: Callable[[int, int], None] | None = None,
                       should_cancel: Callable[[], bool] | None = None) -> LearnResult:
    """Train from the project's decisions; ``previous`` lexicon entries keep
    the lead's verdicts.  Raises ``LearningCancelled`` when asked to stop."""
    started = time.perf_counter()
    reviews = project_reviews(project, annotator, on_progress, should_cancel)
    if should_cancel is not None and should_cancel():
        raise LearningCancelled()
    model, entries, counts, corrector = learn_from_reviews(reviews, previous)
    return LearnResult(model, entries, counts, annotator, round(time.perf_counter() - started, 3), corrector)
