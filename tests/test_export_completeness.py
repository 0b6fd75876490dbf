"""Exports a trainer can trust: a record that leaves claims of its article
out says so (CLI and dataset card), --require-complete refuses, "best" is one
record per article, and every layer has the same keys."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_export_helpers import read_jsonl
from test_team_support import judge, make_lead

from annotator.cli import main
from annotator.core.export import ExportError, ExportOptions, export_project
from annotator.core.project import Project
from annotator.core.team.adjudication import disagreements, settle


@pytest.fixture
def half_adjudicated(tmp_path):
    """Article 1: one group settled, one still open; article 2: one settled,
    then ben changed his version, one agreed; anna judged only one of article
    3's two claims."""
    path = make_lead(tmp_path / "merged.sqlite")
    with Project.open(path) as project:
        for article in (0, 1):
            for claim in (0, 1):
                judge(project, "anna", article, claim, reliability="B")
                judge(project, "ben", article, claim, reliability="D" if claim == 0 else "CB"[article])
        first, second = (disagreements(project, a)[0] for a in project.article_ids()[:2])
        settle(project, first, first.versions["anna"])
        settle(project, second, second.versions["ben"])
        changed = project.annotations(article_id=project.article_ids()[1], annotator="ben")[0]
        project.save_annotation(changed.evolve(reliability="E"))
        judge(project, "anna", 2, 0)
    return path


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def test_adjudicated_export_counts_the_claims_it_left_out_and_why(half_adjudicated, tmp_path):
    result = run("--db", half_adjudicated, "export", "--layer", "adjudicated",
                 "-o", tmp_path / "adj.jsonl", "-q")
    assert result.exit_code == 0, result.output
    records = read_jsonl(tmp_path / "adj.jsonl")
    assert [len(r["claims"]) for r in records] == [1, 1]  # the settled one; the agreed one
    assert "warning: 2 claim(s) of exported articles were left out" in result.stderr
    assert "1 changed since adjudicated (adjudicated layer)" in result.stderr
    assert "1 open disagreement (adjudicated layer)" in result.stderr
    card = (tmp_path / "adj.card.md").read_text(encoding="utf-8")
    assert "## Left out (incomplete records)" in card
    assert "| changed since adjudicated (adjudicated layer) | 1 |" in card


def test_require_complete_refuses_and_writes_nothing(half_adjudicated, tmp_path):
    result = run("--db", half_adjudicated, "export", "--layer", "adjudicated", "--require-complete",
                 "-o", tmp_path / "adj.jsonl", "-q")
    assert result.exit_code == 1
    assert "refused (--require-complete)" in result.stderr and "No file was written" in result.stderr
    assert list(tmp_path.glob("adj*")) == []


def test_a_half_reviewed_article_in_an_annotator_layer_is_exported_with_a_loud_warning(
        half_adjudicated, tmp_path):
    with Project.open(half_adjudicated) as project:
        summary = export_project(project, ExportOptions(annotators=["anna"]), tmp_path / "a.jsonl")
        assert summary.left_out == {"suggestion not yet judged (annotator layer)": 1}
        complete = export_project(project, ExportOptions(annotators=["anna"], only_reviewed=True),
                                  tmp_path / "b.jsonl")
        assert complete.left_out == {} and complete.articles == summary.articles - 1
        with pytest.raises(ExportError, match="1 suggestion not yet judged"):
            export_project(project, ExportOptions(annotators=["anna"], require_complete=True),
                           tmp_path / "c.jsonl")


def test_best_writes_one_record_per_article(half_adjudicated, tmp_path):
    with Project.open(half_adjudicated) as project:
        export_project(project, ExportOptions(layer="best"), tmp_path / "best.jsonl")
    records = read_jsonl(tmp_path / "best.jsonl")
    assert [r["_annotator_id"] for r in records] == ["@adjudicated", "@adjudicated", "anna"]


def test_every_layer_has_the_same_keys(half_adjudicated, tmp_path):
    with Project.open(half_adjudicated) as project:
        for layer in ("annotators", "adjudicated", "suggestions"):
            export_project(project, ExportOptions(layer=layer), tmp_path / f"{layer}.jsonl")
    keys = {layer: {tuple(sorted(c)) for r in read_jsonl(tmp_path / f"{layer}.jsonl") for c in r["claims"]}
            for layer in ("annotators", "adjudicated", "suggestions")}
    assert len(set().union(*keys.values())) == 1
