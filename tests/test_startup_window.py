"""The window starts quickly: what is not on the first screen is neither
imported nor built until it is used (gui/deferred.py), and a project at the
current schema opens without sqlite-utils (which imports pandas and numpy).
The start is checked in a fresh interpreter, as a reviewer starts it; the
docks built later still show their content when opened."""

from __future__ import annotations

import os
import subprocess
import sys

from gui_support import press
from PySide6.QtCore import Qt

from annotator.core.models import NewArticle
from annotator.core.project import Project

# Modules the first painted article does not need (each cost the start time).
DEFERRED = {"sqlite_utils", "pandas", "numpy", "pyarrow", "sklearn", "krippendorff", "spacy",
            "annotator.core.corroboration.project_claims", "annotator.core.highlight",
            "annotator.core.team.agreement", "annotator.core.learning.pipeline",
            "annotator.core.annotation_import", "annotator.gui.related_panel",
            "annotator.gui.team.dashboard", "annotator.gui.team.adjudication_view",
            "annotator.gui.sources_dock", "annotator.gui.export_dialog"}

START = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from annotator.core.settings import Settings
from annotator.gui.app import application, open_main_window
app = application()
window = open_main_window(Path(sys.argv[1]), Settings(annotator="anna", path=Path(sys.argv[2])))
window.workspace.view.viewport().repaint()
assert window.workspace.article_id is not None
print("LOADED", ",".join(sorted(sys.modules)))
"""


def modules_at_first_paint(db, settings_file) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", START, str(db), str(settings_file)],
                          capture_output=True, text=True, timeout=120, env=env)
    line = [x for x in done.stdout.splitlines() if x.startswith("LOADED ")]
    assert line, done.stderr
    return set(line[-1].split(" ", 1)[1].split(","))


def test_the_first_article_is_painted_without_the_parts_that_are_not_on_screen(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:  # created at the current schema
        project.insert_article(NewArticle(text="Der Sprecher sagte, es sei ruhig.", title="Eins"))
    loaded = modules_at_first_paint(db, tmp_path / "settings.json")
    assert "annotator.gui.main_window" in loaded
    assert not {m for m in loaded if m in DEFERRED or m.split(".")[0] in DEFERRED
                or any(m.startswith(d + ".") for d in DEFERRED)}


def test_docks_built_on_first_use_show_their_content(qtbot, open_window, review_db, settings):
    window = open_window(review_db, settings)
    # right after the first paint the claim panel gets its related claims
    qtbot.waitUntil(lambda: "related" in window.__dict__)
    assert window.related.panel.title().startswith("Related in other articles")
    press(window, Qt.Key.Key_F2)
    assert window.guidelines_dock.widget() is window.guidelines
    assert "Admiralty" in window.guidelines.toPlainText()
    press(window, Qt.Key.Key_F7)
    assert window.sources_dock.isVisible() and window.sources_dock.widget() is window.sources_panel
    assert window.sources_panel.source_model.rowCount() >= 0


def test_a_window_closed_before_it_built_its_parts_closes_cleanly(open_window, review_db, settings):
    window = open_window(review_db, settings)
    window.close()
    assert "team" not in window.__dict__ and "sources_panel" not in window.__dict__
