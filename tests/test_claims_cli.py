"""Claims across articles on the command line: the related claims of an
article's claims, the claim-pair dataset with its schema and card."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.resources import resource_path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def seeds_db(tmp_path, seed_paths):
    db = str(tmp_path / "p.sqlite")
    assert run("--db", db, "import", *map(str, seed_paths)).exit_code == 0
    return db


def article_with(db, words):
    from annotator.core.project import Project

    with Project.open(db) as project:
        return next(a for a in project.article_ids() if words in project.article(a).text)


def test_related_lists_each_claims_related_claims_with_differing_values(seeds_db):
    article = article_with(seeds_db, "über 3.000 Truppen")
    result = run("--db", seeds_db, "related", article)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    troops = next(x for x in lines if "über 3.000 Truppen" in x["text"])
    assert len({r["article_id"] for r in troops["related"]}) == 4  # every other seed article
    twelve = next(r for r in troops["related"] if "rund 12.000 Soldaten" in r["text"])
    assert twelve["differing"][0]["value"] == "über 3.000 Truppen"
    assert twelve["differing"][0]["other_value"] == "rund 12.000 Soldaten"


def test_the_story_orders_claims_and_keeps_the_claim_itself(seeds_db):
    article = article_with(seeds_db, "über 3.000 Truppen")
    lines = [json.loads(x) for x in run("--db", seeds_db, "related", article, "--story").output.splitlines()]
    troops = next(x for x in lines if "über 3.000 Truppen" in x["text"])
    assert troops["claim"] in [r["claim"] for r in troops["story"]]


def test_an_unknown_article_is_a_clear_error(seeds_db):
    result = CliRunner().invoke(main, ["--db", seeds_db, "related", "nope"])
    assert result.exit_code != 0 and "no article 'nope'" in result.output


def test_export_pairs_writes_valid_records_a_schema_and_a_card(seeds_db, tmp_path):
    import jsonschema

    out = tmp_path / "out" / "pairs.jsonl"
    out.parent.mkdir()
    result = run("--db", seeds_db, "export-pairs", "-o", str(out), "--split", "train=0.5,dev=0.25,test=0.25")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    schema = json.loads((out.parent / "claim-pair.schema.json").read_text("utf-8"))
    assert schema == json.loads(resource_path("schema").joinpath("claim-pair.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for record in records:
        validator.validate(record)
    split_of = {}
    for r in records:
        for side in ("a", "b"):
            assert split_of.setdefault(r[side]["article_id"], r["split"]) == r["split"]
    assert any(r["differing"] for r in records)
    card = (out.parent / "pairs.card.md").read_text("utf-8")
    assert f"- pairs: {len(records)} over" in card
    assert f"{len(records)} pairs (0 labelled) written to" in result.output


def test_index_claims_rebuilds_the_index(seeds_db):
    result = run("--db", seeds_db, "index-claims", "--quiet")
    assert result.exit_code == 0 and result.output.strip().endswith("claims indexed")
    assert int(result.output.split()[0]) > 50


def test_a_judged_pair_is_labelled_in_the_pair_dataset_and_can_be_withdrawn(seeds_db, tmp_path):
    article = article_with(seeds_db, "über 3.000 Truppen")
    lines = [json.loads(x) for x in run("--db", seeds_db, "related", article).output.splitlines()]
    troops = next(x for x in lines if "über 3.000 Truppen" in x["text"])
    other = next(r for r in troops["related"] if "rund 12.000 Soldaten" in r["text"])
    from annotator.core.project import Project

    with Project.open(seeds_db) as project:
        text = project.article(article).text
    start = text.index(troops["text"])
    claim = f"{article}:{start}-{start + len(troops['text'])}"
    pair = (claim, f"{other['article_id']}:{other['start']}-{other['end']}")
    result = run("--db", seeds_db, "judge-pair", "--annotator", "anna", *pair, "contradicts")
    assert result.exit_code == 0 and result.output.strip() == "anna: contradicts"
    out = tmp_path / "pairs.jsonl"
    run("--db", seeds_db, "export-pairs", "-o", str(out))
    labelled = [r for r in map(json.loads, out.read_text("utf-8").splitlines()) if r["labels"]]
    assert [r["labels"] for r in labelled] == [[{"annotator": "anna", "label": "contradicts"}]]
    assert run("--db", seeds_db, "judge-pair", "--annotator", "anna", *pair, "none").output.strip() \
        == "anna: no judgement"


def test_judge_pair_refuses_a_malformed_claim_and_an_unknown_article(seeds_db):
    result = CliRunner().invoke(main, ["--db", seeds_db, "judge-pair", "--annotator", "anna",
                                       "abc", "def:1-2", "corroborates"])
    assert result.exit_code != 0 and "give ARTICLE_ID:START-END" in result.output
    result = CliRunner().invoke(main, ["--db", seeds_db, "judge-pair", "--annotator", "anna",
                                       "abc:1-2", "def:1-2", "corroborates"])
    assert result.exit_code != 0 and "no article 'abc'" in result.output
