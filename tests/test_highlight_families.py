"""One story per cue family: crafted German sentences and what the highlighter suggests."""

from __future__ import annotations

import pytest
from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims as claims_of

from annotator.core.models import Attribution as A


def families(hl, text):
    return list(hl.nlp(text)._.annotator_families)



def test_a_speech_noun_with_its_complement_is_a_noun_cue(hl):
    text = "Die Forderung des CSU-Vorsitzenden Edmund Stoiber, auf die SPD zuzugehen, stieß auf Kritik."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("auf die SPD zuzugehen", "des CSU-Vorsitzenden Edmund Stoiber",
                                              "Forderung")
    assert "noun" in families(hl, text)


def test_a_noun_cue_after_the_speakers_verb_takes_the_subject(hl):
    [c] = attributed(hl, "Spectors Verteidiger Bruce Cutler vertritt die Ansicht, Clarkson habe sich selbst getötet.")
    assert (c["msg"], c["src"]) == ("Clarkson habe sich selbst getötet", "Spectors Verteidiger Bruce Cutler")


def test_any_predicate_of_a_speaker_before_a_dass_clause_is_a_phrase_cue(hl):
    text = "Die Weltgesundheitsorganisation hält es für unwahrscheinlich, dass man sich ansteckt."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("dass man sich ansteckt", "Die Weltgesundheitsorganisation",
                                              "hält es für unwahrscheinlich")  # the predicate is the cue
    assert families(hl, text) == ["phrase"]


def test_a_dass_clause_after_an_impersonal_predicate_is_the_outlets(hl):
    assert attributed(hl, "Es ist wichtig, dass die Hilfe ankommt.") == []


def test_a_long_quote_without_a_cue_takes_the_speaker_before_it(hl):
    text = "Die Kanzlerin griff den Plan scharf an: „Das ist mit uns nicht zu machen, und das wissen alle.“"
    cs = attributed(hl, text)
    assert cs and all(c["attr"] == A.DIRECT_QUOTE and c["src"] == "Die Kanzlerin" for c in cs)


def test_konjunktiv_continues_the_speaker_over_an_intervening_sentence(hl):
    text = ("Der Minister sagte, die Lage sei ernst. Die Gespräche laufen seit Montag. "
            "Eine Einigung sei aber möglich.")
    cs = attributed(hl, text)
    assert [c["src"] for c in cs] == ["Der Minister", "Der Minister"]
    assert cs[1]["msg"].startswith("Eine Einigung sei")
    assert families(hl, text) == ["verb", "outlet", "continuation"]


def test_a_frame_inside_a_relative_clause_governs_that_clause_only(hl):
    text = ("Die Flüge haben Verdacht geschürt, ein Schritt, der Experten zufolge den Konflikt verschärfen könnte.")
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == ("Experten", "zufolge", A.ACCORDING_TO)
    assert c["msg"].startswith("der") and c["msg"].endswith("verschärfen könnte")


def test_two_frames_in_one_sentence_make_two_claims(hl):
    text = ("Nach Angaben südkoreanischer Geheimdienste hat Nordkorea 12.000 Soldaten entsandt, "
            "wobei die Truppen Berichten zufolge an fünf Stützpunkten trainieren.")
    cs = attributed(hl, text)
    assert [(c["cue"], c["src"]) for c in cs] == [("Nach", "Angaben südkoreanischer Geheimdienste"),
                                                  ("zufolge", "Berichten")]
    assert cs[0]["msg"] == "hat Nordkorea 12.000 Soldaten entsandt"
    assert cs[1]["msg"].startswith("wobei die Truppen")


@pytest.mark.parametrize("text", [
    "Die Ministerin erläuterte die Klimapolitik.",
    "Ebenso äußerte sich Hamasführer Ismail Haniyya.",
    "Ein Sprecher der US-Armee bestätigte dieses anschließend.",
])
def test_a_speech_act_without_content_is_neither_a_claim_nor_the_outlets(hl, text):
    assert claims_of(hl, text) == []


def test_a_speech_act_whose_object_is_the_content_is_a_reported_claim(hl):
    [c] = claims_of(hl, "Der Minister kündigte eine Lösung des Problems an.")
    assert (c["attr"], c["src"], c["cue"]) == (A.REPORTED, "Der Minister", "kündigte")


@pytest.mark.parametrize("text, source, cue", [
    ("Jetzt gab der Leiter der Kriminalpolizei, Andreas Huber, bekannt, dass das Handy eingeloggt war.",
     "der Leiter der Kriminalpolizei, Andreas Huber", "gab"),
    ("Einzig Sony gab bekannt, für die Konsole ein Update anbieten zu wollen.", "Sony", "gab"),
    ("Im Juni hatte die Deutsche Bischofskonferenz beschlossen, eine Studie zu erstellen.",
     "die Deutsche Bischofskonferenz", "beschlossen"),
    ("Ein Regierungssprecher in Berlin sagte, dass die Lage ernst sei.", "Ein Regierungssprecher in Berlin", "sagte"),
])
def test_source_spans_of_verb_cues(hl, text, source, cue):
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == (source, cue)


def test_a_colon_statement_speaks_for_the_rest_of_its_paragraph(hl):
    text = ("Mit Blick auf die Lage zeigt sich Selenskyj entschlossen:\n"
            "Jeder Kriegstag beweist, dass Moskau weitermachen will. Sie wollen nichts anderes.\n"
            "Die Lage bleibt angespannt.")
    cs = claims_of(hl, text)
    assert [(c["src"], c["cue"]) for c in cs if c["attr"] != A.UNATTRIBUTED] == [("Selenskyj", "entschlossen")] * 2
    assert [c["msg"] for c in cs if c["attr"] == A.UNATTRIBUTED] == ["Die Lage bleibt angespannt"]


def test_konjunktiv_of_an_unlisted_verb_continues_the_speaker(hl):
    cs = attributed(hl, "Er appellierte an die Welt, den Krieg zu stoppen. Es brauche konkrete Schritte.")
    assert [(c["src"], c["cue"]) for c in cs] == [("Er", "appellierte"), ("Er", "brauche")]


def test_a_quoted_phrase_inside_a_sentence_is_not_a_quotation(hl):
    cs = claims_of(hl, 'Selenskyj kündigte eine Woche "sehr aktiver Arbeit mit Partnern" an, um die Front zu stärken.')
    assert all(c["attr"] != A.DIRECT_QUOTE for c in cs)


@pytest.mark.parametrize("text, source, cue", [
    ("Zusätzlich wurden durch Satellitenbilder Anzeichen dafür festgestellt, dass Russland sich vorbereitet.",
     "Satellitenbilder", "Anzeichen"),
    ("Diese Entwicklung ist eines von mehreren Indizien dafür, dass Pjöngjang Truppen entsendet.",
     "Diese Entwicklung", "Indizien"),
])
def test_evidence_pointing_to_content_is_an_evidential_cue(hl, text, source, cue):
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"]) == (source, cue) and c["msg"].startswith("dass")
    assert families(hl, text) == ["evidential"]


@pytest.mark.parametrize("text, claim, source, cue", [
    ("Die Entsendung der Truppen wird von vielen als Zeichen der Schwäche interpretiert.",
     "Die Entsendung der Truppen wird von vielen als Zeichen der Schwäche interpretiert", "vielen", "interpretiert"),
    ("Pjöngjang entlastet die Streitkräfte – ein Schritt, der von Beobachtern als Wendepunkt angesehen wird.",
     "ein Schritt, der von Beobachtern als Wendepunkt angesehen", "Beobachtern", "angesehen"),
])
def test_a_passive_evaluation_is_attributed_to_its_agent(hl, text, claim, source, cue):
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (claim, source, cue, A.REPORTED)


def test_coordinated_dass_clauses_are_two_claims_of_one_speaker(hl):
    cs = attributed(hl, "Experten sind sich einig, dass die Lage ernst ist und dass die Hilfe kommt.")
    assert [(c["msg"], c["src"]) for c in cs] == [("dass die Lage ernst ist", "Experten"),
                                                  ("dass die Hilfe kommt", "Experten")]


def test_spkatt_scores_the_pieces_of_one_quotation_as_one_annotation(hl, tmp_path):
    import json

    from annotator.core.highlight.evaluation import load_spkatt_file, system_annotations

    sentences = [["„", "Wir", "gehen", "jetzt", "."], ["Die", "Lage", "ist", "zu", "gefährlich", "“", ",", "sagte",
                                                          "die", "Sprecherin", "."]]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"Sentences": [{"SentenceId": i, "Tokens": t} for i, t in enumerate(sentences)],
                                "Annotations": []}), encoding="utf-8")
    gold = load_spkatt_file(path)
    doc = hl.nlp(gold.text)
    assert len([c for c in doc._.annotator_claims if c.attribution != A.UNATTRIBUTED]) == 2
    [annotation] = system_annotations(doc, gold)
    assert annotation["message"] == set(range(0, 11))  # „ … “ over both sentences, the stop between included


def test_a_second_verb_of_the_speaker_after_a_quote_makes_its_own_claim(hl):
    cs = attributed(hl, "„Das sind gut ausgebildete Kräfte“, sagte er und bemerkte, dass Nordkorea Lehren ziehen will.")
    assert [(c["msg"], c["cue"], c["src"]) for c in cs] == [
        ("„Das sind gut ausgebildete Kräfte“", "sagte", "er"),
        ("dass Nordkorea Lehren ziehen will", "bemerkte", "er")]


def test_continued_speech_is_split_at_a_main_clause_in_konjunktiv(hl):
    cs = attributed(hl, "Er appellierte an die Welt, den Krieg zu stoppen. Worte reichten nicht, es brauche Schritte.")
    assert [c["msg"] for c in cs] == ["den Krieg zu stoppen", "Worte reichten nicht", "es brauche Schritte."]


def test_a_second_speech_act_of_the_speaker_after_und_is_its_own_claim(hl):
    cs = attributed(hl, "Selenskyj hatte gewarnt, dass Russland die Kräfte einsetzen werde, und forderte "
                        "internationalen Druck auf beide Staaten.")
    assert [(c["msg"], c["cue"], c["src"], c["attr"]) for c in cs] == [
        ("dass Russland die Kräfte einsetzen werde", "gewarnt", "Selenskyj", A.INDIRECT),
        ("internationalen Druck auf beide Staaten", "forderte", "Selenskyj", A.REPORTED)]


def test_konjunktiv_takes_the_speaker_of_the_sentence_just_before_though_it_had_no_cue(hl):
    text = ("Der Minister sagte, die Lage sei ernst. Die Regierung in Teheran streitet dies ab. "
            "Ihr Programm sei friedlich.")
    cs = attributed(hl, text)
    assert [(c["msg"], c["src"], c["cue"]) for c in cs][-1] == (
        "Ihr Programm sei friedlich.", "Die Regierung in Teheran", "sei")


@pytest.mark.parametrize("text", [
    "Der Beifahrer erlitt so schwere Verletzungen, dass er ins Krankenhaus musste.",
    "Ich habe so viele Sachen gelernt, indem ich sie einfach ausprobiert habe.",
])
def test_a_consequence_or_manner_clause_is_no_reported_content(hl, text):
    assert attributed(hl, text) == []


@pytest.mark.parametrize("text, source, cue", [
    ("Die IG Metall wertet die Einigung mit der Konzernführung als Erfolg.", "Die IG Metall", "wertet"),
    ("Das Bundesamt hält eine Veröffentlichung der Liste für unbedenklich.", "Das Bundesamt", "hält"),
    ("Die Bundeskanzlerin begrüßte den heutigen Beschluss der IAEA.", "Die Bundeskanzlerin", "begrüßte"),
    ("Müntefering sprach von einem Riesenerfolg für die SPD.", "Müntefering", "sprach"),
])
def test_a_judgement_told_by_the_verbs_frame_is_a_reported_claim(hl, text, source, cue):
    [c] = attributed(hl, text)
    assert (c["src"], c["cue"], c["attr"]) == (source, cue, A.REPORTED)


def test_a_verb_of_judging_without_a_speaker_is_the_outlets_claim(hl):
    assert attributed(hl, "Die Entwicklung hält die Märkte für unberechenbar.") == []


def test_coordinated_verbs_after_an_inverted_first_verb_share_its_subject(hl):
    cs = attributed(hl, "Unter Berufung auf Berichte wandte sich Selenskyj an die Welt und bezeichnete es als "
                        "„eine klare Eskalation durch Russland“.")
    assert [(c["src"], c["cue"]) for c in cs] == [("Selenskyj", "bezeichnete")]


def test_konjunktiv_ii_right_after_a_report_continues_it_with_its_own_verb_as_cue(hl):
    cs = attributed(hl, "Die Soldaten sollen sich vorbereiten, berichtete Budanow. "
                        "Ab November könnten sie an Kämpfen teilnehmen.")
    assert [(c["src"], c["cue"]) for c in cs] == [("Budanow", "berichtete"), ("Budanow", "könnten")]


def test_a_short_quotation_given_as_a_label_is_the_speakers_quote(hl):
    [c] = attributed(hl, "Bundestrainer Joachim Löw bezeichnete die Kritik als „übertrieben“.")
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "„übertrieben“", "Bundestrainer Joachim Löw", "bezeichnete", A.DIRECT_QUOTE)
