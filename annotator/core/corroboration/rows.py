"""A claim's index rows from plain data: the pure function an import's
worker processes can call.

``index_rows`` takes only what pickles cheaply (the article's text and
published date, the claims' spans) and returns the rows ``ClaimIndex``
writes (``add_rows``), so the parsing can run in another process and the
writing in the one that holds the project's connection. No database, no
spaCy, no shared state beyond the words' caches.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.corroboration.facts import ClaimFacts, PreparedFacts, describe_claim
from annotator.core.storage.relations import FactsRow

# (claim key, start, end, source start or None, source end or None, registry entity or None)
ClaimSpan = tuple[str, int, int, int | None, int | None, str | None]


def facts_row(facts: ClaimFacts | PreparedFacts) -> FactsRow:
    """The index row of one claim: key, article, matching keys, facts JSON."""
    keys = facts.keys if isinstance(facts, PreparedFacts) else " ".join(facts.index_keys())
    return facts.claim_id, facts.article_id, keys, facts.to_json()


def index_rows(article_id: str, text: str, published: str | None, claims: Iterable[ClaimSpan],
               outlet: str | None = None) -> list[FactsRow]:
    """The index rows of an article's claims, e.g. ("s12", 492, 731, 470, 490, None)."""
    rows = []
    for key, start, end, source_start, source_end, source_id in claims:
        source = text[source_start:source_end] if source_start is not None else None
        rows.append(facts_row(describe_claim(key, article_id, text[start:end], source=source,
                                             outlet=outlet, published=published,
                                             source_id=source_id)))
    return rows


# (article id, text, published, outlet, the claims' spans): one article for a worker
ArticleClaims = tuple[str, str, str | None, str | None, list[ClaimSpan]]


def rows_of_articles(articles: list[ArticleClaims]) -> list[FactsRow]:
    """A worker process's part of a full build: the rows of a chunk of articles."""
    return [row for article_id, text, published, outlet, spans in articles
            for row in index_rows(article_id, text, published, spans, outlet)]
