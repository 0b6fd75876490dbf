"""Importing a corpus: every supported format, duplicates, and bad input."""

from __future__ import annotations

import json

import pytest

from annotator.core.importer import InputError, import_paths
from annotator.core.project import Project


def write(path, content: str | bytes):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def snapshot(project: Project) -> list:
    return [(a.id, a.text) for a in project.iter_articles()]


def test_seed_articles_import_once(project, seed_paths):
    summary = import_paths(project, seed_paths)
    assert (summary.imported, summary.duplicates) == (5, 0)
    again = import_paths(project, seed_paths)
    assert (again.imported, again.duplicates) == (0, 5)
    assert project.count_articles() == 5
    first = next(project.iter_articles())
    assert first.text == seed_paths[0].read_text(encoding="utf-8")
    assert first.source_file == str(seed_paths[0])


def test_a_txt_with_bom_and_crlf_is_cleaned(project, tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfErste Zeile.\r\nZweite Zeile.\r\n")
    import_paths(project, [path])
    assert next(project.iter_articles()).text == "Erste Zeile.\nZweite Zeile.\n"


def test_a_folder_is_searched_in_name_order(project, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    write(folder / "b.txt", "Artikel B.")
    write(folder / "a.txt", "Artikel A.")
    write(folder / "sub" / "c.txt", "Artikel C.")
    write(folder / "notes.md", "ignored")
    import_paths(project, [folder])
    assert [a.text for a in project.iter_articles()] == ["Artikel A.", "Artikel B.", "Artikel C."]


def test_jsonl_carries_metadata(project, tmp_path):
    record = {"id": "x1", "text": "Laut Bericht ist es so.", "title": "Titel", "outlet": "Blatt",
              "url": "https://example.org/1", "published": "2024-10-28",
              "meta": {"section": "Politik"}, "author": "Redaktion"}
    path = write(tmp_path / "feed.jsonl", json.dumps(record) + "\n\n")
    import_paths(project, [path])
    article = next(project.iter_articles())
    assert (article.title, article.outlet, article.external_id) == ("Titel", "Blatt", "x1")
    assert article.meta == {"section": "Politik", "author": "Redaktion"}
    assert article.source_line == 1


def test_csv_needs_a_text_column(project, tmp_path):
    path = write(tmp_path / "feed.csv", "title,text,extra\nT1,\"Erster, mit Komma.\",x\nT2,Zweiter.,y\n")
    import_paths(project, [path])
    articles = list(project.iter_articles())
    assert [a.text for a in articles] == ["Erster, mit Komma.", "Zweiter."]
    assert articles[0].meta == {"extra": "x"} and articles[1].source_line == 3


@pytest.mark.parametrize("name, content, line, message", [
    ("bad.txt", b"gut\nschlecht \xff\n", 2, "UTF-8"),
    ("bad.jsonl", '{"text": "ok"}\n[1, 2]\n', 2, "not a JSON object"),
    ("bad.jsonl", '{"text": "ok"}\n{"title": "no text"}\n', 2, "missing \"text\""),
    ("bad.jsonl", '{"text": "ok"}\n{"text": "  "}\n', 2, "empty text"),
    ("bad.jsonl", '{"text": "ok"}\n{broken\n', 2, "not valid JSON"),
    ("bad.jsonl", b'{"text": "ok"}\n{"text": "\xc3("}\n', 2, "UTF-8"),
    ("bad.csv", "title,body\nx,y\n", 1, "no \"text\" column"),
    ("bad.csv", "text\nok\n\"\"\n", 3, "empty text"),
    ("empty.txt", "   \n", 1, "empty text"),
])
def test_bad_input_names_file_and_line_and_changes_nothing(project, tmp_path, name, content, line, message):
    import_paths(project, [write(tmp_path / "good.txt", "Schon da.")])
    before = snapshot(project)
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as raised:
        import_paths(project, [write(tmp_path / "new.txt", "Neu und gültig."), path])
    assert raised.value.path == str(path) and raised.value.line == line
    assert message in str(raised.value) and name in str(raised.value)
    assert snapshot(project) == before


def test_missing_files_and_unknown_types_are_refused(project, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_paths(project, [tmp_path / "missing.txt"])
    with pytest.raises(InputError, match="unknown file type"):
        import_paths(project, [write(tmp_path / "x.docx", "binary")])


def test_skip_invalid_imports_the_rest_and_lists_what_it_skipped(project, tmp_path):
    path = write(tmp_path / "mixed.jsonl", '{"text": "Eins."}\n"nope"\n{"text": "Zwei."}\n{}\n')
    summary = import_paths(project, [path], skip_invalid=True)
    assert summary.imported == 2
    assert [(e.line, e.message) for e in summary.skipped] == [
        (2, "not a JSON object"), (4, "missing \"text\" (a string)")]


def test_progress_reaches_the_end_and_cancel_rolls_back(project, tmp_path):
    path = write(tmp_path / "many.jsonl", "".join(
        json.dumps({"text": f"Artikel Nummer {i}."}) + "\n" for i in range(600)))
    seen = []
    import_paths(project, [path], on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1]

    from annotator.core.importer import ImportCancelled
    other = write(tmp_path / "more.jsonl", "".join(
        json.dumps({"text": f"Anderer Artikel {i}."}) + "\n" for i in range(600)))
    calls = iter(range(10_000))
    with pytest.raises(ImportCancelled):
        import_paths(project, [other], should_cancel=lambda: next(calls) > 300)
    assert project.count_articles() == 600


class FakeHighlighter:
    name, version = "fake", "0"

    def pipe(self, texts, batch_size=64):
        from annotator.core.models import ClaimSuggestion

        for text in texts:
            yield [ClaimSuggestion(0, len(text))]


def test_import_stores_the_highlighters_suggestions(project, tmp_path):
    summary = import_paths(project, [write(tmp_path / "a.txt", "Ein Satz.")],
                           highlighter=FakeHighlighter())
    article = next(project.iter_articles())
    [suggestion] = project.suggestions(article.id)
    assert summary.highlighted == 1
    assert (suggestion.start, suggestion.end, suggestion.pipeline) == (0, 9, "fake")


def test_an_unreadable_file_is_named(project, tmp_path):
    from annotator.core.importer import read_articles

    folder = tmp_path / "folder.txt"
    folder.mkdir()  # a folder with a .txt name cannot be read as a file
    [error] = list(read_articles([folder]))
    assert isinstance(error, InputError)
    assert "cannot read" in str(error) and "folder.txt" in str(error)
