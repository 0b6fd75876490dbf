"""Adjudication: finding where annotators differ and settling the final version.

A *claim group* is what annotators judged as one claim: all judgements of
one suggestion, or hand-added claims of one article whose spans overlap.
A group is a *disagreement* when the annotators' versions differ in
anything but the note, or (for hand-added claims) when an annotator who
worked on the article did not add it. The lead's final version is an
annotation of the reserved annotator ``@adjudicated`` in the same group;
export reads that layer.

Settling records the versions it was based on (their ids, revisions and
times of edit; schema m007). When one of them changes afterwards, or an
annotator adds a version, the group is *changed since adjudicated*: no
longer settled, shown as such, and left out of the adjudicated export
until the lead settles it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.database import utc_now
from annotator.core.models import ADJUDICATED_LAYER, Annotation
from annotator.core.project import Project
from annotator.core.rows import annotation_to_row
from annotator.core.storage import team

# What makes two versions different; the note is commentary, not a judgement.
COMPARED = ("decision", "start", "end", "source_start", "source_end", "cue_start", "cue_end",
            "unattributed", "source_type", "reliability", "credibility", "attribution", "hedged")


@dataclass
class ClaimGroup:
    article_id: str
    start: int
    end: int
    suggestion_id: int | None
    versions: dict[str, Annotation] = field(default_factory=dict)  # annotator -> version
    final: Annotation | None = None
    absent: list[str] = field(default_factory=list)  # worked on the article, did not add it
    # annotation id -> (revision, updated_at) the final version was settled on;
    # empty for a final version from before bases were recorded (trusted as is)
    basis: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        if self.suggestion_id is not None:
            return f"suggestion:{self.suggestion_id}"
        return f"own:{self.article_id}:{self.start}:{self.end}"

    @property
    def changed(self) -> bool:
        """Settled once, but a version it was based on changed (or appeared) since."""
        if self.final is None or not self.basis:
            return False
        return self.basis != current_basis(self)

    @property
    def settled(self) -> bool:
        return self.final is not None and not self.changed

    @property
    def status(self) -> str:
        if self.changed:
            return "changed since adjudicated"
        return "settled" if self.final is not None else "open"

    @property
    def agreed(self) -> bool:
        """Everybody who judged the claim judged it alike (nothing to decide)."""
        return bool(self.versions) and not self.differs

    @property
    def differs(self) -> bool:
        distinct = {judgement(v) for v in self.versions.values()}
        return len(distinct) > 1 or (bool(self.versions) and bool(self.absent))


def current_basis(group: ClaimGroup) -> dict[str, tuple[int, str]]:
    return {v.id: (v.revision, v.updated_at or "") for v in group.versions.values() if v.id}


def judgement(annotation: Annotation) -> tuple:
    row = annotation_to_row(annotation)
    return tuple(row[c] for c in COMPARED)


def claim_groups(project: Project, article_id: str | None = None) -> list[ClaimGroup]:
    """Every claim group, in article order, then by span."""
    annotations = project.annotations(article_id=article_id)
    # One article needs no article order (reading every id cost ~40 ms at 100k).
    order = {} if article_id is not None else {a: i for i, a in enumerate(project.article_ids())}
    worked = _worked(annotations)
    groups = _suggestion_groups(annotations) + _own_groups(annotations, worked)
    bases = team.bases(project.db, article_id)
    for group in groups:
        if group.final is not None and group.final.id in bases:
            group.basis = bases[group.final.id]
    return sorted(groups, key=lambda g: (order.get(g.article_id, 0), g.start, g.end, g.key))


def disagreements(project: Project, article_id: str | None = None) -> list[ClaimGroup]:
    """Groups the lead must look at: annotators differ, or a settled group changed since."""
    return [g for g in claim_groups(project, article_id) if g.differs or g.changed]


def _worked(annotations: list[Annotation]) -> dict[str, set[str]]:
    worked: dict[str, set[str]] = {}
    for a in annotations:
        if a.annotator != ADJUDICATED_LAYER:
            worked.setdefault(a.article_id, set()).add(a.annotator)
    return worked


def _add(group: ClaimGroup, annotation: Annotation) -> None:
    if annotation.annotator == ADJUDICATED_LAYER:
        group.final = annotation
    elif not annotation.annotator.startswith("@"):
        group.versions[annotation.annotator] = annotation


def _suggestion_groups(annotations: list[Annotation]) -> list[ClaimGroup]:
    groups: dict[int, ClaimGroup] = {}
    for a in annotations:
        if a.suggestion_id is not None:
            group = groups.setdefault(a.suggestion_id, ClaimGroup(
                a.article_id, a.start, a.end, a.suggestion_id))
            _add(group, a)
    return list(groups.values())


def _own_groups(annotations: list[Annotation], worked: dict[str, set[str]]) -> list[ClaimGroup]:
    """Hand-added claims, clustered per article by overlapping spans."""
    own = sorted((a for a in annotations if a.suggestion_id is None),
                 key=lambda a: (a.article_id, a.start, a.end, a.id))
    groups: list[ClaimGroup] = []
    for a in own:
        last = groups[-1] if groups else None
        if last is None or last.article_id != a.article_id or a.start >= last.end:
            last = ClaimGroup(a.article_id, a.start, a.end, None)
            groups.append(last)
        last.end = max(last.end, a.end)
        _add(last, a)
    for group in groups:
        group.absent = sorted(worked.get(group.article_id, set()) - set(group.versions))
    return groups


def _spans_of(annotation: Annotation) -> tuple:
    return (annotation.start, annotation.end, annotation.source, annotation.cue)


def _spans_edited(group: ClaimGroup, chosen: Annotation) -> bool:
    """Whether the adjudicator changed the spans of every annotator's version.
    Spans taken over unchanged were checked when the annotator made them (or
    predate the span rules) and are kept as they are; edited ones follow the
    rules like any reviewer's edit."""
    return all(_spans_of(chosen) != _spans_of(version) for version in group.versions.values())


def settle(project: Project, group: ClaimGroup, chosen: Annotation) -> Annotation:
    """Store ``chosen`` (an annotator's version, possibly edited) as the final version."""
    final = chosen.evolve(
        annotator=ADJUDICATED_LAYER, suggestion_id=group.suggestion_id,
        id=group.final.id if group.final else None, revision=0,
        created_at=None, updated_at=None, origin_db=None)
    basis = current_basis(group)
    with project.transaction():
        stored = project.save_annotation(final, span_rules=_spans_edited(group, chosen))
        assert stored.id is not None
        team.record_basis(project.db.conn, stored.id, [
            (group.article_id, v.id, v.annotator, v.revision, v.updated_at or "")
            for v in group.versions.values() if v.id], utc_now())
    group.final, group.basis = stored, basis
    return stored


@dataclass
class AdjudicationProgress:
    settled: int
    total: int
    changed: int = 0  # settled once, changed since: counted as not settled


def adjudication_progress(groups: list[ClaimGroup]) -> AdjudicationProgress:
    return AdjudicationProgress(sum(g.settled for g in groups), len(groups),
                                sum(g.changed for g in groups))
