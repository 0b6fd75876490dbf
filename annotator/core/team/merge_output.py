"""Writing a merge result: a new project database, renamed into place at the end.

The merge runs on its own connection to a temporary file beside the
output. Nobody else sees that file, and it becomes the output only when
complete, so it is written without journal or per-page fsync (one fsync
at the end); a failed or cancelled merge just deletes it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator.core.rows import ANNOTATION_COLUMNS, select_list
from annotator.core.project import Project
from annotator.core.team.merge_input import ASSIGNMENT_COLUMNS, CONFLICT_COLUMNS, LOG_COLUMNS, STAGING_TABLES

ARTICLE_INSERT_COLUMNS = ("id", "text", "title", "outlet", "url", "published", "language",
                          "external_id", "source_file", "source_line", "imported_at", "meta")
SUGGESTION_INSERT_COLUMNS = ("id", "article_id", "start", "end", "source_start", "source_end",
                             "cue_start", "cue_end", "attribution", "hedged", "score",
                             "pipeline", "pipeline_version", "created_at")


@dataclass
class MergeResult:
    articles: list[dict]
    suggestions: list[dict]
    annotators: dict[str, str]
    winners: list[int]  # staged annotation rowids that make it into the output
    assignments: list[dict]
    conflicts: list[dict]
    sources: list[str]  # input database UUIDs


class MergeOutput:
    """The temporary output database and the merge's connection to it."""

    def __init__(self, output: Path):
        self.output = output
        self.temporary = output.with_name(f".{output.name}.merging-{os.getpid()}")
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> "MergeOutput":
        _remove_database_files(self.temporary)
        Project.open(self.temporary).close()  # the schema and a fresh identity
        self.conn = sqlite3.connect(f"{self.temporary.resolve().as_uri()}", uri=True,
                                    isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -65536",
                       "foreign_keys = ON"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript(STAGING_TABLES)
        return self

    def __exit__(self, *exc_info) -> None:
        if self.conn is not None:
            self.conn.close()
        _remove_database_files(self.temporary)

    def write(self, result: MergeResult) -> int:
        """Insert the result in one transaction; returns the number of log entries."""
        conn = self.conn
        conn.execute("BEGIN")
        _insert_all(conn, result)
        conn.execute("INSERT INTO project_meta (key, value) VALUES ('merged_from', ?)",
                     [json.dumps(result.sources)])
        conn.execute("COMMIT")
        return conn.execute("SELECT count(*) FROM annotation_log").fetchone()[0]

    def finish(self) -> None:
        """Make it an ordinary project file and move it into place."""
        self.conn.execute("DROP TABLE temp.stage_annotations")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.close()
        self.conn = None
        with open(self.temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(self.temporary, self.output)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _insert_all(conn: sqlite3.Connection, result: MergeResult) -> None:
    # Articles in their original import order, so the merged list reads like the lead's.
    articles = sorted(result.articles, key=lambda r: (r["imported_at"], r["id"]))
    _insert(conn, "articles", ARTICLE_INSERT_COLUMNS,
            [tuple(r[c] for c in ARTICLE_INSERT_COLUMNS) for r in articles])
    position = {row["id"]: i for i, row in enumerate(articles)}
    suggestions = sorted(result.suggestions,
                         key=lambda r: (position[r["article_id"]], r["start"], r["end"]))
    for number, row in enumerate(suggestions, start=1):
        row["id"] = number
    _insert(conn, "suggestions", SUGGESTION_INSERT_COLUMNS,
            [tuple(r[c] for c in SUGGESTION_INSERT_COLUMNS) for r in suggestions])
    _insert(conn, "annotators", ("name", "created_at"), sorted(result.annotators.items()))
    _copy_annotations(conn, result.winners)
    _copy_log(conn)
    _insert(conn, "assignments", ASSIGNMENT_COLUMNS,
            [tuple(r[c] for c in ASSIGNMENT_COLUMNS) for r in result.assignments])
    columns = (*CONFLICT_COLUMNS, "kept_annotation_id")
    _insert(conn, "merge_conflicts", columns, [tuple(r[c] for c in columns) for r in result.conflicts])


def _copy_annotations(conn: sqlite3.Connection, winners: list[int]) -> None:
    """The winning versions, by SQLite itself; the suggestion found again by span."""
    conn.execute("CREATE TEMP TABLE winners (stage_rowid INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.winners VALUES (?)", ((w,) for w in sorted(winners)))
    values = ", ".join("m.id" if c == "suggestion_id" else f'a."{c}"' for c in ANNOTATION_COLUMNS)
    conn.execute(
        f"INSERT INTO annotations ({select_list(ANNOTATION_COLUMNS)}) SELECT {values} "
        "FROM temp.winners w JOIN temp.stage_annotations a ON a.rowid = w.stage_rowid "
        "LEFT JOIN suggestions m ON m.article_id = a.article_id "
        'AND m.start = a.suggestion_start AND m."end" = a.suggestion_end '
        "ORDER BY a.id")  # key order: the B-tree appends instead of splitting at random
    conn.execute("DROP TABLE temp.winners")


def _copy_log(conn: sqlite3.Connection) -> None:
    """The union of all change logs, in time order. A log row is the same row in
    every copy, so (annotation, time, action, database, annotator) identifies it;
    sorting those small keys first keeps SQLite from sorting the JSON along."""
    conn.execute(
        "CREATE TEMP TABLE log_order AS SELECT min(rowid) AS stage_rowid FROM temp.stage_log "
        "GROUP BY annotation_id, at, action, db_uuid, annotator "
        "ORDER BY at, db_uuid, annotation_id, action, annotator")
    columns = select_list(LOG_COLUMNS)
    conn.execute(f"INSERT INTO annotation_log ({columns}) SELECT {select_list(LOG_COLUMNS, 's')} "
                 "FROM temp.log_order o JOIN temp.stage_log s ON s.rowid = o.stage_rowid "
                 "ORDER BY o.rowid")
    conn.execute("DROP TABLE temp.log_order")
