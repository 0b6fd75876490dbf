"""The rules of a span: whole words, within one paragraph.

A claim, source or cue that starts or ends inside a word cannot be aligned
with the exported tokens, and one that runs across a paragraph break joins
text that does not belong together. The reviewer's selection is snapped
to whole words (:func:`snap`); what still crosses a paragraph is refused.
The project checks the same for every new or changed span it stores
(:func:`check_annotation_spans`); an import that must keep other tools'
spans as they are passes ``allow_partial_tokens``.

A paragraph break is a blank line; in a text without blank lines (one
paragraph per line, as most of our inputs are) it is a line break.
"""

from __future__ import annotations

import re

from annotator.core.models import Annotation, ClaimSuggestion, Span

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def inside_word(text: str, index: int) -> bool:
    """Whether ``index`` falls between two characters of one word."""
    return 0 < index < len(text) and text[index - 1].isalnum() and text[index].isalnum()


def snap(text: str, span: Span) -> Span:
    """``span`` without outer whitespace, widened to whole words."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    return Span(start, end)


def crosses_paragraph(text: str, span: Span) -> bool:
    inner = text[span.start:span.end]
    if _BLANK_LINE.search(text):
        return bool(_BLANK_LINE.search(inner))
    return "\n" in inner


def span_problem(text: str, span: Span, *, allow_partial_tokens: bool = False) -> str | None:
    """What is wrong with ``span`` of ``text``, or None."""
    if crosses_paragraph(text, span):
        return "runs across a paragraph break; mark it within one paragraph"
    if not allow_partial_tokens:
        if inside_word(text, span.start):
            return f"starts inside the word at {span.start}; spans cover whole words"
        if inside_word(text, span.end):
            return f"ends inside the word at {span.end}; spans cover whole words"
    return None


def check_annotation_spans(text: str, annotation: Annotation,
                           previous: Annotation | ClaimSuggestion | None, *,
                           allow_partial_tokens: bool = False) -> None:
    """ValueError naming the first new or changed span of ``annotation`` that
    breaks the rules. ``previous`` is what it changes: the stored annotation,
    or the suggestion it reviews; spans taken over from it stay as they are
    (stored before these rules, or the highlighter's own)."""
    parts = (("claim", Span(annotation.start, annotation.end),
              None if previous is None else Span(previous.start, previous.end)),
             ("source", annotation.source, None if previous is None else previous.source),
             ("cue", annotation.cue, None if previous is None else previous.cue))
    for what, span, before in parts:
        if span is None or span == before:
            continue
        problem = span_problem(text, span, allow_partial_tokens=allow_partial_tokens)
        if problem:
            raise ValueError(f"the {what} {span.start}..{span.end} {problem}")
