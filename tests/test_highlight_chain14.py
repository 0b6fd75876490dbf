"""Issue 13, fourteenth round, the carried speaker: a reader's story per rule
(German text in, the claims the annotator is offered out) for continued
speech whose speaker stands in an earlier sentence."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ "abstreiten" is a speech act of denying


def test_who_denies_goes_on_speaking_in_the_next_konjunktiv(hl):
    # "streitet … ab" ('denies') is a verb of saying: Iran's denial is
    # what the Konjunktiv I sentence after it goes on reporting, not the
    # accusation two sentences back
    text = ("Die Behörde wirft dem Iran vor, Atomwaffen zu bauen. Der Iran streitet dies ab. "
            "Sein Programm diene ausschließlich der friedlichen Forschung.")
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)][-1] == ("Der Iran", "diene")


def test_a_denial_of_an_object_is_the_speakers_claim(hl):
    # as with "bestreiten" and "zurückweisen", the object is the position denied
    text = "Der Minister stritt die Vorwürfe ab."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("Der Minister", "stritt")]


def test_plain_streiten_is_no_speech_act(hl):
    # without its particle "streiten" is 'quarrel': the neighbours do not
    # become the speaker of what follows
    text = "Die Nachbarn streiten seit Jahren über die Hecke. Der Zaun sei zu hoch."
    assert [c["src"] for c in attributed(hl, text)] == [None]


# ------------------------------------------------------------ a noun's "wonach" clause in the prefield


def test_a_wonach_clause_in_the_prefield_ends_before_the_main_verb(hl):
    # noun and "wonach" clause fill the prefield; the comma before the finite
    # verb "konnte" ends what the speculation says
    text = ("Spekulationen, wonach der Auftraggeber ein Geheimdienst gewesen sein könnte, "
            "konnte der Minister nicht bestätigen.")
    claims = attributed(hl, text)
    assert (claims[0]["src"], claims[0]["msg"]) == (
        "Spekulationen", "der Auftraggeber ein Geheimdienst gewesen sein könnte")


def test_who_answers_the_speculation_goes_on_speaking(hl):
    # the speculation is what the minister's verb speaks of; the minister,
    # the subject after the finite verb, is who speaks on in the Konjunktiv I
    text = ("Spekulationen, wonach der Auftraggeber ein Geheimdienst gewesen sein könnte, "
            "konnte der Minister nicht bestätigen. Der Vorgang werde zurzeit untersucht.")
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)][-1] == ("der Minister", "werde")


def test_reports_no_one_answers_keep_speaking_for_themselves(hl):
    # "sind falsch" is no speech act: no subject after the verb takes over
    text = ("Berichte, wonach der Konzern verkauft werden solle, sind falsch. "
            "Das Werk werde weitergeführt.")
    assert [c["src"] for c in attributed(hl, text)] == ["Berichte", "Berichte"]


# ------------------------------------------------------------ a line break after a number with a period


def test_a_line_break_after_a_year_ends_the_sentence(hl):
    # "2011." may be an ordinal inside a sentence, but a line break after it
    # always ends the sentence: the next line is a claim of its own, with
    # its own speaker, not part of the speakerless Konjunktiv before it
    text = ("Das Unternehmen strebt langfristig den Börsengang an. Eine der Optionen sei ein Börsengang nach 2011.\n"
            "Premium Aerotec rechnet mit einem Umsatz von einer Milliarde Euro.")
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims][-1] == (
        "Premium Aerotec", "Premium Aerotec rechnet mit einem Umsatz von einer Milliarde Euro.")
    assert all("Premium" not in c["msg"] for c in claims[:-1])


def test_an_ordinal_without_a_line_break_stays_in_its_sentence(hl):
    text = "Zum 100. Geburtstag kamen viele Gäste. Der Bürgermeister sprach."
    assert [s.text.strip() for s in hl.nlp(text).sents] == [
        "Zum 100. Geburtstag kamen viele Gäste.", "Der Bürgermeister sprach."]
