"""Message rules the seventh round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ "wie X sagte" frames


def test_an_adverb_after_wie_does_not_hide_the_speaker(hl):
    text = "Wie schon die WHO sagte, ist die Lage in der Region ernst."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "ist die Lage in der Region ernst", "die WHO", "sagte", A.ACCORDING_TO)


def test_wie_bereits_berichtet_still_has_no_speaker(hl):
    text = "Wie bereits berichtet, wird das Gesetz im Sommer geändert."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("wird das Gesetz im Sommer geändert", None, "berichtet")


# ------------------------------------------------------------ noun cues: the holder of an opinion


def test_the_whole_front_field_holds_the_opinion_of_ist_der_ansicht(hl):
    text = ("Die Deutsche Schutzvereinigung für Wertpapierbesitz (DSW) ist der Ansicht, dass das "
            "Gesetz zu einer geringen Produktivität führe.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "dass das Gesetz zu einer geringen Produktivität führe",
        "Die Deutsche Schutzvereinigung für Wertpapierbesitz (DSW)", "Ansicht", A.INDIRECT)


# ------------------------------------------------------------ colon statements


def test_a_passive_before_a_colon_announces_no_statement_of_its_subject(hl):
    text = ("Saddam Hussein wurde zunächst wegen des Massakers von Dudschail angeklagt:\n"
            "Am 8. Juli 1982 scheiterte ein Attentat auf Hussein, und er ließ als Strafe das Dorf bombardieren.")
    assert attributed(hl, text) == []


def test_a_quoted_statement_still_follows_a_passive_announcement(hl):
    text = ("Der Verfasser wurde am Montag zu dem Vorfall befragt:\n"
            "„Wir haben von der Liste nichts gewusst und werden sie sofort löschen.“")
    [c] = attributed(hl, text)
    assert (c["src"], c["attr"]) == ("Der Verfasser", A.REPORTED)


# ------------------------------------------------------------ phrase cues


def test_a_dass_clause_after_a_subordinate_clause_is_not_the_main_subjects_speech(hl):
    text = ("Die Beamten des Sondereinsatzkommandos nahmen den Täter fest, nachdem klar war, "
            "dass sich das Mädchen in Sicherheit befand.")
    assert attributed(hl, text) == []


def test_a_predicate_of_the_main_clause_still_makes_a_phrase_cue(hl):
    text = "Die Weltgesundheitsorganisation hält es für unwahrscheinlich, dass sich das Virus weiter ausbreitet."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("Die Weltgesundheitsorganisation", "hält es für unwahrscheinlich")


# ------------------------------------------------------------ continued speech


def test_a_plan_with_soll_after_a_sentence_without_speech_is_the_outlets(hl):
    text = ("US-Präsident Barack Obama will die Atomkraft stärker fördern. "
            "Der Ausbau der Kernenergie soll einen Beitrag zum Klimaschutz leisten.")
    assert attributed(hl, text) == []


def test_soll_after_a_speech_act_still_continues_the_speaker(hl):
    text = ("Der Minister kündigte an, dass die Steuern sinken. "
            "Der Ausbau der Kernenergie soll einen Beitrag zum Klimaschutz leisten.")
    srcs = [c["src"] for c in attributed(hl, text)]
    assert srcs == ["Der Minister", "Der Minister"]


# ------------------------------------------------------------ verb-second complements


def test_the_main_clause_after_a_relative_clause_with_a_reporting_verb_is_no_complement(hl):
    text = ("Dieser Plan, der von der Stadt Hamburg seit Jahren gefordert wird, "
            "war bislang an leeren Kassen gescheitert.")
    assert attributed(hl, text) == []


def test_a_verb_second_complement_in_konjunktiv_i_is_still_the_message(hl):
    text = "Der Minister sagte am Montag, die Lage sei ernst."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("die Lage sei ernst", "Der Minister", "sagte")
