"""Spans cover whole words within one paragraph: a reviewer's selection is
snapped to words, one across a paragraph break is refused with a message;
import-annotations refuses such spans unless told to keep them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from gui_support import db_annotations, press
from PySide6.QtGui import QTextCursor

from annotator.cli import main
from annotator.core.models import Span
from annotator.core.project import Project
from annotator.core.review import ReviewSession
from annotator.core.spans import crosses_paragraph, snap, span_problem

TEXT = "Der Minister sagte am Montag, die Lage sei ernst.\n\nDie Opposition widersprach."


@pytest.mark.parametrize("selected,snapped", [
    ((5, 10), (4, 12)),       # "inist" -> "Minister"
    ((3, 12), (4, 12)),       # a leading space dropped
    ((4, 15), (4, 18)),       # "Minister sa" -> "Minister sagte"
    ((4, 12), (4, 12)),       # already whole words
])
def test_a_selection_is_snapped_to_whole_words(selected, snapped):
    assert snap(TEXT, Span(*selected)) == Span(*snapped)


def test_a_span_across_a_paragraph_break_is_a_problem():
    across = Span(TEXT.index("ernst"), TEXT.index("Opposition"))
    assert crosses_paragraph(TEXT, across)
    assert "paragraph" in span_problem(TEXT, across)
    assert "inside the word" in span_problem(TEXT, Span(5, 12))
    assert span_problem(TEXT, Span(5, 12), allow_partial_tokens=True) is None
    one_per_line = "Erste Zeile sagt etwas.\nZweite Zeile."  # no blank lines: a line is a paragraph
    assert crosses_paragraph(one_per_line, Span(6, 30))


def test_the_review_session_snaps_and_refuses_across_paragraphs(review_db):
    with Project.open(review_db) as project:
        session = ReviewSession(project, "anna")
        session.open_article(project.article_ids()[0])
        text = session.article.text
        start = session.current.span.start
        session.set_source(Span(start + 1, start + 3))  # inside the first word
        source = session.current.annotation.source
        assert source.start == start and not text[source.end].isalnum()
        newline = text.index("\n")
        with pytest.raises(ValueError, match="paragraph"):
            session.set_cue(Span(newline - 5, newline + 5))
        assert session.current.annotation.cue == session.current.suggestion.cue


def test_the_window_says_why_a_span_across_paragraphs_is_not_saved(window, review_db):
    view = window.workspace.view
    text = window.workspace.session.article.text
    newline = text.index("\n")
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(newline - 6))
    cursor.setPosition(view.offsets.to_qt(newline + 6), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    press(window, "s")
    assert "paragraph" in window.statusBar().currentMessage()
    assert db_annotations(review_db) == [] and not window.shown_errors


def test_import_annotations_refuses_partial_words_unless_allowed(tmp_path):
    db = tmp_path / "p.sqlite"
    text = "Der Minister sagte, die Lage sei ernst."
    record = {"text": text, "_annotator_id": "model",
              "claims": [{"claim": {"start": 20, "end": 38}, "source": {"start": 5, "end": 12}}]}
    path = tmp_path / "predictions.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    Project.open(db).close()
    result = CliRunner().invoke(main, ["--db", str(db), "import-annotations", "-q", str(path)])
    assert result.exit_code == 1 and f"{path}, line 1: claim 1: the source 5..12 starts inside the word" \
        in result.output
    result = CliRunner().invoke(main, ["--db", str(db), "import-annotations", "-q", "--allow-partial-tokens",
                                       str(path)])
    assert result.exit_code == 0, result.output
    with Project.open(db) as project:
        [stored] = project.annotations(annotator="model")
    assert stored.source == Span(5, 12)


def test_a_script_cannot_store_a_span_inside_a_word_or_across_paragraphs(tmp_path):
    """The core API checks what the window checks: a script that saves a claim
    ending mid-word, or a source across a paragraph break, is refused and
    nothing is stored; spans kept from older data pass with span_rules=False."""
    from annotator.core.models import Annotation, Decision, NewArticle

    with Project.open(tmp_path / "p.sqlite") as project:
        article_id, _ = project.add_article(NewArticle(text=TEXT))
        mid_word = Annotation(article_id=article_id, annotator="script", decision=Decision.ACCEPT,
                              start=30, end=46)
        with pytest.raises(ValueError, match="ends inside the word"):
            project.save_annotation(mid_word)
        across = Annotation(article_id=article_id, annotator="script", decision=Decision.ACCEPT,
                            start=30, end=49, source=Span(4, 55))
        with pytest.raises(ValueError, match="paragraph"):
            project.save_annotation(across)
        assert project.annotations() == [] and project.change_log() == []
        kept = project.save_annotation(mid_word, span_rules=False)
        assert (kept.start, kept.end) == (30, 46)
