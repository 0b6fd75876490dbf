"""Hostile inputs, tried as a new user or an attacker would: each is refused
with a message naming the file (and line), exit status 1, no traceback and
the project file byte-identical; --skip-invalid skips only the bad line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.project import Project

GOOD = '{"text": "Ein gutes Stück Text."}\n'

# (name, file name, content, expected words of the message, line)
JSONL_CASES = [
    ("lone surrogate", "a.jsonl", '{"text": "a\\ud800b"}\n', "lone surrogate", 1),
    ("surrogate in a key", "a.jsonl", '{"text": "x", "\\udc00": 1}\n', "lone surrogate", 1),
    ("100,000-deep nesting", "a.jsonl",
     '{"text": "x", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}\n", "nested too deeply", 1),
    ("70-deep nesting", "a.jsonl", '{"text": "x", "m": ' + "[" * 70 + "]" * 70 + "}\n",
     "nested too deeply", 1),
    ("5,000-digit number", "a.jsonl", '{"text": "x", "n": ' + "9" * 5000 + "}\n", "too many digits", 1),
    ("not JSON", "a.jsonl", "{text: x}\n", "not valid JSON", 1),
    ("not an object", "a.jsonl", "[1, 2]\n", "not a JSON object", 1),
    ("text is a number", "a.jsonl", '{"text": 5}\n', 'missing "text"', 1),
    ("empty text", "a.jsonl", '{"text": "  "}\n', "empty text", 1),
    ("meta a list", "a.jsonl", '{"text": "x", "meta": [1]}\n', '"meta" must be an object', 1),
    ("bad UTF-8", "a.jsonl", b'{"text": "\xff"}\n', "not valid UTF-8", 1),
    ("same id, other text", "a.jsonl", '{"id": "7", "text": "eins"}\n{"id": "7", "text": "zwei"}\n',
     "id '7' was already given", 2),
]

WHOLE_FILE_CASES = [
    ("empty .jsonl", "a.jsonl", "", "no article in it", None),
    ("blank lines only", "a.jsonl", "\n\n  \n", "no article in it", None),
    ("CSV header only", "a.csv", "text,title\n", "no article in it", None),
    ("empty .txt", "a.txt", "", "empty text", 1),
    ("CSV without text column", "a.csv", "body\nx\n", 'no "text" column', 1),
    ("CSV unclosed quote", "a.csv", 'text,title\nfine,t0\n"open,t1\nrow2,t2\nrow3,t3\n',
     "never closed", 3),
    ("CSV junk after a quote", "a.csv", 'text,title\n"a"b,t1\n', "malformed CSV", 2),
    ("unknown suffix", "a.docx", "x", "unknown file type", None),
]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "p.sqlite"
    with Project.open(path):
        pass
    return path


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=True)


def assert_refused(result, path: Path, words: str, line: int | None) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    where = f"{path}, line {line}:" if line is not None else f"{path}:"
    assert where in result.output and words in result.output, result.output


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.mark.parametrize("name,file,content,words,line", JSONL_CASES + WHOLE_FILE_CASES,
                         ids=[c[0] for c in JSONL_CASES + WHOLE_FILE_CASES])
def test_a_hostile_input_is_refused_by_name_and_nothing_changes(db, tmp_path, name, file, content,
                                                                words, line):
    bad = write(tmp_path / file, content)
    before = db.read_bytes()
    result = run(db, "import", "--no-highlight", "-q", str(bad))
    assert_refused(result, bad, words, line)
    assert "Nothing was imported" in result.output
    assert db.read_bytes() == before


@pytest.mark.parametrize("name,file,content,words,line", JSONL_CASES, ids=[c[0] for c in JSONL_CASES])
def test_skip_invalid_skips_only_the_bad_line(db, tmp_path, name, file, content, words, line):
    bad = write(tmp_path / file, (content if isinstance(content, bytes) else content.encode()) + GOOD.encode())
    result = run(db, "import", "--no-highlight", "-q", "--skip-invalid", str(bad))
    assert result.exit_code == 0, result.output
    assert f"skipped: {bad}, line {line}: " in result.output and words in result.output
    with Project.open(db) as project:
        texts = [a.text for a in project.iter_articles()]
    assert "Ein gutes Stück Text." in texts
    assert len(texts) == (2 if name == "same id, other text" else 1)


def test_an_empty_folder_is_an_error_not_zero_imported(db, tmp_path):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.md").write_text("not an article")
    assert_refused(run(db, "import", "--no-highlight", "-q", str(folder)), folder, "holds no", None)


def test_a_fifo_in_a_folder_is_named_and_never_opened(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.txt", "Ein Artikel.")
    os.mkfifo(folder / "b.jsonl")  # opening it would block for ever
    result = run(db, "import", "--no-highlight", "-q", str(folder))
    assert_refused(result, folder / "b.jsonl", "a FIFO", None)
    result = run(db, "import", "--no-highlight", "-q", "--skip-invalid", str(folder))
    assert result.exit_code == 0 and "imported: 1" in result.output and "a FIFO" in result.output


def test_a_fifo_given_by_name_is_refused(db, tmp_path):
    os.mkfifo(tmp_path / "feed.jsonl")
    assert_refused(run(db, "import", "--no-highlight", "-q", str(tmp_path / "feed.jsonl")),
                   tmp_path / "feed.jsonl", "a FIFO", None)


def test_symlink_loops_and_broken_links_are_named(db, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "sub" / "a.txt", "Ein Artikel.")
    (folder / "sub" / "up").symlink_to(folder)  # a loop back to the top
    (folder / "self.txt").symlink_to(folder / "self.txt")  # ELOOP
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    result = run(db, "import", "--no-highlight", "-q", "--skip-invalid", str(folder))
    assert result.exit_code == 0, result.output
    assert f"{folder / 'self.txt'}: a symlink loop" in result.output
    assert f"{folder / 'gone.txt'}: a broken symlink" in result.output
    assert f"{folder / 'sub' / 'up'}: a symlink loop" in result.output
    assert "imported: 1" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_and_folder_are_named(db, tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    secret = write(folder / "secret.txt", "x")
    secret.chmod(0)
    (folder / "locked").chmod(0)
    try:
        result = run(db, "import", "--no-highlight", "-q", "--skip-invalid", str(folder))
    finally:
        (folder / "locked").chmod(0o700)
    assert f"{secret}: cannot read" in result.output
    assert f"{folder / 'locked'}: cannot read" in result.output


def test_a_text_over_the_size_limit_is_refused_with_bounded_memory(db, tmp_path, monkeypatch):
    from annotator.core import input_checks

    monkeypatch.setattr(input_checks, "MAX_TEXT_BYTES", 1000)
    import annotator.core.importer as importer

    monkeypatch.setattr(importer, "MAX_TEXT_BYTES", 1000)
    big_txt = write(tmp_path / "big.txt", "Wort " * 1000)
    assert_refused(run(db, "import", "--no-highlight", "-q", str(big_txt)), big_txt, "text too long", None)
    big_line = write(tmp_path / "big.jsonl", json.dumps({"text": "Wort " * 30_000}) + "\n" + GOOD)
    result = run(db, "import", "--no-highlight", "-q", "--skip-invalid", str(big_line))
    assert f"{big_line}, line 1: text too long" in result.output and "imported: 1" in result.output
    big_csv = write(tmp_path / "big.csv", "text\n" + "Wort " * 1000 + "\n")
    assert_refused(run(db, "import", "--no-highlight", "-q", str(big_csv)), big_csv, "text too long", 2)


def test_the_line_reader_never_holds_more_than_the_limit(tmp_path, monkeypatch):
    from annotator.core import input_checks

    monkeypatch.setattr(input_checks, "MAX_TEXT_BYTES", 100)
    path = write(tmp_path / "big.jsonl", "x" * 5_000_000 + "\n" + GOOD)
    with path.open("rb") as handle:
        lines = list(input_checks.bounded_lines(handle, path))
    assert isinstance(lines[0][1], input_checks.InputError) and "5,000,001 bytes" in str(lines[0][1])
    assert lines[1][1] == GOOD.encode() and lines[1][2] == path.stat().st_size


def test_a_text_longer_than_spacys_limit_is_highlighted_in_pieces(db, tmp_path, monkeypatch):
    from annotator.core.highlight import load_highlighter

    highlighter = load_highlighter("blank")
    paragraph = "Der Minister sagte, die Lage sei ernst. " * 3
    text = "\n\n".join([paragraph] * 30)
    whole = sorted((c.start, c.end) for c in highlighter.highlight(text))
    monkeypatch.setattr(highlighter.nlp, "max_length", 500)  # far below the text's length
    source = write(tmp_path / "long.txt", text)
    result = run(db, "import", "-q", "--model", "blank", str(source))
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        [article] = list(project.iter_articles())
        stored = sorted((s.start, s.end) for s in project.suggestions(article.id))
    assert stored == whole and len(stored) == 90


# -- import-annotations: odd shapes -------------------------------------------------------

TEXT = "Der Minister sagte, die Lage sei ernst."
CLAIM = {"claim": {"start": 20, "end": 38}}
ANNOTATION_CASES = [
    ("grade as a list", {"claims": [{**CLAIM, "source_reliability": ["A"]}]}, "must be a letter A-F"),
    ("grade as an object", {"claims": [{**CLAIM, "information_credibility": {"x": 1}}]},
     "must be a number 1-6"),
    ("grade as a boolean", {"claims": [{**CLAIM, "information_credibility": True}]}, "must be a number 1-6"),
    ("no claims, relations a string", {"relations": "SOURCE->CLAIM"}, '"relations" must be a list'),
    ("relation not an object", {"spans": [], "relations": [5]}, "relation 1 is not an object"),
    ("relation ends not objects", {"spans": [], "relations": [{"head_span": [1], "child_span": 2}]},
     "must be objects"),
    ("claims not a list", {"claims": {"a": 1}}, '"claims" must be a list'),
    ("same claim id twice", {"claims": [{**CLAIM, "id": "c1"}, {"claim": {"start": 0, "end": 3}, "id": "c1"}]},
     "has the id 'c1' of claim 1"),
    ("span past the end", {"claims": [{"claim": {"start": 0, "end": 400}}]}, "past the text's end"),
    ("span with a label list", {"spans": [{"start": 0, "end": 3, "label": ["CLAIM"]}]}, None),
]


@pytest.mark.parametrize("name,fields,words", ANNOTATION_CASES, ids=[c[0] for c in ANNOTATION_CASES])
def test_import_annotations_refuses_odd_shapes_by_line(db, tmp_path, name, fields, words):
    path = write(tmp_path / "ann.jsonl", json.dumps({"text": TEXT, "_annotator_id": "model", **fields}) + "\n")
    before = db.read_bytes()
    result = run(db, "import-annotations", "-q", str(path))
    if words is None:  # harmless: nothing in it is a claim
        assert result.exit_code == 0 and "imported 0 claims" in result.output, result.output
        return
    assert_refused(result, path, words, 1)
    assert db.read_bytes() == before


def test_import_annotations_refuses_claims_nested_100000_deep(db, tmp_path):
    path = write(tmp_path / "ann.jsonl",
                 '{"text": "x", "claims": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    assert_refused(run(db, "import-annotations", "-q", str(path)), path, "nested too deeply", 1)


def test_a_csv_line_over_the_limit_is_refused_without_reading_it_whole(db, tmp_path, monkeypatch):
    import annotator.core.importer as importer

    monkeypatch.setattr(importer, "MAX_TEXT_BYTES", 1000)
    big = write(tmp_path / "big.csv", "text\n" + "x" * 50_000 + "\n")
    assert_refused(run(db, "import", "--no-highlight", "-q", str(big)), big, "text too long", 2)
