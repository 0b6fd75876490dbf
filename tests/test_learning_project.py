"""Learning from a project's reviewed articles, and highlighting with what was learned."""

from __future__ import annotations

import pytest
from learning_support import reviewed_project

from annotator.core.importer import highlight_project
from annotator.core.learning.learned_rules import learned_highlighter
from annotator.core.learning.pipeline import LearnedPipeline
from annotator.core.learning.project_learning import LearningCancelled, learn_from_project


def test_learning_reads_every_decision_and_changes_nothing(project):
    reviewed_project(project)
    before = project.annotations()
    result = learn_from_project(project)
    assert result.counts["articles"] == 8
    assert result.counts["reviewed"] == result.counts["accepted"] + result.counts["rejected"]
    assert result.counts["accepted"] == 8 and result.counts["hand_added"] == 8
    assert {(e.kind, e.phrase, e.count) for e in result.entries} >= {("cue", "postete", 8)}
    assert project.annotations() == before  # learning only reads


def test_learning_one_annotator_only(project):
    reviewed_project(project, 3)
    assert learn_from_project(project, annotator="bob").counts["reviewed"] == 0
    assert learn_from_project(project, annotator="alice").counts["articles"] == 3


def test_learning_can_be_cancelled(project):
    reviewed_project(project, 3)
    with pytest.raises(LearningCancelled):
        learn_from_project(project, should_cancel=lambda: True)


def test_rehighlight_with_the_learned_model_names_it_and_keeps_human_work(project):
    reviewed_project(project, 4)
    result = learn_from_project(project)
    human = project.annotations()
    cues = [e.phrase for e in result.entries if e.kind == "cue"]
    pipeline = LearnedPipeline(learned_highlighter(cues, []), result.model)
    highlight_project(project, pipeline)
    assert project.annotations() == human
    article_id = project.article_ids()[0]
    text = project.article(article_id).text
    fresh = [s for s in project.suggestions(article_id) if s.pipeline_version == pipeline.version]
    assert fresh and result.model.version in pipeline.version and "+lexicon." in pipeline.version
    # the learned cue finds the claim the rules missed
    assert "postete" in [s.cue.text(text) for s in fresh if s.cue]
    # and the team's preference orders what the pipeline suggests
    by_cue = {s.cue.text(text): s.score for s in pipeline.highlight(text) if s.cue}
    assert by_cue["zeigen"] > 0.5 > by_cue["Laut"]
