"""An import's processes and Python's cyclic garbage collector.

Each process of an import allocates many short-lived objects per article
(claims, spans, rows, facts), so the collector runs often: every 700 new
objects a young collection, and now and then a full one that walks every
object the process holds, spaCy's and the lexicons' included, though none
of those ever becomes garbage. Measured on the 2-core machine
(docs/benchmarks.md, "Eighth round (issue 19): the import's CPU"): the
collector took ~0.17 ms of the writer's ~1.5 ms per fresh article (five
full collections of ~60 ms in 3,000 articles) and ~0.09 ms of a worker's.

So what is loaded before the articles come is frozen (``gc.freeze``: moved
out of the collector's sight, still freed when its last reference goes),
and young collections wait for 10,000 new objects instead of 700 (at most
a few MB of cyclic garbage waits a little longer). No object and no output
changes; objects that were garbage already at the freeze wait until the
import ends.
"""

from __future__ import annotations

import gc
import threading

YOUNG_AFTER = 10_000  # new objects between young collections (Python's default: 700)

_lock = threading.Lock()
_imports = 0  # imports running in this process (the window may run one beside another)
_thresholds: tuple[int, ...] = ()


def settle_worker() -> None:
    """In a highlighting worker, once its highlighter is loaded: for good
    (the worker only highlights until it exits)."""
    gc.freeze()
    gc.set_threshold(YOUNG_AFTER, *gc.get_threshold()[1:])


class ImportCollection:
    """The writer's collector tuned while an import runs; :meth:`end`
    puts it back once the last import of the process ends."""

    def __init__(self):
        global _imports, _thresholds
        self.running = True
        with _lock:
            if _imports == 0:
                _thresholds = gc.get_threshold()
                gc.freeze()
                gc.set_threshold(YOUNG_AFTER, *_thresholds[1:])
            _imports += 1

    def end(self) -> None:
        global _imports
        if not self.running:
            return
        self.running = False
        with _lock:
            _imports -= 1
            if _imports == 0:
                gc.set_threshold(*_thresholds)
                gc.unfreeze()
