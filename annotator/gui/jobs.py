"""The long jobs the window starts, as functions for :func:`workers.run_job`.

Each returns ``fn(project, on_progress, should_cancel)``; it runs in the
worker thread with the worker's own Project. spaCy is loaded there too, so
the window never waits for a model to load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.annotation_import import import_annotations
from annotator.core.export import ExportOptions, export_project
from annotator.core.importer import highlight_project, import_paths


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
        return import_paths(project, paths, highlighter=highlighter,
                            on_progress=on_progress, should_cancel=should_cancel)
    return run


def rehighlight_job(article_ids: list[str] | None = None) -> Callable:
    def run(project, on_progress, should_cancel):
        highlighter = load_highlighter()
        if highlighter is None:
            raise RuntimeError("this installation has no pre-highlighter "
                               "(annotator.core.highlight.load_highlighter)")
        return highlight_project(project, highlighter, article_ids=article_ids,
                                 on_progress=on_progress, should_cancel=should_cancel)
    return run


def annotation_import_job(path: Path, annotator: str | None, replace: bool) -> Callable:
    def run(project, on_progress, should_cancel):
        return import_annotations(project, path, annotator=annotator, replace=replace,
                                  on_progress=on_progress, should_cancel=should_cancel)
    return run


def export_job(options: ExportOptions, output: Path) -> Callable:
    def run(project, on_progress, should_cancel):
        return export_project(project, options, output, on_progress=on_progress,
                              should_cancel=should_cancel)
    return run
