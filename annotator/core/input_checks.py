"""Checks that hostile input meets before it reaches the project.

Every reader goes through these, so a lone surrogate, a JSON value nested
100,000 levels deep, a 5,000-digit number or a 200 MB line becomes an
:class:`InputError` naming the file and line, never a traceback and never
unbounded memory. The limits are documented in docs/database.md.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

# An article's text may be at most this many bytes of UTF-8 (8 MiB, about
# 4,000 pages): beyond it an import would need many times the size in memory.
MAX_TEXT_BYTES = 8 * 1024 * 1024
# JSON records are flat (meta one level deeper); anything far deeper is hostile.
MAX_JSON_DEPTH = 64

_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """Bad input, located by file and (where there is one) line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


def too_long_message(size: int) -> str:
    return (f"text too long ({size:,} bytes; at most {MAX_TEXT_BYTES:,} per article): "
            "split it into several articles")


def parse_json_object(line: str, path: Path, number: int) -> dict[str, Any]:
    """The JSON object on one line, or an InputError saying what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(path, number, f"not valid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(path, number, f"JSON nested too deeply (at most {MAX_JSON_DEPTH} levels)") from None
    except ValueError as error:  # an integer with more than 4300 digits
        what = "a number with too many digits" if "digits" in str(error) else str(error)
        raise InputError(path, number, f"not valid JSON ({what})") from None
    if not isinstance(record, dict):
        raise InputError(path, number, "not a JSON object")
    check_json_value(record, path, number)
    return record


def check_json_value(value: Any, path: Path, number: int | None) -> None:
    """Refuse values nested deeper than MAX_JSON_DEPTH and strings holding a
    lone surrogate (they cannot be stored as UTF-8). Iterative: a deep value
    cannot exhaust the stack here."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise InputError(path, number, f"JSON nested too deeply (at most {MAX_JSON_DEPTH} levels)")
        if isinstance(item, str):
            _check_string(item, path, number)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_string(key, path, number)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _check_string(text: str, path: Path, number: int | None) -> None:
    match = _SURROGATE.search(text)
    if match:
        raise InputError(path, number, f"a lone surrogate \\u{ord(match.group()):04x} in a string "
                         "(not a character; fix the escape)")


def bounded_lines(handle: BinaryIO, path: Path) -> Iterator[tuple[int, bytes | InputError, int]]:
    """(line number, the line's bytes or an error, bytes read so far): a line
    longer than MAX_TEXT_BYTES (plus room for its other fields) is skipped
    in bounded chunks and reported, so memory stays bounded."""
    limit = MAX_TEXT_BYTES + 64 * 1024
    done = 0
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        done += len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1024 * 1024)
                size += len(raw)
            done += size - limit - 1
            yield number, InputError(path, number, too_long_message(size)), done
            continue
        yield number, raw, done


def check_regular_file(path: Path) -> None:
    """Refuse anything but a readable regular file before opening it: a FIFO
    would block the import (while it holds the write lock), a device could
    be endless."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None
    problem = file_problem(path, info)
    if problem:
        raise InputError(path, None, problem)


def file_problem(path: Path, info: os.stat_result) -> str | None:
    """Why ``path`` (with this stat) cannot be read as an input file, or None."""
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a device")
        return f"cannot read: {kind}, not a regular file (not opened)"
    if not os.access(path, os.R_OK):
        return "cannot read: permission denied"
    return None
