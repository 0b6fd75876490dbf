"""The Sources view (F7): a reviewer finds a source by typing part of a
name, sees its claims across articles and jumps to one with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.models import NewArticle
from annotator.core.project import Project

ARTICLES = [
    ("Eskalation", "Der ukrainische Präsident Wolodymyr Selenskyj hat vor einer Eskalation gewarnt. "
                   "\"Wir brauchen mehr Unterstützung\", sagte Selenskyj am Abend."),
    ("Truppen", "Laut ukrainischem Geheimdienst sind 12.000 Soldaten in Russland. "
                "Zelensky sagte, die Lage sei ernst."),
]


def sources_db(tmp_path):
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter("blank")
    path = tmp_path / "sources.sqlite"
    ids = []
    with Project.open(path) as project:
        for title, text in ARTICLES:
            article_id, _ = project.add_article(NewArticle(text=text, title=title))
            project.set_suggestions(article_id, hl.highlight(text), hl.name, hl.version)
            ids.append(article_id)
    return path, ids


def test_find_a_source_see_its_claims_and_jump_to_one(open_window, settings, tmp_path, qtbot):
    path, (first, second) = sources_db(tmp_path)
    window = open_window(path, settings)
    QTest.keyClick(window.workspace.view, Qt.Key.Key_F7)
    panel = window.sources_panel
    assert window.sources_dock.isVisible() and panel.search.hasFocus()
    QTest.keyClicks(panel.search, "selensk")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    names = [panel.source_model.data(panel.source_model.index(r)) for r in range(panel.source_model.rowCount())]
    assert len(names) == 1 and names[0].startswith("Wolodymyr Selenskyj")
    assert "3 claims, 2 articles" in names[0]
    claims = panel.claim_model
    assert claims.rowCount() == 3 and panel.claims_label.text() == "Claims of Wolodymyr Selenskyj:"
    panel.claims.setFocus()
    QTest.keyClick(panel.claims, Qt.Key.Key_End)
    assert claims.rows[panel.claims.currentIndex().row()].article_id == second
    QTest.keyClick(panel.claims, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.article_id == second)
    claim = window.workspace.session.current
    assert claim is not None and "Zelensky" in ARTICLES[1][1][claim.source.start:claim.source.end]


def test_the_view_pages_a_large_registry(open_window, settings, tmp_path):
    from annotator.core.sources import actions

    path, _ = sources_db(tmp_path)
    with Project.open(path) as project:
        for n in range(250):
            actions.create(project, f"Quelle {n:03d}", created_by="anna")
    window = open_window(path, settings)
    QTest.keyClick(window.workspace.view, Qt.Key.Key_F7)
    model = window.sources_panel.source_model
    assert model.rowCount() == 100 and model.canFetchMore()  # one page, more on scrolling
    model.fetchMore()
    assert model.rowCount() == 200


def go_to_source(window, words: str) -> None:
    """J/K through the article's claims to the one whose source says ``words``."""
    session, view = window.workspace.session, window.workspace.view
    text = session.article.text
    target = next(i for i, c in enumerate(session.claims) if c.source and words in text[c.source.start:c.source.end])
    while session.index != target:
        QTest.keyClick(view, Qt.Key.Key_J if (session.index or 0) < target else Qt.Key.Key_K)


def test_link_the_claims_source_with_the_keyboard(open_window, settings, tmp_path, qtbot):
    path, (first, second) = sources_db(tmp_path)
    window = open_window(path, settings)
    window.workspace.open_article(second)
    view, panel = window.workspace.view, window.workspace.panel
    go_to_source(window, "Zelensky")
    qtbot.waitUntil(lambda: panel.entity_text.text().startswith("Wolodymyr Selenskyj · person · suggested ("))
    QTest.keyClick(view, Qt.Key.Key_L)  # not reviewed yet: nothing opens
    assert window.source_linker.picker is None
    QTest.keyClick(view, Qt.Key.Key_A)
    go_to_source(window, "Zelensky")
    QTest.keyClick(view, Qt.Key.Key_L)
    picker = window.source_linker.picker
    qtbot.waitUntil(picker.isVisible)
    QTest.keyClicks(picker.field, "wolodymyr")
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    qtbot.waitUntil(lambda: panel.entity_text.text() == "Wolodymyr Selenskyj · person · confirmed")
    # a new entity from the source span: "ukrainischem Geheimdienst" becomes a confirmed source
    go_to_source(window, "Geheimdienst")
    QTest.keyClick(view, Qt.Key.Key_A)
    go_to_source(window, "Geheimdienst")
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "ukrainischem Geheimdienst · " in panel.entity_text.text())
    qtbot.waitUntil(lambda: panel.entity_text.text().endswith("confirmed"))
    # a name the registry lacks, selected in the text, becomes a new source
    text = ARTICLES[1][1]
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(text.index("Russland")))
    view.setTextCursor(cursor)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.entity_text.text() == "Russland · no type · confirmed")


def test_grade_a_source_once_and_see_it_on_the_next_claim(open_window, settings, tmp_path, monkeypatch,
                                                          qtbot):
    from annotator.gui import source_link

    path, (first, second) = sources_db(tmp_path)
    window = open_window(path, settings)
    window.workspace.open_article(first)
    view, panel, session = window.workspace.view, window.workspace.panel, window.workspace.session
    go_to_source(window, "Wolodymyr Selenskyj")
    QTest.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)  # the first grade of the source
    window.workspace.open_article(second)
    go_to_source(window, "Zelensky")  # another article, another spelling: the same source
    qtbot.waitUntil(lambda: "Your grade of this source: B (G gives it to this claim)" in panel.entity_text.text())
    QTest.keyClick(view, Qt.Key.Key_G)
    assert session.current.annotation.reliability == "B"
    from annotator.core.sources import actions

    asked = []
    monkeypatch.setattr(source_link, "ask_scope", lambda *args: asked.append(args[1:]) or "claim")
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)  # no grade of the source itself yet:
    assert asked == [] and session.current.annotation.reliability == "C"  # no question, the claim is graded
    QTest.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)  # back to B
    entity = actions.entity_of(window.workspace.project, session.current)
    actions.grade_source(window.workspace.project, entity.source.id, "anna", "B")  # e.g. from a team's list
    QTest.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    assert asked == [("Wolodymyr Selenskyj", "B", "D")]
    QTest.keyClick(view, Qt.Key.Key_F7)  # the Sources view shows each annotator's grades of the source
    panel6 = window.sources_panel
    QTest.keyClicks(panel6.search, "selensk")
    QTest.keyClick(panel6.search, Qt.Key.Key_Return)
    assert panel6.claims_label.text() == "Claims of Wolodymyr Selenskyj:\nGrades: anna B×1 D×1"
    view.setFocus()
    assert session.current.annotation.reliability == "D"
    qtbot.waitUntil(lambda: "Your grade of this source: B (G gives" in panel.entity_text.text())  # this claim alone
    monkeypatch.setattr(source_link, "ask_scope", lambda *args: "source")
    QTest.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.entity_text.text().endswith("Your grade of this source: E"))


def test_rename_and_merge_sources_in_the_view_and_undo(open_window, settings, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    path, _ = sources_db(tmp_path)
    window = open_window(path, settings)
    QTest.keyClick(window.workspace.view, Qt.Key.Key_F7)
    panel = window.sources_panel

    def find(text):
        panel.search.clear()
        QTest.keyClicks(panel.search, text)
        QTest.keyClick(panel.search, Qt.Key.Key_Return)
        return [s.name for s in panel.source_model.rows]

    def names():
        return {s.name: s.claims for s in panel.source_model.rows}

    assert find("geheimdienst") == ["ukrainischem Geheimdienst"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ukrainischer Geheimdienst", True))
    QTest.keyClick(panel.sources, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: list(names()) == ["ukrainischer Geheimdienst"])
    QTest.keyClick(panel.sources, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: list(names()) == ["ukrainischem Geheimdienst"])
    assert find("selensk") == ["Wolodymyr Selenskyj"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("ukrainischem Geheimdienst", True))
    QTest.keyClick(panel.sources, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: names() == {"Wolodymyr Selenskyj": 4})
    assert find("geheimdienst") == ["Wolodymyr Selenskyj"]  # the merged name is an alias now
    QTest.keyClick(panel.sources, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: names() == {"ukrainischem Geheimdienst": 1})
    assert find("selensk") == ["Wolodymyr Selenskyj"] and names() == {"Wolodymyr Selenskyj": 3}
