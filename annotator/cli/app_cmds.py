"""Commands that open the window: gui and demo."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import load_highlighter_or_fail
from annotator.core.demo import build_demo_project, demo_db_path, demo_is_built


def _fail_without_system_libraries() -> None:
    # outside annotator.gui, whose import loads QtCore (and fails on the very
    # machines this check is for)
    from annotator.system_libraries import check

    problem = check()
    if problem is not None:
        raise click.ClickException(problem)


def _run_gui(db_path: Path | None) -> None:
    from annotator.gui.app import run  # Qt is loaded only here

    raise SystemExit(run(db_path))


@click.command()
@click.pass_context
def gui(ctx):
    """Open the annotation window on the project (--db, $ANNOTATOR_DB, or the last one)."""
    given = (ctx.find_root().obj or {}).get("db_path")
    _run_gui(Path(given) if given else None)


@click.command()
@click.option("--no-gui", is_flag=True, help="Only build the demo project; print its path.")
@click.pass_context
def demo(ctx, no_gui):
    """Open the window on the bundled German demo corpus.

    The demo project is kept in the user data folder (demo.sqlite), or at --db.
    """
    given = (ctx.find_root().obj or {}).get("db_path")
    path = Path(given) if given else demo_db_path()
    if not no_gui:
        _fail_without_system_libraries()  # before building: say it at once
    if not demo_is_built(path):  # else nothing to import: no highlighter to load
        build_demo_project(path, load_highlighter_or_fail(None)).close()
    click.echo(f"demo project: {path}")
    if not no_gui:
        _run_gui(path)
