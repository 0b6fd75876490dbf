"""Data is shown as plain text, never as rich text.

A QLabel or message box guesses the format of its text (Qt's AutoText)
and renders anything that looks like HTML: a title "<img src=...>" would
load an image, an annotator named "<b>x</b>" would print bold. Labels get
``Qt.PlainText``; a tooltip has no such setting, so data in a tooltip is
escaped and marked as rich text, which shows it literally.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` exactly (markup escaped)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def plain_labels(widget: QWidget) -> None:
    """Make every label in ``widget`` (e.g. a message box's text and
    informative text) plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
