"""The project store: what a script (or the GUI) can rely on."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import schema
from annotator.core.database import NewerSchemaError, ProjectError
from annotator.core.models import (
    Annotation,
    Attribution,
    ClaimSuggestion,
    Decision,
    NewArticle,
    SourceType,
    Span,
)
from annotator.core.project import Project

TEXT = "Laut Polizei ist die Lage ruhig. Der Sprecher sagte, dass niemand verletzt wurde."


def add_claim(project: Project) -> tuple[str, ClaimSuggestion]:
    article_id, _ = project.add_article(NewArticle(text=TEXT, title="Lage"))
    project.set_suggestions(article_id, [
        ClaimSuggestion(0, 32, source=Span(5, 12), cue=Span(0, 4),
                        attribution=Attribution.ACCORDING_TO, score=0.9),
    ], "test-pipeline", "1")
    return article_id, project.suggestions(article_id)[0]


def accept(article_id: str, suggestion: ClaimSuggestion, **fields) -> Annotation:
    return Annotation(article_id=article_id, annotator="alice", decision=Decision.ACCEPT,
                      start=suggestion.start, end=suggestion.end, source=suggestion.source,
                      cue=suggestion.cue, suggestion_id=suggestion.id, **fields)


def test_a_new_project_has_an_identity_and_the_current_schema(project):
    assert len(project.uuid) == 36
    assert project.schema_version == schema.known_migration_names()[-1]
    assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_the_uuid_survives_reopening(tmp_path):
    with Project.open(tmp_path / "p.sqlite") as first:
        uuid = first.uuid
    with Project.open(tmp_path / "p.sqlite") as again:
        assert again.uuid == uuid


def test_an_article_is_identified_by_its_normalized_text(project):
    first, new = project.add_article(NewArticle(text="Ein Satz.\nNoch einer."))
    again, new_again = project.add_article(NewArticle(text="Ein  Satz.\r\nNoch einer.  "))
    assert new and not new_again
    assert first == again
    assert project.count_articles() == 1


def test_empty_text_is_refused(project):
    with pytest.raises(ValueError):
        project.add_article(NewArticle(text="  \n "))
    assert project.count_articles() == 0


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_unicode_text_round_trips_exactly(project, text):
    # One project serves every example, and texts that differ only in
    # surrounding whitespace share an article id: start each example empty.
    project.db.execute("DELETE FROM articles")
    article_id, _ = project.add_article(NewArticle(text=text, meta={"k": text}))
    stored = project.article(article_id)
    assert stored.text == text
    assert stored.meta == {"k": text}


def test_articles_page_in_import_order_with_review_status(project):
    article_id, suggestion = add_claim(project)
    other, _ = project.add_article(NewArticle(text="Zweiter Artikel ohne Behauptungen."))
    rows = project.article_summaries(annotator="alice")
    assert [r.id for r in rows] == [article_id, other]
    assert rows[0].status == "new" and rows[0].claims_total == 1
    project.save_annotation(accept(article_id, suggestion))
    done = project.article_summaries(annotator="alice", status="done")
    assert [r.id for r in done] == [article_id]
    assert project.count_summaries(annotator="alice", status="new") == 1
    assert [r.id for r in project.article_summaries(search="zweiter")] == [other]
    assert project.article_summaries(offset=1, limit=1)[0].id == other


def test_saving_an_annotation_logs_every_change(project):
    article_id, suggestion = add_claim(project)
    first = project.save_annotation(accept(article_id, suggestion, reliability="B", credibility=2,
                                           source_type=SourceType.GOVERNMENT))
    assert first.revision == 1 and first.origin_db == project.uuid
    second = project.save_annotation(first.evolve(note="Polizeimeldung"))
    assert second.revision == 2 and second.id == first.id
    log = project.change_log(first.id)
    assert [e.action for e in log] == ["create", "update"]
    assert log[1].before["note"] == "" and log[1].after["note"] == "Polizeimeldung"
    assert log[0].db_uuid == project.uuid


def test_an_unchanged_save_is_not_a_new_revision(project):
    article_id, suggestion = add_claim(project)
    stored = project.save_annotation(accept(article_id, suggestion))
    assert project.save_annotation(stored).revision == 1
    assert len(project.change_log()) == 1


def test_judging_a_suggestion_twice_updates_one_annotation(project):
    article_id, suggestion = add_claim(project)
    project.save_annotation(accept(article_id, suggestion))
    project.save_annotation(accept(article_id, suggestion).evolve(decision=Decision.REJECT))
    annotations = project.annotations(article_id, "alice")
    assert len(annotations) == 1 and annotations[0].decision is Decision.REJECT


def test_grades_outside_the_admiralty_scale_are_refused(project):
    article_id, suggestion = add_claim(project)
    with pytest.raises(ValueError):
        project.save_annotation(accept(article_id, suggestion, reliability="G"))
    with pytest.raises(ValueError):
        project.save_annotation(accept(article_id, suggestion, credibility=7))
    with pytest.raises(ValueError):
        project.save_annotation(accept(article_id, suggestion).evolve(end=len(TEXT) + 5))
    assert project.count_annotations() == 0 and project.change_log() == []


def test_the_change_log_is_append_only(project):
    article_id, suggestion = add_claim(project)
    project.save_annotation(accept(article_id, suggestion))
    with pytest.raises(sqlite3.DatabaseError):
        project.db.execute("DELETE FROM annotation_log")
    with pytest.raises(sqlite3.DatabaseError):
        project.db.execute("UPDATE annotation_log SET action = 'update'")


def test_undo_and_redo_are_logged_changes_too(project):
    from annotator.core.commands import change_annotation

    article_id, suggestion = add_claim(project)
    command = change_annotation(project, accept(article_id, suggestion, reliability="A"))
    command.apply(project)
    assert project.annotation(command.annotation_id).reliability == "A"
    command.revert(project)
    assert project.annotation(command.annotation_id) is None
    command.apply(project)
    assert [e.action for e in project.change_log()] == ["create", "delete", "create"]


def test_rehighlighting_keeps_judged_suggestions(project):
    article_id, suggestion = add_claim(project)
    project.save_annotation(accept(article_id, suggestion))
    project.set_suggestions(article_id, [ClaimSuggestion(33, 81)], "test-pipeline", "2")
    spans = [(s.start, s.end) for s in project.suggestions(article_id)]
    assert spans == [(0, 32), (33, 81)]
    assert project.annotations(article_id)[0].suggestion_id == suggestion.id


def test_progress_counts_suggestions_and_hand_added_claims(project):
    article_id, suggestion = add_claim(project)
    project.save_annotation(Annotation(article_id, "alice", Decision.ACCEPT, 33, 81))
    progress = project.progress("alice")
    assert (progress.reviewed, progress.total) == (1, 2)
    assert project.progress("bob").reviewed == 0


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    Project.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('annotator', 'm999_from_the_future', '2030-01-01')")
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        Project.open(path)
    assert path.read_bytes() == before


def test_pending_migrations_run_after_a_backup(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    Project.open(path).close()

    @schema.migrations(name="m900_test_only")
    def m900(db):
        db.execute("CREATE TABLE test_only (x INTEGER)")

    try:
        with Project.open(path) as upgraded:
            assert "test_only" in upgraded.db.table_names()
        backups = list(tmp_path.glob("old.sqlite.backup-*-before-m900_test_only"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "test_only" not in tables and "articles" in tables
    finally:
        schema.migrations._migrations.pop()


def test_files_that_are_not_projects_are_refused(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ProjectError, match="junk.sqlite"):
        Project.open(junk)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(other)
    with pytest.raises(ProjectError, match="no such"):
        Project.open(tmp_path / "missing.sqlite", create=False)


def test_two_connections_wait_for_each_other(tmp_path):
    path = tmp_path / "shared.sqlite"
    with Project.open(path) as one, Project.open(path) as two:
        with one.transaction():
            one.insert_article(NewArticle(text="Erster Prozess."))
        two.add_article(NewArticle(text="Zweiter Prozess."))
        assert one.count_articles() == 2
