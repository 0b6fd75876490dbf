"""A doccano export for a default project (overlapping spans off): claims
and their sources and cues on separate lines, no line with overlapping spans."""

from __future__ import annotations

from test_export_helpers import read_jsonl
from test_team_support import judge, make_lead

from annotator.core.export import ExportOptions, export_project
from annotator.core.models import Span
from annotator.core.project import Project


def overlaps(spans) -> bool:
    ordered = sorted(spans)
    return any(a[1] > b[0] for a, b in zip(ordered, ordered[1:]))


def test_no_line_holds_overlapping_spans_and_nothing_is_lost(tmp_path):
    path = make_lead(tmp_path / "p.sqlite")
    with Project.open(path) as project:
        # "Der Minister sagte, die Lage ..." : source and cue inside the claim
        judge(project, "anna", 0, 0, source=Span(0, 12), cue=Span(13, 18))
        judge(project, "anna", 0, 1)
        export_project(project, ExportOptions(format="doccano-flat"), tmp_path / "flat.jsonl")
        export_project(project, ExportOptions(format="doccano"), tmp_path / "nested.jsonl")
    lines = read_jsonl(tmp_path / "flat.jsonl")
    assert all(not overlaps(line["label"]) for line in lines)
    claims = [line for line in lines if line["task"] == "claims"]
    parts = [line for line in lines if line["task"] == "parts"]
    assert [sorted(s[:2] for s in line["label"]) for line in claims] == [[[0, 20], [21, 40]]]
    assert [(p["claim_start"], p["claim_end"], p["label"]) for p in parts] == [
        (0, 20, [[0, 12, "SOURCE"], [13, 18, "CUE"]])]
    nested = read_jsonl(tmp_path / "nested.jsonl")[0]
    flat_spans = {tuple(s) for line in lines for s in line["label"]}
    assert flat_spans == {(e["start_offset"], e["end_offset"], e["label"]) for e in nested["entities"]}


def test_overlapping_claims_go_to_a_further_claims_line():
    from annotator.core.export.doccano_flat_format import non_overlapping_rows

    rows = non_overlapping_rows([(0, 20, "CLAIM"), (5, 10, "CLAIM"), (20, 30, "CLAIM")])
    assert rows == [[(0, 20, "CLAIM"), (20, 30, "CLAIM")], [(5, 10, "CLAIM")]]
