"""Bulk reads for export: articles in batches with all their layers at once.

The project's per-article methods would cost several queries per article;
here one batch of articles costs four queries whatever its size, through the
named bulk reads of :mod:`annotator.core.storage` (rows as tuples in the
column order their docstrings give).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from annotator.core.corroboration.export_fields import add_related, judgements_by_article
from annotator.core.export.adjudicated import adjudicated_claims
from annotator.core.export.options import ExportError, ExportOptions
from annotator.core.export.records import (
    UNJUDGED,
    ExportArticle,
    ExportClaim,
    LayerRecord,
    pipeline_layer_name,
)
from annotator.core.models import ADJUDICATED_LAYER
from annotator.core.sources.registry import LINKER
from annotator.core.storage import annotations as annotation_store
from annotator.core.storage import articles, suggestions
from annotator.core.storage import sources as source_links


@dataclass
class Selection:
    """Which annotator names to read, and how to pick layers per article."""

    layer: str
    names: list[str]
    only_reviewed: bool

    def describe(self) -> str:
        if self.layer == "suggestions":
            who = "the pre-highlighter"
        else:
            who = ", ".join(self.names) or "no annotators yet"
        reviewed = ", only fully reviewed articles" if self.only_reviewed else ""
        return f"layer {self.layer} ({who}{reviewed})"


def resolve_selection(project, options: ExportOptions) -> Selection:
    """Check the requested annotators exist and list the names to read."""
    known = project.annotators()
    humans = [name for name in known if not name.startswith("@")]
    for name in options.annotators:
        if name not in known:
            listed = ", ".join(humans) or "none yet"
            raise ExportError(f"no annotator named {name!r} in this project (annotators: {listed})")
    chosen = list(dict.fromkeys(options.annotators)) or humans
    names = {"annotators": chosen, "adjudicated": [ADJUDICATED_LAYER],
             "best": [*chosen, ADJUDICATED_LAYER], "suggestions": []}[options.layer]
    return Selection(options.layer, names, options.only_reviewed)


ArticleRow = tuple[int, str, bytes]  # (seq, id, stamp); see schema.m003_article_stamps


def iter_article_batches(project, batch_size: int = 256) -> Iterator[list[ArticleRow]]:
    """Every article in import order, in batches, with its stamp (b"" for an
    article that never had a suggestion or an annotation)."""
    last_seq = 0
    while True:
        rows = articles.batch_with_stamps(project.db, last_seq, batch_size)
        if not rows:
            return
        last_seq = rows[-1][0]
        yield rows


def iter_layer_records(project, selection: Selection, *, batch_size: int = 256,
                       on_batch: Callable[[int], None] | None = None) -> Iterator[LayerRecord]:
    """Every selected layer of every article, in import order, streamed.

    ``on_batch(articles_seen)`` is called after each batch (progress, cancel)."""
    seen = 0
    for rows in iter_article_batches(project, batch_size):
        seen += len(rows)
        yield from batch_records(project, selection, [r[1] for r in rows])
        if on_batch is not None:
            on_batch(seen)


def batch_records(project, selection: Selection, ids: list[str]) -> Iterator[LayerRecord]:
    """The selected layers of the articles ``ids``, in import order, an
    article's layers together."""
    if selection.layer == "suggestions":
        yield from suggestion_records(suggestion_rows(project, ids))
        return
    layers = _annotation_layers(project, selection, ids)
    if layers:
        articles = _articles(project, [i for i in ids if i in layers])
        yield from _records(layers, articles, source_links.export_links(project.db, [a.id for a in articles]))


# The suggestions layer as the database gives it: (suggestion rows, article
# rows, source links), tuples of plain values. An import's writer reads
# them and its workers build the records (pickling rows costs a fraction of
# pickling the records' objects, and the writer builds none).
SuggestionRows = tuple[list[tuple], list[tuple], dict]


def suggestion_rows(project, ids: list[str]) -> SuggestionRows:
    """The rows :func:`suggestion_records` builds the articles' records from."""
    rows = [tuple(row) for row in suggestions.export_rows(project.db, ids)]
    having = {row[0] for row in rows}
    kept = [i for i in ids if i in having]
    if not kept:
        return rows, [], {}
    return rows, [tuple(row) for row in articles.export_rows(project.db, kept)], \
        source_links.export_links(project.db, kept)


def suggestion_records(read: SuggestionRows) -> Iterator[LayerRecord]:
    """The suggestions layer's records of :func:`suggestion_rows`, in import order."""
    rows, article_rows, links = read
    if article_rows:
        yield from _records(_suggestion_layers(rows), [ExportArticle(*row) for row in article_rows], links)


def _records(layers: Layers, articles: list[ExportArticle], links: dict) -> Iterator[LayerRecord]:
    for article in articles:
        for annotator, (claims, updated_at, *left_out) in layers[article.id].items():
            _link_sources(claims, links[article.id])
            yield LayerRecord(article, annotator, claims, updated_at, left_out[0] if left_out else {})


def _link_sources(claims: list[ExportClaim], links: dict) -> None:
    """The source entity of each claim: a reviewer's link, else the linker's
    suggestion for the suggestion the claim reviews (docs/sources.md)."""
    for claim in claims:
        found = links["annotations"].get(claim.id)
        if found is not None:  # a link the linker made, carried in from a file, stays a suggestion
            claim.source_id, claim.source_name = found[0], found[1]
            claim.source_link = "suggested" if found[2] == LINKER else "confirmed"
            continue
        suggested = links["suggestions"].get(claim.suggestion_id)
        if suggested is not None and suggested[2] == claim.source:  # the same span as suggested
            claim.source_id, claim.source_name, claim.source_link = suggested[0], suggested[1], "suggested"


def _articles(project, ids: list[str]) -> list[ExportArticle]:
    return [ExportArticle(*row) for row in articles.export_rows(project.db, ids)]


# article id -> layer name -> (claims, newest change[, left out by reason])
Layers = dict[str, dict[str, tuple]]


def _annotation_layers(project, selection: Selection, ids: list[str]) -> Layers:
    if not selection.names:
        return {}
    grouped: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for row in annotation_store.export_rows(project.db, ids, selection.names):
        grouped[row[0]][row[1]].append(row)
    if selection.layer == "best":
        _one_best_layer(grouped)
    counts = suggestions.counts_by_article(project.db, list(grouped)) if grouped else {}
    if selection.only_reviewed:
        _keep_complete_layers(grouped, counts)
    layers: Layers = {}
    judged = judgements_by_article(project, list(grouped))
    for article_id, by_name in grouped.items():
        for name, rows in by_name.items():
            if name == ADJUDICATED_LAYER:
                layer = _adjudicated_layer(project, article_id, selection)
            else:
                unjudged = counts.get(article_id, 0) - _judged(rows)
                layer = (*_claims_of(rows), {UNJUDGED: unjudged} if unjudged > 0 else {})
            if layer is not None:
                if article_id in judged and name != ADJUDICATED_LAYER:
                    add_related(project, article_id, name, layer[0], judged[article_id])
                layers.setdefault(article_id, {})[name] = layer
    return layers


def _judged(rows: list[tuple]) -> int:
    return sum(r[17] is not None for r in rows)


def _adjudicated_layer(project, article_id: str, selection: Selection):
    claims, newest, left_out = adjudicated_claims(project, article_id)
    if not claims or (selection.only_reviewed and left_out):
        return None
    return claims, newest, left_out


def _keep_complete_layers(grouped: dict[str, dict[str, list[tuple]]], counts: dict[str, int]) -> None:
    """Drop annotators' layers that have not judged every suggestion of their
    article: a half-reviewed article would teach a model that unjudged claims
    are none. (The adjudicated layer has its own test of completeness.)"""
    for article_id, by_name in grouped.items():
        for name in [n for n, rows in by_name.items() if n != ADJUDICATED_LAYER
                     and _judged(rows) < counts.get(article_id, 0)]:
            del by_name[name]


def _one_best_layer(grouped: dict[str, dict[str, list[tuple]]]) -> None:
    """"best": one record per article. The adjudicated version if the lead
    adjudicated the article; else the annotator layer that judged the most
    claims (then the newest change, then a fixed order of names): annotators who agree
    give the same record, so one of them stands for all."""
    for by_name in grouped.values():
        if ADJUDICATED_LAYER in by_name:
            name = ADJUDICATED_LAYER
        else:
            name = max(by_name, key=lambda n: (len(by_name[n]), max(r[18] for r in by_name[n]),
                                               _reverse(n)))
        chosen = by_name[name]
        by_name.clear()
        by_name[name] = chosen


def _reverse(name: str) -> tuple[int, ...]:
    """Orders names backwards, so max() picks the first name in alphabetical order."""
    return tuple(-ord(c) for c in name)


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


def _claims_of(rows: list[tuple]) -> tuple[list[ExportClaim], str | None]:
    claims = [
        ExportClaim(
            id=r[2], decision=r[3], start=r[4], end=r[5], source=_span(r[6], r[7]),
            cue=_span(r[8], r[9]), unattributed=bool(r[10]), source_type=r[11],
            attribution=r[12], hedged=bool(r[13]), reliability=r[14], credibility=r[15],
            note=r[16] or "", suggestion_id=r[17], flag=r[19],
        )
        for r in rows
    ]
    return claims, max(r[18] for r in rows)


def _suggestion_layers(rows: list[tuple]) -> Layers:
    layers: Layers = defaultdict(dict)
    grouped: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[(row[0], pipeline_layer_name(row[1], row[2]))].append(row)
    for (article_id, name), rows in grouped.items():
        claims = [
            ExportClaim(
                id=f"suggestion-{r[3]}", decision=None, start=r[4], end=r[5],
                source=_span(r[6], r[7]), cue=_span(r[8], r[9]), attribution=r[10],
                unattributed=r[6] is None and r[10] == "unattributed",
                hedged=bool(r[11]), score=r[12], suggestion_id=r[3],
            )
            for r in rows
        ]
        layers[article_id][name] = (claims, max(r[13] for r in rows))
    return layers
