"""Outlet-voice claims: what the article asserts itself is suggested as unattributed."""

from __future__ import annotations

import pytest
from highlight_support import describe_claims as claims_of

from annotator.core.highlight import load_highlighter
from annotator.core.models import Attribution as A


@pytest.fixture(scope="session")
def hl():
    return load_highlighter("blank")


def outlet(hl, text):
    return [c["msg"] for c in claims_of(hl, text) if c["attr"] == A.UNATTRIBUTED]


def test_an_assessment_without_numbers_is_a_claim_of_the_outlet(hl):
    assert outlet(hl, "Die Situation bleibt angespannt.") == ["Die Situation bleibt angespannt"]


def test_a_headline_a_question_and_a_link_list_are_not_claims(hl):
    text = ("Allianz Putin-Kim: Offenbar 11.000 Nordkoreaner bereit zum Krieg\n"
            "Wie werden die globalen Führer reagieren?\n"
            "Lesen Sie auch: Was Kim Jong Un von Putin will.\n")
    assert outlet(hl, text) == []


def test_a_leading_subordinate_clause_is_its_own_claim(hl):
    assert outlet(hl, "Während die internationale Gemeinschaft genau hinsieht, könnten die Folgen "
                      "dieser Allianz die Dynamik des Krieges verändern.") == [
        "Während die internationale Gemeinschaft genau hinsieht",
        "könnten die Folgen dieser Allianz die Dynamik des Krieges verändern"]


def test_coordinated_main_clauses_with_their_own_subjects_are_split(hl):
    assert outlet(hl, "Die Situation entwickelt sich schnell, und der Bedarf an Handeln war nie so groß.") == [
        "Die Situation entwickelt sich schnell", "der Bedarf an Handeln war nie so groß"]


def test_a_comment_clause_is_split_but_purpose_and_relative_clauses_stay(hl):
    assert outlet(hl, "Russland rekrutiert Soldaten, um seine Kräfte zu verstärken, was das Potenzial "
                      "für eine Eskalation erhöht.") == [
        "Russland rekrutiert Soldaten, um seine Kräfte zu verstärken",
        "was das Potenzial für eine Eskalation erhöht"]
    assert outlet(hl, "Schiffe, die zuvor genutzt wurden, liegen im Hafen.") == [
        "Schiffe, die zuvor genutzt wurden, liegen im Hafen"]


def test_the_reporting_frame_is_not_a_claim_but_the_outlets_comment_on_it_is(hl):
    cs = claims_of(hl, "Der Präsident sagte, dass die Truppen bereitstünden, was eine Eskalation darstellt.")
    attributed = [c for c in cs if c["attr"] != A.UNATTRIBUTED]
    assert attributed and attributed[0]["cue"] == "sagte"
    assert all(not c["msg"].startswith("Der Präsident") for c in cs)


def test_numbers_make_an_outlet_claim_check_worthy(hl):
    found = hl.highlight("Rund 11.000 Soldaten sind in Russland. Die Lage ist ernst.")
    assert [c.score for c in found] == [0.3, 0.2]
