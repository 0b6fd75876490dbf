"""The Hugging Face ``datasets`` features of a JSONL export record.

JSON has no typed null: a column that is null in every row of one export
(the decision in the suggestions layer, the score in a people's layer)
would load as type ``null`` there and as a string or number elsewhere, and
``concatenate_datasets`` would refuse. Every layer writes the same keys
(docs/export-format.md); loading with these features types the nulls too::

    load_dataset("json", data_files="claims.jsonl", features=hf_features())

``datasets`` is imported only when this is called (it is no dependency of
the tool, only of its tests and of whoever trains).
"""

from __future__ import annotations

from typing import Any


def hf_features() -> Any:
    from datasets import Features, Value  # here: optional, and slow to import

    string, int64, boolean = Value("string"), Value("int64"), Value("bool")
    part = {"start": int64, "end": int64, "text": string, "span_id": string}
    short_span = {"start": int64, "end": int64, "token_start": int64, "token_end": int64,
                  "label": string}
    return Features({
        "text": string,
        "meta": {key: string for key in ("article_id", "title", "outlet", "url", "published",
                                         "source_file", "external_id", "language")},
        "tokens": [{"text": string, "start": int64, "end": int64, "id": int64, "ws": boolean}],
        "spans": [{"id": string, **short_span, "text": string}],
        "relations": [{"head": int64, "child": int64, "head_span": short_span,
                       "child_span": short_span, "label": string}],
        "claims": [{
            "id": string, "decision": string, "claim": part, "source": part, "cue": part,
            "unattributed": boolean, "source_type": string, "attribution": string,
            "hedged": boolean, "source_reliability": string,
            "information_credibility": int64, "note": string, "flag": string,
            "source_id": string, "source_name": string, "source_link": string,  # the source registry
            "score": Value("float64"),
        }],
        "_input_hash": int64, "_task_hash": int64, "_annotator_id": string,
        "_timestamp": int64, "answer": string,
    })


