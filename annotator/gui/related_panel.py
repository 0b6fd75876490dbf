"""Related claims in other articles (issue 15): the panel under the claim,
the keys that jump to a related claim and back, judge a pair, and the story
view. A view over the core (:mod:`annotator.core.corroboration`): the
panel shows what ``project_claims.related_claims`` finds; a judgement is
one core operation, pushed on the workspace's undo stack and published on
the window's bus like every edit. All text is plain text.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.corroboration.credibility import Proposal
from annotator.core.corroboration.judgements import JudgementChange
from annotator.core.corroboration.project_claims import (
    IndexBuildCancelled,
    IndexedClaim,
    RelatedClaim,
    build_index,
    claim_index,
    grades_of,
    indexed,
    needs_build,
    next_judgement,
    pair_labels,
    proposal_for,
    related_claims,
    story,
)
from annotator.core.operations import write_judgement
from annotator.gui import errors
from annotator.gui.workers import Job

PREVIEW = 160


def describe(row: RelatedClaim, label: str | None = None, grade: str | None = None) -> str:
    """One related claim as plain text: where, who, its grade, what, and differing values."""
    c = row.claim
    when = c.article.published or "no date"
    title = c.article.title or c.article.id[:8]
    where = f"{c.article.outlet}: {title}" if c.article.outlet else title
    where = where if len(where) <= 70 else where[:69] + "…"
    text = c.text if len(c.text) <= PREVIEW else c.text[:PREVIEW] + "…"
    head = f"{when} · {where} · {c.source or 'unattributed'}"
    head += (f" · graded {grade}" if grade else "") + (f" · {label}" if label else "")
    lines = [head, text]
    lines += [f"≠ {d.thing}: {d.other_value} (here: {d.value})" for d in row.differences]
    return "\n".join(lines)


class RelatedPanel(QGroupBox):
    """ "Related in other articles: N" on the claim panel and the list of
    them; while the index is built, its progress and a Cancel button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Related in other articles: 0", parent)
        self.setObjectName("relatedPanel")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Related claims in other articles")
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys stay with the text
        self.list.setMinimumHeight(120)
        self.list.setAlternatingRowColors(True)  # several lines per claim: where one ends
        self.list.setSpacing(1)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Building the related-claims index")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel building the related-claims index")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        building = QHBoxLayout()
        building.addWidget(self.progress, 1)
        building.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(building)
        layout.addWidget(self.hint)
        self.show_building(None)

    def show_rows(self, rows: list[RelatedClaim], labels: dict[str, str], grades: dict[str, str],
                  hint: str = "") -> None:
        self.setTitle(f"Related in other articles: {len(rows)}")
        self.list.clear()
        for row in rows:
            key = row.claim.key
            item = QListWidgetItem(describe(row, labels.get(key), grades.get(key)))  # plain text
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(rows))  # none: the count and a line that says so
        self.hint.setText(hint or ("W jumps to them, Shift+W back, V judges, T the story" if rows
                                   else "No claim in another article matches this one."))

    def show_building(self, progress: tuple[int, int] | None) -> None:
        """The index build's (done, total), or None when no build runs."""
        building = progress is not None
        self.progress.setVisible(building)
        self.cancel_button.setVisible(building)
        if progress is not None:
            self.setTitle("Related in other articles: building the index…")
            self.progress.setMaximum(max(progress[1], 1))
            self.progress.setValue(min(progress[0], max(progress[1], 1)))

    def chosen(self) -> int:
        return max(self.list.currentRow(), 0)


class JudgementCommand(QUndoCommand):
    """Undo/redo of a pair judgement; applied before it is pushed."""

    def __init__(self, change: JudgementChange, controller: RelatedClaims):
        super().__init__(change.text)
        self.change, self.controller, self.skip_once = change, controller, True

    def redo(self) -> None:
        self._run(True)

    def undo(self) -> None:
        self._run(False)

    def _run(self, forward: bool) -> None:
        if self.skip_once:
            self.skip_once = False
            return
        self.controller.write(self.change, forward)


class RelatedClaims(QObject):
    """Keeps the panel on the selected claim and carries out the keys."""

    def __init__(self, workspace, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.panel = RelatedPanel()
        self.rows: list[RelatedClaim] = []
        self.claim: IndexedClaim | None = None
        # while jumping through related claims: the claim they relate to
        self.origin: tuple[IndexedClaim, list[RelatedClaim], int] | None = None
        self._jumping = False
        self._jumped_to: tuple[str | None, str | None] = (None, None)
        self.story_view: StoryView | None = None
        self.proposal: Proposal | None = None
        self._stopped = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._refresh_now)
        self._build: Job | None = None  # the index being built in a worker, if any
        self._index = None  # kept across lookups (claim_index); renewed when many claims change
        workspace.claimsShown.connect(self.refresh)
        workspace.bus.changed.connect(self._changed)
        workspace.panel.set_related_view(self.panel)  # on the claim panel, under the claim
        QTimer.singleShot(0, self.build_if_missing)

    @property
    def project(self):
        return self.workspace.project

    def _current(self) -> IndexedClaim | None:
        """The selected claim, from what the session holds (no read)."""
        session = self.workspace.session
        claim = session.current
        if claim is None or session.article is None:
            return None
        shown = claim.suggestion if claim.suggestion is not None else claim.annotation
        return None if shown is None else indexed(session.article, claim.key, shown)

    def _labels(self, claim: IndexedClaim, rows: list[RelatedClaim]) -> dict[str, str]:
        return pair_labels(self.project, self.workspace.session.annotator, claim, (r.claim for r in rows))

    @property
    def pending(self) -> bool:
        """A refresh is scheduled (the panel follows the claim a moment later)."""
        return self._timer.isActive()

    def stop(self) -> None:
        """The window closes (and with it the project): no lookup may follow."""
        self._stopped = True
        self._timer.stop()
        if self._build is not None:
            self._build.cancel()  # stops at its next article; the index stays marked as building
            self._build.wait()

    # -- the index, built in a worker when the project lacks it ---------------------------------

    def build_if_missing(self) -> None:
        """An old project or a copied-in database lacks the index: build it in a
        worker (progress and Cancel on the panel) instead of showing nothing."""
        if self._stopped or self._build is not None or not needs_build(self.project):
            return
        job = Job(_build_index_job, self.project.path, self)
        job.progressed.connect(lambda done, total: self.panel.show_building((done, total)))
        job.finished.connect(self._build_finished)
        self.panel.cancel_button.clicked.connect(job.cancel)
        self._build = job
        self.panel.show_building((0, 1))
        job.start()

    @property
    def building(self) -> bool:
        return self._build is not None

    def _build_finished(self) -> None:
        job, self._build = self._build, None
        self._index = None
        if job is None or self._stopped:
            return
        self.panel.cancel_button.clicked.disconnect(job.cancel)
        self.panel.show_building(None)
        if job.cancel_requested or isinstance(job.error, IndexBuildCancelled):
            self.workspace.message.emit("Related claims: the index was not built "
                                        "(it is built when the project is opened again)")
        elif job.error is not None:
            errors.show_error(self.panel, "Building the related-claims index", job.error)
        self.refresh()

    def refresh(self) -> None:
        """The selected claim changed: decided now whether the jumping goes on;
        the lookup runs from the event loop, so it never delays the claim."""
        if self._stopped:
            return
        if not self._jumping and self._where() != self._jumped_to:
            self.origin = None  # the reviewer moved on: editing the claim jumped to keeps it
        self._timer.start()

    def _where(self) -> tuple[str | None, str | None]:
        session = self.workspace.session
        return (session.article.id if session.article else None,
                session.current.key if session.current is not None else None)

    def _up_to_date(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._refresh_now()

    def _refresh_now(self) -> None:
        if self._build is not None:
            self.rows, self.claim, self.proposal = [], None, None  # the panel shows the build
            return
        self.claim = self._current()
        if self.claim is not None and self._index is None:
            self._index = claim_index(self.project)
        self.rows = related_claims(self.project, self.claim, self._index) if self.claim is not None else []
        hint = ""
        if self.origin is not None:
            claim, rows, index = self.origin
            hint = (f"Related claim {index + 1} of {len(rows)}: W next, Shift+W back, "
                    "V judges this pair")
        labels = self._labels(self.claim, self.rows) if self.claim is not None else {}
        grades = grades_of(self.project, self.workspace.session.annotator, (r.claim for r in self.rows))
        self.panel.show_rows(self.rows, labels, grades, hint)
        self.proposal = proposal_for(self.claim, self.rows, labels) if self.claim is not None else None
        self.workspace.panel.show_proposal(*(self.proposal.grade, self.proposal.reason)
                                           if self.proposal else (None,))

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is not self.workspace or changes.all_articles or changes.article_list:
            self._index = None  # a job or another window: the claim count and rarities are read again
        if changes.relations and initiator is not self.workspace:
            self.refresh()

    # -- keys ----------------------------------------------------------------------------------

    def next_related(self) -> None:
        """Jump to the next related claim of the claim where the jumping began."""
        self._up_to_date()
        if self.origin is None:
            if self.claim is None or not self.rows:
                self.workspace.message.emit("No related claims in other articles")
                return
            self.origin = (self.claim, self.rows, -1)
        claim, rows, index = self.origin
        index = (index + 1) % len(rows)
        self.origin = (claim, rows, index)
        self._open(rows[index].claim)

    def back(self) -> None:
        if self.origin is None:
            self.workspace.message.emit("Not on a related claim")
            return
        claim = self.origin[0]
        self.origin = None
        self._open(claim, keep_origin=False)

    def _open(self, claim: IndexedClaim, keep_origin: bool = True) -> None:
        self._jumping = keep_origin
        self._jumped_to = (claim.article.id, claim.key) if keep_origin else (None, None)
        try:
            self.workspace.open_article(claim.article.id, claim.key)
        finally:
            self._jumping = False
        self.workspace.focus_text()

    def judge(self) -> None:
        """Next label for the pair: the claim jumped from and this one, or this
        claim and the related claim chosen in the list."""
        self._up_to_date()
        if self.origin is not None and self.claim is not None:
            a, b = self.origin[0], self.claim
        elif self.claim is not None and self.rows:
            a, b = self.claim, self.rows[self.panel.chosen()].claim
        else:
            self.workspace.message.emit("No related claim to judge")
            return
        change = next_judgement(self.project, self.workspace.session.annotator, a, b)
        if self.write(change, True):
            self.workspace.undo_stack.push(JudgementCommand(change, self))
            label = change.after.label if change.after else "not judged"
            self.workspace.message.emit(f"Pair judged: {label}")

    def write(self, change: JudgementChange, forward: bool) -> bool:
        try:
            outcome = write_judgement(self.project, change, forward=forward)
        except (sqlite3.Error, OSError) as error:
            errors.show_error(self.panel, "Judging the pair", error)
            return False
        self._jumping = True  # the views refresh from the record: keep where the jumping began
        try:
            self.workspace.bus.publish(outcome.changes, initiator=self)
        finally:
            self._jumping = False
        self.refresh_keeping_origin()
        return True

    def refresh_keeping_origin(self) -> None:
        self._timer.stop()
        self._refresh_now()

    def apply_proposal(self) -> None:
        """Set the proposed credibility on the claim (only ever by this key)."""
        self._up_to_date()
        if self.proposal is None:
            self.workspace.message.emit("No credibility proposal for this claim")
            return
        self.workspace.set_credibility(self.proposal.grade)

    def show_story(self) -> None:
        self._up_to_date()
        if self.claim is None:
            self.workspace.message.emit("No claim selected")
            return
        rows = story(self.project, self.claim)
        grades = grades_of(self.project, self.workspace.session.annotator, (r.claim for r in rows))
        self.story_view = StoryView(rows, self.claim, grades, self.panel.window())
        self.story_view.show()


def _build_index_job(project, on_progress, should_cancel) -> int:
    """The worker's part: the whole index, cancellable between articles."""
    return build_index(project, on_progress, should_cancel=should_cancel)


class StoryView(QDialog):
    """Every claim about one subject across articles, by published date."""

    def __init__(self, rows: list[RelatedClaim], claim: IndexedClaim, grades: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Story of this claim across articles")
        self.setObjectName("storyView")
        self.text = QPlainTextEdit(self)  # plain text: article text is never markup
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Story: claims by published date")
        self.text.setPlainText("\n\n".join(
            ("▶ " if r.claim.key == claim.key else "") + describe(r, grade=grades.get(r.claim.key))
            for r in rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
