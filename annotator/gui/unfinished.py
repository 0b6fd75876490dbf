"""Space after an article's last claim: the next unfinished article of the
list as filtered (MainWindow.next_unreviewed)."""

from __future__ import annotations

from itertools import chain, islice

UNFINISHED_SCAN_LIMIT = 2000  # list rows Space looks through for an unfinished article


def next_unfinished_article(model, seq: int) -> tuple[str | None, bool]:
    """(article id, whether the walk wrapped to the list's start), after the
    article ``seq``. Walks the list model's pages; reviewers work in order, so
    the next unfinished article is near. After the list's end it goes on from
    its start (an article skipped earlier). The walk is capped so a long run
    of finished articles never freezes the window."""
    first = model.lower_bound(seq)
    found = model.summary(first)
    here = found is not None and found.seq == seq
    total = model.rowCount()
    rows = islice(chain(range(first + here, total), range(0, first)), UNFINISHED_SCAN_LIMIT)
    for row in rows:
        summary = model.summary(row)
        if summary is not None and summary.claims_reviewed < summary.claims_total:
            return summary.id, row < first
    return None, False
