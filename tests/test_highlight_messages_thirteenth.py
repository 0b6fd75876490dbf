"""Message rules the thirteenth round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ a participle is a speech act only with its auxiliary


def test_a_participle_in_an_apposition_names_a_thing_and_reports_no_speech(hl):
    text = "Das Unternehmen, auch als Stratfor bekannt, verkauft Analysen an Regierungen."
    assert attributed(hl, text) == []


def test_a_participle_as_a_sentence_adverb_reports_no_speech(hl):
    text = "Jetzt ermittelt die Polizei auf einer Spur des Piloten, genauer gesagt seines Handys."
    assert attributed(hl, text) == []


def test_a_participle_in_a_comparison_reports_no_speech(hl):
    text = ("Der Mensch der Steinzeit nutzte offenbar schon häufiger als bisher angenommen "
            "stärkehaltige Pflanzen zur Nahrung.")
    assert attributed(hl, text) == []


def test_a_participle_under_sein_is_a_state_not_a_speech_act(hl):
    assert attributed(hl, "Der Schauspieler ist dem Publikum im Fernsehen als Kommissar bekannt.") == []
    assert attributed(hl, "Heute waren 62 Millionen Bundesbürger zur Abgabe ihrer Stimme aufgerufen.") == []


def test_the_same_speech_act_in_the_perfect_is_still_a_claim_of_its_speaker(hl):
    [c] = attributed(hl, "Der Minister hat eine Lösung des Problems angekündigt.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Minister", "angekündigt", A.REPORTED)


# ------------------------------------------------------------ the pluperfect is background


def test_a_speech_act_in_the_pluperfect_without_content_clause_is_background(hl):
    text = "Die Linkspartei hatte bisher immer ein militärisches Engagement der Bundeswehr im Ausland abgelehnt."
    assert attributed(hl, text) == []


def test_a_pluperfect_speech_act_with_a_dass_clause_still_reports_its_content(hl):
    [c] = attributed(hl, "Der Minister hatte erklärt, dass die Steuern nicht steigen würden.")
    assert (c["msg"], c["src"], c["cue"]) == ("dass die Steuern nicht steigen würden", "Der Minister", "erklärt")


# ------------------------------------------------------------ a participle inside a prepositional phrase


def test_a_participle_between_a_prepositions_determiner_and_its_noun_is_an_adjective(hl):
    text = "Die Unterschriften wurden von einem bekannten Rechtsextremisten auf einer Internetseite gesammelt."
    assert attributed(hl, text) == []


def test_a_participle_after_a_year_inside_the_phrase_is_an_adjective_too(hl):
    assert attributed(hl, "In ihrem 2009 veröffentlichten Roman beschreibt die Autorin das Exil.") == []


# ------------------------------------------------------------ a question asserts nothing


def test_a_question_with_a_verb_of_thinking_is_no_claim(hl):
    assert attributed(hl, "Die Experten glauben, das dient nur dazu, mehr Hilfe zu bekommen?") == []
    assert attributed(hl, "Glauben Sie, dass die Regierung die Steuern erhöhen wird?") == []


def test_a_question_with_a_speech_act_is_no_claim_but_the_statement_is(hl):
    assert attributed(hl, "Beobachter kritisieren die Pläne der Regierung?") == []
    [c] = attributed(hl, "Beobachter kritisieren die Pläne der Regierung.")
    assert (c["src"], c["cue"]) == ("Beobachter", "kritisieren")


def test_a_question_inside_a_quotation_is_still_the_speakers_words(hl):
    [c] = attributed(hl, "„Wer kann das glauben?“, fragte der Minister.")
    assert (c["src"], c["attr"]) == ("der Minister", A.DIRECT_QUOTE)


# ------------------------------------------------------------ an agentless passive names no speaker


def test_an_agentless_passive_of_a_speech_verb_is_the_outlets_statement(hl):
    # nobody is named who estimates: the outlet states the figure itself
    assert attributed(hl, "Der Sachschaden wird auf eine deutlich sechsstellige Höhe geschätzt.") == []
    assert attributed(hl, "Als Grund wird eine technische Störung angegeben.") == []


def test_a_passive_with_its_agent_is_still_that_speakers_claim(hl):
    [c] = attributed(hl, "Als Grund wird von der Polizei eine technische Störung angegeben.")
    assert (c["src"], c["cue"], c["attr"]) == ("der Polizei", "angegeben", A.REPORTED)


# ------------------------------------------------------------ a verb of writing names the text


def test_publishing_a_text_without_its_content_is_no_claim(hl):
    text = "Die Firma veröffentlichte am Montag eine erste Analyse über den gescheiterten Start."
    assert attributed(hl, text) == []


def test_a_verb_of_writing_with_what_was_written_is_still_a_claim(hl):
    [c] = attributed(hl, "Die Firma schrieb am Montag, der Start sei gescheitert.")
    assert (c["msg"], c["src"], c["cue"]) == ("der Start sei gescheitert", "Die Firma", "schrieb")


# ------------------------------------------------------------ Konjunktiv I of a verb no list knows


def test_a_konjunktiv_in_the_verb_slot_after_an_adverb_goes_on_reporting_the_speaker(hl):
    text = "Ein Sprecher der Regierung sagte, die Lage im Norden sei ernst. Momentan gebe es etwa 7000 Gefangene."
    first, second = attributed(hl, text)
    assert (second["msg"], second["src"], second["cue"]) == (
        "Momentan gebe es etwa 7000 Gefangene.", "Ein Sprecher der Regierung", "gebe")


def test_a_konjunktiv_after_the_noun_phrase_that_opens_the_sentence_goes_on_too(hl):
    text = "Der Verband kritisierte, die Kosten seien zu hoch. Das Präsidium halte das Verfahren für einen Irrweg."
    first, second = attributed(hl, text)
    assert (second["src"], second["cue"]) == ("Der Verband", "halte")


def test_an_adjective_before_its_noun_in_the_verb_slot_is_no_konjunktiv(hl):
    for text in ("Ein Sprecher der Regierung sagte, die Lage im Norden sei ernst. "
                 "Weitere unsichere Punkte bildeten die Finanzierung und der Zeitplan.",
                 "Ein Sprecher der Regierung sagte, die Lage im Norden sei ernst. "
                 "Auf der Erde gibt es derartige Meldungen nicht."):
        assert len(attributed(hl, text)) == 1


def test_a_complement_in_the_konjunktiv_of_a_verb_no_list_knows_is_what_was_said(hl):
    [c] = attributed(hl, "Der Konzern argumentiert, diese Sorte erspare den Bauern viel Arbeit.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "diese Sorte erspare den Bauern viel Arbeit", "Der Konzern", "argumentiert", A.INDIRECT)


def test_a_pronoun_and_a_konjunktiv_after_the_comma_are_what_was_said(hl):
    [c] = attributed(hl, "Ein Polizeisprecher erklärte, es gehe dem Jungen gut.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "es gehe dem Jungen gut", "Ein Polizeisprecher", "erklärte", A.INDIRECT)


# ------------------------------------------------------------ a colon statement's announcing word


def test_the_word_before_the_colon_announces_a_statement_only_in_the_speakers_own_clause(hl):
    text = ("Die Linke verharrt in den Umfragen bei zehn Prozent, während sich deutliche Verschiebungen ereigneten:\n"
            "Die FDP hat deutlich an Zustimmung verloren.")
    assert attributed(hl, text) == []


def test_a_speaker_who_shows_an_attitude_before_the_colon_still_speaks_the_statement(hl):
    text = "Der Präsident zeigt sich entschlossen:\nDie Armee wird das Land bis zum Ende verteidigen."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "Die Armee wird das Land bis zum Ende verteidigen", "Der Präsident", "entschlossen")


# ------------------------------------------------------------ an open question after the copula


def test_an_ob_clause_after_the_copula_is_an_open_question_not_a_claim(hl):
    text = "Der Sprecher der Feuerwehr ist unsicher, ob noch Menschen in den Trümmern verschüttet sind."
    assert attributed(hl, text) == []


def test_a_dass_clause_after_the_copula_is_still_the_speakers_conviction(hl):
    text = "Die Feuerwehr ist überzeugt, dass noch Menschen in den Trümmern verschüttet sind."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("Die Feuerwehr", "ist überzeugt")


# ------------------------------------------------------------ a fronted adverbial clause sets the scene


def test_a_fronted_adverbial_clause_is_not_part_of_the_speech_act(hl):
    text = ("Während sich die Opposition bisher mit Kritik am Präsidenten zurückgehalten hat, "
            "fordert die Regierungspartei seinen Rücktritt.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "fordert die Regierungspartei seinen Rücktritt.", "die Regierungspartei", "fordert")


# ------------------------------------------------------------ a comparison with "so …, wie man"


def test_so_wie_with_an_impersonal_subject_compares_and_reports_nothing(hl):
    text = "Es folgte ein Schlusswort, das so beeindruckend klang, wie man es nicht erwartet hatte."
    assert attributed(hl, text) == []


def test_a_wie_frame_with_its_speaker_still_reports(hl):
    [c] = attributed(hl, "Die Lage ist ernst, wie der Minister am Montag sagte.")
    assert (c["msg"], c["src"], c["attr"]) == ("Die Lage ist ernst", "der Minister", A.ACCORDING_TO)


# ------------------------------------------------------------ one finite verb to a clause


def test_a_participle_before_its_noun_is_an_adjective_when_the_clause_has_its_verb(hl):
    # the twelfth round's leftover: "kritisierte" is no predicate of "Reform"
    assert attributed(hl, "Die oft kritisierte Reform tritt im Januar in Kraft.") == []
    assert attributed(hl, "Die kritisierte Reform tritt im Januar in Kraft.") == []


def test_an_inflected_participle_opening_the_sentence_is_an_adjective_too(hl):
    text = "Der bekannte Nürnberger Trommler und die Moderatorin hatten die Idee zu dem Stück."
    assert attributed(hl, text) == []


def test_a_finite_speech_verb_after_its_subject_is_still_a_claim(hl):
    [c] = attributed(hl, "Die Gewerkschaft kritisierte die Pläne der Regierung.")
    assert (c["src"], c["cue"], c["attr"]) == ("Die Gewerkschaft", "kritisierte", A.REPORTED)


# ------------------------------------------------------------ a relative clause whose pronoun is the speaker


def test_the_main_clause_after_a_relative_clause_of_its_subject_is_no_complement(hl):
    # the twelfth round's leftover: the spectators greeted, they did not say the rest
    text = ("Zahlreiche Zuschauer, die am Straßenrand standen und die Radfahrer begrüßten, "
            "wurden von dem Auto erfasst.")
    assert attributed(hl, text) == []


def test_the_main_clause_after_a_relative_clause_with_its_own_speaker_is_what_was_said(hl):
    [c] = attributed(hl, "Die Alternative, die Roßberg nannte, ist ein massiver Eingriff in die Kultur.")
    assert (c["msg"], c["src"], c["cue"]) == ("ist ein massiver Eingriff in die Kultur", "Roßberg", "nannte")
