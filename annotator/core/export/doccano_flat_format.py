"""doccano without overlapping spans: for a default doccano sequence-labelling
project ("Allow overlapping spans" and relation labelling off).

A claim's source and cue usually lie inside it, which a default project
cannot hold (its import stops half-way). So each layer record becomes
several lines, none with overlapping spans:

* ``"task": "claims"`` lines hold the CLAIM spans; claims that overlap one
  another go to a further claims line, so nothing is dropped;
* one ``"task": "parts"`` line per accepted claim with a source or cue
  holds its SOURCE and CUE spans (a cue overlapping the source goes on a
  line of its own), with the claim's offsets and id to join them back.

Spans are doccano's ``"label": [[start, end, LABEL], ...]``; the other keys
(article id, annotator, task, claim) become the example's metadata.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.export.formats import ExportFormat, register
from annotator.core.export.records import Labelled, LayerRecord


def non_overlapping_rows(spans: list[Labelled]) -> list[list[Labelled]]:
    """Spans in text order, dealt into rows so that no row holds two overlapping
    spans (each span to the first row where it fits)."""
    rows: list[list[Labelled]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        for row in rows:
            if row[-1][1] <= span[0]:
                row.append(span)
                break
        else:
            rows.append([span])
    return rows


def record_lines(record: LayerRecord) -> list[str]:
    base: dict[str, Any] = {"text": record.article.text, "article_id": record.article.id,
            "annotator": record.annotator}
    lines: list[dict[str, Any]] = []
    claims = [s for s in record.spans if s[2] == "CLAIM"]
    for row in non_overlapping_rows(claims) or [[]]:
        lines.append({**base, "task": "claims", "label": [list(s) for s in row]})
    for claim in record.claims:
        if not claim.is_positive:
            continue
        parts = [(*span, label) for span, label in ((claim.source, "SOURCE"), (claim.cue, "CUE"))
                 if span is not None]
        for row in non_overlapping_rows(parts):
            lines.append({**base, "task": "parts", "claim_id": claim.id,
                          "claim_start": claim.start, "claim_end": claim.end,
                          "label": [list(s) for s in row]})
    return [json.dumps(line, ensure_ascii=False, separators=(",", ":")) for line in lines]


def article_bytes(records: list[LayerRecord], tokens: None = None) -> bytes:
    """The lines of one article's layer records (the registry's writer)."""
    return "".join(line + "\n" for r in records for line in record_lines(r)).encode("utf-8")


register(ExportFormat(
    name="doccano-flat", title="doccano (no overlap)",
    label="doccano JSONL without overlapping spans (default project settings)",
    help="doccano-flat: claims and their source/cue on separate lines, no overlapping spans",
    suffix=".jsonl", example="doccano-flat.jsonl", writer=article_bytes, cached=True,
    parallel=True, file_type="JSON Lines", position=3))
