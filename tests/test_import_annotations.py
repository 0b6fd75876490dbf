"""Annotations come back in: another tool's predictions or another
project's export, read as an annotator layer."""

from __future__ import annotations

import json

import pytest
from test_export_helpers import read_jsonl, seeded_project

from annotator.core.annotation_import import import_annotations
from annotator.core.export import ExportOptions, export_project
from annotator.core.importer import InputError
from annotator.core.project import Project

# Provenance, not content: who imported when, and the new annotation ids.
PROVENANCE = ("_timestamp",)


@pytest.fixture
def reviewed(project, seed_paths):
    return seeded_project(project, seed_paths)


def content(records: list[dict]) -> list[dict]:
    def strip(record):
        kept = {k: v for k, v in record.items() if k not in PROVENANCE}
        kept["claims"] = [{k: v for k, v in c.items() if k != "id"} for c in record["claims"]]
        return kept

    return [strip(r) for r in records]


def test_export_import_export_round_trips_without_loss(reviewed, tmp_path):
    first = tmp_path / "first.jsonl"
    export_project(reviewed, ExportOptions(), first)
    with Project.open(tmp_path / "other.sqlite") as other:
        # the seeded project's second claims start inside a number ("1.000") or
        # run over a line break: data older than the span rules, kept as it is
        summary = import_annotations(other, first, span_rules=False)
        assert (summary.records, summary.articles_added) == (7, 5)
        second = tmp_path / "second.jsonl"
        export_project(other, ExportOptions(), second)
    assert content(read_jsonl(second)) == content(read_jsonl(first))


def test_a_layer_can_be_imported_under_another_name(reviewed, tmp_path):
    out = tmp_path / "anna.jsonl"
    export_project(reviewed, ExportOptions(annotators=["anna"]), out)
    summary = import_annotations(reviewed, out, annotator="model-v2")
    assert summary.layers == {"model-v2": 5} and summary.articles_added == 0
    mine = reviewed.annotations(annotator="model-v2")
    theirs = reviewed.annotations(annotator="anna")
    assert [(a.start, a.end, a.decision, a.reliability) for a in mine] == \
           [(a.start, a.end, a.decision, a.reliability) for a in theirs]
    # claims at a suggestion's span count as reviews of that suggestion
    assert reviewed.progress("model-v2").reviewed == reviewed.progress("anna").reviewed


def test_importing_over_an_existing_layer_needs_replace(reviewed, tmp_path):
    out = tmp_path / "anna.jsonl"
    export_project(reviewed, ExportOptions(annotators=["anna"]), out)
    before = reviewed.count_annotations()
    with pytest.raises(InputError, match="already has 2 annotation"):
        import_annotations(reviewed, out)
    assert reviewed.count_annotations() == before
    summary = import_annotations(reviewed, out, replace=True)
    assert summary.replaced == 10 and reviewed.count_annotations() == before


def test_predictions_without_claims_are_read_from_spans_and_relations(project, tmp_path):
    text = "Der Minister sagte, die Lage sei ernst."
    record = {"text": text, "_annotator_id": "ner-tool", "spans": [
        {"start": 0, "end": 12, "label": "SOURCE"}, {"start": 13, "end": 18, "label": "CUE"},
        {"start": 20, "end": 38, "label": "CLAIM"}],
        "relations": [{"head_span": {"start": 0, "end": 12, "label": "SOURCE"},
                       "child_span": {"start": 20, "end": 38, "label": "CLAIM"}, "label": "SOURCE_OF"}]}
    path = tmp_path / "predictions.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    import_annotations(project, path)
    (claim,) = project.annotations(annotator="ner-tool")
    assert (claim.start, claim.end, claim.source.start, claim.cue) == (20, 38, 0, None)


BAD_LINES = [
    ("{not json", "not valid JSON"),
    ('["a list"]', "not a JSON object"),
    ('{"_annotator_id": "x"}', 'missing "text"'),
    ('{"text": "Ein Satz.", "claims": []}', "no annotator"),
    ('{"text": "Ein Satz.", "_annotator_id": "@robot", "claims": []}', "reserved"),
    ('{"text": "Ein Satz.", "_annotator_id": "x", "claims": [{"claim": {"start": 0, "end": 99}}]}',
     "past the text's end"),
    ('{"text": "Ein Satz.", "_annotator_id": "x", "claims": [{"claim": {"start": 0, "end": 3, '
     '"text": "Satz"}}]}', "offsets must count code points"),
    ('{"text": "Ein Satz.", "_annotator_id": "x", "claims": [{"claim": {"start": 0, "end": 3}, '
     '"source_reliability": "Z"}]}', "A-F"),
    ('{"text": "Ein Satz.", "_annotator_id": "x", "claims": [{"claim": {"start": 0, "end": 3}, '
     '"decision": "maybe"}]}', "decision"),
]


@pytest.mark.parametrize("bad_line, message", BAD_LINES)
def test_a_bad_line_names_file_and_line_and_changes_nothing(project, tmp_path, bad_line, message):
    good = json.dumps({"text": "Ein anderer Satz.", "_annotator_id": "x",
                       "claims": [{"claim": {"start": 0, "end": 3}}]})
    path = tmp_path / "mixed.jsonl"
    path.write_text(good + "\n\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        import_annotations(project, path)
    assert (error.value.path, error.value.line) == (str(path), 3)
    assert project.count_articles() == 0 and project.count_annotations() == 0


def test_a_second_record_for_the_same_article_and_annotator_is_refused(project, tmp_path):
    line = json.dumps({"text": "Ein Satz.", "_annotator_id": "x", "claims": []})
    path = tmp_path / "twice.jsonl"
    path.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="first is on line 1"):
        import_annotations(project, path)
