"""Issue 13, fourteenth round: verbs of *mixed* sense (estimate or esteem,
promise or forecast, judge or name) whose valency frame shows the reporting
sense.  A reader's story per frame: the mission's sentence gets its speaker,
and the near-miss with the other sense stays in the outlet's voice."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ schätzen + auf + an amount: an estimate


def test_an_estimate_of_troop_numbers_is_the_pentagons_claim(hl):
    text = "Das Pentagon schätzt die Zahl der Soldaten auf 10.000."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("Das Pentagon", "schätzt")]
    # the content, without the speaker and the verb
    assert claims[0]["msg"].startswith("die Zahl der Soldaten auf 10.000")


def test_an_estimate_in_words_with_a_graded_amount_is_the_estimators(hl):
    text = "Die Polizei schätzt den Schaden auf rund zwei Millionen Euro."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Polizei"]


def test_someone_who_esteems_colleagues_claims_nothing(hl):
    # schätzen with an object alone: to value, no estimate
    assert attributed(hl, "Der Trainer schätzt seine Kollegen sehr.") == []


def test_an_estimate_in_the_passive_without_agent_stays_the_outlets(hl):
    assert attributed(hl, "Der Schaden wird auf 10.000 Euro geschätzt.") == []


# ------------------------------------------------------------ versprechen + dative + accusative: a promise


def test_a_promise_of_support_to_a_country_is_kims_claim(hl):
    text = "Kim Jong Un versprach Russland volle Unterstützung."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("Kim Jong Un", "versprach")]
    assert claims[0]["msg"] == "Russland volle Unterstützung"


def test_a_promise_to_them_is_the_ministers_claim(hl):
    text = "Der Minister versprach ihnen schnelle Hilfe."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Minister"]


def test_a_film_that_promises_to_be_exciting_makes_no_claim(hl):
    # no dative, an adjective: versprechen 'erwarten lassen', a forecast
    assert attributed(hl, "Der Film verspricht spannend zu werden.") == []
    assert attributed(hl, "Der Film verspricht Spannung.") == []


# ------------------------------------------------------------ nennen + two accusatives: a judgement


def test_calling_the_reports_a_provocation_is_lawrows_claim(hl):
    text = "Russlands Außenminister Lawrow nannte die Berichte eine Provokation."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("Russlands Außenminister Lawrow", "nannte")]
    assert claims[0]["msg"] == "die Berichte eine Provokation"


def test_a_judgement_in_the_perfect_is_the_speakers(hl):
    text = "Lawrow hat die Berichte eine Provokation genannt."
    assert [c["src"] for c in attributed(hl, text)] == ["Lawrow"]


def test_parents_who_name_their_son_claim_nothing(hl):
    # the second accusative is a name, not an indefinite noun phrase: naming
    assert attributed(hl, "Die Eltern nannten ihren Sohn Peter.") == []


def test_a_prepositional_phrase_is_no_first_object(hl):
    # "in ihrer Rede" is an adverbial: one object only, no judgement frame
    assert attributed(hl, "Die Kanzlerin nannte in ihrer Rede einen Grund.") == []


# ------------------------------------------------------------ rechnen mit: an expectation


def test_a_doctor_who_expects_more_demand_is_its_speaker(hl):
    text = ("Da Krebsbehandlungen bei jungen Menschen immer häufiger erfolgreich verlaufen, "
            "rechnet Dr. Dittrich mit einem zunehmenden Bedarf an diesem Verfahren.")
    assert [c["src"] for c in attributed(hl, text)] == ["Dr. Dittrich"]


# ------------------------------------------------------------ einschätzen: an assessment


def test_an_ombudsman_who_assesses_a_law_as_a_violation_is_its_speaker(hl):
    # "schätzte … ein": the particle makes the verb of assessing (Duden einschätzen, 'beurteilen')
    text = ("Während die Parlamentarier breite Unterstützung gaben, schätzte der Menschenrechtsbeauftragte "
            "Wladimir Lukin das Gesetz als Verletzung der Kinderrechte ein.")
    assert [c["src"] for c in attributed(hl, text)] == ["der Menschenrechtsbeauftragte Wladimir Lukin"]


def test_experts_who_assess_the_situation_as_serious_are_its_speakers(hl):
    assert [c["src"] for c in attributed(hl, "Experten schätzen die Lage als ernst ein.")] == ["Experten"]
