"""Screenshots of the window in light and dark palettes, for people to look at
(tests/screenshots/, ignored by git); the claim colours follow the palette."""

from __future__ import annotations

from pathlib import Path

from gui_support import press
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from annotator.gui.colors import claim_colors, is_dark
from annotator.gui.theme import dark_palette

SCREENSHOTS = Path(__file__).parent / "screenshots"


def review_a_little(window) -> None:
    press(window, "a")
    press(window, "x")
    text = window.workspace.session.article.text
    start = text.index("ein Verteidigungsexperte")
    from annotator.core.models import Span

    window.workspace.view.select_span(Span(start, start + len("ein Verteidigungsexperte")))
    press(window, "s")


def test_screenshots_in_light_and_dark_palettes(window, qapp):
    SCREENSHOTS.mkdir(exist_ok=True)
    review_a_little(window)
    window.resize(1600, 900)
    qapp.processEvents()
    window.show_guidelines()
    qapp.processEvents()
    light = SCREENSHOTS / "main-window-light.png"
    assert window.grab().save(str(light))
    assert not is_dark(window.workspace.view.palette())

    original = qapp.palette()
    QApplication.setPalette(dark_palette())
    try:
        qapp.processEvents()
        view = window.workspace.view
        assert is_dark(view.palette())
        # The current claim is painted with the dark colour set.
        view.viewport().repaint()
        current = view.painted_marks[-1]  # the selected claim is painted last
        assert current.color in claim_colors(view.palette()).selected.values()
        # The claims list follows the palette too (its rows were light green on dark).
        model = window.claim_list.model_
        row = model.data(model.index(0), Qt.ItemDataRole.BackgroundRole)
        assert row in claim_colors(view.palette()).states.values() and is_dark_color(row)
        dark = SCREENSHOTS / "main-window-dark.png"
        assert window.grab().save(str(dark))
    finally:
        QApplication.setPalette(original)
    assert light.stat().st_size > 10_000 and dark.stat().st_size > 10_000


def is_dark_color(color: QColor) -> bool:
    return color.lightness() < 128
