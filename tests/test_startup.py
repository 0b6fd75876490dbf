"""Starting the command line is quick: ``annotator --version`` and commands
that need no NLP never import spaCy, and ``annotator highlight`` never opens
a project database. Each check runs the real command in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys


def modules_after(*args: str) -> set[str]:
    """The top-level modules loaded by ``annotator ARGS`` (run in a new process)."""
    code = ("import sys, atexit\n"
            "atexit.register(lambda: print('\\nMODULES', ','.join(sorted({m.split('.')[0] "
            "for m in sys.modules}))))\n"
            "from annotator.cli import main\n"
            f"main({list(args)!r})\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    line = [x for x in done.stdout.splitlines() if x.startswith("MODULES ")]
    assert line, done.stderr
    return set(line[-1].split(" ", 1)[1].split(","))


def test_asking_for_the_version_loads_neither_spacy_nor_the_database_layer():
    loaded = modules_after("--version")
    assert not loaded & {"spacy", "thinc", "numpy", "sqlite_utils"}  # (the stdlib sqlite3 is cheap)


def test_a_project_command_without_nlp_loads_no_spacy(tmp_path):
    loaded = modules_after("--db", str(tmp_path / "p.sqlite"), "info")
    assert "sqlite3" in loaded and "spacy" not in loaded


def test_a_project_at_the_current_schema_opens_without_sqlite_utils(tmp_path):
    # sqlite-utils imports pandas, numpy, click and its plugins (~0.6 s): it is
    # loaded to create or upgrade a database, not to open one that is current
    db, article = str(tmp_path / "p.sqlite"), tmp_path / "a.txt"
    article.write_text("Der Sprecher sagte, es sei gut.", encoding="utf-8")
    assert "sqlite_utils" in modules_after("--db", db, "import", "--no-highlight", "-q", str(article))
    loaded = modules_after("--db", db, "info")
    assert "sqlite3" in loaded and not loaded & {"sqlite_utils", "pandas", "numpy"}


def test_highlighting_a_file_loads_spacy_but_no_database_layer(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Der Sprecher sagte, es sei gut.", encoding="utf-8")
    loaded = modules_after("highlight", str(article))
    assert "spacy" in loaded and "sqlite_utils" not in loaded


def test_the_shared_tokenizer_set_up_tokenizes_as_spacy_german_with_the_project_rules(seed_paths):
    # make_tokenizer_nlp builds the tokenizer with one regex compilation; it
    # must stay the tokenizer that customize_tokenizer(spacy.blank("de")) gives
    import spacy

    from annotator.core.export.tokens import tokenizer_fingerprint
    from annotator.core.highlight import make_tokenizer_nlp
    from annotator.core.highlight.tokenizer import customize_tokenizer

    reference = customize_tokenizer(spacy.blank("de"))
    shared = make_tokenizer_nlp(lean=True)
    assert tokenizer_fingerprint(shared) == tokenizer_fingerprint(reference)
    texts = [p.read_text(encoding="utf-8") for p in seed_paths] + ["mit:„Wir kommen.“Dann www.x.de 12,5"]
    for text in texts:
        assert [(t.idx, t.text, t.whitespace_) for t in shared(text)] == \
               [(t.idx, t.text, t.whitespace_) for t in reference(text)]


def test_the_demo_opens_without_loading_the_highlighter_once_it_is_built(tmp_path):
    # the first `annotator demo` imports and highlights the corpus; later ones
    # had nothing to import but loaded spaCy for it (~2 s before the window)
    db = str(tmp_path / "demo.sqlite")
    assert "spacy" in modules_after("--db", db, "demo", "--no-gui")
    assert not modules_after("--db", db, "demo", "--no-gui") & {"spacy", "sqlite_utils"}


def test_sqlite_utils_calls_on_a_projects_connection_still_work(project):
    # the connection is no sqlite-utils Database any more; code written against
    # one (a table's count, query) gets one over the same connection on first use
    from annotator.core.models import NewArticle

    project.insert_article(NewArticle(text="Der Sprecher sagte, es sei gut.", title="Eins"))
    assert project.db["articles"].count == 1
    assert list(project.db.query("SELECT title FROM articles")) == [{"title": "Eins"}]
    assert project.db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
