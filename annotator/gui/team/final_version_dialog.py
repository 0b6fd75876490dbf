"""Editing the final version of a claim: start from one annotator's version,
take spans from any version, set decision and grades. Keyboard only:
Tab between fields, arrow keys in a list, Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from annotator.core.models import (
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    SOURCE_TYPE_LABELS,
    Annotation,
    Attribution,
    Decision,
    Span,
)
from annotator.core.review.fields import excerpt


class _Choices(QComboBox):
    """A combo box of Python values (tuples, enums) kept on the Python side."""

    def __init__(self, options: list[tuple[str, object]], current, parent: QWidget):
        super().__init__(parent)
        self.values: list = []
        for label, value in options:
            if value not in self.values:  # the same span in two versions is one choice
                self.values.append(value)
                self.addItem(label)
        self.setCurrentIndex(self.values.index(current) if current in self.values else 0)

    def currentData(self):  # noqa: N802 (Qt naming)
        return self.values[self.currentIndex()]


class FinalVersionDialog(QDialog):
    def __init__(self, base: Annotation, versions: list[Annotation], text: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Final version of the claim")
        self.base = base
        form = QFormLayout(self)
        self.claim_span = self._choices(
            [(f"{excerpt(text, Span(v.start, v.end))} [{v.start}–{v.end}]", (v.start, v.end))
             for v in versions], (base.start, base.end))
        self.source_span = self._choices(
            [("none (unattributed)", None)]
            + [(excerpt(text, v.source), (v.source.start, v.source.end))
               for v in versions if v.source is not None],
            (base.source.start, base.source.end) if base.source else None)
        self.decision = self._choices([(d.value, d) for d in Decision], base.decision)
        self.source_type = self._choices(
            [("—", None)] + [(label, kind) for kind, label in SOURCE_TYPE_LABELS.items()],
            base.source_type)
        self.reliability = self._choices(
            [("—", None)] + [(f"{g} · {d.split(':')[0]}", g) for g, d in RELIABILITY_GRADES.items()],
            base.reliability)
        self.credibility = self._choices(
            [("—", None)] + [(f"{g} · {d.split(':')[0]}", g) for g, d in CREDIBILITY_GRADES.items()],
            base.credibility)
        self.attribution = self._choices(
            [("—", None)] + [(a.value.replace("_", " "), a) for a in Attribution], base.attribution)
        self.hedged = QCheckBox("hedged (the claim is qualified)", self)
        self.hedged.setChecked(base.hedged)
        self.note = QLineEdit(base.note, self)
        for label, widget in (("&Claim span", self.claim_span), ("&Source span", self.source_span),
                              ("&Decision", self.decision), ("Source &type", self.source_type),
                              ("Source &reliability", self.reliability),
                              ("Information cre&dibility", self.credibility),
                              ("&Attribution", self.attribution), ("", self.hedged),
                              ("&Note", self.note)):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choices(self, options: list[tuple[str, object]], current) -> _Choices:
        return _Choices(options, current, self)

    def final_version(self) -> Annotation:
        start, end = self.claim_span.currentData()
        source = self.source_span.currentData()
        return self.base.evolve(
            start=start, end=end, source=Span(*source) if source else None,
            unattributed=source is None, decision=self.decision.currentData(),
            source_type=self.source_type.currentData(), reliability=self.reliability.currentData(),
            credibility=self.credibility.currentData(), attribution=self.attribution.currentData(),
            hedged=self.hedged.isChecked(), note=self.note.text())
