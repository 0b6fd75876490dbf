"""Dates in German claims, as day ranges; weekdays relative to the published date."""

from __future__ import annotations

from datetime import date

import pytest

from annotator.core.corroboration.dates import parse_dates

# text, published, first, last, qualifier
FORMS = [
    ("am 27. Oktober", "2024-10-25", date(2024, 10, 27), date(2024, 10, 27), "exact"),
    ("ab dem 27. bis 28. Oktober", "2024-10-25", date(2024, 10, 27), date(2024, 10, 28), "range"),
    ("27.-28. Oktober", "2024-10-25", date(2024, 10, 27), date(2024, 10, 28), "range"),
    ("am 27. und 28. Oktober", "2024-10-25", date(2024, 10, 27), date(2024, 10, 28), "range"),
    ("vom 27. Oktober bis 2. November 2024", None, date(2024, 10, 27), date(2024, 11, 2), "range"),
    ("am 1. November", "2024-10-30", date(2024, 11, 1), date(2024, 11, 1), "exact"),
    ("Ab dem 1. November", "2024-10-30", date(2024, 11, 1), date(2024, 11, 1), "from"),
    ("bis zum 3. Dezember", "2024-10-30", date(2024, 12, 3), date(2024, 12, 3), "until"),
    ("Ende Oktober", "2024-11-02", date(2024, 10, 21), date(2024, 10, 31), "approx"),
    ("Anfang November", "2024-11-02", date(2024, 11, 1), date(2024, 11, 10), "approx"),
    ("Mitte Oktober", "2024-11-02", date(2024, 10, 11), date(2024, 10, 20), "approx"),
    ("im Juli 2024", None, date(2024, 7, 1), date(2024, 7, 31), "approx"),
    ("bis November", "2024-10-30", date(2024, 11, 1), date(2024, 11, 30), "until"),
    ("am 23.10.2024", None, date(2024, 10, 23), date(2024, 10, 23), "exact"),
    ("am 23.10.", "2024-10-30", date(2024, 10, 23), date(2024, 10, 23), "exact"),
    # weekdays: the last such day up to publication ...
    ("am Dienstag", "2026-04-02", date(2026, 3, 31), date(2026, 3, 31), "exact"),
    ("am Mittwochabend", "2026-01-28", date(2026, 1, 28), date(2026, 1, 28), "exact"),
    # ... unless the clause speaks of what is to come
    ("dass der Scheitel voraussichtlich erst am Montag erreicht werde", "2026-03-14",
     date(2026, 3, 16), date(2026, 3, 16), "exact"),
    ("am kommenden Montag", "2026-03-14", date(2026, 3, 16), date(2026, 3, 16), "exact"),
    ("gestern", "2026-03-14", date(2026, 3, 13), date(2026, 3, 13), "exact"),
]


@pytest.mark.parametrize("text, published, first, last, qualifier", FORMS)
def test_a_date_is_read_as_a_day_range(text, published, first, last, qualifier):
    [d] = parse_dates(text, published)
    assert (d.first, d.last, d.qualifier, d.year_known) == (first, last, qualifier, True)


def test_without_a_published_date_the_year_stays_unknown():
    [d] = parse_dates("bereits am 27. Oktober einzusetzen")
    assert not d.year_known and d.describe() == "--10-27"
    [other] = parse_dates("ab dem 27. bis 28. Oktober", "2024-10-20")
    assert d.overlaps(other) and other.overlaps(d)


def test_a_day_in_december_reported_in_january_is_last_year():
    [d] = parse_dates("am 30. Dezember", "2025-01-03")
    assert d.first == date(2024, 12, 30)


def test_weekdays_need_the_published_date_and_the_morning_is_not_tomorrow():
    assert parse_dates("am Montag") == []
    assert parse_dates("Am Morgen", "2026-03-14") == []


def test_a_sentence_holds_several_dates_in_order():
    found = parse_dates("Bereits am 23. Oktober gesichtet; ab dem 1. November im Einsatz", "2024-10-30")
    assert [d.first for d in found] == [date(2024, 10, 23), date(2024, 11, 1)]
