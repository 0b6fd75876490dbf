"""The registry in an export: ``sources.jsonl`` beside the data and a
section of the dataset card. Pure functions over rows the export reads."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

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
    lines = ["## Sources",
             f"{total} registry sources are linked from claims in this export "
             f"(all in `*{SOURCES_FILE}`; the {min(total, CARD_ROWS)} with the most claims here).", "",
             "| source | type | claims | articles |", "| --- | --- | ---: | ---: |"]
    lines += [f"| {_cell(name)} | {source_type or '-'} | {claims} | {articles} |"
              for name, source_type, claims, articles in ranked]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def sources_path(out_path: Path) -> Path:
    """``claims.jsonl`` -> ``claims.sources.jsonl`` beside it (like the card)."""
    return out_path.with_name(f"{out_path.stem}.{SOURCES_FILE}")


def write_sources(project, claims: Counter, articles: Counter, path: Path) -> str:
    """Write one line per source linked in the export (sorted by id, so the
    same data gives the same file) and return the card's section."""
    from annotator.core.storage import sources as stored  # export reads it only when linked

    rows = []
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for source_id in sorted(claims):
            source = stored.get(project.db, source_id)
            if source is None:
                continue
            out.write(source_line(source, claims[source_id], articles[source_id]) + "\n")
            rows.append((source.name, source.source_type.value if source.source_type else None,
                         claims[source_id], articles[source_id]))
    return card_section(rows, len(rows))
