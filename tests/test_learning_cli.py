"""`annotator learn`, `annotator lexicon` and `annotator rehighlight` with what was learned."""

from __future__ import annotations

from click.testing import CliRunner
from learning_support import ARTICLE, reviewed_project

from annotator.cli import main
from annotator.core.models import Decision, NewArticle
from annotator.core.project import Project
from annotator.core.storage import learned


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def reviewed_db(tmp_path, articles: int = 4):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        reviewed_project(project, articles)
    return db


def human_layer(db):
    with Project.open(db) as project:
        return project.annotations()


def fresh_suggestions(db, version_part: str):
    with Project.open(db) as project:
        out = []
        for article_id in project.article_ids():
            text = project.article(article_id).text
            out += [(s, text) for s in project.suggestions(article_id) if version_part in (s.pipeline_version or "")]
        return out


def test_a_lead_learns_reviews_the_lexicon_and_rehighlights(tmp_path):
    db = reviewed_db(tmp_path)
    human = human_layer(db)
    result = run("--db", str(db), "learn", "-q")
    assert result.exit_code == 0, result.output
    assert "learned rescorer-" in result.output and "4 articles" in result.output
    assert "spans: corrector-" in result.output  # the span corrector is learned alongside
    version = result.output.split()[1]

    listed = run("--db", str(db), "lexicon", "list")
    assert "cue\t4\tproposed (in use)\tpostete" in listed.output
    assert "from all annotators" in listed.output

    again = run("--db", str(db), "rehighlight", "-q")
    assert again.exit_code == 0 and version in again.output
    assert human_layer(db) == human  # the human layer is untouched
    fresh = fresh_suggestions(db, version)
    assert fresh and all("+lexicon." in s.pipeline_version for s, _ in fresh)
    assert any(s.cue and s.cue.text(text) == "postete" for s, text in fresh)  # the learned cue is used


def test_a_dropped_cue_is_no_longer_used(tmp_path):
    db = reviewed_db(tmp_path)
    run("--db", str(db), "learn", "-q")
    dropped = run("--db", str(db), "lexicon", "drop", "cue", "postete")
    assert dropped.exit_code == 0 and "dropped" in dropped.output
    assert run("--db", str(db), "rehighlight", "-q").exit_code == 0
    every = fresh_suggestions(db, "")
    assert every and not any(s.cue and s.cue.text(text) == "postete" for s, text in every)
    # relearning keeps the lead's verdict
    run("--db", str(db), "learn", "-q")
    assert "cue\t4\tdropped\tpostete" in run("--db", str(db), "lexicon", "list").output


def test_a_damaged_model_warns_and_the_rules_are_used(tmp_path):
    db = reviewed_db(tmp_path, 2)
    run("--db", str(db), "learn", "-q")
    with Project.open(db) as project:
        with project.transaction():
            project.db.execute("UPDATE learned_models SET body = substr(body, 1, 40)")
    result = run("--db", str(db), "rehighlight", "-q")
    assert result.exit_code == 0
    assert "warning:" in result.output and "rules" in result.output and "Traceback" not in result.output
    assert fresh_suggestions(db, "rescorer-") == []


def test_learning_without_reviews_says_so(tmp_path):
    db = tmp_path / "empty.sqlite"
    with Project.open(db):
        pass
    result = run("--db", str(db), "learn", "-q")
    assert result.exit_code == 1 and "nothing to learn from" in result.output
    assert "nothing learned yet" in run("--db", str(db), "lexicon", "list").output


def test_unknown_entries_and_bad_thresholds_are_refused(tmp_path):
    db = reviewed_db(tmp_path, 2)
    bad = run("--db", str(db), "learn", "-q", "--hide-below", "often")
    assert bad.exit_code == 2 and "'often'" in bad.output
    assert run("--db", str(db), "learn", "-q", "--hide-below", "1.5").exit_code == 2
    with Project.open(db) as project:  # refused before learning: nothing stored
        assert learned.count_models(project.db) == 0
    missing = run("--db", str(db), "lexicon", "accept", "cue", "raunte")
    assert missing.exit_code == 1 and "no learned cue entry 'raunte'" in missing.output


def test_the_threshold_hides_what_the_team_rejects(tmp_path):
    db = reviewed_db(tmp_path)
    assert run("--db", str(db), "learn", "-q", "--hide-below", "0.5").exit_code == 0
    with Project.open(db) as project:  # a new article nobody has reviewed yet
        new_id, _ = project.add_article(NewArticle(text=ARTICLE.format(n=99), title="neu"))
    run("--db", str(db), "rehighlight", "-q")
    with Project.open(db) as project:
        text = project.article(new_id).text
        cues = {s.cue.text(text) for s in project.suggestions(new_id) if s.cue}
    assert cues == {"zeigen", "postete"}  # 'Laut …' is hidden


def test_the_most_uncertain_articles_are_listed_first(tmp_path):
    db = reviewed_db(tmp_path, 2)
    assert "run 'annotator learn'" in run("--db", str(db), "uncertain").output
    run("--db", str(db), "learn", "-q")
    with Project.open(db) as project:  # two new articles nobody has reviewed
        for n in (60, 61):
            project.add_article(NewArticle(text=ARTICLE.format(n=n), title=f"neu {n}"))
    run("--db", str(db), "rehighlight", "-q")
    lines = run("--db", str(db), "uncertain", "--limit", "5").output.splitlines()
    open_counts = {line.split("\t")[-1]: line.split("\t")[2] for line in lines}
    # the reviewed articles have one new suggestion each, through the learned cue
    assert open_counts == {"neu 60": "3 open", "neu 61": "3 open", "Artikel 0": "1 open", "Artikel 1": "1 open"}
    uncertainty = [float(line.split("\t")[1]) for line in lines]
    assert uncertainty == sorted(uncertainty, reverse=True)


def test_learned_models_are_never_merged(tmp_path):
    from test_team_support import fork, judge, make_lead

    from annotator.core.team.merge import merge_databases

    lead = make_lead(tmp_path / "lead.sqlite")
    anna, ben = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "ben.sqlite")
    for path, name in ((anna, "anna"), (ben, "ben")):
        with Project.open(path) as project:
            judge(project, name, 0, 0)
            judge(project, name, 1, 1, decision=Decision.REJECT, reliability=None, credibility=None)
        assert run("--db", str(path), "learn", "-q").exit_code == 0
    merge_databases([anna, ben], tmp_path / "out.sqlite")
    with Project.open(tmp_path / "out.sqlite") as merged:
        assert learned.count_models(merged.db) == 0 and learned.lexicon(merged.db) == []
    # derived data: retrained on the merged annotations
    assert run("--db", str(tmp_path / "out.sqlite"), "learn", "-q").exit_code == 0


def test_articles_imported_after_learning_are_scored_by_the_model(tmp_path):
    db = reviewed_db(tmp_path, 2)
    version = run("--db", str(db), "learn", "-q").output.split()[1]
    feed = tmp_path / "neu.jsonl"
    feed.write_text('{"text": "%s", "title": "neu"}\n' % ARTICLE.format(n=80), encoding="utf-8")
    assert run("--db", str(db), "import", "-q", str(feed)).exit_code == 0
    with Project.open(db) as project:
        new = [a for a in project.article_ids() if project.article(a).title == "neu"]
        suggestions = project.suggestions(new[0])
    assert suggestions and all(version in s.pipeline_version for s in suggestions)


def test_automatic_learning_is_a_project_setting(tmp_path):
    from annotator.core.learning.project_store import auto_every

    db = reviewed_db(tmp_path, 2)
    assert run("--db", str(db), "learn", "-q", "--auto-every", "0").exit_code == 2
    assert run("--db", str(db), "learn", "-q", "--auto-every", "10").exit_code == 0
    with Project.open(db) as project:
        assert auto_every(project) == 10
    run("--db", str(db), "learn", "-q", "--auto-every", "off")
    with Project.open(db) as project:
        assert auto_every(project) is None


def test_work_packages_hand_out_the_most_uncertain_articles_first(tmp_path):
    db = reviewed_db(tmp_path, 2)
    refused = CliRunner().invoke(main, ["--db", str(db), "assign", "--annotators", "bob", "--prefer-uncertain",
                                        "-o", str(tmp_path / "early")])
    assert refused.exit_code == 1 and "run 'annotator learn'" in refused.output
    assert not (tmp_path / "early").exists()  # nothing written
    run("--db", str(db), "learn", "-q")
    with Project.open(db) as project:  # three new articles nobody has reviewed
        for n in (60, 61, 62):
            project.add_article(NewArticle(text=ARTICLE.format(n=n), title=f"neu {n}"))
    run("--db", str(db), "rehighlight", "-q")
    ranked = [line.split("\t")[-1] for line in run("--db", str(db), "uncertain").output.splitlines()]
    result = run("--db", str(db), "assign", "--annotators", "bob,carla", "--overlap", "0", "--prefer-uncertain",
                 "--limit", "2", "-o", str(tmp_path / "round2"))
    assert result.exit_code == 0, result.output
    handed = []
    for name in ("bob", "carla"):
        with Project.open(tmp_path / "round2" / f"{name}.sqlite", create=False) as package:
            handed += [package.article(a).title for a in package.article_ids()]
    assert sorted(handed) == sorted(ranked[:2])  # the two most uncertain, one each
    # the others stay unassigned for the next round
    later = run("--db", str(db), "assign", "--annotators", "bob,carla", "--overlap", "0",
                "-o", str(tmp_path / "round3"))
    assert later.exit_code == 0 and "\tbob\t" in later.output


def test_prefer_uncertain_goes_with_new_packages_only(tmp_path):
    db = reviewed_db(tmp_path, 1)
    result = CliRunner().invoke(main, ["--db", str(db), "assign", "--reassign", "bob", "--to", "carla",
                                       "--limit", "3", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "--annotators, not --reassign" in result.output
