"""The demo project: the bundled German demo corpus, imported and highlighted.

Both faces use it: ``annotator demo`` builds it, and the window offers it on
first run. It lives in the user data folder unless a path is given.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import platformdirs

from annotator.core.database import APP_NAME, ProjectError
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.resources import resource_path

DEMO_MARK = "demo_corpus"  # meta key: the digest of the demo corpus the project holds


def demo_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"


def demo_corpus() -> Path:
    """The folder of demo articles shipped with the package."""
    return resource_path("demo")


def build_demo_project(path: Path, highlighter) -> Project:
    """A project holding the demo corpus, highlighted by ``highlighter``
    (re-running adds nothing). The caller closes it."""
    project = Project.open(path)
    try:
        import_paths(project, [demo_corpus()], highlighter=highlighter)
        project.set_meta(DEMO_MARK, corpus_digest())
    except BaseException:
        project.close()
        raise
    return project


def corpus_digest() -> str:
    digest = hashlib.sha256()
    for file in sorted(demo_corpus().iterdir()):
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def demo_is_built(path: Path) -> bool:
    """Whether the project at ``path`` already holds this version's demo
    corpus: ``annotator demo`` then opens it at once, without loading the
    highlighter (spaCy, ~2 s) to import nothing new."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        with Project.open(path, create=False) as project:
            return project.meta(DEMO_MARK) == corpus_digest()
    except (ProjectError, sqlite3.Error):
        return False  # building it says what is wrong
