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
        return operations.import_articles(project, paths, highlighter=highlighter,
                                          on_progress=on_progress, should_cancel=should_cancel)
    return run


def rehighlight_job(article_ids: list[str] | None = None) -> Callable:
    def run(project, on_progress, should_cancel):
        highlighter = load_highlighter()
        if highlighter is None:
            raise RuntimeError("this installation has no pre-highlighter "
                               "(annotator.core.highlight.load_highlighter)")
        return operations.highlight(project, highlighter, article_ids=article_ids,
                                    on_progress=on_progress, should_cancel=should_cancel)
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
