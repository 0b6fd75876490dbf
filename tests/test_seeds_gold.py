"""The seed gold (tests/data/seeds_gold.jsonl) is sound, and its scorer counts as documented.

A reviewer's gold is only useful if every span says what it claims to say:
offsets inside the imported text, claim/source/cue texts matching them, no
claim twice, every seed article covered.  The scorer (bench/eval_seeds.py)
pairs suggestions with gold claims one to one by token overlap.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from annotator.core.textnorm import clean_input_text

DATA = Path(__file__).parent / "data"
GOLD = DATA / "seeds_gold.jsonl"
FORMS = {"direct_quote", "indirect", "according_to", "reported", "unattributed"}
KEYS = {"seed", "start", "end", "text", "form", "source", "source_text", "source_name",
        "cue", "cue_text"}


def _load_scorer():
    path = Path(__file__).parents[1] / "bench" / "eval_seeds.py"
    spec = importlib.util.spec_from_file_location("eval_seeds", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture
def seed_texts(seed_paths) -> dict[str, str]:
    """Seed texts as `annotator import` stores them (the gold's offsets point there)."""
    return {p.name: clean_input_text(p.read_bytes().decode("utf-8")) for p in seed_paths}


# --- the gold file on its own ------------------------------------------------------

def test_every_line_has_the_documented_fields_and_a_known_form(gold):
    assert len(gold) > 100
    for row in gold:
        assert set(row) == KEYS, row
        assert row["form"] in FORMS, row
        assert 0 <= row["start"] < row["end"], row


def test_attributed_claims_name_source_and_cue_and_outlet_claims_none(gold):
    for row in gold:
        if row["form"] == "unattributed":
            assert row["source"] is row["cue"] is row["source_name"] is None, row
        else:
            assert row["source"] and row["cue"] and row["source_name"], row


def test_no_claim_is_marked_twice(gold):
    spans = [(r["seed"], r["start"], r["end"]) for r in gold]
    assert len(spans) == len(set(spans))


def test_claims_of_one_article_do_not_partly_overlap(gold):
    """Split claims sit side by side; only containment (a claim inside a quote) may nest."""
    by_seed: dict[str, list[tuple[int, int]]] = {}
    for r in gold:
        by_seed.setdefault(r["seed"], []).append((r["start"], r["end"]))
    for seed, spans in by_seed.items():
        for a in spans:
            for b in spans:
                partial = a[0] < b[0] < a[1] < b[1]
                assert not partial, (seed, a, b)


def test_claim_texts_are_trimmed_content_without_closing_punctuation(gold):
    for row in gold:
        text = row["text"]
        assert text == text.strip(), row
        assert not text.endswith((".", ",", ";", ":", "“", '"')), row
        assert not text.startswith(("“", '"', ",")), row


# --- the gold against the seed articles ---------------------------------------------

def test_every_seed_article_has_gold_and_no_gold_names_a_missing_article(gold, seed_texts):
    assert {r["seed"] for r in gold} == set(seed_texts)


def test_every_span_lies_inside_its_article_and_says_what_it_claims(gold, seed_texts):
    for row in gold:
        text = seed_texts[row["seed"]]
        assert row["end"] <= len(text), row
        assert text[row["start"]:row["end"]] == row["text"], row
        for role in ("source", "cue"):
            if row[role] is not None:
                start, end = row[role]
                assert 0 <= start < end <= len(text), row
                assert text[start:end] == row[f"{role}_text"], row


def test_the_gold_scored_against_itself_is_perfect(gold, seed_texts):
    by_seed = scorer.load_gold(GOLD)
    for name, claims in by_seed.items():
        suggestions = [scorer.Suggestion(g["start"], g["end"],
                                         tuple(g["source"]) if g["source"] else None,
                                         tuple(g["cue"]) if g["cue"] else None, g["form"])
                       for g in claims]
        score = scorer.score_article(claims, suggestions, seed_texts[name])
        assert score.matched == score.gold == score.covering == len(claims)
        assert score.both_right == score.attributed


# --- the matching criterion ----------------------------------------------------------

TEXT = "Er sagte, Russland plane einen Angriff. Die Truppen sind bereit und warten."
#        0         1         2         3         4         5         6         7


def claim(text: str, piece: str, **extra) -> dict:
    start = text.index(piece)
    row = {"start": start, "end": start + len(piece), "form": "unattributed",
           "source": None, "source_name": None, "cue": None}
    row.update(extra)
    return row


def test_a_suggestion_covering_half_of_a_gold_claim_matches_and_less_does_not():
    gold = [claim(TEXT, "Russland plane einen Angriff")]   # 4 word tokens
    half = TEXT.index("einen Angriff")
    assert scorer.pair_claims(gold, [scorer.Suggestion(half, half + 13)], TEXT) == {0: 0}
    quarter = TEXT.index("Angriff")
    assert scorer.pair_claims(gold, [scorer.Suggestion(quarter, quarter + 7)], TEXT) == {}


def test_one_suggestion_over_two_gold_claims_finds_only_one_of_them():
    gold = [claim(TEXT, "Die Truppen sind bereit"), claim(TEXT, "warten")]
    whole = TEXT.index("Die Truppen")
    sentence = scorer.Suggestion(whole, len(TEXT) - 1)
    score = scorer.score_article(gold, [sentence], TEXT)
    assert (score.gold, score.suggested, score.matched, score.covering) == (2, 1, 1, 1)


def test_precision_counts_suggestions_that_cover_no_gold_claim():
    gold = [claim(TEXT, "Russland plane einen Angriff")]
    stray = TEXT.index("Die Truppen")
    suggestions = [scorer.Suggestion(gold[0]["start"], gold[0]["end"]),
                   scorer.Suggestion(stray, stray + 11)]
    score = scorer.score_article(gold, suggestions, TEXT)
    assert (score.matched, score.covering, score.suggested) == (1, 1, 2)


def span_of(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def test_source_is_right_when_it_overlaps_a_mention_of_the_same_speaker():
    named = claim(TEXT, "Russland plane einen Angriff", form="indirect",
                  source=list(span_of("Er")), source_name="Selenskyj", cue=list(span_of("sagte")))
    gold = [named]
    good = scorer.Suggestion(named["start"], named["end"], span_of("Er"), span_of("sagte"))
    wrong = scorer.Suggestion(named["start"], named["end"], span_of("Die Truppen"), span_of("sagte"))
    assert scorer.score_article(gold, [good], TEXT).both_right == 1
    score = scorer.score_article(gold, [wrong], TEXT)
    assert (score.source_right, score.cue_right, score.both_right) == (0, 1, 0)
