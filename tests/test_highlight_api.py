"""Public API of the highlighter: load, highlight, pipe, tokenizer, factories."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from annotator.core.highlight import Highlighter, load_highlighter, make_tokenizer_nlp
from annotator.core.models import Attribution, ClaimSuggestion


@pytest.fixture(scope="session")
def hl():
    return load_highlighter("blank")


def test_import_is_cheap():
    code = "import sys, annotator.core.highlight; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_load_highlighter_cached(hl):
    assert isinstance(hl, Highlighter)
    assert load_highlighter("blank") is hl
    assert hl.name.startswith("annotator-claims")
    assert hl.version.startswith("0.1.0+blank")
    assert isinstance(hl.nlp, spacy.Language)


def test_highlight_returns_suggestions(hl):
    text = "Der Sprecher sagte, dass die Lage ernst sei."
    claims = hl.highlight(text)
    assert claims and all(isinstance(c, ClaimSuggestion) for c in claims)
    c = claims[0]
    assert c.attribution == Attribution.INDIRECT
    assert text[c.start:c.end] == "dass die Lage ernst sei"
    assert 0.0 <= c.score <= 1.0


def test_pipe_matches_highlight(hl):
    texts = ["Laut Polizei gab es drei Verletzte.", "", "Er sagte: „Wir bleiben.“"]
    piped = list(hl.pipe(texts, batch_size=2))
    assert len(piped) == 3
    assert piped == [hl.highlight(t) for t in texts]
    assert piped[1] == []


def test_tokenizer_splits_attached_quotes():
    nlp = make_tokenizer_nlp()
    assert nlp.pipe_names == []
    toks = [t.text for t in nlp("Er teilte mit:„Wir gehen.“Dann 12.000 Euro am 27. Oktober")]
    assert toks[:9] == ["Er", "teilte", "mit", ":", "„", "Wir", "gehen", ".", "“"]
    assert "12.000" in toks and "27." in toks


def test_factories_found_through_entry_points():
    # a fresh interpreter that never imports annotator: spaCy finds the
    # factories through the spacy_factories entry point
    code = (
        "import spacy; nlp = spacy.blank('de'); nlp.add_pipe('annotator_sentences'); "
        "nlp.add_pipe('annotator_claims'); doc = nlp('Er sagte, dass es regne.'); "
        "print(doc._.annotator_claims[0].attribution.value)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "indirect"


def test_factories_in_fresh_pipeline():
    nlp = spacy.blank("de")
    nlp.add_pipe("annotator_sentences")
    nlp.add_pipe("annotator_claims")
    doc = nlp("Laut dem Ministerium sind 300 Menschen gestorben.")
    assert doc._.annotator_claims[0].attribution == Attribution.ACCORDING_TO
