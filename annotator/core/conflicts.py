"""Two windows (or a window and a script) on one project.

Every annotation carries a revision that each write increments. An edit
names the state it was based on (what its window showed); if the stored
annotation now says something else, another window or process changed it,
and the edit is refused rather than silently overwriting what that window
showed as saved. The refusing window re-reads the claim and says so.
States are compared by content, not revision: an undo restores content
under a new revision, and that window's next step still fits.
"""

from __future__ import annotations

from annotator.core.models import Annotation

# ``expected`` when a writer does not know (or care) what was there: imports,
# merges, adjudication; every reviewer's edit passes what it showed.
UNCHECKED: object = object()


class StaleEditError(ValueError):
    """The annotation changed on disk since the edit's window read it."""

    def __init__(self, annotation_id: str, article_id: str | None, message: str):
        self.annotation_id, self.article_id = annotation_id, article_id
        super().__init__(message)


def check_base(annotation_id: str, current: Annotation | None, expected: object,
               target: Annotation | None) -> None:
    """Refuse writing ``target`` over ``current`` when the edit was based on
    ``expected`` and the store has moved on. Writing what is already stored
    is no conflict."""
    if expected is UNCHECKED or _same_state(current, expected):
        return
    if current is not None and target is not None and _same_content(current, target):
        return
    if current is None and target is None:
        return
    base = expected if isinstance(expected, Annotation) else None
    shown = current or target or base
    article_id = shown.article_id if shown is not None else None
    if current is None:
        what = "was deleted in another window or program"
    elif base is None:
        what = "was saved in another window or program"
    else:
        what = f"was changed in another window or program (now revision {current.revision})"
    raise StaleEditError(annotation_id, article_id, f"this claim {what}; it was reloaded, your "
                         "change was not saved")


def _same_state(current: Annotation | None, expected: object) -> bool:
    if current is None or expected is None:
        return current is None and expected is None
    assert isinstance(expected, Annotation)
    return _same_content(current, expected)


def _same_content(a: Annotation, b: Annotation) -> bool:
    ignore = {"id", "revision", "created_at", "updated_at", "origin_db"}
    return all(getattr(a, name) == getattr(b, name) for name in a.__dataclass_fields__ if name not in ignore)
