"""Message rules the twelfth round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ a speech act that announces a statement


def test_a_speech_act_ending_in_a_colon_is_the_reporting_event_and_the_statement_after_it_the_claim(hl):
    text = ("Der Senatssprecher Richard Meng kritisierte den harten Gewerkschaftskurs:\n"
            "Die Forderungen der Gewerkschaft seien überzogen und gefährdeten Arbeitsplätze.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["attr"]) == (
        "Die Forderungen der Gewerkschaft seien überzogen und gefährdeten Arbeitsplätze.",
        "Der Senatssprecher Richard Meng", A.INDIRECT)


def test_a_quotation_after_the_colon_is_the_claim_with_the_announcing_verb_as_cue(hl):
    text = ("Der Senatssprecher Richard Meng kritisierte den harten Gewerkschaftskurs:\n"
            "„Diese Forderungen sind völlig überzogen.“")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "„Diese Forderungen sind völlig überzogen.“", "Der Senatssprecher Richard Meng", "kritisierte",
        A.DIRECT_QUOTE)


def test_the_same_speech_act_ending_in_a_full_stop_is_still_a_reported_claim(hl):
    [c] = attributed(hl, "Der Senatssprecher Richard Meng kritisierte den harten Gewerkschaftskurs.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Senatssprecher Richard Meng", "kritisierte", A.REPORTED)


# ------------------------------------------------------------ an adverbial clause in the prefield


def test_an_adverbial_clause_before_the_verb_is_not_what_the_speaker_said(hl):
    # "fordert" after the comma is the main clause's verb, not an inverted "…, sagte X"
    text = ("Während sich die Opposition bisher mit Kritik am Präsidenten zurückgehalten hat, "
            "fordert die Regierungspartei seinen Rücktritt.")
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == ("die Regierungspartei", "fordert", A.REPORTED)
    assert c["msg"] != "Während sich die Opposition bisher mit Kritik am Präsidenten zurückgehalten hat"


def test_a_reason_clause_before_the_verb_is_not_a_message_either(hl):
    text = ("Da Krebsbehandlungen bei jungen Menschen immer häufiger erfolgreich verlaufen, "
            "rechnet die Stiftung mit mehr Anträgen.")
    assert all(c["attr"] != A.INDIRECT for c in attributed(hl, text))


def test_a_main_clause_before_the_comma_is_still_what_the_speaker_said(hl):
    [c] = attributed(hl, "Die Lage in der Region sei angespannt, sagte der Minister am Montag.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "Die Lage in der Region sei angespannt", "der Minister", "sagte", A.INDIRECT)


# ------------------------------------------------------------ Konjunktiv II after reported speech


def test_a_singular_konjunktiv_ii_after_reported_speech_is_the_writers_condition(hl):
    # "müsste": Konjunktiv I "müsse" exists, so this is no stand-in for reported speech
    text = ("Der Minister sagte, die Verhandlungen seien gescheitert. Im Falle eines Programmstopps müsste "
            "der Konzern bereits erhaltene Zahlungen zurückzahlen.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("die Verhandlungen seien gescheitert", "Der Minister", "sagte")


def test_a_singular_wuerde_after_reported_speech_carries_no_speaker_on(hl):
    text = ("Der Minister sagte, die Verhandlungen seien gescheitert. Damit würde auch der Zeitplan zur "
            "Disposition gestellt.")
    assert [c["msg"] for c in attributed(hl, text)] == ["die Verhandlungen seien gescheitert"]


def test_a_plural_konjunktiv_ii_still_carries_the_speaker_on(hl):
    # "sie werden" looks like the indicative: "würden" stands in for it
    text = "Der Minister sagte, die Verhandlungen seien gescheitert. Die Preise würden danach deutlich steigen."
    first, second = attributed(hl, text)
    assert (second["msg"], second["src"], second["cue"], second["attr"]) == (
        "Die Preise würden danach deutlich steigen.", "Der Minister", "würden", A.INDIRECT)


# ------------------------------------------------------------ a speech act still to come


def test_a_speech_act_in_the_future_has_not_happened_and_is_no_reported_claim(hl):
    # "wird … fordern": the outlet predicts a demand; nobody has demanded anything yet
    assert attributed(hl, "Die Opposition wird einen Untersuchungsausschuss fordern.") == []
    assert attributed(hl, "Die Kommission wird am Montag über die Ergebnisse der Untersuchung berichten.") == []


def test_a_passive_with_werden_still_reports_its_speech_act(hl):
    # "wird … angegeben" is a participle, which "werden" governs in the passive
    # (with its agent: an agentless passive names no speaker, thirteenth round)
    [c] = attributed(hl, "Als Grund wird von der Polizei eine technische Störung angegeben.")
    assert (c["src"], c["cue"], c["attr"]) == ("der Polizei", "angegeben", A.REPORTED)


# ------------------------------------------------------------ a denied speech act


def test_a_denied_speech_act_said_nothing(hl):
    assert attributed(hl, "Der Sprecher bestätigte den Tod des Mannes bisher nicht.") == []


def test_not_only_is_no_denial(hl):
    [c] = attributed(hl, "Der Präsident kritisierte nicht nur die Regierung, sondern auch die Opposition.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Präsident", "kritisierte", A.REPORTED)


def test_a_denied_evaluation_still_says_what_it_is_not(hl):
    [c] = attributed(hl, "Der Trainer bezeichnete die Niederlage nicht als Katastrophe.")
    assert (c["src"], c["cue"], c["attr"]) == ("Der Trainer", "bezeichnete", A.REPORTED)


# ------------------------------------------------------------ an inverted verb with an adverbial before the subject


def test_time_before_the_speaker_of_an_inverted_verb(hl):
    [c] = attributed(hl, "Die Lage sei angespannt, sagte am Montag der Minister.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == ("Die Lage sei angespannt", "der Minister", "sagte", A.INDIRECT)


def test_time_and_place_before_the_speaker_of_an_inverted_verb(hl):
    text = "Die Lage in der Region ist angespannt, sagte gestern in Berlin ein Sprecher des Ministeriums."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "Die Lage in der Region ist angespannt", "ein Sprecher des Ministeriums", "sagte")


def test_an_addressee_before_the_speaker_of_an_inverted_verb(hl):
    [c] = attributed(hl, "Die Lage ist angespannt, sagte gegenüber der Zeitung ein Sprecher.")
    assert (c["msg"], c["src"], c["cue"]) == ("Die Lage ist angespannt", "ein Sprecher", "sagte")


# ------------------------------------------------------------ seeing is no view


def test_seeing_something_is_no_reported_view(hl):
    assert attributed(hl, "Der Kommissar sieht die Täter auf dem Video der Überwachungskamera.") == []


def test_seeing_something_as_something_is_a_reported_view(hl):
    [c] = attributed(hl, "Die Gewerkschaft sieht die Reform als Gefahr für die Beschäftigten.")
    assert (c["src"], c["cue"], c["attr"]) == ("Die Gewerkschaft", "sieht", A.REPORTED)


# ------------------------------------------------------------ a participle used as an adjective


def test_a_participle_between_determiner_and_noun_is_no_speech_act(hl):
    # "bestätigte" is an adjective here ("eine bereits bestätigte Zahl"), not the preterite
    assert attributed(hl, "Die Polizei veröffentlichte am Abend eine bereits bestätigte Zahl von Opfern.") == []


def test_the_same_form_as_the_finite_verb_is_still_a_speech_act(hl):
    [c] = attributed(hl, "Die Polizei bestätigte am Abend die Zahl der Opfer.")
    assert (c["src"], c["cue"]) == ("Die Polizei", "bestätigte")


# ------------------------------------------------------------ the separated particle names the verb


def test_a_particle_verb_of_thinking_reports_a_view_whatever_its_bare_form_counts(hl):
    # "gehen" alone is mostly walking; "gehen … von … aus" is assuming
    [c] = attributed(hl, "Gutachter der Versicherung gehen von einem Totalschaden aus.")
    assert (c["src"], c["cue"], c["attr"]) == ("Gutachter der Versicherung", "gehen", A.REPORTED)


def test_the_bare_verb_without_its_particle_is_no_speech_act(hl):
    assert attributed(hl, "Der Minister geht heute nach Hause.") == []
