"""The statistical-model path (no de_core_news_* model is installed here:
the model is faked with a blank German pipeline that sets entities)."""

from __future__ import annotations

import spacy
import spacy.util

import annotator.core.highlight as highlight


def fake_model(name, exclude=(), **kwargs):
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": [{"TEXT": "Anna"}, {"TEXT": "Maria"}, {"TEXT": "Berg"}]}])
    nlp.meta["name"] = name
    return nlp


def test_installed_model_is_used_automatically(monkeypatch):
    monkeypatch.setattr(highlight, "_cache", {})
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "de_core_news_sm")
    monkeypatch.setattr(spacy, "load", fake_model)
    assert highlight.installed_model() == "de_core_news_sm"
    hl = highlight.load_highlighter()
    assert hl.model == "de_core_news_sm"
    assert hl.name == "annotator-claims+de_core_news_sm"
    assert "+de_core_news_sm." in hl.version
    names = hl.nlp.pipe_names
    assert names[0] == "annotator_sentences" and names[-1] == "annotator_claims"
    assert "entity_ruler" in names


def test_entities_complete_sources(monkeypatch):
    monkeypatch.setattr(highlight, "_cache", {})
    monkeypatch.setattr(spacy, "load", fake_model)
    hl = highlight.load_highlighter("de_core_news_md")
    text = "Laut Anna Maria Berg sind 300 Menschen geflohen."
    doc = hl.nlp(text)
    assert [e.text for e in doc.ents] == ["Anna Maria Berg"]
    c = hl.highlight(text)[0]
    assert c.source.text(text) == "Anna Maria Berg"


def test_no_model_means_blank(monkeypatch):
    monkeypatch.setattr(highlight, "_cache", {})
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    hl = highlight.load_highlighter()
    assert hl.model is None and hl.name == "annotator-claims"
    assert hl.version.startswith("0.1.0+blank.")
