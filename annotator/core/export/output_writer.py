"""The export's file writes and copies, done in order by one background
thread while the export goes on reading and counting.

A re-export, or the first export after an import, is mostly one copy of the
export cache's pack into the output (gigabytes at 100,000 articles), and
the rest is Python: reading the articles' stamps, the cache's index, the
dataset card's counts, the sources file. Done one after the other, their
times add up; the copy runs in the kernel (``copy_file_range``, ``write``)
and lets go of the GIL, so on a second core it costs the export no wall
time beyond its own. Each operation is at most :data:`STEP` bytes, so a
cancelled export stops within one step.

Operations run in the order they were given, so each file's bytes come out
in order. The first failure is kept and raised by the next call from the
export; nothing after it is written (the export fails and its temporary
files are removed).
"""

from __future__ import annotations

import queue
import threading

from annotator.core.export.line_cache import copy_range, write_fd

STEP = 64 << 20  # bytes per operation: a cancelled export waits for at most one of these
WAITING = 4  # operations queued at most (a rendered one holds up to 4 MB of lines)


class OutputWriter:
    """Writes bytes to, and copies ranges of files into, open files, in a thread."""

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue(WAITING)
        self._failure: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._work, name="export-writer", daemon=True)
        self._thread.start()

    def write(self, fd: int, data: bytes) -> None:
        """Append ``data`` at ``fd``'s position (after everything given before)."""
        self._put((fd, data, -1, 0, 0))

    def copy(self, fd: int, source_fd: int, offset: int, length: int) -> None:
        """Append ``length`` bytes of ``source_fd`` at ``offset`` to ``fd``."""
        while length > 0:
            step = min(length, STEP)
            self._put((fd, None, source_fd, offset, step))
            offset += step
            length -= step

    def wait(self) -> None:
        """Return once everything given is written; raise its failure if one failed."""
        self._queue.join()
        self._raise_failure()

    def stop(self) -> None:
        """Drop what is still queued, let the operation under way finish, end
        the thread (before the export closes the files it writes). Once only."""
        if self._stopping:
            return
        self._stopping = True
        try:
            while True:
                self._queue.get_nowait()
                self._queue.task_done()
        except queue.Empty:
            pass
        self._queue.put(None)  # wakes the thread, which then ends
        self._thread.join()

    def _put(self, operation: tuple) -> None:
        self._raise_failure()
        self._queue.put(operation)

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _work(self) -> None:
        while True:
            operation = self._queue.get()
            try:
                if operation is None:
                    return
                if self._failure is None and not self._stopping:
                    self._run(operation)
            except BaseException as error:  # handed to the export's thread, which raises it
                self._failure = error
            finally:
                self._queue.task_done()

    @staticmethod
    def _run(operation: tuple) -> None:
        fd, data, source_fd, offset, length = operation
        if data is not None:
            write_fd(fd, data)
        else:
            copy_range(source_fd, fd, offset, length)
