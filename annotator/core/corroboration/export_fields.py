"""What an exported claim says about claims in other articles: the pairs its
annotator judged (``related``: the other claim's article and span, and the
label) and the credibility proposal from those judgements.

Only judged pairs are exported: a judgement renews both articles' export
stamps, and so does a change of the other article's claims (their sources
feed the proposal: ``project_claims.update_articles`` and a full build renew
the stamps of the articles judged against them), so cached export lines
stay right; the rules' related list changes with every other article
imported and is left to the claim-pair dataset.
The judgements of a batch of articles are read in one query, so an export
without any pays one query per batch.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from annotator.core.corroboration import judgements
from annotator.core.corroboration.credibility import RelatedJudged, propose_credibility
from annotator.core.corroboration.independence import SourcedClaim
from annotator.core.corroboration.judgements import ClaimRef, PairJudgement

Span = tuple[int, int]


def judgements_by_article(project, article_ids: list[str]) -> dict[str, list[PairJudgement]]:
    """The judged pairs touching each of ``article_ids`` (articles without any are absent)."""
    out: dict[str, list[PairJudgement]] = defaultdict(list)
    wanted = set(article_ids)
    for j in judgements.for_articles(project.db.conn, article_ids):
        for article_id in {j.a.article_id, j.b.article_id} & wanted:
            out[article_id].append(j)
    return dict(out)


def _sources_of(project, article_id: str) -> dict[Span, str | None]:
    """(start, end) -> source phrase of each claim in the article."""
    from annotator.core.corroboration.project_claims import project_claims

    if not project.has_article(article_id):
        return {}
    return {(c.start, c.end): c.source for c in project_claims(project, article_id)}


def related_fields(project, article_id: str, annotator: str, claims: dict[Span, Span | None],
                   judged: list[PairJudgement]) -> dict[Span, dict[str, Any]]:
    """For each claim span (-> its source span) of ``article_id`` that
    ``annotator`` judged against another claim: {"related": [...],
    "credibility_proposal": {"grade", "reason"} or None}."""
    mine = [j for j in judged if j.annotator == annotator]
    if not mine:
        return {}
    text = project.article(article_id).text
    others: dict[str, dict[Span, str | None]] = {}
    out: dict[Span, dict[str, Any]] = {}
    for span, source in claims.items():
        ref = ClaimRef(article_id, *span)
        pairs = sorted((j for j in mine if ref in (j.a, j.b)), key=lambda j: j.other(ref))
        if not pairs:
            continue
        related, weighed = [], []
        for j in pairs:
            other = j.other(ref)
            related.append({"article_id": other.article_id, "start": other.start, "end": other.end,
                            "label": j.label})
            if other.article_id not in others:
                others[other.article_id] = _sources_of(project, other.article_id)
            other_source = others[other.article_id].get((other.start, other.end))
            weighed.append(RelatedJudged(SourcedClaim(other.article_id, other_source), j.label))
        phrase = text[source[0]:source[1]] if source else None
        proposal = propose_credibility(SourcedClaim(article_id, phrase), weighed)
        out[span] = {"related": related, "credibility_proposal": None if proposal is None
                     else {"grade": proposal.grade, "reason": proposal.reason}}
    return out


def add_related(project, article_id: str, annotator: str, claims: list, judged: list[PairJudgement]) -> None:
    """Fill ``related`` and ``credibility_proposal`` of an export layer's claims."""
    fields = related_fields(project, article_id, annotator,
                            {(c.start, c.end): c.source for c in claims}, judged)
    for claim in claims:
        found = fields.get((claim.start, claim.end))
        if found is not None:
            claim.related = found["related"]
            claim.credibility_proposal = found["credibility_proposal"]
