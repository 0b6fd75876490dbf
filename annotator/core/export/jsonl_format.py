"""Our main format: one JSON object per line and layer, with Prodigy's
field names (text, meta, tokens, spans, relations, _input_hash, _task_hash,
_annotator_id, _timestamp, answer) plus our "claims" with the grades.

Documented field by field in docs/export-format.md; the JSON Schema is
resources/schema/export-record.schema.json.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from annotator.core.export.options import iso_to_unix
from annotator.core.export.records import (
    LayerRecord,
    claim_payload,
    record_relations,
    record_spans,
    span_id,
)
from annotator.core.export.tokens import Tokens

FORMAT_VERSION = 1


def hash32(value: str) -> int:
    """A stable signed 32-bit hash, the size Prodigy uses for its hashes."""
    return int.from_bytes(hashlib.sha256(value.encode("utf-8")).digest()[:4], "big", signed=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span_dict(span: tuple[int, int, str], tokens: Tokens, text: str, with_id: bool) -> dict:
    start, end, label = span
    token_start, token_end = tokens.covering(start, end)
    result = {"start": start, "end": end, "token_start": token_start,
              "token_end": token_end, "label": label}
    if with_id:
        result = {"id": span_id(start, end, label), **result, "text": text[start:end]}
    return result


def prodigy_parts(record: LayerRecord, tokens: Tokens) -> tuple[list[dict], list[dict], int, int]:
    """spans, relations, _input_hash and _task_hash of a record."""
    text = record.article.text
    spans = [_span_dict(s, tokens, text, True) for s in record_spans(record)]
    relations = []
    for head, child, label in record_relations(record):
        head_span, child_span = _span_dict(head, tokens, text, False), _span_dict(child, tokens, text, False)
        relations.append({"head": head_span["token_end"], "child": child_span["token_end"],
                          "head_span": head_span, "child_span": child_span, "label": label})
    input_hash = hash32(text)
    task_key = _dumps([input_hash, [[s["start"], s["end"], s["label"]] for s in spans],
                       [[r["head_span"]["start"], r["child_span"]["start"], r["label"]] for r in relations]])
    return spans, relations, input_hash, hash32(task_key)


def record_line(record: LayerRecord, tokens: Tokens, tokens_json: str | None = None) -> str:
    """One JSONL line (without the newline). Keys in a fixed order, so the
    same data always gives the same bytes."""
    text = record.article.text
    spans, relations, input_hash, task_hash = prodigy_parts(record, tokens)
    claims = [claim_payload(c, text) for c in record.claims]
    return "".join((
        '{"text":', _dumps(text),
        ',"meta":', _dumps(record.article.meta()),
        ',"tokens":', tokens_json if tokens_json is not None else tokens.to_json(text),
        ',"spans":', _dumps(spans),
        ',"relations":', _dumps(relations),
        ',"claims":', _dumps(claims),
        ',"_input_hash":', str(input_hash),
        ',"_task_hash":', str(task_hash),
        ',"_annotator_id":', _dumps(record.annotator),
        ',"_timestamp":', str(iso_to_unix(record.updated_at)),
        ',"answer":"accept"}',
    ))
