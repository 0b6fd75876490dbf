"""Putting a finished export file in place of an earlier one without making
the export wait for the disk.

``os.replace`` over an existing file is what ext4 calls "replace via
rename": with its default ``auto_da_alloc`` it then starts writing the new
file's data to disk inside the rename, and the rename returns once that is
under way. For a re-export of 100,000 articles that is 3 GB at the disk's
speed (~200-300 MB/s here): 10-15 s, against ~2 s for the export itself
(measured: docs/benchmarks.md, "Fifth round"). A first export to a new path
never paid it.

So on Linux the two names are swapped instead (``renameat2`` with
``RENAME_EXCHANGE``: one atomic step, readers of the path see the old file
or the new one, never none), and the old file, now under the temporary
name, is deleted. The new file's data then reaches the disk in the
background, as a first export's always did; an export is derived from the
project database and written again by exporting again. Where the swap is
not available (other systems, file systems without it), ``os.replace``.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def replace_file(temporary: Path, final: Path) -> None:
    """Put the file ``temporary`` at ``final``, replacing what is there."""
    if _is_file(final) and _exchange(temporary, final):
        temporary.unlink(missing_ok=True)  # the earlier export, now under the temporary name
        return
    os.replace(temporary, final)


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False (nothing done) where that is not possible."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    # Non-zero on an error (EINVAL: the file system cannot; ENOSYS: the kernel): nothing swapped.
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


_RENAMEAT2: list = []  # [function or None], looked up once


def _renameat2():
    if not _RENAMEAT2:
        _RENAMEAT2.append(_load_renameat2())
    return _RENAMEAT2[0]


def _load_renameat2():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without it (old glibc)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
