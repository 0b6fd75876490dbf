"""Source rules of issue 13's tenth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ an apposition in the prefield


def test_the_candidate_of_a_foreign_party_named_after_a_comma_is_the_whole_speaker(hl):
    # one constituent stands before the finite verb: the role, its foreign
    # party name and the apposition with the name are all the subject
    text = ("Der Präsidentschaftskandidat des Front de gauche (Linksfront), Jean-Luc Mélenchon, hat in einem "
            "Interview angeregt, Sarkozy solle doch in Deutschland antreten.")
    assert [c["src"] for c in attributed(hl, text)] == [
        "Der Präsidentschaftskandidat des Front de gauche (Linksfront), Jean-Luc Mélenchon"]


def test_a_survivor_with_her_age_is_the_speaker(hl):
    # "…, 30, beschrieb": the age between commas is an apposition, no clause
    text = "Die das Unglück überlebende Alice Kakamara, 30, beschrieb den Hergang: „Die See war wirklich rau.“"
    assert [c["src"] for c in attributed(hl, text)] == ["Die das Unglück überlebende Alice Kakamara, 30"]


def test_a_relative_clause_before_the_verb_stays_outside_the_speaker(hl):
    # a stretch with a finite verb is a relative clause, not an apposition
    text = "Die Organisation, die im Gazastreifen regiert, erklärte, sie werde weitere Orte angreifen."
    assert [c["src"] for c in attributed(hl, text)][0] == "Die Organisation"


def test_the_supporters_not_the_group_named_among_them_speak(hl):
    # "darunter auch die Bürgerfraktion" is an adverbial insertion, not an
    # apposition: the speaker is the phrase before it
    text = ("Die Unterstützer der Vorlage, darunter auch die Bürgerfraktion, verwiesen auf die Verantwortung, "
            "die man gegenüber den Generationen wahrnehmen müsse.")
    assert [c["src"] for c in attributed(hl, text)][0] == "Die Unterstützer der Vorlage"


# ------------------------------------------------------------ a passive agent filling the prefield


def test_the_authorities_of_both_states_assume_it(hl):
    # "Von X in Y wird angenommen": the agent is the whole prefield, one
    # constituent before the auxiliary, its place PP included
    text = "Von den Behörden in beiden Staaten wird angenommen, dass Drogenschmuggel zu dem Zwischenfall führte."
    assert [c["src"] for c in attributed(hl, text)] == ["den Behörden in beiden Staaten"]


def test_a_time_after_the_auxiliary_stays_out_of_the_agent(hl):
    text = "Von der Polizei wurde in der Nacht bestätigt, dass drei Menschen verletzt wurden."
    assert [c["src"] for c in attributed(hl, text)] == ["der Polizei"]


# ------------------------------------------------------------ "seitens" and "von Seiten" mark a passive's agent


def test_the_delegation_not_its_side_made_the_accusation(hl):
    # "von Seiten X" and "seitens X" name the agent of a passive like "von X":
    # the speaker is X, not "Seiten"
    text = "Von Seiten der deutschen Delegation war den USA vorgeworfen worden, das Dokument verwässert zu haben."
    assert [c["src"] for c in attributed(hl, text)] == ["der deutschen Delegation"]


def test_the_government_declared_it_on_its_part(hl):
    text = "Seitens der Regierung wurde erklärt, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["der Regierung"]


# ------------------------------------------------------------ robustness


def test_a_text_ending_in_a_comma_after_a_verb_gives_no_error(hl):
    # found by the property test: an apposition looked for after the last comma
    # of the text ran past its end
    assert attributed(hl, "erklärte Der ,") == []


# ------------------------------------------------------------ an indefinite numeral after the article


def test_the_two_singers_are_the_speakers(hl):
    # "beiden", "meisten", "vielen" are determiners in the word lists, but after
    # an article they are inflected like adjectives and belong to the phrase
    text = "Die beiden Politiker erklärten, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Die beiden Politiker"]


def test_most_experts_warn(hl):
    text = "Die meisten Experten warnen, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Die meisten Experten"]
