"""Long jobs (import, highlighting, export, merge) off the UI thread.

Usage from a window (``MainWindow.run_job`` fills in parent and project)::

    from annotator.gui.workers import run_job

    def export(project, on_progress, should_cancel):      # runs in the worker thread
        return write_export(project, path, on_progress=on_progress,
                            should_cancel=should_cancel)

    job = run_job(parent, "Export", export, db_path=project_path,
                  on_success=lambda result: ..., label="Exporting…")

The contract:

* ``fn(project, on_progress, should_cancel)`` when ``db_path`` is given: the
  job opens its OWN :class:`Project` in the thread (SQLite connections
  belong to one thread) and closes it afterwards. With ``db_path=None`` the
  call is ``fn(on_progress, should_cancel)`` (e.g. a merge of several files).
* ``on_progress(done, total)`` may be called as often as you like (it is
  throttled); ``should_cancel()`` turns True after Cancel: stop and raise
  (e.g. ``ImportCancelled``) or return.
* A window-modal QProgressDialog with a Cancel button shows while it runs;
  the window keeps repainting. Callbacks run on the UI thread:
  ``on_success(result)``, ``on_error(exception)`` (default: an error dialog
  saying what happened and what to do), ``on_cancel()``, and
  ``on_progress(done, total)`` (e.g. for a status line). ``on_finished()``
  always runs last.
* The returned :class:`Job` is a QThread with signals ``progressed(int,
  int)``, ``succeeded(object)``, ``failed(object)``, ``cancelled()`` and
  methods ``cancel()`` and ``wait()``. The main window cancels and waits for
  every running job when it closes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.project import Project
from annotator.gui import errors

PROGRESS_INTERVAL_S = 0.05


class Job(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], db_path: Path | str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.fn = fn
        self.db_path = Path(db_path) if db_path is not None else None
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S or done >= total:
            self._last_progress = now
            self.progressed.emit(int(done), int(total))

    def run(self) -> None:  # the worker thread
        try:
            if self.db_path is None:
                self.result = self.fn(self._on_progress, self._cancel.is_set)
            else:
                with Project.open(self.db_path, create=False) as project:
                    self.result = self.fn(project, self._on_progress, self._cancel.is_set)
        except BaseException as error:  # reported on the UI thread, never swallowed
            self.error = error
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(error)
            return
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.succeeded.emit(self.result)


def run_job(parent: QWidget | None, title: str, fn: Callable[..., Any], *,
            db_path: Path | str | None = None, label: str | None = None,
            on_success: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_cancel: Callable[[], None] | None = None,
            on_finished: Callable[[], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None,
            show_at_once: bool = False) -> Job:
    """Start ``fn`` in a worker thread with a progress dialog; see the module doc.
    ``show_at_once``: the dialog appears now, not after 300 ms (a job whose
    first seconds go to loading libraries would otherwise look dead)."""
    job = Job(fn, db_path, parent)
    dialog = QProgressDialog(label or f"{title}…", "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(f"{title} progress")
    dialog.setMinimumDuration(0 if show_at_once else 300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if parent is not None:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
    job.dialog = dialog

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if on_progress is not None:
            on_progress(done, total)

    def cancel_clicked() -> None:
        dialog.setLabelText("Cancelling…")
        job.cancel()

    def failed(error: BaseException) -> None:
        (on_error or (lambda e: errors.show_error(parent, title, e)))(error)

    def finished() -> None:
        dialog.canceled.disconnect(cancel_clicked)  # closing the dialog emits canceled
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        if on_finished is not None:
            on_finished()

    job.progressed.connect(progressed)
    dialog.canceled.connect(cancel_clicked)
    job.succeeded.connect(lambda result: on_success and on_success(result))
    job.failed.connect(failed)
    job.cancelled.connect(lambda: on_cancel and on_cancel())
    job.finished.connect(finished)
    job.start()
    if show_at_once:
        dialog.show()
    return job
