"""How a highlighting worker starts: forked from a process that loaded
the highlighter once where the platform allows, at a lower priority than
the window, and bound to die with the process that asked for it."""

from __future__ import annotations

import os

WORKER_NICE = 10  # workers yield the CPU to the window (and the writer): see docs/scaling.md


def worker_context():
    """How workers start: forked from a forkserver that has imported spaCy
    and loaded the highlighter once (:mod:`annotator.core.worker_forkserver`),
    on Linux; else spawned, each importing spaCy itself. Never a plain fork:
    the window runs imports beside Qt's threads, and a forkserver is a new
    process of its own, started before any fork. Not on macOS (system
    libraries numpy may load, e.g. Accelerate, are not safe to use after a
    fork: why Python spawns there by default), not on Windows (no fork),
    not in a frozen bundle (its launcher answers spawn's command line only)."""
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False) \
            or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["annotator.core.worker_forkserver"])  # read when it starts
    return context


class _Forkservers:
    """The forkserver lives while some pool of this process uses it: the
    last pool to close stops it, so that no process holding spaCy stays
    behind an import (the window's memory), and its workers' CPU is counted
    as its parent's children's (its start is every import's again)."""

    def __init__(self):
        import threading

        self.lock, self.pools = threading.Lock(), 0

    def open(self, context) -> None:
        if context.get_start_method() == "forkserver":
            with self.lock:
                self.pools += 1

    def close(self, context) -> None:
        if context.get_start_method() != "forkserver":
            return
        with self.lock:
            self.pools -= 1
            if self.pools:
                return
            from multiprocessing import forkserver

            stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)  # private: may go
            if stop is not None:
                stop()  # its forks have all exited: it ends at once


forkservers = _Forkservers()


_lowered = False  # this process has lowered its priority (a forkserver's forks inherit it)


def lower_priority() -> None:
    """A background import must not make the window stutter: a reviewer's
    key press and article switch win the CPU over highlighting (the writer,
    which holds the transaction, keeps its priority).

    Nice 10 alone still let a busy worker delay the window by about a tenth
    of a switch (bench/bench_gui.py --background-import); Linux's idle
    scheduling class gives a worker only the CPU no ordinary process wants,
    and an ordinary process that wakes preempts it at once. Alone on the
    machine, an idle-class worker runs at full speed. Once per process:
    nice is relative."""
    global _lowered
    if _lowered:
        return
    _lowered = True
    try:
        os.nice(WORKER_NICE)
    except (AttributeError, OSError):  # Windows has no nice(); a failure costs only priority
        pass
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:  # this thread, and the threads it starts later
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        except OSError:  # a sandbox may refuse: nice 10 still holds
            pass


def exit_with(sentinel) -> None:
    """A killed parent (even SIGKILL) ends its workers: its sentinel becomes
    ready when it dies, and a worker must not go on burning a core."""
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)
