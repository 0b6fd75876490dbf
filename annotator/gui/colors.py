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


# Every text/background pair meets WCAG AA (tests/test_gui_text_first.py computes them).
# "Added by hand" is rose, not blue: blue is what text selection looks like
# on most desktops, and the reviewer selects text all the time.
_LIGHT = {ClaimState.SUGGESTED: "#fff1a8", ClaimState.ACCEPTED: "#c8efc4",
          ClaimState.REJECTED: "#e4e4e4", ClaimState.ADDED: "#ffd3e6"}
_LIGHT_SELECTED = {ClaimState.SUGGESTED: "#ffd84d", ClaimState.ACCEPTED: "#8fdc86",
                   ClaimState.REJECTED: "#c2c2c2", ClaimState.ADDED: "#ff9cc8"}
_DARK = {ClaimState.SUGGESTED: "#4d4416", ClaimState.ACCEPTED: "#1f4a22",
         ClaimState.REJECTED: "#3a3a3a", ClaimState.ADDED: "#5c2442"}
_DARK_SELECTED = {ClaimState.SUGGESTED: "#665810", ClaimState.ACCEPTED: "#2a6a30",
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
        # Grey on grey, struck through: dark enough for WCAG AA (4.5:1) on all three tints.
        rejected_text=QColor("#d8d8d8" if dark else "#474747"),
    )


# -- contrast (WCAG 2.x): every highlight state stays readable -------------------------

AA_NORMAL_TEXT = 4.5


def relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def odd_tint(colors: ClaimColors, color: QColor) -> QColor:
    """The second tint neighbouring claims alternate with, so their border shows."""
    return color.lighter(115) if colors.dark else color.darker(108)


def text_pairs(palette: QPalette) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) for every way the view and the legend
    paint text: each claim state, plain, alternate tint and selected; the
    selected claim's source and cue."""
    colors = claim_colors(palette)
    text = palette.color(QPalette.ColorRole.Text)
    pairs = []
    for state in ClaimState:
        foreground = colors.rejected_text if state == ClaimState.REJECTED else text
        for kind, background in (("", colors.states[state]),
                                 (" (alternate tint)", odd_tint(colors, colors.states[state])),
                                 (" (selected)", colors.selected[state])):
            pairs.append((f"{state.value}{kind}", foreground, background))
        pairs.append((f"legend {state.value}", text, colors.states[state]))
    pairs += [("source", text, colors.source), ("cue", text, colors.cue)]
    return pairs
