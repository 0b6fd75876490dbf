"""The related-claims index: kept up to date claim by claim and article by
article, and finding what the in-memory finder finds."""

from __future__ import annotations

import pytest
from claims_support import index_connection, seed_claims

from annotator.core.corroboration.facts import describe_claim
from annotator.core.corroboration.index import ClaimIndex
from annotator.core.corroboration.related import RelatedFinder
from annotator.core.storage import relations


@pytest.fixture
def index():
    conn = index_connection()
    yield ClaimIndex(conn)
    relations.integrity_check(conn)
    conn.close()


def claim(key, article, text, published="2024-10-30"):
    return describe_claim(key, article, text, published=published)


FLOOD = [
    claim("s:1", "a1", "Laut Feuerwehr sind mehr als 1.200 Helfer an der Oder im Einsatz"),
    claim("s:2", "a2", "An der Oder sind rund 800 Helfer der Feuerwehr im Einsatz"),
    claim("s:3", "a3", "Der Stadtrat hat den Haushalt mit 31 zu 24 Stimmen beschlossen"),
    claim("s:4", "a1", "Die Helfer der Feuerwehr an der Oder arbeiten die Nacht durch"),
]


def keys(relations):
    return [r.other_id for r in relations]


def test_a_claim_finds_the_claim_about_the_same_thing_in_another_article(index):
    index.add_claims(FLOOD)
    assert keys(index.related("s:1")) == ["s:2"]
    assert index.related("s:3") == []
    assert all(r.other_article != "a1" for r in index.related("s:4"))


def test_an_edited_claim_is_found_by_its_new_words(index):
    index.add_claims(FLOOD)
    index.add_claims([claim("s:3", "a3", "An der Oder helfen 1.200 Helfer der Feuerwehr")])
    assert "s:3" in keys(index.related("s:1"))
    assert index.total() == 4


def test_re_importing_an_article_replaces_its_claims(index):
    index.add_claims(FLOOD)
    index.put_article("a2", [claim("s:9", "a2", "Der Haushalt wurde mit 31 zu 24 Stimmen beschlossen")])
    assert index.facts("s:2") is None
    assert keys(index.related("s:1")) == []
    assert keys(index.related("s:3")) == ["s:9"]


def test_a_removed_article_is_found_no_more(index):
    index.add_claims(FLOOD)
    index.remove_article("a2")
    assert index.related("s:1") == [] and index.total() == 3


def test_a_bulk_build_finds_the_same_as_claim_by_claim(index):
    many = [claim(f"s:{i}", f"b{i % 50}", f"Im Bezirk {i % 7} wurden {100 + i} Helfer der Feuerwehr gezählt")
            for i in range(1200)]
    index.add_claims(many)  # bigger than the index: one FTS rebuild
    one_by_one = ClaimIndex(index_connection())
    for c in many:
        one_by_one.add_claims([c])
    for key in ("s:0", "s:77", "s:1199"):
        assert keys(index.related(key)) == keys(one_by_one.related(key))


def test_on_the_seeds_the_index_finds_every_pair_the_finder_finds(index, seed_paths):
    claims = seed_claims(seed_paths)
    for article in sorted({c.article_id for c in claims}):
        index.put_article(article, [c for c in claims if c.article_id == article])
    expected = {frozenset((r.claim_id, r.other_id)) for r in RelatedFinder(claims).pairs()}
    found = {frozenset((c.claim_id, r.other_id)) for c in claims for r in index.related(c.claim_id)}
    assert found == expected and expected


def test_an_import_worker_computes_an_articles_rows_from_plain_data(index):
    """``index_rows`` takes text, date and spans (what pickles to a worker
    process) and gives the rows the index writes: the same claims are found."""
    import pickle

    from annotator.core.corroboration.rows import index_rows

    text = "Laut Feuerwehr sind mehr als 1.200 Helfer an der Oder im Einsatz. Sonst nichts."
    spans = [("s:1", 0, 64, 5, 14, None)]
    rows = pickle.loads(pickle.dumps(index_rows("a1", text, "2024-10-30", spans)))
    assert rows[0][:2] == ("s:1", "a1") and "q_people" in rows[0][2].split()
    index.add_rows(rows)
    index.add_claims(FLOOD[1:])
    assert keys(index.related("s:1")) == ["s:2"]
    assert index.facts("s:1").source == "Feuerwehr"


@pytest.mark.parametrize("text", [
    "Am 27. Oktober sollen 12.000 Soldaten eingetroffen sein",
    "Zwölftausend Soldaten kamen am 23.10.2024 an, sagte er am Dienstag",
    "Die Oktoberfest-Besucher blieben heute zu Hause",
    "Dutzende Helfer kamen gestern, 1.200 weitere morgen",
    "Die Regierung sagte nichts dazu",
])
def test_the_quick_word_scan_finds_what_the_parsers_find_by_themselves(text):
    from annotator.core.corroboration.dates import gates_from_scan, parse_dates
    from annotator.core.corroboration.quantities import parse_quantities
    from annotator.core.corroboration.scan import NUMBER, scan

    found = scan(text)
    assert parse_dates(text, "2024-10-30", gates_from_scan(found)) == parse_dates(text, "2024-10-30")
    assert parse_quantities(text, hints=(bool(found.flags & NUMBER), found.digits)) == parse_quantities(text)
