"""Leftovers of issue 13's thirteenth round in the sentence, quotation, frame
and document rules: a reader's story per rule (German text in, the
sentences or the claims the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution

# ------------------------------------------------------------ initials before a name


def test_the_directors_initials_do_not_end_the_sentence(hl):
    # "B.N." is two initials before the name: the report names the director,
    # and the sentence goes on to what he said
    text = "Laut dem Direktor B.N. Suresh soll der Start in drei Monaten erfolgen."
    assert [(c["src"], c["msg"]) for c in attributed(hl, text)] == [
        ("dem Direktor B.N. Suresh", "soll der Start in drei Monaten erfolgen")]


def test_the_authors_initials_stay_in_his_sentence(hl):
    text = "Das Buch von J.D. Salinger ist bekannt. Er lebt in den U.S.A. Die Lage ist ernst."
    doc = hl.nlp(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Das Buch von J.D. Salinger ist bekannt.", "Er lebt in den U.S.A.", "Die Lage ist ernst."]


def test_a_roman_ordinal_does_not_end_the_sentence(hl):
    # "XX." is the twentieth, "XVI." the sixteenth: a new sentence only where
    # the next word clearly starts one
    text = "Im Programm steht das Turnier der „XX. Kategorie“. Papst Benedikt XVI. Die Kirche feierte."
    assert [s.text.strip() for s in hl.nlp(text).sents] == [
        "Im Programm steht das Turnier der „XX. Kategorie“.", "Papst Benedikt XVI.", "Die Kirche feierte."]


# ------------------------------------------------------------ "X sei … . Das sagte Y."


def test_das_sagte_names_the_speaker_of_the_sentence_before(hl):
    # the Konjunktiv sentence has no speaker in reach, the next one names
    # him: one claim of the minister's over it, not a second without speaker
    text = "Der Pilot flog weiter. Die Lage sei ernst. Das sagte der Minister am Montag."
    assert [(c["src"], c["msg"]) for c in attributed(hl, text)] == [("der Minister", "Die Lage sei ernst")]


# ------------------------------------------------------------ a quotation in two halves


def test_both_halves_of_a_split_quotation_are_what_merkel_said(hl):
    # the frame ", sagte Merkel," stands inside one quotation: its message is
    # both halves, not only the one after the frame
    text = "„Wir werden das schaffen“, sagte Merkel, „auch wenn es schwer wird.“"
    (claim,) = attributed(hl, text)
    assert (claim["src"], claim["cue"], claim["attr"]) == ("Merkel", "sagte", Attribution.DIRECT_QUOTE)
    assert claim["msg"] == text


def test_a_split_quotation_with_so_and_two_sentences(hl):
    text = "„Wir werden das schaffen“, so die Ministerin, „auch wenn es schwer wird. Wir kämpfen.“ Dann ging sie."
    (claim,) = attributed(hl, text)
    assert claim["src"] == "die Ministerin"
    assert claim["msg"] == "„Wir werden das schaffen“, so die Ministerin, „auch wenn es schwer wird. Wir kämpfen.“"


# ------------------------------------------------------------ "…, wie aus X hervorgeht."


def test_a_document_named_after_the_main_clause_is_its_source(hl):
    # the "wie"-clause after the main clause names where the news comes from,
    # as it does in front ("Wie aus X hervorgeht, …")
    text = "Drei Menschen starben, wie aus dem Bericht der Behörde hervorging."
    assert [(c["src"], c["cue"], c["msg"]) for c in attributed(hl, text)] == [
        ("dem Bericht der Behörde", "hervorging", "Drei Menschen starben")]


# ------------------------------------------------------------ "demnach" before a counterfactual


def test_demnach_before_a_counterfactual_draws_a_conclusion(hl):
    # "wäre … gewesen": 'then it would have been', the writer's conclusion,
    # not what a report says
    text = "Ein Flug in die USA wäre demnach durchaus vertretbar gewesen."
    assert attributed(hl, text) == []


def test_demnach_before_a_statement_still_reports_it(hl):
    text = "Demnach seien die Bilder gefälscht."
    assert [(c["src"], c["msg"]) for c in attributed(hl, text)] == [("Demnach", "seien die Bilder gefälscht")]


# ------------------------------------------------------------ a frame inside a noun phrase


def test_a_source_for_one_figure_inside_a_noun_phrase_frames_no_claim(hl):
    # "der nach Behördenangaben 350 Passagiere": the frame stands between the
    # article and its number, it tells where the figure comes from; the
    # sentence is the outlet's (the rescue), not the authorities' claim
    text = "Bis zum Abend wurden 246 der nach Behördenangaben 350 Passagiere gerettet."
    assert attributed(hl, text) == []


def test_a_second_figure_after_a_comma_is_no_claim_either(hl):
    text = "Das Fahrzeug hat eine Reichweite von 100, nach anderen Angaben 110 Kilometern."
    assert attributed(hl, text) == []


def test_a_frame_in_the_middle_field_before_a_number_still_reports(hl):
    text = "Bei dem Unfall starben nach Angaben der Polizei 35 Menschen."
    assert [c["src"] for c in attributed(hl, text)] == ["Angaben der Polizei"]


# ------------------------------------------------------------ a verb-first condition


def test_a_condition_in_konjunktiv_ii_carries_no_speaker_on(hl):
    # "Hätte er …, so müsste er …": the sentence opens with its Konjunktiv II
    # verb, a condition the writer reasons with, not what the man said
    text = ("Der Sachse gab an, lediglich einen Liter Bier getrunken zu haben. "
            "Hätte er tatsächlich nur Bier getrunken, so müsste er etwa 12 Liter davon konsumiert haben.")
    assert [c["msg"] for c in attributed(hl, text)] == ["lediglich einen Liter Bier getrunken zu haben"]


# ------------------------------------------------------------ an adverb before a predicate of a complement


def test_hinzu_kommt_dass_names_no_speaker(hl):
    # "Hinzu" fills the prefield alone, as an adverb does: the dass-clause is
    # the verb's subject, nobody said it
    text = "Hinzu kommt, dass die USA selbst mehr Öl fördern."
    assert attributed(hl, text) == []


# ------------------------------------------------------------ a capitalised -e word opening a sentence


def test_a_noun_opening_the_sentence_is_no_konjunktiv(hl):
    # "Lüge" is spelt like the Konjunktiv I of "lügen", but a statement puts
    # its finite verb second: the first word, capitalised, is the noun
    text = "Das Gericht sprach ihn frei. Lüge und Unschuld bedingen sich hier offensichtlich wechselseitig."
    assert attributed(hl, text) == []


# ------------------------------------------------------------ a colon sentence with an adverb in front


def test_the_quotation_after_dabei_griff_sie_an_is_hers(hl):
    # "Dabei" fills the prefield, the verb is second and "sie" its subject:
    # the quotation the colon announces is hers (the chancellor's), with the
    # verb as cue
    text = ("Die Kanzlerin begrüßte den Beschluss.\n"
            "Dabei griff sie auch direkt den iranischen Präsidenten an:\n"
            "„Ein Präsident, der den Holocaust leugnet, kann keine Toleranz erwarten.“")
    quotes = [c for c in attributed(hl, text) if c["msg"].startswith("„")]
    assert [(c["src"], c["cue"], c["attr"]) for c in quotes] == [("Die Kanzlerin", "griff", Attribution.DIRECT_QUOTE)]


def test_obama_who_pleads_with_these_words_speaks_the_quotation(hl):
    # a PP in front, "warb" second (no list knows it), "Obama" its subject:
    # the quotation after the colon of his own sentence is his
    text = ("Im Kongress warb Obama für die Annahme eines Gesetzes mit den Worten: "
            "„Und das bedeutet den Bau einer neuen Generation sicherer Atommeiler.“")
    assert [(c["src"], c["cue"], c["attr"]) for c in attributed(hl, text)] == [
        ("Obama", "warb", Attribution.DIRECT_QUOTE)]


# ------------------------------------------------------------ a second colon sentence


def test_a_sentence_naming_its_speaker_before_a_colon_announces_the_quotation(hl):
    # after "… kritisierte … scharf:" the next sentence names its own speaker
    # and ends in a colon itself: no claim of its own, the quotation is his
    text = ("Auch die EU-Kommission kritisierte das Gesetz scharf:\n"
            "So sagte Olli Rehn, EU-Erweiterungskommissar:\n"
            "„Man kann der Bevölkerung nicht ein Gesetz vorknallen und damit jede Diskussion beenden.“")
    claims = attributed(hl, text)
    assert not any(c["msg"].startswith("So sagte") for c in claims)
    assert [c["src"] for c in claims if c["msg"].startswith("„")] == ["Olli Rehn, EU-Erweiterungskommissar"]


# ------------------------------------------------------------ the phrase after "so"


def test_a_title_and_a_relative_clause_after_so_belong_to_the_source(hl):
    # "so das Ergebnis einer Studie mit dem Titel „…“ der Stiftung Warentest,
    # in der …": the quoted title and the relative clause describe the study;
    # the message is what stands before ", so"
    text = ("Zwei Drittel aller Heilmethoden sind unwirksam, so das Ergebnis einer Studie mit dem Titel "
            "„Die Andere Medizin“ der Stiftung Warentest, in der Autorin Vera Herbst 50 Methoden untersucht hat.")
    doc = hl.nlp(text)
    (parts,) = [ps for c, ps in zip(doc._.annotator_claims, doc._.annotator_message_parts)
                if c.attribution != Attribution.UNATTRIBUTED]
    assert [text[a:b] for a, b in parts] == ["Zwei Drittel aller Heilmethoden sind unwirksam"]


# ------------------------------------------------------------ "Hieß es …, wird …"


def test_what_was_said_before_ends_where_the_main_clause_begins(hl):
    # "Hieß es bisher, dass …" puts its verb first: a clause in front of the
    # main clause "wird nun … investiert", which is the outlet's news
    text = ("Hieß es bisher, dass die Fahrgäste an den Unfällen selber Schuld seien, "
            "wird nun eine halbe Million Euro in die Sicherheit der Türen investiert.")
    assert [c["msg"] for c in attributed(hl, text)] == ["dass die Fahrgäste an den Unfällen selber Schuld seien"]


def test_a_frame_in_the_clause_in_front_reports_that_clause_only(hl):
    # "Nachdem …, suchen die Forscher …": the frame stands in the fronted
    # clause; the main clause after its comma is the outlet's
    text = ("Nachdem die Befruchtung ihren Weg in die Praxis gefunden hat und man damit laut Klinikdirektor "
            "Beckmann „jetzt Paaren helfen kann“, suchen die Forscher nach neuen Wegen.")
    (claim,) = attributed(hl, text)
    assert claim["src"] == "Klinikdirektor Beckmann"
    assert "suchen" not in claim["msg"]


# ------------------------------------------------------------ a quoted title before the verb


def test_a_quoted_title_in_the_prefield_is_not_what_was_reported(hl):
    # "der Enzyklika „Deus caritas est“" names the encyclical; what Radio
    # Vatikan reported is the dass-clause after its verb
    text = ("Sechs Tage nach der Veröffentlichung der Enzyklika „Deus caritas est“ meldete Radio Vatikan, "
            "dass die Enzyklika gut verkauft wird.")
    assert [(c["src"], c["msg"]) for c in attributed(hl, text)] == [
        ("Radio Vatikan", "dass die Enzyklika gut verkauft wird")]


def test_the_quoted_words_before_the_verb_are_still_his(hl):
    text = "Mit den Worten „Wir haben alles gegeben und trotzdem verloren“ kommentierte er das Spiel."
    assert [(c["src"], c["attr"]) for c in attributed(hl, text)] == [("er", Attribution.DIRECT_QUOTE)]


# ------------------------------------------------------------ "heißt es …:" announces


def test_heisst_es_before_a_colon_announces_the_quotation(hl):
    # what "heißt es" governs before the colon tells what the words are
    # about; the claim is the quotation after the colon
    text = ("Auf der Homepage heißt es zur Begründung, warum man sich für dieses Bild entschieden hat:\n"
            "„Die Zählstriche wurden wegen ihrer bildhaften Darstellung der Zahl zwölf gewählt.“")
    assert [(c["src"], c["msg"][:1]) for c in attributed(hl, text)] == [("der Homepage", "„")]
