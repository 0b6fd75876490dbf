"""The selected claim's details and controls.

The panel only shows and reports: each control emits a signal the workspace
turns into a core change. It is refreshed from the claim after every change,
with signals blocked so showing a value never writes it back.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import (
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    SOURCE_TYPE_LABELS,
    Attribution,
    SourceType,
)
from annotator.core.review.claims import Claim

ATTRIBUTION_LABELS = {
    Attribution.DIRECT_QUOTE: "Direct quote",
    Attribution.INDIRECT: "Indirect speech",
    Attribution.ACCORDING_TO: "According to (laut, nach Angaben)",
    Attribution.REPORTED: "Reported (berichtet, heißt es)",
    Attribution.UNATTRIBUTED: "Unattributed",
}
PREVIEW_CHARS = 400


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never HTML
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _combo(parent: QWidget, name: str, items: list[tuple[str, object, str]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys go to the text; Tab skips it
    # As wide as the longest choice: "Expert / analyst (Alt+6)" and "A – Completely
    # reliable" were clipped at twelve characters.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.addItem("—", None)
    for text, value, tip in items:
        combo.addItem(text, value)
        combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    return combo


class ClaimPanel(QWidget):
    acceptRequested = Signal()
    rejectRequested = Signal()
    forgetRequested = Signal()
    unattributedToggled = Signal()
    hedgedToggled = Signal()
    sourceTypeChosen = Signal(object)  # SourceType value | None
    reliabilityChosen = Signal(object)  # "A".."F" | None
    credibilityChosen = Signal(object)  # 1..6 | None
    attributionChosen = Signal(object)  # Attribution value | None
    noteEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimPanel")
        self.setAccessibleName("Selected claim")
        self.heading = QLabel("No claim selected", self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName("Claim position and state")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.claim_text = _plain_label(self, "Claim text")
        self.source_text = _plain_label(self, "Source text")
        self.cue_text = _plain_label(self, "Cue text")
        self.entity_text = _plain_label(self, "Source entity")  # see gui/source_link.py
        self._related_view: QWidget | None = None  # set_related_view
        self._build_controls()
        self._layout()
        self.show_claim(None, 0, 0)

    def _build_controls(self) -> None:
        # No "&" mnemonics: the controls' keys are the plain letters in their
        # labels, and Alt+letter belongs to the menu bar ("&Hedged" took Alt+H from Help).
        def button(text: str, name: str, signal: Signal) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setAccessibleName(name)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking keeps focus on the text
            widget.clicked.connect(signal.emit)
            return widget

        self.accept_button = button("Accept (A)", "Accept claim", self.acceptRequested)
        self.reject_button = button("Reject (X)", "Reject claim", self.rejectRequested)
        self.forget_button = button("Clear (Del)", "Clear review or delete added claim",
                                    self.forgetRequested)
        self.unattributed = QCheckBox("Unattributed (U)", self)
        self.unattributed.setAccessibleName("Unattributed")
        self.unattributed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unattributed.clicked.connect(lambda _=False: self.unattributedToggled.emit())
        self.hedged = QCheckBox("Hedged (H)", self)
        self.hedged.setAccessibleName("Hedged")
        self.hedged.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hedged.clicked.connect(lambda _=False: self.hedgedToggled.emit())
        self.source_type = _combo(self, "Source type", [
            (f"{label}  (Alt+{n})", kind.value, label)
            for n, (kind, label) in enumerate(SOURCE_TYPE_LABELS.items(), start=1)])
        self.reliability = _combo(self, "Source reliability", [
            (f"{g} – {d.split(':')[0]}", g, f"{g}: {d}") for g, d in RELIABILITY_GRADES.items()])
        self.credibility = _combo(self, "Information credibility", [
            (f"{n} – {d.split(':')[0]}", n, f"{n}: {d}") for n, d in CREDIBILITY_GRADES.items()])
        self.attribution = _combo(self, "Attribution form", [
            (label, form.value, label) for form, label in ATTRIBUTION_LABELS.items()])
        self.reliability.setToolTip("Source reliability (Shift+A … Shift+F)\n" + "\n".join(
            f"{g}: {d}" for g, d in RELIABILITY_GRADES.items()))
        self.credibility.setToolTip("Information credibility (1 … 6)\n" + "\n".join(
            f"{n}: {d}" for n, d in CREDIBILITY_GRADES.items()))
        for combo, signal in ((self.source_type, self.sourceTypeChosen),
                              (self.reliability, self.reliabilityChosen),
                              (self.credibility, self.credibilityChosen),
                              (self.attribution, self.attributionChosen)):
            combo.activated.connect(lambda index, c=combo, s=signal: s.emit(c.itemData(index)))
        # beside the credibility field: what the related claims propose (Shift+V sets it)
        self.proposal = _plain_label(self, "Proposed information credibility")
        self.proposal.hide()
        self.note = NoteField(self)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note (E to type, Esc to return; Enter starts a new line)")
        self.note.textChanged.connect(lambda: self.noteEdited.emit(self.note.text()))

    def _layout(self) -> None:
        spans = QGroupBox("Claim", self)
        span_form = QFormLayout(spans)
        span_form.addRow("Claim (M):", self.claim_text)
        span_form.addRow("Source (S):", self.source_text)
        span_form.addRow("Cue (C):", self.cue_text)
        span_form.addRow("Source entity (L):", self.entity_text)
        decision = QHBoxLayout()
        for widget in (self.accept_button, self.reject_button, self.forget_button):
            decision.addWidget(widget)
        grades = QGroupBox("Grading", self)
        form = QFormLayout(grades)
        # Labels above their fields: the combos get the panel's whole width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Source type:", self.source_type)
        form.addRow("Reliability (Shift+A–F):", self.reliability)
        form.addRow("Credibility (1–6):", self.credibility)
        form.addRow(self.proposal)  # right at the field (the panel is too narrow for a column)
        form.addRow("Attribution form (F):", self.attribution)
        checks = QHBoxLayout()
        checks.addWidget(self.unattributed)
        checks.addWidget(self.hedged)
        form.addRow(checks)
        form.addRow("Note (E):", self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(decision)
        layout.addWidget(spans)
        self.related_slot = QVBoxLayout()  # "Related in other articles: N" (set_related_view)
        layout.addLayout(self.related_slot)
        layout.addWidget(grades)
        layout.addStretch(1)

    # -- showing a claim --------------------------------------------------------------------

    def show_claim(self, claim: Claim | None, number: int, total: int, text: str = "") -> None:
        self._set_enabled(claim is not None)
        if claim is None:
            self.heading.setText("No claim selected" if total == 0 else f"{total} claims")
            for label in (self.claim_text, self.source_text, self.cue_text):
                label.clear()
            self._set_values(None, None, None, None, False, False, "")
            return
        self.heading.setText(f"Claim {number} of {total} · {claim.state.value}")
        self.claim_text.setText(_preview(claim.span.text(text)))
        self.source_text.setText(_preview(claim.source.text(text)) if claim.source else "—")
        self.cue_text.setText(_preview(claim.cue.text(text)) if claim.cue else "—")
        a = claim.annotation
        self._set_values(a and a.source_type, a and a.reliability, a and a.credibility,
                         claim.attribution, claim.unattributed, claim.hedged,
                         a.note if a else "")

    def _set_enabled(self, enabled: bool) -> None:
        if getattr(self, "_enabled", None) == enabled:
            return  # called on every key press: skip touching 20 widgets
        self._enabled = enabled
        related = self._related_view
        for widget in self.findChildren(QWidget):
            if related is None or not (widget is related or related.isAncestorOf(widget)):
                widget.setEnabled(enabled)  # the related view's Cancel works without a claim
        self.heading.setEnabled(True)

    def _set_values(self, source_type: SourceType | None, reliability: str | None,
                    credibility: int | None, attribution: Attribution | None,
                    unattributed: bool, hedged: bool, note: str) -> None:
        blockers = [QSignalBlocker(w) for w in (self.source_type, self.reliability,
                                                 self.credibility, self.attribution,
                                                 self.unattributed, self.hedged, self.note)]
        for combo, value in ((self.source_type, source_type and SourceType(source_type).value),
                             (self.reliability, reliability), (self.credibility, credibility),
                             (self.attribution, attribution and Attribution(attribution).value)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.unattributed.setChecked(unattributed)
        self.hedged.setChecked(hedged)
        if self.note.text() != note and not self.note.hasFocus():
            self.note.setText(note)
        del blockers

    def set_related_view(self, view: QWidget) -> None:
        """Show the related claims (gui/related_panel.py) under the claim."""
        self._related_view = view
        self.related_slot.addWidget(view)

    def show_proposal(self, grade: int | None, reason: str = "") -> None:
        """The credibility the related claims propose, beside the field; only
        Shift+V applies it."""
        self.proposal.setText("" if grade is None else f"↑ Proposed: {grade} (Shift+V sets it): {reason}")
        self.proposal.setVisible(grade is not None)

    def show_entity(self, text: str) -> None:
        """The claim's source entity in the registry, as source_link.py words it."""
        self.entity_text.setText(text)


class NoteField(QPlainTextEdit):
    """A note of several lines that grows with its text (two to eight lines).

    ``text``/``setText`` as a line edit has them; Tab leaves the field and
    Esc (the window's action) returns to the article text."""

    MIN_LINES, MAX_LINES = 2, 8

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _: self._fit())
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def _fit(self) -> None:
        lines = min(max(self.document().documentLayout().documentSize().height(),
                        self.MIN_LINES), self.MAX_LINES)
        margins = self.contentsMargins()
        height = round(lines * self.fontMetrics().lineSpacing()
                       + 2 * self.document().documentMargin() + margins.top() + margins.bottom())
        if height != self.height():
            self.setFixedHeight(height)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
