"""German news sentence segmentation."""

from __future__ import annotations

import pytest
import spacy

import annotator.core.highlight.components  # noqa: F401  (registers the factories)


@pytest.fixture(scope="session")
def nlp():
    from annotator.core.highlight.tokenizer import customize_tokenizer

    nlp = customize_tokenizer(spacy.blank("de"))
    nlp.add_pipe("annotator_sentences")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("text, expected", [
    ("Am 27. Oktober kamen 12.000 Soldaten an. Das ist viel.",
     ["Am 27. Oktober kamen 12.000 Soldaten an.", "Das ist viel."]),
    ("Dr. Müller, u. a. Sprecher, nannte z. B. Zahlen bzw. Daten. Er ging.",
     ["Dr. Müller, u. a. Sprecher, nannte z. B. Zahlen bzw. Daten.", "Er ging."]),
    ("Er kam am 3.10. nach Hause. Sie nicht.", ["Er kam am 3.10. nach Hause.", "Sie nicht."]),
    ("Das war im Jahr 2005. Die Sache ist erledigt.", ["Das war im Jahr 2005.", "Die Sache ist erledigt."]),
    ("George W. Bush sprach. Es regnete.", ["George W. Bush sprach.", "Es regnete."]),
    ("Der Schaden betrug 3,5 Mio. Euro nach Art. 51 der Charta. Danach kam nichts.",
     ["Der Schaden betrug 3,5 Mio. Euro nach Art. 51 der Charta.", "Danach kam nichts."]),
    ("Er fragte: „Wer kommt?“ Niemand antwortete.", ["Er fragte: „Wer kommt?“", "Niemand antwortete."]),
    ("„Wir gehen. Ihr bleibt“, sagte er. Dann ging er.",
     ["„Wir gehen.", "Ihr bleibt“, sagte er.", "Dann ging er."]),
    ("Erste Zeile ohne Punkt\nZweite Zeile", ["Erste Zeile ohne Punkt", "Zweite Zeile"]),
    ("Es geschah usw. Die Polizei kam.", ["Es geschah usw.", "Die Polizei kam."]),
    ("Der Prozess begann am 1. Januar. Im Februar endete er.",
     ["Der Prozess begann am 1. Januar.", "Im Februar endete er."]),
])
def test_segmentation(nlp, text, expected):
    assert sents(nlp, text) == expected


def test_crlf_and_empty(nlp):
    assert sents(nlp, "Eins.\r\nZwei.") == ["Eins.", "Zwei."]
    assert list(nlp("").sents) == []
