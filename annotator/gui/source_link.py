"""The claim's source entity on the claim panel, and its keys.

* The panel's "Source entity" row says which registry source the current
  claim's source is: a reviewer's (confirmed) link, or the linker's
  suggestion with its reason.
* **L** picks the entity (type-ahead over names and aliases; "Unlink"
  removes the link); the claim must be reviewed first (A).
* **Shift+L** makes a new source from the selected text (or the source
  span) and links the claim to it.
* **Grade once**: the row also shows your current grade of the source;
  **G** gives the claim that grade. A reliability key that differs from it
  asks whether to update the source's grade or to grade this claim alone.

Writes go through :mod:`annotator.core.sources.actions` (one transaction
each) and are published on the window's bus as ``Changes(sources=True)``.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QVBoxLayout,
)

from annotator.core.changes import Changes
from annotator.core.sources import actions
from annotator.gui import errors
from annotator.gui.workspace import WRITE_ERRORS

MATCHES = 20


def entity_text(entity: actions.ClaimEntity | None) -> str:
    if entity is None:
        return "—"
    if entity.source is None:
        return f"— (linker: {entity.reason})"
    kind = entity.source.source_type.value if entity.source.source_type else "no type"
    how = "confirmed" if entity.confirmed else f"suggested ({entity.reason})"
    return f"{entity.source.name} · {kind} · {how}"


class SourcePicker(QDialog):
    """Choose a source by typing part of its name or an alias."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Link the claim's source")
        self.project, self.unlink = project, False
        self.field = QLineEdit(self, placeholderText="Name or alias")
        self.field.setAccessibleName("Source name")
        self.matches = QStringListModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName("Matching sources")
        self.list.setModel(self.matches)
        note = QLabel("Enter links the first match (or the name typed exactly); Up/Down choose.", self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        unlink = buttons.addButton("&Unlink", QDialogButtonBox.ButtonRole.DestructiveRole)
        unlink.clicked.connect(self._unlink)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.field, self.list, note, buttons):
            layout.addWidget(widget)
        self._typing = QTimer(self, singleShot=True, interval=120)
        self._typing.timeout.connect(self._search)
        self.field.textChanged.connect(lambda _: self._typing.start())
        self.field.installEventFilter(self)

    def _search(self) -> None:
        text = self.field.text().strip()
        names = [s.name for s in actions.page(self.project, limit=MATCHES, search=text)] if text else []
        self.matches.setStringList(names)
        if names:
            self.list.setCurrentIndex(self.matches.index(0))

    def eventFilter(self, watched, event) -> bool:
        """Up/Down in the name field move through the matches."""
        if event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.matches.rowCount():
                self.list.setCurrentIndex(self.matches.index(row))
            return True
        return super().eventFilter(watched, event)

    def choice(self) -> str:
        """The match chosen, else the text as typed."""
        self._typing.stop()
        self._search()
        current = self.list.currentIndex()
        return self.matches.data(current) if current.isValid() else self.field.text().strip()

    def _unlink(self) -> None:
        self.unlink = True
        self.accept()


class SourceLinker:
    """The entity row of the claim panel and the L / Shift+L keys."""

    def __init__(self, window):
        self.window, self.workspace = window, window.workspace
        self.picker: SourcePicker | None = None
        self._grades: dict[str, str | None] = {}  # source id -> your grade, until a grade is written
        # shown a moment after the claim: the key that moved there is answered first
        self._show = QTimer(window, singleShot=True, interval=0)
        self._show.timeout.connect(self.show_entity)
        self.workspace.claimsShown.connect(self._show.start)
        window.bus.changed.connect(self._changed)

    def _changed(self, changes: Changes, initiator: object) -> None:
        if changes.annotations or changes.sources or changes.all_articles:
            self._grades.clear()
        if changes.sources:
            self._show.start()  # a rename or merge changes what the row says

    @property
    def project(self):
        return self.workspace.project

    def show_entity(self) -> None:
        if self.window.closing:  # the deferred show can come after the project closed
            return
        claim = self.workspace.session.current
        entity = actions.entity_of(self.project, claim) if claim is not None else None
        text, grade = entity_text(entity), self._source_grade(entity)
        if grade is not None:
            mine = claim.annotation.reliability if claim is not None and claim.annotation else None
            text += f"\nYour grade of this source: {grade}" + ("" if mine == grade else " (G gives it to this claim)")
        self.workspace.panel.show_entity(text)

    def _source_grade(self, entity) -> str | None:
        if entity is None or entity.source is None:
            return None
        source_id = entity.source.id
        if source_id not in self._grades:
            self._grades[source_id] = actions.source_grade(self.project, source_id, self.workspace.session.annotator)
        return self._grades[source_id]

    def take_source_grade(self) -> None:
        claim = self.workspace.session.current
        grade = self._source_grade(actions.entity_of(self.project, claim)) if claim is not None else None
        if grade is None:
            self.workspace.message.emit("This claim's source has no grade from you yet")
            return
        self.workspace.set_reliability(grade)

    def set_reliability(self, grade: str) -> None:
        """A reliability key: for a source you graded otherwise, ask whether
        the source's grade changes too or only this claim's."""
        claim = self.workspace.session.current
        entity = actions.entity_of(self.project, claim) if claim is not None else None
        current = self._source_grade(entity)
        # ask only once the source itself has your grade (a team list, or an
        # earlier "Source" answer); before that the source follows your claims
        own = actions.own_source_grade(self.project, entity.source.id, self.workspace.session.annotator) \
            if entity is not None and entity.source is not None else None
        if own is None or current is None or current == grade:
            self.workspace.set_reliability(grade)
            return
        scope = ask_scope(self.window, entity.source.name, current, grade)
        if scope is None:
            return
        assert entity is not None and entity.source is not None
        source_id, annotator = entity.source.id, self.workspace.session.annotator
        # "this claim only" pins the source's grade first: a later claim grade must not move it
        pinned = grade if scope == "source" else current
        if self.workspace.set_reliability(grade) is not False:
            self._write(lambda: actions.grade_source(self.project, source_id, annotator, pinned) or entity.source,
                        claim, "Grading the source")

    def _reviewed(self):
        claim = self.workspace.session.current
        if claim is None or claim.annotation is None or not claim.annotation.id:
            self.workspace.message.emit("Review the claim first (A accepts it), then link its source")
            return None
        return claim

    def link(self) -> None:
        claim = self._reviewed()
        if claim is None:
            return
        self.picker = SourcePicker(self.project, self.window)
        self.picker.accepted.connect(lambda: self._picked(claim))
        self.picker.open()

    def _picked(self, claim) -> None:
        picker = self.picker
        assert picker is not None
        name = None if picker.unlink else picker.choice()
        if name == "":
            return
        annotator = self.workspace.session.annotator
        self._write(lambda: actions.link_claim(self.project, claim.annotation.id, name, annotator),
                    claim, "Linking the source")

    def create_from_selection(self) -> None:
        claim = self._reviewed()
        if claim is None:
            return
        span = self.workspace.view.selected_span() or claim.source
        if span is None:
            self.workspace.message.emit("Select the source's name in the text first")
            return
        name = " ".join(self.workspace.session.article.text[span.start:span.end].split())

        annotator = self.workspace.session.annotator

        def create_and_link():  # a name the registry already has links to that source
            source = actions.source_named(self.project, name) or actions.create(
                self.project, name, claim.annotation.source_type, created_by=annotator)
            return actions.link_claim(self.project, claim.annotation.id, source.id, annotator)

        self._write(create_and_link, claim, "Creating the source")

    def _write(self, action, claim, what: str) -> None:
        try:
            source = action()
        except actions.SourceError as error:
            self.workspace.message.emit(str(error))
            return
        except WRITE_ERRORS as error:
            errors.show_error(self.window, what, error)
            return
        self.workspace.message.emit(f"Source: {source.name}" if source else "Source unlinked")
        self.window.bus.publish(Changes(sources=True, articles=frozenset({claim.annotation.article_id})))
        self.show_entity()


def ask_scope(parent, source: str, old: str, new: str) -> str | None:
    """'source', 'claim' or None (cancelled)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Grade the source or the claim?",
                      f"You graded {source} {old}. Give it {new} from now on, or grade only this claim {new}?",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    source_button = box.addButton(f"Source: {new}", QMessageBox.ButtonRole.AcceptRole)
    claim_button = box.addButton("This claim only", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(source_button)
    box.exec()
    clicked = box.clickedButton()
    return "source" if clicked is source_button else "claim" if clicked is claim_button else None


def install_source_linker(window) -> SourceLinker:
    window.source_linker = SourceLinker(window)
    return window.source_linker
