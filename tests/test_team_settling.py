"""The lead settles agreed claims in one go, takes majorities, and sees the
worst disagreements first, filtered by field, annotator pair and article."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_team_support import judge, make_lead

from annotator.cli import main
from annotator.core.models import ADJUDICATED_LAYER
from annotator.core.project import Project
from annotator.core.team.adjudication import claim_groups
from annotator.core.team.settling import (
    accept_agreed,
    curation_status,
    differing_fields,
    filter_groups,
    majority,
    rank,
    settle_by_majority,
)


@pytest.fixture
def three(tmp_path):
    path = make_lead(tmp_path / "merged.sqlite")
    with Project.open(path) as project:
        for name in ("anna", "ben", "cleo"):
            judge(project, name, 0, 0, reliability="B")          # everybody agrees
        judge(project, "anna", 0, 1, reliability="A")
        judge(project, "ben", 0, 1, reliability="A")
        judge(project, "cleo", 0, 1, reliability="E", credibility=5)  # two against one
        judge(project, "anna", 1, 0, reliability="C")
        judge(project, "ben", 1, 0, reliability="D")              # a tie: no majority
    return path


def test_accept_all_agreed_settles_only_agreed_groups_per_article_or_project(three):
    with Project.open(three) as project:
        first, second = project.article_ids()[:2]
        assert accept_agreed(project, second) == []
        assert len(accept_agreed(project, first)) == 1
        assert accept_agreed(project) == []  # nothing agreed is left open
        finals = project.annotations(annotator=ADJUDICATED_LAYER)
        assert [(f.article_id, f.reliability) for f in finals] == [(first, "B")]
        status = curation_status(claim_groups(project))
        assert status == {first: "partly settled", second: "open"}


def test_majority_takes_the_version_most_annotators_chose_and_none_on_a_tie(three):
    with Project.open(three) as project:
        groups = [g for g in claim_groups(project) if g.differs]
        assert majority(groups[0]).reliability == "A"
        assert majority(groups[1]) is None
        assert [f.reliability for f in settle_by_majority(project)] == ["A"]


def test_groups_rank_by_disagreement_and_filter_by_field_pair_and_article(three):
    with Project.open(three) as project:
        groups = claim_groups(project)
        ranked = rank([g for g in groups if g.differs])
        assert differing_fields(ranked[0]) == {"reliability", "credibility"}
        assert filter_groups(groups, field="credibility") == [ranked[0]]
        assert filter_groups(groups, pair=("anna", "ben")) == [ranked[1]]
        assert filter_groups(groups, agreed=True, article_id=project.article_ids()[0]) == [groups[0]]


def test_the_cli_lists_ranked_disagreements_with_titles_and_accepts_agreed(three):
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(three), "adjudication"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "disagreements settled: 0 of 2" in lines[0] and "agreed, not yet accepted: 1" in lines[0]
    assert lines[2].startswith("open\t") and lines[2].endswith("credibility,reliability")
    result = runner.invoke(main, ["--db", str(three), "adjudication", "--accept-agreed",
                                  "--accept-majority"])
    assert result.output.splitlines()[:2] == ["accepted 1 agreed claim group(s)",
                                              "settled 1 disagreement(s) by majority"]
    assert "articles: 1 open, 0 partly settled, 1 settled" in result.output


def test_the_dashboard_and_the_article_list_show_each_articles_curation_status(three):
    from annotator.core.team.dashboard_data import dashboard_data

    with Project.open(three) as project:
        accept_agreed(project)
        first, second = project.article_ids()[:2]
        assert dashboard_data(project).curation == {"partly settled": 1, "open": 1}
    listed = CliRunner().invoke(main, ["--db", str(three), "articles", "--curation"]).output.splitlines()
    status = {line.split("\t")[0]: line.split("\t")[-1] for line in listed}
    assert (status[first], status[second]) == ("partly settled", "open")
    assert set(status.values()) == {"partly settled", "open", "-"}
