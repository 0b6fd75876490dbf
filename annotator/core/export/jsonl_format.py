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
from annotator.core.export.records import LayerRecord, claim_payload, span_id
from annotator.core.export.tokens import Tokens

FORMAT_VERSION = 1


def hash32(value: str) -> int:
    """A stable signed 32-bit hash, the size Prodigy uses for its hashes."""
    return int.from_bytes(hashlib.sha256(value.encode("utf-8")).digest()[:4], "big", signed=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def prodigy_parts(record: LayerRecord, tokens: Tokens) -> tuple[list[dict], list[dict], int, int]:
    """spans, relations, _input_hash and _task_hash of a record."""
    text = record.article.text
    short: dict[tuple, dict] = {}  # span → Prodigy's span dict without id and text
    for start, end, label in {s for r in record.relations for s in r[:2]} | set(record.spans):
        token_start, token_end = tokens.covering(start, end)
        short[(start, end, label)] = {"start": start, "end": end, "token_start": token_start,
                                      "token_end": token_end, "label": label}
    spans = [{"id": span_id(*s), **short[s], "text": text[s[0]:s[1]]} for s in record.spans]
    relations = [{"head": short[head]["token_end"], "child": short[child]["token_end"],
                  "head_span": short[head], "child_span": short[child], "label": label}
                 for head, child, label in record.relations]
    input_hash = hash32(text)
    return spans, relations, input_hash, hash32(_dumps([input_hash, record.spans, record.relations]))


_TOKENS_SLOT = ',"tokens":null,'


def record_line(record: LayerRecord, tokens: Tokens) -> str:
    """One JSONL line (without the newline). Keys in a fixed order, so the
    same data always gives the same bytes."""
    text = record.article.text
    spans, relations, input_hash, task_hash = prodigy_parts(record, tokens)
    line = _dumps({
        "text": text, "meta": record.article.meta(), "tokens": None, "spans": spans,
        "relations": relations, "claims": [claim_payload(c, text) for c in record.claims],
        "_input_hash": input_hash, "_task_hash": task_hash, "_annotator_id": record.annotator,
        "_timestamp": iso_to_unix(record.updated_at), "answer": "accept",
    })
    # One json.dumps for the whole record, then the (often cached) tokens JSON
    # goes into its slot. The slot is found after the text and meta, where
    # JSON escaping makes a false match impossible ('"' inside strings is \").
    return line.replace(_TOKENS_SLOT, f',"tokens":{tokens.to_json(text)},', 1)
