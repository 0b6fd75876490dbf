"""The schema's migration set: sqlite-utils' ``Migrations``, imported only
when a database has a migration to apply.

Importing sqlite-utils costs a program's start about 0.6 s (it imports
numpy, click, dateutil, its plugins, and pandas with pyarrow where they are
installed): the window's cold start at 100,000 articles went from 0.74 s to
over 1.5 s with it. Opening a project already at the current schema needs
none of it: the applied names are one query (``database.applied_migrations``)
compared with :meth:`MigrationSet.names`. The steps themselves are applied by
sqlite-utils' ``Migrations``, unchanged, on a sqlite-utils ``Database`` over
the project's own connection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Step:
    name: str
    fn: Callable[[Any], None]
    transactional: bool = True


class MigrationSet:
    """Records the ``@migrations()`` steps in order, like ``Migrations`` does."""

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Step] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(fn):
            step = Step(name or fn.__name__, fn, transactional)
            if any(m.name == step.name for m in self._migrations):
                raise ValueError(f"Migration {step.name!r} is already registered in set {self.name!r}")
            self._migrations.append(step)
            return fn

        return inner

    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def sqlite_utils_migrations(self):
        """The steps as a sqlite-utils ``Migrations`` (this imports sqlite-utils)."""
        from sqlite_utils import Migrations

        real = Migrations(self.name)
        for step in self._migrations:
            real(name=step.name, transactional=step.transactional)(step.fn)
        return real

    def apply(self, db, **options) -> None:
        """Apply the pending steps to ``db`` (a project connection or a sqlite-utils Database)."""
        self.sqlite_utils_migrations().apply(as_sqlite_utils(db), **options)

    def pending(self, db) -> list:
        return self.sqlite_utils_migrations().pending(as_sqlite_utils(db))

    def applied(self, db) -> list:
        return self.sqlite_utils_migrations().applied(as_sqlite_utils(db))


def as_sqlite_utils(db):
    """A sqlite-utils Database over ``db``'s sqlite3 connection (``db`` itself if it is one)."""
    from sqlite_utils import Database

    return db if isinstance(db, Database) else Database(db.conn)
