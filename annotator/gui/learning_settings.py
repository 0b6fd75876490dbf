"""File → Learning settings…: the project's learning settings in the window.

The same two project settings ``annotator learn --hide-below`` and
``--auto-every`` set (annotator.core.learning.project_store): the threshold
under which a learned model hides a suggestion (off by default) and
automatic learning after every N finished articles (off by default).
0 means off in both boxes; OK stores them, Esc leaves them as they were.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox, QWidget

from annotator.core.learning.project_store import auto_every, hide_below, set_auto_every, set_hide_below


class LearningSettingsDialog(QDialog):
    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Learning settings")
        self.setObjectName("learningSettings")
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setObjectName("hideBelow")
        self.threshold.setAccessibleName("Hide suggestions below this probability (0: off)")
        self.threshold.setRange(0.0, 0.95)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setSpecialValueText("off")
        self.threshold.setValue(hide_below(project) or 0.0)
        self.every = QSpinBox(self)
        self.every.setObjectName("autoEvery")
        self.every.setAccessibleName("Learn by itself after every N finished articles (0: off)")
        self.every.setRange(0, 10_000)
        self.every.setSpecialValueText("off")
        self.every.setValue(auto_every(project) or 0)
        explain = QLabel("A learned model hides suggestions it thinks a reviewer would reject with "
                         "at least this certainty (the next re-highlight). Automatic learning runs "
                         "the learn job after every N articles you finish.", self)
        explain.setWordWrap(True)
        explain.setTextFormat(explain.textFormat().PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow("&Hide suggestions below P(keep):", self.threshold)
        form.addRow("&Learn after every N finished articles:", self.every)
        form.addRow(buttons)

    def accept(self) -> None:
        """Store both settings (each is one project setting, written at once)."""
        threshold = round(self.threshold.value(), 2)
        set_hide_below(self.project, threshold if threshold > 0 else None)
        set_auto_every(self.project, self.every.value() or None)
        super().accept()
