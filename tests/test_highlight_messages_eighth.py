"""Message rules the eighth round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ verb-second complements


def test_a_strong_konjunktiv_ii_opens_reported_speech(hl):
    text = "Die Verbandschefin behauptete, die neuen Oberstufen kämen nur durch Trickserei zustande."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "die neuen Oberstufen kämen nur durch Trickserei zustande", "Die Verbandschefin", "behauptete",
        A.INDIRECT)


def test_an_article_opens_reported_speech_when_the_verb_does_not_end_the_clause(hl):
    text = ("Der Bundespräsident hat in einem Gespräch bekräftigt, die Bundesrepublik bekenne sich zu "
            "ihrer besonderen Verantwortung.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["cue"]) == ("die Bundesrepublik bekenne sich zu ihrer besonderen Verantwortung",
                                    "bekräftigt")


def test_reported_speech_ends_where_the_speaker_does_the_next_thing(hl):
    text = ("Der Abgeordnete sagte, Gillibrand sei eine Enttäuschung und kündigte an, 2010 gegen "
            "Gillibrand kandidieren zu wollen.")
    first, second = attributed(hl, text)
    assert (first["msg"], first["cue"]) == ("Gillibrand sei eine Enttäuschung", "sagte")
    assert (second["msg"], second["src"], second["cue"]) == (
        "2010 gegen Gillibrand kandidieren zu wollen", "Der Abgeordnete", "kündigte")


def test_reported_speech_in_konjunktiv_ends_at_an_indicative_main_clause(hl):
    text = ("Saddam Hussein hatte vor Gericht erklärt, er sei unschuldig, erkannte die Autorität des "
            "Gerichtes nicht an und verweigerte die Aussage.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("er sei unschuldig", "Saddam Hussein", "erklärt")


def test_a_second_speaker_after_und_gets_a_claim_of_their_own(hl):
    text = ("Fritz Tack kritisierte, die EU-Kommission habe sich den Interessen von BASF untergeordnet "
            "und die Fraktion der Grünen im Landtag forderte ein Verbot.")
    first, second = attributed(hl, text)
    assert (first["msg"], first["src"], first["cue"]) == (
        "die EU-Kommission habe sich den Interessen von BASF untergeordnet", "Fritz Tack", "kritisierte")
    assert (second["src"], second["cue"]) == ("die Fraktion der Grünen im Landtag", "forderte")


def test_a_konjunktiv_complement_goes_on_in_konjunktiv(hl):
    text = "Er sagte, die Regierung habe versagt, sie trage die Verantwortung für die Krise."
    [c] = attributed(hl, text)
    assert c["msg"] == "die Regierung habe versagt, sie trage die Verantwortung für die Krise"


# ------------------------------------------------------------ quotes beside other speech acts


def test_a_verb_after_und_behind_a_quote_is_no_inverted_frame(hl):
    text = ("Die Königin bezeichnete den Anschlag als „große Tragödie“ und erklärte, ihr Land unterstütze "
            "seinen Nachbarn bei der Suche nach Überlebenden.")
    claims = attributed(hl, text)
    assert [(c["msg"], c["src"], c["cue"]) for c in claims] == [
        ("„große Tragödie“", "Die Königin", "bezeichnete"),
        ("ihr Land unterstütze seinen Nachbarn bei der Suche nach Überlebenden", "Die Königin", "erklärte")]


def test_indirect_speech_before_a_quote_of_the_same_speaker_is_kept(hl):
    text = "Er sagte, Europa brauche die Engländer, und fügte hinzu: „Wer kann glauben, dass es ohne sie geht?“"
    first, second = attributed(hl, text)
    assert (first["msg"], first["src"], first["cue"], first["attr"]) == (
        "Europa brauche die Engländer", "Er", "sagte", A.INDIRECT)
    assert (second["msg"], second["cue"], second["attr"]) == (
        "„Wer kann glauben, dass es ohne sie geht?“", "fügte", A.DIRECT_QUOTE)


# ------------------------------------------------------------ complements a subordinator-like word opens


def test_damit_before_the_verb_is_an_adverb_opening_reported_speech(hl):
    text = "Der Generalstabschef erklärte hingegen, damit solle ein Machtvakuum vermieden werden."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "damit solle ein Machtvakuum vermieden werden", "Der Generalstabschef", "erklärte")


def test_a_fronted_clause_belongs_to_the_reported_speech_after_it(hl):
    text = "Bush befürchtet, sobald er sich der Meinung anschließe, werde der Druck auf ihn zunehmen."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "sobald er sich der Meinung anschließe, werde der Druck auf ihn zunehmen", "Bush", "befürchtet")


def test_a_subordinate_clause_alone_is_still_no_complement(hl):
    text = "Der Minister sprach, nachdem die Sitzung eröffnet worden war, über den Haushalt."
    assert not [c for c in attributed(hl, text) if c["msg"].startswith("nachdem")]


# ------------------------------------------------------------ "so" + verb frames


def test_so_and_a_speech_verb_after_the_message_name_its_speaker(hl):
    text = "Der Flug käme für den Angeklagten einer Folter gleich, so bestätigt das Gericht."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (
        "Der Flug käme für den Angeklagten einer Folter gleich", "das Gericht", "bestätigt")


def test_a_so_frame_inside_the_sentence_leaves_both_halves_to_the_message(hl):
    text = ("Der Grund für den Rauswurf dieser Minister, so vermutet die Zeitung, dürfte deren "
            "Unterstützung für Hunt gewesen sein.")
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == (text[:-1], "die Zeitung", "vermutet")
    doc = hl.nlp(text)
    [parts] = doc._.annotator_message_parts
    assert [text[a:b] for a, b in parts] == ["Der Grund für den Rauswurf dieser Minister",
                                             "dürfte deren Unterstützung für Hunt gewesen sein"]


# ------------------------------------------------------------ frames that open the sentence


def test_a_frame_opening_the_sentence_is_its_whole_prefield(hl):
    text = ("Nach Angaben des Rezensenten Alan Posener in der Tageszeitung DIE WELT sei der Anstoß zu "
            "diesem Buch ein Gespräch mit Füller gewesen.")
    [c] = attributed(hl, text)
    assert c["msg"] == "sei der Anstoß zu diesem Buch ein Gespräch mit Füller gewesen"


def test_everything_before_the_finite_verb_belongs_to_the_frame(hl):
    text = ("Laut NDRInfo unter Berufung auf Scotland Yard wurde der Mann bei einer Durchsuchung "
            "festgenommen.")
    [c] = attributed(hl, text)
    assert c["msg"] == "wurde der Mann bei einer Durchsuchung festgenommen"


def test_a_verb_after_the_frames_noun_is_not_taken_for_an_adjective(hl):
    text = ("Nach Angaben der Weltbank sandten Migranten im Jahr 2006 insgesamt 62,3 Milliarden US-Dollar "
            "in ihre Heimatländer.")
    [c] = attributed(hl, text)
    assert c["msg"].startswith("sandten Migranten")


# ------------------------------------------------------------ continued speech


def test_continued_speech_in_a_dass_clause_is_only_the_clause(hl):
    text = ("Der Publizist Christian Füller kritisiert die Grünen. Seit August 2013 vertritt er die These, "
            "dass Pädophilie in der grünen Ideologie angelegt sei.")
    claims = [c for c in attributed(hl, text) if "Pädophilie" in c["msg"]]
    assert [c["msg"] for c in claims] == ["dass Pädophilie in der grünen Ideologie angelegt sei"]


def test_continued_speech_in_konjunktiv_main_clause_is_still_the_sentence(hl):
    text = ("Der Sprecher sagte, die Lage sei ernst. Das Hochwasser sei so hoch gestiegen, dass die Dämme "
            "brechen könnten.")
    claims = attributed(hl, text)
    assert "Das Hochwasser sei so hoch gestiegen, dass" in claims[-1]["msg"]


# ------------------------------------------------------------ coordinated main clauses with their own subjects


def test_a_speech_act_before_a_coordinated_clause_with_its_own_speaker_is_kept(hl):
    text = ("Der Präsidentenrat für Menschenrechte stufte das Gesetz als verfassungswidrig ein, und das "
            "Kinderhilfswerk UNICEF rief Russland auf, das Gesetz zu stoppen.")
    first, second = attributed(hl, text)
    assert (first["msg"], first["src"], first["cue"], first["attr"]) == (
        "Der Präsidentenrat für Menschenrechte stufte das Gesetz als verfassungswidrig ein",
        "Der Präsidentenrat für Menschenrechte", "stufte", A.REPORTED)
    assert (second["msg"], second["src"], second["cue"]) == (
        "das Gesetz zu stoppen", "das Kinderhilfswerk UNICEF", "rief")


def test_a_dass_clause_ends_before_the_main_clause_that_follows_it(hl):
    text = ("Kluncker, der genau wusste, dass die Regierung unter zehn Prozent bleiben wollte, setzte eine "
            "Erhöhung um elf Prozent durch.")
    claims = [c for c in attributed(hl, text) if c["msg"].startswith("dass")]
    assert [c["msg"] for c in claims] == ["dass die Regierung unter zehn Prozent bleiben wollte"]


def test_a_participle_after_an_apposition_still_closes_the_dass_clause(hl):
    text = ("Der Zeuge sagte, dass er den Anschlag mit Hilfe der CANF, einer exilkubanischen Organisation, "
            "verübt hatte.")
    [c] = attributed(hl, text)
    assert c["msg"] == "dass er den Anschlag mit Hilfe der CANF, einer exilkubanischen Organisation, verübt hatte"


def test_a_strong_konjunktiv_ii_carries_the_speaker_on(hl):
    text = ("Der Sprecher der Stiftung wies den Vorwurf zurück. In Zeiten knapper Kassen sei die Studie richtig. "
            "Die Krankenkassen brächten jährlich etwa zwei Milliarden Euro für alternative Heilverfahren auf.")
    [c] = [c for c in attributed(hl, text) if "Krankenkassen" in c["msg"]]
    assert (c["src"], c["cue"], c["attr"]) == ("Der Sprecher der Stiftung", "brächten", A.INDIRECT)


def test_an_infinitive_with_an_umlaut_is_no_konjunktiv_ii(hl):
    text = ("Der Minister sagte, die Lage sei ernst. Die Regierung will Gespräche mit dem Iran führen.")
    assert not [c for c in attributed(hl, text) if "Gespräche" in c["msg"]]
