"""A canonical dump of a project's content, free of rowids and local ids.

Two databases with the same dump hold the same work. Merge tests use it to
check order independence and idempotence; ``project_meta`` (identity,
merge bookkeeping) is not content and is left out.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.database import connect
from annotator.core.rows import ANNOTATION_COLUMNS, select_list
from annotator.core.team.merge_input import ASSIGNMENT_COLUMNS, CONFLICT_COLUMNS, LOG_COLUMNS
from annotator.core.team.merge_output import ARTICLE_INSERT_COLUMNS, SUGGESTION_INSERT_COLUMNS


def _sorted_rows(db, sql: str) -> list[tuple]:
    return sorted(db.execute(sql).fetchall(), key=repr)


def canonical_dump(path: Path | str) -> dict[str, list[tuple]]:
    db = connect(path, readonly=True)
    try:
        suggestion_columns = [c for c in SUGGESTION_INSERT_COLUMNS if c != "id"]
        annotation_columns = [c for c in ANNOTATION_COLUMNS if c != "suggestion_id"]
        return {
            "articles": _sorted_rows(db, f"SELECT {select_list(ARTICLE_INSERT_COLUMNS)} FROM articles"),
            "suggestions": _sorted_rows(
                db, f"SELECT {select_list(tuple(suggestion_columns))} FROM suggestions"),
            "annotators": _sorted_rows(db, "SELECT name, created_at FROM annotators"),
            "annotations": _sorted_rows(
                db, f"SELECT {select_list(tuple(annotation_columns), 'a')}, s.start, s.\"end\" "
                    "FROM annotations a LEFT JOIN suggestions s ON s.id = a.suggestion_id"),
            "annotation_log": _sorted_rows(db, f"SELECT {select_list(LOG_COLUMNS)} FROM annotation_log"),
            "assignments": _sorted_rows(db, f"SELECT {select_list(ASSIGNMENT_COLUMNS)} FROM assignments"),
            "merge_conflicts": _sorted_rows(
                db, f"SELECT {select_list(CONFLICT_COLUMNS)}, kept_annotation_id FROM merge_conflicts"),
        }
    finally:
        db.close()
