"""Work-arounds for bugs in the Qt binding, each probed before it is applied.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every
call of a C++ method that returns void (``setText``, ``setPosition``, ...)
and one reference to ``True``/``False`` on every signal ``emit``. CPython
3.12 made these objects immortal, so it only bites 3.11 — but there it is
fatal: after some ten thousand calls (a few minutes of reviewing, or a dozen
switches between long articles) the interpreter aborts with
"none_dealloc: deallocating None". We measure the loss once at start-up
and, only if it is real, give the three singletons a reference count no
session can exhaust (which is what immortality means in 3.12).
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 60
_PROBE_CALLS = 64


def _losses() -> dict[str, int]:
    from PySide6.QtCore import QObject

    probe = QObject()
    singletons = {"None": None, "True": True, "False": False}
    before = {name: sys.getrefcount(value) for name, value in singletons.items()}
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # returns void
        probe.objectNameChanged.emit("probe")  # emit returns bool
    after = {name: sys.getrefcount(value) for name, value in singletons.items()}
    return {name: before[name] - after[name] for name in singletons}


def protect_singletons() -> bool:
    """Apply the work-around if this interpreter and binding need it."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    losses = _losses()
    lost = {name for name, count in losses.items() if count >= _PROBE_CALLS // 2}
    if not lost:
        return False
    for value in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(value)).value += _HEADROOM
    return True


PROTECTED = protect_singletons()
