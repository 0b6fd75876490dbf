"""Learning from the reviewed articles as an operation (CLI ``learn``, the
window's "Learn from reviewed articles" job).

Reads every human decision, trains, and stores the model and the learned
lexicon entries in one transaction at the end: a cancelled or failed run
stores nothing. The record says only ``learned``: no claim changed until
the next re-highlight uses what was learned.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.changes import Changes, Outcome

LEARNED = Changes(learned=True)


def learn(project, *, annotator: str | None = None,
          on_progress: Callable[[int, int], None] | None = None,
          should_cancel: Callable[[], bool] | None = None) -> Outcome:
    """Outcome with the ``LearnResult``, or with None when no suggestion has
    been reviewed yet (then nothing is stored)."""
    from annotator.core.learning.project_learning import LearningCancelled, learn_from_project
    from annotator.core.learning.project_store import learned_entries, save_learning

    result = learn_from_project(project, annotator, learned_entries(project),
                                on_progress=on_progress, should_cancel=should_cancel)
    if result.counts["reviewed"] == 0:
        return Outcome(None, LEARNED)
    if should_cancel is not None and should_cancel():
        raise LearningCancelled()
    save_learning(project, result)
    return Outcome(result, LEARNED)
