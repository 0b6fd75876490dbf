"""``annotator selftest``: a headless check that the installation works.

Made for the desktop bundle, where the usual traps are files that did not
get packed (spaCy's language data and registry entry points, our lexicons
and demo corpus, Qt libraries). It runs the path a reviewer's first session
takes, in a throw-away project: import the demo corpus, highlight it, accept
a claim, export, build the main window (off screen). Each step prints
``ok``, ``skip`` or ``FAIL``; the exit code is 0 only if nothing failed. The user's own data is never touched.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import click

from annotator import __version__
from annotator.core.importer import import_paths
from annotator.core.models import Annotation, Decision
from annotator.core.project import Project
from annotator.core.resources import resource_path
from annotator.core.settings import Settings

SELFTEST_ANNOTATOR = "selftest"


class Skipped(Exception):
    """A step that cannot run here (a part of the app not built yet)."""


def _missing_part(error: ImportError) -> bool:
    # Our own modules still being written are a skip; a missing third-party
    # library (spaCy, PySide6 not packed into the bundle) is a failure.
    return (error.name or "").startswith("annotator")


class Selftest:
    """The steps share one temporary project; each returns a short report."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.project: Project | None = None
        self.highlighter = None

    def check_resources(self) -> str:
        demo = resource_path("demo", "demo-articles.jsonl")
        if not demo.is_file():
            raise FileNotFoundError(f"demo corpus missing: {demo}")
        lexicons = sorted(resource_path("lexicons").glob("*.t*"))
        return f"{resource_path()} (demo corpus, {len(lexicons)} lexicon files)"

    def check_spacy(self) -> str:
        import spacy

        nlp = spacy.blank("de")
        words = [token.text for token in nlp("„Wir bleiben“, sagte sie.")]
        if len(words) < 5:
            raise RuntimeError(f"German tokenizer looks wrong: {words}")
        return f"spaCy {spacy.__version__}, German tokenizer"

    def check_highlighter(self) -> str:
        try:
            from annotator.core.highlight import load_highlighter
        except ImportError as error:
            if _missing_part(error) or "load_highlighter" in str(error):
                raise Skipped("annotator.core.highlight.load_highlighter is not available yet") from error
            raise
        self.highlighter = load_highlighter()
        return f"{self.highlighter.name} {self.highlighter.version}"

    def check_import(self) -> str:
        self.project = Project.open(self.folder / "selftest.sqlite")
        summary = import_paths(self.project, [resource_path("demo")], highlighter=self.highlighter)
        if summary.imported == 0:
            raise RuntimeError("no article imported from the demo corpus")
        suggestions = self.project.count_suggestions()
        if self.highlighter is not None and suggestions == 0:
            raise RuntimeError("the highlighter suggested no claim in the demo corpus")
        return f"{summary.imported} demo articles, {suggestions} suggested claims"

    def check_annotate(self) -> str:
        project = self._project()
        claim = self._first_claim(project)
        saved = project.save_annotation(claim)
        if project.annotation(saved.id) != saved:
            raise RuntimeError("the saved annotation reads back differently")
        how = "accepted a suggested claim" if claim.suggestion_id else "marked a claim by hand"
        return f"{how} (annotation {saved.id[:8]}, revision {saved.revision})"

    @staticmethod
    def _first_claim(project: Project) -> Annotation:
        """Accept the first suggestion; without a highlighter, mark the first words."""
        article_id = project.article_ids()[0]
        graded = dict(annotator=SELFTEST_ANNOTATOR, decision=Decision.ACCEPT,
                      reliability="B", credibility=2)
        for claim in project.suggestions(article_id):
            return Annotation(article_id=article_id, start=claim.start, end=claim.end,
                              source=claim.source, cue=claim.cue, attribution=claim.attribution,
                              hedged=claim.hedged, suggestion_id=claim.id, **graded)
        length = len(project.article(article_id).text)
        return Annotation(article_id=article_id, start=0, end=min(40, length),
                          unattributed=True, **graded)

    def check_export(self) -> str:
        try:
            export = importlib.import_module("annotator.core.export")
        except ImportError as error:
            if _missing_part(error):
                raise Skipped("annotator.core.export is not available yet") from error
            raise
        if not all(hasattr(export, name) for name in ("export_project", "ExportOptions")):
            raise Skipped("annotator.core.export has no export_project yet")
        return export_demo(export, self._project(), self.folder / "export")

    def check_gui_libraries(self) -> str:
        # Imports the GUI module (and with it PySide6) without opening a window.
        try:
            importlib.import_module("annotator.gui.app")
        except ImportError as error:
            if _missing_part(error):
                raise Skipped("annotator.gui.app is not available yet") from error
            raise
        qt = sys.modules.get("PySide6")
        return f"annotator.gui.app imports (PySide6 {getattr(qt, '__version__', '?')})"

    def check_window(self) -> str:
        """Build the main window on the selftest project and draw it once, off
        screen: Qt's plugins, fonts and our widgets load, nothing appears."""
        project = self._project()
        try:
            from annotator.gui.app import application
            from annotator.gui.main_window import MainWindow
        except ImportError as error:
            if _missing_part(error):
                raise Skipped("the main window is not available yet") from error
            raise
        # A missing display would make Qt abort the whole process.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qt_app = application()
        window = MainWindow(project, SELFTEST_ANNOTATOR, Settings(path=self.folder / "settings.json"))
        try:
            qt_app.processEvents()
            image = window.grab()
            if image.isNull():
                raise RuntimeError("the main window could not be drawn")
            size = f"{image.width()}x{image.height()}"
            return f"main window drawn ({size}, Qt platform {qt_app.platformName()})"
        finally:
            window.close()  # closes the project too
            window.deleteLater()
            qt_app.processEvents()

    def _project(self) -> Project:
        if self.project is None:
            raise Skipped("no project (the import step failed)")
        return self.project

    def close(self) -> None:
        if self.project is not None:
            self.project.close()

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("resources", self.check_resources), ("spaCy", self.check_spacy),
                ("highlighter", self.check_highlighter), ("import", self.check_import),
                ("annotate", self.check_annotate), ("export", self.check_export),
                ("GUI libraries", self.check_gui_libraries), ("window", self.check_window)]


def export_demo(export, project: Project, folder: Path) -> str:
    """Export the selftest project in every registered format (spaCy's
    DocBin included), each to its own subfolder."""
    written = []
    for export_format in export.formats.all_formats():
        target = folder / export_format.name
        target.mkdir(parents=True, exist_ok=True)
        summary = export.export_project(project, export.ExportOptions(format=export_format.name),
                                        target / export_format.example)
        if summary.claims < 1 or not all(path.exists() for path in summary.files):
            raise RuntimeError(f"the {export_format.name} export wrote no claim")
        written.append(f"{export_format.name} ({summary.claims} claim)")
    if not written:
        raise RuntimeError("no export format is registered")
    return ", ".join(written)


def first_and_last_line(error: Exception) -> str:
    # Some errors (numpy's ImportError) are a page long: its ends say enough.
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ... ".join(dict.fromkeys(lines[:1] + lines[-1:]))


def run_step(name: str, step: Callable[[], str]) -> str:
    """Run one step, print its line, return ok / skip / FAIL."""
    started = time.perf_counter()
    try:
        detail, status = step(), "ok"
    except Skipped as reason:
        detail, status = str(reason), "skip"
    except Exception as error:  # a self-check reports every failure, whatever it is
        detail, status = f"{type(error).__name__}: {first_and_last_line(error)}", "FAIL"
    seconds = time.perf_counter() - started
    click.echo(f"  {status:<5} {name}: {detail} ({seconds:.1f} s)")
    return status


def where_running() -> str:
    kind = "bundle" if getattr(sys, "frozen", False) else "Python package"
    return f"{kind}, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


@click.command()
def selftest():
    """Check that this installation works, without touching your data.

    Opens a temporary project, imports the bundled demo corpus, highlights
    it, accepts one claim, exports it, and builds the main window off screen
    (nothing appears). Prints each step with ok / skip / FAIL; exits 0 only
    if no step failed.

    \b
    Example:
      annotator selftest
    """
    click.echo(f"annotator {__version__} selftest ({where_running()})")
    with tempfile.TemporaryDirectory(prefix="annotator-selftest-") as folder:
        test = Selftest(Path(folder))
        try:
            results = [run_step(name, step) for name, step in test.steps()]
        finally:
            test.close()
    failed = results.count("FAIL")
    if failed:
        click.echo(f"selftest FAILED: {failed} of {len(results)} steps")
        raise SystemExit(1)
    click.echo(f"selftest passed ({results.count('skip')} skipped)")
