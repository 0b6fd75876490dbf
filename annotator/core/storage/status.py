"""When an article is new, in progress or done for one reviewer: the one rule.

An article's claims for a reviewer are the pipeline's suggestions plus the
claims that reviewer added by hand; *reviewed* are those they judged. The
rule is written here once in Python (:func:`status_of`) and once as the SQL
expression the article list filters on (:func:`status_sql`); both read the
same ordered list of cases, and a test checks they agree.
"""

from __future__ import annotations

STATUSES = ("new", "in progress", "done")


def status_of(reviewed: int, total: int) -> str:
    if reviewed == 0:
        return "new"
    if reviewed >= total:
        return "done"
    return "in progress"


def status_sql(reviewed: str, total: str) -> str:
    """The same rule as a SQL CASE over two column names chosen by the code."""
    return (f"CASE WHEN {reviewed} = 0 THEN 'new' WHEN {reviewed} >= {total} THEN 'done' "
            "ELSE 'in progress' END")


def check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
