"""The ninth round of the import's CPU (docs/benchmarks.md): highlighting
workers are forked from a forkserver that imported spaCy and loaded the
highlighter once, instead of each starting a new interpreter and loading
it again (core/worker_forkserver.py, worker_start.worker_context), on Linux.

What a user relies on stays: the workers find what this process finds
(tests/test_parallel_import.py compares whole imports), they yield the CPU
to the window once (not twice: nice is relative), a killed import leaves
no worker (test_parallel_import.py), and when the import ends no process
holding spaCy stays behind - also when two imports ran at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.parallel_highlight import WORKER_NICE, process_pool, spec_of
from tests.test_parallel_import import alive, descendants

forkserver = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a forkserver on Linux only: workers are spawned as before")


def how_the_worker_started() -> dict:
    """In a worker: what it found loaded, and who forked it."""
    return {"preloaded": "annotator.core.worker_forkserver" in sys.modules, "parent": os.getppid(),
            "nice": os.nice(0)}


def pool_of(workers: int = 1):
    return process_pool(workers, spec_of(load_highlighter("blank"), True, True))


@forkserver
def test_a_worker_is_forked_from_a_process_that_has_loaded_the_highlighter_already():
    pool = pool_of()
    try:
        worker = pool.submit(how_the_worker_started).result(timeout=120)
    finally:
        pool.close()
    assert worker["preloaded"]
    assert worker["parent"] != os.getpid()  # the forkserver's child, not ours
    assert worker["nice"] == min(os.nice(0) + WORKER_NICE, 19)  # lowered once, in the forkserver


@forkserver
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_no_process_holding_spacy_stays_behind_a_finished_import():
    before = descendants(os.getpid())
    pool = pool_of(2)
    try:
        pool.submit(how_the_worker_started).result(timeout=120)
        started = descendants(os.getpid()) - before
    finally:
        pool.close()
    assert len(started) >= 2  # the forkserver and a worker at least
    assert not [pid for pid in started if alive(pid)]


@forkserver
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_two_imports_at_once_share_the_forkserver_until_the_last_ends():
    before = descendants(os.getpid())
    first, second = pool_of(), pool_of()
    try:
        forked_by = {pool.submit(how_the_worker_started).result(timeout=120)["parent"] for pool in (first, second)}
        first.close()
        first.close()  # closing twice counts once
        assert alive(next(iter(forked_by))), "the second import still has its forkserver"
        renewed = second._start()  # the second import renews its workers: forked as before
        try:
            assert renewed.submit(how_the_worker_started).result(timeout=120)["parent"] in forked_by
        finally:
            renewed.shutdown(wait=True)
    finally:
        first.close()
        second.close()
    assert len(forked_by) == 1
    assert not [pid for pid in descendants(os.getpid()) - before if alive(pid)]
