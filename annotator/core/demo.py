"""The demo project: the bundled German demo corpus, imported and highlighted.

Both faces use it: ``annotator demo`` builds it, and the window offers it on
first run. It lives in the user data folder unless a path is given.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from annotator.core.database import APP_NAME
from annotator.core.importer import import_paths
from annotator.core.project import Project
from annotator.core.resources import resource_path


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
    except BaseException:
        project.close()
        raise
    return project
