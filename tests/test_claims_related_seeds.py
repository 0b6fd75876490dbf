"""Related and differing claims across the five seed articles, which report
different numbers of North Korean soldiers sent to Russia and dates from
23 October to 1 November."""

from __future__ import annotations

import itertools

import pytest
from claims_support import claim_quoting, seed_claims

from annotator.core.corroboration.differing import differences
from annotator.core.corroboration.related import RelatedFinder

# the claims giving the number of North Korean soldiers sent to Russia (003's
# headline "Offenbar 11.000 Nordkoreaner bereit …" is verbless: not a claim)
SOLDIER_COUNTS = {
    ("000", "etwa 12.000 nordkoreanische Soldaten"): 12_000,
    ("001", "Stationierung von 11.000 nordkoreanischen Truppen"): 11_000,
    ("002", "über 3.000 Truppen nach Russland"): 3_000,
    ("003", "Rund 11.000 nordkoreanische Infanteristen"): 11_000,
    ("003", "bereits 3.000 Soldaten nach Russland geschickt"): 3_000,
    ("004", "rund 12.000 Soldaten"): 12_000,
    ("004", "etwa 3.000 nordkoreanische Soldaten in Russland"): 3_000,
}


@pytest.fixture(scope="module")
def claims(request):
    from conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return seed_claims(sorted(SEEDS.glob("*.txt")))


@pytest.fixture(scope="module")
def linked(claims):
    return {frozenset((r.claim_id, r.other_id)) for r in RelatedFinder(claims).pairs()}


def test_the_soldier_counts_of_all_five_articles_are_linked_to_each_other(claims, linked):
    counts = {claim_quoting(claims, *key).claim_id: n for key, n in SOLDIER_COUNTS.items()}
    by_id = {c.claim_id: c for c in claims}
    pairs = [(a, b) for a, b in itertools.combinations(counts, 2)
             if by_id[a].article_id != by_id[b].article_id]
    assert {by_id[a].article_id for a in counts} == {"000", "001", "002", "003", "004"}
    missing = [(by_id[a].text[:40], by_id[b].text[:40]) for a, b in pairs if frozenset((a, b)) not in linked]
    assert missing == []


def test_differing_soldier_counts_are_flagged_with_both_values(claims):
    by_key = {key: claim_quoting(claims, *key) for key in SOLDIER_COUNTS}
    for (ka, na), (kb, nb) in itertools.combinations(SOLDIER_COUNTS.items(), 2):
        if ka[0] == kb[0]:
            continue
        found = differences(by_key[ka], by_key[kb])
        if na == nb:
            assert found == [], (ka, kb)
        else:
            [diff] = found
            assert diff.kind == "quantity" and diff.thing == "soldiers (nordkorea)"
            assert f"{na:,}".replace(",", ".") in diff.value
            assert f"{nb:,}".replace(",", ".") in diff.other_value


def test_the_two_claims_about_the_announced_deployment_date_are_linked(claims, linked):
    first = claim_quoting(claims, "000", "ab dem 27. bis 28. Oktober")
    second = claim_quoting(claims, "002", "bereits am 27. Oktober einzusetzen")
    assert frozenset((first.claim_id, second.claim_id)) in linked
    assert differences(first, second) == []  # the 27th lies within "27. bis 28."


def test_claims_of_one_article_are_never_related_to_each_other(claims):
    finder = RelatedFinder(claims)
    for claim in claims[:10]:
        assert all(r.other_article != claim.article_id for r in finder.related(claim))


def test_russian_soldiers_are_not_the_north_korean_ones(claims, linked):
    russians = claim_quoting(claims, "001", "111.000 russische Soldaten")
    north_koreans = claim_quoting(claims, "004", "rund 12.000 Soldaten")
    assert frozenset((russians.claim_id, north_koreans.claim_id)) not in linked
    assert differences(russians, north_koreans) == []


def test_an_additional_count_is_related_to_the_total_but_never_differs():
    from annotator.core.corroboration.facts import describe_claim
    from annotator.core.corroboration.related import counts_alike, same_thing

    total = describe_claim("s:1", "a", "Nordkorea hat rund 12.000 Soldaten nach Russland entsandt")
    more = describe_claim("s:2", "b", "Pjöngjang plant, bis zu 30.000 zusätzliche Soldaten nach Russland zu entsenden")
    qa, qb = total.quantities[0], more.quantities[0]
    assert counts_alike(qa, qb) and not same_thing(qa, qb)
    assert [r.other_id for r in RelatedFinder([total, more]).related(total)] == ["s:2"]
    assert differences(total, more) == []


def test_a_compound_naming_two_countries_lends_no_nation_to_a_count():
    from annotator.core.corroboration.facts import describe_claim

    war = describe_claim("s:1", "a", "bis zu 30.000 zusätzliche Soldaten im Ukraine-Russland-Krieg")
    assert war.quantities[0].nation is None
    sent = describe_claim("s:2", "a", "rund 12.000 Soldaten, die Nordkorea nach Russland schickte")
    assert sent.quantities[0].nation == "nordkorea"
