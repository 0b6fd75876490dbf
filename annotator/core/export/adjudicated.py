"""The adjudicated layer of an article, as training data.

The lead settles only the claims where annotators differ (see
annotator.core.team.adjudication); the ``@adjudicated`` annotations alone
would leave out every claim the annotators agreed on, and a model would
learn those as non-claims. So the exported layer of an article the lead has
adjudicated is, per claim group: the lead's final version if there is one,
else the annotators' version when they agree. Groups still in dispute are
left out, and make the layer incomplete (``--only-reviewed`` drops it); so
are groups changed since the lead settled them. Each left-out group is
counted by its reason, for the CLI and the dataset card.
"""

from __future__ import annotations

from annotator.core.export.records import CHANGED_GROUP, OPEN_GROUP, ExportClaim
from annotator.core.models import Annotation
from annotator.core.team.adjudication import claim_groups


def adjudicated_claims(project, article_id: str) -> tuple[list[ExportClaim], str | None, dict[str, int]]:
    """(claims, newest change, groups left out by reason) of the article's
    adjudicated layer; it is complete when nothing was left out."""
    chosen: list[Annotation] = []
    left_out: dict[str, int] = {}
    for group in claim_groups(project, article_id):
        if group.settled:
            assert group.final is not None
            chosen.append(group.final)
        elif group.changed:
            left_out[CHANGED_GROUP] = left_out.get(CHANGED_GROUP, 0) + 1
        elif group.agreed:
            chosen.append(group.versions[min(group.versions)])  # identical judgements
        else:
            left_out[OPEN_GROUP] = left_out.get(OPEN_GROUP, 0) + 1
    chosen.sort(key=lambda a: (a.start, a.end, a.id))
    newest = max((a.updated_at for a in chosen if a.updated_at), default=None)
    return [claim_from_annotation(a) for a in chosen], newest, left_out


def claim_from_annotation(a: Annotation) -> ExportClaim:
    assert a.id is not None, "a stored annotation has an id"
    return ExportClaim(
        id=a.id, decision=a.decision.value, start=a.start, end=a.end,
        source=(a.source.start, a.source.end) if a.source else None,
        cue=(a.cue.start, a.cue.end) if a.cue else None, unattributed=a.unattributed,
        source_type=a.source_type.value if a.source_type else None,
        attribution=a.attribution.value if a.attribution else None, hedged=a.hedged,
        reliability=a.reliability, credibility=a.credibility, note=a.note or "", flag=a.flag)
