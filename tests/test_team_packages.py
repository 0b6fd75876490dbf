"""Work packages after they went out: reassigning a leaver's articles, a
newcomer's share, re-running assign, unassigning, carrying earlier work, and
article lists that respect assignments."""

from __future__ import annotations

from click.testing import CliRunner
from test_team_support import judge, make_lead

from annotator.cli import main
from annotator.core.project import Project
from annotator.core.storage import team
from annotator.core.team.packages import assign_packages


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def assigned(path) -> dict[str, list[str]]:
    with Project.open(path) as project:
        return team.assignments_by_annotator(project.db)


def test_reassign_moves_the_leavers_unfinished_articles_and_keeps_the_overlap(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=4)  # 12 articles
    with Project.open(lead) as project:
        assign_packages(project, ["anna", "ben", "cem"], 0.25, tmp_path / "p1")
        cem_articles = team.assignments_by_annotator(project.db)["cem"]
        finished = cem_articles[-1]  # cem finished one article before leaving
        index = project.article_ids().index(finished)
        judge(project, "cem", index, 0)
        judge(project, "cem", index, 1)
    before = assigned(lead)
    shared = set(before["anna"]) & set(before["ben"]) & set(before["cem"])
    result = run("--db", lead, "assign", "--reassign", "cem", "--to", "anna,ben", "-o", tmp_path / "p2")
    assert result.exit_code == 0, result.output
    after = assigned(lead)
    assert after["cem"] == [finished]
    for article in set(cem_articles) - {finished}:
        holders = {name for name in ("anna", "ben") if article in after[name]}
        assert holders == ({"anna", "ben"} if article in shared else holders) and len(holders) >= 1
    moved = {n: sorted(set(after[n]) - set(before[n])) for n in ("anna", "ben")}
    assert abs(len(moved["anna"]) - len(moved["ben"])) <= 1  # a fair share each
    with Project.open(tmp_path / "p2" / "anna.sqlite") as package:
        assert sorted(package.article_ids()) == moved["anna"]


def test_rerunning_assign_does_not_grow_old_assignments_and_a_newcomer_gets_only_unassigned(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=2)  # 6 articles
    with Project.open(lead) as project:
        assign_packages(project, ["anna", "ben"], 0.0, tmp_path / "p1")
        first = team.assignments_by_annotator(project.db)
        assign_packages(project, ["anna", "ben"], 0.0, tmp_path / "p2")
        assert team.assignments_by_annotator(project.db) == first
        result = run("--db", lead, "unassign", "ben")
        assert result.output.strip() == f"ben: {len(first['ben'])} article(s) unassigned"
        assign_packages(project, ["dora"], 0.0, tmp_path / "p3")
        now = team.assignments_by_annotator(project.db)
    assert now["dora"] == first["ben"] and now["anna"] == first["anna"] and "ben" not in now
    result = run("--db", lead, "assign", "--annotators", "emil", "-o", tmp_path / "p4")
    assert result.exit_code != 0 and "every article is already assigned" in result.output


def test_a_package_carries_earlier_annotations_when_asked(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    with Project.open(lead) as project:
        assign_packages(project, ["anna"], 0.0, tmp_path / "p1")
        mine = judge(project, "anna", 0, 1, reliability="E")
        judge(project, "ben", 0, 1)
        assign_packages(project, ["anna"], 0.0, tmp_path / "p2", carry_annotations=True)
    with Project.open(tmp_path / "p2" / "anna.sqlite") as package:
        carried = package.annotations()
        assert [(a.id, a.reliability, a.annotator) for a in carried] == [(mine.id, "E", "anna")]
        suggestion = package.suggestion(carried[0].suggestion_id)
        assert (suggestion.start, suggestion.end) == (mine.start, mine.end)
        assert [e.action for e in package.change_log(mine.id)] == ["create"]
    with Project.open(tmp_path / "p1" / "anna.sqlite") as package:
        assert package.annotations() == []


def test_articles_respect_assignments_and_a_single_annotators_status(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=2)
    with Project.open(lead) as project:
        judge(project, "anna", 0, 0)
        judge(project, "anna", 0, 1)
        ids = project.article_ids()
    listed = run("--db", lead, "articles").output.splitlines()
    assert listed[0].split("\t")[1:3] == ["done", "2/2"]  # anna's status: the only annotator
    with Project.open(lead) as project:
        assign_packages(project, ["anna", "ben"], 0.0, tmp_path / "p")
        anna = team.assignments_by_annotator(project.db)["anna"]
    new = run("--db", lead, "articles", "--annotator", "anna", "--status", "new").output.splitlines()
    assert {line.split("\t")[0] for line in new} == set(anna) - {ids[0]}
