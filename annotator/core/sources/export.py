"""The registry in an export: ``sources.jsonl`` beside the data and a
section of the dataset card. Pure functions over rows the export reads."""

from __future__ import annotations

import json
from typing import Iterable

from annotator.core.sources.registry import Source

SOURCES_FILE = "sources.jsonl"
CARD_ROWS = 50  # the card lists the most-claimed sources; sources.jsonl has all


def source_record(source: Source, claims: int, articles: int) -> dict:
    return {
        "id": source.id, "name": source.name,
        "source_type": source.source_type.value if source.source_type else None,
        "aliases": list(source.aliases), "note": source.note, "external_id": source.external_id,
        "confirmed": source.confirmed, "claims": claims, "articles": articles,
    }


def source_line(source: Source, claims: int, articles: int) -> str:
    return json.dumps(source_record(source, claims, articles), ensure_ascii=False, sort_keys=True)


def card_section(rows: Iterable[tuple[str, str | None, int, int]], total: int) -> str:
    """Markdown: the sources with the most claims in the export."""
    ranked = sorted(rows, key=lambda r: (-r[2], r[0]))[:CARD_ROWS]
    lines = ["## Sources", "",
             f"{total} registry sources are linked from claims in this export "
             f"(all in `{SOURCES_FILE}`; the {min(total, CARD_ROWS)} with the most claims here).", "",
             "| source | type | claims | articles |", "| --- | --- | ---: | ---: |"]
    lines += [f"| {_cell(name)} | {source_type or '-'} | {claims} | {articles} |"
              for name, source_type, claims, articles in ranked]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
