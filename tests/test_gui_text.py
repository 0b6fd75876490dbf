"""Article text is shown exactly as stored: any Unicode, markup as characters."""

from __future__ import annotations

from gui_support import db_annotations, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.models import ClaimSuggestion, NewArticle, Span
from annotator.core.project import Project
from annotator.core.settings import Settings

UNICODE_TEXT = ("👩‍⚕️ Die Ärztin 🇩🇪 sagte: „Der Impfstoff 💉 wirkt.“ Die Sprecherin der "
                "Gruppe قالت إن الوضع مستقر. Zu\u0308rich bestätigte das 😀 später.")
HTML_TEXT = ('<b>Eilmeldung</b> &amp; <script>alert("x")</script> Der Sprecher sagte, '
             '<i>alles</i> sei &lt;ruhig&gt;.')


def one_article_project(path, text: str, claims: list[tuple[int, int]]) -> None:
    with Project.open(path) as project:
        article_id, _ = project.add_article(NewArticle(text=text, title="Test"))
        project.set_suggestions(article_id, [ClaimSuggestion(s, e) for s, e in claims], "t", "1")


def test_unicode_spans_from_the_window_are_code_point_offsets(open_window, tmp_path):
    db = tmp_path / "u.sqlite"
    claim_start = UNICODE_TEXT.index("Der Impfstoff")
    claim_end = UNICODE_TEXT.index("“") + 1
    one_article_project(db, UNICODE_TEXT, [(claim_start, claim_end)])
    window = open_window(db, Settings(annotator="anna", path=tmp_path / "s.json"))
    view = window.workspace.view
    assert view.toPlainText() == UNICODE_TEXT

    # The highlight covers exactly the claim although astral characters precede it.
    view.viewport().repaint()
    (mark,) = view.painted_marks
    marked = QTextCursor(view.document())
    marked.setPosition(mark.start)
    marked.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
    assert marked.selectedText() == UNICODE_TEXT[claim_start:claim_end]

    # Select "Die Ärztin" with raw Qt (UTF-16) positions, as the mouse would.
    source = UNICODE_TEXT.index("Die Ärztin")
    cursor = view.textCursor()
    qt_start = len(UNICODE_TEXT[:source].encode("utf-16-le")) // 2
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_start + len("Die Ärztin"), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    press(window, "s")
    # ...and an RTL cue and a new claim after a combining accent and an emoji.
    cue = UNICODE_TEXT.index("قالت")
    view.select_span(Span(cue, cue + 4))
    press(window, "c")
    added = UNICODE_TEXT.index("Zu\u0308rich")
    added_end = UNICODE_TEXT.index("später.") + len("später.")
    view.select_span(Span(added, added_end))
    press(window, Qt.Key.Key_Plus)

    assert window.shown_errors == [], window.statusBar().currentMessage()
    stored = sorted(db_annotations(db), key=lambda a: a.start)
    assert stored[0].source == Span(source, source + len("Die Ärztin"))
    assert UNICODE_TEXT[stored[0].cue.start:stored[0].cue.end] == "قالت"
    assert UNICODE_TEXT[stored[1].start:stored[1].end] == "Zu\u0308rich bestätigte das 😀 später."


def test_markup_in_an_article_is_shown_literally(open_window, tmp_path):
    db = tmp_path / "h.sqlite"
    start = HTML_TEXT.index("Der Sprecher")
    one_article_project(db, HTML_TEXT, [(start, len(HTML_TEXT))])
    window = open_window(db, Settings(annotator="anna", path=tmp_path / "s.json"))
    assert window.workspace.view.toPlainText() == HTML_TEXT
    panel = window.workspace.panel
    assert panel.claim_text.text() == HTML_TEXT[start:]
    assert panel.claim_text.textFormat() == Qt.TextFormat.PlainText
    assert window.article_model.data(window.article_model.index(0, 0)) == "Test"


def test_a_long_article_highlights_the_claims_wherever_it_is_scrolled(open_window, tmp_path):
    paragraph = "Der Sprecher sagte, die Lage sei ruhig und alles gehe seinen Gang. " * 4
    text = "\n".join(f"{n}. {paragraph}" for n in range(80))  # ~22,000 characters
    claims = [(m, m + 40) for m in range(0, len(text) - 40, 110)][:200]
    db = tmp_path / "long.sqlite"
    one_article_project(db, text, claims)
    window = open_window(db, Settings(annotator="anna", path=tmp_path / "s.json"))
    view = window.workspace.view

    def highlighted() -> set[int]:  # the claims painted on screen
        view.viewport().repaint()
        return {view.offsets.from_qt(mark.start) for mark in view.painted_marks}

    assert claims[0][0] in highlighted() and claims[-1][0] not in highlighted()
    press(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # scroll to the end
    assert view.textCursor().atEnd()
    view.viewport().repaint()
    assert claims[-1][0] in highlighted() and claims[len(claims) // 2][0] not in highlighted()
    # Going to the last claim by keyboard scrolls there and marks it selected.
    for _ in range(len(claims)):
        press(window, "j")
    assert window.workspace.session.index == len(claims) - 1
    assert claims[-1][0] in highlighted()
