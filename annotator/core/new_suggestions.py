"""What follows the suggestions of a batch of newly imported articles, in
one pass per batch: the rows, their links to the source registry, and the
claims' facts in the related-claims index.

It is what ``Project.replace_suggestions`` does article by article (store,
``sources.actions.link_suggestions``, ``corroboration.update_articles``),
with the same result (tests/test_import_writer.py compares the two), but
cheaper for the import's one writer: nothing it has just written is read
back (the batch insert numbers the new rows itself), the registry is read
once per import (``ImportRegistry``), and the facts of each claim (parsing
its words, quantities and dates: the dearest part) come prepared from
whoever highlighted the text, usually a worker process (:func:`claim_facts`),
so that the writer only adds the ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.models import ClaimSuggestion


@dataclass
class FreshArticle:
    """An article this import inserted, with its highlighting results."""

    article_id: str
    text: str
    outlet: str | None
    published: str | None
    claims: list[ClaimSuggestion]
    facts: list[Any] | None = None  # what claim_facts gives for each claim, or None: computed here


def claim_facts(text: str, claims: list[ClaimSuggestion], published: str | None) -> list:
    """The related-claims index's facts of each claim, without the ids the
    store gives (claim key, article, source entity): pure, so a worker
    process computes them beside the highlighting. Prepared (``PreparedFacts``:
    the index's keys and JSON): the writer then only sets the ids, and they
    pickle as flat tuples of strings, not nested objects."""
    from annotator.core.corroboration.facts import prepare_claim

    return [prepare_claim(text[c.start:c.end], published=published,
                          source=text[c.source.start:c.source.end] if c.source is not None else None)
            for c in claims]


def write_new(project, batch: list[FreshArticle], pipeline: str, version: str, registry=None,
              index=None) -> None:
    """Within the caller's transaction: store the batch's suggestions (its
    articles have none yet), link their sources, index their claims.
    ``registry``: an :class:`~annotator.core.storage.source_cache.ImportRegistry`
    kept for the whole import (its reads are remembered); else one for this batch.
    ``index``: the import's :class:`~annotator.core.storage.import_index.ImportIndex`
    (keys indexed at its end); else the claims are indexed at once."""
    from annotator.core import database
    from annotator.core.corroboration.index import ClaimIndex
    from annotator.core.storage import sources as source_store
    from annotator.core.storage import suggestions as stored
    from annotator.core.storage.source_cache import ImportRegistry

    db = project.db
    ids = stored.insert_new(db, [(a.article_id, a.claims) for a in batch], pipeline, version, database.utc_now())
    registry = registry if registry is not None else ImportRegistry(db)
    facts, links = [], []
    for article in batch:
        kept = _kept(article, ids.get(article.article_id, []))
        rows = _link(registry, article, kept)
        links += rows
        facts += _facts(article, kept, {row[0]: registry.resolve(row[2]) for row in rows if row[2]})
    registry.flush()  # the batch's proposed sources, before the links that name them
    source_store.link_new_suggestions(db, links)
    (index if index is not None else ClaimIndex(db.conn)).add_rows(facts)


def _kept(article: FreshArticle, rows: list[tuple[int, int, int]]) -> list[tuple[ClaimSuggestion, Any]]:
    """The stored suggestions (with ids, in text order) and each one's facts.
    The store keeps the first of claims with the same span."""
    first: dict[tuple[int, int], int] = {}
    for index, claim in enumerate(article.claims):
        first.setdefault((claim.start, claim.end), index)
    if article.facts is None:
        article.facts = claim_facts(article.text, article.claims, article.published)
    out = []
    for start, end, suggestion_id in rows:
        index = first[(start, end)]
        claim = article.claims[index]
        claim.id = suggestion_id  # the import's own copy (from a worker, or a fresh Doc)
        out.append((claim, article.facts[index]))
    return out


def _link(registry, article: FreshArticle, kept: list) -> list[tuple[int, str, str | None, float, str]]:
    """The links of the article's sources: (suggestion id, article id,
    source id, confidence, reason); proposed sources go into the registry."""
    from annotator.core.sources.actions import link_rows  # cycle: actions reads the importer

    if not kept:
        return []
    rows = link_rows(article.text, [claim for claim, _ in kept], registry)
    return [(suggestion_id, article.article_id, source_id, confidence, reason)
            for suggestion_id, source_id, confidence, reason in rows]


def _facts(article: FreshArticle, kept: list, links: dict[int, str]) -> list:
    """The index rows (claim key, article, keys, facts JSON) with the ids the
    store gave. The facts are this import's own copies (``PreparedFacts``
    from :func:`claim_facts`, whose JSON waits only for the ids), so the ids
    are set in place: a new object per claim cost the writer a sixth of its time."""
    from annotator.core.corroboration.rows import facts_row
    from annotator.core.review.claims import claim_key

    out = []
    for claim, facts in kept:
        for name, value in (("claim_id", claim_key(claim.id, None)), ("article_id", article.article_id),
                            ("outlet", article.outlet), ("source_id", links.get(claim.id))):
            object.__setattr__(facts, name, value)
        out.append(facts_row(facts))
    return out
