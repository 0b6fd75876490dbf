"""The core decides: every reviewer action and job is an operation that
returns what it changed, in one record the windows refresh from."""

from __future__ import annotations

from annotator.core import operations
from annotator.core.changes import NOTHING, Changes
from annotator.core.models import Attribution, ClaimSuggestion, Decision, NewArticle, Span
from annotator.core.review import ReviewSession, claim_key, suggested_unattributed

TEXT = "Der Sprecher sagte, alles sei ruhig. Es regnet."


def one_article(project) -> str:
    article_id, _ = project.add_article(NewArticle(text=TEXT, title="Ruhe"))
    project.set_suggestions(article_id, [ClaimSuggestion(
        0, 36, source=Span(4, 12), cue=Span(13, 18), attribution=Attribution.INDIRECT,
        score=0.5)], "test", "1")
    return article_id


def test_changes_combine_and_say_what_they_touch():
    typed = Changes(articles=frozenset({"a"}), annotations=frozenset({"x"}))
    job = Changes(article_list=True)
    both = typed | job
    assert both.articles == {"a"} and both.annotations == {"x"} and both.article_list
    assert both.touches("a") and not both.touches("b") and both.progress
    assert Changes(all_articles=True).touches("b")
    assert NOTHING.empty and not NOTHING.progress and not (NOTHING | NOTHING).touches("a")
    assert not Changes(team=True).progress and not Changes(sources=True).empty


def test_accepting_writes_once_and_returns_the_change_with_its_record(project):
    article_id = one_article(project)
    session = ReviewSession(project, "anna")
    session.open_article(article_id)
    assert session.project_progress.reviewed == 0 and session.project_progress.total == 1
    step = session.accept()
    stored = project.annotations(annotator="anna")
    assert len(stored) == 1 and stored[0].decision == Decision.ACCEPT
    assert step.result.before is None and step.result.after.id == stored[0].id
    assert step.changes == Changes(articles=frozenset({article_id}),
                                   annotations=frozenset({stored[0].id}))
    assert session.current.reviewed and session.project_progress.reviewed == 1
    assert session.accept() is None  # already accepted: nothing to write, no record


def test_an_edit_updates_the_earlier_annotation_and_undo_puts_it_back(project):
    article_id = one_article(project)
    session = ReviewSession(project, "anna")
    session.open_article(article_id)
    first = session.accept().result
    graded = session.set_reliability("B").result
    assert graded.annotation_id == first.annotation_id and graded.before.reliability is None
    assert len(project.annotations(annotator="anna")) == 1
    changes = session.replay(graded, forward=False)
    assert project.annotation(first.annotation_id).reliability is None
    assert changes.touches(article_id) and session.current.annotation.reliability is None


def test_a_job_record_makes_the_session_read_again(project):
    article_id = one_article(project)
    session = ReviewSession(project, "anna")
    session.open_article(article_id)
    project.set_suggestions(article_id, [], "test", "2")  # what a re-highlight does
    assert not session.reload_after(Changes(team=True)) and len(session.claims) == 1
    assert session.reload_after(operations.HIGHLIGHTED) and session.claims == []
    assert session.project_progress.total == 0


def test_the_claim_key_and_unattributed_rules_are_one_each(project):
    article_id = one_article(project)
    suggestion = project.suggestions(article_id)[0]
    session = ReviewSession(project, "anna")
    session.open_article(article_id)
    assert session.claims[0].key == claim_key(suggestion.id, None) == f"s{suggestion.id}"
    assert claim_key(None, "abc") == "aabc"
    bare = ClaimSuggestion(0, 5, attribution=Attribution.UNATTRIBUTED, score=0.1)
    assert suggested_unattributed(bare)
    session.toggle_unattributed()
    assert session.current.unattributed and session.current.source is None


def test_jobs_return_their_result_and_what_they_may_change(project, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Die Polizei sagte, es sei ruhig.", "title": "Neu"}\n',
                    encoding="utf-8")
    outcome = operations.import_articles(project, [feed])
    assert outcome.result.imported == 1 and outcome.changes == operations.IMPORTED
    assert outcome.changes.article_list and outcome.changes.all_articles

    class Nothing:
        name, version = "none", "0"

        def pipe(self, texts, batch_size=64):
            for _ in texts:
                yield []

    ids = project.article_ids()
    some = operations.highlight(project, Nothing(), article_ids=ids[:1])
    assert some.result == 1 and some.changes.articles == {ids[0]} and not some.changes.all_articles
    assert operations.highlight(project, Nothing()).changes == operations.HIGHLIGHTED
    assert operations.EXPORTED.empty and operations.MERGED.empty
    assert operations.ASSIGNED.team and not operations.ASSIGNED.progress
