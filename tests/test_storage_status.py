"""An article's review status has one rule, in Python and in SQL alike."""

import sqlite3

import pytest

from annotator.core.storage.status import STATUSES, check_status, status_filter_sql, status_of


def statuses_the_filter_finds(reviewed: int, total: int) -> list[str]:
    conn = sqlite3.connect(":memory:")
    sql = f"SELECT 1 FROM (SELECT :r AS r, :t AS t) WHERE {status_filter_sql('r', 't')}"
    return [status for status in STATUSES
            if conn.execute(sql, {"status": status, "r": reviewed, "t": total}).fetchone()]


@pytest.mark.parametrize("reviewed, total", [(r, t) for r in range(4) for t in range(4)])
def test_the_article_list_filter_finds_each_article_under_the_status_it_shows(reviewed, total):
    assert statuses_the_filter_finds(reviewed, total) == [status_of(reviewed, total)]


def test_no_status_chosen_means_every_article():
    conn = sqlite3.connect(":memory:")
    row = conn.execute(f"SELECT 1 FROM (SELECT 2 AS r, 5 AS t) WHERE {status_filter_sql('r', 't')}",
                       {"status": None}).fetchone()
    assert row == (1,)


def test_a_reviewer_who_judged_nothing_sees_new_and_all_judged_is_done():
    assert status_of(0, 3) == "new"
    assert status_of(2, 3) == "in progress"
    assert status_of(3, 3) == "done"


def test_an_unknown_status_is_refused_by_name():
    with pytest.raises(ValueError, match="new, in progress, done"):
        check_status("finished")


def statuses_found_with_check(reviewed: int, total: int, checked: bool) -> list[str]:
    conn = sqlite3.connect(":memory:")
    sql = (f"SELECT 1 FROM (SELECT :r AS r, :t AS t, :c AS c) "
           f"WHERE {status_filter_sql('r', 't', 'c')}")
    return [status for status in STATUSES
            if conn.execute(sql, {"status": status, "r": reviewed, "t": total,
                                  "c": int(checked)}).fetchone()]


@pytest.mark.parametrize("reviewed, total, checked",
                         [(r, t, c) for r in range(3) for t in range(3) for c in (False, True)])
def test_the_filter_and_the_status_agree_with_checks_too(reviewed, total, checked):
    assert statuses_found_with_check(reviewed, total, checked) == [status_of(reviewed, total, checked)]


def test_an_article_without_claims_is_new_until_checked_then_done():
    assert status_of(0, 0) == "new"
    assert status_of(0, 0, checked=True) == "done"


def test_a_check_does_not_finish_an_article_that_has_claims():
    assert status_of(0, 2, checked=True) == "new"
    assert status_of(1, 2, checked=True) == "in progress"
