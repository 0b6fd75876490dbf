"""The claim-pair dataset: records valid against their JSON Schema, splits
that never separate a pair's articles, a dataset card with the counts."""

from __future__ import annotations

import json

import pytest
from claims_support import seed_claims

from annotator.core.corroboration.facts import describe_claim
from annotator.core.corroboration.pairs import (
    PairClaim,
    article_groups,
    dataset_card,
    pair_record,
    pair_splits,
)
from annotator.core.corroboration.related import RelatedFinder
from annotator.core.resources import resource_path


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(resource_path("schema").joinpath("claim-pair.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def pair_claim(facts):
    return PairClaim(facts, 0, len(facts.text), facts.text)


def records_of(claims, labels=None):
    by_id = {c.claim_id: c for c in claims}
    relations = RelatedFinder(claims).pairs()
    splits = pair_splits([(by_id[r.claim_id].article_id, r.other_article) for r in relations],
                         {"train": 0.8, "dev": 0.1, "test": 0.1}, seed=0)
    return [pair_record(pair_claim(by_id[r.claim_id]), pair_claim(by_id[r.other_id]), r,
                        (labels or {}).get(r.claim_id, []), splits[r.other_article])
            for r in relations]


def test_the_seed_pairs_are_valid_records(seed_paths, validator):
    claims = seed_claims(seed_paths)
    first = RelatedFinder(claims).pairs()[0].claim_id
    records = records_of(claims, {first: [{"annotator": "anna", "label": "corroborates"}]})
    assert records
    for record in records:
        validator.validate(json.loads(json.dumps(record)))
    assert any(r["differing"] for r in records)
    assert any(r["labels"] for r in records)


def test_a_pair_with_values_and_labels_reads_as_written(validator):
    a = describe_claim("s:1", "art-a",
                       "Laut Feuerwehr sind am 14. März mehr als 1.200 Helfer an der Oder im Einsatz",
                       source="Feuerwehr", published="2026-03-14")
    b = describe_claim("s:2", "art-b",
                       "An der Oder sind am 14. März rund 800 Helfer der Feuerwehr im Einsatz",
                       source="ein Sprecher des Landkreises", published="2026-03-15")
    [relation] = RelatedFinder([a, b]).pairs()
    record = pair_record(pair_claim(a), pair_claim(b), relation,
                         [{"annotator": "ben", "label": "contradicts"}], "train")
    validator.validate(record)
    assert record["differing"] == [{"kind": "quantity", "thing": "people",
                                    "a_value": "mehr als 1.200 Helfer", "b_value": "rund 800 Helfer"}]
    assert record["a"]["dates"][0]["first"] == "2026-03-14"
    assert record["independent"] and record["labels"][0]["label"] == "contradicts"


def test_splits_never_separate_a_pairs_articles():
    pairs = [("a", "b"), ("b", "c"), ("d", "e"), ("f", "g"), ("g", "h"), ("x", "y")]
    assert article_groups(pairs) == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d",
                                     "f": "f", "g": "f", "h": "f", "x": "x", "y": "x"}
    for seed in range(20):
        splits = pair_splits(pairs, {"train": 0.5, "dev": 0.25, "test": 0.25}, seed)
        assert all(splits[a] == splits[b] for a, b in pairs)
        assert set(splits.values()) <= {"train", "dev", "test"}


def test_the_dataset_card_counts_pairs_labels_and_splits(seed_paths):
    records = records_of(seed_claims(seed_paths))
    card = dataset_card(records, "pairs.jsonl")
    assert card.startswith("# Claim pairs: pairs.jsonl")
    assert f"- pairs: {len(records)} over 5 articles" in card
    assert "Splits never separate a pair's articles" in card
