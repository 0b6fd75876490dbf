"""The parts of the main window that are built on first use, not at start.

The window's cold start (bench/bench_gui.py) is the time to the first
painted article. The related-claims panel (it loads the word lexicons), the
Team menu's windows (numpy and krippendorff for the agreement figures), the
Sources view, the guidelines and the learning handlers are not part of that
first screen: each is built the first time it is shown or one of its keys
is pressed, and its modules are imported only then. A dock exists (empty)
from the start, so the saved layout restores its place; it gets its widget
when it first becomes visible. tests/test_startup_window.py keeps the start
free of these modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDockWidget

GUIDELINES_MIN_WIDTH = 220


class BuiltOnFirstUse:
    """A window attribute built by ``build(window)`` the first time it is read;
    afterwards it is a plain attribute (the instance's own value wins)."""

    def __init__(self, build: Callable[[Any], Any]):
        self.build = build
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: Any, owner: type | None = None) -> Any:
        if window is None:
            return self
        part = self.build(window)
        window.__dict__[self.name] = part
        return part


def fill_when_shown(dock: QDockWidget, fill: Callable[[], object]) -> None:
    """Call ``fill`` (which gives the dock its widget) when the dock first shows."""
    def shown(visible: bool) -> None:
        if visible and dock.widget() is None:
            fill()

    dock.visibilityChanged.connect(shown)


def build_related(window):
    from annotator.gui.related_panel import RelatedClaims

    related = RelatedClaims(window.workspace, window)  # puts its count and list on the claim panel
    if window.closing:
        related.stop()
    else:
        related.refresh_keeping_origin()  # built by a key: the panel is at the claim already
    return related


def build_guidelines(window):
    from PySide6.QtWidgets import QTextBrowser

    from annotator.core.resources import guidelines_text

    guidelines = QTextBrowser(window)
    guidelines.setAccessibleName("Annotation guidelines")
    guidelines.setOpenExternalLinks(True)
    guidelines.setMarkdown(guidelines_text())  # our own document, not article text
    guidelines.setMinimumWidth(GUIDELINES_MIN_WIDTH)
    window.guidelines_dock.setWidget(guidelines)
    return guidelines


def build_team(window):
    from annotator.gui.team.menu import TeamMenu

    return TeamMenu(window)


def build_learning(window):
    from annotator.gui.learning_menu import LearningMenu

    return LearningMenu(window)


def build_sources_panel(window):
    from annotator.gui.sources_dock import fill_sources_dock

    return fill_sources_dock(window)
