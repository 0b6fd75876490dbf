"""A headline's topic label before a colon is no speaker (issue 13: "a
headline's topic label ('Allianz Putin-Kim:')" is not a claim). The demo
corpus's first article opens with such a headline, so a new user met this
first."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed


def test_the_subject_after_a_headlines_label_speaks_not_the_label(hl):
    text = "Hochwasser an der Oder: Behörden rechnen mit weiter steigenden Pegeln"
    assert [c["src"] for c in attributed(hl, text)] == ["Behörden"]


def test_a_named_speaker_after_a_label_keeps_his_name(hl):
    text = "Krieg in der Ukraine: Selenskyj warnte vor einer Eskalation."
    assert [c["src"] for c in attributed(hl, text)] == ["Selenskyj"]


def test_a_colon_inside_a_quotation_before_the_verb_is_no_label(hl):
    # the quotation is what was said; the speaker follows the verb as before
    text = "„Die Lage ist klar: Wir brauchen Hilfe“, sagte der Bürgermeister."
    assert [c["src"] for c in attributed(hl, text)] == ["der Bürgermeister"]
