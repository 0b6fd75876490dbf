"""Source rules of issue 13's sixth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a relative clause after a preposition


def test_a_note_in_which_he_demanded_something_is_his_demand_not_the_sentences_subject(hl):
    text = ("Der Mann hinterließ einen Zettel, in dem er verlangte, dass weder Polizei noch "
            "Presse eingeschaltet werden sollten.")
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("dass weder")]
    assert [(c["src"], c["cue"]) for c in claims] == [("er", "verlangte")]


def test_a_preposition_with_an_article_after_a_comma_is_no_relative_clause(hl):
    text = ("Nun hat sich der EU-Kommissar für Kultur, Ján Figeľ, zu den Plänen der polnischen "
            "Regierung geäußert: Die Pflichten der Union seien klar festgelegt.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert "Plänen der polnischen Regierung" not in sources


# ------------------------------------------------------------ continued speech after a speaker without a message


def test_continued_speech_after_a_speculating_official_is_his_not_the_earlier_witnesses(hl):
    text = ("Ohrenzeugen berichteten, es habe einen lauten Knall gegeben. "
            "Der Flugbetriebsleiter, Reinhard Kraxner, spekulierte über einen toten Winkel als Ursache. "
            "So sei bei einem Hubschrauber die Sicht nach oben eingeschränkt.")
    continued = [c for c in attributed(hl, text) if c["msg"].startswith("So sei")]
    assert [c["src"] for c in continued] == ["Der Flugbetriebsleiter, Reinhard Kraxner"]


def test_a_named_speculator_without_speech_before_him_starts_no_continued_speech(hl):
    # only where speech is carried on anyway does he take it over; the
    # Konjunktiv-I sentence is still reported speech, of a speaker not named
    text = ("Die Lage im Hafen ist ruhig. Reinhard Kraxner spekulierte über die Ursache. "
            "Der Schaden sei gering.")
    assert [c["src"] for c in attributed(hl, text)] == [None]


# ------------------------------------------------------------ subjects after the verb


def test_a_taliban_leader_named_in_an_apposition_before_the_participle_is_the_whole_speaker(hl):
    text = ("Vor kurzem hatte ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärt, "
            "die Taliban würden ausländische Soldaten töten.")
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("die Taliban")]
    assert [c["src"] for c in claims] == ["ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud"]


def test_only_the_prisons_declared_it_the_focus_word_is_not_the_speaker(hl):
    text = ("Von den öffentlichen Einrichtungen erklärten nur die Gefängnisse, aus Sicherheitsgründen "
            "nicht an der Aktion teilnehmen zu wollen.")
    assert [c["src"] for c in attributed(hl, text)] == ["die Gefängnisse"]


def test_es_after_the_verb_is_the_object_when_a_speaker_follows_it(hl):
    text = "Als wichtige Aufgabe sah es Köhler an, eine Reform der Sozialsysteme voranzutreiben."
    assert [c["src"] for c in attributed(hl, text)] == ["Köhler"]
    text = "Zunächst sah es das Gericht als erwiesen an, dass sie gegen die Ordnung verstoßen hatte."
    assert [c["src"] for c in attributed(hl, text)] == ["das Gericht"]


def test_so_confirms_the_court_gives_the_continued_sentence_to_the_court(hl):
    text = ("Ein Gericht in Virginia folgte dem Eilantrag von John Demjanjuk, dass er nicht verhandlungsfähig sei. "
            "Der Flug käme für Demjanjuk einer Folter gleich, so bestätigt das Gericht.")
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("Der Flug")]
    assert [(c["src"], c["cue"]) for c in claims] == [("das Gericht", "bestätigt")]


def test_a_clause_joined_by_a_comma_alone_has_its_own_speaker(hl):
    text = ("Kulturministerin Susanne Eisenmann (CDU) wies diese Behauptung zurück, die bildungspolitische "
            "Sprecherin der Regierungsfraktion, Sandra Boser (GRÜNE), erklärte: "
            "„Neiddebatten sind völlig fehl am Platz.“")
    speaker = "die bildungspolitische Sprecherin der Regierungsfraktion, Sandra Boser (GRÜNE)"
    assert [c["src"] for c in attributed(hl, text)] == [speaker]


def test_a_second_verb_after_a_comma_without_a_subject_keeps_the_first_speaker(hl):
    text = "Die Anwohner monieren den Lärm, sprechen aber davon, dass die Lage sich bessere."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Anwohner"]


# ------------------------------------------------------------ coordinated verbs and names


def test_netanyahu_who_judged_and_named_the_order_is_the_speaker_not_the_order(hl):
    text = ("In seiner Stellungnahme befand der israelische Premierminister Benjamin Netanyahu den US-Luftangriff "
            "als gerechtfertigt und nannte Trumps Angriffsauftrag „schnell, kraftvoll und entschieden“.")
    quotes = [c for c in attributed(hl, text) if c["msg"].startswith("„schnell")]
    assert [c["src"] for c in quotes] == ["der israelische Premierminister Benjamin Netanyahu"]


def test_den_after_a_name_starts_the_object_not_a_name_particle(hl):
    text = "Zudem bestritten die Taliban den Menschen gegenüber, für die Truppen spioniert zu haben."
    assert "die Taliban den Menschen" not in [c["src"] for c in attributed(hl, text)]


# ------------------------------------------------------------ agentless claims in continued reported speech


def test_an_agentless_estimate_in_konjunktiv_after_a_bbc_report_is_the_reports(hl):
    text = ("Nach einem Bericht der BBC seien 62 Studien aus Asien ausgewertet worden. "
            "Es werde geschätzt, dass jährlich 1,6 Millionen Babys Infektionen zum Opfer fallen.")
    estimate = [c for c in attributed(hl, text) if c["msg"].startswith("dass jährlich")]
    assert [c["src"] for c in estimate] == ["einem Bericht der BBC"]


def test_an_agentless_passive_in_the_indicative_stays_without_speaker(hl):
    text = ("Nach einem Bericht der BBC seien 62 Studien ausgewertet worden. "
            "Es wird geschätzt, dass jährlich 1,6 Millionen Babys Infektionen zum Opfer fallen.")
    estimate = [c for c in attributed(hl, text) if c["msg"].startswith("dass jährlich")]
    assert all(c["src"] is None for c in estimate)


# ------------------------------------------------------------ relative pronouns and object-first sentences


def test_egypt_which_proposed_it_is_the_proposals_speaker_through_the_relative_pronoun(hl):
    text = ("Ein neuer Vorschlag kam auf der Sitzung der IAEA von Ägypten, das vorschlug, "
            "im Nahen Osten eine nuklearwaffenfreie Zone einzurichten.")
    sources = [c["src"] for c in attributed(hl, text)]  # "das", shown as what it points to
    assert len(sources) == 1 and "Ägypten" in sources[0] and "Vorschlag" not in sources[0]


def test_a_postponement_in_front_is_the_object_conze_who_calls_it_fatal_the_speaker(hl):
    text = "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal."
    assert [c["src"] for c in attributed(hl, text)] == ["Conze"]


def test_a_press_release_described_by_a_relative_clause_still_announces_the_passive_claim(hl):
    text = ("In einer Presseerklärung, die am Mittwoch in Banja Luka veröffentlicht wurde, wurde verkündet, "
            "dass die Serben alle Verantwortlichen vor Gericht bringen wollen.")
    assert [c["src"] for c in attributed(hl, text)] == ["einer Presseerklärung"]


def test_end_of_january_in_front_is_a_time_not_the_speaker(hl):
    text = "Ende Januar verkündete der Verband dann offiziell, dass man sich bewerben werde."
    assert [c["src"] for c in attributed(hl, text)] == ["der Verband"]


def test_an_agentless_demand_reported_with_so_x_is_that_speakers(hl):
    text = ("Ägypten wird inzwischen aufgefordert, die Grenze zum Gazastreifen zu öffnen, "
            "so Hisbollah-Chef Hassan Nasrallah im libanesischen Fernsehen.")
    assert [c["src"] for c in attributed(hl, text)] == ["Hisbollah-Chef Hassan Nasrallah"]


def test_a_lone_reporting_verb_or_verb_and_es_makes_no_speaker_and_no_error(hl):
    for text in ("erklärte", "erklärte es", "sagte nur"):
        assert all(c["src"] is None for c in attributed(hl, text))
