"""Issue 13, fourteenth round: claims whose speaker stands in the same
sentence, which the rules used to leave in the outlet's voice.  A reader's
story per rule: a German sentence in, the speaker the annotator offers out."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a quotation inside the middle field


def test_a_minister_who_rejects_something_as_a_quoted_word_is_its_speaker(hl):
    # the quoted word is one phrase of the clause: the particle "zurück" after
    # it still closes "wies … zurück"
    text = ("Die bayerische Justizministerin Beate Merk wies dies am Rande einer Klausurtagung "
            "als „Unverschämtheit“ zurück.")
    assert [c["src"] for c in attributed(hl, text)] == ["Die bayerische Justizministerin Beate Merk"]


def test_a_call_to_a_quoted_holy_war_is_the_callers(hl):
    text = "Der Prediger rief die Muslime zum „Heiligen Krieg“ gegen den Westen auf."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Prediger"]


def test_a_quotation_that_ends_the_sentence_is_no_particle(hl):
    # a particle-like word inside the quotation closes nothing
    text = "Der Minister gab die Losung „Wir packen es an“."
    assert all(c["cue"] != "gab" for c in attributed(hl, text))


# ------------------------------------------------------------ a particle written apart before the final verb


def test_an_association_that_announced_it_in_a_wie_clause_is_the_source(hl):
    # verb-final "wie …": the separable particle stands before the verb,
    # here written apart ("bekannt gab")
    text = "Die diesjährige Vergabe wird auch die letzte sein, wie der Verband am Montag bekannt gab."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("der Verband", "gab")]


def test_a_press_office_that_announced_it_in_the_old_spelling_is_the_source(hl):
    # the participle written as two words ("bekannt gegeben") is still the particle verb's
    text = "Der Präsident ordnete Hilfen an. Das wurde vom Presseamt des Kremls am 28. Dezember bekannt gegeben."
    assert any(c["cue"] == "gegeben" and "Presseamt des Kremls" in c["src"] for c in attributed(hl, text))


# ------------------------------------------------------------ the complement that names the verb's sense


def test_a_politician_who_advises_restraint_is_its_speaker(hl):
    # "jemandem zu etwas raten" advises; guessing takes an accusative
    text = "So riet die FDP-Politikerin Elke Hoff dem Verteidigungsminister zu mehr Zurückhaltung."
    assert [c["src"] for c in attributed(hl, text)] == ["die FDP-Politikerin Elke Hoff"]


def test_guessing_a_riddle_is_no_claim(hl):
    text = "Die Kinder rieten das Rätsel sofort."
    assert attributed(hl, text) == []


def test_a_reason_named_in_the_prefield_is_the_speakers(hl):
    # "als Grund nennen" states a reason; the "als" phrase fills the prefield
    text = "Als Grund für die Rückgabe nannte Erdoğan Teziç die Verabschiedung des Gesetzes."
    assert [c["src"] for c in attributed(hl, text)] == ["Erdoğan Teziç"]


def test_a_subordinate_als_clause_in_front_names_no_reason(hl):
    text = "Als die Sitzung begann, nannte der Vorsitzende die Namen der Gäste."
    assert attributed(hl, text) == []


def test_a_minister_who_attacks_a_state_as_something_makes_a_claim(hl):
    text = "Auch der Außenminister Donald Rumsfeld attackierte den Iran als den „führenden Förderer von Terrorismus“."
    assert [c["src"] for c in attributed(hl, text)] == ["der Außenminister Donald Rumsfeld"]


def test_a_broadcaster_reporting_of_a_storm_is_its_source(hl):
    # "berichten von/über X": the PP says what was reported
    text = "Der spanische Rundfunk berichtet von einem Unwetter während des Fluges."
    assert [c["src"] for c in attributed(hl, text)] == ["Der spanische Rundfunk"]


# ------------------------------------------------------------ verbs the lexicon learnt by their dictionary sense


def test_a_union_that_promised_to_cut_emissions_is_the_speaker(hl):
    text = ("Im Rahmen des Kyoto-Protokolls hat die EU zugesagt, die Kohlendioxid-Emissionen "
            "um acht Prozent zu verringern.")
    assert [c["src"] for c in attributed(hl, text)] == ["die EU"]


def test_a_city_that_hopes_for_police_is_the_one_who_hopes(hl):
    # a fronted dass-clause, the subject after "erhofft sich"
    text = "Dass noch 60 weitere Polizisten entsendet werden, erhofft sich die Stadtleitung."
    assert [c["src"] for c in attributed(hl, text)] == ["die Stadtleitung"]


def test_researchers_who_formulate_a_hypothesis_make_a_claim(hl):
    text = ("Da die Funde aus Europa stammen, formulierten die Forscher die Hypothese, dass pflanzliche "
            "Nahrung eine bedeutendere Rolle spielte.")
    assert [c["src"] for c in attributed(hl, text)] == ["die Forscher"]


# ------------------------------------------------------------ the passive's perfect


def test_a_union_that_had_feared_job_cuts_in_the_passive_is_the_source(hl):
    # "war … befürchtet worden": "worden" makes the participle the passive's verb
    text = "Von Gewerkschaftsseite war der Abbau von bis zu 10.000 Arbeitsplätzen bei Airbus befürchtet worden."
    assert [c["src"] for c in attributed(hl, text)] == ["Gewerkschaftsseite"]


# ------------------------------------------------------------ a verb-final clause's attribute


def test_a_goal_formulated_by_someone_else_inside_a_relative_clause_is_no_claim_of_its_subject(hl):
    # a relative clause puts its finite verb last: "formulierte" before the
    # noun "Ziel" is the attribute's participle, not the clause's verb
    text = ("Er war es, der das von Präsident Kennedy in einer Rede formulierte Ziel, einen Menschen auf "
            "den Mond zu bringen, verwirklichen sollte.")
    assert all(c["cue"] != "formulierte" for c in attributed(hl, text))


# ------------------------------------------------------------ a main clause after a comma alone


def test_operators_who_speak_of_more_jobs_after_a_comma_are_the_source_of_their_clause(hl):
    # "die Betreiber sprechen …": article, noun, the verb second — no relative
    # clause, which would put its verb last; the outlet's clause before stays out
    text = "Es sind 500 neue Arbeitsplätze entstanden, die Betreiber sprechen bereits jetzt von bis zu 850 Stellen."
    [claim] = attributed(hl, text)
    assert claim["src"] == "die Betreiber" and claim["msg"].startswith("die Betreiber sprechen")


def test_a_relative_clause_that_ends_in_its_verb_is_no_main_clause(hl):
    text = "Er traf die Betreiber, die Arbeitsplätze versprechen."
    assert all(c["src"] != "die Arbeitsplätze" for c in attributed(hl, text))


# ------------------------------------------------------------ a demonstrative object in front


def test_a_club_board_that_announced_this_is_the_source_of_the_sentence_before(hl):
    # "Dies gab X bekannt": a verb that nearly always reports makes its
    # subject the speaker, even a noun no list knows as a body
    text = ("Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB Stuttgart. "
            "Dies gab die Vereinsführung heute Nachmittag auf einer Pressekonferenz bekannt.")
    [claim] = attributed(hl, text)
    assert claim["src"] == "die Vereinsführung" and claim["msg"].startswith("Der Italiener")
