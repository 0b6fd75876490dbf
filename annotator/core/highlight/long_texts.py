"""Texts longer than spaCy's ``max_length``: highlighted in pieces.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000 by
default; its memory grows with the text). Such a text is cut at paragraph
breaks (else line breaks, else sentence ends, else spaces) into pieces
within the limit; each piece is highlighted alone and its claims are
shifted back to offsets into the whole text. A claim never spans a
paragraph break anyway, so cutting there loses nothing.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.models import ClaimSuggestion

_CUTS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) covering ``text`` in order, each at most ``limit`` long."""
    if len(text) <= limit:
        return [(0, text)]
    result: list[tuple[int, str]] = []
    begin = 0
    while len(text) - begin > limit:
        end = _cut(text, begin, begin + limit)
        result.append((begin, text[begin:end]))
        begin = end
    result.append((begin, text[begin:]))
    return result


def _cut(text: str, begin: int, most: int) -> int:
    """The end of the next piece: after the last good separator before ``most``."""
    for separator in _CUTS:
        at = text.rfind(separator, begin + 1, most - len(separator) + 1)
        if at > begin:
            return at + len(separator)
    return most  # one unbroken run of characters: a hard cut


def shifted(claims: list[ClaimSuggestion], offset: int) -> list[ClaimSuggestion]:
    """Claims found in a piece, with offsets into the whole text."""
    if offset == 0:
        return claims

    def move(span):
        return None if span is None else dataclasses.replace(span, start=span.start + offset,
                                                             end=span.end + offset)

    return [dataclasses.replace(c, start=c.start + offset, end=c.end + offset,
                                source=move(c.source), cue=move(c.cue)) for c in claims]
