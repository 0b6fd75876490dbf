"""Issue 13, fourteenth round, continued speech: a reader's story per rule
(German text in, the claims the annotator is offered out) for sentences
whose speaker stands in an earlier sentence."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ "sollte" with a perfect infinitive


def test_sollte_with_a_perfect_infinitive_goes_on_reporting_the_speaker(hl):
    # "sollte … beteiligt gewesen sein" is hearsay, as "soll … gewesen sein"
    # is: the United States go on speaking, the outlet does not assert it
    text = ("Die Vereinigten Staaten bezeichnen den Angriff als Verteidigungsaktion. "
            "Soleimani sollte an dem Anschlag beteiligt gewesen sein.")
    assert [(c["src"], c["cue"], c["msg"]) for c in attributed(hl, text)][-1] == (
        "Die Vereinigten Staaten", "sollte", "Soleimani sollte an dem Anschlag beteiligt gewesen sein.")


def test_sollte_with_a_plain_infinitive_stays_the_outlets(hl):
    # "sollte … aufgenommen werden" tells a plan or a duty, no hearsay
    text = ("Die Polizei hatte die Suche eingestellt. "
            "Die Suche sollte erneut aufgenommen werden, falls sich neue Hinweise ergeben.")
    assert attributed(hl, text) == []


def test_sollte_in_a_relative_clause_carries_no_speaker(hl):
    # the modal of a subordinate clause does not make the main clause reported
    text = ("Der Minister kritisierte den Plan. "
            "Die Brücke, die im Mai fertig gewesen sein sollte, ist noch gesperrt.")
    assert [c["msg"] for c in attributed(hl, text)] == ["Der Minister kritisierte den Plan."]


# ------------------------------------------------------------ a weak preterite is no Konjunktiv I


def test_ebenso_aeusserte_sich_is_no_continued_speech(hl):
    # "äußerte" is the preterite of "äußern" (an -ern verb: infinitive in -n),
    # not a Konjunktiv I: the sentence only reports that Haniyya spoke
    text = ("Ägypten solle die Grenze öffnen, so Hisbollah-Chef Hassan Nasrallah. "
            "Ebenso äußerte sich Hamasführer Ismail Haniyya.")
    assert [c["msg"] for c in attributed(hl, text)] == ["Ägypten solle die Grenze öffnen"]


def test_er_after_a_speech_act_without_claim_is_that_speaker(hl):
    # the sentence that only reports a speech act makes no claim, but it
    # names the speaker a following "er" stands for (not Nasrallah before him)
    text = ("Ägypten solle die Grenze öffnen, so Hisbollah-Chef Hassan Nasrallah. "
            "Ebenso äußerte sich Hamasführer Ismail Haniyya. "
            "Das ägyptische Angebot, Verwundete zu behandeln, lehnt er jedoch ab.")
    *_, last = attributed(hl, text)
    assert last["src"] == "Hamasführer Ismail Haniyya"


def test_a_konjunktiv_of_an_ern_verb_still_continues_speech(hl):
    # "ändere" (Konjunktiv I of "ändern") is no preterite: speech goes on
    text = "Der Minister kritisierte den Plan. Daran ändere auch die Reform nichts."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)][-1] == ("Der Minister", "ändere")


# ------------------------------------------------------------ the subject after the verb


def test_a_pp_in_front_puts_the_speaker_after_the_verb(hl):
    # "Im Parlament" fills the prefield, so the subject follows "stimmte":
    # the opposition is who goes on speaking in the Konjunktiv sentence
    text = "Im Parlament stimmte die Opposition gegen das Gesetz. Es verstoße gegen die Verfassung."
    assert [(c["src"], c["cue"], c["msg"]) for c in attributed(hl, text)] == [
        ("die Opposition", "verstoße", "Es verstoße gegen die Verfassung.")]


def test_a_pronoun_after_the_verb_leaves_the_object_alone(hl):
    # "er" is the subject: "die Ministerin" after it is the object, no speaker
    text = "Im Parlament besuchte er die Ministerin. Es gehe um die Verfassung."
    assert [c["src"] for c in attributed(hl, text)] == [None]
