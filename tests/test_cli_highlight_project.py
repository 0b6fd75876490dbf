"""Highlighting inside a project: on import, on demand, and the demo corpus."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.models import Annotation, Decision
from annotator.core.project import Project


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_import_highlights_the_seeds(tmp_path, seed_paths):
    db = tmp_path / "p.sqlite"
    assert run("--db", str(db), "import", "-q", *map(str, seed_paths)).exit_code == 0
    with Project.open(db) as project:
        for article in project.iter_articles():
            claims = project.suggestions(article.id)
            assert claims, f"no claims suggested in {article.source_file}"
            assert all(c.pipeline and c.pipeline_version for c in claims)


def test_rehighlight_leaves_human_work_alone(tmp_path, seed_paths):
    db = tmp_path / "p.sqlite"
    run("--db", str(db), "import", "-q", str(seed_paths[0]))
    with Project.open(db) as project:
        article = next(project.iter_articles())
        judged = project.suggestions(article.id)[0]
        saved = project.save_annotation(Annotation(
            article.id, "alice", Decision.ACCEPT, judged.start, judged.end,
            suggestion_id=judged.id, reliability="B", credibility=2, note="geprüft"))
        project.db.execute("DELETE FROM suggestions WHERE id != ?", [judged.id])
    result = run("--db", str(db), "rehighlight", "-q")
    assert result.exit_code == 0 and "highlighted: 1 articles" in result.output
    with Project.open(db) as project:
        assert project.annotation(saved.id) == saved
        assert len(project.suggestions(article.id)) > 1
        assert project.suggestion(judged.id).start == judged.start


def test_the_demo_project_is_built_once(tmp_path):
    db = tmp_path / "demo.sqlite"
    first = run("--db", str(db), "demo", "--no-gui")
    assert first.exit_code == 0 and str(db) in first.output
    run("--db", str(db), "demo", "--no-gui")
    with Project.open(db) as project:
        assert project.count_articles() == 5
        assert project.count_suggestions() >= 15
