"""False sources (issue 13, fourteenth round: Source precision): a reader's
story per rule that keeps a word which cannot speak from becoming a speaker."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed


def test_a_time_after_erst_is_no_source_frame(hl):
    # "erst", "schon", "bereits", "noch" before "nach" measure a time: the
    # investigations came first, nobody is quoted
    text = "Erst nach umfangreichen Ermittlungen war genug Material beisammen, um das Verfahren neu aufzurollen."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Nach Angaben der Polizei war genug Material beisammen.")
    assert c["src"] == "Angaben der Polizei"


def test_a_conjunctional_adverb_in_front_is_no_speaker(hl):
    # "zwar", "andererseits", "deshalb" … link the clause to the one before and
    # fill its prefield alone: the subject follows the finite verb
    text = "Andererseits haben südkoreanische Medien offen gesagt, dass der Norden nicht meint, was er sagt."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("südkoreanische Medien", "gesagt")
    [c] = attributed(hl, "Zwar erklärte der Pilot, er habe die Probleme bemerkt.")
    assert c["src"] == "der Pilot"


def test_a_name_inside_a_prepositional_phrase_is_no_quotation(hl):
    # a verb of naming labels its accusative object ("nannte den Plan
    # „Unsinn“"); a quoted name after a noun inside a PP is that noun's name
    text = "Der Minister nannte in einem Interview mit dem Radiosender „Deutschlandfunk“ vier Bedingungen."
    assert [c for c in attributed(hl, text) if "Deutschlandfunk" in c["msg"]] == []
    # nor is the name a reflexive gives its subject ("nennt sich")
    assert attributed(hl, "Dann nennt sie sich „documenta 12“ und findet im Juni statt.") == []
    [c] = attributed(hl, "Der Minister nannte die Bewerbung von Kanada „sehr respektabel“.")
    assert (c["msg"], c["src"]) == ("„sehr respektabel“", "Der Minister")


def test_the_noun_after_a_copula_with_a_demonstrative_subject_is_no_speaker(hl):
    # "Das ist das erste Mal, dass …": "das" is the subject, "das erste Mal"
    # the predicative; the dass-clause explains it and nobody says it
    text = "Das ist das erste Mal, dass eine Autobahn privat finanziert wird."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Der Minister ist überzeugt, dass die Autobahn privat finanziert wird.")
    assert c["src"] == "Der Minister"


def test_a_polite_request_in_an_interview_has_no_speaker(hl):
    # the verb first, then the capitalised "Sie": the interviewer asks the
    # guest to speak; "Sie" is the addressee, and nothing is asserted
    text = ("Beschreiben Sie bitte kurz Ihre Tätigkeit. : : Dr. Robert Kelly : "
            "Ich bin Professor an der Universität Busan . : :")
    assert [c for c in attributed(hl, text) if c["src"] == "Sie"] == []


def test_an_adverb_of_place_in_front_is_no_speaker(hl):
    # "hier" and "dort" point to a place; the subject follows the verb
    text = ("Das Gericht begründete sein Urteil. "
            "Hier stellte es fest, dass die Zeuginnen keine Interviews gegeben hatten.")
    assert [c["src"] for c in attributed(hl, text)] == [None]  # "es", resolved later, not "Hier"
    [c] = attributed(hl, "Dort erklärte der Pilot, die Lage sei ernst.")
    assert c["src"] == "der Pilot"


def test_von_before_a_bare_noun_after_a_noun_is_its_attribute_not_the_agent(hl):
    # "von" stands in for a genitive no article can show: "der Ausbruch von
    # Cholera" is the outbreak of cholera; cholera fears nothing
    claims = attributed(hl, "Nach den Überschwemmungen wird der Ausbruch von Cholera befürchtet.")
    assert [c["src"] for c in claims if c["src"]] == []
    # with an article "von" names the agent, as after the auxiliary
    text = "In der letzten Woche war ein Besuch von der Junta mit dem Hinweis abgelehnt worden, man sei beschäftigt."
    [c] = attributed(hl, text)
    assert c["src"] == "der Junta"
    assert attributed(hl, "Zur Eröffnung wurde die Diskriminierung von Frauen in Tunesien scharf kritisiert.") == []
    [c] = attributed(hl, "Die Pläne wurden im Parlament von der Opposition kritisiert.")
    assert c["src"] == "der Opposition"


def test_the_subject_of_sein_and_a_speech_verbs_participle_is_spoken_to(hl):
    # speech verbs form their perfect with "haben": "sein" and the participle
    # is the stative passive, and its subject is the one asked, not the asker
    text = "Nach dem Beschluss des Rates ist die Stadtverwaltung nun aufgefordert, den Masterplan zu überarbeiten."
    assert [c["src"] for c in attributed(hl, text)] == [None]
    [c] = attributed(hl, "Die Stadtverwaltung hat den Rat aufgefordert, den Masterplan zu überarbeiten.")
    assert c["src"] == "Die Stadtverwaltung"
    [c] = attributed(hl, "Der Minister ist überzeugt, dass die Lage ernst ist.")
    assert c["src"] == "Der Minister"


def test_a_relative_clause_in_konjunktiv_is_no_complement_of_the_clause_before(hl):
    # ", das … gewesen sei": a relative pronoun opens it and its verb stands
    # last; the bodies did not say where the hotel's occupiers were
    text = "Die Leichen hätten nahe einem Hotel gelegen, das von Rebellen besetzt gewesen sei."
    assert [c for c in attributed(hl, text) if c["src"] == "Die Leichen"] == []
    [c] = attributed(hl, "Der Sprecher erklärte, das sei falsch.")
    assert (c["src"], c["msg"]) == ("Der Sprecher", "das sei falsch")


def test_a_refused_speech_act_asserts_nothing(hl):
    # "wollte nicht bestätigen", "konnte nicht glaubhaft machen": a negated
    # modal of will or ability says the act did not happen
    assert attributed(hl, "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.") == []
    text = "Die Staatsanwaltschaft konnte nicht glaubhaft machen, dass die Tat stattgefunden hat."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Ein Sprecher der Armee wollte bestätigen, dass alle Insassen Soldaten waren.")
    assert c["src"] == "Ein Sprecher der Armee"


def test_a_frame_in_brackets_after_a_quoted_word_names_who_coined_it(hl):
    # "(lt. X)" right after a quotation, with nothing else in the brackets,
    # says whose word it is; the sentence around it is the outlet's
    text = "Die „Kachelmanngroupies“ (lt. Ulrich Haagen, ZDF) standen seit 4 Uhr morgens vor den Absperrgittern."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Bei dem Unglück starben 1.500 Menschen (laut Polizei).")
    assert c["src"] == "Polizei"


def test_a_name_given_in_a_wie_clause_is_no_source_frame(hl):
    # the passive of a verb of naming: its subject is the one named
    text = "Seit seiner Wutrede erreichte „Trap“, wie er weitläufig genannt wird, Kultstatus."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Die Lage ist ernst, wie der Minister mitteilte.")
    assert c["src"] == "der Minister"
