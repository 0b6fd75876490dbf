"""The long jobs the window starts: core operations bound to their arguments.

Each returns ``fn(project, on_progress, should_cancel)`` for
:func:`workers.run_job`; it runs in the worker thread with the worker's own
Project and returns the operation's :class:`~annotator.core.changes.Outcome`
(result and changes; ``MainWindow.run_operation`` publishes the changes).
spaCy is loaded there too, so the window never waits for a model to load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core import operations


def load_highlighter():
    """The pre-highlighter, or None when this installation has none (yet)."""
    try:
        from annotator.core.highlight import load_highlighter as load
    except ImportError:
        return None
    return load()


def import_job(paths: list[Path], highlight: bool = True) -> Callable:
    def run(project, on_progress, should_cancel):
        highlighter = load_highlighter() if highlight else None
        if highlighter is not None:  # new articles get what was learned, too
            from annotator.core.learning.project_store import project_pipeline

            highlighter, _warning = project_pipeline(project, base=highlighter)
        return operations.import_articles(project, paths, highlighter=highlighter,
                                          on_progress=on_progress, should_cancel=should_cancel)
    return run


def rehighlight_job(article_ids: list[str] | None = None) -> Callable:
    def run(project, on_progress, should_cancel):
        highlighter = load_highlighter()
        if highlighter is None:
            raise RuntimeError("this installation has no pre-highlighter "
                               "(annotator.core.highlight.load_highlighter)")
        # what 'Learn from reviewed articles' stored, if anything (a damaged
        # model is logged and the rules are used alone)
        from annotator.core.learning.project_store import project_pipeline

        highlighter, _warning = project_pipeline(project, base=highlighter)
        return operations.highlight(project, highlighter, article_ids=article_ids,
                                    on_progress=on_progress, should_cancel=should_cancel)
    return run


def learn_job(annotator: str | None = None) -> Callable:
    """Learn from the reviewed articles (all annotators by default)."""
    def run(project, on_progress, should_cancel):
        from annotator.core.operations.learn import learn

        return learn(project, annotator=annotator, on_progress=on_progress,
                     should_cancel=should_cancel)
    return run


def annotation_import_job(path: Path, annotator: str | None, replace: bool) -> Callable:
    def run(project, on_progress, should_cancel):
        return operations.import_annotation_file(
            project, path, annotator=annotator, replace=replace,
            on_progress=on_progress, should_cancel=should_cancel)
    return run


def export_job(options, output: Path) -> Callable:
    """The export dialog's job: the result only, an export changes no view."""
    def run(project, on_progress, should_cancel):
        return operations.export(project, options, output, on_progress=on_progress,
                                 should_cancel=should_cancel).result
    return run


def uncertain_job(annotator: str | None) -> Callable:
    """Articles with learned suggestions ``annotator`` has not judged, most
    uncertain first (reads only)."""
    def run(project, on_progress, should_cancel):
        from annotator.core.learning.uncertainty import project_uncertain_articles

        return project_uncertain_articles(project, annotator, on_progress, should_cancel)
    return run
