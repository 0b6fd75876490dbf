"""What the CLI commands share: finding and opening the project database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli import DB_OPTION_HELP  # noqa: F401,E402  (defined beside the group that uses it)
from annotator.core.database import ProjectError, default_db_path
from annotator.core.project import Project


def db_path_from(ctx: click.Context) -> Path:
    given = (ctx.find_root().obj or {}).get("db_path")
    return Path(given) if given else default_db_path()


def open_project(ctx: click.Context, *, create: bool = True) -> Project:
    try:
        adopt_empty = bool((ctx.find_root().obj or {}).get("create"))
        return Project.open(db_path_from(ctx), create=create, adopt_empty=adopt_empty)
    except ProjectError as error:
        raise click.ClickException(str(error)) from error


def load_highlighter_or_fail(model: str | None):
    """The pre-highlighter, loaded lazily (spaCy start-up costs time)."""
    from annotator.core.highlight import load_highlighter

    try:
        return load_highlighter(model)
    except (OSError, ValueError) as error:
        raise click.ClickException(f"cannot load the highlighter: {error}") from error


class ProgressBar:
    """A click progress bar on stderr, fed with (done, total) callbacks."""

    def __init__(self, label: str, enabled: bool):
        self.label, self.enabled, self.bar, self.shown = label, enabled, None, 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def split_fractions(value: str | None) -> dict[str, float] | None:
    """``--split train=0.8,dev=0.1,test=0.1`` as fractions, or a usage error."""
    if value is None:
        return None
    from annotator.core.export import ExportError, parse_split  # here: the export package is not light

    try:
        return parse_split(value)
    except ExportError as error:
        raise click.BadParameter(str(error)) from None
