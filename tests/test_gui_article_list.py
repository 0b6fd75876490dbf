"""The article list pages through the database and filters by status and text."""

from __future__ import annotations

from gui_support import press

from annotator.core.models import ClaimSuggestion, NewArticle
from annotator.core.project import Project
from annotator.gui import article_list
from annotator.gui.article_list import ArticleListModel


def many_articles(path, count: int) -> None:
    with Project.open(path) as project, project.transaction():
        for number in range(count):
            article_id, _ = project.insert_article(NewArticle(
                text=f"Artikel {number}: Der Sprecher sagte etwas Nummer {number}.",
                title=f"Artikel {number}", outlet="Testblatt", published="2024-10-01T08:00"))
            project.replace_suggestions(article_id, [ClaimSuggestion(0, 7)], "t", "1")


def test_the_list_loads_pages_on_demand(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(article_list, "PAGE_SIZE", 10)
    many_articles(tmp_path / "m.sqlite", 95)
    with Project.open(tmp_path / "m.sqlite") as project:
        calls = []
        original = project.article_summaries
        project.article_summaries = lambda **kw: calls.append(kw["offset"]) or original(**kw)
        model = ArticleListModel(project, "anna")
        assert model.rowCount() == 95 and calls == []
        assert model.data(model.index(0, 0)) == "Artikel 0"
        assert model.data(model.index(94, 2)) == "2024-10-01"
        assert model.data(model.index(94, 1)) == "new · 0/1"
        assert model.data(model.index(94, 3)) == "Testblatt"
        assert calls == [0, 90]  # two pages, not 95 rows
        assert model.row_of(model.summary(57).seq) == 57


def test_filter_by_status_and_search(qapp, tmp_path):
    many_articles(tmp_path / "m.sqlite", 30)
    with Project.open(tmp_path / "m.sqlite") as project:
        from annotator.core.models import Annotation, Decision

        target = project.article_summaries(offset=4, limit=1)[0]
        suggestion = project.suggestions(target.id)[0]
        project.save_annotation(Annotation(target.id, "anna", Decision.ACCEPT, 0, 7,
                                           suggestion_id=suggestion.id))
        model = ArticleListModel(project, "anna")
        model.set_filter("done", None)
        assert model.rowCount() == 1 and model.summary(0).id == target.id
        model.set_filter("new", None)
        assert model.rowCount() == 29 and model.row_of(target.seq) is None
        model.set_filter(None, "nummer 17")
        assert [model.summary(r).title for r in range(model.rowCount())] == ["Artikel 17"]


def test_next_and_previous_article_respect_the_filter(qtbot, tmp_path):
    from annotator.gui.article_list import ArticleListPanel

    many_articles(tmp_path / "m.sqlite", 12)
    with Project.open(tmp_path / "m.sqlite") as project:
        panel = ArticleListPanel(ArticleListModel(project, "anna"))
        qtbot.addWidget(panel)
        first, second = (panel.model.summary(0), panel.model.summary(1))
        assert panel.neighbour(first.seq, +1) == second.id
        assert panel.neighbour(first.seq, -1) is None
        panel.search.setText("Nummer 1")  # Artikel 1, 10, 11
        with qtbot.waitSignal(panel.filterApplied, timeout=5000):
            panel.apply_filter()  # in a worker: the window stays responsive
        assert panel.model.rowCount() == 3
        # From article 5 (hidden by the filter) "next" is the next visible one.
        fifth = project.article_summaries(offset=5, limit=1)[0]
        assert project.article(panel.neighbour(fifth.seq, +1)).title == "Artikel 10"
        assert project.article(panel.neighbour(fifth.seq, -1)).title == "Artikel 1"


def test_only_the_latest_search_is_shown(qtbot, tmp_path):
    from annotator.gui.article_list import ArticleListPanel

    many_articles(tmp_path / "m.sqlite", 12)
    with Project.open(tmp_path / "m.sqlite") as project:
        panel = ArticleListPanel(ArticleListModel(project, "anna"))
        qtbot.addWidget(panel)
        panel.search.setText("Nummer 1")
        panel.apply_filter()
        panel.search.setText("Nummer 7")  # typed on before the first result came
        with qtbot.waitSignal(panel.filterApplied, timeout=5000):
            panel.apply_filter()
        qtbot.wait(100)
        assert [panel.model.summary(r).title for r in range(panel.model.rowCount())] == \
            ["Artikel 7"]
        panel.search.clear()
        panel.apply_filter()
        assert panel.model.rowCount() == 12


def test_searching_from_the_window_by_keyboard(qtbot, review_db, settings, open_window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window(review_db, settings)
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    search = window.article_list.search
    assert search.hasFocus()
    QTest.keyClicks(search, "Kursk")  # plain keys type here, they do not act on claims
    with qtbot.waitSignal(window.article_list.filterApplied, timeout=5000):
        QTest.keyClick(search, Qt.Key.Key_Return)
    model = window.article_model
    assert 0 < model.rowCount() < 5
    for row in range(model.rowCount()):
        assert "kursk" in window.project.article(model.summary(row).id).text.lower()
    press(window, Qt.Key.Key_Escape, widget=search)
    assert window.workspace.view.hasFocus()
    assert window.workspace.undo_stack.count() == 0

