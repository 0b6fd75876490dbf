"""When an article is new, in progress or done for one reviewer: the one rule.

An article's claims for a reviewer are the pipeline's suggestions plus the
claims that reviewer added by hand; *reviewed* are those they judged. The
rule is the ordered table ``_CASES`` below: the first case that holds names
the status. :func:`status_of` reads it in Python (the status shown), and
:func:`status_filter_sql` turns it into the SQL the article list filters on;
a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Callable

# (status, the case in Python, the same case in SQL over {r}eviewed and {t}otal)
_CASES: tuple[tuple[str, Callable[[int, int], bool], str], ...] = (
    ("new", lambda reviewed, total: reviewed == 0, "{r} = 0"),
    ("done", lambda reviewed, total: reviewed >= total, "{r} >= {t}"),
    ("in progress", lambda reviewed, total: True, "1"),
)
STATUSES = ("new", "in progress", "done")  # the order users see them in


def status_of(reviewed: int, total: int) -> str:
    return next(status for status, holds, _ in _CASES if holds(reviewed, total))


def status_filter_sql(reviewed: str, total: str, parameter: str = ":status") -> str:
    """A SQL condition true when the row's status is ``parameter`` (or it is
    NULL: no filter). ``reviewed`` and ``total`` are column names chosen by
    the code. Each status tests only its own case and the earlier ones, so a
    row is not counted twice nor its total computed when not needed."""
    terms: list[str] = [f"{parameter} IS NULL"]
    earlier: list[str] = []
    for status, _, sql in _CASES:
        case = sql.format(r=reviewed, t=total)
        terms.append(" AND ".join([f"{parameter} = '{status}'", *earlier,
                                   *([] if case == "1" else [case])]))
        earlier.append(f"NOT ({case})")
    return "(" + " OR ".join(f"({term})" for term in terms) + ")"


def check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
