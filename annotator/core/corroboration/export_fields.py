"""What an exported claim says about claims in other articles: the pairs its
annotator judged (``related``: the other claim's article and span, and the
label) and the credibility proposal from those judgements.

Only judged pairs are exported: a judgement renews both articles' export
stamps, so cached export lines stay right; the rules' related list changes
with every other article imported and is left to the claim-pair dataset.
"""

from __future__ import annotations

from annotator.core.corroboration import judgements
from annotator.core.corroboration.credibility import RelatedJudged, propose_credibility
from annotator.core.corroboration.independence import SourcedClaim


def _sources_of(project, article_id: str) -> dict[tuple[int, int], str | None]:
    """(start, end) -> source phrase of each claim in the article."""
    from annotator.core.corroboration.project_claims import project_claims

    return {(c.start, c.end): c.source for c in project_claims(project, article_id)}


def related_fields(project, article_id: str, annotator: str,
                   claims: dict[tuple[int, int], str | None]) -> dict[tuple[int, int], dict]:
    """For each claim span of ``article_id`` (-> its source phrase) that
    ``annotator`` judged against another claim: {"related": [...],
    "credibility_proposal": {"grade", "reason"} or None}."""
    judged = [j for j in judgements.for_articles(project.db.conn, [article_id]) if j.annotator == annotator]
    if not judged:
        return {}
    sources: dict[str, dict[tuple[int, int], str | None]] = {}
    out: dict[tuple[int, int], dict] = {}
    for span, source in claims.items():
        ref = judgements.ClaimRef(article_id, *span)
        mine = [j for j in judged if ref in (j.a, j.b)]
        if not mine:
            continue
        related, weighed = [], []
        for j in sorted(mine, key=lambda x: x.other(ref)):
            other = j.other(ref)
            related.append({"article_id": other.article_id, "start": other.start, "end": other.end,
                            "label": j.label})
            if other.article_id not in sources:
                sources[other.article_id] = (_sources_of(project, other.article_id)
                                             if project.has_article(other.article_id) else {})
            other_source = sources[other.article_id].get((other.start, other.end))
            weighed.append(RelatedJudged(SourcedClaim(other.article_id, other_source), j.label))
        proposal = propose_credibility(SourcedClaim(article_id, source), weighed)
        out[span] = {"related": related,
                     "credibility_proposal": None if proposal is None else
                     {"grade": proposal.grade, "reason": proposal.reason}}
    return out
