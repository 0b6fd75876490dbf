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

    def apply(self, project: Project) -> Annotation | None:
        return project.put_annotation_state(self.annotation_id, self.after)

    def revert(self, project: Project) -> Annotation | None:
        return project.put_annotation_state(self.annotation_id, self.before)

    @property
    def article_id(self) -> str:
        state = self.after or self.before
        assert state is not None
        return state.article_id


def change_annotation(project: Project, after: Annotation, text: str = "Change claim") -> AnnotationChange:
    """The command that turns the current state of ``after``'s claim into ``after``.

    A new annotation of a suggestion the annotator already judged becomes an
    edit of that judgement, as in ``Project.save_annotation``.
    """
    before = None
    if after.id is not None:
        before = project.annotation(after.id)
    elif after.suggestion_id is not None:
        before = project.annotation_for_suggestion(after.suggestion_id, after.annotator)
    annotation_id = before.id if before is not None else (after.id or str(uuid.uuid4()))
    return AnnotationChange(annotation_id, before, after.evolve(id=annotation_id), text)


def delete_annotation(project: Project, annotation_id: str, text: str = "Delete claim") -> AnnotationChange:
    return AnnotationChange(annotation_id, project.annotation(annotation_id), None, text)
