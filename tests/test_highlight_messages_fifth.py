"""Message rules the fifth round of issue 13 added: a reader's story per cue
family or rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ reported speech acts: what was said


def test_a_speech_act_whose_quoted_words_end_the_sentence_has_the_quotation_as_message(hl):
    text = "Der Ordnungsdezernent der Stadt sprach von einer „Gefahr für Leib und Leben“."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("„Gefahr für Leib und Leben“", "Der Ordnungsdezernent der Stadt",
                                              "sprach")


def test_a_quotation_in_the_middle_of_a_speech_act_leaves_the_whole_sentence_as_message(hl):
    text = "Der Minister kritisierte die „Blockade“ der Opposition im Bundesrat scharf."
    [c] = attributed(hl, text)
    assert c["msg"].startswith("Der Minister kritisierte")


def test_a_relative_clause_in_konjunktiv_after_a_speech_acts_object_is_what_was_said(hl):
    text = ("Die Süddeutsche Zeitung berichtet in ihrem Artikel von einem undichten Ventil, "
            "das den Piloten zur Rückkehr bewogen habe.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("das den Piloten zur Rückkehr bewogen habe",
                                              "Die Süddeutsche Zeitung", "berichtet")


def test_a_relative_clause_in_the_indicative_is_part_of_the_whole_speech_act(hl):
    text = "Der Minister kündigte eine Reform an, die im Frühjahr in Kraft tritt."
    [c] = attributed(hl, text)
    assert c["msg"].startswith("Der Minister kündigte")


# ------------------------------------------------------------ complement clauses after an apposition


def test_an_apposition_after_the_speaker_does_not_hide_the_dass_clause(hl):
    text = ("Sechs Tage nach der Veröffentlichung meldete der vatikaneigene Radiosender, Radio Vatikan, "
            "dass die Enzyklika bereits in dritter Auflage erschienen ist.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["cue"], c["attr"]) == ("dass die Enzyklika bereits in dritter Auflage erschienen ist",
                                               "meldete", A.INDIRECT)
    assert c["src"].startswith("der vatikaneigene Radiosender")


def test_an_apposition_of_the_newspaper_does_not_hide_the_reported_speech(hl):
    text = ("Hierzu schrieb der Journalist Eduardo Dâmaso in der Zeitung Correio, einem Boulevardblatt, "
            "die Gesellschaft sei derzeit gespalten.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["cue"]) == ("die Gesellschaft sei derzeit gespalten", "schrieb")


# ------------------------------------------------------------ reported attitudes


def test_a_speakers_expectation_without_a_clause_is_their_reported_claim(hl):
    text = "Die Polizei geht nach der Auffindesituation von einem Verbrechen aus."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == ("Die Polizei", "geht", A.REPORTED)


def test_a_fear_of_critics_is_their_reported_claim(hl):
    text = "Kritiker fürchten Interessenkonflikte."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("Kritiker", "fürchten")


# ------------------------------------------------------------ frames whose source fills the prefield


def test_a_zufolge_frame_whose_source_no_phrase_rule_reads_takes_the_whole_prefield(hl):
    text = ("Einer Presseerklärung des Verbandes Deutscher Realschullehrer (VDR) zufolge nahmen an der "
            "heutigen Kundgebung mehrere tausend Lehrer teil.")
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == ("Einer Presseerklärung des Verbandes Deutscher Realschullehrer (VDR)",
                                               "zufolge", A.ACCORDING_TO)
    assert c["msg"] == "nahmen an der heutigen Kundgebung mehrere tausend Lehrer teil"


def test_a_relative_clause_about_the_frames_source_belongs_to_the_frame_not_the_message(hl):
    text = "Nach Angaben der Armee, die aber nicht überprüft werden können, waren die meisten Opfer Zivilisten."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("waren die meisten Opfer Zivilisten", "Angaben der Armee", "Nach")


def test_a_relative_clause_inside_the_message_after_a_frame_stays_in_the_message(hl):
    text = "Laut der Polizei wurden die Männer, die am Montag festgenommen worden waren, wieder freigelassen."
    [c] = attributed(hl, text)
    assert "die am Montag festgenommen worden waren" in c["msg"]


# ------------------------------------------------------------ verb-second complements without Konjunktiv I


def test_reported_speech_in_a_konjunktiv_ii_that_looks_like_the_preterite_is_the_verbs_complement(hl):
    text = "Am Abend warnte er, Thaksins Leute verfolgten ihre eigenen Ziele."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == ("Thaksins Leute verfolgten ihre eigenen Ziele", "er",
                                                         "warnte", A.INDIRECT)


def test_reported_speech_in_the_indicative_after_a_comma_is_the_verbs_complement(hl):
    text = "Der Sprecher betonte, Annabi lebt noch."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("Annabi lebt noch", "Der Sprecher", "betonte")


# ------------------------------------------------------------ "heißt es"


def test_the_prefield_before_heisst_es_is_the_frame_and_names_the_document(hl):
    text = ("In der Ankündigung des ständigen Sekretärs des Nobelkomitees von heute Mittag heißt es, "
            "der Preis gehe an Herta Müller.")
    [c] = attributed(hl, text)
    assert c["msg"] == "der Preis gehe an Herta Müller"
    assert c["src"] == "der Ankündigung des ständigen Sekretärs des Nobelkomitees von heute Mittag"


def test_an_adverb_before_hiess_es_is_not_part_of_what_was_said(hl):
    text = "Bisher hieß es, die Ausgleichsphase solle erst kurz vor der Pension beginnen."
    [c] = attributed(hl, text)
    assert c["msg"] == "die Ausgleichsphase solle erst kurz vor der Pension beginnen"


def test_a_zu_infinitive_clause_opening_with_an_article_is_the_verbs_complement_not_a_relative_clause(hl):
    text = ("Colomer empfahl dem Gericht, der vor zweieinhalb Jahren angestrengten Klage der EU-Kommission "
            "stattzugeben.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "der vor zweieinhalb Jahren angestrengten Klage der EU-Kommission stattzugeben", "Colomer", "empfahl",
        A.INDIRECT)


def test_a_verb_second_complement_that_opens_with_an_adverb_is_the_verbs_complement(hl):
    text = "Der Sprecher erklärte, vermutlich kommt der Zug erst am Abend an."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("vermutlich kommt der Zug erst am Abend an", "Der Sprecher", "erklärte")


# ------------------------------------------------------------ quotations inside indirect speech


def test_a_partial_quotation_inside_a_konjunktiv_clause_makes_the_clause_the_message(hl):
    text = "Jeder Pädagoge könne „das Konto jetzt einlösen, er kann es später einlösen“, sagte die Ministerin."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "Jeder Pädagoge könne „das Konto jetzt einlösen, er kann es später einlösen“", "die Ministerin", "sagte",
        A.INDIRECT)


def test_a_whole_quotation_stays_a_direct_quote(hl):
    text = "Die Ministerin sagte: „Wir sind bereit.“"
    [c] = attributed(hl, text)
    assert (c["msg"], c["attr"]) == ("„Wir sind bereit.“", A.DIRECT_QUOTE)
