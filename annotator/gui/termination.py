"""Closing the windows when the desktop asks the program to end.

A logout, a system shutdown or ``kill`` sends SIGTERM (a terminal's Ctrl+C
SIGINT, a closed terminal SIGHUP).  Python's default is to die on the spot:
nothing acknowledged is lost (every action is committed first), but the
database's write-ahead log stays beside it and the window's layout and
position are not saved.  Here such a signal closes the windows as the
close button does: running jobs are cancelled, the layout is saved and the
project is closed, which folds the log into the database file.
"""

from __future__ import annotations

import signal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

# Python runs a signal handler only between its own bytecodes; while Qt's
# event loop waits in C nothing runs, so a timer hands control back this often.
SIGNAL_CHECK_MS = 250
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


def close_windows_on_ending_signals(app: QApplication) -> QTimer:
    """Install the handlers; returns the timer that lets them run (keep it)."""

    def end(_signum: int, _frame: object) -> None:
        # not inside the handler: Qt is called from the event loop, as usual
        QTimer.singleShot(0, app.closeAllWindows)

    for number in ENDING_SIGNALS:
        signal.signal(number, end)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_CHECK_MS)
    return timer
