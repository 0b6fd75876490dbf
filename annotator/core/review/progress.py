"""Review progress: claims reviewed of all claims, for an article or the project.

A claim is the pre-highlighter's suggestion or one added by hand; it is
reviewed when the annotator has an annotation for it. The project-wide
figure is counted once (``Project.progress``) and then kept by :func:`tally`
as annotations come and go, so a key press never re-counts 100,000 articles.
"""

from __future__ import annotations

from annotator.core.models import Annotation
from annotator.core.project import Progress

__all__ = ["Progress", "tally"]


def tally(progress: Progress, before: Annotation | None, after: Annotation | None) -> None:
    """Update ``progress`` for one annotation going from ``before`` to ``after``."""
    def added_by_hand(a: Annotation | None) -> int:
        return int(a is not None and a.suggestion_id is None)

    progress.reviewed += int(after is not None) - int(before is not None)
    progress.total += added_by_hand(after) - added_by_hand(before)
