"""Learning that corrects spans: the source chooser and message edits (issue 16)."""

from __future__ import annotations

import json

import pytest

from annotator.core.highlight import load_highlighter
from annotator.core.highlight.lexicons import load_lexicons
from annotator.core.learning.corrector import Corrector, explain_spans, train_corrector
from annotator.core.learning.decisions import Review, correction_cases
from annotator.core.learning.pipeline import LearnedPipeline
from annotator.core.learning.rescorer import ModelError
from annotator.core.learning.source_candidates import Tokens, candidates
from annotator.core.models import Annotation, Decision, Span

# The rules take the whole "Name , Rolle des X ," as the speaker; this team
# keeps only the name, and ends every message with its full stop.
TEMPLATE = "{name} , {role} des {org} , sagte , die Lage sei {how} ."
PEOPLE = [("Theo Zwanziger", "Präsident", "DFB"), ("Anna Berg", "Sprecherin", "Senats"),
          ("Karl Ott", "Leiter", "Bauamts"), ("Eva Roth", "Chefin", "Vereins"),
          ("Jan Wolf", "Sprecher", "Ministeriums"), ("Ute Kern", "Direktorin", "Museums"),
          ("Max Hahn", "Vorsitzender", "Rates"), ("Lena Fuchs", "Sprecherin", "Polizei")]
HOW = ["ruhig", "ernst", "gut", "schwierig", "offen", "klar"]


@pytest.fixture(scope="module")
def hl():
    return load_highlighter("blank")


def team_reviews(hl) -> list[Review]:
    reviews = []
    for k, (name, role, org) in enumerate(PEOPLE):
        text = TEMPLATE.format(name=name, role=role, org=org, how=HOW[k % len(HOW)])
        (s,) = hl.highlight(text)
        assert s.source is not None and s.source.text(text).startswith(f"{name} , {role}")
        ann = Annotation("a", "alice", Decision.ACCEPT, s.start, len(text), source=Span(0, len(name)),
                         cue=s.cue, suggestion_id=1)
        reviews.append(Review(text, s, ann))
    return reviews


def test_the_candidates_include_the_rules_span_its_head_and_none(hl):
    text = TEMPLATE.format(name="Theo Zwanziger", role="Präsident", org="DFB", how="gut")
    (s,) = hl.highlight(text)
    cands = candidates(Tokens.of(text), load_lexicons(), s.start, s.end, (s.cue.start, s.cue.end),
                       (s.source.start, s.source.end), [])
    spans = {text[a:b]: kind for a, b, kind in cands if a >= 0}
    assert cands[0][2] == "rule" and cands[-1][2] == "none"
    assert spans["Theo Zwanziger"] in ("head", "chunk", "name")


def test_a_team_that_keeps_only_the_name_teaches_the_chooser(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    text = TEMPLATE.format(name="Rita Lang", role="Sprecherin", org="Landesamts", how="angespannt")
    (before,) = hl.highlight(text)
    assert before.source.text(text) == "Rita Lang , Sprecherin des Landesamts"
    (after,), (why,) = corrector.correct(text, [before])
    assert after.source.text(text) == "Rita Lang"
    assert why.source is not None and why.source.gain >= corrector.margin
    # the message edit the team made every time: the full stop belongs to it
    assert text[after.start:after.end].endswith("angespannt .")
    assert "add_final_stop" in why.edits


def test_without_corrections_nothing_changes(hl):
    reviews = team_reviews(hl)
    kept = [Review(r.text, r.suggestion, r.annotation.evolve(start=r.suggestion.start, end=r.suggestion.end,
                                                              source=r.suggestion.source)) for r in reviews]
    corrector = train_corrector(correction_cases(kept))
    text = TEMPLATE.format(name="Rita Lang", role="Sprecherin", org="Landesamts", how="angespannt")
    (before,) = hl.highlight(text)
    (after,), _ = corrector.correct(text, [before])
    assert after == before


def test_the_corrector_is_plain_json_with_counts_and_says_why(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    doc = json.loads(corrector.to_bytes())
    assert doc["format"] == "annotator-corrector" and doc["payload"]["counts"]["suggestions"] == len(PEOPLE)
    assert {r["edit"] for r in doc["payload"]["edits"]} >= {"add_final_stop"}
    again = Corrector.from_bytes(corrector.to_bytes())
    assert again.version == corrector.version
    text = TEMPLATE.format(name="Rita Lang", role="Sprecherin", org="Landesamts", how="angespannt")
    (after,), _ = again.correct(text, hl.highlight(text))
    why = explain_spans(again, text, after)
    assert corrector.version in why and "source “Rita Lang”" in why and "add_final_stop (8 better, 0 worse)" in why


@pytest.mark.parametrize("damage", [b"{", b'{"format": "other"}', None])
def test_a_damaged_corrector_is_refused(hl, damage):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    data = damage if damage is not None else corrector.to_bytes().replace(b'"better": 8', b'"better": 9')
    with pytest.raises(ModelError):
        Corrector.from_bytes(data)


def test_the_learned_pipeline_corrects_and_names_the_corrector(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    pipeline = LearnedPipeline(hl, None, corrector=corrector)
    assert pipeline.version.endswith("+" + corrector.version)
    assert pipeline.plain is pipeline  # a corrector runs in-process, not in plain workers
    text = TEMPLATE.format(name="Rita Lang", role="Sprecherin", org="Landesamts", how="angespannt")
    (s,) = pipeline.highlight(text)
    assert s.source.text(text) == "Rita Lang"


def corrected_project(project, hl):
    """A project whose reviewer kept only the name as source, every time."""
    from annotator.core.importer import highlight_project
    from annotator.core.models import NewArticle

    for k, (name, role, org) in enumerate(PEOPLE):
        project.add_article(NewArticle(text=TEMPLATE.format(name=name, role=role, org=org, how=HOW[k % 6])))
    highlight_project(project, hl)
    for article_id in project.article_ids():
        text = project.article(article_id).text
        (s,) = project.suggestions(article_id)
        name_end = text.index(" , ")
        project.save_annotation(Annotation(article_id, "alice", Decision.ACCEPT, s.start, len(text),
                                           source=Span(0, name_end), cue=s.cue, suggestion_id=s.id))
    return project


def test_learn_stores_the_corrector_and_rehighlight_uses_it_keeping_human_work(project, hl):
    from annotator.core.importer import highlight_project
    from annotator.core.learning.explain import Explainer
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.models import NewArticle
    from annotator.core.operations.learn import learn

    corrected_project(project, hl)
    result = learn(project).result
    assert result.corrector is not None and result.counts["edit_rules"] >= 1
    human = project.annotations()
    new_id, _ = project.insert_article(NewArticle(text=TEMPLATE.format(name="Rita Lang", role="Sprecherin",
                                                                       org="Landesamts", how="angespannt")))
    pipeline, warning = project_pipeline(project, base=hl)
    assert warning is None and result.corrector.version in pipeline.version
    highlight_project(project, pipeline)
    assert project.annotations() == human  # the human layer is never touched
    text = project.article(new_id).text
    (s,) = project.suggestions(new_id)
    assert s.source.text(text) == "Rita Lang" and result.corrector.version in s.pipeline_version
    assert "source “Rita Lang”" in Explainer(project).why(text, s)


def test_a_damaged_stored_corrector_warns_and_the_rules_spans_are_used(project, hl):
    from annotator.core.learning.project_store import project_pipeline
    from annotator.core.operations.learn import learn

    corrected_project(project, hl)
    learn(project)
    with project.transaction():
        project.db.execute("UPDATE learned_models SET body = substr(body, 1, 30) WHERE kind = 'corrector'")
    pipeline, warning = project_pipeline(project, base=hl)
    assert pipeline.corrector is None and "corrector" in warning and "rules' spans" in warning


def test_a_kind_of_source_the_team_never_corrected_is_left_alone(hl):
    corrector = train_corrector(correction_cases(team_reviews(hl)))
    assert set(corrector.contexts) == {"indirect|noun:role", "indirect|noun:org"}  # with [right, wrong] counts
    text = TEMPLATE.format(name="Rita Lang", role="Sprecherin", org="Landkreises", how="angespannt")
    (before,) = hl.highlight(text)  # "Landkreis": a collective noun, a kind never corrected
    (after,), (why,) = corrector.correct(text, [before])
    assert why.source is None and after.source == before.source
