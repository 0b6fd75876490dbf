"""The credibility proposal from judged related claims and differing flags."""

from __future__ import annotations

from annotator.core.corroboration.credibility import RelatedJudged, propose_credibility
from annotator.core.corroboration.independence import SourcedClaim

CLAIM = SourcedClaim("a", "Kyrylo Budanow, Chef des ukrainischen Militärgeheimdienstes")


def other(article, source, label=None, differing=False):
    return RelatedJudged(SourcedClaim(article, source), label, differing)


def test_two_independent_sources_confirm_a_claim():
    proposal = propose_credibility(CLAIM, [other("b", "John Kirby", "corroborates"),
                                           other("c", "Südkoreanische Geheimdienstkreise", "corroborates")])
    assert (proposal.grade, proposal.reason) == (1, "confirmed by 2 independent sources")


def test_one_independent_source_makes_it_probably_true():
    assert propose_credibility(CLAIM, [other("b", "John Kirby", "corroborates")]).grade == 2


def test_the_same_source_in_two_outlets_confirms_once():
    proposal = propose_credibility(CLAIM, [other("b", "John Kirby", "corroborates"),
                                           other("c", "Kirby", "corroborates")])
    assert proposal.grade == 2


def test_reports_relayed_by_outlets_and_the_claims_own_source_do_not_confirm():
    reports = SourcedClaim("a", "Berichten zufolge")
    proposal = propose_credibility(reports, [other("b", "Berichten", "corroborates"),
                                             other("c", "Medienberichten", "corroborates")])
    assert proposal.grade == 3
    assert propose_credibility(CLAIM, [other("b", "Budanow", "corroborates")]).grade == 3


def test_a_contradiction_outweighs_confirmations():
    proposal = propose_credibility(CLAIM, [other("b", "John Kirby", "corroborates"),
                                           other("c", "Seoul", "corroborates"),
                                           other("d", "Kreml", "contradicts")])
    assert (proposal.grade, proposal.reason) == (5, "contradicted by 1 related claim")


def test_unjudged_related_claims_with_other_values_make_it_doubtful():
    assert propose_credibility(CLAIM, [other("b", "Kirby", differing=True)]).grade == 4
    assert propose_credibility(CLAIM, [other("b", "Kirby")]).grade == 3
    assert propose_credibility(CLAIM, [other("b", "Kirby", "unrelated")]) is None
    assert propose_credibility(CLAIM, []) is None
