"""Rules the third round of issue 13 added: a reader's story per rule (what
the annotator sees as claim, source and cue), and the speed work's promise
that the output did not change."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims as claims_of

from annotator.core.highlight.doc_state import DocState, find_quotes
from annotator.core.highlight.lexicons import load_lexicons
from annotator.core.models import Attribution as A

# ------------------------------------------------------------ speakers


def test_an_acronym_is_an_organisation_that_can_demand_something(hl):
    text = "Die EU fordert seit Jahren eine bessere Bekämpfung der Korruption in Bulgarien."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == ("Die EU", "fordert", A.REPORTED)


def test_a_verb_that_nearly_always_reports_makes_any_noun_subject_its_speaker(hl):
    [c] = attributed(hl, "Die Opposition fordert den Rücktritt des Ministers.")
    assert (c["src"], c["cue"]) == ("Die Opposition", "fordert")


# ------------------------------------------------------------ anaphoric reports


def test_dies_bestaetigte_x_makes_the_sentence_before_the_claim_of_x(hl):
    text = ("Die Freien Demokraten schließen eine Ampelkoalition mit SPD und Grünen aus. "
            "Dies bestätigte der Parteivorsitzende Guido Westerwelle am Abend.")
    claims = claims_of(hl, text)
    assert [(c["msg"], c["src"], c["cue"]) for c in claims] == [
        ("Die Freien Demokraten schließen eine Ampelkoalition mit SPD und Grünen aus",
         "der Parteivorsitzende Guido Westerwelle", "bestätigte")]


def test_das_sagte_x_needs_no_verb_that_reports_without_a_complement(hl):
    text = "Die Zahl der Toten ist auf 40 gestiegen. Das sagte ein Sprecher der Polizei."
    [c] = claims_of(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "Die Zahl der Toten ist auf 40 gestiegen", "ein Sprecher der Polizei", "sagte")


def test_a_confirmation_of_an_attributed_sentence_is_neither_a_new_claim_nor_the_outlets(hl):
    text = "Der Minister sagte, die Lage sei ernst. Das bestätigte auch ein Sprecher."
    assert [(c["msg"], c["src"]) for c in claims_of(hl, text)] == [("die Lage sei ernst", "Der Minister")]


# ------------------------------------------------------------ continued speech


def test_soll_in_a_relative_clause_is_a_plan_not_hearsay(hl):
    text = ("Der Sprecher sagte, die Firma sei gesund. Porsche hält 27,4 Prozent der VW-Anteile, "
            "die mittelfristig auf 29,9 Prozent aufgestockt werden sollen.")
    claims = claims_of(hl, text)
    assert [c["attr"] for c in claims] == [A.INDIRECT, A.UNATTRIBUTED]


def test_soll_in_the_main_clause_still_carries_the_speaker_on(hl):
    text = "Der Sprecher sagte, die Firma sei gesund. Der Chef soll zurückgetreten sein."
    second = claims_of(hl, text)[1]
    assert (second["msg"], second["src"], second["cue"]) == ("Der Chef soll zurückgetreten sein.", "Der Sprecher",
                                                             "soll")


def test_a_phrase_cue_in_konjunktiv_is_reported_speech_of_the_speaker_before(hl):
    text = "Der Direktor sagte, die Lage sei ernst. Die IAEO gehe davon aus, dass Nordkorea Plutonium besitze."
    second = attributed(hl, text)[1]
    assert second["src"] == "Der Direktor"
    assert second["msg"].startswith("Die IAEO gehe davon aus")


# ------------------------------------------------------------ speed work, same output


def test_quotation_marks_pair_as_before():
    words = "Er sagte : „ Wir kommen “ und „ sie „ gehen “ .".split()
    assert find_quotes(words) == [(3, 6), (10, 12)]
    assert find_quotes(['"', ".", "x", '"', "y", '"']) == [(3, 5)]


def test_the_rules_look_up_each_kind_of_token_once_per_document():
    lex = load_lexicons()
    words = "Laut Polizei sagte er , es sei 2005 gewesen .".split()
    doc = DocState.build(words, [(0, len(words))], lex)
    assert doc.verb_tokens == [k for k, w in enumerate(doc.lower) if w in lex.verbs]
    assert doc.frame_tokens == [0]
    digits = doc.token_hits("digit", str.isdigit, lambda w: w[:1])
    assert digits == [7] and doc.token_hits("digit", str.isdigit) is digits  # cached
    assert doc.any_in(digits, 5, 8) and not doc.any_in(digits, 0, 7)
    assert doc.tokens_in(doc.verb_tokens, 0, 4) == [k for k in doc.verb_tokens if k < 4]


def test_a_lexicon_copy_starts_with_empty_caches():
    from dataclasses import replace

    lex = load_lexicons()
    assert lex.source_noun_kind("regierungssprecher") == "role"
    copy = replace(lex, source_nouns={})
    assert copy.source_noun_kind("regierungssprecher") is None
    assert lex.hedge_words() >= lex.konj1


# ------------------------------------------------------------ source spans


def test_a_pp_that_fills_the_prefield_up_to_the_verb_belongs_to_the_speaker(hl):
    text = "Die Behörden in beiden Staaten erklärten, dass Drogenschmuggel zu dem Zwischenfall führte."
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == ("Die Behörden in beiden Staaten", "erklärten")
    [frame] = attributed(hl, "Laut den Behörden in beiden Staaten führte Drogenschmuggel zu dem Zwischenfall.")
    assert (frame["src"], frame["msg"]) == ("den Behörden in beiden Staaten",
                                            "führte Drogenschmuggel zu dem Zwischenfall")


def test_a_temporal_pp_in_the_prefield_is_no_part_of_the_speaker(hl):
    [c] = attributed(hl, "Laut Polizei in der Nacht wurden drei Menschen verletzt.")
    assert c["src"] == "Polizei"
