"""Source rules of issue 13's seventh round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a passive's subject speaks no continued speech


def test_an_association_that_was_dissolved_does_not_speak_the_next_konjunktiv_sentence(hl):
    # "wurde … aufgelöst": the association is what was done to, not who spoke;
    # the Konjunktiv-I sentence stays reported speech of a speaker not named
    text = "Der Verband wurde am Samstag aufgelöst. Die Mitglieder seien enttäuscht."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [(None, "seien")]


def test_an_association_that_will_make_demands_still_speaks_the_next_sentence(hl):
    # "wird … stellen" is the future of an active verb, not a passive
    text = "Der Verband wird am Samstag neue Forderungen stellen. Die Mitglieder seien enttäuscht."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("Der Verband", "seien")]


# ------------------------------------------------------------ "X für Y" named by its bearer


def test_a_commissioner_for_two_portfolios_named_after_them_is_the_whole_speaker(hl):
    # "Kommissar" is in no role list: the name right after "für …" makes it a title
    text = ("Am Montag erklärte der Kommissar für Erweiterung und europäische Nachbarschaftspolitik "
            "Štefan Füle, man werde Verhandlungen einleiten.")
    assert [c["src"] for c in attributed(hl, text)] == [
        "der Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle"]


def test_a_minister_who_campaigned_for_reforms_is_not_named_with_them(hl):
    text = "Der Minister warb für Reformen und sagte, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Minister"]
