"""The main window: it assembles the article list, the review workspace, the
docks, the menus (from the action table in gui/shortcuts.py) and the status
bar, and nothing more.

For other engineers adding features: ``window.bus`` (its ``changed`` signal
carries every operation's Changes record to the views),
``window.run_operation(title, fn, may_change, ...)`` (a job returning an
Outcome; its changes are published when it ends), ``window.run_job``
(gui/workers.py), ``window.project_path``, ``window.annotator``.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
)

from annotator import __version__
from annotator.core.changes import Changes
from annotator.core.models import RELIABILITY_GRADES, SOURCE_TYPE_LABELS
from annotator.core.operations import HIGHLIGHTED, IMPORTED
from annotator.core.project import Project
from annotator.core.settings import Position, Settings
from annotator.gui import deferred, jobs
from annotator.gui.annotator_name import change_annotator
from annotator.gui.article_list import ArticleListModel, ArticleListPanel
from annotator.gui.bus import OperationBus
from annotator.gui.claims_list import ClaimList, ClaimsPane
from annotator.gui.deferred import GUIDELINES_MIN_WIDTH, BuiltOnFirstUse
from annotator.gui.outside_changes import OutsideChanges
from annotator.gui.shortcuts import ShortcutSheet, build_menus, create_actions
from annotator.gui.source_link import install_source_linker
from annotator.gui.theme import ViewSettings
from annotator.gui.unfinished import next_unfinished_article
from annotator.gui.workers import Job, run_job
from annotator.gui.workspace import ReviewWorkspace

SOURCE_TYPES = list(SOURCE_TYPE_LABELS)
GUIDELINES_WIDTH = 400  # at most
ARTICLE_LIST_MIN_WIDTH = 200
ARTICLE_LIST_WIDTH = 360  # what the list gets back when the window has room again
TEXT_COMFORT_WIDTH = 520  # the text keeps this before the list widens again


class MainWindow(QMainWindow):
    # Built on first use, not at start (gui/deferred.py): none is on the first screen.
    related = BuiltOnFirstUse(deferred.build_related)  # the related-claims panel and its keys
    guidelines = BuiltOnFirstUse(deferred.build_guidelines)
    team = BuiltOnFirstUse(deferred.build_team)  # the Team actions' handlers and windows
    learning = BuiltOnFirstUse(deferred.build_learning)  # learn, learned lexicon, most uncertain
    sources_panel = BuiltOnFirstUse(deferred.build_sources_panel)  # the Sources view (F7)

    def __init__(self, project: Project, annotator: str, settings: Settings):
        super().__init__()
        self.project = project
        self.project_path = Path(project.path)
        self.annotator = annotator
        self.settings = settings
        self._jobs: list[Job] = []
        self.closing = False
        self._position_timer = QTimer(self, singleShot=True, interval=1500)
        self._position_timer.timeout.connect(self._save_position)
        # The list follows the shown article a moment later (finding its row can cost a query).
        self._list_sync_timer = QTimer(self, singleShot=True, interval=30)
        self._list_sync_timer.timeout.connect(self._sync_list)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{self.project_path.name} — annotator")
        self.bus = OperationBus(self)
        self.workspace = ReviewWorkspace(project, annotator, self, bus=self.bus)
        self.setCentralWidget(self.workspace)
        self.article_model = ArticleListModel(project, annotator, self)
        self.article_list = ArticleListPanel(self.article_model, self)
        self.article_dock = self._dock("Articles", "articleDock", self.article_list,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.claim_list = ClaimList(self.workspace.session, self)
        self.claims_dock = self._dock("Claims", "claimsDock", ClaimsPane(self.claim_list, self),
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.article_dock, self.claims_dock, Qt.Orientation.Vertical)
        self.sources_dock = self._dock("Sources", "sourcesDock", None,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.sources_dock.hide()  # F7
        deferred.fill_when_shown(self.sources_dock, lambda: self.sources_panel)
        self._add_guidelines_dock()
        self.progress_label = QLabel(self)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setAccessibleName("Review progress")
        self.statusBar().addPermanentWidget(self.progress_label)
        install_source_linker(self)  # L, Shift+L, G on claims
        self.actions_by_name = create_actions(self)
        self.view_settings = ViewSettings(self)  # theme and text size
        self._connect_actions()
        self._build_menus()
        self.workspace.articleShown.connect(self._article_shown)
        self.bus.changed.connect(self._changed)
        self.workspace.claimsShown.connect(self.claim_list.follow)
        self.claim_list.claimChosen.connect(self.workspace.select_claim)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.article_list.articleActivated.connect(self._open_from_list)
        # A new filter resets the list: mark the shown article in it again.
        self.article_list.filterApplied.connect(self._list_sync_timer.start)
        self.article_list.setMinimumWidth(ARTICLE_LIST_MIN_WIDTH)
        self._docks_timer = QTimer(self, singleShot=True, interval=150)
        self._docks_timer.timeout.connect(self._restore_dock_widths)
        self.outside_changes = OutsideChanges(self.project, self.bus, self)  # other windows' writes
        self._restore_layout()
        self.resume()
        # After the first paint: learning by itself counts finished articles from
        # now on, and the claim panel gets its "Related in other articles: N"
        # (building it loads the word lexicons, which the first paint need not wait for).
        QTimer.singleShot(0, self, lambda: self.closing or self.learning)
        QTimer.singleShot(0, self, lambda: self.closing or self.related)

    def _add_guidelines_dock(self) -> None:
        self.guidelines_dock = self._dock("Guidelines", "guidelinesDock", None,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.guidelines_dock.hide()
        deferred.fill_when_shown(self.guidelines_dock, lambda: self.guidelines)
        self.guidelines_dock.visibilityChanged.connect(self._keep_list_width)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState needs names
        if widget is not None:  # else built when first shown (gui/deferred.py)
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- actions and menus ------------------------------------------------------------------

    def _handlers(self) -> dict[str, Any]:
        w = self.workspace
        handlers: dict[str, Any] = {
            "open_project": self.open_project_dialog, "new_project": self.new_project_dialog,
            "import_articles": self.import_dialog, "rehighlight": self.rehighlight,
            # the learning handlers are built after the first paint: look them up on use
            **{name: (lambda name=name: self.learning.handlers()[name]())
               for name in ("learn", "learned_lexicon", "most_uncertain", "learning_settings",
                            "uncertain_claims_first")},
            "quit": self.close, "undo": w.undo, "redo": w.redo,
            "find": self._focus_search, "focus_list": self.article_list.table.setFocus,
            "focus_text": w.focus_text, "next_article": lambda: self.step_article(+1),
            "previous_article": lambda: self.step_article(-1),
            "next_unreviewed": self.next_unreviewed,
            "toggle_article_list": lambda: self.article_dock.setVisible(
                not self.article_dock.isVisible()),
            "toggle_claim_list": lambda: self.claims_dock.setVisible(
                not self.claims_dock.isVisible()),
            "toggle_sources": self._toggle_sources,
            "link_source": self.source_linker.link,
            "new_source_from_selection": self.source_linker.create_from_selection,
            "take_source_grade": self.source_linker.take_source_grade,
            "show_shortcuts": self.show_shortcuts, "show_guidelines": self.toggle_guidelines,
            "about": self.about, "clear_grades": w.clear_grades, "claims_filter": self.claim_list.next_filter,
            "import_annotations": self.import_annotations_dialog,
            "export": self.export_dialog, "merge": lambda: self.team.ask_and_merge(),
            "adjudicate": lambda: self.team.open_adjudication(),
            "dashboard": lambda: self.team.open_dashboard(),
            "refresh_dashboard": lambda: self.team.refresh_dashboard(),
            "change_annotator": lambda: change_annotator(self),
            **self.view_settings.handlers(),
            "next_related": lambda: self.related.next_related(),
            "back_from_related": lambda: self.related.back(),
            "judge_pair": lambda: self.related.judge(), "show_story": lambda: self.related.show_story(),
            "apply_proposal": lambda: self.related.apply_proposal(),
        }
        for name in ("toggle_overview", "find_in_article", "find_next", "find_previous", "next_claim",
                     "previous_claim", "accept", "reject", "claim_from_selection",
                     "source_from_selection", "cue_from_selection", "new_claim", "unattributed",
                     "cycle_attribution", "hedged", "edit_note", "forget", "cycle_flag", "check_article"):
            handlers[name] = getattr(w, name)
        for grade in RELIABILITY_GRADES:
            handlers[f"reliability_{grade}"] = lambda g=grade: self.source_linker.set_reliability(g)
        for grade in range(1, 7):
            handlers[f"credibility_{grade}"] = lambda g=grade: w.set_credibility(g)
        for number, kind in enumerate([None, *SOURCE_TYPES]):
            handlers[f"source_type_{number}"] = lambda k=kind: w.set_source_type(k)
        return handlers

    def _connect_actions(self) -> None:
        for name, handler in self._handlers().items():
            self.actions_by_name[name].triggered.connect(lambda _=False, h=handler: h())
        stack = self.workspace.undo_stack
        stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        self.actions_by_name["undo"].setEnabled(False)
        self.actions_by_name["redo"].setEnabled(False)

    def _build_menus(self) -> None:
        """Menus from the action table; the guidelines dock brings its own toggle."""
        menus, separators = build_menus(self.menuBar(), self.actions_by_name)
        self.file_menu, self.edit_menu, self.go_menu = menus["&File"], menus["&Edit"], menus["&Go"]
        self.claim_menu, self.view_menu = menus["&Claim"], menus["&View"]
        self.team_menu, self.help_menu = menus["&Team"], menus["&Help"]
        self.file_quit_separator = separators["change_annotator"]
        self.edit_menu.setToolTipsVisible(True)  # the undo history's reach (UNDO_TIP)
        self.edit_menu.setToolTip(self.actions_by_name["undo"].toolTip())
        self.view_menu.addAction(self.guidelines_dock.toggleViewAction())
        self.import_annotations_action = self.actions_by_name["import_annotations"]
        self.export_action = self.actions_by_name["export"]

    def export_dialog(self) -> None:
        from annotator.gui.export_dialog import open_export_dialog  # loads the exporters

        open_export_dialog(self)

    def import_annotations_dialog(self) -> None:
        from annotator.gui.annotation_import_dialog import open_annotation_import_dialog

        open_annotation_import_dialog(self)

    def _toggle_sources(self) -> None:
        from annotator.gui.sources_dock import toggle_sources

        toggle_sources(self)

    # -- articles --------------------------------------------------------------------------------

    def resume(self) -> None:
        """Show where the reviewer left off, else the first article."""
        position = self.settings.position(self.project_path)
        if position is not None and self.project.has_article(position.article_id):
            self.workspace.open_article(position.article_id, position.claim_key)
            return
        first = self.article_model.summary(0)
        if first is not None:
            self.workspace.open_article(first.id)
        else:
            self._show_progress()
            self.statusBar().showMessage("No articles yet: File → Import articles… (Ctrl+I)")

    def _open_from_list(self, article_id: str) -> None:
        if article_id != self.workspace.article_id:
            self.workspace.open_article(article_id)
        self.workspace.focus_text()

    def step_article(self, delta: int) -> None:
        article = self.workspace.session.article
        if article is None:
            return
        target = self.article_list.neighbour(article.seq, delta)
        if target is None:
            self.statusBar().showMessage("Last article in the list" if delta > 0
                                         else "First article in the list", 5000)
            return
        self.workspace.open_article(target)

    def next_unreviewed(self) -> None:
        """Space: the next claim to review, in this article or, when it is
        finished, in the next unfinished article of the list as filtered."""
        if self.workspace.session.article is None or self.workspace.next_unreviewed():
            return
        target, wrapped = next_unfinished_article(self.article_model,
                                                  self.workspace.session.article.seq)
        if target is None:
            self.statusBar().showMessage(
                "No claim left to review in the articles of the list: all done", 5000)
            return
        self.workspace.open_article(target, at_unreviewed=True)
        if wrapped:
            self.statusBar().showMessage(
                "Back to the list's first unfinished article: the ones after it are done", 5000)

    def _article_shown(self, article_id: str) -> None:
        article = self.workspace.session.article
        self._show_progress()
        self._list_sync_timer.start()
        self.setWindowTitle(f"{article.title} — {self.project_path.name} — annotator")
        self._remember_position()

    def _sync_list(self) -> None:
        article = self.workspace.session.article
        if article is not None and not self.closing:
            self.article_list.select_article(article.seq)

    def _remember_position(self) -> None:
        """Soon, not at once: writing the settings file on every switch costs time."""
        self._position_timer.start()

    def _save_position(self) -> None:
        if self.workspace.article_id is None:
            return
        current = self.workspace.session.current
        self.settings.set_position(self.project_path, Position(
            self.workspace.article_id, current.key if current else None))
        try:
            self.settings.save()
        except OSError as error:  # the work itself is in the database; say so
            self.statusBar().showMessage(f"Could not save your position: {error}", 8000)

    def _show_progress(self) -> None:
        article = self.workspace.article_progress()
        project = self.workspace.project_progress
        self.progress_label.setText(
            f"Article: {article.reviewed}/{article.total} claims reviewed  ·  "
            f"Project: {project.reviewed:,}/{project.total:,}  ·  {self.annotator}")
        if self.workspace.article_id is not None:
            self.article_model.update_counts(self.workspace.article_id, article.total,
                                             article.reviewed)

    def _focus_search(self) -> None:
        self.article_dock.show()
        self.article_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.article_list.search.selectAll()

    # -- jobs ------------------------------------------------------------------------------------------

    def run_job(self, title: str, fn, *, db_path: Path | str | None = "project",
                **callbacks) -> Job:  # callbacks: also show_at_once
        """Run ``fn`` in a worker (see annotator.gui.workers.run_job). By default it
        gets its own connection to this window's project."""
        path = self.project_path if db_path == "project" else db_path
        job = run_job(self, title, fn, db_path=path, **callbacks)
        self._jobs.append(job)
        job.finished.connect(lambda: self._jobs.remove(job) if job in self._jobs else None)
        return job

    def run_operation(self, title: str, fn, may_change: Changes, *, on_success=None,
                      on_finished=None, **callbacks) -> Job:
        """Run a job returning an Outcome; when it ends, publish its changes (or,
        failed or cancelled, ``may_change``: it may have committed some batches)."""
        outcomes: list = []

        def succeeded(outcome) -> None:
            outcomes.append(outcome)
            if on_success is not None:
                on_success(outcome.result)

        def finished() -> None:
            if not self.closing:
                self.bus.publish(outcomes[0].changes if outcomes else may_change)
            if on_finished is not None:
                on_finished()

        return self.run_job(title, fn, on_success=succeeded, on_finished=finished, **callbacks)

    def _changed(self, changes: Changes, initiator: object) -> None:
        """The list and the status bar, from the one record of changes."""
        if self.closing:
            return
        if changes.article_list or changes.statuses or changes.all_articles:
            self.article_model.refresh()
            if self.workspace.article_id is None:
                self.resume()
            elif self.workspace.session.article is not None:
                self.article_list.select_article(self.workspace.session.article.seq)
        self._show_progress()

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", str(Path.home()), "Articles (*.txt *.jsonl *.csv)")
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> Job:
        return self.run_operation("Import", jobs.import_job(paths), IMPORTED,
                                  label="Importing articles…", on_success=self._imported)

    def _imported(self, summary) -> None:
        self.statusBar().showMessage(
            f"Imported {summary.imported} articles ({summary.duplicates} already there, "
            f"{summary.highlighted} highlighted)", 10000)

    def rehighlight(self) -> Job:
        return self.run_operation("Re-highlight", jobs.rehighlight_job(), HIGHLIGHTED,
                                  label="Finding claims in every article…",
                                  on_success=lambda n: self.statusBar().showMessage(
                                      f"Re-highlighted {n} articles", 10000))

    # -- projects ---------------------------------------------------------------------------------------

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", str(self.project_path.parent),
                                              "Annotator projects (*.sqlite *.db);;All files (*)")
        if path:
            self.switch_project(Path(path))

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", str(self.project_path.parent),
                                              "Annotator projects (*.sqlite)")
        if path:
            self.switch_project(Path(path), create=True)

    def switch_project(self, path: Path, create: bool = False) -> None:
        from annotator.gui import app

        if app.open_main_window(path, self.settings, create=create, parent=self) is not None:
            self.close()

    # -- help -----------------------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        ShortcutSheet(self).exec()

    def show_guidelines(self) -> None:
        self.guidelines_dock.show()
        self.guidelines_dock.raise_()

    def toggle_guidelines(self) -> None:
        """F2 shows the guidelines and F2 again hides them (as F6 and F4 do their docks)."""
        if self.guidelines_dock.isVisible():
            self.guidelines_dock.hide()
        else:
            self.show_guidelines()

    def _keep_list_width(self, guidelines_visible: bool) -> None:
        """Opening the guidelines took its room from the article list (326 →
        134 px at 1280) and closing them never gave it back: the text gives
        the room instead, and gets it back."""
        if self.closing or not self.article_dock.isVisible() or self.guidelines_dock.isFloating():
            return
        docks, widths = [self.article_dock], [self.article_dock.width()]
        if guidelines_visible:
            self.workspace.narrow_panel()  # the panel's spare room goes to the text
            docks.append(self.guidelines_dock)
            # 40 % of what the list and the panel leave, within limits: the text keeps the most.
            free = self.width() - self.article_dock.width() - self.workspace.panel_scroll.minimumWidth()
            widths.append(min(max(int(free * 0.4), GUIDELINES_MIN_WIDTH), GUIDELINES_WIDTH))
        QTimer.singleShot(0, lambda: self.closing or self.resizeDocks(
            docks, widths, Qt.Orientation.Horizontal))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._docks_timer.start()  # once the resizing pauses

    def _restore_dock_widths(self) -> None:
        """A small window squeezed the article list (its Status column hidden);
        enlarged again, the list gets its width back as long as the text keeps
        a comfortable width."""
        if self.closing or not self.article_dock.isVisible() or self.article_dock.isFloating():
            return
        room = self.workspace.view.width() - TEXT_COMFORT_WIDTH
        missing = ARTICLE_LIST_WIDTH - self.article_dock.width()
        if missing > 0 and room > 0:
            self.resizeDocks([self.article_dock], [self.article_dock.width() + min(missing, room)],
                             Qt.Orientation.Horizontal)

    def about(self) -> None:
        QMessageBox.about(self, "About annotator",
                          f"annotator {__version__}\nClaim attribution and source-reliability "
                          f"tagging of news articles.\n\nProject: {self.project_path}\n"
                          f"Annotator: {self.annotator}")

    # -- layout and closing ---------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        saved = self.settings.window
        for key, restore in (("geometry", self.restoreGeometry), ("state", self.restoreState),
                             ("splitter", self.workspace.splitter.restoreState)):
            if key in saved:
                restore(QByteArray(base64.b64decode(saved[key])))
        if "geometry" not in saved:
            self.resize(1280, 800)
        if "state" not in saved:  # first start: room for the titles, once laid out
            QTimer.singleShot(0, lambda: self.resizeDocks(
                [self.article_dock], [max(self.width() // 4, 360)], Qt.Orientation.Horizontal))
            self.workspace.narrow_panel()

    def _save_layout(self) -> None:
        def encode(data: QByteArray) -> str:
            return base64.b64encode(bytes(data)).decode("ascii")

        self.settings.window = {"geometry": encode(self.saveGeometry()),
                                "state": encode(self.saveState()),
                                "splitter": encode(self.workspace.splitter.saveState())}

    def closeEvent(self, event) -> None:
        if self.closing:
            return super().closeEvent(event)
        self.closing = True
        for job in list(self._jobs):  # cancelled jobs stop at their next check
            job.cancel()
        for job in list(self._jobs):
            job.wait()
        self.article_list.stop_jobs()
        self._save_layout()
        self.settings.remember_project(self.project_path)
        self._position_timer.stop()
        if "related" in self.__dict__:  # built: no lookup may follow
            self.related.stop()
        self._save_position()
        self.project.close()
        super().closeEvent(event)

