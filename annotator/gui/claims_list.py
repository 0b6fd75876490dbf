"""The shown article's claims as a compact list (a dock, F4).

One line per claim: number, state, grades, source and the start of the
claim, in the state's colour. It reads the review session's claims (no
query) and follows every change; picking a line selects that claim and
gives the keys back to the text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from annotator.core.review import Claim, ClaimState, ReviewSession
from annotator.gui.colors import claim_colors

SYMBOLS = {ClaimState.SUGGESTED: "·", ClaimState.ACCEPTED: "✓", ClaimState.REJECTED: "✗",
           ClaimState.ADDED: "+"}
PREVIEW_CHARS = 60


def claim_line(number: int, claim: Claim, text: str) -> str:
    """E.g. ``3 ✓ B2  Das Landesamt: dass der Scheitel voraussichtlich …``."""
    a = claim.annotation
    grades = f"{a.reliability or '·'}{a.credibility or '·'}" \
        if a is not None and (a.reliability or a.credibility) else ""
    source = _words(text, claim.source, 30) + ": " if claim.source is not None else ""
    preview = _words(text, claim.span, PREVIEW_CHARS)
    return f"{number} {SYMBOLS[claim.state]} {grades}  {source}{preview}"


def _words(text: str, span, limit: int) -> str:
    """The span's text on one line, cut to ``limit`` characters (reads at most
    twice that: a claim can be a whole paragraph)."""
    words = " ".join(text[span.start:min(span.end, span.start + limit * 2)].split())
    return words if len(words) <= limit and span.end - span.start <= limit * 2 \
        else words[: limit - 1] + "…"


class ClaimListModel(QAbstractListModel):
    def __init__(self, session: ReviewSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._keys: list[str] = []
        self._reviews: list[object] = []  # each claim's annotation object, as last shown
        self._colors = None
        self._line_height = 18
        self._explainer = None  # the learned model's reasons, for the tooltip

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
        claims = self.session.claims
        keys = [claim.key for claim in claims]
        reviews = [claim.annotation for claim in claims]
        if keys != self._keys:
            self.beginResetModel()
            self._keys, self._reviews = keys, reviews
            self.endResetModel()
            return
        changed = [row for row, (old, new) in enumerate(zip(self._reviews, reviews))
                   if old is not new]
        self._reviews = reviews
        for row in changed:
            self.dataChanged.emit(self.index(row), self.index(row))

    def recolor(self, palette) -> None:
        self._colors = claim_colors(palette)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        claims = self.session.claims
        if not index.isValid() or index.row() >= len(claims) or self.session.article is None:
            return None
        claim = claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return claim_line(index.row() + 1, claim, self.session.article.text)
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
        self.clicked.connect(lambda index: self.claimChosen.emit(index.row()))
        self.activated.connect(lambda index: self.claimChosen.emit(index.row()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark: every row's colours
            self.model_.recolor(self.palette())
            self.viewport().update()

    def follow(self) -> None:
        """Show the session's claims and select its current one."""
        self.model_.follow(self.palette())
        index = self.model_.session.index
        if index is None:
            self.clearSelection()
        else:  # only clicks and Enter choose a claim, so this does not loop back
            current = self.model_.index(index)
            self.setCurrentIndex(current)
            self.scrollTo(current)
