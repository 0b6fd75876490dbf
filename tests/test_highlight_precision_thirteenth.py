"""Which subjects can speak (issue 13, thirteenth round: precision of verb
claims and their sources): a reader's story per rule."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ a thing reports nothing


def test_an_event_that_claims_lives_makes_no_claim(hl):
    # "fordern" nearly always reports a demand, but an article and a common
    # noun no lexicon knows as a speaker name a thing, not a speaker
    assert attributed(hl, "Ein Erdbeben hat mindestens 65 Menschenleben gefordert.") == []
    assert attributed(hl, "Ein schweres Unglück forderte am Montag zahlreiche Todesopfer.") == []


def test_states_and_alliances_named_with_their_article_still_speak(hl):
    # the definite article also stands before names ("die Ukraine", "die
    # Nato", "die Grünen"), which no list of the lexicons holds: without an
    # indefinite article or a derived noun's suffix the head may be a name
    [c] = attributed(hl, "Die Nato warnte vor einer Eskalation.")
    assert (c["src"], c["cue"], c["attr"]) == ("Die Nato", "warnte", A.REPORTED)
    [c] = attributed(hl, "Die Ukraine forderte mehr Waffen von ihren Verbündeten.")
    assert c["src"] == "Die Ukraine"
    [c] = attributed(hl, "Die Grünen forderten einen Untersuchungsausschuss.")
    assert c["src"] == "Die Grünen"


def test_a_person_noun_by_its_suffix_still_speaks(hl):
    [c] = attributed(hl, "Der Ordnungsdezernent kritisierte die Pläne der Regierung.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Ordnungsdezernent", "kritisierte", A.REPORTED)
    [c] = attributed(hl, "Die Demonstranten forderten den Rücktritt des Ministers.")
    assert c["src"] == "Die Demonstranten"


def test_a_participle_written_as_a_noun_names_persons_who_speak(hl):
    [c] = attributed(hl, "Die Beschäftigten forderten höhere Löhne.")
    assert (c["src"], c["cue"]) == ("Die Beschäftigten", "forderten")
    [c] = attributed(hl, "Die Gefangenen forderten bessere Haftbedingungen.")
    assert c["src"] == "Die Gefangenen"
    # an ending alone is no participle: a rise demands nothing
    assert attributed(hl, "Eine Steigerung der Kosten forderte ihren Tribut.") == []


def test_a_name_or_abbreviation_after_the_article_still_speaks(hl):
    [c] = attributed(hl, "Der Hersteller Apple kritisierte die Pläne der Regierung.")
    assert c["src"] == "Der Hersteller Apple"
    [c] = attributed(hl, "Die GdF kritisierte die Pläne der Regierung.")
    assert c["src"] == "Die GdF"


def test_a_paper_named_by_its_quoted_title_after_an_extended_attribute_still_speaks(hl):
    text = "Die in Oberösterreich erscheinende „Rundschau“ kritisierte die Pläne der Regierung."
    [c] = attributed(hl, text)
    assert c["src"] == "Die in Oberösterreich erscheinende „Rundschau“"


def test_opponents_supporters_and_the_opposition_are_speakers(hl):
    # nouns that name people by the position they take, and the bodies of
    # parliament, like "Kritiker", "Fraktion" (source_nouns.tsv)
    [c] = attributed(hl, "Die Gegner des Gesetzes kritisierten die Pläne der Regierung.")
    assert c["src"] == "Die Gegner des Gesetzes"
    [c] = attributed(hl, "Die Koalition kritisierte die Pläne der Regierung.")
    assert c["src"] == "Die Koalition"


def test_a_name_mentioned_once_at_the_start_is_the_speaker_not_an_adverb(hl):
    # a capitalised word met nowhere else may be an adverb filling the
    # prefield ("Offiziell geht die Regierung davon aus") only when its
    # suffix says so; a name said once is the subject, the object no speaker
    [c] = attributed(hl, "Selenskyj kritisierte die Pläne.")
    assert (c["src"], c["cue"]) == ("Selenskyj", "kritisierte")
    [c] = attributed(hl, "Russland dementierte die Berichte.")
    assert c["src"] == "Russland"
    [c] = attributed(hl, "Offiziell geht die Regierung davon aus, dass der Krieg endet.")
    assert c["src"] == "die Regierung"
