"""Source spans of issue 13's fourteenth round: a reader's story per rule (a
German sentence in, the speaker span the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ a title between two-apostrophe marks


def test_a_party_name_in_wiki_italics_belongs_to_the_apposition_of_the_speaker(hl):
    # "''…''" (two apostrophes, wiki italics) sets off the party's name as
    # „…“ would: the apposition with the name and its short form is all the subject
    text = ("Eine der größten Oppositionsgruppen des Landes, die ''Koalition für Einheit und Entwicklung'' (CUD), "
            "behauptete am Wahlabend, dass hunderte Wahlbeobachter verhaftet worden seien.")
    assert [c["src"] for c in attributed(hl, text)] == [
        "Eine der größten Oppositionsgruppen des Landes, die ''Koalition für Einheit und Entwicklung'' (CUD)"]


def test_a_newspaper_in_wiki_italics_is_the_speaker(hl):
    text = "Die ''Süddeutsche Zeitung'' berichtete, der Minister habe seinen Rücktritt angeboten."
    assert [c["src"] for c in attributed(hl, text)] == ["Die ''Süddeutsche Zeitung''"]


# ------------------------------------------------------------ a short form after "kurz"


def test_the_short_form_after_kurz_is_part_of_the_speaker(hl):
    # "kurz „DFB“" names the same body again: an apposition, not an adverb
    text = ("Ende Januar verkündete der „Deutsche Fußball-Bund“, kurz „DFB“, dann offiziell, "
            "dass man sich bewerben werde.")
    assert [c["src"] for c in attributed(hl, text)] == ["der „Deutsche Fußball-Bund“, kurz „DFB“"]


def test_kurz_before_a_time_is_no_short_form(hl):
    text = "Der Sprecher der Polizei, kurz nach 13 Uhr, sagte, der Bahnhof sei geräumt worden."
    assert "kurz nach" not in (attributed(hl, text)[0]["src"] or "")


# ------------------------------------------------------------ a subject before Konjunktiv I is reported


def test_a_quote_in_a_reported_sentence_stays_with_the_speaker_before(hl):
    # "Jeder Lehrer könne …": Konjunktiv I reports; its subject is what the
    # minister spoke about, not who spoke, so the quote stays his
    text = ("Der Minister sagte am Montag, die Lage sei ernst. Jeder Lehrer könne „das Konto jetzt einlösen, "
            "er kann es aber auch später einlösen, wenn er das möchte“.")
    assert {c["src"] for c in attributed(hl, text)} == {"Der Minister"}


def test_a_goal_named_before_a_reported_verb_is_no_speaker(hl):
    # "Ziel der US-Delegation … sei es gewesen": the first finite verb after
    # the phrase is Konjunktiv I, so the delegation leader quoted before speaks on
    text = ("Auch die US-Delegationsleiterin beim Klimagipfel, Sharon Hayes, äußerte sich zufrieden über den Bericht:\n"
            "„Wir haben eine sehr ausgewogene Position erreicht.“\n"
            "Ziel der US-Delegation bei den Verhandlungen sei es gewesen, „sicherzustellen, dass die Inhalte des "
            "Abschlussberichts mit dem gegenwärtigen Stand der Wissenschaft übereinstimmen“.")
    assert {c["src"] for c in attributed(hl, text)} == {"die US-Delegationsleiterin beim Klimagipfel, Sharon Hayes"}


# ------------------------------------------------------------ an adverb in the prefield is no speaker


def test_an_adverb_before_the_verb_is_not_offered_as_the_speaker(hl):
    # "Hier" fills the prefield; the subject after the verb is "es", which
    # names nobody: better no source than the adverb
    text = ("Im Ausschluss der Öffentlichkeit erkannte das Gericht ein Erschwernis. "
            "Hier stellte es fest, dass genau dies zur Zurückhaltung bei der Berichterstattung geführt habe.")
    assert "Hier" not in {c["src"] for c in attributed(hl, text)}


# ------------------------------------------------------------ "wie" after a noun in a relative clause


def test_examples_after_wie_in_a_relative_clause_are_no_speaker(hl):
    # the relative pronoun "die" is the clause's subject; "Dickmachern wie
    # Fetten und Zucker" gives examples, it is no "wie X warnt" frame
    text = ("Der Fraktion der Grünen reicht die reine Information nicht aus. Sie fordert gesetzliche Regelungen "
            "zur Kennzeichnung von Lebensmitteln, die beispielsweise vor Dickmachern wie Fetten und Zucker warnt.")
    assert "Fetten" not in {c["src"] for c in attributed(hl, text)}


def test_wie_at_the_start_of_its_clause_still_frames(hl):
    text = "Die Lage sei ernst, wie der Sprecher der Polizei am Montag mitteilte."
    assert [c["src"] for c in attributed(hl, text)] == ["der Sprecher der Polizei"]
