"""The adjudication view's filter bar: only the claim groups that differ in one
field, between two annotators, or in one article (Alt+F, Alt+P, Alt+R).

The choices come from the groups shown; the filtering itself is the core's
(``annotator.core.team.settling.filter_groups``).
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from annotator.core.team.adjudication import COMPARED, ClaimGroup
from annotator.core.team.settling import PRESENCE, filter_groups

ANY = "any"


class GroupFilter(QWidget):
    changed = Signal()

    def __init__(self, title_of, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_of = title_of  # article id -> its title, for the article choices
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = self._combo(layout, "&Field:", "Only claims differing in this field")
        self.pair = self._combo(layout, "&Pair:", "Only claims these two annotators differ on")
        self.article = self._combo(layout, "A&rticle:", "Only claims of this article")
        layout.addStretch(1)

    def _combo(self, layout: QHBoxLayout, label: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption = QLabel(label, self)
        caption.setBuddy(combo)
        layout.addWidget(caption)
        layout.addWidget(combo)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def offer(self, groups: list[ClaimGroup]) -> None:
        """The choices the groups allow; "any" selected everywhere."""
        names = sorted({name for g in groups for name in [*g.versions, *g.absent]})
        articles = list(dict.fromkeys(g.article_id for g in groups))
        for combo, choices in (
                (self.field, [(f.replace("_", " "), f) for f in (*COMPARED, PRESENCE)]),
                (self.pair, [(f"{a} ~ {b}", (a, b)) for a, b in combinations(names, 2)]),
                (self.article, [(self.title_of(a), a) for a in articles])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, None)
            for text, data in choices:
                combo.addItem(text, data)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            combo.blockSignals(False)

    def apply(self, groups: list[ClaimGroup]) -> list[ClaimGroup]:
        return filter_groups(groups, field=self.field.currentData(), pair=self.pair.currentData(),
                             article_id=self.article.currentData())

    @property
    def active(self) -> bool:
        return any(c.currentIndex() > 0 for c in (self.field, self.pair, self.article))
