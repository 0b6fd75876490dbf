"""Source rules of issue 13's twelfth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ an apposition closed by the finite verb


def test_the_director_named_after_the_source_of_the_figures_belongs_to_the_frame(hl):
    # the writer left out the comma after the apposition, but a verb-second
    # sentence has one constituent before "hatten": the frame with its apposition
    text = ("Nach Angaben von Sam Maiha, dem Direktor der nationalen Wetterbehörde des Landes hatten die "
            "Meteorologen vor hohem Wellengang gewarnt.")
    claims = attributed(hl, text)
    assert [c["src"] for c in claims] == ["Angaben von Sam Maiha, dem Direktor der nationalen Wetterbehörde des Landes"]
    assert "Direktor" not in claims[0]["msg"]


def test_a_spokesman_with_his_office_before_the_verb_is_the_whole_speaker(hl):
    text = "Laut Peter Müller, dem Sprecher der Polizei wurde bei dem Brand niemand verletzt."
    assert [c["src"] for c in attributed(hl, text)] == ["Peter Müller, dem Sprecher der Polizei"]


def test_a_clause_after_the_verb_is_no_apposition_of_the_frame(hl):
    # after the finite verb the prefield is closed: "die Täter" is the
    # subject of its own clause, not part of the frame's speaker
    text = "Nach Angaben der Polizei, die den Fall untersucht, sind die Täter geflohen."
    assert [c["src"] for c in attributed(hl, text)] == ["Angaben der Polizei"]


# ------------------------------------------------------------ a relative clause without its comma


def test_the_man_who_demanded_it_in_his_note_is_the_speaker(hl):
    # "in dem er verlangte": a preposition and a relative pronoun open a
    # verb-final clause though the comma before it is missing; its subject
    # speaks, not the subject of the sentence around it
    text = "Der Mann hinterließ einen Zettel in dem er verlangte, dass weder Polizei noch Presse eingeschaltet werden."
    assert [c["src"] for c in attributed(hl, text)] == ["er"]


def test_a_preposition_before_an_article_opens_no_relative_clause(hl):
    # "in der Zeitung": "der" before a noun is an article, the prefield speaks
    text = "Die Ministerin sagte in der Zeitung, die Steuern würden nicht erhöht."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Ministerin"]


# ------------------------------------------------------------ an indefinite article counts, a name names


def test_a_further_circumstance_announced_with_a_colon_is_no_speaker(hl):
    # "Ein weiterer Umstand": a word the lexicon never saw is taken for a
    # name, but an indefinite article before it counts one of many things
    text = ("Ein weiterer Umstand kommt erschwerend hinzu:\n"
            "Wie sich aus der Auswertung des Bodenradars ergab, hatte der Kopilot versucht durchzustarten.")
    assert "Ein weiterer Umstand" not in [c["src"] for c in attributed(hl, text)]



def test_a_spokesman_with_an_indefinite_article_still_speaks(hl):
    # a role noun is a speaker with any article: only the name reading of a
    # word the lexicon does not know is what the indefinite article rules out
    text = "Ein weiterer Sprecher der Regierung erklärte, man werde den Bericht prüfen."
    assert [c["src"] for c in attributed(hl, text)] == ["Ein weiterer Sprecher der Regierung"]


# ------------------------------------------------------------ an abstract noun is no name


def test_agreement_on_the_debate_names_no_speaker(hl):
    # "Einigkeit" is a word the lexicon does not know, but "-keit" makes an
    # abstract noun (a quality), never a name nor a body that speaks
    text = ("Einigkeit besteht darüber, dass das Duell eine äußerst wichtige Etappe im Wahlkampf gewesen sei. "
            "So liegen beide Parteien äußerst nahe beieinander.")
    assert "Einigkeit" not in [c["src"] for c in attributed(hl, text)]


def test_several_means_of_transport_report_nothing(hl):
    # "Mehrere öffentliche Verkehrsmittel": a quantifier counts things of a
    # kind; the rare word after it is no name, so the colon announces no statement
    text = ("Mehrere öffentliche Verkehrsmittel waren betroffen:\n"
            "Zwei Bahnsteige am Bahnhof wurden polizeilich gesperrt, ebenso die U-Bahn-Linien U1 und U2.")
    assert "Mehrere öffentliche Verkehrsmittel" not in [c["src"] for c in attributed(hl, text)]


# ------------------------------------------------------------ a bare "ohne"-attribute


def test_doctors_without_borders_report_the_landing(hl):
    # an article-less noun with an article-less "ohne X" is one phrase: the
    # attribute says which doctors speak
    text = "Ärzte ohne Grenzen teilte gestern mit, drei Flugzeuge der Organisation seien gelandet."
    assert [c["src"] for c in attributed(hl, text)] == ["Ärzte ohne Grenzen"]


def test_the_aid_organisation_named_in_a_frame_keeps_its_whole_name(hl):
    text = "Nach Angaben der Hilfsorganisation Ärzte ohne Grenzen mussten 10.000 Menschen ihre Heimat verlassen."
    assert [c["src"] for c in attributed(hl, text)] == ["Angaben der Hilfsorganisation Ärzte ohne Grenzen"]
