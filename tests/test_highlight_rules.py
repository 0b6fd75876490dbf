"""Cue types, quote forms, sources, hedges on crafted German sentences."""

from __future__ import annotations

import pytest
from highlight_support import describe_claims as claims_of

from annotator.core.highlight import load_highlighter
from annotator.core.models import Attribution as A


@pytest.fixture(scope="session")
def hl():
    return load_highlighter("blank")


def one(hl, text, attr=None):
    cs = [c for c in claims_of(hl, text) if attr is None or c["attr"] == attr]
    assert cs, f"no {attr} claim in {text!r}: {claims_of(hl, text)}"
    return cs[0]


# --- reporting verbs -------------------------------------------------------

def test_dass_complement(hl):
    c = one(hl, "Der Sprecher des Ministeriums sagte am Montag, dass die Grenze geschlossen bleibe.")
    assert c == {"msg": "dass die Grenze geschlossen bleibe", "src": "Der Sprecher des Ministeriums",
                 "cue": "sagte", "attr": A.INDIRECT, "hedged": True}


def test_verb_second_complement(hl):
    c = one(hl, "Die Ministerin erklärte, die Lage sei stabil.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == ("die Lage sei stabil", "Die Ministerin", "erklärte", A.INDIRECT)


@pytest.mark.parametrize("text, cue, src", [
    ("Die Polizei teilte am Montag mit, dass drei Menschen verletzt wurden.", "teilte", "Die Polizei"),
    ("Der Minister wies darauf hin, dass die Mittel knapp seien.", "wies", "Der Minister"),
    ("Die Regierung gab bekannt, dass die Wahl verschoben wird.", "gab", "Die Regierung"),
    ("Die Behörde hat mitgeteilt, dass der Flughafen gesperrt ist.", "mitgeteilt", "Die Behörde"),
])
def test_separable_and_perfect_verbs(hl, text, cue, src):
    c = one(hl, text, A.INDIRECT)
    assert (c["cue"], c["src"]) == (cue, src)
    assert c["msg"].startswith("dass ")


def test_separable_verb_without_particle_is_no_cue(hl):
    assert not [c for c in claims_of(hl, "Die Familie teilte das Brot mit den Nachbarn.")
                if c["attr"] != A.UNATTRIBUTED]


@pytest.mark.parametrize("text", [
    "Er sagte den Termin ab, weil er krank war.",
    "Sie forderte den Rücktritt, um Schaden abzuwenden.",
    "Der Mann, der das sagte, ging nach Hause.",
])
def test_non_complement_clauses_are_not_messages(hl, text):
    for c in claims_of(hl, text):
        if c["attr"] != A.UNATTRIBUTED:  # the outlet may assert "weil er krank war" itself
            assert not c["msg"].startswith(("weil", "um", "ging"))


def test_inverted_indirect(hl):
    c = one(hl, "Die Lage sei ernst, sagte der Sprecher des Amtes am Montag.")
    assert (c["msg"], c["src"], c["cue"]) == ("Die Lage sei ernst", "der Sprecher des Amtes", "sagte")


def test_infinitive_complement(hl):
    c = one(hl, "Der Sicherheitsrat forderte die Regierung auf, die Gewalt sofort zu beenden.")
    assert c["msg"] == "die Gewalt sofort zu beenden" and c["cue"] == "forderte"


# --- adverbial frames ------------------------------------------------------

@pytest.mark.parametrize("text, cue, src, msg", [
    ("Laut Polizei gab es drei Verletzte.", "Laut", "Polizei", "gab es drei Verletzte"),
    ("Dem Bericht zufolge starben 40 Menschen.", "zufolge", "Dem Bericht", "starben 40 Menschen"),
    ("Nach Angaben des Innenministeriums starben 12 Menschen.", "Nach", "Angaben des Innenministeriums",
     "starben 12 Menschen"),
    ("Gemäß der Studie trinken viele Kinder Alkohol.", "Gemäß", "der Studie", "trinken viele Kinder Alkohol"),
    ("Wie das Ministerium mitteilte, wurden 300 Soldaten verlegt.", "mitteilte", "das Ministerium",
     "wurden 300 Soldaten verlegt"),
    ("Die Lage sei ernst, heißt es in einer Mitteilung der Regierung.", "heißt", "einer Mitteilung der Regierung",
     "Die Lage sei ernst"),
    ("Berichten zufolge wurden zwei Dörfer geräumt.", "zufolge", "Berichten", "wurden zwei Dörfer geräumt"),
])
def test_according_to_frames(hl, text, cue, src, msg):
    c = one(hl, text, A.ACCORDING_TO)
    assert (c["cue"], c["src"], c["msg"]) == (cue, src, msg)


def test_frame_in_the_middle_keeps_the_claim_span(hl):
    text = "Der Unfall kostete laut der Netzzeitung 40 Menschen das Leben."
    c = one(hl, text, A.ACCORDING_TO)
    assert c["src"] == "der Netzzeitung" and c["msg"].startswith("Der Unfall")


def test_demnach_points_to_the_earlier_source(hl):
    text = "Das Ministerium veröffentlichte am Montag einen Bericht. Die Polizei teilte mit, dass es brennt. " \
           "Demnach wurden 30 Häuser zerstört."
    cs = claims_of(hl, text)
    demnach = [c for c in cs if c["cue"] == "Demnach"]
    assert demnach and demnach[0]["attr"] == A.ACCORDING_TO
    assert demnach[0]["src"] == "Die Polizei"


# --- direct quotes -----------------------------------------------------------

@pytest.mark.parametrize("text, quote", [
    ("„Wir werden nicht aufgeben“, sagte der Präsident.", "„Wir werden nicht aufgeben“"),
    ('"Wir werden nicht aufgeben", sagte der Präsident.', '"Wir werden nicht aufgeben"'),
    ("»Wir werden nicht aufgeben«, sagte der Präsident.", "»Wir werden nicht aufgeben«"),
    ("Der Präsident sagte: „Wir werden nicht aufgeben.“", "„Wir werden nicht aufgeben.“"),
])
def test_direct_quote_forms(hl, text, quote):
    c = one(hl, text, A.DIRECT_QUOTE)
    assert c["msg"] == quote
    assert c["src"].lower() == "der präsident" and c["cue"] == "sagte"


def test_quote_across_sentences(hl):
    # one claim per sentence of the quotation, each with the speaker and cue after it
    text = "„Wir gehen jetzt. Die Lage ist zu gefährlich“, sagte die Sprecherin der Organisation."
    cs = [x for x in claims_of(hl, text) if x["attr"] != A.UNATTRIBUTED]
    assert [c["msg"] for c in cs] == ["„Wir gehen jetzt", "Die Lage ist zu gefährlich“"]
    assert {(c["src"], c["cue"], c["attr"]) for c in cs} == {
        ("die Sprecherin der Organisation", "sagte", A.DIRECT_QUOTE)}
    groups = hl.nlp(text)._.annotator_groups
    assert groups[0] == groups[1] >= 0  # pieces of one quotation


def test_colon_quote_on_the_next_line(hl):
    text = "Die Ministerin Anna Berg kritisierte den Plan:\n„Das ist ein schwerer Fehler für das ganze Land.“"
    c = one(hl, text, A.DIRECT_QUOTE)
    assert c["msg"] == "„Das ist ein schwerer Fehler für das ganze Land.“"
    assert c["src"] == "Die Ministerin Anna Berg"


def test_title_in_quotes_is_not_speech(hl):
    text = "Die „Kampagne für ein Freies Tibet“ berichtete über einen Marsch."
    assert not [c for c in claims_of(hl, text) if c["attr"] == A.DIRECT_QUOTE]


def test_so_frame_after_quote(hl):
    c = one(hl, "„Das ist ein Skandal“, so der Vorsitzende der Partei.", A.DIRECT_QUOTE)
    assert c["src"] == "der Vorsitzende der Partei" and c["cue"] == "so"


# --- sources -----------------------------------------------------------------

def test_source_with_apposition(hl):
    c = one(hl, "John Kirby, Sprecher des Nationalen Sicherheitsrates, sagte, dass Truppen verlegt würden.")
    assert c["src"] == "John Kirby, Sprecher des Nationalen Sicherheitsrates"


def test_collective_and_document_sources(hl):
    c = one(hl, "Südkoreanische Geheimdienste gehen davon aus, dass 3.000 Soldaten verlegt wurden.")
    assert c["src"] == "Südkoreanische Geheimdienste"
    c = one(hl, "Satellitenbilder zeigen, dass die Truppen näher rücken.")
    assert c["src"] == "Satellitenbilder" and c["cue"] == "zeigen"
    c = one(hl, "Ein Geheimdienstdokument beschreibt, dass die Einheiten trainieren.")
    assert c["src"] == "Ein Geheimdienstdokument"


def test_pronoun_points_to_earlier_name(hl):
    text = "Bundeskanzler Olaf Scholz sagte, dass die Hilfe weitergehe. Er betonte, dass Europa einig sei."
    cs = [c for c in claims_of(hl, text) if c["attr"] == A.INDIRECT]
    assert cs[1]["src"] == "Bundeskanzler Olaf Scholz" and cs[1]["cue"] == "betonte"


def test_role_points_to_earlier_name(hl):
    text = "US-Präsident Joe Biden sagte, dass die Hilfe weitergehe. Der Präsident erklärte, dass Europa einig sei."
    cs = [c for c in claims_of(hl, text) if c["attr"] == A.INDIRECT]
    assert cs[1]["src"] == "US-Präsident Joe Biden"


def test_passive_agent_is_the_source(hl):
    c = one(hl, "Die Forderungen wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet.")
    assert c["src"] == "Bundesverkehrsminister Manfred Stolpe"


# --- hedges and free indirect speech -----------------------------------------

@pytest.mark.parametrize("word", ["offenbar", "angeblich", "möglicherweise", "voraussichtlich"])
def test_hedge_adverbs(hl, word):
    c = one(hl, f"Laut Polizei wurden {word} drei Menschen verletzt.", A.ACCORDING_TO)
    assert c["hedged"] is True


def test_unhedged(hl):
    c = one(hl, "Laut Polizei wurden drei Menschen verletzt.", A.ACCORDING_TO)
    assert c["hedged"] is False


def test_reportive_sollen_is_hedged(hl):
    c = one(hl, "In Berlin sollen 3.000 Menschen demonstriert haben.")
    assert c["hedged"] is True and c["attr"] == A.UNATTRIBUTED and c["src"] is None


def test_free_indirect_speech_continues_sentence_by_sentence(hl):
    text = ("Der Minister sagte, die Lage sei ernst. Man werde alles tun. Es gebe keine Alternative.\n"
            "Am Abend regnete es.")
    cs = [c for c in claims_of(hl, text) if c["attr"] != A.UNATTRIBUTED]
    assert [c["msg"] for c in cs] == ["die Lage sei ernst", "Man werde alles tun", "Es gebe keine Alternative."]
    assert all(c["src"] == "Der Minister" and c["hedged"] is True for c in cs)
    assert [c["cue"] for c in cs] == ["sagte", "werde", "gebe"]  # the Konjunktiv carries the speaker on


def test_checkworthy_statement_without_source(hl):
    c = one(hl, "Bei dem Unfall auf der A 7 starben am 27. Oktober 12 Menschen.")
    assert c["attr"] == A.UNATTRIBUTED and c["src"] is None and c["cue"] is None


def test_plain_sentence_is_the_outlets_claim(hl):
    assert claims_of(hl, "Das Wetter war schön.") == [
        {"msg": "Das Wetter war schön", "src": None, "cue": None, "attr": A.UNATTRIBUTED, "hedged": False}]
