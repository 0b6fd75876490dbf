"""The export and import-annotations commands, as an ML engineer types them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_export_helpers import read_jsonl, seeded_project

from annotator.cli import main
from annotator.core.project import Project


@pytest.fixture
def db(tmp_path, seed_paths):
    path = tmp_path / "news.sqlite"
    with Project.open(path) as project:
        seeded_project(project, seed_paths)
    return path


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def test_export_with_split_writes_a_file_per_set_and_a_card(db, tmp_path):
    result = run("--db", db, "export", "--split", "train=0.6,dev=0.4", "--seed", 2,
                 "-o", tmp_path / "claims.jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert "exported 7 records (5 articles, 12 claims)" in result.output
    assert (tmp_path / "claims.card.md").exists()
    sets = [read_jsonl(tmp_path / f"claims.{name}.jsonl") for name in ("train", "dev")]
    assert sum(map(len, sets)) == 7


def test_export_each_format(db, tmp_path):
    for fmt, out in (("doccano", "doccano.jsonl"), ("spacy", "corpus")):
        result = run("--db", db, "export", "--format", fmt, "--annotator", "anna", "-o", tmp_path / out, "-q")
        assert result.exit_code == 0, result.output
    assert len(read_jsonl(tmp_path / "doccano.jsonl")) == 5
    assert (tmp_path / "corpus" / "0000.spacy").exists()


@pytest.mark.parametrize("args, message", [
    (["--split", "train=0.5"], "add up to 1"),
    (["--split", "train"], "NAME=FRACTION"),
    (["--annotator", "zed"], "no annotator named 'zed'"),
    (["--layer", "adjudicated", "--only-reviewed", "--annotator", "anna"], "does not apply"),
])
def test_bad_options_give_a_clear_message_and_no_file(db, tmp_path, args, message):
    result = run("--db", db, "export", *args, "-o", tmp_path / "claims.jsonl", "-q")
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "claims.jsonl").exists()


def test_export_from_a_missing_database_is_refused(tmp_path):
    result = run("--db", tmp_path / "missing.sqlite", "export", "-o", tmp_path / "c.jsonl")
    assert result.exit_code != 0 and "no such project database" in result.output


def test_import_annotations_reads_an_export_back(db, tmp_path):
    out = tmp_path / "anna.jsonl"
    run("--db", db, "export", "--annotator", "anna", "-o", out, "-q")
    result = run("--db", db, "import-annotations", out, "--annotator", "model-v2", "-q")
    assert result.exit_code == 0, result.output
    assert "imported 10 claims in 5 records (model-v2 (5))" in result.output


def test_import_annotations_reports_file_and_line(db, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\nnot json\n', encoding="utf-8")
    result = run("--db", db, "import-annotations", bad, "--annotator", "x", "-q")
    assert result.exit_code != 0
    assert f"{bad}, line 2: not valid JSON" in result.output and "Nothing was imported" in result.output


def test_import_annotations_refuses_a_reserved_name_before_reading(db, tmp_path):
    result = run("--db", db, "import-annotations", tmp_path / "any.jsonl", "--annotator", "@model", "-q")
    assert result.exit_code == 2
    assert "--annotator" in result.output and "reserved" in result.output
    assert "Traceback" not in result.output


def test_both_commands_document_an_example():
    for name in ("export", "import-annotations"):
        help_text = run(name, "--help").output
        assert "Example" in help_text and "annotator --db" in help_text
