"""`annotator highlight` reads its inputs as `annotator import` does: CSV
files and folders searched recursively, with the same JSON output contract."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import main

A = "Der Sprecher sagte, dass die Lage ernst sei."
B = "Laut Polizei gab es drei Verletzte."


def highlight(*paths) -> list[dict]:
    result = CliRunner().invoke(main, ["highlight", *map(str, paths)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_a_csv_file_is_highlighted_row_by_row_with_its_line(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text(f'title,text\nerste,"{A}"\nzweite,"{B}"\n', encoding="utf-8")
    records = highlight(feed)
    assert [(r["path"], r["line"], r["text"]) for r in records] == [
        (str(feed), 2, A), (str(feed), 3, B)]
    claim = records[0]["claims"][0]
    assert claim["text"] == "dass die Lage ernst sei" and claim["source"]["text"] == "Der Sprecher"


def test_a_folder_is_searched_in_subfolders_too_like_import(tmp_path):
    (tmp_path / "2024" / "mai").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "2024" / "mai" / "b.jsonl").write_text(json.dumps({"text": B}) + "\n",
                                                       encoding="utf-8")
    (tmp_path / "2024" / "notes.md").write_text("not an article", encoding="utf-8")
    records = highlight(tmp_path)
    assert [(r["path"], r["line"]) for r in records] == [
        (str(tmp_path / "2024" / "mai" / "b.jsonl"), 1), (str(tmp_path / "a.txt"), None)]
    assert [r["text"] for r in records] == [B, A]


def test_a_csv_without_a_text_column_is_named_with_its_line(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text("title,body\nx,y\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["highlight", str(feed)])
    assert result.exit_code != 0
    assert f"{feed}:1" in result.output and '"text" column' in result.output
