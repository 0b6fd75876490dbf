"""Annotation versions as merge sees them: database-independent dicts.

A version is an annotations row whose ``suggestion_id`` (a local rowid) is
replaced by the suggestion's span, ``suggestion_start``/``suggestion_end``,
so the same judgement looks the same in every database.
"""

from __future__ import annotations

import hashlib
import json


def version_of(row: dict, suggestion_span: tuple[int, int] | None) -> dict:
    version = {k: v for k, v in row.items() if k != "suggestion_id"}
    version["suggestion_start"], version["suggestion_end"] = suggestion_span or (None, None)
    return version


def version_hash(version: dict) -> str:
    text = json.dumps(version, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def claim_key(version: dict) -> tuple:
    """What one annotator can judge only once: a suggestion; a hand-added claim is its own."""
    if version["suggestion_start"] is None:
        return ("own", version["id"])
    return ("suggestion", version["annotator"], version["article_id"],
            version["suggestion_start"], version["suggestion_end"])


def recency(version: dict) -> tuple:
    """Newer edit first by time, then by revision; the hash only breaks exact ties."""
    return (version["updated_at"], version["revision"], version_hash(version))


def newest(versions: list[dict]) -> dict:
    if len(versions) == 1:  # the common case; hashing every version costs time
        return versions[0]
    return max(versions, key=recency)
