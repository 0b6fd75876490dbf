"""The shown article's claims as a compact list (a dock, F4).

One line per claim: number, state, flag, grades, source and the start of
the claim, in the state's colour. A filter above it shows only the flagged
claims or those with a note (the rules: ``CLAIM_FILTERS`` in the core). It reads the review session's claims (no
query) and follows every change; picking a line selects that claim and
gives the keys back to the text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QListView, QVBoxLayout, QWidget

from annotator.core.learning.uncertainty import claim_order
from annotator.core.review import CLAIM_FILTERS, Claim, ClaimState, ReviewSession
from annotator.gui.colors import claim_colors

SYMBOLS = {ClaimState.SUGGESTED: "·", ClaimState.ACCEPTED: "✓", ClaimState.REJECTED: "✗",
           ClaimState.ADDED: "+"}
FLAG_MARKS = {"flagged": " ⚑", "unsure": " ?", "skipped": " »"}
PREVIEW_CHARS = 60
ALL_CLAIMS = "All claims"


def claim_line(number: int, claim: Claim, text: str) -> str:
    """E.g. ``3 ✓ B2  Das Landesamt: dass der Scheitel voraussichtlich …``."""
    a = claim.annotation
    grades = f"{a.reliability or '·'}{a.credibility or '·'}" \
        if a is not None and (a.reliability or a.credibility) else ""
    source = _words(text, claim.source, 30) + ": " if claim.source is not None else ""
    preview = _words(text, claim.span, PREVIEW_CHARS)
    flag = FLAG_MARKS.get(a.flag, "") if a is not None and a.flag else ""
    return f"{number} {SYMBOLS[claim.state]}{flag} {grades}  {source}{preview}"


def _words(text: str, span, limit: int) -> str:
    """The span's text on one line, cut to ``limit`` characters (reads at most
    twice that: a claim can be a whole paragraph)."""
    words = " ".join(text[span.start:min(span.end, span.start + limit * 2)].split())
    return words if len(words) <= limit and span.end - span.start <= limit * 2 \
        else words[: limit - 1] + "…"


_ROLES_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.SizeHintRole,
                             Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                             Qt.ItemDataRole.ForegroundRole})


class ClaimListModel(QAbstractListModel):
    def __init__(self, session: ReviewSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._keys: list[str] = []
        self._rows: list[int] = []  # the session's claim number shown in each row
        self.shows: str | None = None  # a CLAIM_FILTERS name, or None: every claim
        self._reviews: list[object] = []  # each claim's annotation object, as last shown
        self._lines: dict[int, str] = {}  # each row's text once painted, until its review changes
        self._article: object = None  # the article the rows are of
        self._colors = None
        self._line_height = 18
        self._explainer = None  # the learned model's reasons, for the tooltip
        self.uncertain_first = False  # order: reading order, or most uncertain suggestion first

    def _why(self, claim: Claim) -> str | None:
        """Why a learned model scored the suggestion as it did (None without one)."""
        if claim.suggestion is None:
            return None
        from annotator.core.learning.explain import Explainer

        if self._explainer is None or self._explainer.project is not self.session.project:
            self._explainer = Explainer(self.session.project)
        return self._explainer.why(self.session.article.text, claim.suggestion)

    def set_line_height(self, height: int) -> None:
        self._line_height = height

    def follow(self, palette) -> None:
        """Re-read the session's claims: a reset when claims came or went, else
        a repaint of the rows whose review changed. The session replaces a
        claim's annotation object on every write, so identity tells which;
        repainting every row would cost ~10 ms a key with 200 claims."""
        self.recolor(palette)
        only = CLAIM_FILTERS.get(self.shows or "")
        order = claim_order(self.session.claims, self.uncertain_first)
        rows = [n for n in order if only is None or only(self.session.claims[n])]
        claims = [self.session.claims[n] for n in rows]
        keys = [claim.key for claim in claims]
        reviews = [claim.annotation for claim in claims]
        if keys != self._keys or rows != self._rows or self.session.article is not self._article:
            self.beginResetModel()
            self._keys, self._reviews, self._rows = keys, reviews, rows
            self._article, self._lines = self.session.article, {}
            self.endResetModel()
            return
        changed = [row for row, (old, new) in enumerate(zip(self._reviews, reviews))
                   if old is not new]
        self._reviews = reviews
        for row in changed:
            self._lines.pop(row, None)
            self.dataChanged.emit(self.index(row), self.index(row))

    def claim_number(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, number: int | None) -> int | None:
        return self._rows.index(number) if number in self._rows else None

    def recolor(self, palette) -> None:
        self._colors = claim_colors(palette)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # The delegate asks ~8 roles a row on every paint: the ones never
        # answered return at once (painting the list cost ~4.7 ms a switch).
        if role not in _ROLES_ANSWERED:
            return None
        claims = self.session.claims
        row = index.row()
        if not index.isValid() or row >= len(self._rows) or self.session.article is None \
                or self._rows[row] >= len(claims):
            return None
        claim = claims[self._rows[row]]
        if role == Qt.ItemDataRole.DisplayRole:
            line = self._lines.get(row)
            if line is None:  # kept until the row's review changes (follow)
                line = self._lines[row] = claim_line(self._rows[row] + 1, claim, self.session.article.text)
            return line
        if role == Qt.ItemDataRole.SizeHintRole:  # the list's width, not the text's
            return QSize(1, self._line_height)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{claim.state.value}: {claim.span.text(self.session.article.text)}"
            why = self._why(claim)
            return tip if why is None else f"{tip}\n{why}"
        if role == Qt.ItemDataRole.BackgroundRole and self._colors is not None:
            return self._colors.states[claim.state]
        if role == Qt.ItemDataRole.ForegroundRole and claim.state == ClaimState.REJECTED \
                and self._colors is not None:
            return self._colors.rejected_text
        return None


class ClaimList(QListView):
    claimChosen = Signal(int)  # the claim's number in the session (0-based)
    filterChanged = Signal(str)  # the filter's name shown (ALL_CLAIMS or a CLAIM_FILTERS name)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimList")
        self.setAccessibleName("Claims of this article")
        self.model_ = ClaimListModel(session, self)
        self.model_.set_line_height(self.fontMetrics().height() + 4)
        self.setModel(self.model_)
        self.setUniformItemSizes(True)  # 200 claims: no per-row size queries
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys stay with the text
        # Lines as wide as the list, elided (the tooltip has the whole claim).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.clicked.connect(lambda index: self.claimChosen.emit(self.model_.claim_number(index.row())))
        self.activated.connect(lambda index: self.claimChosen.emit(self.model_.claim_number(index.row())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: every row's colours
            self.model_.recolor(self.palette())
            self.viewport().update()

    def show_only(self, name: str) -> None:
        """Show the claims of one CLAIM_FILTERS name (any other name: every claim)."""
        shows = name if name in CLAIM_FILTERS else None
        if shows != self.model_.shows:
            self.model_.shows = shows
            self.follow()
            self.filterChanged.emit(shows or ALL_CLAIMS)

    def next_filter(self) -> None:
        """The key (Shift+I): all claims → flagged → with a note → all claims."""
        names = [ALL_CLAIMS, *CLAIM_FILTERS]
        self.show_only(names[(names.index(self.model_.shows or ALL_CLAIMS) + 1) % len(names)])

    def toggle_uncertain_first(self) -> bool:
        """Reading order ↔ the suggestions the learned model is least sure
        of first (they teach it most); True when uncertain-first is on."""
        self.model_.uncertain_first = not self.model_.uncertain_first
        self.follow()
        return self.model_.uncertain_first

    def follow(self) -> None:
        """Show the session's claims and select its current one."""
        self.model_.follow(self.palette())
        index = self.model_.row_of(self.model_.session.index)
        if index is None:
            self.clearSelection()
        else:  # only clicks and Enter choose a claim, so this does not loop back
            current = self.model_.index(index)
            self.setCurrentIndex(current)
            self.scrollTo(current)


class ClaimsPane(QWidget):
    """The claims list under a filter: all claims, flagged ones, ones with a note."""

    def __init__(self, claim_list: ClaimList, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = claim_list
        self.filter = QComboBox(self)
        self.filter.setObjectName("claimFilter")
        self.filter.setAccessibleName("Show claims")
        self.filter.addItems([ALL_CLAIMS, *CLAIM_FILTERS])
        self.filter.setToolTip("Show every claim, only flagged ones (I flags) or only those with a note "
                               "(Shift+I: the next of these)")
        self.filter.currentTextChanged.connect(claim_list.show_only)
        claim_list.filterChanged.connect(self.filter.setCurrentText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(claim_list)
