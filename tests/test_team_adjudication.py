"""The lead finds where annotators differ and settles the final version."""

from __future__ import annotations

import pytest
from test_team_support import judge, make_lead

from annotator.core.models import ADJUDICATED_LAYER, Annotation, Decision
from annotator.core.project import Project
from annotator.core.team.adjudication import (
    adjudication_progress,
    claim_groups,
    disagreements,
    settle,
)


@pytest.fixture
def merged(tmp_path) -> Project:
    with Project.open(make_lead(tmp_path / "merged.sqlite")) as project:
        judge(project, "anna", 0, 0, reliability="B")
        judge(project, "ben", 0, 0, reliability="B", note="same grade, other note")
        judge(project, "anna", 0, 1, reliability="A")
        judge(project, "ben", 0, 1, reliability="D")
        article = project.article_ids()[1]
        # a claim added by hand before the span rules (it ends mid-word): still adjudicated
        project.save_annotation(Annotation(article_id=article, annotator="anna",
                                           decision=Decision.ACCEPT, start=5, end=30), span_rules=False)
        judge(project, "ben", 1, 0)
        yield project


def test_only_real_differences_are_listed(merged):
    found = disagreements(merged)
    # a note alone is no disagreement; a different grade is; a claim only anna added
    # (ben worked on that article too) is
    assert [(g.suggestion_id is not None, sorted(g.versions)) for g in found] == [
        (True, ["anna", "ben"]), (False, ["anna"])]
    assert found[1].absent == ["ben"]
    assert len(claim_groups(merged)) == 4


def test_settling_writes_the_adjudicated_layer_and_counts_progress(merged):
    found = disagreements(merged)
    assert adjudication_progress(found).settled == 0
    final = settle(merged, found[0], found[0].versions["ben"].evolve(note="ben is right"))
    assert final.annotator == ADJUDICATED_LAYER and final.reliability == "D"
    assert final.suggestion_id == found[0].suggestion_id
    again = settle(merged, found[0], found[0].versions["anna"])  # changes its mind
    assert again.id == final.id and again.reliability == "A"
    found = disagreements(merged)
    assert adjudication_progress(found) == adjudication_progress(found).__class__(1, 2)
    assert found[0].final.id == final.id
    assert len(merged.annotations(annotator=ADJUDICATED_LAYER)) == 1


def test_a_hand_added_claim_can_be_settled_as_not_a_claim(merged):
    group = disagreements(merged)[1]
    settle(merged, group, group.versions["anna"].evolve(decision=Decision.REJECT))
    group = disagreements(merged)[1]
    assert group.settled and group.final.decision is Decision.REJECT
    assert group.final.suggestion_id is None
