"""Which candidate speaks (issue 13, fourteenth round, who14): a reader's
story per rule (a German sentence in, the speaker the annotator offers out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a demonstrative in front of a verb and its complement


def test_a_demonstrative_right_before_the_verb_and_its_complement_is_the_subject(hl):
    # "Diese besagt, dass …": nothing between the verb and the comma can be
    # a subject, so "Diese" is not an object in front (as in "Das sagte er")
    text = "Im Kaufvertrag wird eine Sonderklausel eingebaut. Diese besagt, dass der neue Eigentümer zahlen muss."
    assert [c["src"] for c in attributed(hl, text)] == ["Diese"]


def test_a_demonstrative_object_in_front_still_leaves_the_subject_after_the_verb(hl):
    text = "Dies berichtete die Deutsche Presse-Agentur, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["die Deutsche Presse-Agentur"]


# ------------------------------------------------------------ a dass clause is what was said


def test_a_verb_inside_a_reported_dass_clause_names_no_speaker_of_its_own(hl):
    # "Grund dafür sei, dass die USA … befürchten": the Konjunktiv sentence
    # goes on reporting; "die USA" befürchten inside what was reported
    text = ("Der Botschafter sagte, die Beamten müssten die Stadt verlassen. "
            "Grund dafür sei, dass die USA einen Anschlag in Mombasa befürchten.")
    assert {c["src"] for c in attributed(hl, text)} == {"Der Botschafter"}


def test_a_sentence_that_names_its_own_speaker_in_its_main_clause_still_takes_it(hl):
    text = ("Der Botschafter sagte, die Beamten müssten die Stadt verlassen. "
            "Der Grund sei ein Anschlag, gab der Außenminister bekannt.")
    assert [c["src"] for c in attributed(hl, text)][-1] == "der Außenminister"


# ------------------------------------------------------------ a document in an agentless passive's middle field


def test_a_document_between_the_passive_auxiliary_and_its_participle_is_the_source(hl):
    text = "Die Bürger wurden am Samstag in einem Schreiben der Stadt aufgefordert, die Häuser zu verlassen."
    assert [c["src"] for c in attributed(hl, text)] == ["einem Schreiben der Stadt"]


def test_a_place_between_the_passive_auxiliary_and_its_participle_is_no_source(hl):
    text = "Die Bürger wurden am Samstag im Rathaus aufgefordert, die Häuser zu verlassen."
    assert [c["src"] for c in attributed(hl, text)] == [None]


# ------------------------------------------------------------ a verb-first clause after a participle


def test_a_verb_first_clause_after_a_passive_participle_shares_its_subject_and_is_no_complement(hl):
    # "wird … erwartet, kann … erfolgen": "erwartet" is a participle (its
    # auxiliary "wird" stands before it), so "kann …" goes on with the same
    # subject; the speaker is the frame "nach Angaben des Betreibers"
    text = ("Der eigentliche Absturz wird am 23. September erwartet, kann nach Angaben des Betreibers "
            "aber auch später erfolgen.")
    assert [c["src"] for c in attributed(hl, text)] == ["Angaben des Betreibers"]


def test_after_a_relative_clause_ending_in_a_finite_speech_verb_the_main_clause_is_what_was_said(hl):
    text = "Die Alternative, die Roßberg nannte, ist ein massiver Eingriff in die Kultur."
    assert [c["src"] for c in attributed(hl, text)] == ["Roßberg"]


# ------------------------------------------------------------ an attribute after the clause's finite verb


def test_a_participle_before_a_quoted_noun_after_the_finite_verb_is_an_attribute(hl):
    # "waren … nicht näher bezeichnete „technische Probleme“": "waren" is the
    # clause's finite verb, so "bezeichnete" is an adjective; the source is
    # the report the frame names, not the subject "Der Grund"
    text = ("Der Grund für den Kerosinablass waren dem Bericht zufolge nicht näher bezeichnete "
            "„technische Probleme“.")
    assert [c["src"] for c in attributed(hl, text)] == ["dem Bericht"]


def test_a_second_verb_after_und_is_still_a_verb(hl):
    text = "Der Minister kam am Montag nach Berlin und bezeichnete den Plan als „völlig übertrieben“."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Minister"]
