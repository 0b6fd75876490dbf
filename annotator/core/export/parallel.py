"""Rendering export lines in worker processes, for exports that render many
articles (a project's first export, or one after large changes).

Rendering is CPU-bound Python (~0.4 ms per article, ~1 ms when its text must
be tokenized), so threads would not help; each worker process opens the
project itself (read-only use) and renders whole batches of articles, which
come back as bytes in the order they were submitted. The exporting process
keeps reading the cache, copying unchanged articles and writing files.

Workers are started lazily, once an export has rendered
:data:`START_AFTER` articles itself: exports that render only a few
articles never pay the ~2 s it takes a worker to import spaCy. "spawn"
processes, never fork: the window runs exports beside Qt's threads.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from pathlib import Path

START_AFTER = 1500  # articles rendered in-process before workers start
PARENT_CHECK_SECONDS = 0.5  # how soon a worker notices its export was killed
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker (bounds memory: ~5 MB a batch)


def worker_count() -> int:
    """Workers worth starting here (0: render in-process)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cpus < 2 or not main_module_is_safe():
        return 0
    return min(cpus, 4)


def main_module_is_safe() -> bool:
    """Whether a spawned worker may import this program's main module.

    A spawned process runs the parent's main script again (as __mp_main__)
    unless it is a ``-m`` module's __main__ or absent (interactive). Our
    entry points (console scripts, ``python -m annotator``, the bundle's
    launcher) guard their work with ``if __name__ == "__main__"``; a user's
    script that calls export_project without that guard would run again in
    every worker, so such a script renders in its own process instead.
    """
    if getattr(sys, "frozen", False):
        return True  # packaging/launcher.py: guarded, calls freeze_support()
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    path = getattr(main, "__file__", None)
    if main is None or spec is not None or path is None:
        return True
    try:
        source = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "__name__ == '__main__'" in source or '__name__ == "__main__"' in source


class RenderPool:
    """Batches of articles rendered in worker processes, results in order."""

    def __init__(self, db_path: Path, selection, export_format, token_cache: bool,
                 tokenizer: str | None, workers: int):
        # here, not at the top: ~6 ms the CLI and the window would pay at start-up
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(str(db_path), selection, export_format, token_cache, tokenizer, os.getpid()))
        self.pending: deque = deque()  # (ticket, Future or None), oldest first

    @property
    def full(self) -> bool:
        rendering = sum(1 for _, future in self.pending if future is not None)
        return rendering >= self.workers * IN_FLIGHT_PER_WORKER

    def submit(self, ticket, ids: list[str]) -> None:
        """Queue ``ids`` for rendering; ``ticket`` comes back with the result."""
        self.pending.append((ticket, self.pool.submit(_render, ids)))

    def front_ready(self) -> bool:
        """Whether the oldest batch can be taken without waiting."""
        future = self.pending[0][1] if self.pending else None
        return bool(self.pending) and (future is None or future.done())

    def next_done(self):
        """(ticket, {article id: (lines, counts)}) of the oldest batch, waiting
        for it. A batch queued with no future (nothing to render) gives {}."""
        ticket, future = self.pending.popleft()
        return ticket, future.result() if future is not None else {}

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pending.clear()


# -- in the worker process ---------------------------------------------------

_state: dict = {}


def _start_worker(db_path: str, selection, export_format, token_cache: bool,
                  tokenizer: str | None, parent: int | None = None) -> None:
    if parent is not None:
        _die_with(parent)
    # The format comes pickled (its writer by reference), so a format
    # registered outside this package renders in the workers too.
    from annotator.core.export.line_export import RenderTokens
    from annotator.core.project import Project

    _state["project"] = Project.open(db_path, create=False)
    _state["args"] = (selection, export_format, RenderTokens(token_cache, tokenizer))


def _die_with(parent: int) -> None:
    """End this worker when the exporting process is gone (killed: it cannot
    shut the pool down). Its parent then changes (the orphan is adopted);
    a thread notices within a second. Without it a killed export's workers
    lived on for minutes, each holding hundreds of MB and the database open,
    and with them multiprocessing's resource tracker."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _render(ids: list[str]) -> dict:
    from annotator.core.export.line_export import render_articles

    selection, export_format, tokens = _state["args"]
    return render_articles(_state["project"], selection, export_format, ids, tokens)
