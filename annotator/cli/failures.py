"""The last line of defence: no command ends in a Python traceback.

Errors the commands expect (bad input, a refused project) are
ClickExceptions already. What is left is the file system and SQLite
failing under us (a damaged database page, a full disk, a folder we may
not write): those become one message naming the file and saying what to
do, exit status 1. ``ANNOTATOR_DEBUG=1`` shows the traceback for a report.
"""

from __future__ import annotations

import os
import sqlite3

import click

DEBUG_ENV_VAR = "ANNOTATOR_DEBUG"


class SafeGroup(click.Group):
    """A click group whose commands' unexpected failures become messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as error:
            if os.environ.get(DEBUG_ENV_VAR):
                raise
            raise click.ClickException(describe(error, _db_path(ctx))) from error


def _db_path(ctx: click.Context) -> str:
    from annotator.cli.common import db_path_from

    return str(db_path_from(ctx))


def describe(error: Exception, db_path: str) -> str:
    """One message for an unexpected failure, naming the file it concerns."""
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return (f"{db_path}: the project database is damaged ({error}). Nothing was changed. "
                f"Restore it from a backup (the NAME.backup-* files beside it), or try "
                f"'sqlite3 {db_path} .recover'.")
    if isinstance(error, sqlite3.OperationalError):
        return (f"{db_path}: the database could not be used ({error}). Nothing was changed; "
                "if another program holds it, try again when it is done.")
    if isinstance(error, OSError):
        where = error.filename or db_path
        return f"{where}: {error.strerror or error}. Nothing was changed."
    return (f"unexpected error: {type(error).__name__}: {error}. Nothing was changed. "
            f"Run again with {DEBUG_ENV_VAR}=1 to see the details for a bug report.")
