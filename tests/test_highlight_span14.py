"""Source spans of issue 13's fourteenth round: a reader's story per rule (a
German sentence in, the speaker span the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a title between two-apostrophe marks


def test_a_party_name_in_wiki_italics_belongs_to_the_apposition_of_the_speaker(hl):
    # "''…''" (two apostrophes, wiki italics) sets off the party's name as
    # „…“ would: the apposition with the name and its short form is all the subject
    text = ("Eine der größten Oppositionsgruppen des Landes, die ''Koalition für Einheit und Entwicklung'' (CUD), "
            "behauptete am Wahlabend, dass hunderte Wahlbeobachter verhaftet worden seien.")
    assert [c["src"] for c in attributed(hl, text)] == [
        "Eine der größten Oppositionsgruppen des Landes, die ''Koalition für Einheit und Entwicklung'' (CUD)"]


def test_a_newspaper_in_wiki_italics_is_the_speaker(hl):
    text = "Die ''Süddeutsche Zeitung'' berichtete, der Minister habe seinen Rücktritt angeboten."
    assert [c["src"] for c in attributed(hl, text)] == ["Die ''Süddeutsche Zeitung''"]
