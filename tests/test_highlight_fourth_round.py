"""Rules the fourth round of issue 13 added: a reader's story per rule (what
the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims as claims_of

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ continued speech: "sollen"


def test_sollen_with_a_perfect_infinitive_carries_the_speaker_on_over_a_sentence(hl):
    text = ("Die Staatsanwaltschaft erhob Anklage gegen den Mann. Sie sagte, er habe die Tat gestanden. "
            "Am Abend kam es zu einer Pressekonferenz. Er soll drei Menschen verletzt haben.")
    continued = [c for c in attributed(hl, text) if c["msg"].startswith("Er soll")]
    assert [(c["src"], c["cue"]) for c in continued] == [("Sie", "soll")]


def test_sollen_with_a_plain_infinitive_two_sentences_after_a_speaker_is_a_plan_in_the_outlets_voice(hl):
    text = ("Der Minister sagte, die Reform komme. Die Regierung traf sich am Montag. "
            "Die Taufe soll am 15. Juni in New York erfolgen.")
    claims = claims_of(hl, text)
    plan = [c for c in claims if c["msg"].startswith("Die Taufe")]
    assert [c["attr"] for c in plan] == [A.UNATTRIBUTED]


def test_sollen_right_after_a_speakers_sentence_still_continues_the_speech(hl):
    text = "Der Minister sagte, die Reform komme. Sie soll im Frühjahr in Kraft treten."
    continued = [c for c in attributed(hl, text) if c["msg"].startswith("Sie soll")]
    assert [(c["src"], c["cue"]) for c in continued] == [("Der Minister", "soll")]


# ------------------------------------------------------------ reporting events


def test_commenting_on_a_topic_is_the_reporting_event_not_a_claim(hl):
    text = ("Die Regierung hat die Steuern erhöht. "
            "Zum gleichen Thema äußerte sich heute auch der Präsident des Verbandes.")
    assert not any(c["msg"].startswith("Zum gleichen Thema") for c in claims_of(hl, text))


def test_commenting_with_an_attitude_is_still_a_claim(hl):
    text = "Der Präsident des Verbandes äußerte sich zufrieden über die Einigung."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("Der Präsident des Verbandes", "äußerte")


# ------------------------------------------------------------ frames


def test_a_span_of_time_before_nach_makes_it_temporal_not_a_source_frame(hl):
    text = "Zwei Monate nach dem Urteil des Gerichts liegt nun die schriftliche Begründung vor."
    assert attributed(hl, text) == []


def test_nach_angaben_is_still_a_source_frame(hl):
    [c] = attributed(hl, "Nach Angaben der Polizei ist die Brandursache bisher ungeklärt.")
    assert (c["src"], c["cue"]) == ("Angaben der Polizei", "Nach")


def test_habe_ich_in_an_interview_answer_is_indicative_not_reported_speech(hl):
    text = ('Der Fotograf sagte, er arbeite gern in Berlin. '
            'Neben den großen Projekten habe ich am meisten die Zusammenarbeit mit Freunden genossen.')
    answer = [c for c in claims_of(hl, text) if c["msg"].startswith("Neben")]
    assert [c["attr"] for c in answer] == [A.UNATTRIBUTED]


# ------------------------------------------------------------ splitting


def test_coordinated_dass_clauses_are_two_claims_of_one_attribution(hl):
    text = "Der Minister sagte, dass die Steuern steigen und dass die Renten sinken."
    doc = hl.nlp(text)
    claims = doc._.annotator_claims
    assert [text[c.start:c.end] for c in claims] == ["dass die Steuern steigen", "dass die Renten sinken"]
    groups = doc._.annotator_groups
    assert groups[0] == groups[1] != -1  # one speaker and cue: SpkAtt counts one annotation
