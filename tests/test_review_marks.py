"""Review marks (issue 18): a claim's flag and "checked, nothing to mark"."""

from __future__ import annotations

import pytest
from test_team_support import fork, make_lead

from annotator.core.models import Annotation, ClaimSuggestion, Decision, NewArticle
from annotator.core.operations.checks import HasClaims, set_checked
from annotator.core.project import Project
from annotator.core.review import ReviewSession
from annotator.core.team.merge import merge_databases


def empty_article(project: Project) -> str:
    article_id, _ = project.add_article(NewArticle(text="Das Wetter war schön, sonst nichts."))
    return article_id


def status(project: Project, annotator: str, article_id: str) -> str:
    rows = project.article_summaries(annotator=annotator, limit=1000)
    return next(r.status for r in rows if r.id == article_id)


def test_checking_an_article_without_claims_makes_it_done_for_that_annotator_only(project):
    article_id = empty_article(project)
    assert status(project, "anna", article_id) == "new"
    outcome = set_checked(project, article_id, "anna")
    assert outcome.result and outcome.changes.statuses and article_id in outcome.changes.articles
    assert status(project, "anna", article_id) == "done"
    assert status(project, "ben", article_id) == "new"
    assert project.count_summaries(annotator="anna", status="done") == 1


def test_a_check_is_taken_back_by_unchecking(project):
    article_id = empty_article(project)
    set_checked(project, article_id, "anna")
    assert set_checked(project, article_id, "anna", checked=False).result
    assert status(project, "anna", article_id) == "new"
    assert not set_checked(project, article_id, "anna", checked=False).result


def test_an_article_with_claims_cannot_be_checked_away(project):
    article_id = empty_article(project)
    project.set_suggestions(article_id, [ClaimSuggestion(start=0, end=10)], pipeline="test", version="1")
    with pytest.raises(HasClaims, match="1 claim: review"):
        set_checked(project, article_id, "anna")
    assert not project.article_checked(article_id, "anna")


def test_a_check_renews_the_article_stamp(project):
    article_id = empty_article(project)
    stamp = project.db.execute("SELECT stamp FROM article_stamps WHERE article_id = ?",
                               [article_id]).fetchone()
    set_checked(project, article_id, "anna")
    renewed = project.db.execute("SELECT stamp FROM article_stamps WHERE article_id = ?",
                                 [article_id]).fetchone()
    assert renewed is not None and renewed != stamp


def test_the_flag_cycles_flagged_unsure_skipped_none_and_is_logged(project):
    article_id, _ = project.add_article(NewArticle(text="Merz sagte, die Steuern sinken bald."))
    project.set_suggestions(article_id, [ClaimSuggestion(start=11, end=35)], pipeline="test", version="1")
    session = ReviewSession(project, "anna")
    session.open_article(article_id)
    seen = []
    for _ in range(4):
        session.cycle_flag()
        seen.append(project.annotations(article_id)[0].flag)
    assert seen == ["flagged", "unsure", "skipped", None]
    assert [e.after["flag"] for e in project.change_log()] == seen


def test_an_unknown_flag_is_refused_by_name(project):
    article_id = empty_article(project)
    with pytest.raises(ValueError, match="flag must be one of flagged, unsure, skipped"):
        project.save_annotation(Annotation(article_id=article_id, annotator="anna",
                                           decision=Decision.ACCEPT, start=0, end=5, flag="maybe"))


def test_flags_and_checks_are_merged(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    with Project.open(lead) as project:
        article_id = empty_article(project)
    anna, ben = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "ben.sqlite")
    with Project.open(anna) as project:
        set_checked(project, article_id, "anna")
        first = project.article_ids()[0]
        suggestion = project.suggestions(first)[0]
        project.save_annotation(Annotation(
            article_id=first, annotator="anna", decision=Decision.ACCEPT, start=suggestion.start,
            end=suggestion.end, suggestion_id=suggestion.id, flag="unsure"))
    with Project.open(ben) as project:
        set_checked(project, article_id, "ben")
    merge_databases([anna, ben], tmp_path / "out.sqlite")
    with Project.open(tmp_path / "out.sqlite") as merged:
        assert merged.article_checked(article_id, "anna") and merged.article_checked(article_id, "ben")
        assert [a.flag for a in merged.annotations(annotator="anna")] == ["unsure"]


def as_before_m008(path) -> None:
    """Make a database look as if written before the review marks existed."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP TABLE article_checks;
        ALTER TABLE annotations DROP COLUMN flag;
        DELETE FROM _sqlite_migrations WHERE name = 'm008_review_marks';
    """)
    conn.close()


def test_a_database_from_before_the_review_marks_is_merged_too(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    anna, old = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "old.sqlite")
    with Project.open(old) as project:
        first = project.article_ids()[0]
        suggestion = project.suggestions(first)[0]
        project.save_annotation(Annotation(
            article_id=first, annotator="ben", decision=Decision.REJECT, start=suggestion.start,
            end=suggestion.end, suggestion_id=suggestion.id))
    as_before_m008(old)
    merge_databases([anna, old], tmp_path / "out.sqlite")
    with Project.open(tmp_path / "out.sqlite") as merged:
        assert [a.flag for a in merged.annotations(annotator="ben")] == [None]
