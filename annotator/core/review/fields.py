"""How one annotator's version of a claim is shown, field by field, as plain text.

The adjudication view and the final-version dialog show these strings; the
rules (an unattributed claim shows "unattributed" as its source, a grade shows
its Admiralty meaning) live here once, next to the other claim rules."""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.models import (
    CREDIBILITY_GRADES,
    RELIABILITY_GRADES,
    SOURCE_TYPE_LABELS,
    Annotation,
    Span,
)

EXCERPT = 70


def excerpt(text: str, span: Span | None, limit: int = EXCERPT) -> str:
    if span is None:
        return "—"
    part = " ".join(text[span.start:span.end].split())
    return part if len(part) <= limit else part[:limit - 1] + "…"


def _grade(value, definitions: dict) -> str:
    if value is None:
        return "—"
    return f"{value} · {definitions[value].split(':')[0]}"


FIELDS: list[tuple[str, Callable[[Annotation, str], str]]] = [
    ("Decision", lambda a, text: a.decision.value),
    ("Claim", lambda a, text: f"{excerpt(text, Span(a.start, a.end))}  [{a.start}–{a.end}]"),
    ("Source", lambda a, text: "unattributed" if a.unattributed else excerpt(text, a.source)),
    ("Cue", lambda a, text: excerpt(text, a.cue)),
    ("Source type", lambda a, text: SOURCE_TYPE_LABELS[a.source_type] if a.source_type else "—"),
    ("Source reliability", lambda a, text: _grade(a.reliability, RELIABILITY_GRADES)),
    ("Information credibility", lambda a, text: _grade(a.credibility, CREDIBILITY_GRADES)),
    ("Attribution", lambda a, text: a.attribution.value.replace("_", " ") if a.attribution else "—"),
    ("Hedged", lambda a, text: "yes" if a.hedged else "no"),
    ("Note", lambda a, text: a.note or ""),
]


def field_values(annotation: Annotation | None, text: str) -> list[str]:
    if annotation is None:
        return ["(did not add this claim)"] + [""] * (len(FIELDS) - 1)
    return [show(annotation, text) for _, show in FIELDS]
