"""The Sources view (a dock, F7): every source of the registry with its
type, claims and articles; search by name or alias; the claims of the
chosen source across articles, and Enter jumps to one.

Both lists read one page at a time from the core (``sources.actions.page``
and ``claims_page``) as they are scrolled, so a registry of 100,000
sources opens as fast as one of ten. The view re-reads when a record of
changes says sources or articles changed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.review.claims import claim_key
from annotator.core.sources import actions
from annotator.gui.source_edits import merge_into, rename_source, split_alias

PAGE = 100


class PagedModel(QAbstractListModel):
    """Rows fetched a page at a time (Qt's canFetchMore/fetchMore).
    ``read_page(token)`` returns (rows, the next page's token or None)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._next: object = None

    def read_page(self, token) -> tuple[list, object]:  # pragma: no cover - overridden
        raise NotImplementedError

    def text(self, row) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self._next = self.read_page(None)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and index.isValid():
            return self.text(self.rows[index.row()])
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if self._next is None:
            return
        page, self._next = self.read_page(self._next)
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows += page
            self.endInsertRows()


class SourceListModel(PagedModel):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project, self.search = project, ""

    def read_page(self, token) -> tuple[list, object]:
        offset = token or 0
        rows = actions.page(self.project, offset=offset, limit=PAGE, search=self.search or None)
        return rows, (offset + PAGE if len(rows) == PAGE else None)

    def text(self, s) -> str:
        mark = "" if s.confirmed else "  (proposed)"
        return f"{s.name}  ·  {s.source_type or '-'}  ·  {s.claims} claims, {s.articles} articles{mark}"


class SourceClaimsModel(PagedModel):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project, self.source_id = project, None

    def read_page(self, token) -> tuple[list, object]:
        if self.source_id is None:
            return [], None
        page = actions.claims_page(self.project, self.source_id, after=token, limit=PAGE)
        return page.claims, page.after

    def text(self, c) -> str:
        who = c.annotator or "suggested"
        grade = f" {c.reliability}" if c.reliability else ""
        preview = " ".join(c.preview.split())
        return f"{c.title or c.article_id[:8]}  [{who}{grade}]  {preview}"


class SourcesPanel(QWidget):
    """Search, the sources, and the chosen source's claims."""

    claimChosen = Signal(str, str)  # article id, claim key

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.search = QLineEdit(self, placeholderText="Search sources by name or alias")
        self.search.setAccessibleName("Search sources")
        self.sources = QListView(self)
        self.sources.setAccessibleName("Sources")
        self.source_model = SourceListModel(project, self)
        self.sources.setModel(self.source_model)
        self.claims_label = QLabel("Choose a source to see its claims.", self)
        self.claims_label.setTextFormat(Qt.TextFormat.PlainText)
        self.claims = QListView(self)
        self.claims.setAccessibleName("Claims of the source")
        self.claim_model = SourceClaimsModel(project, self)
        self.claims.setModel(self.claim_model)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.sources, self.claims_label, self.claims):
            layout.addWidget(widget)
        self._typing = QTimer(self, singleShot=True, interval=200)  # search once typing pauses
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._typing.start())
        self.search.returnPressed.connect(self._search_now)
        self.sources.selectionModel().currentChanged.connect(self._source_chosen)
        self.claims.activated.connect(self._claim_activated)
        self.sources.installEventFilter(self)
        self.edit_keys: dict = {}  # key -> fn(source): rename, split, merge (fill_sources_dock)

    def eventFilter(self, watched, event) -> bool:
        """R renames, Del splits off an alias, M merges another source into this one
        (here, not the window's claim keys of the same letters)."""
        if watched is self.sources and event.type() == event.Type.ShortcutOverride \
                and event.key() in self.edit_keys and not event.modifiers():
            event.accept()  # the list takes the key: no window shortcut fires
            return True
        if watched is self.sources and event.type() == event.Type.KeyPress and event.key() in self.edit_keys \
                and not event.modifiers():
            current = self.sources.currentIndex()
            if current.isValid():
                source = actions.find_one(self.source_model.project, self.source_model.rows[current.row()].id)
                self.edit_keys[event.key()](source)
                return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Re-read the list, keeping the chosen source chosen when it is still there."""
        current = self.sources.currentIndex()
        chosen = self.source_model.rows[current.row()].id if current.isValid() else None
        self.source_model.search = self.search.text().strip()
        self.source_model.reload()
        row = next((i for i, s in enumerate(self.source_model.rows) if s.id == chosen), None)
        if row is not None:
            self.sources.setCurrentIndex(self.source_model.index(row))
        else:
            self._show_claims(None)

    def _search_now(self) -> None:
        self._typing.stop()
        self.reload()
        if self.source_model.rows:
            self.sources.setFocus()
            self.sources.setCurrentIndex(self.source_model.index(0))

    def _source_chosen(self, current: QModelIndex, _previous=None) -> None:
        self._show_claims(self.source_model.rows[current.row()] if current.isValid() else None)

    def _show_claims(self, source) -> None:
        self.claim_model.source_id = source.id if source is not None else None
        self.claim_model.reload()
        if source is None:
            self.claims_label.setText("Choose a source to see its claims.")
            return
        grades = actions.distribution_text(actions.grade_distribution(self.source_model.project, source.id))
        self.claims_label.setText(f"Claims of {source.name}:" + (f"\nGrades: {grades}" if grades else ""))

    def _claim_activated(self, index: QModelIndex) -> None:
        c = self.claim_model.rows[index.row()]
        self.claimChosen.emit(c.article_id, claim_key(c.suggestion_id, c.annotation_id))

    def changed(self, changes: Changes, initiator: object) -> None:
        if changes.sources or changes.all_articles or changes.article_list:
            self.reload()


def fill_sources_dock(window) -> SourcesPanel:
    """The Sources view in the window's dock, following the bus. Built the
    first time the dock shows (F7; gui/deferred.py), not at start."""
    panel = SourcesPanel(window.workspace.project, window)
    window.sources_dock.setWidget(panel)
    window.bus.changed.connect(panel.changed)
    panel.edit_keys = {Qt.Key.Key_R: lambda s: rename_source(window, s),
                       Qt.Key.Key_Delete: lambda s: split_alias(window, s),
                       Qt.Key.Key_M: lambda s: merge_into(window, s)}
    panel.claimChosen.connect(lambda article_id, key: _jump(window, article_id, key))
    panel.reload()
    return panel


def toggle_sources(window) -> None:
    dock = window.sources_dock
    built = dock.widget() is not None  # else showing it builds and reads it
    dock.setVisible(not dock.isVisible())
    if dock.isVisible():
        if built:
            window.sources_panel.reload()
        window.sources_panel.search.setFocus()


def _jump(window, article_id: str, key: str) -> None:
    window.workspace.open_article(article_id, key)
    window.workspace.focus_text()
