"""The format-neutral unit of an export: one article seen through one layer.

A layer is one annotator's annotations of an article, the adjudicated
version, or the pre-highlighter's suggestions. Each format module turns a
:class:`LayerRecord` into its own lines or Docs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

# Relation labels: SOURCE → CLAIM and CUE → CLAIM.
SOURCE_OF = "SOURCE_OF"
CUE_OF = "CUE_OF"
LABELS = ("CLAIM", "SOURCE", "CUE")
_LABEL_ORDER = {label: i for i, label in enumerate(LABELS)}

SUGGESTIONS_PREFIX = "@pipeline:"

# Why a claim of an exported article is not in its layer (a trainer would
# otherwise learn it as a non-claim): the reasons the card and CLI name.
OPEN_GROUP = "open disagreement (adjudicated layer)"
CHANGED_GROUP = "changed since adjudicated (adjudicated layer)"
UNJUDGED = "suggestion not yet judged (annotator layer)"
LEFT_OUT = (OPEN_GROUP, CHANGED_GROUP, UNJUDGED)


def pipeline_layer_name(pipeline: str | None, version: str | None) -> str:
    """The annotator id of a pipeline's suggestions, e.g. ``@pipeline:rules:0.3.1``."""
    return f"{SUGGESTIONS_PREFIX}{pipeline or 'unknown'}:{version or 'unknown'}"


# Plain slotted dataclasses: a frozen one costs a setattr call per field to
# build, and exports build hundreds of thousands of these.
@dataclass(slots=True)
class ExportArticle:
    id: str
    seq: int
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = "de"
    external_id: str | None = None
    source_file: str | None = None

    def meta(self) -> dict[str, Any]:
        """Prodigy's "meta": what an annotator or a converter shows about the text."""
        return {
            "article_id": self.id, "title": self.title, "outlet": self.outlet,
            "url": self.url, "published": self.published, "source_file": self.source_file,
            "external_id": self.external_id, "language": self.language,
        }


@dataclass(slots=True)
class ExportClaim:
    """One claim of a layer. ``decision`` is None for an unreviewed suggestion;
    rejected claims are negatives: kept, but never turned into spans."""

    id: str
    decision: str | None
    start: int
    end: int
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    unattributed: bool = False
    source_type: str | None = None
    attribution: str | None = None
    hedged: bool = False
    reliability: str | None = None
    credibility: int | None = None
    note: str = ""
    flag: str | None = None  # the reviewer's mark: flagged, unsure, skipped (models.FLAGS)
    score: float | None = None
    source_id: str | None = None  # the source registry's entity (docs/sources.md)
    source_name: str | None = None  # its canonical name
    source_link: str | None = None  # "confirmed" by a reviewer, or "suggested" by the linker
    suggestion_id: int | None = None  # the suggestion it reviews (not exported: ids are local)
    # claims across articles (issue 15): pairs this layer's annotator judged, and
    # the credibility proposal from them; None when the claim has no judged pair
    related: list[dict] | None = None
    credibility_proposal: dict | None = None

    @property
    def is_positive(self) -> bool:
        return self.decision != "reject"


Labelled = tuple[int, int, str]  # (start, end, label)


@dataclass
class LayerRecord:
    article: ExportArticle
    annotator: str
    claims: list[ExportClaim] = field(default_factory=list)
    updated_at: str | None = None  # newest change in the layer: the record's timestamp
    # claims of the article this layer leaves out, by reason (see LEFT_OUT)
    left_out: dict[str, int] = field(default_factory=dict)

    @cached_property
    def spans(self) -> list[Labelled]:
        """All distinct spans of the positive claims, in text order."""
        unique = {span for claim in self.claims if claim.is_positive for span in labelled_spans(claim)}
        return sorted(unique, key=lambda s: (s[0], s[1], _LABEL_ORDER[s[2]]))

    @cached_property
    def relations(self) -> list[tuple[Labelled, Labelled, str]]:
        """(head, child, label) for SOURCE → CLAIM and CUE → CLAIM, deduplicated."""
        relations = set()
        for claim in self.claims:
            if not claim.is_positive:
                continue
            child = (claim.start, claim.end, "CLAIM")
            if claim.source is not None:
                relations.add(((*claim.source, "SOURCE"), child, SOURCE_OF))
            if claim.cue is not None:
                relations.add(((*claim.cue, "CUE"), child, CUE_OF))
        return sorted(relations, key=lambda r: (r[1], r[2], r[0]))


def labelled_spans(claim: ExportClaim) -> list[Labelled]:
    """The (start, end, label) spans a positive claim contributes."""
    spans = [(claim.start, claim.end, "CLAIM")]
    if claim.source is not None:
        spans.append((*claim.source, "SOURCE"))
    if claim.cue is not None:
        spans.append((*claim.cue, "CUE"))
    return spans


def span_id(start: int, end: int, label: str) -> str:
    """Stable id of a span within its record, e.g. ``source-12-31``."""
    return f"{label.lower()}-{start}-{end}"


def _part(text: str, span: tuple[int, int] | None, label: str, positive: bool) -> dict | None:
    if span is None:
        return None
    start, end = span
    return {"start": start, "end": end, "text": text[start:end],
            "span_id": span_id(start, end, label) if positive else None}


def claim_payload(claim: ExportClaim, text: str) -> dict[str, Any]:
    """Our "claims" entry: the claim's parts (with the ids of their spans, None
    for a rejected claim, whose parts are not spans) and its judgement."""
    positive = claim.is_positive
    payload: dict[str, Any] = {
        "id": claim.id,
        "decision": claim.decision,
        "claim": _part(text, (claim.start, claim.end), "CLAIM", positive),
        "source": _part(text, claim.source, "SOURCE", positive),
        "cue": _part(text, claim.cue, "CUE", positive),
        "unattributed": claim.unattributed,
        "source_type": claim.source_type,
        "attribution": claim.attribution,
        "hedged": claim.hedged,
        "source_reliability": claim.reliability,
        "information_credibility": claim.credibility,
        "note": claim.note,
        "flag": claim.flag,
        "source_id": claim.source_id,
        "source_name": claim.source_name,
        "source_link": claim.source_link,
    }
    payload["score"] = claim.score  # every layer has the same keys (None for people)
    if claim.related is not None:
        payload["related"] = claim.related
        payload["credibility_proposal"] = claim.credibility_proposal
    return payload
