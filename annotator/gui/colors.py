"""Claim colours that follow the system palette (light or dark)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from annotator.core.review.claims import ClaimState


@dataclass(frozen=True)
class ClaimColors:
    dark: bool
    states: dict[ClaimState, QColor]
    selected: dict[ClaimState, QColor]
    source: QColor
    cue: QColor
    rejected_text: QColor


# "Added by hand" is rose, not blue: blue is what text selection looks like
# on most desktops, and the reviewer selects text all the time.
_LIGHT = {ClaimState.SUGGESTED: "#fff1a8", ClaimState.ACCEPTED: "#c8efc4",
          ClaimState.REJECTED: "#e4e4e4", ClaimState.ADDED: "#ffd3e6"}
_LIGHT_SELECTED = {ClaimState.SUGGESTED: "#ffd84d", ClaimState.ACCEPTED: "#8fdc86",
                   ClaimState.REJECTED: "#c2c2c2", ClaimState.ADDED: "#ff9cc8"}
_DARK = {ClaimState.SUGGESTED: "#4d4416", ClaimState.ACCEPTED: "#1f4a22",
         ClaimState.REJECTED: "#3a3a3a", ClaimState.ADDED: "#5c2442"}
_DARK_SELECTED = {ClaimState.SUGGESTED: "#7a6a14", ClaimState.ACCEPTED: "#2f7a36",
                  ClaimState.REJECTED: "#5a5a5a", ClaimState.ADDED: "#8e3a66"}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def claim_colors(palette: QPalette) -> ClaimColors:
    dark = is_dark(palette)

    def colors(table: dict[ClaimState, str]) -> dict[ClaimState, QColor]:
        return {state: QColor(value) for state, value in table.items()}

    return ClaimColors(
        dark=dark,
        states=colors(_DARK if dark else _LIGHT),
        selected=colors(_DARK_SELECTED if dark else _LIGHT_SELECTED),
        source=QColor("#5e3c99" if dark else "#d9c2ff"),
        cue=QColor("#8c4a12" if dark else "#ffc08a"),
        rejected_text=QColor("#9a9a9a" if dark else "#6d6d6d"),
    )
