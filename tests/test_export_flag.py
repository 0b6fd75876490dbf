"""A reviewer flags a claim to come back to (I in the window); the ML engineer
finds the mark in the JSONL export as ``claims[].flag`` (null on every other
claim and in the suggestions layer), typed for Hugging Face ``datasets``, and
importing the file back keeps it."""

from __future__ import annotations

import dataclasses

import pytest
from test_export_helpers import read_jsonl, schema_validator, seeded_project

from annotator.core.annotation_import import import_annotations
from annotator.core.export import ExportOptions, export_project
from annotator.core.export.hf_features import hf_features


def flag_first_claim(project, flag: str) -> str:
    """anna marks her accepted claim of the first article; returns its id."""
    article_id = project.article_ids()[0]
    accepted = [a for a in project.annotations(article_id=article_id, annotator="anna")
                if a.decision.value == "accept"][0]
    project.save_annotation(dataclasses.replace(accepted, flag=flag))
    return accepted.id


def test_a_flagged_claim_carries_its_flag_and_every_other_claim_a_null(project, seed_paths, tmp_path):
    reviewed = seeded_project(project, seed_paths)
    flagged = flag_first_claim(reviewed, "unsure")
    export_project(reviewed, ExportOptions(annotators=["anna"]), tmp_path / "claims.jsonl")
    claims = [c for r in read_jsonl(tmp_path / "claims.jsonl") for c in r["claims"]]
    assert {c["id"]: c["flag"] for c in claims if c["flag"] is not None} == {flagged: "unsure"}
    assert all("flag" in c for c in claims)  # every claim has the key: the columns line up
    validator = schema_validator()
    for record in read_jsonl(tmp_path / "claims.jsonl"):
        validator.validate(record)


def test_the_suggestions_layer_has_the_key_too_and_the_features_type_it(project, seed_paths, tmp_path):
    reviewed = seeded_project(project, seed_paths)
    export_project(reviewed, ExportOptions(layer="suggestions"), tmp_path / "s.jsonl")
    claims = [c for r in read_jsonl(tmp_path / "s.jsonl") for c in r["claims"]]
    assert claims and {c["flag"] for c in claims} == {None}
    datasets = pytest.importorskip("datasets")
    # null in every row of this file, a string in a people's layer: typed as a string
    loaded = datasets.load_dataset("json", data_files=str(tmp_path / "s.jsonl"), features=hf_features(),
                                   split="train", cache_dir=str(tmp_path / "hf-cache"))
    assert loaded.features["claims"].feature["flag"] == datasets.Value("string")


def test_importing_the_export_back_keeps_the_flag(project, seed_paths, tmp_path):
    reviewed = seeded_project(project, seed_paths)
    flag_first_claim(reviewed, "skipped")
    export_project(reviewed, ExportOptions(annotators=["anna"]), tmp_path / "claims.jsonl")
    import_annotations(reviewed, tmp_path / "claims.jsonl", annotator="carla")
    assert sorted(a.flag for a in reviewed.annotations(annotator="carla") if a.flag) == ["skipped"]


def test_a_flag_that_is_no_flag_is_refused_naming_the_line(project, seed_paths, tmp_path):
    import json

    from annotator.core.importer import InputError

    reviewed = seeded_project(project, seed_paths)
    export_project(reviewed, ExportOptions(annotators=["anna"]), tmp_path / "claims.jsonl")
    records = read_jsonl(tmp_path / "claims.jsonl")
    records[1]["claims"][0]["flag"] = "maybe"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    before = reviewed.count_annotations()
    with pytest.raises(InputError) as error:
        import_annotations(reviewed, bad, annotator="carla")
    assert "bad.jsonl" in str(error.value) and "line 2" in str(error.value) and "flag" in str(error.value)
    assert reviewed.count_annotations() == before


def test_flagging_after_an_export_reaches_the_next_export(project, seed_paths, tmp_path):
    # the export cache keeps lines per article stamp: a flag renews the stamp
    reviewed = seeded_project(project, seed_paths)
    export_project(reviewed, ExportOptions(annotators=["anna"]), tmp_path / "first.jsonl")
    flagged = flag_first_claim(reviewed, "flagged")
    export_project(reviewed, ExportOptions(annotators=["anna"]), tmp_path / "second.jsonl")
    claims = [c for r in read_jsonl(tmp_path / "second.jsonl") for c in r["claims"]]
    assert [c["id"] for c in claims if c["flag"] == "flagged"] == [flagged]
