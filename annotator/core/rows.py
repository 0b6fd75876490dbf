"""Conversion between database rows (dicts) and the domain dataclasses."""

from __future__ import annotations

import json
from typing import Any

from annotator.core.models import (
    Annotation,
    Article,
    Attribution,
    ClaimSuggestion,
    Decision,
    LogEntry,
    SourceType,
    Span,
)

ARTICLE_COLUMNS = (
    "seq", "id", "text", "title", "outlet", "url", "published", "language",
    "external_id", "source_file", "source_line", "imported_at", "meta",
)
SUGGESTION_COLUMNS = (
    "id", "article_id", "start", "end", "source_start", "source_end", "cue_start",
    "cue_end", "attribution", "hedged", "score", "pipeline", "pipeline_version",
)
# What a copy of a row carries from one database to another (merge, packages).
ARTICLE_INSERT_COLUMNS = ("id", "text", "title", "outlet", "url", "published", "language",
                          "external_id", "source_file", "source_line", "imported_at", "meta")
SUGGESTION_INSERT_COLUMNS = ("id", "article_id", "start", "end", "source_start", "source_end",
                             "cue_start", "cue_end", "attribution", "hedged", "score",
                             "pipeline", "pipeline_version", "created_at")
LOG_COLUMNS = ("annotation_id", "annotator", "at", "action", "before", "after", "db_uuid")
CHECK_COLUMNS = ("article_id", "annotator", "checked_at")
ASSIGNMENT_COLUMNS = ("article_id", "annotator", "package_uuid", "assigned_at")
CONFLICT_COLUMNS = ("version_hash", "annotation_id", "annotator", "article_id",
                    "dropped_revision", "dropped_updated_at", "dropped_origin_db", "dropped")
ANNOTATION_COLUMNS = (
    "id", "article_id", "annotator", "suggestion_id", "decision", "start", "end",
    "source_start", "source_end", "unattributed", "cue_start", "cue_end", "source_type",
    "reliability", "credibility", "attribution", "hedged", "note", "revision",
    "created_at", "updated_at", "origin_db", "flag",
)


def select_list(columns: tuple[str, ...], table: str | None = None) -> str:
    prefix = f"{table}." if table else ""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def _span_values(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        seq=row["seq"], id=row["id"], text=row["text"], title=row["title"],
        outlet=row["outlet"], url=row["url"], published=row["published"],
        language=row["language"], external_id=row["external_id"],
        source_file=row["source_file"], source_line=row["source_line"],
        imported_at=row["imported_at"], meta=json.loads(row["meta"] or "{}"),
    )


def suggestion_from_row(row: dict[str, Any]) -> ClaimSuggestion:
    return suggestion_from_values(tuple(row[c] for c in SUGGESTION_COLUMNS))


_ATTRIBUTIONS = {a.value: a for a in Attribution}


def suggestion_from_values(values: tuple) -> ClaimSuggestion:
    """A suggestion from its row as a tuple in SUGGESTION_COLUMNS order (a
    switch to a long article reads 200: dicts, name lookups and the enum's
    constructor cost ~1.5 ms of its ~3 ms, so the hot path reads tuples)."""
    (id_, article_id, start, end, source_start, source_end, cue_start, cue_end,
     attribution, hedged, score, pipeline, version) = values
    return ClaimSuggestion(
        id=id_, article_id=article_id, start=start, end=end,
        source=_span(source_start, source_end), cue=_span(cue_start, cue_end),
        attribution=_ATTRIBUTIONS.get(attribution) or Attribution(attribution), hedged=bool(hedged),
        score=score, pipeline=pipeline, pipeline_version=version,
    )


def suggestion_values(article_id: str, s: ClaimSuggestion, pipeline: str,
                      version: str, created_at: str) -> tuple:
    return (
        article_id, s.start, s.end, *_span_values(s.source), *_span_values(s.cue),
        Attribution(s.attribution).value, int(s.hedged), float(s.score), pipeline,
        version, created_at,
    )


def annotation_from_row(row: dict[str, Any]) -> Annotation:
    return Annotation(
        id=row["id"], article_id=row["article_id"], annotator=row["annotator"],
        suggestion_id=row["suggestion_id"], decision=Decision(row["decision"]),
        start=row["start"], end=row["end"],
        source=_span(row["source_start"], row["source_end"]),
        unattributed=bool(row["unattributed"]),
        cue=_span(row["cue_start"], row["cue_end"]),
        source_type=SourceType(row["source_type"]) if row["source_type"] else None,
        reliability=row["reliability"], credibility=row["credibility"],
        attribution=Attribution(row["attribution"]) if row["attribution"] else None,
        hedged=bool(row["hedged"]), note=row["note"], flag=row.get("flag"),
        revision=row["revision"],
        created_at=row["created_at"], updated_at=row["updated_at"],
        origin_db=row["origin_db"],
    )


def annotation_to_row(a: Annotation) -> dict[str, Any]:
    source_start, source_end = _span_values(a.source)
    cue_start, cue_end = _span_values(a.cue)
    return {
        "id": a.id, "article_id": a.article_id, "annotator": a.annotator,
        "suggestion_id": a.suggestion_id, "decision": Decision(a.decision).value,
        "start": a.start, "end": a.end, "source_start": source_start,
        "source_end": source_end, "unattributed": int(a.unattributed),
        "cue_start": cue_start, "cue_end": cue_end,
        "source_type": SourceType(a.source_type).value if a.source_type else None,
        "reliability": a.reliability, "credibility": a.credibility,
        "attribution": Attribution(a.attribution).value if a.attribution else None,
        "hedged": int(a.hedged), "note": a.note or "", "revision": a.revision,
        "created_at": a.created_at, "updated_at": a.updated_at, "origin_db": a.origin_db,
        "flag": a.flag,
    }


def log_entry_from_row(row: dict[str, Any]) -> LogEntry:
    return LogEntry(
        seq=row["seq"], annotation_id=row["annotation_id"], annotator=row["annotator"],
        at=row["at"], action=row["action"],
        before=json.loads(row["before"]) if row["before"] else None,
        after=json.loads(row["after"]) if row["after"] else None,
        db_uuid=row["db_uuid"],
    )
