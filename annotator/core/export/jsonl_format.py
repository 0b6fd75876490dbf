"""Our main format: one JSON object per line and layer, with Prodigy's
field names (text, meta, tokens, spans, relations, _input_hash, _task_hash,
_annotator_id, _timestamp, answer) plus our "claims" with the grades.

Documented field by field in docs/export-format.md; the JSON Schema is
resources/schema/export-record.schema.json.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from json.encoder import encode_basestring  # the escaper json.dumps uses (C)
from typing import Any

from annotator.core.export.formats import ExportFormat, register
from annotator.core.export.options import iso_to_unix
from annotator.core.export.records import ExportClaim, Labelled, LayerRecord
from annotator.core.export.tokens import Tokens

FORMAT_VERSION = 1


def hash32(value: str) -> int:
    """A stable signed 32-bit hash, the size Prodigy uses for its hashes."""
    return int.from_bytes(hashlib.sha256(value.encode("utf-8")).digest()[:4], "big", signed=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# The record is written from %-templates rather than dicts + json.dumps: an
# export writes ~50 small objects per record, and building then serialising
# them cost most of the time outside tokenizing. The templates give the very
# bytes json.dumps(..., ensure_ascii=False, separators=(",", ":")) gives
# (the same C string escaper; ints and fixed ASCII labels as they are);
# tests/test_export_jsonl.py checks each line re-serialises to itself.
_SHORT_SPAN = '{"start":%d,"end":%d,"token_start":%d,"token_end":%d,"label":"%s"}'
_SPAN = '{"id":"%s-%d-%d","start":%d,"end":%d,"token_start":%d,"token_end":%d,"label":"%s","text":%s}'
_RELATION = '{"head":%d,"child":%d,"head_span":%s,"child_span":%s,"label":"%s"}'
_PART = '{"start":%d,"end":%d,"text":%s,"span_id":%s}'
_CLAIM = ('{"id":%s,"decision":%s,"claim":%s,"source":%s,"cue":%s,"unattributed":%s,'
          '"source_type":%s,"attribution":%s,"hedged":%s,"source_reliability":%s,'
          '"information_credibility":%s,"note":%s,"flag":%s,"source_id":%s,"source_name":%s,'
          '"source_link":%s%s}')
_META = ('{"article_id":%s,"title":%s,"outlet":%s,"url":%s,"published":%s,"source_file":%s,'
         '"external_id":%s,"language":%s}')
_TAIL = (',"spans":[%s],"relations":[%s],"claims":[%s],"_input_hash":%d,"_task_hash":%d,'
         '"_annotator_id":%s,"_timestamp":%d,"answer":"accept"}\n')


def _value(value: Any) -> str:
    """JSON of a scalar, as json.dumps writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return str(value)
    if type(value) is float and value - value == 0:  # finite: json.dumps writes float.__repr__
        return float.__repr__(value)
    return _dumps(value)  # NaN, infinities and anything unusual


def _meta(article) -> str:
    return _META % (encode_basestring(article.id), _value(article.title), _value(article.outlet),
                    _value(article.url), _value(article.published), _value(article.source_file),
                    _value(article.external_id), _value(article.language))


def _part(text: str, span: tuple[int, int] | None, label: str, positive: bool) -> str:
    if span is None:
        return "null"
    start, end = span
    span_ref = f'"{label}-{start}-{end}"' if positive else "null"
    return _PART % (start, end, encode_basestring(text[start:end]), span_ref)


def _claim(claim: ExportClaim, text: str) -> str:
    """The JSON of records.claim_payload(claim, text)."""
    positive = claim.decision != "reject"
    score = ',"score":' + _value(claim.score)  # every layer has the same keys
    if claim.related is not None:
        score += (',"related":' + _dumps(claim.related)
                  + ',"credibility_proposal":' + _dumps(claim.credibility_proposal))
    return _CLAIM % (
        _value(claim.id), _value(claim.decision), _part(text, (claim.start, claim.end), "claim", positive),
        _part(text, claim.source, "source", positive), _part(text, claim.cue, "cue", positive),
        _value(claim.unattributed), _value(claim.source_type), _value(claim.attribution),
        _value(claim.hedged), _value(claim.reliability), _value(claim.credibility),
        _value(claim.note), _value(claim.flag), _value(claim.source_id), _value(claim.source_name),
        _value(claim.source_link),
        score)


def task_hash(input_hash: int, spans: list[Labelled], relations: list) -> int:
    """hash32 of [input_hash, spans, relations] as compact JSON."""
    spans_json = ",".join('[%d,%d,"%s"]' % s for s in spans)
    relations_json = ",".join('[[%d,%d,"%s"],[%d,%d,"%s"],"%s"]' % (*head, *child, label)
                              for head, child, label in relations)
    return hash32(f"[{input_hash},[{spans_json}],[{relations_json}]]")


def record_bytes(record: LayerRecord, tokens: Tokens) -> tuple[bytes, bytes, bytes]:
    """One JSONL line with its newline, in three pieces to write in turn:
    the start, the tokens' JSON (often straight from the token cache, never
    decoded) and the rest. Keys in a fixed order: the same data always gives
    the same bytes."""
    article = record.article
    text = article.text
    starts = tokens.starts
    covering: dict[Labelled, tuple[int, int]] = {}
    for span in record.spans:
        # Tokens.covering inlined (a call per span showed in profiles): the
        # first and last (inclusive) token of the span.
        start, end = span[0], span[1]
        first = bisect_right(starts, start) - 1
        first = first if first > 0 else 0
        final = bisect_right(starts, end - 1 if end - 1 > start else start) - 1
        covering[span] = (first, final if final > first else first)
    relations = record.relations
    for head, child, _ in relations:  # relation ends are spans too, but be safe
        for span in (head, child):
            if span not in covering:
                covering[span] = tokens.covering(span[0], span[1])
    short = {span: _SHORT_SPAN % (span[0], span[1], *covering[span], span[2]) for span in covering}
    spans_json = ",".join(
        _SPAN % (label.lower(), start, end, start, end, *covering[(start, end, label)], label,
                 encode_basestring(text[start:end]))
        for start, end, label in record.spans)
    relations_json = ",".join(
        _RELATION % (covering[head][1], covering[child][1], short[head], short[child], label)
        for head, child, label in relations)
    claims_json = ",".join(_claim(claim, text) for claim in record.claims)
    input_hash = hash32(text)
    opening = '{"text":%s,"meta":%s,"tokens":' % (encode_basestring(text), _meta(article))
    tail = _TAIL % (spans_json, relations_json, claims_json, input_hash,
                    task_hash(input_hash, record.spans, relations), _value(record.annotator),
                    iso_to_unix(record.updated_at))
    return opening.encode("utf-8"), tokens.json_bytes(text), tail.encode("utf-8")


def record_line(record: LayerRecord, tokens: Tokens) -> str:
    """One JSONL line (without the newline), as text."""
    return b"".join(record_bytes(record, tokens)).decode("utf-8")[:-1]


def article_bytes(records: list[LayerRecord], tokens: Tokens) -> bytes:
    """The lines of one article's layer records (the registry's writer)."""
    return b"".join(piece for record in records for piece in record_bytes(record, tokens))


register(ExportFormat(
    name="jsonl", title="JSONL", label="JSONL (Prodigy field names, with grades)",
    help="jsonl: our records with Prodigy's field names", suffix=".jsonl",
    example="claims.jsonl", writer=article_bytes, tokens=True, cached=True, parallel=True,
    file_type="JSON Lines", position=0))
