"""The registry in a merge of annotators' databases (team/merge.py).

Sources sharing a canonical name or alias are one entity
(registry.merge_with_map); every link and grade follows its source to
the surviving id. Links of one annotation in two inputs: the latest link
wins; links of one suggestion (found by span): the surest, then the
smallest source id. Conflicting types or external ids are recorded in
``source_conflicts``. Every choice looks only at the rows, never at the
order of the inputs, so the merge stays order-independent and idempotent.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from annotator.core.sources.registry import Registry, SourceGrade, merge_with_map
from annotator.core.storage import merging, source_merging
from annotator.core.storage import sources as stored


def merge_registries_into(conn: sqlite3.Connection, inputs: list[Path]) -> int:
    """Write the merged registry of ``inputs`` into the output ``conn``
    (one transaction); returns the number of sources."""
    read = [r for r in (source_merging.read_input(p) for p in inputs) if r is not None]
    entities, clashes, id_map = merge_with_map(*(r["sources"] for r in read))
    keys_of = Registry().keys_of
    merging.begin(conn)
    for source in entities:
        stored.put(conn, source, keys_of(source))
    _conflicts(conn, read, clashes, id_map)
    _annotation_links(conn, read, id_map)
    _suggestion_links(conn, read, id_map)
    grades = {(id_map.get(g.source_id, g.source_id), g.annotator, g.reliability, g.at, g.article_id,
               g.annotation_id) for r in read for g in r["grades"]}
    for values in sorted(grades, key=repr):
        stored.add_grade(conn, SourceGrade(*values))
    merging.commit(conn)
    return len(entities)


def _conflicts(conn, read: list[dict], clashes: dict[str, list[str]], id_map: dict[str, str]) -> None:
    members: dict[str, list] = {}
    for r in read:
        for s in r["sources"]:
            members.setdefault(id_map[s.id], []).append(s)
    for source_id, fields in clashes.items():
        group = members[source_id]
        # from the data, not the clock: the oldest member's creation, which the
        # merged entity keeps, so a later merge with the output finds the same time
        at = min(s.created_at for s in group)
        for field_name in fields:
            values = sorted({str(v.value if hasattr(v, "value") else v)
                             for v in (getattr(s, field_name) for s in group) if v is not None})
            source_merging.insert_conflict_row(conn, source_id, field_name, json.dumps(values), at)
    for r in read:
        for source_id, field_name, values, at in r["conflicts"]:
            source_merging.insert_conflict_row(conn, id_map.get(source_id, source_id), field_name, values, at)


def _annotation_links(conn, read: list[dict], id_map: dict[str, str]) -> None:
    present = source_merging.annotation_ids(conn)
    known = set(id_map.values())
    best: dict[str, tuple] = {}
    for r in read:
        for annotation_id, article_id, source_id, by, at in r["annotations"]:
            row = (at, id_map.get(source_id, source_id), by, article_id)
            if row[1] not in known:
                continue  # a link to a source its database no longer has
            if annotation_id in present and (annotation_id not in best or row > best[annotation_id]):
                best[annotation_id] = row
    for annotation_id, (at, source_id, by, article_id) in sorted(best.items()):
        stored.link_annotation(conn, annotation_id, article_id, source_id, by, at)


def _suggestion_links(conn, read: list[dict], id_map: dict[str, str]) -> None:
    by_span = source_merging.suggestion_ids_by_span(conn)
    best: dict[int, tuple] = {}
    for r in read:
        for article_id, start, end, source_id, confidence, reason in r["suggestions"]:
            sid = by_span.get((article_id, start, end))
            mapped = id_map.get(source_id) if source_id else None
            row = (confidence, mapped or "", reason, article_id)
            if sid is not None and (sid not in best or row > best[sid]):
                best[sid] = row
    per_article: dict[str, list] = {}
    for sid, (confidence, source_id, reason, article_id) in sorted(best.items()):
        per_article.setdefault(article_id, []).append((sid, source_id or None, confidence, reason))
    for article_id, rows in per_article.items():
        stored.link_suggestions(conn, article_id, rows)
