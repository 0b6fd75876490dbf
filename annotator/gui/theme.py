"""View ▸ Theme (system, light, dark) and the text size (Ctrl+plus/minus).

Both are kept in the user settings (core ``Settings.theme``/``text_size``)
and applied at start-up. "System" is whatever palette and style Qt chose
from the desktop; "light" and "dark" use Qt's Fusion style with a palette of
our own, so the window looks the same on every desktop (a GTK dark theme
pushed the claim panel past the window's edge).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = ("system", "light", "dark")
TEXT_SIZES = range(-4, 13)  # points added to the desktop's font size, for the article text
_system: dict[str, object] = {}  # the desktop's style name and palette, before we changed them


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"),
                        (roles.Base, "#1e1e1e"), (roles.AlternateBase, "#2a2a2a"),
                        (roles.Text, "#e6e6e6"), (roles.Button, "#353535"),
                        (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d6ea8"),
                        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#353535"),
                        (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#9a9a9a"),
                        (roles.BrightText, "#ffffff"), (roles.Link, "#8ab4f8"),
                        (roles.Mid, "#454545"), (roles.Dark, "#202020"), (roles.Light, "#505050")):
        palette.setColor(role, QColor(color))
    for role, color in ((roles.WindowText, "#8a8a8a"), (roles.Text, "#8a8a8a"),
                        (roles.ButtonText, "#8a8a8a")):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def apply_theme(name: str, app: QApplication | None = None) -> str:
    """Use theme ``name`` (unknown names mean "system"); returns the one applied."""
    app = app or QApplication.instance()
    if not _system:
        _system["style"] = app.style().name()
        _system["palette"] = QPalette(app.palette())
    name = name if name in THEMES else "system"
    if name == "system":
        app.setStyle(QStyleFactory.create(str(_system["style"])) or app.style())
        app.setPalette(_system["palette"])
        return name
    fusion = QStyleFactory.create("Fusion")
    app.setStyle(fusion)
    app.setPalette(dark_palette() if name == "dark" else fusion.standardPalette())
    return name


def clamp_text_size(size: int) -> int:
    return min(max(size, TEXT_SIZES[0]), TEXT_SIZES[-1])


def apply_text_size(widgets: list[QWidget], size: int) -> None:
    """The article text (and the claims list) at the desktop size plus ``size`` points."""
    base = QApplication.font().pointSizeF()
    for widget in widgets:
        font = QFont(widget.font())
        font.setPointSizeF(max(base + size, 6))
        widget.setFont(font)


class ViewSettings:
    """The window's theme and text size actions (rows of the action table)."""

    def __init__(self, window):
        from PySide6.QtGui import QActionGroup

        self.window = window
        self.settings = window.settings
        group = QActionGroup(window)
        for name in THEMES:
            action = window.actions_by_name[f"theme_{name}"]
            action.setCheckable(True)
            action.setChecked(name == self.settings.theme)
            group.addAction(action)
        if self.settings.theme != "system":
            apply_theme(self.settings.theme)
        self.settings.text_size = clamp_text_size(self.settings.text_size)
        self._apply_size()

    def handlers(self) -> dict[str, object]:
        handlers: dict[str, object] = {f"theme_{name}": (lambda n=name: self.set_theme(n))
                                       for name in THEMES}
        handlers.update(text_bigger=lambda: self.change_text_size(+1),
                        text_smaller=lambda: self.change_text_size(-1),
                        text_reset=lambda: self.change_text_size(None))
        return handlers

    def set_theme(self, name: str) -> None:
        self.settings.theme = apply_theme(name)
        self.window.actions_by_name[f"theme_{self.settings.theme}"].setChecked(True)
        self._save()

    def change_text_size(self, delta: int | None) -> None:
        """One point bigger or smaller (None: the desktop's size), kept across restarts."""
        size = 0 if delta is None else clamp_text_size(self.settings.text_size + delta)
        self.settings.text_size = size
        self._apply_size()
        self.window.statusBar().showMessage(
            f"Text size: {'+' if size > 0 else ''}{size} pt (Ctrl+0 resets)", 3000)
        self._save()

    def _apply_size(self) -> None:
        workspace = self.window.workspace
        apply_text_size([workspace.view, self.window.claim_list], self.settings.text_size)

    def _save(self) -> None:
        try:
            self.settings.save()
        except OSError as error:  # the choice still holds for this session
            self.window.statusBar().showMessage(f"Could not save the setting: {error}", 8000)
