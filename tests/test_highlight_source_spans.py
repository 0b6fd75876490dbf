"""Source spans and frames the second round of issue 13 fixed: a reader's
story per rule (what the annotator sees as source, cue and claim)."""

from __future__ import annotations

import pytest
from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims as claims_of

from annotator.core.models import Attribution as A


def test_a_wie_frame_whose_speaker_has_an_apposition_is_attributed_to_the_whole_speaker(hl):
    text = ("Wie die Premierministerin von Queensland, Anna Bligh, erklärte, habe sie den Zivilschutz "
            "in Bereitschaft versetzt.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "habe sie den Zivilschutz in Bereitschaft versetzt",
        "die Premierministerin von Queensland, Anna Bligh", "erklärte", A.ACCORDING_TO)


def test_a_name_that_starts_with_its_particle_is_a_speaker(hl):
    text = "Wie de Maizière darlegte, handelte es sich um einen Testkoffer."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("de Maizière", "darlegte")


def test_a_comparison_with_so_wie_is_no_attribution(hl):
    text = "Die Auswirkungen werden nicht so verheerend sein, wie zunächst angenommen."
    assert attributed(hl, text) == []


def test_a_date_after_the_source_is_not_part_of_it(hl):
    text = "Nach Angaben der Polizei vom Dienstag wurden 46 Beamte leicht verletzt."
    [c] = attributed(hl, text)
    assert c["src"] == "Angaben der Polizei"


def test_a_time_adverbial_in_the_subject_slot_is_no_speaker(hl):
    text = "Ende August berichtete, dass die Anschuldigungen schwer wiegen."
    assert all(c["src"] != "Ende August" for c in claims_of(hl, text))


def test_a_role_with_a_coordinated_fuer_complement_takes_its_bearers_name(hl):
    text = "Der Minister für Umwelt und ländliche Entwicklung Hans Meier sagte, die Lage sei ernst."
    [c] = attributed(hl, text)
    assert c["src"] == "Der Minister für Umwelt und ländliche Entwicklung Hans Meier"


def test_a_quoted_name_is_not_its_own_speaker(hl):
    text = "Die Blu-ray-Disc wurde mit dem Profil 1.0, genannt „BRD-Video“, im Jahre 2006 eingeführt."
    assert all(c["msg"] != "„BRD-Video“" for c in attributed(hl, text))


@pytest.mark.parametrize("text, source", [
    ("Am Montag erklärten SPD und Linke, der Wohnraum dürfe nicht zu teuer werden.", "SPD und Linke"),
    ("Die Union sowie auch die FDP erklärten, die Gesetze seien ausreichend.", "Die Union sowie auch die FDP"),
])
def test_coordinated_speakers_are_one_source(hl, text, source):
    [c] = attributed(hl, text)
    assert c["src"] == source


def test_a_singular_verb_after_its_subject_takes_no_coordination(hl):
    text = "„Wir bleiben“, sagte Merkel und Macron nickte."
    assert [c["src"] for c in attributed(hl, text)] == ["Merkel"]


def test_a_surname_that_is_also_a_function_word_stays_in_the_name(hl):
    text = "Es bestehe Gefahr für Leib und Leben, sagte Lothar Nicht, Ordnungsdezernent der Stadt Cottbus."
    [c] = attributed(hl, text)
    assert c["src"] == "Lothar Nicht, Ordnungsdezernent der Stadt Cottbus"


def test_an_institutions_purpose_belongs_to_its_name(hl):
    text = "Es drohe eine zweite Katastrophe, sagte Elizabeth Byrs vom UN-Büro zur Koordinierung von Hilfsmaßnahmen."
    [c] = attributed(hl, text)
    assert c["src"] == "Elizabeth Byrs vom UN-Büro zur Koordinierung von Hilfsmaßnahmen"


def test_a_frame_before_a_reporting_verb_is_not_its_message(hl):
    text = ("Nach Angaben von Sam Maiha, dem Direktor der Wetterbehörde, hatten die Meteorologen "
            "vor hohem Wellengang gewarnt.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["attr"]) == (
        "hatten die Meteorologen vor hohem Wellengang gewarnt",
        "Angaben von Sam Maiha, dem Direktor der Wetterbehörde", A.ACCORDING_TO)


def test_speech_continued_after_a_nested_frame_belongs_to_the_speaker_not_the_medium(hl):
    text = ("Laut CNN hat Verteidigungsminister Leon Panetta verkündet, der Übergangsrat wolle die Truppen behalten. "
            "Die Entscheidung wolle er der NATO überlassen.")
    claims = attributed(hl, text)
    assert claims[-1]["msg"] == "Die Entscheidung wolle er der NATO überlassen."
    assert claims[-1]["src"] == "Verteidigungsminister Leon Panetta"
