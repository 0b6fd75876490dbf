"""Source rules of issue 13's fifth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed
from highlight_support import describe_claims as claims_of

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ case: an object is never the speaker


def test_a_decision_that_underlines_a_need_is_the_outlets_claim_not_the_needs(hl):
    text = ("Die Entscheidung Russlands, nordkoreanische Soldaten zu rekrutieren, "
            "unterstreicht den zunehmenden Bedarf an Verstärkungen.")
    claims = claims_of(hl, text)
    assert [c["attr"] for c in claims] == [A.UNATTRIBUTED]
    assert all(c["src"] is None for c in claims)


def test_an_accusative_object_after_the_verb_is_not_taken_as_the_speaker(hl):
    text = ("Das Gericht nutzte die Begründung zur Verteidigung in eigener Sache. "
            "Es weist den Vorwurf als abwegig zurück, man hätte immer weiter verhandelt. "
            "Dieser Vorwurf gehe gegen das Berufsethos der Kammer.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources and "den Vorwurf" not in sources


# ------------------------------------------------------------ continued speech that names its own speaker


def test_a_continued_sentence_with_its_own_reporting_verb_is_its_own_speakers(hl):
    text = ("Die indonesische Regierung sagte, die Botschaft bleibe geschlossen. "
            "Ein weiteres Konsulat in Denpasar soll folgen, gab der indonesische Außenminister "
            "Hassan Wirajuda bekannt.")
    second = [c for c in attributed(hl, text) if c["msg"].startswith("Ein weiteres")]
    assert [c["src"] for c in second] == ["der indonesische Außenminister Hassan Wirajuda"]
    assert second[0]["cue"] == "gab"


def test_a_general_who_declares_otherwise_speaks_for_himself_not_for_the_speaker_before(hl):
    text = ("Ein Sprecher der Afrikanischen Union sagte, die Lage sei unklar. "
            "Generalstabschef Zakari Nandja erklärte hingegen, damit solle ein Machtvakuum vermieden werden.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources[-1] == "Generalstabschef Zakari Nandja"


def test_continued_speech_in_konjunktiv_still_carries_the_speaker_before(hl):
    text = ("Der Minister sagte, die Reform komme. Im Brief habe sich der Rebellenführer "
            "über die Regierung beschwert.")
    continued = [c for c in attributed(hl, text) if c["msg"].startswith("Im Brief")]
    assert [c["src"] for c in continued] == ["Der Minister"]


# ------------------------------------------------------------ extended attributes


def test_an_institution_described_by_an_extended_attribute_is_the_whole_speaker(hl):
    text = ("Er starb am Samstag im Alter von 100 Jahren, teilte die zur kalifornischen Stanford "
            "University gehörende Hoover Institution mit.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["die zur kalifornischen Stanford University gehörende Hoover Institution"]


def test_a_singer_born_in_new_york_is_quoted_with_her_description(hl):
    text = "„Jetzt ist es noch außergewöhnlicher“, schrieb die in New York City geborene Lopez."
    assert [c["src"] for c in attributed(hl, text)] == ["die in New York City geborene Lopez"]


def test_a_relative_pronoun_after_a_comma_opens_no_extended_attribute(hl):
    text = "Der Minister, der in Berlin lebende Gäste empfing, sagte, die Lage sei ruhig."
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources and all(not (s or "").startswith("der in Berlin") for s in sources)


# ------------------------------------------------------------ names written in lowercase


def test_a_union_written_ver_di_belongs_to_its_speaker_phrase(hl):
    text = ("Den Verkehrsbetrieben droht ab heute ein neuer Streik. "
            "Das beschloss die große Tarifkommission der Gewerkschaft ver.di am Montag. "
            "Die Busse sollen am Mittwoch in ihren Depots bleiben.")
    sources = {c["src"] for c in attributed(hl, text)}
    assert sources == {"die große Tarifkommission der Gewerkschaft ver.di"}


def test_a_homepage_named_by_a_lowercase_compound_is_the_source_of_what_it_says(hl):
    text = "Auf der documenta-Homepage heißt es, die Zählstriche seien wegen ihrer Darstellung gewählt worden."
    sources = {c["src"] for c in attributed(hl, text)}
    assert sources == {"der documenta-Homepage"}


# ------------------------------------------------------------ possessive frames


def test_seiner_meinung_nach_belongs_to_the_speaker_the_sentence_names(hl):
    text = ("Joe Stork von HRW fordert von der Regierung eine Untersuchung des Vorfalls, bei dem es sich "
            "seiner Meinung nach um einen entsetzlichen Angriff handelte.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["Joe Stork von HRW"]


# ------------------------------------------------------------ coordinations


def test_a_joint_statement_of_two_bodies_names_both(hl):
    text = ("Die Einsparungen sollen „durch mehr Effizienz“ erreicht werden, so heißt es in einer gemeinsamen "
            "Erklärung des Airbus-Gesamtbetriebsrates und der IG Metall Küste.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["einer gemeinsamen Erklärung des Airbus-Gesamtbetriebsrates und der IG Metall Küste"]


def test_statements_of_a_helper_and_other_witnesses_are_one_source(hl):
    text = ("Nach Aussagen eines Mitarbeiters des Roten Kreuzes sowie anderer Augenzeugen soll die Explosion "
            "durch ein Streichholz ausgelöst worden sein.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["Aussagen eines Mitarbeiters des Roten Kreuzes sowie anderer Augenzeugen"]


# ------------------------------------------------------------ relative clauses


def test_a_name_after_an_object_relative_pronoun_is_the_clauses_subject(hl):
    text = ("Die Stadt muss sparen.\nDie Alternative, die Roßberg nannte, ist ein massiver Eingriff in die Kultur.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["Roßberg"]


# ------------------------------------------------------------ names


def test_a_title_of_nobility_between_names_stays_in_the_speaker_phrase(hl):
    text = ("Die Arbeit wird geprüft. Der Doktorvater zu Guttenbergs, Peter Häberle, erklärte in einem "
            "Interview, er sei enttäuscht.")
    sources = [c["src"] for c in attributed(hl, text)]
    assert sources == ["Der Doktorvater zu Guttenbergs, Peter Häberle"]


def test_a_broadcaster_whose_name_has_digits_is_part_of_the_source(hl):
    claims = attributed(hl, "Nach Angaben von n24 wurden drei Menschen verletzt.")
    assert [(c["src"], c["msg"]) for c in claims] == [("Angaben von n24", "wurden drei Menschen verletzt")]


def test_where_a_minister_said_it_is_no_part_of_the_speaker_after_the_verb(hl):
    text = "Die Maut wird erhöht. Das gab Bundesverkehrsminister Manfred Stolpe in Berlin bekannt."
    assert [c["src"] for c in attributed(hl, text)] == ["Bundesverkehrsminister Manfred Stolpe"]


def test_the_authorities_in_both_states_before_the_verb_keep_their_place(hl):
    text = "Die Behörden in beiden Staaten erklärten, der Schmuggel habe zu dem Zwischenfall geführt."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Behörden in beiden Staaten"]


# ------------------------------------------------------------ continued speech: the latest mention


def test_continued_speech_names_the_speaker_as_the_text_last_mentioned_him(hl):
    text = ("Laut CNN hat der US-Verteidigungsminister Leon Panetta auf einer Pressekonferenz verkündet , "
            "der Nationale Übergangsrat wolle die NATO-Streitkräfte in Libyen behalten .\n"
            "„ Ich bemerkte heute Kommentare von einigen aus der libyschen Führung , dass die NATO ihre Mission "
            "fortsetzen solle “ , wird Panetta zitiert .\n"
            "Die Entscheidung wolle er der NATO überlassen .")
    continued = [c for c in attributed(hl, text) if c["msg"].startswith("Die Entscheidung")]
    assert [c["src"] for c in continued] == ["Panetta"]


def test_a_masculine_noun_after_der_is_the_next_subject_not_a_genitive_of_the_frame(hl):
    text = ("Die Grenzen des Landes werden bis auf weiteres geschlossen , kündigte die Regierung in Lomé an .\n"
            "Nach dem Tod des Staatschefs müsste laut Verfassung der Parlamentspräsident übergangsweise "
            "das Präsidentenamt übernehmen .")
    framed = [c for c in attributed(hl, text) if "Staatschefs" in c["msg"]]
    assert [c["src"] for c in framed] == ["Verfassung"]


def test_a_speaker_of_the_national_security_council_keeps_its_genitive(hl):
    text = "Der Sprecher des Nationalen Sicherheitsrates sagte, die Lage sei ruhig."
    assert [c["src"] for c in attributed(hl, text)] == ["Der Sprecher des Nationalen Sicherheitsrates"]


# ------------------------------------------------------------ nested attribution


def test_reports_a_minister_presented_are_the_ministers_claim(hl):
    text = ("Die Lage ist ernst, da die Außenministerin Annalena Baerbock Berichte vorgelegt hat, "
            "die darauf hindeuten, dass Nordkorea Truppen schickt.")
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("dass Nordkorea")]
    assert [(c["src"], c["cue"]) for c in claims] == [("die Außenministerin Annalena Baerbock", "vorgelegt")]



def test_a_newspaper_with_a_quoted_name_and_an_extended_attribute_is_the_reporter(hl):
    text = ("So berichtete die in Oberösterreich erscheinende „ Rundschau am Sonntag “ gestern von einer "
            "Initiative oberösterreichischer Geistlicher .")
    assert [c["src"] for c in attributed(hl, text)] == ["die in Oberösterreich erscheinende „ Rundschau am Sonntag “"]
