"""Links of claims to sources carried by an imported JSONL record.

Our export writes each claim's ``source_id``, ``source_name`` and
``source_link`` (docs/export-format.md); reading the file back
(import-annotations) restores them, so export -> import -> export loses
nothing. A source the project lacks is added under the same id (ids are
global), unconfirmed; a suggested link stays a suggestion (linked by
``@linker``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.sources.registry import LINKER, Registry, new_source, now
from annotator.core.storage import sources as stored

IMPORTED = "@import"  # linked_by of a reviewer's link read from a file


def restore_claim_links(project, article_id: str, annotation_ids: list[str], entries: Any) -> None:
    """Within the caller's transaction: ``entries`` are the record's claims,
    in the order their annotations ``annotation_ids`` were saved."""
    if not isinstance(entries, list):
        return
    for annotation_id, entry in zip(annotation_ids, entries):
        if not isinstance(entry, dict):
            continue
        source_id, name = entry.get("source_id"), entry.get("source_name")
        if not isinstance(source_id, str) or not isinstance(name, str) or not name.strip():
            continue
        source = stored.get(project.db, source_id)
        if source is None:
            source = replace(new_source(name, created_by=IMPORTED, confirmed=False), id=source_id)
            stored.put(project.db, source, Registry().keys_of(source))
        by = LINKER if entry.get("source_link") == "suggested" else IMPORTED
        stored.link_annotation(project.db, annotation_id, article_id, source.id, by, now())
