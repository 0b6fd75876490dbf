"""When an article is new, in progress or done for one reviewer: the one rule.

An article's claims for a reviewer are the pipeline's suggestions plus the
claims that reviewer added by hand; *reviewed* are those they judged. The
article without claims is done once the reviewer checked it ("checked,
nothing to mark", a row of ``article_checks``); otherwise it stays new. The
rule is the ordered table ``_CASES`` below: the first case that holds names
the status. :func:`status_of` reads it in Python (the status shown), and
:func:`status_filter_sql` turns it into the SQL the article list filters on;
a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Callable

# (status, the case in Python, the same case in SQL over {r}eviewed, {t}otal
# and {c}hecked: 1 when the reviewer checked the article, else 0)
_CASES: tuple[tuple[str, Callable[[int, int, bool], bool], str], ...] = (
    # Nothing reviewed is new, unless checked with no claims at all: then the
    # next case (0 >= 0) says done. {c} (an index lookup) before {t} (two counts).
    ("new", lambda reviewed, total, checked: reviewed == 0 and not (checked and total == 0),
     "{r} = 0 AND NOT ({c} AND {t} = 0)"),
    ("done", lambda reviewed, total, checked: reviewed >= total, "{r} >= {t}"),
    ("in progress", lambda reviewed, total, checked: True, "1"),
)
STATUSES = ("new", "in progress", "done")  # the order users see them in


def status_of(reviewed: int, total: int, checked: bool = False) -> str:
    return next(status for status, holds, _ in _CASES if holds(reviewed, total, checked))


def status_filter_sql(reviewed: str, total: str, checked: str = "0",
                      parameter: str = ":status") -> str:
    """A SQL condition true when the row's status is ``parameter`` (or it is
    NULL: no filter). ``reviewed``, ``total`` and ``checked`` are column
    names (or SQL) chosen by the code. Each status tests only its own case and the earlier ones, so a
    row is not counted twice nor its total computed when not needed."""
    terms: list[str] = [f"{parameter} IS NULL"]
    earlier: list[str] = []
    for status, _, sql in _CASES:
        case = sql.format(r=reviewed, t=total, c=checked)
        terms.append(" AND ".join([f"{parameter} = '{status}'", *earlier,
                                   *([] if case == "1" else [case])]))
        earlier.append(f"NOT ({case})")
    return "(" + " OR ".join(f"({term})" for term in terms) + ")"


def check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
