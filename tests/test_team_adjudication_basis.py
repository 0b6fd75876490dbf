"""An adjudication stays true: it remembers the versions it was based on, and a
group whose versions changed since is reopened ("changed since adjudicated")."""

from __future__ import annotations

from test_team_support import fork, judge, make_lead

from annotator.core.project import Project
from annotator.core.team.adjudication import adjudication_progress, claim_groups, disagreements, settle
from annotator.core.team.merge import merge_databases


def two_annotators_merged(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    anna, ben = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "ben.sqlite")
    with Project.open(anna) as project:
        judge(project, "anna", 0, 0, reliability="B")
    with Project.open(ben) as project:
        judge(project, "ben", 0, 0, reliability="D")
    merge_databases([anna, ben], tmp_path / "merged.sqlite")
    return tmp_path / "merged.sqlite", anna, ben


def test_a_settled_group_reopens_when_an_annotator_changes_her_version_and_is_merged_again(tmp_path):
    merged, _anna, ben = two_annotators_merged(tmp_path)
    with Project.open(merged) as project:
        group = disagreements(project)[0]
        settle(project, group, group.versions["ben"])
        group = disagreements(project)[0]
        assert group.settled and group.status == "settled"
        assert adjudication_progress(disagreements(project)).settled == 1
    with Project.open(ben) as project:  # ben thinks again, in his package
        mine = project.annotations(annotator="ben")[0]
        project.save_annotation(mine.evolve(reliability="C"))
    merge_databases([merged, ben], tmp_path / "again.sqlite")
    with Project.open(tmp_path / "again.sqlite") as project:
        group = disagreements(project)[0]
        assert group.changed and not group.settled
        assert group.status == "changed since adjudicated"
        progress = adjudication_progress(disagreements(project))
        assert (progress.settled, progress.total, progress.changed) == (0, 1, 1)
        settle(project, group, group.versions["ben"])  # the lead looks again
        group = disagreements(project)[0]
        assert group.settled and not group.changed


def test_a_new_version_by_another_annotator_also_reopens_the_group(tmp_path):
    merged, _anna, _ben = two_annotators_merged(tmp_path)
    with Project.open(merged) as project:
        group = disagreements(project)[0]
        settle(project, group, group.versions["anna"])
        judge(project, "cleo", 0, 0, reliability="A")
        group = next(g for g in claim_groups(project) if g.final is not None)
        assert group.changed


def test_an_unchanged_package_merged_again_keeps_the_group_settled(tmp_path):
    merged, anna, ben = two_annotators_merged(tmp_path)
    with Project.open(merged) as project:
        group = disagreements(project)[0]
        settle(project, group, group.versions["anna"])
    merge_databases([merged, anna, ben], tmp_path / "again.sqlite")
    with Project.open(tmp_path / "again.sqlite") as project:
        assert disagreements(project)[0].settled
