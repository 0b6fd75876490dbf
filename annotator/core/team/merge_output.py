"""Writing a merge result: a new project database, renamed into place at the end.

The merge runs on its own connection to a temporary file beside the
output. Nobody else sees that file, and it becomes the output only when
complete, so it is written without journal or per-page fsync (one fsync
at the end); a failed or cancelled merge just deletes it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.project import Project
from annotator.core.safety.leftovers import keep_mode, remove_stale
from annotator.core.storage import merging


@dataclass
class MergeResult:
    articles: list[dict]
    suggestions: list[dict]
    annotators: dict[str, str]
    winners: list[int]  # staged annotation rowids that make it into the output
    assignments: list[dict]
    conflicts: list[dict]
    sources: list[str]  # input database UUIDs
    bases: list[dict] = field(default_factory=list)  # adjudication_basis rows


class MergeOutput:
    """The temporary output database and the merge's connection to it."""

    def __init__(self, output: Path):
        self.output = output
        self.temporary = output.with_name(f".{output.name}.merging-{os.getpid()}")
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> MergeOutput:
        # a merge killed earlier left its temporary file: remove it now
        remove_stale(self.output.parent, re.compile(rf"\.{re.escape(self.output.name)}\.merging-(?P<pid>\d+)"))
        _remove_database_files(self.temporary)
        Project.open(self.temporary).close()  # the schema and a fresh identity
        self.conn = merging.open_output(self.temporary)
        return self

    def __exit__(self, *exc_info) -> None:
        if self.conn is not None:
            self.conn.close()
        _remove_database_files(self.temporary)

    @property
    def connection(self) -> sqlite3.Connection:
        assert self.conn is not None, "the merge output is already closed"
        return self.conn

    def write(self, result: MergeResult) -> int:
        """Insert the result in one transaction; returns the number of log entries."""
        conn = self.connection
        merging.begin(conn)
        _insert_all(conn, result)
        merging.record_merged_from(conn, result.sources)
        merging.commit(conn)
        return merging.log_count(conn)

    def finish(self) -> None:
        """Make it an ordinary project file and move it into place."""
        merging.close_output(self.connection)
        self.conn = None
        with open(self.temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        keep_mode(self.output, self.temporary)  # an overwritten 0600 output stays 0600
        os.replace(self.temporary, self.output)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _insert_all(conn: sqlite3.Connection, result: MergeResult) -> None:
    # Articles in their original import order, so the merged list reads like the lead's.
    articles = sorted(result.articles, key=lambda r: (r["imported_at"], r["id"]))
    merging.insert_articles(conn, articles)
    position = {row["id"]: i for i, row in enumerate(articles)}
    suggestions = sorted(result.suggestions,
                         key=lambda r: (position[r["article_id"]], r["start"], r["end"]))
    for number, row in enumerate(suggestions, start=1):
        row["id"] = number
    merging.insert_suggestions(conn, suggestions)
    merging.insert_annotators(conn, sorted(result.annotators.items()))
    merging.copy_annotations(conn, result.winners)
    merging.copy_log(conn)
    merging.insert_assignments(conn, result.assignments)
    merging.insert_conflicts(conn, result.conflicts)
    merging.insert_bases(conn, result.bases)
