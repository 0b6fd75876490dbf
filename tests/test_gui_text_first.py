"""The text comes first (issue 18): room for the text, readable colours in
both palettes, a theme and a text size that stay, the claim with its source
and cue in view, and an overview of every claim's source."""

from __future__ import annotations

import pytest
from gui_support import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory

from annotator.core.settings import Settings
from annotator.gui.colors import AA_NORMAL_TEXT, contrast_ratio, text_pairs
from annotator.gui.team.dashboard import integer_step, plural
from annotator.gui.theme import dark_palette

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_highlight_state_and_the_legend_meet_wcag_aa(qapp, name):
    palette = dark_palette() if name == "dark" else QStyleFactory.create("Fusion").standardPalette()
    ratios = {what: contrast_ratio(text, background) for what, text, background in text_pairs(palette)}
    assert {"rejected", "rejected (selected)", "legend rejected", "source", "cue"} <= set(ratios)
    too_low = {what: round(ratio, 2) for what, ratio in ratios.items() if ratio < AA_NORMAL_TEXT}
    assert not too_low


def test_contrast_ratio_matches_the_wcag_examples(qapp):
    from PySide6.QtGui import QColor

    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_the_theme_and_the_text_size_are_kept_across_restarts(open_window, review_db, settings,
                                                              qapp):
    window = open_window(review_db, settings)
    view = window.workspace.view
    size = view.font().pointSizeF()
    press(window, Qt.Key.Key_Plus, CTRL)
    press(window, Qt.Key.Key_Plus, CTRL)
    assert view.font().pointSizeF() == size + 2
    press(window, Qt.Key.Key_Minus, CTRL)
    assert view.font().pointSizeF() == size + 1
    assert "Text size: +1 pt" in window.statusBar().currentMessage()
    window.actions_by_name["theme_dark"].trigger()
    try:
        assert qapp.palette().color(qapp.palette().ColorRole.Base).lightness() < 128
        window.close()
        kept = Settings.load(settings.path)
        assert (kept.theme, kept.text_size) == ("dark", 1)
        again = open_window(review_db, kept)
        assert again.workspace.view.font().pointSizeF() == size + 1
        assert again.actions_by_name["theme_dark"].isChecked()
        press(again, "0", CTRL)
        assert again.workspace.view.font().pointSizeF() == size
    finally:
        window.view_settings.set_theme("system")
    assert qapp.palette().color(qapp.palette().ColorRole.Base).lightness() >= 128


def test_the_text_gets_the_room_and_the_list_gets_it_back(window, qtbot):
    window.resize(1280, 800)
    qtbot.wait(50)
    press(window, Qt.Key.Key_F2)  # guidelines
    qtbot.wait(100)
    view = window.workspace.view
    panel = window.workspace.panel_scroll
    # The text is the widest pane; the panel has no spare room (it kept ~100 px).
    assert view.width() > max(panel.width(), window.guidelines_dock.width(),
                              window.article_dock.width() * 0.9)
    assert panel.width() <= panel.minimumWidth() + 8
    window.resize(window.minimumSizeHint())
    qtbot.wait(300)
    assert view.width() >= view.minimumWidth() >= 200  # some 35 characters, not 50 px
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.article_dock.width() >= 300, timeout=3000)
    assert not window.article_list.table.isColumnHidden(1)  # Status


def test_combo_boxes_show_their_whole_choice_and_the_note_grows(window, qtbot):
    panel = window.workspace.panel
    for combo in (panel.source_type, panel.reliability, panel.credibility, panel.attribution):
        widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                     for i in range(combo.count()))
        assert combo.width() >= widest, combo.accessibleName()
    press(window, "e")
    note = panel.note
    one = note.height()
    for line in ("Quelle pruefen.", "Zweite Zeile.", "Dritte Zeile.", "Vierte."):
        QTest.keyClicks(note, line)
        QTest.keyClick(note, Qt.Key.Key_Return)
    assert note.height() > one
    assert "Zweite Zeile." in window.workspace.session.current.annotation.note
    press(window, Qt.Key.Key_Escape, widget=note)
    assert window.workspace.view.hasFocus()


def test_after_j_the_claim_its_source_and_cue_are_in_view_with_a_margin(window, qtbot):
    window.resize(900, 420)
    qtbot.wait(100)
    view = window.workspace.view
    session = window.workspace.session
    line = view.fontMetrics().lineSpacing()
    for _ in range(len(session.claims) - 1):
        press(window, "j")
        claim = session.current
        spans = [s for s in (claim.span, claim.source, claim.cue) if s is not None]
        top = min(view.cursorRect(_cursor(view, s.start)).top() for s in spans)
        bottom = max(view.cursorRect(_cursor(view, s.end)).bottom() for s in spans)
        if bottom - top < view.viewport().height() - 4 * line:  # it fits with its margins
            assert top >= line and bottom <= view.viewport().height() - line


def _cursor(view, position: int):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(position))
    return cursor


def test_o_shows_every_claims_link_to_its_source(window, qapp):
    session = window.workspace.session
    view = window.workspace.view
    with_source = [c for c in session.claims if c.source is not None]
    assert with_source
    press(window, "o")
    qapp.processEvents()
    assert view.overview and view.gutter.width() > view.gutter.WIDTH
    links = view.gutter.links
    assert len(links) == len(with_source)
    assert sum(link.selected for link in links) == 1
    assert "Overview on" in window.statusBar().currentMessage()
    press(window, "j")
    qapp.processEvents()
    assert view.gutter.grab().save("/tmp/overview-gutter.png")
    press(window, "o")
    assert not view.overview and view.gutter.width() == view.gutter.WIDTH


def test_dashboard_ticks_are_whole_numbers_once_each():
    assert [integer_step(m) for m in (1, 2, 5, 6, 11, 99)] == [1, 1, 1, 2, 5, 20]
    assert plural(1, "annotator") == "1 annotator" and plural(2, "annotator") == "2 annotators"


def test_the_dashboard_axis_reads_0_1_2_for_two_claims(qtbot):
    from PySide6.QtCharts import QBarSeries, QBarSet, QValueAxis

    from annotator.gui.team.dashboard import _axes, _chart

    chart, view = _chart("test")
    qtbot.addWidget(view)
    bars = QBarSet("anna")
    bars.append([2, 1])
    series = QBarSeries()
    series.append(bars)
    _axes(chart, series, ["A", "B"], 2)
    axis = next(a for a in chart.axes() if isinstance(a, QValueAxis))
    assert (axis.min(), axis.max(), axis.tickInterval()) == (0, 2, 1)
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic


def test_the_status_bar_with_no_article_names_what_to_do(open_window, settings, tmp_path):
    window = open_window(tmp_path / "empty.sqlite", settings)
    assert "Import articles" in window.statusBar().currentMessage()
    QApplication.processEvents()
