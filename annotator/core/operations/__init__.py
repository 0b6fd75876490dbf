"""Every user action and every job as a core operation returning what it changed.

An operation takes the open :class:`~annotator.core.project.Project` (and the
job callbacks ``on_progress``/``should_cancel`` where it is long), does its
work through existing core functions, and returns an
:class:`~annotator.core.changes.Outcome`: the result plus a
:class:`~annotator.core.changes.Changes` record. The CLI ignores the record;
the GUI publishes it on its one ``changed`` signal and every view refreshes
from it.

A long job that fails or is cancelled may already have committed some
batches; its ``MAY_CHANGE`` constant says what the views must re-read then.
"""

from annotator.core.operations.annotate import (
    annotate_changes,
    write_change,
)
from annotator.core.operations.jobs import (
    ASSIGNED,
    EXPORTED,
    HIGHLIGHTED,
    IMPORTED,
    IMPORTED_ANNOTATIONS,
    MERGED,
    accept_agreed,
    adjudicate,
    assign,
    export,
    highlight,
    import_annotation_file,
    import_articles,
    merge,
    take_back,
    take_majorities,
)

__all__ = [
    "ASSIGNED", "EXPORTED", "HIGHLIGHTED", "IMPORTED", "IMPORTED_ANNOTATIONS", "MERGED",
    "accept_agreed", "adjudicate", "annotate_changes", "take_majorities", "assign", "export", "highlight",
    "import_annotation_file", "import_articles", "merge", "take_back", "write_change",
]
