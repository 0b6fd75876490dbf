"""Source rules of issue 13's thirteenth round: a reader's story per rule (a
German sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ "Aus X hieß es"


def test_government_circles_are_where_the_report_came_from(hl):
    # one noun after "aus" fills the prefield before "hieß es": where the
    # words came from is the source, as "Bei der Agentur RIA hieß es"
    text = "Aus Regierungskreisen hieß es, die Verhandlungen seien gescheitert."
    assert [c["src"] for c in attributed(hl, text)] == ["Regierungskreisen"]


def test_a_month_before_hiess_es_is_no_source(hl):
    text = "Im Januar hieß es, die Verhandlungen seien gescheitert."
    assert [c["src"] for c in attributed(hl, text)] == [None]


# ------------------------------------------------------------ the passive of "zitieren"


def test_the_minister_who_is_quoted_is_the_speaker(hl):
    # "wird … zitiert": the passive makes the quoted speaker its subject
    text = "Der Minister wird mit den Worten zitiert, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Minister"]


def test_the_quoted_minister_speaks_not_the_paper_in_front(hl):
    # a PP fills the prefield, the subject follows the auxiliary
    text = "In der Zeitung wird der Minister zitiert, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["der Minister"]


def test_the_paper_that_quotes_with_von_stays_the_source(hl):
    # with a "von"-agent SpkAtt marks the one quoting ("wie X von Spiegel-Online zitiert wird")
    text = "Der Minister wurde von der Zeitung mit den Worten zitiert, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["der Zeitung"]


# ------------------------------------------------------------ one adverb alone in the prefield


def test_an_adverb_before_the_verb_is_no_speaker(hl):
    # "Derweil" is written capitalised only at the sentence start: no noun,
    # no name, so it fills the prefield alone and the police speak
    text = "Derweil erklärte die Polizei, die Lage sei ruhig."
    assert [c["src"] for c in attributed(hl, text)] == ["die Polizei"]


def test_at_the_same_time_the_court_found(hl):
    text = "Zeitgleich stellte das Gericht fest, dass die Lage ernst sei."
    assert [c["src"] for c in attributed(hl, text)] == ["das Gericht"]


def test_a_name_that_comes_back_in_the_text_still_speaks(hl):
    # "Greenpeace" starts two sentences: a name comes back, an adverb need not
    text = ("Greenpeace kritisierte die Regierung scharf. "
            "Greenpeace erklärte, die Lage sei ernst.")
    assert [c["src"] for c in attributed(hl, text)] == ["Greenpeace", "Greenpeace"]


def test_a_pronoun_alone_in_front_is_the_speaker(hl):
    text = "Er warnte die Regierung davor, die Lage zu unterschätzen."
    assert [c["src"] for c in attributed(hl, text)] == ["Er"]


# ------------------------------------------------------------ an object with its PP in front


def test_merkel_calls_the_development_in_iran_dangerous(hl):
    # "Die Entwicklung im Iran" fills the prefield with its PP: an action
    # noun in front is the object, the name right after the verb speaks
    text = "Die Entwicklung im Iran bezeichnete Merkel als gefährlich."
    assert [c["src"] for c in attributed(hl, text)] == ["Merkel"]


def test_a_body_with_its_place_in_front_still_speaks(hl):
    text = "Die Regierung in Berlin erklärte, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Regierung in Berlin"]


# ------------------------------------------------------------ one article before two nouns and a name


def test_the_actor_and_director_is_one_speaker(hl):
    # "der Schauspieler und Regisseur Til Schweiger": the second noun has no
    # article of its own, so both describe the one person named after them
    text = "Am Montag erklärte der Schauspieler und Regisseur Til Schweiger, dass er stolz sei."
    assert [c["src"] for c in attributed(hl, text)] == ["der Schauspieler und Regisseur Til Schweiger"]


def test_a_second_clause_after_und_is_no_coordinated_speaker(hl):
    text = "Am Montag sagte der Minister, die Lage sei ernst, und Merkel stimmte zu."
    assert "der Minister" in [c["src"] for c in attributed(hl, text)]


# ------------------------------------------------------------ a quoted name before "zufolge"


def test_a_report_of_a_quoted_paper_is_the_source(hl):
    # the closing quotation mark ends the paper's name, not the clause
    text = "Einem Bericht der „Süddeutschen Zeitung“ zufolge ist die Lage ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Einem Bericht der „Süddeutschen Zeitung“"]


# ------------------------------------------------------------ the dative a speaker speaks to


def test_what_he_told_the_paper_is_his(hl):
    # "der Zeitung" after the pronoun is the dative he spoke to (a pronoun
    # takes no genitive): the clause ends there, the claim is his
    text = "Die Lage sei ernst, sagte er der Zeitung."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("er", "Die Lage sei ernst")]


def test_what_the_minister_told_the_broadcaster_is_his(hl):
    text = "Die Lage sei ernst, sagte der Minister dem Sender."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("der Minister", "Die Lage sei ernst")]


# ------------------------------------------------------------ a correlative conjunction in front


def test_both_government_and_opposition_speak(hl):
    # "Sowohl … als auch …" joins two phrases into the one constituent
    # before the finite verb: together they are the subject
    text = "Sowohl die Regierung als auch die Opposition erklärten, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Sowohl die Regierung als auch die Opposition"]


def test_two_places_in_front_leave_the_subject_after_the_verb(hl):
    text = "Sowohl in Berlin als auch in Kiew erklärten die Regierungen, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["die Regierungen"]


# ------------------------------------------------------------ a quotation split by its speaker


def test_the_quotation_in_front_is_said_not_saying(hl):
    # "„…“, sagte Merkel, „…“": the quotation before the comma is what was
    # said; the speaker follows the verb
    text = "„Wir werden das schaffen“, sagte Merkel, „auch wenn es schwer wird.“"
    assert [c["src"] for c in attributed(hl, text)] == ["Merkel"]


def test_a_quoted_paper_without_a_comma_is_the_subject(hl):
    text = "„Der Spiegel“ berichtete, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["„Der Spiegel“"]


# ------------------------------------------------------------ "laut" and one bare word in the middle field


def test_the_minister_named_after_laut_is_the_whole_source(hl):
    # in the middle field a PP after "laut Schnappauf" is the clause's
    # adverbial ("aus Sicherheitsgründen"), not part of the name
    text = "Der Abschuss soll laut Schnappauf aus Sicherheitsgründen erfolgen."
    assert [c["src"] for c in attributed(hl, text)] == ["Schnappauf"]


def test_a_report_after_laut_keeps_its_speaker(hl):
    # a speech noun takes its speaker after it ("Angaben von n24")
    text = "Die Zahl der Toten stieg laut Angaben von n24 auf 20."
    assert [c["src"] for c in attributed(hl, text)] == ["Angaben von n24"]


def test_an_agency_with_its_article_keeps_its_place(hl):
    text = "Das Beben hatte laut dem USGS in Denver eine Stärke von 7,1."
    assert [c["src"] for c in attributed(hl, text)] == ["dem USGS in Denver"]


# ------------------------------------------------------------ causative "lassen"


def test_the_minister_who_had_it_announced_speaks(hl):
    # "ließ … mitteilen": the finite "lassen" is the verb in second place,
    # the PP fills the prefield, the subject after "ließ" speaks
    text = "Über einen Sprecher ließ der Minister mitteilen, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["der Minister"]


def test_the_government_had_it_declared_on_monday(hl):
    text = "Am Montag ließ die Regierung erklären, dass die Lage ernst sei."
    assert [c["src"] for c in attributed(hl, text)] == ["die Regierung"]


# ------------------------------------------------------------ "…, so X, …, am Montag."


def test_the_day_after_the_spokesman_is_no_part_of_what_he_said(hl):
    # after "so" and the speaker with his apposition, a verbless rest of the
    # sentence is the frame's adverbial, not the message
    text = "Die Lage sei ernst, so der Sprecher des Ministeriums, Peter Müller, am Montag."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [
        ("der Sprecher des Ministeriums, Peter Müller", "Die Lage sei ernst")]


# ------------------------------------------------------------ "nach" and a noun of saying


def test_the_ministers_announcement_is_the_source_of_what_shall_happen(hl):
    # a noun of saying with its speaker after "nach", and "soll" in the clause:
    # "nach" means "according to"
    text = "Nach der Ankündigung der Ministerin soll die Ausgleichsphase verschoben werden."
    assert [c["src"] for c in attributed(hl, text)] == ["der Ankündigung der Ministerin"]


def test_after_the_oppositions_demand_is_a_time(hl):
    # in the indicative of narration "nach der Forderung" is when, not who
    text = "Nach der Forderung der Opposition reagierte die Regierung schnell."
    assert attributed(hl, text) == []


# ------------------------------------------------------------ ", laut denen …"


def test_what_the_plans_say_after_laut_denen_is_reported(hl):
    # "laut denen" opens a relative clause that reports, like "nach denen":
    # its content is the message, not the outlet's
    text = "Es gab Pläne der Regierung, laut denen jeder Deutsche ein Radio haben sollte."
    claims = attributed(hl, text)
    assert [c["msg"] for c in claims] == ["jeder Deutsche ein Radio haben sollte"]


# ------------------------------------------------------------ pronouns, possessives and adjectives in frames


def test_a_dative_pronoun_before_zufolge_is_the_source(hl):
    text = "Der Minister äußerte sich am Montag. Ihm zufolge ist die Lage ernst."
    assert "Ihm" in [c["src"] for c in attributed(hl, text)]


def test_his_words_after_a_plural_possessive_are_the_source(hl):
    # "Seinen Worten nach": the dative plural of the possessive, like "seiner Meinung nach"
    text = "Seinen Worten nach ist die Lage ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Seinen Worten"]


def test_an_adjective_opening_the_sentence_belongs_to_its_report(hl):
    # the one constituent before the verb: "Eigenen Angaben zufolge"
    text = "Eigenen Angaben zufolge hat die Firma 20 Mitarbeiter."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("Eigenen Angaben", "hat die Firma 20 Mitarbeiter")]


# ------------------------------------------------------------ "wie es in X heißt"


def test_the_police_statement_named_in_a_wie_clause_is_the_source(hl):
    # in the verb-final "wie"-clause the PP between "es" and "heißt" names
    # the source; the whole clause is the frame
    text = "Die Lage ist ernst, wie es in einer Mitteilung der Polizei heißt."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("einer Mitteilung der Polizei", "Die Lage ist ernst")]


def test_a_wie_clause_in_front_frames_the_main_clause(hl):
    text = "Wie es in der Mitteilung heißt, ist die Lage ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["der Mitteilung"]


# ------------------------------------------------------------ "Seitens X hieß es am Montag, …"


def test_on_the_part_of_the_police_it_was_said_on_monday(hl):
    # "seitens" opens the prefield's PP like "bei"; the time after "hieß es"
    # is the frame's, not part of what was said
    text = "Seitens der Polizei hieß es am Montag, die Lage sei ernst."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("der Polizei", "die Lage sei ernst")]


# ------------------------------------------------------------ a number and what it counts in front


def test_about_a_hundred_protesters_demanded_it(hl):
    # a number, rounded by "rund", and the noun it counts fill the prefield
    text = "Rund 100 Demonstranten forderten, die Lage ernst zu nehmen."
    assert [c["src"] for c in attributed(hl, text)] == ["Rund 100 Demonstranten"]


def test_at_least_ten_witnesses_reported_it(hl):
    text = "Mindestens zehn Augenzeugen berichteten, der Täter sei geflohen."
    assert [c["src"] for c in attributed(hl, text)] == ["Mindestens zehn Augenzeugen"]


def test_what_merkel_told_the_broadcaster_is_hers(hl):
    # a name takes no genitive attribute after it: "der ARD" is the dative
    text = "Die Lage sei ernst, sagte Merkel der ARD."
    claims = attributed(hl, text)
    assert [(c["src"], c["msg"]) for c in claims] == [("Merkel", "Die Lage sei ernst")]


def test_the_spokesman_of_the_police_keeps_his_genitive(hl):
    text = "Die Lage sei ernst, sagte der Sprecher der Polizei."
    assert [c["src"] for c in attributed(hl, text)] == ["der Sprecher der Polizei"]
