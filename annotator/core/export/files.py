"""All-or-nothing output: every file of an export is written under a
temporary name next to its target and renamed into place only when the
whole export succeeded. A failure or a cancel removes the temporaries, so
no partial export is ever left (and an older export at the path survives).
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path

from annotator.core.export.formats import ExportFormat
from annotator.core.export.options import ExportError
from annotator.core.export.replace import replace_file
from annotator.core.safety.leftovers import keep_mode, remove_stale
from annotator.core.sources.export import SOURCES_FILE


class AtomicOutputs:
    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)

    def file(self, final: Path) -> Path:
        """A temporary path to write; it becomes ``final`` on commit."""
        _remove_stale_parts(final)
        temporary = _temporary_name(final)
        temporary.touch(exist_ok=False)
        self._pending.append((temporary, final))
        return temporary

    def folder(self, final: Path, export_format: ExportFormat) -> Path:
        """A temporary folder; it replaces ``final`` on commit, if ``final``
        is absent or holds only an earlier export in ``export_format``."""
        if final.exists() and not _is_replaceable_export(final, export_format.suffix):
            raise ExportError(f"{final} exists and holds files other than a {export_format.title} "
                              "export; choose another output folder")
        _remove_stale_parts(final)
        temporary = _temporary_name(final)
        temporary.mkdir()
        self._pending.append((temporary, final))
        return temporary

    def commit(self) -> None:
        for temporary, final in self._pending:
            if temporary.is_dir():
                _replace_folder(temporary, final)
            else:
                keep_mode(final, temporary)  # an overwritten 0600 export stays 0600
                replace_file(temporary, final)
        self._pending.clear()

    def abort(self) -> None:
        for temporary, _ in self._pending:
            if temporary.is_dir():
                shutil.rmtree(temporary, ignore_errors=True)
            else:
                temporary.unlink(missing_ok=True)
        self._pending.clear()


def _temporary_name(final: Path) -> Path:
    # A hidden, unique name in the target's folder: the rename stays on one
    # file system (atomic), and the default permissions apply.
    # The pid lets the next export tell a killed run's leftover from a live one's.
    return final.with_name(f".{final.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.part")


def _remove_stale_parts(final: Path) -> None:
    remove_stale(final.parent, re.compile(rf"\.{re.escape(final.name)}\.(?P<pid>\d+)-[0-9a-f]{{12}}\.part"))


def _is_replaceable_export(folder: Path, suffix: str) -> bool:
    if not folder.is_dir():
        return False
    return all(p.is_dir() or p.suffix == suffix or p.name in ("README.md", SOURCES_FILE)
               for p in folder.rglob("*"))


def _replace_folder(temporary: Path, final: Path) -> None:
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
        os.replace(temporary, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(temporary, final)
