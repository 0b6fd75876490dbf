"""The review workspace: article text, legend and claim panel, a view over the
core review session (:mod:`annotator.core.review`).

Flow of every action: one call into the session, which writes (one
transaction) and returns the change with its :class:`Changes` record; the
workspace pushes the change on the undo stack and publishes the record on the
window's bus, from which every view (this one included) refreshes. On a
failed write an error dialog shows and nothing is pushed or published. The
UI thus only ever shows what is on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.commands import AnnotationChange
from annotator.core.conflicts import StaleEditError
from annotator.core.models import Attribution, SourceType
from annotator.core.project import Project
from annotator.core.review import Progress, ReviewSession, Step
from annotator.gui import errors
from annotator.gui.article_view import ArticleView, Legend
from annotator.gui.bus import OperationBus
from annotator.gui.claim_panel import ClaimPanel
from annotator.gui.find_bar import FindBar
from annotator.gui.offsets import OffsetMap
from annotator.gui.undo import AnnotationCommand

# What a failed write can raise; anything else is a bug and propagates.
WRITE_ERRORS = (sqlite3.Error, OSError)
NOTHING_TO_WRITE = True  # what _do returns when the claim already was as asked


class ReviewWorkspace(QWidget):
    articleShown = Signal(str)  # article id
    message = Signal(str)  # a hint for the status bar
    claimsShown = Signal()  # the claims or the selected claim changed on screen

    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None, *,
                 bus: OperationBus | None = None):
        super().__init__(parent)
        self.session = ReviewSession(project, annotator)
        self.bus = bus or OperationBus(self)
        self.bus.changed.connect(self._changed)
        self.undo_stack = QUndoStack(self)
        self.advance_after_decision = True
        self._scroll = True  # whether the next refresh scrolls to the claim (not while typing)
        self.view = ArticleView(self)
        self.legend = Legend(self)
        self.find_bar = FindBar(self.view, self)
        self.panel = ClaimPanel(self)
        self._assemble()
        self._connect_panel()
        self.view.claimClicked.connect(self._select_at)

    def _assemble(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        column.addWidget(self.legend)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The panel is as wide as its widest control needs, and no wider: the
        # text gets every other pixel (it kept ~270 px while the panel had room).
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + 16)
        # About 35 characters: narrower, words break mid-word (50 px at the minimum size).
        self.view.setMinimumWidth(self.view.fontMetrics().averageCharWidth() * 35)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("workspaceSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.panel_scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def narrow_panel(self) -> None:
        """The claim panel at the width its controls need; the text gets the rest."""
        total = sum(self.splitter.sizes()) or 1200
        panel = self.panel_scroll.minimumWidth()
        self.splitter.setSizes([max(total - panel, 1), panel])

    def _connect_panel(self) -> None:
        p = self.panel
        p.acceptRequested.connect(self.accept)
        p.rejectRequested.connect(self.reject)
        p.forgetRequested.connect(self.forget)
        p.unattributedToggled.connect(self.unattributed)
        p.hedgedToggled.connect(self.hedged)
        p.noteEdited.connect(self.set_note)
        # After a choice with the mouse, the keys go back to the text.
        for signal, handler in (
                (p.sourceTypeChosen, lambda v: self.set_source_type(SourceType(v) if v else None)),
                (p.reliabilityChosen, self.set_reliability),
                (p.credibilityChosen, self.set_credibility),
                (p.attributionChosen, lambda v: self.set_attribution(Attribution(v) if v else None))):
            signal.connect(lambda value, h=handler: (h(value), self.focus_text()))

    # -- what is shown ----------------------------------------------------------------------

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def article_id(self) -> str | None:
        return self.session.article.id if self.session.article else None

    def open_article(self, article_id: str, claim_key: str | None = None, *,
                     at_unreviewed: bool = False) -> None:
        """Show an article at claim ``claim_key`` (or the first claim, or with
        ``at_unreviewed`` the first claim not yet reviewed)."""
        self.session.open_article(article_id, claim_key)
        if at_unreviewed:
            self.session.index = None
            if not self.session.next_unreviewed() and self.session.claims:
                self.session.index = 0
        self._show_article()

    def _show_article(self) -> None:
        article = self.session.article
        self.view.show_article(article.text, OffsetMap(article.text))
        self._refresh()
        self.articleShown.emit(article.id)

    def _changed(self, changes: Changes, initiator: object) -> None:
        """The one way this view learns of a change: its own steps are already in
        the session; another operation's (a job, undo elsewhere) are re-read."""
        if initiator is self:
            self._refresh(scroll=self._scroll)
        elif self.session.reload_after(changes) and self.session.article is not None:
            self._refresh(scroll=False)

    def _refresh(self, scroll: bool = True) -> None:
        session = self.session
        self.view.show_claims(session.claims, session.index, scroll=scroll)
        number = (session.index or 0) + 1
        text = session.article.text if session.article else ""
        self.panel.show_claim(session.current, number, len(session.claims), text)
        self.claimsShown.emit()

    def article_progress(self) -> Progress:
        return self.session.article_progress()

    @property
    def project_progress(self) -> Progress:
        return self.session.project_progress

    # -- navigation ------------------------------------------------------------------------------

    def next_claim(self) -> None:
        self._step(+1)

    def previous_claim(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.session.article is None:
            self.message.emit("No article is open: import articles (Ctrl+I) or open a project "
                              "(Ctrl+O)")
        elif not self.session.claims:
            self.message.emit("This article has no claims: Ins adds one from a selection, "
                              "N goes to the next article")
        elif self.session.step(delta):
            self._refresh()
        else:
            self.message.emit("Last claim of this article: N for the next article" if delta > 0
                              else "First claim of this article")

    def next_unreviewed(self) -> bool:
        """Select the next claim not yet reviewed in this article; False if none is left."""
        if not self.session.next_unreviewed():
            return False
        self._refresh()
        return True

    def _select_at(self, index: int) -> None:
        number = self.session.claim_at(index)
        if number is not None:
            self.session.index = number
            self._refresh(scroll=False)

    def select_claim(self, number: int) -> None:
        """Select claim ``number`` (0-based, e.g. from the claims list), keys to the text."""
        if 0 <= number < len(self.session.claims):
            self.session.index = number
            self._refresh()
        self.focus_text()

    def focus_text(self) -> None:
        if self.find_bar.field.hasFocus():  # Esc in the find bar: done finding
            self.find_bar.hide()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_overview(self) -> None:
        self.view.set_overview(not self.view.overview)
        self.message.emit("Overview on: each claim's line runs to its source (O hides it)"
                          if self.view.overview else "Overview off")

    def find_in_article(self) -> None:
        if self.session.article is not None:
            self.find_bar.open()

    def find_next(self) -> None:
        if self.session.article is not None:
            self.find_bar.find_next()

    def find_previous(self) -> None:
        if self.session.article is not None:
            self.find_bar.find_previous()

    def edit_note(self) -> None:
        if self.session.current is not None:
            self.panel.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.panel.note.selectAll()

    # -- reviewer actions ----------------------------------------------------------------------------

    def accept(self) -> None:
        self._decide(self.session.accept)

    def reject(self) -> None:
        self._decide(self.session.reject)

    def _decide(self, action: Callable[[], Step | None]) -> None:
        """A decision moves on even when there is nothing to write: a grade
        already accepted the claim, and A is how the reviewer says "next"."""
        if self._do(action, advance=True) is NOTHING_TO_WRITE \
                and self.session.current is not None and self.advance_after_decision:
            self._step(+1)

    def forget(self) -> None:
        self._do(self.session.forget)

    def unattributed(self) -> None:
        self._do(self.session.toggle_unattributed)

    def hedged(self) -> None:
        self._do(self.session.toggle_hedged)

    def cycle_attribution(self) -> None:
        self._do(self.session.cycle_attribution)

    def set_attribution(self, attribution: Attribution | None) -> None:
        self._do(lambda: self.session.set_attribution(attribution))

    def set_reliability(self, grade: str | None) -> Step | bool:
        return self._do(lambda: self.session.set_reliability(grade))

    def set_credibility(self, grade: int | None) -> None:
        self._do(lambda: self.session.set_credibility(grade))

    def clear_grades(self) -> None:
        claim = self.session.current
        if claim is not None and claim.annotation is not None:
            self._do(lambda: self.session.edit("Clear grades", reliability=None, credibility=None))

    def set_source_type(self, source_type: SourceType | None) -> None:
        self._do(lambda: self.session.set_source_type(source_type))

    def set_note(self, note: str) -> None:
        self._do(lambda: self.session.set_note(note), typing_note=True)

    def claim_from_selection(self) -> None:
        self._with_selection("the claim", self.session.set_claim_span)

    def source_from_selection(self) -> None:
        self._with_selection("the source", self.session.set_source)

    def cue_from_selection(self) -> None:
        self._with_selection("the cue", self.session.set_cue)

    def new_claim(self) -> None:
        self._with_selection("a new claim", self.session.add_claim, needs_claim=False)

    def _with_selection(self, what: str, action, *, needs_claim: bool = True) -> None:
        span = self.view.selected_span()
        if span is None:
            self.message.emit(f"Select {what} in the text first (mouse, or Shift+arrows)")
            return
        if needs_claim and self.session.current is None:
            self.message.emit(f"No claim is selected to set {what} of: choose one (J/K, click) "
                              "or make the selection a new claim (Ins)"
                              if self.session.claims else
                              f"This article has no claim to set {what} of: "
                              "Ins makes the selection a new claim")
            return
        self._do(lambda: action(span))

    # -- one call into the core, one record back -------------------------------------------------------

    def _do(self, action: Callable[[], Step | None], *, advance: bool = False,
            typing_note: bool = False) -> Step | bool:
        """Run a session action (it writes, one transaction), push its change on
        the undo stack and publish what changed. False: the write failed (said
        so); NOTHING_TO_WRITE: the claim already was so."""
        try:
            step = action()
        except StaleEditError as error:
            self._reload_stale(error)
            return False
        except WRITE_ERRORS as error:
            errors.show_error(self, "Saving the claim", error)
            return False
        except ValueError as error:
            self.message.emit(f"Not saved: {error}")
            return False
        if step is None:
            return NOTHING_TO_WRITE
        self.undo_stack.push(AnnotationCommand(step.result, self, typing_note=typing_note))
        if advance and self.advance_after_decision:
            self.session.step(+1)
        self._publish(step.changes, scroll=not typing_note)
        return step

    def _reload_stale(self, error: StaleEditError) -> None:
        """Another window or program changed the claim: show what is stored now
        (through the path every outside change takes) and say so."""
        changes = Changes(articles=frozenset({error.article_id} if error.article_id else ()),
                          annotations=frozenset({error.annotation_id}), statuses=True)
        self.bus.publish(changes, initiator=None)
        self.message.emit(f"Not saved: {error}")

    def _publish(self, changes: Changes, scroll: bool = True) -> None:
        self._scroll = scroll
        try:
            self.bus.publish(changes, initiator=self)
        finally:
            self._scroll = True

    def replay(self, change: AnnotationChange, forward: bool) -> bool:
        """Undo (forward=False) or redo a change, showing its article."""
        shown = self.article_id
        try:
            changes = self.session.replay(change, forward)
        except StaleEditError as error:
            self._reload_stale(error)
            return False
        except WRITE_ERRORS as error:
            errors.show_error(self, "Undo" if not forward else "Redo", error)
            return False
        if self.article_id != shown:
            self._show_article()
        self._publish(changes)
        return True

    def undo(self) -> None:
        self._undo_redo(self.undo_stack.undo, self.undo_stack.redo, self.undo_stack.index() - 1)

    def redo(self) -> None:
        self._undo_redo(self.undo_stack.redo, self.undo_stack.undo, self.undo_stack.index())

    def _undo_redo(self, step, step_back, command_index: int) -> None:
        if not 0 <= command_index < self.undo_stack.count():
            self.message.emit("Nothing to undo" if step == self.undo_stack.undo
                              else "Nothing to redo")
            return
        command = self.undo_stack.command(command_index)
        step()
        if isinstance(command, AnnotationCommand) and command.failed:
            command.skip_once = True  # the write failed: put the stack back as it was
            step_back()
            command.failed = False
