"""The project's claims as facts: what the index holds, kept up to date, and
the related claims of one claim with everything a view shows about them.

Indexed claims are the pre-highlighter's suggestions and the claims
reviewers added by hand, keyed as the review model keys them
(``review.claims.claim_key``: "s12", "a<annotation id>"). A claim keeps
its key while it is edited; its facts are re-read from its current span.
Reads go through ``Project``'s public methods; the index's SQL is in
``storage.relations``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, replace

from annotator.core.corroboration import judgements
from annotator.core.corroboration.differing import Difference, differences
from annotator.core.corroboration.facts import ClaimFacts, describe_claim
from annotator.core.corroboration.index import ClaimIndex
from annotator.core.corroboration.judgements import ClaimRef
from annotator.core.corroboration.rows import ArticleClaims, rows_of_articles
from annotator.core.models import Annotation, Article, ClaimSuggestion, Decision
from annotator.core.review.claims import claim_key
from annotator.core.storage import relations as store


@dataclass(frozen=True)
class IndexedClaim:
    """A claim of the project: its key, span and the texts it is read from."""

    key: str
    article: Article
    start: int
    end: int
    source: str | None
    source_id: str | None = None  # the source registry's entity, when linked
    source_span: tuple[int, int] | None = None  # where ``source`` is in the article

    @property
    def ref(self) -> ClaimRef:
        return ClaimRef(self.article.id, self.start, self.end)

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]

    def facts(self) -> ClaimFacts:
        return describe_claim(self.key, self.article.id, self.text, source=self.source,
                              outlet=self.article.outlet, published=self.article.published,
                              source_id=self.source_id)


def _span_text(text: str, span) -> str | None:
    return text[span.start:span.end] if span is not None else None


def _span(span) -> tuple[int, int] | None:
    return (span.start, span.end) if span is not None else None


def claims_of_article(article: Article, suggestions: Iterable[ClaimSuggestion],
                      annotations: Iterable[Annotation]) -> list[IndexedClaim]:
    """The article's suggestions and its hand-added, accepted claims."""
    out = [IndexedClaim(claim_key(s.id, None), article, s.start, s.end, _span_text(article.text, s.source),
                        source_span=_span(s.source)) for s in suggestions]
    seen = {(c.start, c.end) for c in out}
    for a in annotations:
        if a.suggestion_id is None and a.decision == Decision.ACCEPT and (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            out.append(IndexedClaim(claim_key(None, a.id), article, a.start, a.end,
                                    _span_text(article.text, a.source), source_span=_span(a.source)))
    return out


def project_claims(project, article_id: str) -> list[IndexedClaim]:
    """The article's claims with their registry sources (a reviewer's link of a
    hand-added claim, else the linker's link of the suggestion's source)."""
    article = project.article(article_id)
    claims = claims_of_article(article, project.suggestions(article_id), project.annotations(article_id))
    links = registry_links(project, article_id)
    return [replace(c, source_id=links.get(c.key)) for c in claims]


def registry_links(project, article_id: str) -> dict[str, str]:
    """Claim key -> registry entity id (after merges of entities) of the article's claims."""
    from annotator.core.storage import sources as source_store
    from annotator.core.storage.source_merging import has_registry

    if not has_registry(project.db):
        return {}
    links = {claim_key(sid, None): link[0] for sid, link in
             source_store.suggestion_links(project.db, article_id).items() if link[0]}
    links.update({claim_key(None, aid): source_id for aid, source_id in
                  source_store.annotation_links(project.db, article_id).items()})
    return {key: source_store.resolve(project.db, source_id) for key, source_id in links.items()}


INDEX_STATE = "claim_index"  # project_meta: "building" while a full build runs, "complete" after it


class IndexBuildCancelled(Exception):
    """The reviewer cancelled a full build; the index stays marked as building."""


PARALLEL_FROM = 5_000  # articles: below, starting worker processes costs more than it saves
CHUNK = 250  # articles per worker task


def build_index(project, progress: Callable[[int, int], None] | None = None,
                batch: int = 2_000, should_cancel: Callable[[], bool] | None = None,
                workers: int | None = None) -> int:
    """(Re)build the whole index from the project's claims; returns the
    number of claims indexed. Rows are written per batch of articles and
    indexed (FTS, key counts) once at the end; the project is marked
    "building" until then, so a build cut short (cancelled, the program
    killed) is redone by ``ensure_built``. Claims are parsed in ``workers``
    processes (default: one per CPU for a big project); the project is read
    and written here."""
    index = ClaimIndex(project.db.conn)
    ids = project.article_ids()
    with project.transaction():
        project.set_meta(INDEX_STATE, "building")
        index.clear()
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(ids) >= PARALLEL_FROM else 1
    parts = _parallel_rows(project, ids, workers) if workers > 1 else _rows(project, ids)
    done, rows = 0, []
    for count, part in parts:
        if should_cancel is not None and should_cancel():
            parts.close()  # stops the workers
            raise IndexBuildCancelled()
        rows += part
        done += count
        if len(rows) >= batch or done == len(ids):
            with project.transaction():
                index.load_rows(rows)
            rows = []
        if progress is not None:
            progress(done, len(ids))
    with project.transaction():
        index.load_rows(rows)
        index.finish_load()
        # what was built may differ from what exports of judged articles read
        store.renew_partner_stamps(project.db.conn, ids)
        project.set_meta(INDEX_STATE, "complete")
    return index.total()


def _chunk_claims(project, ids: list[str], redirects: dict[str, str] | None) -> list[ArticleClaims]:
    """What the workers need to parse these articles' claims, as plain data,
    in six queries instead of six per article: a full build of a real 100,000-article project spent ~70 µs a
    claim reading one article at a time. ``redirects``: the registry's merged
    ids (None: no registry)."""
    from annotator.core.storage import annotations as annotation_store
    from annotator.core.storage import articles as article_store
    from annotator.core.storage import sources as source_store
    from annotator.core.storage import suggestions as suggestion_store

    db = project.db
    articles = article_store.get_many(db, ids)
    suggestions = suggestion_store.for_articles(db, ids)
    annotations = annotation_store.for_articles(db, ids)
    links: dict[str, str] = {}
    if redirects is not None:
        by_suggestion, by_annotation = source_store.links_of_articles(db, ids)
        links = {claim_key(sid, None): source for sid, source in by_suggestion.items()}
        links.update({claim_key(None, aid): source for aid, source in by_annotation.items()})
        links = {key: redirects.get(source, source) for key, source in links.items()}
    out = []
    for article_id in ids:
        article = articles[article_id]
        claims = claims_of_article(article, suggestions[article_id], annotations[article_id])
        out.append((article.id, article.text, article.published, article.outlet,
                    [(c.key, c.start, c.end, *(c.source_span or (None, None)), links.get(c.key))
                     for c in claims]))
    return out


def _chunks(project, ids: list[str]) -> Generator[list[ArticleClaims], None, None]:
    from annotator.core.storage import sources as source_store
    from annotator.core.storage.source_merging import has_registry

    redirects = source_store.redirects(project.db) if has_registry(project.db) else None
    for start in range(0, len(ids), CHUNK):
        yield _chunk_claims(project, ids[start:start + CHUNK], redirects)


def _rows(project, ids: list[str]) -> Generator[tuple[int, list], None, None]:
    for chunk in _chunks(project, ids):
        yield len(chunk), rows_of_articles(chunk)


def _parallel_rows(project, ids: list[str], workers: int) -> Generator[tuple[int, list], None, None]:
    """(articles, rows) per chunk, in order; the project is read in this
    thread (a connection belongs to one), the parsing runs in ``workers``
    processes ("spawn": a window's threads are never forked)."""
    import multiprocessing
    from collections import deque

    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending: deque = deque()
        for chunk in _chunks(project, ids):
            pending.append((len(chunk), pool.apply_async(rows_of_articles, (chunk,))))
            while len(pending) > 2 * workers:
                count, result = pending.popleft()
                yield count, result.get()
        while pending:
            count, result = pending.popleft()
            yield count, result.get()


def needs_build(project) -> bool:
    """The index lacks claims the project has: a build was cut short, or the
    project (or a merge's output) comes from before the index existed."""
    if project.meta(INDEX_STATE) == "building":
        return True
    return store.index_lacks_claims(project.db.conn)


def update_articles(project, article_ids: Iterable[str]) -> None:
    """Re-index the claims of these articles (after an import, a rehighlight
    or an edit); the caller may hold the transaction. The articles judged
    against them get new export stamps: their exported proposal reads these
    claims' sources."""
    index = ClaimIndex(project.db.conn)
    article_ids = list(article_ids)
    with project.transaction():
        for article_id in article_ids:
            if project.has_article(article_id):
                index.put_article(article_id, [c.facts() for c in project_claims(project, article_id)])
            else:
                index.remove_article(article_id)
        store.renew_partner_stamps(project.db.conn, article_ids)


@dataclass(frozen=True)
class RelatedClaim:
    """One related claim as the claim panel and the story view show it."""

    claim: IndexedClaim
    score: float
    differences: tuple[Difference, ...]


def claim_index(project) -> ClaimIndex:
    """A reader of the project's index to keep across lookups (the claim
    panel's): it reads the claim count and each key's rarity once, not per
    lookup (the count alone took ~13 ms of a ~35 ms lookup at 100,000
    articles). The posting lists and the claims are read live each time."""
    return ClaimIndex(project.db.conn)


def related_claims(project, claim: IndexedClaim, index: ClaimIndex | None = None) -> list[RelatedClaim]:
    """The claims of other articles related to ``claim``, best first."""
    index = index or ClaimIndex(project.db.conn)
    mine = claim.facts()
    out = []
    articles: dict[str, Article] = {}
    for relation in index.related_to(mine):
        other = find_claim(project, relation.other_article, relation.other_id, articles)
        if other is None:
            continue  # the index is behind an edit: skip rather than show a stale claim
        out.append(RelatedClaim(other, relation.score, tuple(differences(mine, other.facts()))))
    return out


def indexed(article: Article, key: str, claim: ClaimSuggestion | Annotation) -> IndexedClaim:
    """A suggestion or a hand-added claim as the index sees it."""
    return IndexedClaim(key, article, claim.start, claim.end, _span_text(article.text, claim.source),
                        source_span=_span(claim.source))


def find_claim(project, article_id: str, key: str,
               articles: dict[str, Article] | None = None) -> IndexedClaim | None:
    """The claim ``key`` of an article, read by itself (a suggestion by its
    article's suggestions, a hand-added claim by its annotation)."""
    articles = {} if articles is None else articles
    if not project.has_article(article_id):
        return None
    article = articles.get(article_id) or articles.setdefault(article_id, project.article(article_id))
    if key.startswith("s"):
        found = next((s for s in project.suggestions(article_id) if claim_key(s.id, None) == key), None)
    else:
        annotation = project.annotation(key[1:])
        found = annotation if annotation is not None and annotation.article_id == article_id else None
    return None if found is None else indexed(article, key, found)


def story(project, claim: IndexedClaim) -> list[RelatedClaim]:
    """The claim and its related claims ordered by published date (unknown
    dates last), for following how a reported value changed and who said it."""
    own = RelatedClaim(claim, 1.0, ())
    rows = [own, *related_claims(project, claim)]
    return sorted(rows, key=lambda r: (r.claim.article.published is None,
                                       r.claim.article.published or "", r.claim.article.id))


def ensure_built(project, progress: Callable[[int, int], None] | None = None) -> bool:
    """Build the index when it lacks the project's claims (``needs_build``);
    True when it built."""
    if not needs_build(project):
        return False
    build_index(project, progress)
    return True


NEXT_LABEL: dict[str | None, str | None] = {
    None: "corroborates", "corroborates": "contradicts", "contradicts": "unrelated", "unrelated": None}


def pair_labels(project, annotator: str, claim: IndexedClaim, others: Iterable[IndexedClaim]) -> dict[str, str]:
    """The annotator's label of each pair (claim, other), by the other's key."""
    mine = {(j.a, j.b): j.label for j in judgements.for_articles(project.db.conn, [claim.article.id])
            if j.annotator == annotator}
    return {o.key: mine[pair] for o in others if (pair := judgements.ordered(claim.ref, o.ref)) in mine}


def next_judgement(project, annotator: str, a: IndexedClaim, b: IndexedClaim) -> judgements.JudgementChange:
    """The change that moves the pair's label one step on the judge key:
    corroborates, contradicts, unrelated, none."""
    conn = project.db.conn
    current = judgements.stored(conn, judgements.judgement_id(annotator, a.ref, b.ref))
    return judgements.judge(conn, annotator, a.ref, b.ref, NEXT_LABEL[current.label if current else None])


def proposal_for(claim: IndexedClaim, rows: list[RelatedClaim], labels: dict[str, str]):
    """The credibility proposal for ``claim`` from the reviewer's labels of
    its related pairs and the differing values of the unjudged ones."""
    from annotator.core.corroboration.credibility import RelatedJudged, propose_credibility
    from annotator.core.corroboration.independence import SourcedClaim

    related = [RelatedJudged(SourcedClaim(r.claim.article.id, r.claim.source, outlet=r.claim.article.outlet),
                             labels.get(r.claim.key), bool(r.differences)) for r in rows]
    return propose_credibility(SourcedClaim(claim.article.id, claim.source, outlet=claim.article.outlet),
                               related)


def grades_of(project, annotator: str, claims: Iterable[IndexedClaim]) -> dict[str, str]:
    """The annotator's grades of each claim, by key, as "B3" (reliability,
    credibility; "–" for a grade not given); claims without grades are absent."""
    by_article: dict[str, list[IndexedClaim]] = {}
    for c in claims:
        by_article.setdefault(c.article.id, []).append(c)
    out: dict[str, str] = {}
    for article_id, wanted in by_article.items():
        judged = {}
        for a in project.annotations(article_id=article_id, annotator=annotator):
            judged[claim_key(a.suggestion_id, None) if a.suggestion_id is not None else claim_key(None, a.id)] = a
        for c in wanted:
            a = judged.get(c.key)
            if a is not None and (a.reliability or a.credibility):
                out[c.key] = f"{a.reliability or '–'}{a.credibility or '–'}"
    return out
