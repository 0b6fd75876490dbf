"""What the grammar-only lexicons (issue 13, thirteenth round) teach the
rules in place of SpkAtt's counts: a reader's story per rule."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ a lemma's meaning


def test_a_verb_that_nearly_always_reports_makes_a_claim_with_only_its_object(hl):
    [c] = attributed(hl, "Die Opposition kritisierte die Pläne der Regierung.")
    assert (c["src"], c["cue"], c["attr"]) == ("Die Opposition", "kritisierte", A.REPORTED)


def test_a_verb_with_other_common_senses_makes_no_claim_without_a_complement(hl):
    assert attributed(hl, "Der Minister erklärte den Schülern die neue Regel.") == []
    assert attributed(hl, "Die Zuschauer sahen das Spiel.") == []


def test_a_verb_that_only_a_clause_gives_content_makes_no_claim_alone(hl):
    assert attributed(hl, "Der Sprecher antwortete am Abend.") == []


def test_the_preposition_of_the_reporting_sense_makes_the_claim(hl):
    assert attributed(hl, "Der Minister sprach am Montag mit den Bürgern.") == []
    [c] = attributed(hl, "Der Minister sprach am Montag von einem großen Erfolg.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Minister", "sprach", A.REPORTED)
    [c] = attributed(hl, "Der Generalsekretär beschrieb den Schritt als Zeichen der Verzweiflung.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Generalsekretär", "beschrieb", A.REPORTED)


# ------------------------------------------------------------ a form's grammar


def test_a_lexicalised_participle_is_an_adjective_not_a_verb(hl):
    assert attributed(hl, "Der bekannte Autor stellte sein neues Buch vor.") == []


def test_a_participle_in_the_pluperfect_is_background_in_the_present_perfect_the_news(hl):
    assert attributed(hl, "Der Rat hatte den Antrag bereits im Mai abgelehnt.") == []
    [c] = attributed(hl, "Der Präsident hat vor einer Eskalation gewarnt.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Präsident", "gewarnt", A.REPORTED)


def test_a_strong_verbs_konjunktiv_carries_the_speech_on(hl):
    cs = attributed(hl, "Der Sprecher sagte, die Lage sei ruhig. Es gebe keine Verletzten.")
    assert [(c["msg"], c["src"]) for c in cs] == [("die Lage sei ruhig", "Der Sprecher"),
                                                  ("Es gebe keine Verletzten.", "Der Sprecher")]


def test_a_capitalised_konjunktiv_form_is_a_noun(hl):
    assert attributed(hl, "Im Falle einer Verurteilung droht dem Mann eine lange Haftstrafe.") == []
