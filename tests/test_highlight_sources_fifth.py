"""Source rules of issue 13's fifth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

import pytest
from highlight_support import describe_claims as claims_of

from annotator.core.highlight import load_highlighter
from annotator.core.models import Attribution as A


@pytest.fixture(scope="session")
def hl():
    return load_highlighter("blank")


def attributed(hl, text):
    return [c for c in claims_of(hl, text) if c["attr"] != A.UNATTRIBUTED]


# ------------------------------------------------------------ case: an object is never the speaker


def test_a_decision_that_underlines_a_need_is_the_outlets_claim_not_the_needs(hl):
    text = ("Die Entscheidung Russlands, nordkoreanische Soldaten zu rekrutieren, "
            "unterstreicht den zunehmenden Bedarf an Verstärkungen.")
    claims = claims_of(hl, text)
    assert [c["attr"] for c in claims] == [A.UNATTRIBUTED]
    assert all(c["src"] is None for c in claims)


def test_an_accusative_object_after_the_verb_is_not_taken_as_the_speaker(hl):
    text = ("Das Gericht nutzte die Begründung zur Verteidigung in eigener Sache. "
            "Es weist den Vorwurf als abwegig zurück, man hätte immer weiter verhandelt. "
            "Dieser Vorwurf gehe gegen das Berufsethos der Kammer.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources and "den Vorwurf" not in sources
