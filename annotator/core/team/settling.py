"""Settling many claim groups at once, and finding the ones that matter first.

"Accept all agreed" settles every group on which all annotators who judged
the claim gave the same judgement; the *majority* of a group is the version
most annotators chose (no majority on a tie). Groups are ranked by how much
they disagree and filtered by field, annotator pair and article. An
article's *curation status* says how far its groups are settled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from annotator.core.models import ADJUDICATED_LAYER, Annotation
from annotator.core.project import Project
from annotator.core.team.adjudication import COMPARED, ClaimGroup, claim_groups, judgement, settle

CURATION_STATUSES = ("open", "partly settled", "settled")
PRESENCE = "presence"  # the field a group differs in when an annotator did not add the claim


def accept_agreed(project: Project, article_id: str | None = None) -> list[Annotation]:
    """Settle every unsettled agreed group (of one article, or all); the final versions."""
    done = []
    with project.transaction():
        for group in claim_groups(project, article_id):
            if group.agreed and not group.settled:
                done.append(settle(project, group, group.versions[min(group.versions)]))
    return done


def majority(group: ClaimGroup) -> Annotation | None:
    """The version most annotators chose; None when the top choices tie."""
    if not group.versions:
        return None
    counts = Counter(judgement(v) for v in group.versions.values())
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    top = ranked[0][0]
    return next(group.versions[name] for name in sorted(group.versions)
                if judgement(group.versions[name]) == top)


def settle_by_majority(project: Project, article_id: str | None = None) -> list[Annotation]:
    """Settle every open disagreement that has a majority; the final versions."""
    done = []
    with project.transaction():
        for group in claim_groups(project, article_id):
            chosen = majority(group)
            if (group.differs or group.changed) and not group.settled and chosen is not None:
                done.append(settle(project, group, chosen))
    return done


def differing_fields(group: ClaimGroup, names: Iterable[str] | None = None) -> set[str]:
    """The fields in which the versions (of ``names``, default all) differ."""
    chosen = list(group.versions) if names is None else list(names)
    present = [group.versions[n] for n in chosen if n in group.versions]
    fields = {c for i, c in enumerate(COMPARED) if len({judgement(v)[i] for v in present}) > 1}
    if present and any(n in group.absent for n in chosen + list(group.absent if names is None else ())):
        fields.add(PRESENCE)
    return fields


def disagreement_score(group: ClaimGroup) -> tuple[int, int, int]:
    """Bigger is worse: distinct judgements, fields differing, annotators absent."""
    distinct = len({judgement(v) for v in group.versions.values()}) + len(group.absent)
    return distinct, len(differing_fields(group)), len(group.absent)


def rank(groups: list[ClaimGroup]) -> list[ClaimGroup]:
    """Most disagreement first; ties keep the article order."""
    return sorted(groups, key=lambda g: tuple(-x for x in disagreement_score(g)))


def filter_groups(groups: list[ClaimGroup], *, field: str | None = None,
                  pair: tuple[str, str] | None = None, article_id: str | None = None,
                  agreed: bool | None = None) -> list[ClaimGroup]:
    """Groups differing in ``field``, between the two annotators of ``pair``,
    of one article, or (``agreed``) those everybody agreed on / not."""
    out = []
    for group in groups:
        if article_id is not None and group.article_id != article_id:
            continue
        if agreed is not None and group.agreed != agreed:
            continue
        if pair is not None and not differing_fields(group, pair):
            continue
        if field is not None and field not in differing_fields(group):
            continue
        out.append(group)
    return out


def curation_status(groups: list[ClaimGroup]) -> dict[str, str]:
    """article id -> open / partly settled / settled, over its claim groups."""
    tally: dict[str, list[int]] = {}
    for group in groups:
        counts = tally.setdefault(group.article_id, [0, 0])
        counts[0] += group.settled
        counts[1] += 1
    return {article: CURATION_STATUSES[0 if settled == 0 else 2 if settled == total else 1]
            for article, (settled, total) in tally.items()}


def is_team_project(project: Project) -> bool:
    """Two or more people annotated, or the lead adjudicated: curation applies."""
    names = project.annotators()
    return ADJUDICATED_LAYER in names or sum(not n.startswith("@") for n in names) > 1


def curation_of(project: Project, article_ids: list[str]) -> dict[str, str]:
    """The curation status of each of these articles that has claim groups
    (one read per article: for a page of a list, not for a whole project)."""
    out: dict[str, str] = {}
    for article_id in article_ids:
        out.update(curation_status(claim_groups(project, article_id)))
    return out


def curation_counts(groups: list[ClaimGroup]) -> Counter:
    return Counter(curation_status(groups).values())
