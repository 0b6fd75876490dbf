"""The lead in the GUI: settles disagreements by keyboard, reads the
dashboard, merges from the Team menu. Screenshots go to tests/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.models import ADJUDICATED_LAYER, Annotation, Decision, SourceType
from annotator.core.project import Project
from annotator.core.team.adjudication import disagreements
from annotator.core.team.dashboard_data import dashboard_data
from annotator.gui.team.adjudication_view import AdjudicationView
from annotator.gui.team.dashboard import Dashboard

SCREENSHOTS = Path(__file__).parent / "screenshots"


@pytest.fixture
def team_db(review_db) -> Path:
    """Seed articles reviewed by anna and ben, who disagree on some grades."""
    path = review_db
    with Project.open(path) as project:
        for article_id in project.article_ids()[:3]:
            for number, suggestion in enumerate(project.suggestions(article_id)[:4]):
                for name, grade in (("anna", "BBCA"[number]), ("ben", "BDCE"[number])):
                    project.save_annotation(Annotation(
                        article_id=article_id, annotator=name, decision=Decision.ACCEPT,
                        start=suggestion.start, end=suggestion.end, source=suggestion.source,
                        cue=suggestion.cue, suggestion_id=suggestion.id, reliability=grade,
                        credibility=2 if name == "anna" else 3,
                        source_type=SourceType.GOVERNMENT if number % 2 else SourceType.PERSON))
    return path


def save_screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / name
    assert widget.grab().save(str(target))
    return target


def test_lead_settles_a_disagreement_by_keyboard(qtbot, team_db):
    with Project.open(team_db) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        view.load(disagreements(project))
        qtbot.waitExposed(view)
        total = len(view.groups)
        assert total > 0 and view.progress_label.text() == f"Settled 0 of {total}"
        first = view.groups[0]
        ben = first.versions["ben"]

        qtbot.keyClick(view.claims, Qt.Key.Key_Right)   # look at ben's version
        assert view.column == 1 and "ben's claim" in view.legend.text()
        save_screenshot(view, "team-adjudication.png")
        qtbot.keyClick(view.claims, Qt.Key.Key_Return)  # take it

        final = project.annotations(annotator=ADJUDICATED_LAYER)
        assert [(a.suggestion_id, a.reliability) for a in final] == [(ben.suggestion_id, ben.reliability)]
        assert view.progress_label.text() == f"Settled 1 of {total}"
        assert view.claims.currentRow() == 1  # moved on to the next unsettled claim
        assert view.claims.item(0).text().startswith("✓")

        qtbot.keyClick(view.claims, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
        assert project.annotations(annotator=ADJUDICATED_LAYER) == []
        assert view.claims.currentRow() == 0 and view.progress_label.text() == f"Settled 0 of {total}"


def test_lead_edits_a_final_version_in_the_dialog(qtbot, team_db):
    with Project.open(team_db) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.show()
        view.load(disagreements(project))
        qtbot.keyClick(view.claims, Qt.Key.Key_1)  # anna's version first
        qtbot.keyClick(view.claims, Qt.Key.Key_Up)
        qtbot.keyClick(view.claims, Qt.Key.Key_E)
        dialog = view.edit_dialog
        qtbot.waitExposed(dialog)
        save_screenshot(dialog, "team-final-version.png")
        dialog.reliability.setFocus()
        qtbot.keyClick(dialog.reliability, Qt.Key.Key_Down)  # one grade worse
        qtbot.keyClicks(dialog.note, "both half right")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        final = project.annotations(annotator=ADJUDICATED_LAYER)
        assert len(final) == 1 and final[0].note == "both half right"
        anna = view.groups[0].versions["anna"]
        assert final[0].reliability == chr(ord(anna.reliability) + 1)


def test_dashboard_charts_progress_grades_and_agreement(qtbot, team_db):
    with Project.open(team_db) as project:
        data = dashboard_data(project)
    board = Dashboard()
    qtbot.addWidget(board)
    board.resize(1100, 800)
    board.show()
    board.show_data(data)
    qtbot.waitExposed(board)
    assert "2 annotators" in board.summary.text()
    progress = board.charts["progress"][0].series()[0]
    assert [s.label() for s in progress.barSets()] == ["reviewed", "to do"]
    reliability = board.charts["reliability"][0].series()[0]
    assert sorted(s.label() for s in reliability.barSets()) == ["anna", "ben"]
    assert board.figures.rowCount() == len(data.agreement.rows())
    qtbot.wait(300)  # charts lay out their axes and legends on the next event loop turn
    save_screenshot(board, "team-dashboard.png")


def test_team_menu_adjudicates_shows_dashboard_and_merges(open_window, settings, team_db,  # noqa: F811
                                                          tmp_path, qtbot, monkeypatch):
    window = open_window(team_db, settings)
    names = [a.text() for a in window.team_menu.actions()]
    assert names == ["&Merge databases…", "&Adjudicate disagreements", "&Dashboard"]
    job = window.team.open_adjudication()
    qtbot.waitUntil(lambda: job.isFinished() and bool(window.team.adjudication.groups),
                    timeout=10000)
    job = window.team.open_dashboard()
    qtbot.waitUntil(lambda: job.isFinished() and hasattr(window.team.dashboard, "data"),
                    timeout=10000)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    job = window.team.merge([team_db], tmp_path / "merged.sqlite")
    qtbot.waitUntil(job.isFinished, timeout=10000)
    assert not window.shown_errors
    with Project.open(tmp_path / "merged.sqlite") as merged, Project.open(team_db) as source:
        assert merged.count_annotations() == source.count_annotations() > 0
