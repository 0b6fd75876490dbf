"""Which files an import reads: given files, and folders searched for them.

Nothing is skipped silently: a folder that cannot be read, a symlink loop,
a broken link, a FIFO or device, or an unreadable file with one of our
suffixes is reported by name (an :class:`InputError` in the list), and the
import refuses or, with ``--skip-invalid``, skips it. A FIFO is recognised
by ``stat`` and never opened: opening it would block while the import holds
the project's write lock.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from annotator.core.input_checks import InputError, file_problem

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv")


def walk_inputs(paths: Iterable[Path | str]) -> list[Path | InputError]:
    """Files to read, in order, and the problems found on the way."""
    found: list[Path | InputError] = []
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            found.append(_stat_error(path, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            inside = _walk_folder(path)
            found.extend(inside or [InputError(path, None, "the folder holds no .txt, .jsonl or .csv file")])
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            found.append(InputError(path, None, f"unknown file type {path.suffix or '(none)'!r}; "
                                    "expected .txt, .jsonl or .csv"))
        else:
            found.append(_checked_file(path, info))
    return found


def _stat_error(path: Path, error: OSError) -> InputError:
    if error.errno == 40:  # ELOOP
        return InputError(path, None, "a symlink loop; not read")
    if path.is_symlink():
        return InputError(path, None, "a broken symlink; not read")
    if isinstance(error, FileNotFoundError):
        return InputError(path, None, "no such file or folder")
    return InputError(path, None, f"cannot read: {error.strerror}")


def _checked_file(path: Path, info: os.stat_result) -> Path | InputError:
    problem = file_problem(path, info)
    return path if problem is None else InputError(path, None, problem)


def _walk_folder(root: Path) -> list[Path | InputError]:
    """Depth first in name order; symlinked folders are followed once (a
    folder reached again through a link is a loop and reported)."""
    found: list[Path | InputError] = []
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                found.append(InputError(folder, None, "a symlink loop (this folder was already read); "
                                        "not read again"))
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            found.append(_stat_error(folder, error))
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            try:
                info = entry.stat()  # follows links
            except OSError as error:
                found.append(_stat_error(path, error))
                continue
            if stat.S_ISDIR(info.st_mode):
                subfolders.append(path)
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(_checked_file(path, info))
        pending.extend(reversed(subfolders))
    # the order of a sorted recursive search: by path, part by part
    return sorted(found, key=lambda item: Path(item if isinstance(item, Path) else item.path).parts)
