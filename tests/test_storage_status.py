"""An article's review status has one rule, in Python and in SQL alike."""

import sqlite3

import pytest

from annotator.core.storage.status import STATUSES, check_status, status_of, status_sql


@pytest.mark.parametrize("reviewed, total", [(r, t) for r in range(4) for t in range(4)])
def test_the_article_list_filter_and_the_shown_status_agree(reviewed, total):
    conn = sqlite3.connect(":memory:")
    in_sql = conn.execute(f"SELECT {status_sql('r', 't')} FROM (SELECT ? AS r, ? AS t)",
                          [reviewed, total]).fetchone()[0]
    assert in_sql == status_of(reviewed, total)
    assert in_sql in STATUSES


def test_a_reviewer_who_judged_nothing_sees_new_and_all_judged_is_done():
    assert status_of(0, 3) == "new"
    assert status_of(2, 3) == "in progress"
    assert status_of(3, 3) == "done"


def test_an_unknown_status_is_refused_by_name():
    with pytest.raises(ValueError, match="new, in progress, done"):
        check_status("finished")
