"""doccano's JSONL for sequence labelling with relations:
{"text", "entities": [{id, label, start_offset, end_offset}],
 "relations": [{id, from_id, to_id, type}]}, plus our article id and layer.

doccano has no notion of a rejected span, so rejected claims are left out
here; the JSONL format keeps them.
"""

from __future__ import annotations

import json

from annotator.core.export.formats import ExportFormat, register
from annotator.core.export.records import LayerRecord


def record_line(record: LayerRecord) -> str:
    spans = record.spans
    entity_ids = {span: number for number, span in enumerate(spans, start=1)}
    entities = [{"id": entity_ids[s], "label": s[2], "start_offset": s[0], "end_offset": s[1]}
                for s in spans]
    relations = [{"id": number, "from_id": entity_ids[head], "to_id": entity_ids[child], "type": label}
                 for number, (head, child, label) in enumerate(record.relations, start=1)]
    line = {"text": record.article.text, "entities": entities, "relations": relations,
            "article_id": record.article.id, "annotator": record.annotator}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def article_bytes(records: list[LayerRecord], tokens: None = None) -> bytes:
    """The lines of one article's layer records (the registry's writer)."""
    return "".join(record_line(r) + "\n" for r in records).encode("utf-8")


register(ExportFormat(
    name="doccano", title="doccano", label="doccano JSONL (entities and relations)",
    help="doccano: doccano's JSONL with entities and relations", suffix=".jsonl",
    example="doccano.jsonl", writer=article_bytes, cached=True, parallel=True,
    file_type="JSON Lines", position=2))
