"""The independence rule: a claim corroborates another only from an
independent source."""

from __future__ import annotations

import pytest

from annotator.core.corroboration.independence import SourcedClaim, independence, same_source


def claim(article, source, **kw):
    return SourcedClaim(article_id=article, source=source, **kw)


@pytest.mark.parametrize("a, b", [
    ("Der ukrainische Präsident Wolodymyr Selenskyj", "Selenskyj"),
    ("Kyrylo Budanow, Chef des ukrainischen Militärgeheimdienstes", "Budanow"),
    ("Angaben südkoreanischer Geheimdienste", "Südkoreanische Geheimdienstkreise"),
    ("John Kirby, Sprecher des Nationalen Sicherheitsrates der USA",
     "Der Sprecher für nationale Sicherheit des Weißen Hauses, John Kirby"),
])
def test_one_source_named_in_different_words_is_the_same_source(a, b):
    assert same_source(a, b)


def test_different_people_are_different_sources():
    assert not same_source("Selenskyj", "Budanow")
    assert independence(claim("a", "Selenskyj"), claim("b", "Kyrylo Budanow")).independent


def test_the_same_source_in_two_articles_confirms_nothing():
    verdict = independence(claim("a", "Der ukrainische Präsident Wolodymyr Selenskyj"),
                           claim("b", "Selenskyj"))
    assert not verdict.independent and verdict.reason == "same source"


def test_reports_relayed_by_three_outlets_are_one_source():
    outlets = [claim("a", "Berichten", outlet="Demo-Rundschau"),
               claim("b", "Medienberichten", outlet="Nordkurier Demo"),
               claim("c", "Berichte", outlet="Demo-Weltspiegel")]
    for x in outlets:
        for y in outlets:
            if x is not y:
                verdict = independence(x, y)
                assert not verdict.independent
                assert "one source" in verdict.reason


def test_registry_entities_decide_over_names():
    a = claim("a", "das Ministerium", source_id="entity-1")
    assert not independence(a, claim("b", "das Verteidigungsministerium", source_id="entity-1")).independent
    assert independence(a, claim("b", "das Ministerium", source_id="entity-2")).independent


def test_an_article_that_attributes_the_claim_to_the_other_source_is_not_independent():
    a = claim("a", "Selenskyj")
    b = claim("b", "Kirby", also_cited=("Wolodymyr Selenskyj",))
    verdict = independence(a, b)
    assert not verdict.independent
    assert verdict.reason == "the other article attributes it to this claim's source"
    assert not independence(b, a).independent


def test_unattributed_claims_count_only_as_their_outlets():
    assert not independence(claim("a", None), claim("b", None)).independent
    assert independence(claim("a", None, outlet="X"), claim("b", None, outlet="Y")).independent
    assert not independence(claim("a", None, outlet="X"), claim("b", None, outlet="X")).independent
    assert not independence(claim("a", None), claim("b", "Selenskyj")).independent


def test_two_claims_of_one_article_are_not_independent():
    assert not independence(claim("a", "Selenskyj"), claim("a", "Budanow")).independent
