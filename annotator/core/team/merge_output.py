"""Writing a merge result: a new project database, renamed into place at the end."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from annotator.core.rows import ANNOTATION_COLUMNS
from annotator.core.store import Project
from annotator.core.team.merge_input import ASSIGNMENT_COLUMNS, CONFLICT_COLUMNS, LOG_COLUMNS

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
    annotations: list[dict]  # versions: suggestion given by span
    log: list[tuple]
    assignments: list[dict]
    conflicts: list[dict]
    carried: set[str]  # conflict hashes that were already recorded in an input
    sources: list[str]  # input database UUIDs


def write_output(result: MergeResult, output: Path) -> None:
    """Write to a temporary file beside ``output``, then rename it into place."""
    temporary = output.with_name(f".{output.name}.merging-{os.getpid()}")
    _remove_database_files(temporary)
    try:
        with Project.open(temporary) as project:
            with project.transaction():
                _insert_all(project, result)
            project.set_meta("merged_from", json.dumps(result.sources))
        os.replace(temporary, output)
    finally:
        _remove_database_files(temporary)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _insert(project: Project, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    project.db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _insert_all(project: Project, result: MergeResult) -> None:
    # Articles in their original import order, so the merged list reads like the lead's.
    articles = sorted(result.articles, key=lambda r: (r["imported_at"], r["id"]))
    _insert(project, "articles", ARTICLE_INSERT_COLUMNS,
            [tuple(r[c] for c in ARTICLE_INSERT_COLUMNS) for r in articles])
    position = {row["id"]: i for i, row in enumerate(articles)}
    suggestions = sorted(result.suggestions,
                         key=lambda r: (position[r["article_id"]], r["start"], r["end"]))
    span_to_id = {}
    for number, row in enumerate(suggestions, start=1):
        row["id"] = number
        span_to_id[(row["article_id"], row["start"], row["end"])] = number
    _insert(project, "suggestions", SUGGESTION_INSERT_COLUMNS,
            [tuple(r[c] for c in SUGGESTION_INSERT_COLUMNS) for r in suggestions])
    _insert(project, "annotators", ("name", "created_at"), sorted(result.annotators.items()))
    _insert(project, "annotations", ANNOTATION_COLUMNS,
            [_annotation_values(v, span_to_id) for v in result.annotations])
    _insert(project, "annotation_log", LOG_COLUMNS, result.log)
    _insert(project, "assignments", ASSIGNMENT_COLUMNS,
            [tuple(r[c] for c in ASSIGNMENT_COLUMNS) for r in result.assignments])
    columns = (*CONFLICT_COLUMNS, "kept_annotation_id")
    _insert(project, "merge_conflicts", columns,
            [tuple(r[c] for c in columns) for r in result.conflicts])


def _annotation_values(version: dict, span_to_id: dict) -> tuple:
    suggestion_id = None
    if version["suggestion_start"] is not None:
        suggestion_id = span_to_id[(version["article_id"], version["suggestion_start"],
                                    version["suggestion_end"])]
    return tuple(suggestion_id if c == "suggestion_id" else version[c] for c in ANNOTATION_COLUMNS)
