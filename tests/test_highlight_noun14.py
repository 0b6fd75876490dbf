"""Issue 13, fourteenth round: claims whose cue is a noun or a predicate, not
a verb.  A reader's story per rule: a German sentence in, the speaker the
annotator offers out."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims

# ------------------------------------------------------------ a noun of intending or concluding with a copula


def test_a_foundations_aim_is_its_claim(hl):
    # "Ziel der X ist es, … zu …": the genitive holds the aim, the
    # zu-infinitive after the correlate "es" is what it wants
    text = ("Ziel der niederländischen Fairphone-Stiftung ist es, ein Mobiltelefon zu entwickeln, "
            "das möglichst hohen ethischen Standards genügt.")
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("der niederländischen Fairphone-Stiftung", "Ziel")]
    assert claims[0]["msg"].startswith("ein Mobiltelefon zu entwickeln")


def test_an_inquirys_finding_is_its_claim(hl):
    # a PP attached to the holder may stand before the copula
    text = ("Ergebnis einer privaten Untersuchung nach dem Tode des Anwalts war, dass ihm die "
            "ärztliche Versorgung verwehrt worden war.")
    assert [c["src"] for c in attributed(hl, text)] == ["einer privaten Untersuchung"]


def test_a_governments_plan_with_a_possessive_is_its_claim(hl):
    text = "Ihr Plan ist es, die Steuern im kommenden Jahr deutlich zu senken."
    assert [c["src"] for c in attributed(hl, text)] == ["Ihr"]


def test_a_goal_that_is_a_noun_phrase_is_no_claim(hl):
    # a predicate noun after the copula: the sentence says what the goal is, nobody is reported
    text = "Ziel der Reise ist Berlin, wo die Delegation am Abend eintrifft."
    assert all(c["cue"] != "Ziel" for c in describe_claims(hl, text))


# ------------------------------------------------------------ a noun of intending with its holder


def test_a_governments_intention_with_a_zu_infinitive_is_its_claim(hl):
    # as a speech noun: "die Absicht der Regierung, … zu …" states what the holder wants
    text = "Die Absicht der Regierung, die Steuern im kommenden Jahr zu senken, stößt auf Widerstand."
    claims = [c for c in attributed(hl, text) if c["cue"] == "Absicht"]
    assert [c["src"] for c in claims] == ["der Regierung"]
    assert claims[0]["msg"].startswith("die Steuern")


def test_plans_without_a_holder_are_nobodys_claim(hl):
    # whose plan it was is not said: the noun names no speaker
    text = "Ursprüngliche Pläne, den Bären zu betäuben und einzufangen, wurden daher verworfen."
    assert all(c["cue"] != "Pläne" for c in describe_claims(hl, text))


# ------------------------------------------------------------ the speech noun's holder and arguments


def test_a_coachs_announcement_with_his_name_in_apposition_is_his_claim(hl):
    # "ihres Trainers" is a genitive holder like "des Trainers"; the name
    # between commas is its apposition, the zu-infinitive follows it
    text = ("Trotz der Ankündigung ihres Trainers, Greg Poss, die Zusammenarbeit mit Nürnberg "
            "zu beenden, kann seine Mannschaft unverändert siegen.")
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("ihres Trainers, Greg Poss", "Ankündigung")]
    assert claims[0]["msg"] == "die Zusammenarbeit mit Nürnberg zu beenden"


def test_a_warning_with_its_prepositional_argument_is_the_ministers(hl):
    # "Warnung vor X": the noun's own argument stands before the reported
    # clause; the main clause's verb after the comma ends what was said
    text = "Die Warnung des Ministers vor einer Rezession, die Wirtschaft werde schrumpfen, verhallte."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("des Ministers", "Warnung")]
    assert claims[0]["msg"] == "die Wirtschaft werde schrumpfen"


def test_a_hope_that_fills_the_prefield_ends_before_the_main_verb(hl):
    text = "Die Hoffnung des Trainers, sein Team werde das Finale gewinnen, erfüllte sich nicht."
    assert [c["msg"] for c in attributed(hl, text)] == ["sein Team werde das Finale gewinnen"]


def test_a_speech_noun_as_the_copulas_subject_is_its_holders_claim(hl):
    # as with aims: "Die zentrale Forderung des Verbands ist, dass …"
    text = "Die zentrale Forderung des Verbands ist, dass die Löhne um fünf Prozent steigen."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("des Verbands", "Forderung")]
    assert claims[0]["msg"] == "dass die Löhne um fünf Prozent steigen"


# ------------------------------------------------------------ a colon that closes the speech noun's clause


def test_an_authoritys_warning_announced_with_a_colon_is_its_claim(hl):
    # the particle "heraus" stands between the noun and the colon
    text = "Die Behörde gab eine Warnung heraus: Die Flüsse könnten über die Ufer treten."
    claims = attributed(hl, text)
    assert [(c["src"], c["cue"]) for c in claims] == [("Die Behörde", "Warnung")]
    assert claims[0]["msg"] == "Die Flüsse könnten über die Ufer treten"


def test_the_popes_message_to_the_faithful_is_the_popes(hl):
    # the noun's argument "an die Gläubigen" and the predicate "war klar" before the colon
    text = "Die Botschaft des Papstes an die Gläubigen war klar: Der Frieden müsse Vorrang haben."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("des Papstes", "Botschaft")]


def test_a_question_after_a_colon_is_no_claim_of_the_noun(hl):
    # the colon closes "bleibt die Frage", not the confirmation; a question asserts nothing
    text = ("Mit der Bestätigung der NATO über Truppen in Russland bleibt die Frage: "
            "Wie werden die Verbündeten darauf reagieren?")
    assert all(c["cue"] != "Bestätigung" for c in describe_claims(hl, text))


def test_a_presidents_message_in_the_saxon_genitive_is_his(hl):
    # "Selenskyjs Botschaft": a name's genitive before the noun is its holder
    text = "Für die Ukraine ist Selenskyjs Botschaft an die Welt klar: Dieser Krieg betrifft alle Demokratien."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("Selenskyjs", "Botschaft")]


def test_the_agent_of_an_attribute_before_the_noun_holds_the_hope(hl):
    # "die von X geäußerte Hoffnung": the participle's von-agent is the noun's holder
    text = ("Die von Arnold direkt nach dem Freispruch geäußerte Hoffnung, sein Leben werde sich "
            "nun zum Guten wenden, erfüllte sich nicht.")
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("Arnold", "Hoffnung")]


def test_a_confirmation_in_the_prefield_ends_before_an_unknown_main_verb(hl):
    # verb second: after the noun phrase and its dass-clause comes the finite
    # verb, here a strong preterite no list knows ("kam")
    text = "Die Bestätigung der Regierung, dass die Truppen abziehen, kam am Abend."
    assert [c["msg"] for c in attributed(hl, text)] == ["dass die Truppen abziehen"]


def test_a_relative_clause_inside_the_complement_keeps_it_whole(hl):
    # "abziehen" right before a comma closes the dass-clause: no main verb yet
    text = "Die Bestätigung der Regierung, dass die Truppen, die dort stehen, abziehen, kam am Abend."
    assert [c["msg"] for c in attributed(hl, text)] == ["dass die Truppen, die dort stehen, abziehen"]


# ------------------------------------------------------------ support verbs of concluding


def test_researchers_who_come_to_a_result_are_its_speakers(hl):
    # "zu dem Ergebnis kommen" is one predicate of judging; "kommen" is a
    # strong verb no ending rule knows as finite
    text = "Die Forscher kommen zu dem Ergebnis, dass der Wirkstoff unwirksam ist."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Forscher"]


def test_researchers_who_came_to_a_conviction_are_its_speakers(hl):
    text = "Die Forscher kamen zur Überzeugung, dass der Wirkstoff unwirksam ist."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [("Die Forscher", "Überzeugung")]


def test_guests_who_came_to_a_party_report_nothing(hl):
    text = "Die Gäste kamen zur Feier, dass es eine Freude war."
    assert attributed(hl, text) == []
