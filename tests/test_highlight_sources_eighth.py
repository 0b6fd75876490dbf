"""Source rules of issue 13's eighth round: a reader's story per rule (a German
sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ an extended attribute with a participle


def test_a_press_release_published_on_tuesday_is_the_whole_source(hl):
    # "veröffentlichten" is also a preterite the verb lexicon knows; between
    # the article and the noun it is the attribute's participle
    text = "Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt."
    assert [(c["src"], c["cue"]) for c in attributed(hl, text)] == [
        ("einer am Dienstag veröffentlichten Pressemitteilung des WFP", "Laut")]


def test_a_bishop_only_recently_appointed_is_the_whole_speaker(hl):
    # an adverb opens the extended attribute as a PP does: "der erst kürzlich ernannte …"
    text = ("Der erst kürzlich ernannte Weihbischof der Diözese Linz, Gerhard Maria Wagner hat den Papst "
            "gebeten, seine Ernennung zurückzunehmen.")
    assert [c["src"] for c in attributed(hl, text)] == [
        "Der erst kürzlich ernannte Weihbischof der Diözese Linz, Gerhard Maria Wagner"]


def test_a_plain_article_and_noun_are_still_the_speaker(hl):
    # no participle before a noun: the article's phrase is the plain one
    text = "Die Ministerin sagte, die Lage sei ernst."
    assert [c["src"] for c in attributed(hl, text)] == ["Die Ministerin"]


def test_a_declaration_spread_yesterday_is_the_source_of_what_it_says(hl):
    # an adverb right before the participle: "einer gestern verbreiteten Erklärung"
    text = "„Ich trete zurück“, heißt es in einer gestern verbreiteten Erklärung."
    assert [c["src"] for c in attributed(hl, text)] == ["einer gestern verbreiteten Erklärung"]
