"""Leftovers of a killed run, removed when the next run starts.

A merge writes ``.NAME.merging-<pid>``, an export ``.NAME.<pid>-<random>.part``
beside their targets; a SIGKILL leaves them behind. They carry the pid of
the process that wrote them: one whose process is gone (or which is older
than a day, in case the pid was reused) is stale and removed. A live
process's file is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

STALE_AFTER_SECONDS = 24 * 3600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def is_stale(path: Path, pid: int, *, now: float | None = None) -> bool:
    if pid == os.getpid():
        return False
    try:
        age = (now or time.time()) - path.lstat().st_mtime
    except OSError:
        return False
    return not pid_alive(pid) or age > STALE_AFTER_SECONDS


def remove_stale(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Remove entries of ``folder`` whose name matches ``pattern`` (with a
    ``pid`` group) and are stale; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        path = Path(entry.path)
        if not is_stale(path, int(match.group("pid"))):
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(path, ignore_errors=True)
        else:
            for suffix in ("", *SQLITE_SIDE_FILES):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        removed.append(path)
    return removed


def keep_mode(source: Path, target: Path) -> None:
    """Give ``target`` the permission bits of ``source`` (when it exists), so
    replacing a 0600 file never makes it readable by others."""
    try:
        mode = source.stat().st_mode & 0o7777
    except OSError:
        return
    os.chmod(target, mode)
