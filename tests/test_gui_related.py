"""A reviewer sees, under the claim, the related claims in other articles,
jumps to them (W) and back (Shift+W) with the keyboard, judges a pair (undoable), and
opens the story of a claim across articles."""

from __future__ import annotations

import pytest
from gui_support import press
from PySide6.QtCore import Qt

from annotator.core.corroboration import judgements
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths
from annotator.core.project import Project

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def related_db(tmp_path, seed_paths):
    """The seeds with the highlighter's suggestions (claims indexed as they are stored)."""
    path = tmp_path / "related.sqlite"
    with Project.open(path) as project:
        import_paths(project, seed_paths, highlighter=load_highlighter())
    return path


@pytest.fixture
def window(open_window, related_db, settings):
    return open_window(related_db, settings)


def key(window, qtbot, *args) -> None:
    """Press a key, then wait for the related panel to follow the claim."""
    press(window, *args)
    qtbot.waitUntil(lambda: not window.related.pending)


def go_to_a_claim_with_related(window, qtbot) -> int:
    """Step with J to the first claim that has related claims; their number."""
    related = window.related
    qtbot.waitUntil(lambda: not related.pending)
    for _ in range(len(window.workspace.session.claims)):
        if related.rows:
            return len(related.rows)
        key(window, qtbot, "j")
    raise AssertionError("no claim of the first article has related claims")


def stored_labels(db_path):
    with Project.open(db_path, create=False) as project:
        found = judgements.for_articles(project.db.conn, project.article_ids())
        return [(j.annotator, j.label) for j in found]


def test_the_claim_panel_counts_the_related_claims_and_shows_them(window, qtbot):
    count = go_to_a_claim_with_related(window, qtbot)
    panel = window.related.panel
    assert window.workspace.panel.isAncestorOf(panel) and panel.isVisible()  # on the claim panel
    assert panel.title() == f"Related in other articles: {count}"
    assert panel.list.isVisible()
    assert panel.list.count() == count
    first = panel.list.item(0).text()
    assert window.related.rows[0].claim.text[:40] in first


def test_a_claim_without_related_claims_says_so_instead_of_an_empty_list(window, qtbot):
    related = window.related
    qtbot.waitUntil(lambda: not related.pending)
    for _ in range(len(window.workspace.session.claims)):
        if not related.rows:
            break
        key(window, qtbot, "j")
    assert not related.rows
    assert related.panel.title() == "Related in other articles: 0"
    assert not related.panel.list.isVisible()
    assert related.panel.hint.text() == "No claim in another article matches this one."



def test_the_panel_counts_the_indexed_claims_once_and_again_after_a_job(window, qtbot, monkeypatch):
    """Counting the index's claims took ~13 ms of each lookup at 100,000
    articles: the panel keeps its index reader while the reviewer moves from
    claim to claim, and reads again after a job (another writer) changed the project."""
    from annotator.core.changes import Changes
    from annotator.core.storage import relations

    counted = []
    count_claims = relations.count_claims
    monkeypatch.setattr(relations, "count_claims", lambda conn: counted.append(1) or count_claims(conn))
    related = window.related
    related._index = None  # as at the panel's first lookup
    for _ in range(3):
        key(window, qtbot, "j")
    assert len(counted) == 1
    window.bus.publish(Changes(all_articles=True))  # e.g. a re-highlight finished
    key(window, qtbot, "k")
    key(window, qtbot, "j")
    assert len(counted) == 2


def test_o_jumps_through_the_related_claims_and_shift_o_comes_back(window, qtbot):
    count = go_to_a_claim_with_related(window, qtbot)
    workspace = window.workspace
    home_article, home_claim = workspace.article_id, workspace.session.current.key
    targets = [(r.claim.article.id, r.claim.key) for r in window.related.rows]
    key(window, qtbot, "w")
    assert (workspace.article_id, workspace.session.current.key) == targets[0]
    assert "Related claim 1 of" in window.related.panel.hint.text()
    if count > 1:
        key(window, qtbot, "w")
        assert (workspace.article_id, workspace.session.current.key) == targets[1]
    key(window, qtbot, "w", SHIFT)
    assert (workspace.article_id, workspace.session.current.key) == (home_article, home_claim)


def test_v_judges_the_pair_and_undo_takes_it_back(window, related_db, qtbot):
    go_to_a_claim_with_related(window, qtbot)
    key(window, qtbot, "v")
    assert stored_labels(related_db) == [("anna", "corroborates")]
    assert "corroborates" in window.related.panel.list.item(0).text()
    key(window, qtbot, "v")
    assert stored_labels(related_db) == [("anna", "contradicts")]
    key(window, qtbot, "z", CTRL)
    assert stored_labels(related_db) == [("anna", "corroborates")]
    key(window, qtbot, "z", CTRL)
    assert stored_labels(related_db) == []


def test_judging_while_jumped_there_judges_the_pair_jumped_between(window, related_db, qtbot):
    go_to_a_claim_with_related(window, qtbot)
    home = window.related.claim
    key(window, qtbot, "w")
    there = window.related.claim
    key(window, qtbot, "v")
    with Project.open(related_db, create=False) as project:
        [stored] = judgements.for_articles(project.db.conn, project.article_ids())
    assert {stored.a, stored.b} == {home.ref, there.ref}


def test_t_opens_the_story_of_the_claim_by_published_date(window, qtbot):
    count = go_to_a_claim_with_related(window, qtbot)
    key(window, qtbot, "t")
    view = window.related.story_view
    qtbot.waitUntil(view.isVisible)
    text = view.text.toPlainText()
    assert text.count("▶ ") == 1
    assert len(text.split("\n\n")) == count + 1
    view.close()


def test_the_proposed_credibility_is_shown_and_set_only_by_its_key(window, related_db, qtbot):
    go_to_a_claim_with_related(window, qtbot)
    related = window.related
    proposal = window.workspace.panel.proposal  # beside the credibility field
    credibility = window.workspace.panel.credibility
    assert proposal.parentWidget() is credibility.parentWidget() and proposal.isVisible()
    assert 0 <= proposal.y() - credibility.geometry().bottom() < 20  # right at the field
    assert proposal.text().startswith("↑ Proposed: ")  # unjudged: 3 or 4
    related.panel.list.setCurrentRow(0)
    key(window, qtbot, "v")
    key(window, qtbot, "v")  # contradicts
    assert proposal.text().startswith("↑ Proposed: 5 (Shift+V sets it): contradicted")
    with Project.open(related_db, create=False) as project:
        assert all(a.credibility is None for a in project.annotations(annotator="anna"))
    key(window, qtbot, "v", SHIFT)
    assert window.workspace.session.current.annotation.credibility == 5


def test_a_related_claim_shows_its_grade_and_the_story_too(window, qtbot):
    go_to_a_claim_with_related(window, qtbot)
    related = window.related
    home = (window.workspace.article_id, window.workspace.session.current.key)
    key(window, qtbot, "w")
    key(window, qtbot, "b", SHIFT)  # grade the related claim: reliability B ...
    key(window, qtbot, "2")  # ... credibility 2
    key(window, qtbot, "w", SHIFT)
    assert (window.workspace.article_id, window.workspace.session.current.key) == home
    assert "graded B2" in related.panel.list.item(0).text()
    key(window, qtbot, "t")
    assert "graded B2" in related.story_view.text.toPlainText()
    related.story_view.close()


def _without_index(tmp_path, seed_paths, name="old.sqlite"):
    """A project whose claims were never indexed (from before the index, or copied in)."""
    from annotator.core.corroboration.index import ClaimIndex

    path = tmp_path / name
    with Project.open(path) as project:
        import_paths(project, seed_paths, highlighter=load_highlighter())
        with project.transaction():
            ClaimIndex(project.db.conn).clear()
    return path


def test_a_project_without_the_index_gets_it_built_in_the_background(open_window, tmp_path, seed_paths,
                                                                     settings, qtbot):
    from annotator.core.corroboration.project_claims import needs_build

    window = open_window(_without_index(tmp_path, seed_paths), settings)
    related = window.related
    # the build starts from a zero-delay timer: wait for it to have run, not only for "not building"
    qtbot.waitUntil(lambda: not related.building and not needs_build(related.project), timeout=60_000)
    assert not related.panel.progress.isVisible()
    assert go_to_a_claim_with_related(window, qtbot) > 0


def test_the_background_build_can_be_cancelled(open_window, tmp_path, seed_paths, settings, qtbot,
                                               monkeypatch):
    import threading

    from annotator.core.corroboration import project_claims as pc
    from annotator.core.corroboration.project_claims import needs_build

    # each article's claims wait until the reviewer has pressed Cancel, so the
    # build cannot finish first however slow the machine is (a fixed sleep could)
    cancelled = threading.Event()
    slow = pc.project_claims
    monkeypatch.setattr(pc, "project_claims", lambda *a: (cancelled.wait(20), slow(*a))[1])
    path = _without_index(tmp_path, seed_paths)
    window = open_window(path, settings)
    related = window.related
    qtbot.waitUntil(lambda: related.building and related.panel.progress.isVisible())
    assert "building" in related.panel.title()
    qtbot.mouseClick(related.panel.cancel_button, Qt.MouseButton.LeftButton)
    cancelled.set()
    qtbot.waitUntil(lambda: not related.building, timeout=20_000)
    assert "not built" in window.statusBar().currentMessage()
    assert not related.panel.cancel_button.isVisible()
    with Project.open(path, create=False) as project:
        assert needs_build(project)  # built the next time the project is opened


def test_screenshots_of_the_related_claims_on_the_claim_panel(window, qtbot, qapp):
    """For people to look at (tests/screenshots/, ignored by git): light, dark, small window."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from annotator.gui.theme import dark_palette

    folder = Path(__file__).parent / "screenshots"
    folder.mkdir(exist_ok=True)
    go_to_a_claim_with_related(window, qtbot)
    window.related.panel.list.setCurrentRow(0)
    key(window, qtbot, "v")  # one judged pair: a proposal beside the credibility field
    shots = []
    for name, size in (("related-light", (1600, 1000)), ("related-small", (1024, 640))):
        window.resize(*size)
        qapp.processEvents()
        shots.append(folder / f"{name}.png")
        assert window.grab().save(str(shots[-1]))
    original = qapp.palette()
    QApplication.setPalette(dark_palette())
    try:
        window.resize(1600, 1000)
        qapp.processEvents()
        shots.append(folder / "related-dark.png")
        assert window.grab().save(str(shots[-1]))
    finally:
        QApplication.setPalette(original)
    assert all(shot.stat().st_size > 10_000 for shot in shots)
