"""The lead settles by keyboard in the adjudication view: M takes the majority,
A accepts the agreed claims of the article (Shift+A: of the project), G shows
the agreed claims; a claim changed since it was settled is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_team_support import judge, make_lead

from annotator.core.models import ADJUDICATED_LAYER
from annotator.core.project import Project
from annotator.core.team.adjudication import disagreements
from annotator.core.team.settling import rank
from annotator.gui.team.adjudication_view import AdjudicationView


def three_annotators(tmp_path):
    path = make_lead(tmp_path / "merged.sqlite")
    with Project.open(path) as project:
        for name, grade in (("anna", "A"), ("ben", "A"), ("cem", "E")):
            judge(project, name, 0, 0, reliability=grade)   # two against one
            judge(project, name, 0, 1)                      # agreed
            judge(project, name, 1, 0)                      # agreed, another article
        judge(project, "anna", 2, 0, reliability="B")
        judge(project, "ben", 2, 0, reliability="C")        # a tie
    return path


def test_keys_take_the_majority_and_accept_agreed_claims(qtbot, tmp_path):
    with Project.open(three_annotators(tmp_path)) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.show()
        view.load(rank(disagreements(project)))
        assert [len(g.versions) for g in view.groups] == [3, 2]  # the widest disagreement first
        assert project.article(view.groups[0].article_id).title in view.claims.item(0).text()
        qtbot.keyClick(view.claims, Qt.Key.Key_M)
        finals = project.annotations(annotator=ADJUDICATED_LAYER)
        assert [f.reliability for f in finals] == ["A"]
        assert view.claims.currentRow() == 1
        qtbot.keyClick(view.claims, Qt.Key.Key_M)  # a tie: nothing is saved
        assert "No majority" in view.legend.text()
        assert len(project.annotations(annotator=ADJUDICATED_LAYER)) == 1

        view.claims.setCurrentRow(0)
        qtbot.keyClick(view.claims, Qt.Key.Key_A)  # the agreed claim of this article
        assert view.legend.text() == "Accepted 1 agreed claim(s) in this article."
        qtbot.keyClick(view.claims, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
        assert view.legend.text() == "Accepted 1 agreed claim(s) in the project."
        assert len(project.annotations(annotator=ADJUDICATED_LAYER)) == 3

        qtbot.keyClick(view.claims, Qt.Key.Key_G)  # see the agreed claims
        assert len(view.groups) == 2 and all(g.agreed and g.settled for g in view.groups)
        assert view.progress_label.text().startswith("agreed claims: Settled 2 of 2")


def test_a_claim_changed_since_adjudicated_is_marked_in_the_list(qtbot, tmp_path):
    with Project.open(three_annotators(tmp_path)) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.load(rank(disagreements(project)))
        qtbot.keyClick(view.claims, Qt.Key.Key_M)
        cem = project.annotations(article_id=view.groups[0].article_id, annotator="cem")[0]
        project.save_annotation(cem.evolve(reliability="A"))  # cem comes round (after a merge)
        view.load(rank(disagreements(project)))
        changed = [view.claims.item(i).text() for i in range(view.claims.count())
                   if "changed since adjudicated" in view.claims.item(i).text()]
        assert len(changed) == 1 and changed[0].startswith("↻")
        assert "1 changed since adjudicated" in view.progress_label.text()


def test_the_filter_bar_narrows_the_list_by_field_pair_and_article(qtbot, tmp_path):
    with Project.open(three_annotators(tmp_path)) as project:
        view = AdjudicationView(project)
        qtbot.addWidget(view)
        view.show()
        view.load(rank(disagreements(project)))
        assert len(view.groups) == 2
        combo = view.filter.field
        combo.setFocus()
        combo.setCurrentIndex(combo.findData("reliability"))
        assert len(view.groups) == 2
        combo.setCurrentIndex(combo.findData("decision"))
        assert view.groups == [] and view.context.toPlainText() == "No claim matches the filter."
        combo.setCurrentIndex(0)
        view.filter.pair.setCurrentIndex(view.filter.pair.findText("anna ~ ben"))
        assert [sorted(g.versions) for g in view.groups] == [["anna", "ben"]]
        view.filter.pair.setCurrentIndex(0)
        third = project.article_ids()[2]
        view.filter.article.setCurrentIndex(view.filter.article.findData(third))
        assert [g.article_id for g in view.groups] == [third]
        assert view.filter.article.findData(project.article_ids()[1]) == -1  # nothing to settle there


def test_the_article_list_shows_each_articles_curation_status(qtbot, tmp_path):
    from annotator.core.operations import accept_agreed
    from annotator.gui.article_list import CURATION, ArticleListModel

    with Project.open(three_annotators(tmp_path)) as project:
        model = ArticleListModel(project, "anna")
        assert model.headerData(CURATION, Qt.Orientation.Horizontal) == "Curation"

        def shown() -> list[str]:
            return [model.data(model.index(row, CURATION)) for row in range(model.rowCount())]

        assert shown() == ["open", "open", "open"] and CURATION in model.filled
        accept_agreed(project)
        model.forget_curation()  # what the Team menu does when a Changes record says team=True
        assert shown() == ["partly settled", "settled", "open"]


def test_in_the_window_accepting_agreed_claims_runs_in_a_worker(open_window, settings, qtbot, tmp_path):
    window = open_window(three_annotators(tmp_path), settings)
    job = window.team.open_adjudication()
    qtbot.waitUntil(lambda: job.isFinished() and bool(window.team.adjudication.groups), timeout=10000)
    view = window.team.adjudication
    assert view.main_window is window
    view.accept_agreed_everywhere()
    qtbot.waitUntil(lambda: view.legend.text() == "Accepted 2 agreed claim(s) in the project.",
                    timeout=10000)
    assert len(window.project.annotations(annotator=ADJUDICATED_LAYER)) == 2
    assert not window.shown_errors
