"""The lead's team workflow on the command line: assign, merge, agreement."""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_team_support import file_digest, judge, make_lead

from annotator.cli import main
from annotator.core.models import Decision
from annotator.core.project import Project


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_assign_merge_agreement_round_trip(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=4)  # 12 articles
    result = run("--db", lead, "assign", "--annotators", "anna,ben,cem", "--overlap", "0.25",
                 "-o", tmp_path / "packages")
    assert result.exit_code == 0, result.output
    packages = sorted((tmp_path / "packages").glob("*.sqlite"))
    assert [p.name for p in packages] == ["anna.sqlite", "ben.sqlite", "cem.sqlite"]
    with Project.open(lead) as project:
        lead_uuid = project.uuid
    for package in packages:
        with Project.open(package) as project:
            name = project.meta("package_for")
            assert project.meta("package_from") == lead_uuid
            assert project.count_articles() == 3 + 3  # 3 shared + a third of the other 9
            assert project.count_suggestions() == 2 * project.count_articles()
            for article in range(project.count_articles()):
                judge(project, name, article, 0, decision=Decision.ACCEPT,
                      reliability="B" if name != "cem" else "C")
    before = {p: file_digest(p) for p in packages}
    result = run("merge", "-q", lead, *packages, "-o", tmp_path / "merged.sqlite")
    assert result.exit_code == 0, result.output
    assert "articles: 12" in result.output and "  anna: 6" in result.output
    assert "conflicts: 0 (0 new)" in result.output
    assert {p: file_digest(p) for p in packages} == before

    table = run("agreement", tmp_path / "merged.sqlite")
    assert "items judged by two or more: 3" in table.output
    assert "alpha reliability" in table.output and "anna ~ ben" in table.output
    report = json.loads(run("agreement", tmp_path / "merged.sqlite", "--format", "json").output)
    assert report["items"] == 3
    anna_ben = next(p for p in report["pairs"] if (p["first"], p["second"]) == ("anna", "ben"))
    assert anna_ben["alpha"]["reliability"] == {"value": None, "n": 3}  # all B: undefined
    assert anna_ben["spans"]["claim"] == {"value": 1.0, "n": 3}


def test_assignment_is_deterministic_and_recorded_in_the_lead_project(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite", copies=3)
    for folder in ("one", "two"):
        run("--db", lead, "assign", "--annotators", "anna,ben", "--overlap", "0.3",
            "--seed", "7", "-o", tmp_path / folder)
    for name in ("anna", "ben"):
        with Project.open(tmp_path / "one" / f"{name}.sqlite") as one, \
                Project.open(tmp_path / "two" / f"{name}.sqlite") as two:
            assert one.article_ids() == two.article_ids()
    with Project.open(lead) as project:
        assert project.db.execute("SELECT count(DISTINCT annotator) FROM assignments").fetchone()[0] == 2


def test_assign_refuses_bad_names_and_existing_packages(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    result = run("--db", lead, "assign", "--annotators", "anna,@adjudicated", "-o", tmp_path / "p")
    assert result.exit_code != 0 and "reserved" in result.output
    run("--db", lead, "assign", "--annotators", "anna", "-o", tmp_path / "p")
    again = run("--db", lead, "assign", "--annotators", "anna", "-o", tmp_path / "p")
    assert again.exit_code != 0 and "anna.sqlite: already exists" in again.output


def test_merge_refusal_names_the_file_and_writes_nothing(tmp_path):
    lead = make_lead(tmp_path / "lead.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 1000)
    result = run("merge", "-q", lead, junk, "-o", tmp_path / "out.sqlite")
    assert result.exit_code == 1
    assert "junk.sqlite: not a SQLite database" in result.output
    assert "Nothing was written." in result.output
    assert not (tmp_path / "out.sqlite").exists()


def test_commands_have_help_with_an_example():
    for command in ("assign", "unassign", "merge", "agreement", "adjudication"):
        assert "Example" in run(command, "--help").output
