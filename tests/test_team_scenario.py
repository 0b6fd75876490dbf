"""A three-annotator project from start to end, as a lead and an ML engineer
run it: assign, annotate (through the core API), merge, adjudicate, change
after adjudication, merge again, reassign a leaver's articles, export every
layer. Each step asserts what issue 17 asked for."""

from __future__ import annotations

from collections import Counter

from click.testing import CliRunner
from test_export_helpers import read_jsonl
from test_team_support import make_lead

from annotator.cli import main
from annotator.core.export import ExportOptions, export_project
from annotator.core.models import ADJUDICATED_LAYER, Annotation, Decision
from annotator.core.project import Project
from annotator.core.storage import team
from annotator.core.team.adjudication import disagreements, settle
from annotator.core.team.dashboard_data import dashboard_data
from annotator.core.team.merge import merge_databases
from annotator.core.team.packages import assign_packages
from annotator.core.team.settling import accept_agreed


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def annotate(path, name: str, grade_of, articles: int | None = None) -> None:
    """The annotator judges every suggestion of (the first ``articles`` of) her package."""
    with Project.open(path) as package:
        for article_id in package.article_ids()[:articles]:
            for suggestion in package.suggestions(article_id):
                package.save_annotation(Annotation(
                    article_id=article_id, annotator=name, decision=Decision.ACCEPT,
                    start=suggestion.start, end=suggestion.end, suggestion_id=suggestion.id,
                    reliability=grade_of(article_id, suggestion.start), credibility=2))


def test_three_annotators_from_assignment_to_export(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=4)  # 12 articles, 2 suggestions each
    # 1. assign: a quarter of the articles shared by all three
    with Project.open(lead) as project:
        packages = {p.annotator: p.path for p in
                    assign_packages(project, ["anna", "ben", "cem"], 0.25, tmp_path / "packages")}
        plan = team.assignments_by_annotator(project.db)
    shared = set(plan["anna"]) & set(plan["ben"]) & set(plan["cem"])
    assert len(shared) == 3

    # 2. annotate: ben grades the first claim of shared articles differently; cem stops half-way
    annotate(packages["anna"], "anna", lambda a, start: "B")
    annotate(packages["ben"], "ben", lambda a, start: "D" if a in shared and start == 0 else "B")
    annotate(packages["cem"], "cem", lambda a, start: "B", articles=2)
    with Project.open(packages["anna"]) as package:  # anna revises a claim herself, twice
        mine = package.annotations(annotator="anna")[0]
        package.save_annotation(mine.evolve(note="second look"))
        package.save_annotation(mine.evolve(note="third look"))

    # 3. merge: her own later revisions are history, not conflicts
    first = merge_databases([lead, *packages.values()], tmp_path / "merged.sqlite")
    assert first.conflicts == 0 and first.annotations["anna"] > 0

    # 4. adjudicate: accept every agreed claim, settle the disagreements with anna's version
    merged = tmp_path / "merged.sqlite"
    with Project.open(merged) as project:
        agreed = accept_agreed(project)
        open_groups = disagreements(project)
        assert len(open_groups) == 3 and agreed
        for group in open_groups:
            settle(project, group, group.versions["anna"])
        assert dashboard_data(project).adjudication.settled == 3
        assert "lead" not in project.annotators()  # the lead added no annotator layer

    # 5. ben changes his mind in his package after the adjudication; merged again
    with Project.open(packages["ben"]) as package:
        article = sorted(shared)[0]
        his = next(a for a in package.annotations(article_id=article) if a.start == 0)
        package.save_annotation(his.evolve(reliability="C"))
    again = merge_databases([merged, packages["ben"]], tmp_path / "merged-2.sqlite")
    assert again.conflicts == 0 and "conflicts: 0 (0 new)" in again.lines()
    merged2 = tmp_path / "merged-2.sqlite"
    with Project.open(merged2) as project:
        board = dashboard_data(project).adjudication
        assert (board.settled, board.changed) == (2, 1)
    shown = run("--db", merged2, "adjudication").output
    assert "changed since adjudicated: 1" in shown
    assert shown.splitlines()[2].startswith("changed since adjudicated\t")

    # 6. cem drops out: his unfinished articles go to anna and ben; the overlap stays
    result = run("--db", merged2, "assign", "--reassign", "cem", "--to", "anna,ben",
                 "-o", tmp_path / "packages-2")
    assert result.exit_code == 0, result.output
    with Project.open(merged2) as project:
        now = team.assignments_by_annotator(project.db)
        done_by_cem = {a for a in plan["cem"] if project.progress("cem", a).reviewed == 2}
    assert set(now["cem"]) == done_by_cem
    for article in set(plan["cem"]) - done_by_cem:
        assert article in now["anna"] or article in now["ben"]
    assert shared - done_by_cem <= set(now["anna"]) & set(now["ben"])

    # 7. export every layer: incomplete records are counted, best is one per article,
    #    every layer has the same keys
    records = {}
    with Project.open(merged2) as project:
        for layer in ("annotators", "adjudicated", "best", "suggestions"):
            summary = export_project(project, ExportOptions(layer=layer), tmp_path / f"{layer}.jsonl")
            records[layer] = read_jsonl(tmp_path / f"{layer}.jsonl")
            if layer == "adjudicated":
                assert summary.left_out == {"changed since adjudicated (adjudicated layer)": 1}
        export_project(project, ExportOptions(format="doccano-flat", layer="best"), tmp_path / "d.jsonl")
    best = Counter(r["meta"]["article_id"] for r in records["best"])
    assert set(best.values()) == {1}
    claim_keys = {tuple(sorted(c)) for layer in records.values() for r in layer for c in r["claims"]}
    assert len(claim_keys) == 1
    assert {r["_annotator_id"] for r in records["adjudicated"]} == {ADJUDICATED_LAYER}
    refused = run("--db", merged2, "export", "--layer", "adjudicated", "--require-complete",
                  "-o", tmp_path / "strict.jsonl", "-q")
    assert refused.exit_code == 1 and not (tmp_path / "strict.jsonl").exists()
