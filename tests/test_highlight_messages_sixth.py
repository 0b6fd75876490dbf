"""Message rules the sixth round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ "nach …" frames


def test_a_relative_determiner_before_the_report_noun_still_makes_a_source_frame(hl):
    text = "Nach deren Angaben sollten täglich Speisen mit Vitamin E auf den Teller kommen."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "sollten täglich Speisen mit Vitamin E auf den Teller kommen", "deren Angaben", "Nach", A.ACCORDING_TO)


def test_a_report_noun_in_the_plural_makes_a_source_frame(hl):
    text = "Nach Darstellungen des Verlages bietet das Buch eine differenzierte Betrachtung."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("bietet das Buch eine differenzierte Betrachtung",
                                              "Darstellungen des Verlages", "Nach")


def test_nach_before_a_plural_that_is_no_report_stays_a_time(hl):
    text = "Nach Verhandlungen von drei Tagen unterschrieben beide Seiten den Vertrag am Freitag."
    assert attributed(hl, text) == []


# ------------------------------------------------------------ documents: "aus X hervorgehen"


def test_wie_aus_a_document_hervorgeht_makes_the_document_the_source(hl):
    text = ("Wie aus einer Verlautbarung der Schutztruppe hervorgeht, wurden im Bezirk Zhari "
            "fünf unbeteiligte Zivilisten getötet.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "wurden im Bezirk Zhari fünf unbeteiligte Zivilisten getötet", "einer Verlautbarung der Schutztruppe",
        "hervorgeht", A.ACCORDING_TO)


def test_dies_geht_aus_a_press_release_hervor_attributes_the_sentence_before(hl):
    text = ("Der Konzern plant eine Umwandlung in die neue Rechtsform. "
            "Dies geht aus einer Pressemitteilung des Konzerns hervor.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"]) == ("Der Konzern plant eine Umwandlung in die neue Rechtsform",
                                    "einer Pressemitteilung des Konzerns")


def test_aus_a_report_geht_hervor_dass_makes_the_dass_clause_the_message(hl):
    text = "Aus dem Bericht der Kommission geht hervor, dass fünf Zivilisten getötet wurden."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["attr"]) == ("dass fünf Zivilisten getötet wurden", "dem Bericht der Kommission",
                                               A.INDIRECT)


def test_a_product_that_emerged_from_an_older_version_is_no_report(hl):
    text = "Das Softwarepaket ging aus der Version 5.2 von StarOffice hervor und wird seitdem weiterentwickelt."
    assert attributed(hl, text) == []


# ------------------------------------------------------------ Konjunktiv I far from its speaker

FAR_AWAY = ("Der Minister lobte am Montag die Polizei. Die Lage war ruhig. Es gab keine Verletzten. "
            "Der Zug fuhr pünktlich. ")


def test_a_konjunktiv_statement_far_from_any_speaker_is_reported_speech_of_an_unknown_speaker(hl):
    text = FAR_AWAY + "Problematisch sei bei den Befragungen gewesen, dass die Frauen Defizite aufweisen."
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("Problematisch")]
    [c] = claims
    assert (c["src"], c["cue"], c["attr"]) == (None, "sei", A.INDIRECT)


def test_a_konjunktiv_only_in_a_dependent_clause_leaves_the_sentence_to_the_outlet(hl):
    text = FAR_AWAY + "Für den Häftling gilt die höchste Sicherheitsstufe, weil er sich bedroht fühle."
    assert not [c for c in attributed(hl, text) if "Sicherheitsstufe" in c["msg"] or "bedroht" in c["msg"]]


def test_an_interview_answer_in_the_first_person_is_not_konjunktiv(hl):
    text = FAR_AWAY + "Ich war kürzlich in Nordkorea und habe die Menschen arbeiten sehen."
    assert not [c for c in attributed(hl, text) if "Nordkorea" in c["msg"]]


def test_a_preterite_in_te_is_no_konjunktiv(hl):
    text = FAR_AWAY + "Der Trainer besetzte gegenüber dem letzten Spiel vier Positionen neu."
    assert not [c for c in attributed(hl, text) if "Positionen" in c["msg"]]


# ------------------------------------------------------------ verb-second complements in Konjunktiv I


def test_a_konjunktiv_the_word_list_lacks_after_an_article_phrase_is_the_complement(hl):
    text = "Der Sprecher sagte bei der Gelegenheit, der Verein freue sich über den Wechsel."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("der Verein freue sich über den Wechsel", "Der Sprecher", "sagte")


def test_a_passive_speech_act_takes_its_konjunktiv_complement(hl):
    text = "Es wurde von Demjanjuks Sohn die Mutmaßung geäußert, Deutschland brauche nur ein Opfer."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("Deutschland brauche nur ein Opfer", "Demjanjuks Sohn", "geäußert")


def test_a_preterite_after_an_article_phrase_is_no_complement(hl):
    text = ("Der Sprecher wiederholt die Warnung, der letzte größere Zusammenstoß ereignete sich im Februar "
            "in der Nähe der Grenze.")
    assert not [c for c in attributed(hl, text) if c["msg"].startswith("der letzte")]


def test_a_konjunktiv_clause_after_a_speech_acts_object_is_what_was_said(hl):
    text = ("Journalisten beschweren sich unterdessen über massive Behinderungen der Berichterstattung, "
            "nur die Reporter des staatlichen Fernsehens seien zugelassen.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("nur die Reporter des staatlichen Fernsehens seien zugelassen",
                                              "Journalisten", "beschweren")


def test_a_dass_clause_past_an_apposition_of_the_speaker_is_what_was_said(hl):
    text = "Ende Januar verkündete der Fußball-Bund, kurz DFB, dann offiziell, dass man sich bewerben werde."
    [c] = attributed(hl, text)
    assert c["msg"] == "dass man sich bewerben werde"


# ------------------------------------------------------------ a colon before a list says nothing


def test_a_list_of_items_after_a_colon_is_no_complement(hl):
    text = ("Das Gericht verlangt im Zusammenhang mit den Ermittlungen: Klarnamen der Benutzer, "
            "Adressen der Benutzer, alle veröffentlichten Beiträge.")
    assert not [c for c in attributed(hl, text) if c["msg"].startswith("Klarnamen")]


def test_a_statement_after_a_colon_stays_the_complement(hl):
    [c] = attributed(hl, "Der Minister erklärte: Wir kämpfen weiter.")
    assert (c["msg"], c["src"], c["cue"]) == ("Wir kämpfen weiter", "Der Minister", "erklärte")
