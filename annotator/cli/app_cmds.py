"""Commands that open the window: gui and demo."""

from __future__ import annotations

from pathlib import Path

import click
import platformdirs

from annotator.cli.common import load_highlighter_or_fail
from annotator.core.importer import import_paths
from annotator.core.database import APP_NAME
from annotator.core.resources import resource_path
from annotator.core.project import Project


def _run_gui(db_path: Path | None) -> None:
    from annotator.gui.app import run  # Qt is loaded only here

    raise SystemExit(run(db_path))


@click.command()
@click.pass_context
def gui(ctx):
    """Open the annotation window on the project (--db, $ANNOTATOR_DB, or the last one)."""
    given = (ctx.find_root().obj or {}).get("db_path")
    _run_gui(Path(given) if given else None)


def demo_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite"


def build_demo_project(path: Path) -> Project:
    """A project holding the bundled demo corpus, highlighted (re-running adds nothing)."""
    project = Project.open(path)
    import_paths(project, [resource_path("demo")], highlighter=load_highlighter_or_fail(None))
    return project


@click.command()
@click.option("--no-gui", is_flag=True, help="Only build the demo project; print its path.")
@click.pass_context
def demo(ctx, no_gui):
    """Open the window on the bundled German demo corpus.

    The demo project is kept in the user data folder (demo.sqlite), or at --db.
    """
    given = (ctx.find_root().obj or {}).get("db_path")
    path = Path(given) if given else demo_db_path()
    build_demo_project(path).close()
    click.echo(f"demo project: {path}")
    if not no_gui:
        _run_gui(path)
