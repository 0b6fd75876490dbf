"""A project file that a failed command created is removed again.

``annotator --db new.sqlite import bad.jsonl`` creates ``new.sqlite`` before
it reads the input; when the input is refused, nothing is imported, and the
user's folder should look as it did before the command: no empty project,
no ``-wal``/``-shm`` beside it, no folder made for it, no export cache for a
project that never held anything. An existing project is never touched.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

# SQLite's files beside a database in WAL mode
_SIDE_FILES = ("-wal", "-shm", "-journal")


@contextlib.contextmanager
def removed_if_failed(path: Path | str) -> Iterator[None]:
    """Run the block; when it raises and ``path`` did not exist before it,
    remove what opening the project there created, then re-raise. The
    block must close the project before it ends (a ``with Project.open``
    inside it does)."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        yield
        return
    made_folders = _missing_folders(path.parent)
    try:
        yield
    except BaseException:
        _remove(path, made_folders)
        raise


def _missing_folders(folder: Path) -> list[Path]:
    """The folders that opening a project in ``folder`` will create, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove(path: Path, made_folders: list[Path]) -> None:
    uuid = _project_uuid(path)
    for name in (path.name, *(path.name + side for side in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            (path.parent / name).unlink()
    for folder in made_folders:
        with contextlib.suppress(OSError):  # not empty: somebody else put something there
            folder.rmdir()
    if uuid:
        from annotator.core.export import line_cache

        shutil.rmtree(line_cache.cache_root() / line_cache.project_folder_name(uuid), ignore_errors=True)


def _project_uuid(path: Path) -> str | None:
    """The new project's UUID (its export cache's folder), read without
    writing: None when the file never became a project."""
    import sqlite3

    from annotator.core.storage import meta

    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return meta.get(conn, "uuid")
        finally:
            conn.close()
    except sqlite3.Error:
        return None
