"""The long jobs as operations: each runs an existing core function unchanged
and returns its result with the :class:`Changes` it made.

Each ``*ED`` constant is what the job may change. It is also what the views
re-read after the job failed or was cancelled: imports and highlighting
commit per batch, so a stopped job may have changed some articles. Heavy
modules (spaCy, the exporters) are imported inside the functions, so loading
this module costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from annotator.core.changes import NOTHING, Changes, Outcome
from annotator.core.models import Annotation

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None

# Which articles a job touches is known only inside it: views re-read what they show.
# (claims changed, so the related claims across articles did: ``relations``)
IMPORTED = Changes(all_articles=True, article_list=True, statuses=True, relations=True)
HIGHLIGHTED = Changes(all_articles=True, statuses=True, relations=True)
IMPORTED_ANNOTATIONS = Changes(all_articles=True, article_list=True, statuses=True,
                               annotators=True, team=True)
ASSIGNED = Changes(team=True)
EXPORTED = NOTHING  # an export writes files, never the project
MERGED = NOTHING  # a merge writes a new database; the open project is one of its inputs


def import_articles(project, paths: Iterable[Path | str], *, highlighter=None,
                    on_progress: Progress = None, should_cancel: Cancel = None) -> Outcome:
    from annotator.core.importer import import_paths

    summary = import_paths(project, list(paths), highlighter=highlighter,
                           on_progress=on_progress, should_cancel=should_cancel)
    return Outcome(summary, IMPORTED)


def highlight(project, highlighter, *, article_ids: Iterable[str] | None = None,
              on_progress: Progress = None, should_cancel: Cancel = None) -> Outcome[int]:
    """(Re)compute suggestions; only the named articles when ``article_ids`` is given."""
    from annotator.core.importer import highlight_project

    ids = None if article_ids is None else list(article_ids)
    count = highlight_project(project, highlighter, article_ids=ids,
                              on_progress=on_progress, should_cancel=should_cancel)
    changes = HIGHLIGHTED if ids is None else Changes(articles=frozenset(ids), statuses=True)
    return Outcome(count, changes)


def import_annotation_file(project, path: Path | str, *, annotator: str | None = None,
                           replace: bool = False, on_progress: Progress = None,
                           should_cancel: Cancel = None) -> Outcome:
    from annotator.core.annotation_import import import_annotations

    summary = import_annotations(project, path, annotator=annotator, replace=replace,
                                 on_progress=on_progress, should_cancel=should_cancel)
    return Outcome(summary, IMPORTED_ANNOTATIONS)


def export(project, options, output: Path | str, *, on_progress: Progress = None,
           should_cancel: Cancel = None) -> Outcome:
    """Writes the export files; the project is only read (the export cache
    aside, which no view shows)."""
    from annotator.core.export import export_project

    result = export_project(project, options, output, on_progress=on_progress,
                            should_cancel=should_cancel)
    return Outcome(result, EXPORTED)


def merge(inputs: Iterable[Path | str], output: Path | str, *, on_progress: Progress = None,
          should_cancel: Cancel = None, overwrite: bool = False) -> Outcome:
    from annotator.core.team.merge import merge_databases

    summary = merge_databases(inputs, output, overwrite=overwrite, on_progress=on_progress,
                              should_cancel=should_cancel)
    return Outcome(summary, MERGED)


def assign(project, annotators: Iterable[str], overlap: float, out_dir: Path | str, *,
           seed: int = 0, on_progress: Progress = None,
           should_cancel: Cancel = None) -> Outcome[list[Any]]:
    from annotator.core.team.packages import assign_packages

    packages = assign_packages(project, annotators, overlap, out_dir, seed=seed,
                               on_progress=on_progress, should_cancel=should_cancel)
    return Outcome(packages, ASSIGNED)


def adjudicate(project, group, chosen: Annotation) -> Outcome[Annotation]:
    """Store ``chosen`` as the final version of a claim the annotators differ on."""
    from annotator.core.team.adjudication import settle

    stored = settle(project, group, chosen)
    return Outcome(stored, adjudicated_changes(stored))


def take_back(project, final: Annotation, before: Annotation | None) -> Outcome[Annotation | None]:
    """Undo a settle: the final version is as it was ``before`` (None: none)."""
    assert final.id is not None
    # back to a state that was stored before: its spans were accepted then
    stored = project.put_annotation_state(final.id, before, span_rules=False)
    return Outcome(stored, adjudicated_changes(final))


def accept_agreed(project, article_id: str | None = None) -> Outcome[list[Annotation]]:
    """Settle every agreed claim group of one article (or of the project)."""
    from annotator.core.team.settling import accept_agreed as settle_agreed

    return _settled_many(settle_agreed(project, article_id))


def take_majorities(project, article_id: str | None = None) -> Outcome[list[Annotation]]:
    """Settle every open disagreement of one article (or all) with its majority version."""
    from annotator.core.team.settling import settle_by_majority

    return _settled_many(settle_by_majority(project, article_id))


def _settled_many(finals: list[Annotation]) -> Outcome[list[Annotation]]:
    changes = Changes(team=True)
    for final in finals:
        changes = changes | adjudicated_changes(final)
    return Outcome(finals, changes)


def adjudicated_changes(annotation: Annotation) -> Changes:
    """A final version written or taken back: its article, the annotation, team data."""
    assert annotation.id is not None
    return Changes(articles=frozenset({annotation.article_id}),
                   annotations=frozenset({annotation.id}), team=True)
