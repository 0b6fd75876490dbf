#!/usr/bin/env python3
"""Render resources/icons/annotator.svg to PNGs in the hicolor sizes.

Usage: QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes resources/icons/hicolor/<n>x<n>/apps/<APP_ID>.png (16 ... 512) and a
copy of the SVG under hicolor/scalable/apps/, the layout a Linux icon theme
expects, so install.sh can copy the folder into ~/.local/share/icons.
Re-run after editing the SVG and commit the PNGs (the build does not need Qt
to draw them).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "annotator.svg"
APP_ID = "io.github.newsannotator.Annotator"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def icon_file(size: int | str, suffix: str = "png") -> Path:
    folder = "scalable" if size == "scalable" else f"{size}x{size}"
    return ICONS / "hicolor" / folder / "apps" / f"{APP_ID}.{suffix}"


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs a GUI application
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.exit(f"{SOURCE}: not a valid SVG")
    for size in SIZES:
        target = icon_file(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            sys.exit(f"cannot write {target}")
        print(target.relative_to(ROOT))
    scalable = icon_file("scalable", "svg")
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(scalable.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
