"""The tokenizer's regex gates: the same tokens, the regexes skipped where
they cannot match (annotator/core/highlight/regex_gates.py)."""

from __future__ import annotations

import random
import re

import pytest
import spacy

from annotator.core.highlight import make_tokenizer_nlp
from annotator.core.highlight.regex_gates import GatedInfixes, GatedSuffixes, edge_chars, suffix_gate
from annotator.core.highlight.tokenizer import customize_tokenizer

TRICKY = [
    "Regierung", "sagte:„Wir", "Ende.“Dann", "5km", "10km²", "3t", "100m/s", "25%", "4,5", "1.000", "2020-2022",
    "US$", "5US$", "€5", "5€", "°C.", "30°C.", "Dr.", "z.B.", "U.S.A.", "...", "Wort...", "Wort…", "(Wort)",
    "„Zitat“", "»Zitat«", "‚so‘", "Nord-Süd", "A/B", "a=b", "E-Mail", "http://example.org/a?b=c", "www.spd.de",
    ":-)", "<3", "ab\n", "km\n", "5km\n", "x", "", "Straße", "İstanbul", "AKW.", "Abs.", "1.", "12.11.2026",
    "Gesetz,", "Wort;", "?!", "Frage?", "Москва.", "5мм", "٪5", "a’s", "Merkel's", "#tag", "@user", "10:30",
]


def _words(rng: random.Random, n: int) -> list[str]:
    alphabet = "aemnrstgkhMTB0123456789.,:;!?-/'\"„“”»«‚‘…()%€$°²³ \n"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(n)]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.fixture(scope="module")
def project_nlp():
    return make_tokenizer_nlp(lean=True)


def test_the_project_tokenizer_is_gated(project_nlp):
    tokenizer = project_nlp.tokenizer
    assert isinstance(tokenizer.infix_finditer.__self__, GatedInfixes)
    assert isinstance(tokenizer.suffix_search.__self__, GatedSuffixes)


def test_a_gate_answers_as_its_regex_on_tricky_and_random_chunks(project_nlp):
    tokenizer = project_nlp.tokenizer
    infixes = tokenizer.infix_finditer.__self__
    suffixes = tokenizer.suffix_search.__self__
    chunks = TRICKY + _words(random.Random(13), 20000)
    for chunk in chunks:
        assert _spans(infixes.finditer(chunk)) == _spans(infixes.regex.finditer(chunk)), chunk
        got, want = suffixes.search(chunk), suffixes.regex.search(chunk)
        assert (got and got.span()) == (want and want.span()), chunk


def test_gated_and_plain_tokenizers_cut_a_text_into_the_same_tokens(project_nlp):
    plain = customize_tokenizer(spacy.blank("de"))
    plain.tokenizer.infix_finditer = plain.tokenizer.infix_finditer.__self__.regex.finditer
    plain.tokenizer.suffix_search = plain.tokenizer.suffix_search.__self__.regex.search
    text = " ".join(TRICKY) + "\n" + " ".join(_words(random.Random(7), 3000))
    assert [t.text for t in project_nlp(text)] == [t.text for t in plain(text)]


def test_a_pattern_without_bounds_gets_no_gate():
    assert edge_chars(re.compile(r"\w+")) is None  # a category
    assert edge_chars(re.compile(r"a|.")) is None  # any character
    assert edge_chars(re.compile(r"[^a]")) is None  # a negated class
    assert edge_chars(re.compile(r"(?i)k")) is None  # case-insensitive
    assert edge_chars(re.compile(r"x?")) is None  # can match nothing
    assert suffix_gate(re.compile(r"km$|m")) is None  # an alternative not at the end


def test_a_gate_knows_the_characters_a_match_starts_and_ends_with():
    assert edge_chars(re.compile(r"(?<=[a-z])[,;](?=[a-z])|\.\.+")) == frozenset(",;.")
    gate = suffix_gate(re.compile(r"\.$|(?<=[0-9])km$"))
    assert gate is not None
    assert gate.search("Ende.") is not None
    assert gate.search("5km") is not None
    assert gate.search("Bahnm") is None  # ends like "km" but holds no digit: the regex is skipped
    assert gate.search("Wort") is None


def test_the_gated_tokenizer_still_serialises(project_nlp):
    restored = make_tokenizer_nlp(lean=True)
    restored.tokenizer.from_bytes(project_nlp.tokenizer.to_bytes())
    assert [t.text for t in restored("Er sagte:„Wir kommen.“ 5km")] == \
        [t.text for t in project_nlp("Er sagte:„Wir kommen.“ 5km")]


def test_the_analysis_is_kept_in_the_cache_and_a_broken_cache_is_ignored(tmp_path, monkeypatch):
    from annotator.core.highlight import regex_gates

    monkeypatch.setattr(regex_gates, "cache_folder", lambda: tmp_path / "gates")
    regex = re.compile(r"(?<=[a-z]),(?=[a-z])|\.\.+")
    gated = regex_gates.gated_finditer(regex.finditer)
    stored = list((tmp_path / "gates").glob("infix-*.json"))
    assert len(stored) == 1
    assert _spans(gated("a,b...c")) == [(1, 2), (3, 6)]
    stored[0].write_text("{not json", encoding="utf-8")
    assert _spans(regex_gates.gated_finditer(regex.finditer)("a,b...c")) == [(1, 2), (3, 6)]
    # a cache folder that cannot be made: the analysis runs, the answers are the same
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setattr(regex_gates, "cache_folder", lambda: tmp_path / "file" / "gates")
    assert _spans(regex_gates.gated_finditer(regex.finditer)("a,b...c")) == [(1, 2), (3, 6)]


def test_an_analysis_that_fails_leaves_the_regex_ungated(tmp_path, monkeypatch):
    from annotator.core.highlight import regex_gates

    monkeypatch.setattr(regex_gates, "cache_folder", lambda: tmp_path / "gates")

    def broken(_regex):
        raise AttributeError("re._parser changed")

    monkeypatch.setattr(regex_gates, "_infix_gate", broken)
    regex = re.compile(r"(?<=[a-z]),(?=[a-z])")
    assert regex_gates.gated_finditer(regex.finditer) == regex.finditer
