"""The project's SQL, one module per aggregate.

Each module owns the SQL of one part of the data and offers it as named
functions taking the connection first (a sqlite-utils ``Database`` or a
``sqlite3.Connection``): ``articles``, ``suggestions``, ``annotations``
(with annotators and the change log), ``team`` (assignments and merge
conflicts), ``meta`` (project identity), ``merging`` (the merge's staging
and output tables), ``status`` (when an article is new, in progress or
done) and ``learned`` (models and lexicon entries learned from the
decisions). The schema and its migrations stay in :mod:`annotator.core.schema`.

No SQL is built from data: values are parameters; the only names spliced
in are fixed column names chosen by the code.

(No ``from __future__ import annotations`` here: it would bind the name
``annotations`` on this package and hide the submodule of that name.)
"""


from collections.abc import Callable, Iterable, Iterator


def fetch_dicts(db, sql: str, params: Iterable = ()) -> Iterator[dict]:
    """The rows of a query as dicts keyed by column name."""
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def marks(values) -> str:
    """``?, ?, ?``: one placeholder per value, for ``IN (...)``."""
    return ",".join("?" * len(values))


def by_article(db, select: str, article_ids: list, order: str, from_row: Callable) -> dict:
    """The rows of these articles, in one query, as article id -> list of
    ``from_row(row)`` in ``order`` (batch readers: the claim index build)."""
    out: dict = {a: [] for a in article_ids}
    for r in fetch_dicts(db, f"{select} WHERE article_id IN ({marks(article_ids)}) "
                             f"ORDER BY article_id, {order}", article_ids):
        out[r["article_id"]].append(from_row(r))
    return out
