"""The article list: a paged table over ``Project.article_summaries``.

The model knows how many rows the current filter has and loads pages of
:data:`PAGE_SIZE` summaries when the view asks for them (a small LRU cache),
so 100,000 articles cost a count and a page, never a full load. This is the
fetchMore idea with random access: the scrollbar shows the real length and
resuming at article 60,000 does not read the 59,999 before it.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import ArticleSummary
from annotator.core.project import STATUSES, Project
from annotator.core.team.settling import curation_of, is_team_project
from annotator.gui.plain_text import plain_tooltip

PAGE_SIZE = 200
CACHED_PAGES = 32
# Title and status first: they stay visible when the dock is narrow.
COLUMNS = ("Title", "Status", "Date", "Outlet", "Curation")  # status shows "done · 3/3"
# hidden until a loaded article has a date / outlet (.txt have none) / a curation
# status (open, partly settled, settled: team projects only)
OPTIONAL_COLUMNS = (2, 3, 4)
CURATION = 4


class ArticleListModel(QAbstractTableModel):
    columnsFilled = Signal()  # an optional column got its first value

    def __init__(self, project: Project, annotator: str, parent=None):
        super().__init__(parent)
        self.project, self.annotator = project, annotator
        self.filled: set[int] = set()  # optional columns some loaded article has a value in
        self.status: str | None = None
        self.search: str | None = None
        self._total = 0
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._curation: dict[str, str] = {}  # of the loaded pages' articles (team projects)
        self.refresh()

    # -- querying ------------------------------------------------------------------

    def set_filter(self, status: str | None, search: str | None,
                   counted: tuple[int, list[ArticleSummary]] | None = None) -> None:
        """Show only matching articles. ``counted`` = (total, first page) when a
        worker already ran the (slow, full-scan) count; else it runs here."""
        self.status, self.search = status, (search or None)
        self.refresh(counted)

    def refresh(self, counted: tuple[int, list[ArticleSummary]] | None = None) -> None:
        """Re-count and drop cached pages (after a filter change, import or job)."""
        self.beginResetModel()
        self._pages.clear()
        self._curation.clear()
        self.team = is_team_project(self.project)
        if counted is None:
            self._total = self.project.count_summaries(
                annotator=self.annotator, status=self.status, search=self.search)
        else:
            self._total, first_page = counted
            self._pages[0] = first_page
            self._note_filled(first_page)
        self.endResetModel()

    def count_in(self, project: Project, status: str | None, search: str | None):
        """The count and first page for a filter, on any connection (a worker's)."""
        total = project.count_summaries(annotator=self.annotator, status=status, search=search)
        first = project.article_summaries(annotator=self.annotator, status=status,
                                          search=search, limit=PAGE_SIZE)
        return total, first

    def summary(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self.project.article_summaries(
                annotator=self.annotator, offset=number * PAGE_SIZE, limit=PAGE_SIZE,
                status=self.status, search=self.search)
            self._pages[number] = page
            self._note_filled(page)
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _note_filled(self, page: list[ArticleSummary]) -> None:
        """Dates and outlets only exist for some imports: show their columns
        once any article seen has one (a column stays once shown)."""
        if self.team:  # a read per article of the page, and only in team projects
            self._curation.update(curation_of(self.project, [s.id for s in page]))
        found = {2 for s in page if s.published} | {3 for s in page if s.outlet}
        found |= {CURATION for s in page if s.id in self._curation}
        if found - self.filled:
            self.filled |= found
            self.columnsFilled.emit()

    def lower_bound(self, seq: int) -> int:
        """The first row whose article has import number >= ``seq`` (binary
        search: rows are in import order whatever the filter)."""
        low, high = 0, self._total
        guess = min(max(seq - 1, 0), max(high - 1, 0))  # exact at once when unfiltered
        while low < high:
            found = self.summary(guess)
            if found is not None and found.seq == seq:
                return guess  # seq numbers are unique
            if found is None or found.seq > seq:
                high = guess
            else:
                low = guess + 1
            guess = (low + high) // 2
        return low

    def row_of(self, seq: int) -> int | None:
        """The row showing article ``seq``, or None if the filter hides it."""
        row = self.lower_bound(seq)
        found = self.summary(row)
        return row if found is not None and found.seq == seq else None

    def forget_curation(self) -> None:
        """Claim groups were settled or changed: read the shown pages' curation again."""
        self._curation.clear()
        self.team = is_team_project(self.project)
        for page in self._pages.values():
            self._note_filled(page)
        if self._total:
            self.dataChanged.emit(self.index(0, CURATION), self.index(self._total - 1, CURATION))

    def update_counts(self, article_id: str, total: int, reviewed: int) -> None:
        """Show the live counts of the article being reviewed (no query)."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == article_id:
                    summary.claims_total, summary.claims_reviewed = total, reviewed
                    row = number * PAGE_SIZE + offset
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                    return

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.UserRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        values = (summary.title,
                  f"{summary.status} · {summary.claims_reviewed}/{summary.claims_total}",
                  (summary.published or "")[:10], summary.outlet or "",
                  self._curation.get(summary.id, ""))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(values[index.column()])
        return values[index.column()]


class ArticleListPanel(QWidget):
    """Filter, search and the table; emits the article the reviewer picks."""

    articleActivated = Signal(str)
    filterApplied = Signal()

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._generation = 0  # filter requests; only the latest result is shown
        self._job = None
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("All articles", None)
        for status in STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Search articles")
        self.search.setPlaceholderText("Search title and text (Ctrl+Shift+F, Enter)")
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setAccessibleName("Articles")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # Tab leaves the list instead of moving its cursor: a row is highlighted
        # only when it is the article shown (Enter or a click opens another).
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Fixed widths from the font, never ResizeToContents: that would read
        # a thousand rows (five pages) on every change of a single row. The
        # title takes the rest of the width (its tooltip holds all of it).
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("", "in progress · 99/99", "2024-12-31",
                                         "Outlet name")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self._min_title = metrics.horizontalAdvance("A title of some thirty chars") + 16
        self.table.installEventFilter(self)  # resizes: the title takes the free width
        # Queued: pages load while the table paints, which must not re-lay out the header.
        model.columnsFilled.connect(self._show_filled_columns, Qt.ConnectionType.QueuedConnection)
        model.summary(0)  # the first page decides the columns before the first paint
        self._show_filled_columns()
        # Searching scans article text: wait until the reviewer pauses typing.
        self._search_timer = QTimer(self, singleShot=True, interval=400)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textEdited.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.status_filter.activated.connect(lambda _: self.apply_filter())
        self.status_filter.installEventFilter(self)  # Space opens it (not: next claim)
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def _show_filled_columns(self) -> None:
        for column in OPTIONAL_COLUMNS:
            self.table.setColumnHidden(column, column not in self.model.filled)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title gets the width the other columns leave, but never less than
        about thirty characters (then the list scrolls sideways)."""
        others = sum(self.table.columnWidth(c) for c in range(1, len(COLUMNS))
                     if not self.table.isColumnHidden(c))
        free = self.table.viewport().width() - others
        self.table.setColumnWidth(0, max(free, self._min_title))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.status_filter and event.type() == QEvent.Type.ShortcutOverride \
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the combo box gets the key: the window's Space is "next claim"
            return True
        if watched is self.table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_title)  # after the viewport has its new size
        return super().eventFilter(watched, event)

    def apply_filter(self) -> None:
        """Filtering scans every article (seconds at 100,000 with text search),
        so it runs in a worker; the list changes when the result is there."""
        from annotator.gui.workers import run_job

        self._search_timer.stop()
        status, search = self.status_filter.currentData(), self.search.text().strip() or None
        if status is None and search is None:
            self._generation += 1
            self.model.set_filter(None, None)
            self.filterApplied.emit()
            return
        self._generation += 1
        generation = self._generation
        if self._job is not None:
            self._job.cancel()  # its result is stale; ignored below

        def count(project, on_progress, should_cancel):
            return self.model.count_in(project, status, search)

        def show(result) -> None:
            if generation == self._generation:  # the reviewer has not typed on
                self.model.set_filter(status, search, counted=result)
                self.filterApplied.emit()

        self._job = run_job(self, "Search", count, db_path=self.model.project.path,
                            label="Searching articles…", on_success=show)

    def stop_jobs(self) -> None:
        """Cancel and wait for a running search (before the window closes)."""
        if self._job is not None and self._job.isRunning():
            self._job.cancel()
            self._job.wait()

    def _activate(self, index: QModelIndex) -> None:
        article_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if article_id:
            self.articleActivated.emit(article_id)

    def select_article(self, seq: int) -> None:
        row = self.model.row_of(seq)
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def neighbour(self, seq: int, delta: int) -> str | None:
        """The article after (+1) or before (-1) article ``seq`` in the list as
        filtered, even when the filter hides ``seq`` itself; None at the ends."""
        row = self.model.lower_bound(seq)
        found = self.model.summary(row)
        if delta > 0:
            row += 1 if found is not None and found.seq == seq else 0
        else:
            row -= 1
        summary = self.model.summary(row)
        return summary.id if summary else None
