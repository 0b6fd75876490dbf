"""Source rules of issue 13's ninth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a comma-joined clause with its own subject


def test_the_minister_who_contradicts_after_a_comma_is_the_speaker(hl):
    # "X machen … verantwortlich, der Innenminister hingegen spricht von …":
    # the subject in front belongs to the first clause; the verb's own
    # subject stands after the comma, before "hingegen"
    text = ("Die Anwohner machen die Polizei verantwortlich, der Innenminister hingegen spricht von einem "
            "Angriff, der lange geplant gewesen sei.")
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("der Innenminister", "spricht")]


# ------------------------------------------------------------ a passive with a quoted predicative


def test_the_opposition_that_called_a_proposal_inadequate_is_the_speaker(hl):
    # "als „…“" is a predicative inside the clause: the auxiliary before it
    # makes the participle a passive, whose "von X" agent spoke
    text = "Der Vorschlag wurde von der Opposition als „völlig unzureichend“ kritisiert."
    assert [c["src"] for c in attributed(hl, text)] == ["der Opposition"]


def test_the_weather_service_not_the_forest_fires_rates_the_danger(hl):
    # the last "von" before the participle is the agent; "die Gefahr von
    # Waldbränden" is the subject's own attribute
    text = "Im Norden wird die Gefahr von Waldbränden vom Deutschen Wetterdienst als „sehr hoch“ eingestuft."
    assert [c["src"] for c in attributed(hl, text)] == ["Deutschen Wetterdienst"]


# ------------------------------------------------------------ a nobility particle after an unseen given name


def test_a_baron_named_with_zu_is_the_whole_speaker(hl):
    # the lexicon knows "Guttenberg" as a capitalised word too often to call it
    # a name, but an unseen given name before "zu" opens a noble's name
    text = "Karl-Theodor zu Guttenberg, Obmann der Fraktion, warf der Regierung vor, sie habe versagt."
    assert [c["src"] for c in attributed(hl, text)] == ["Karl-Theodor zu Guttenberg, Obmann der Fraktion"]


# ------------------------------------------------------------ an adverb of duration in front


def test_years_long_is_no_name_the_authorities_claimed_it(hl):
    # "Jahrelang", "Monatelang": capitalised at the sentence start and rarely
    # seen, yet an adverb by its form; the subject follows the verb
    text = "Jahrelang hatten die Behörden behauptet, es gebe kein Problem."
    assert [c["src"] for c in attributed(hl, text)] == ["die Behörden"]
