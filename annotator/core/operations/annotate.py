"""Saving, deleting, undoing and redoing one annotation: the reviewer's key presses.

A reviewer's edit is an :class:`~annotator.core.commands.AnnotationChange`
(built by the review session, :mod:`annotator.core.review`). Writing it
forward (save, redo) or backward (undo) is one transaction through
``Project.put_annotation_state``, which reads the stored state once inside
that transaction for the log.
"""

from __future__ import annotations

from annotator.core.changes import Changes, Outcome
from annotator.core.commands import AnnotationChange
from annotator.core.models import Annotation
from annotator.core.project import Project


def annotate_changes(change: AnnotationChange) -> Changes:
    """One annotation of one article changed (and with it the article's progress)."""
    return Changes(articles=frozenset({change.article_id}),
                   annotations=frozenset({change.annotation_id}))


def write_change(project: Project, change: AnnotationChange, *,
                 forward: bool = True) -> Outcome[Annotation | None]:
    """Apply (``forward``) or revert ``change``; the result is the stored annotation
    (None when the step deletes it). Raises sqlite3.Error/OSError/ValueError
    with nothing written."""
    stored = change.apply(project) if forward else change.revert(project)
    return Outcome(stored, annotate_changes(change))
