"""Undoable user actions as plain objects (no Qt).

The GUI wraps each in a QUndoCommand whose redo/undo call ``apply`` and
``revert``. Both write through ``Project.put_annotation_state``, so every
step, undo included, is committed and logged before the UI shows it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from annotator.core.models import Annotation
from annotator.core.project import Project


@dataclass
class AnnotationChange:
    """Set one annotation from ``before`` to ``after`` (None: absent)."""

    annotation_id: str
    before: Annotation | None
    after: Annotation | None
    text: str = "Change claim"

    # Each step names the state it expects on disk (``before`` to apply,
    # ``after`` to revert): if another window or program wrote something
    # else since, it is refused (StaleEditError) instead of overwriting it.
    def apply(self, project: Project) -> Annotation | None:
        # a reviewer's edit: its new spans follow the span rules (core.spans)
        return project.put_annotation_state(self.annotation_id, self.after, expected=self.before)

    def revert(self, project: Project) -> Annotation | None:
        # back to what was stored before: its spans were accepted then
        return project.put_annotation_state(self.annotation_id, self.before, expected=self.after,
                                            span_rules=False)

    @property
    def article_id(self) -> str:
        state = self.after or self.before
        assert state is not None
        return state.article_id


def earlier_annotation(project: Project, after: Annotation) -> Annotation | None:
    """Which stored annotation an edit updates: the same id, else the
    annotator's judgement of the same suggestion (never a second one)."""
    if after.id is not None:
        return project.annotation(after.id)
    if after.suggestion_id is not None:
        return project.annotation_for_suggestion(after.suggestion_id, after.annotator)
    return None


def change_from(before: Annotation | None, after: Annotation,
                text: str = "Change claim") -> AnnotationChange:
    """The command turning ``before`` (the earlier annotation, if any) into ``after``.
    The review session knows ``before`` already (its claims show what is on disk)."""
    annotation_id = (before.id if before is not None else after.id) or str(uuid.uuid4())
    return AnnotationChange(annotation_id, before, after.evolve(id=annotation_id), text)


def change_annotation(project: Project, after: Annotation, text: str = "Change claim") -> AnnotationChange:
    """The command that turns the current state of ``after``'s claim into ``after``,
    reading the earlier annotation from the project."""
    return change_from(earlier_annotation(project, after), after, text)


def delete_annotation(project: Project, annotation_id: str, text: str = "Delete claim") -> AnnotationChange:
    return AnnotationChange(annotation_id, project.annotation(annotation_id), None, text)
