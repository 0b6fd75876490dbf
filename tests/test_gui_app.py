"""Starting the app: the first run asks for a name and a project; later
runs go straight to the last project."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from annotator.core.project import Project
from annotator.core.settings import Settings
from annotator.gui import app as gui_app
from annotator.gui import jobs


@pytest.fixture
def no_event_loop(monkeypatch):
    """run() would block in app.exec(); return at once and close the windows after."""
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    yield
    for window in list(gui_app._windows):
        window.close()


def answers(monkeypatch, *names):
    queue = list(names)
    asked = []

    def get_text(parent, title, prompt, text=""):
        asked.append(prompt)
        name = queue.pop(0)
        return (name, name is not None)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_first_run_asks_for_a_valid_name_and_opens_the_project(qapp, monkeypatch, tmp_path,
                                                                no_event_loop):
    asked = answers(monkeypatch, "@adjudicated", "  Anna  ")
    db = tmp_path / "new.sqlite"
    assert gui_app.run(db) == 0
    assert "reserved" in asked[1]
    settings = Settings.load()
    assert settings.annotator == "Anna"
    assert settings.last_project == str(db.resolve())
    window = gui_app._windows[-1]
    assert window.project_path == db and window.annotator == "Anna"
    assert {"&File", "&Edit", "&Team", "&Help"} <= {m.title() for m in
                                                    (a.menu() for a in window.menuBar().actions())}
    assert window.team_menu.title() == "&Team" and window.file_menu.title() == "&File"
    with Project.open(db) as project:
        # opening registers no annotator layer: Anna becomes one with her first judgement
        assert project.annotators() == []


def test_cancelling_the_name_quits_without_touching_anything(qapp, monkeypatch, tmp_path,
                                                             no_event_loop):
    answers(monkeypatch, None)
    assert gui_app.run(tmp_path / "x.sqlite") == 1
    assert not (tmp_path / "x.sqlite").exists()


def test_later_runs_reopen_the_last_project(qapp, monkeypatch, tmp_path, no_event_loop):
    db = tmp_path / "last.sqlite"
    Project.open(db).close()
    settings = Settings.load()
    settings.annotator = "anna"
    settings.remember_project(db)
    settings.save()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked again"))
    assert gui_app.run(None) == 0
    assert gui_app._windows[-1].project_path == db.resolve()


def test_the_first_run_can_open_the_demo_corpus(qapp, monkeypatch, tmp_path, no_event_loop):
    answers(monkeypatch, "anna")
    monkeypatch.setattr(jobs, "load_highlighter", lambda: None)  # spaCy is not the subject here
    demo = tmp_path / "demo.sqlite"
    monkeypatch.setattr("annotator.core.demo.demo_db_path", lambda: demo)

    def click_demo(box):
        next(b for b in box.buttons() if b.text() == "&Demo corpus").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_demo)
    assert gui_app.run(None) == 0
    window = gui_app._windows[-1]
    assert window.project_path == demo
    assert window.article_model.rowCount() > 0 and window.workspace.article_id is not None


def test_a_file_that_is_not_a_project_is_explained(qapp, monkeypatch, tmp_path, no_event_loop):
    answers(monkeypatch, "anna")
    shown = []
    monkeypatch.setattr("annotator.gui.errors.show_error",
                        lambda parent, action, error: shown.append((action, str(error))))
    bad = tmp_path / "notes.sqlite"
    bad.write_text("just text, not SQLite " * 100)
    assert gui_app.run(bad) == 1
    assert "notes.sqlite" in shown[0][0] and "not a project database" in shown[0][1]


def test_the_gui_script_parses_db(monkeypatch, tmp_path):
    from annotator import gui_launcher, system_libraries

    called = []
    monkeypatch.setattr(gui_app, "run", lambda path: called.append(path) or 0)
    monkeypatch.setattr(system_libraries, "check", lambda: None)
    assert gui_launcher.main(["--db", str(tmp_path / "p.sqlite")]) == 0
    assert called == [tmp_path / "p.sqlite"]
