"""Qt counts UTF-16 code units, the core counts code points: one converter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.gui.offsets import OffsetMap

EMOJI = "Der Minister 👩‍⚕️ sagte 🇩🇪: „Café“ — עברית מרחב العربية 😀."
COMBINING = "Cafe\u0301 Zu\u0308rich"  # e + combining acute, u + combining diaeresis


def qt_slice(text: str, start: int, end: int) -> str:
    """What Qt shows between two UTF-16 positions."""
    document = QTextDocument(text)  # kept alive while the cursor reads it
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_bmp_text_maps_one_to_one():
    offsets = OffsetMap(COMBINING + " مرحبا")
    assert offsets.is_identity
    assert offsets.to_qt(7) == 7 and offsets.from_qt(7) == 7


def test_emoji_shift_qt_positions_and_map_back(qapp):
    offsets = OffsetMap(EMOJI)
    start = EMOJI.index("sagte")
    qt_start, qt_end = offsets.span_to_qt(start, start + 5)
    assert qt_start == start + 1  # 👩 is astral (two UTF-16 units); ⚕ (U+2695) is not
    assert qt_slice(EMOJI, qt_start, qt_end) == "sagte"
    assert offsets.span_from_qt(qt_start, qt_end) == (start, start + 5)
    last = EMOJI.index("😀")
    assert qt_slice(EMOJI, *offsets.span_to_qt(last, last + 1)) == "😀"
    assert offsets.qt_length == len(EMOJI.encode("utf-16-le")) // 2


def test_a_position_inside_a_surrogate_pair_keeps_the_character_whole():
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.from_qt(2) == 1  # inside 😀: start snaps before it
    assert offsets.from_qt(2, round_up=True) == 2  # end snaps after it
    assert offsets.span_from_qt(2, 2) == (1, 2)


def test_right_to_left_and_combining_text_round_trip(qapp):
    text = "Sprecher: " + "קבוצה אמרה" + " und " + COMBINING
    offsets = OffsetMap(text)
    start = text.index("אמרה")
    assert qt_slice(text, *offsets.span_to_qt(start, start + 4)) == "אמרה"
    accent = text.index("Cafe\u0301")
    assert qt_slice(text, *offsets.span_to_qt(accent, accent + 5)) == "Cafe\u0301"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.data())
def test_every_code_point_index_survives_the_round_trip(text, data):
    offsets = OffsetMap(text)
    index = data.draw(st.integers(0, len(text)))
    qt = offsets.to_qt(index)
    assert qt == len(text[:index].encode("utf-16-le")) // 2
    assert offsets.from_qt(qt) == index
    assert offsets.from_qt(qt, round_up=True) == index
