"""The project commands as a user types them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.export.line_cache import cache_root


def run(*args, env=None):
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result


def test_import_then_list_then_info(tmp_path, seed_paths):
    db = str(tmp_path / "p.sqlite")
    result = run("--db", db, "import", "--no-highlight", *map(str, seed_paths))
    assert result.exit_code == 0, result.output
    assert "imported: 5, duplicates: 0, skipped: 0" in result.output
    again = run("--db", db, "import", "--no-highlight", str(seed_paths[0].parent))
    assert "imported: 0, duplicates: 5, skipped: 0" in again.output
    listing = run("--db", db, "articles")
    lines = listing.output.strip().splitlines()
    assert len(lines) == 5 and all("\tnew\t" in line for line in lines)
    info = run("--db", db, "info")
    assert "articles: 5" in info.output and "schema: m" in info.output


def test_the_environment_variable_chooses_the_database(tmp_path):
    db = tmp_path / "env.sqlite"
    (tmp_path / "a.txt").write_text("Ein Artikel.", encoding="utf-8")
    result = run("import", "--no-highlight", str(tmp_path / "a.txt"), env={"ANNOTATOR_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_the_default_database_lives_in_the_user_data_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Ein Artikel.", encoding="utf-8")
    result = run("import", "--no-highlight", str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    info = run("info")
    assert "project.sqlite" in info.output and "articles: 1" in info.output


def test_bad_input_fails_with_file_and_line_and_imports_nothing(tmp_path):
    db = str(tmp_path / "p.sqlite")
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"text": "gut"}\n{"titel": "kein Text"}\n', encoding="utf-8")
    result = run("--db", db, "import", "--no-highlight", str(bad))
    assert result.exit_code != 0
    assert f"{bad}, line 2" in result.output and "Nothing was imported" in result.output
    assert not (tmp_path / "p.sqlite").exists()  # a refused first import makes no project


def test_a_refused_first_import_leaves_no_project_folder_or_cache_behind(tmp_path):
    folder = tmp_path / "new" / "team"
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"text": "gut"}\n{broken\n', encoding="utf-8")
    cache = cache_root()  # the export cache a new project gets a folder in
    cached_before = sorted(cache.iterdir()) if cache.exists() else []

    result = run("--db", str(folder / "p.sqlite"), "import", str(bad))

    assert result.exit_code == 1
    assert f"{bad}, line 2: not valid JSON" in result.output and "Nothing was imported" in result.output
    assert not (tmp_path / "new").exists()  # not the project, its -wal/-shm, nor the folders made for it
    assert (sorted(cache.iterdir()) if cache.exists() else []) == cached_before
    assert bad.read_text(encoding="utf-8") == '{"text": "gut"}\n{broken\n'


def test_a_refused_import_into_an_existing_project_keeps_the_file_byte_for_byte(tmp_path, seed_paths):
    db = tmp_path / "p.sqlite"
    assert run("--db", str(db), "import", "--no-highlight", str(seed_paths[0])).exit_code == 0
    before = db.read_bytes()
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{broken\n', encoding="utf-8")

    result = run("--db", str(db), "import", "--no-highlight", str(bad))

    assert result.exit_code == 1 and db.exists() and db.read_bytes() == before


def test_skip_invalid_reports_each_line(tmp_path):
    db = str(tmp_path / "p.sqlite")
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"text": "gut"}\n{"titel": "kein Text"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", db, "import", "--no-highlight", "--skip-invalid", str(bad)])
    assert result.exit_code == 0
    assert f"skipped: {bad}, line 2" in result.output
    assert "imported: 1, duplicates: 0, skipped: 1" in result.output


def test_missing_file_and_missing_project(tmp_path):
    result = run("--db", str(tmp_path / "p.sqlite"), "import", "--no-highlight", str(tmp_path / "nope.txt"))
    assert result.exit_code != 0 and "nope.txt: no such file" in result.output
    missing = run("--db", str(tmp_path / "none.sqlite"), "info")
    assert missing.exit_code != 0 and "no such project database" in missing.output


def test_articles_filters_by_status_and_search(tmp_path):
    db = str(tmp_path / "p.sqlite")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": t, "title": t[:10]}) for t in
                              ["Hochwasser an der Oder.", "Streik im Hafen."]), encoding="utf-8")
    run("--db", db, "import", "--no-highlight", str(feed))
    found = run("--db", db, "articles", "--search", "hafen")
    assert found.output.count("\n") == 1 and "Streik" in found.output
    assert run("--db", db, "articles", "--status", "done").output == ""


def test_every_command_has_help_with_text():
    for name, command in main.all_commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 20, f"{name} has no help"


def test_gui_opens_the_window_on_the_chosen_database(tmp_path, monkeypatch):
    import annotator.gui.app

    opened = []
    monkeypatch.setattr(annotator.gui.app, "run", lambda db_path: opened.append(db_path) or 0)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "p.sqlite"), "gui"])
    assert result.exit_code == 0 and opened == [tmp_path / "p.sqlite"]
    CliRunner().invoke(main, ["gui"])
    assert opened[-1] is None  # the window then reopens the last project


def test_python_dash_m_annotator_is_the_cli():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "annotator", "--version"],
                            capture_output=True, text=True, check=True)
    assert "annotator, version" in result.stdout
