"""The figures behind the lead's dashboard, computed from one project."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.core.project import Project
from annotator.core.storage import annotations as annotation_store
from annotator.core.storage import team
from annotator.core.team.adjudication import (
    AdjudicationProgress,
    adjudication_progress,
    claim_groups,
)
from annotator.core.team.agreement import AgreementReport, measure_agreement
from annotator.core.team.settling import curation_counts


@dataclass
class AnnotatorProgress:
    annotator: str
    reviewed: int
    total: int  # claims in the articles assigned to them (all articles if none were)
    assigned_articles: int | None


@dataclass
class DashboardData:
    progress: list[AnnotatorProgress] = field(default_factory=list)
    reliability: dict[str, Counter] = field(default_factory=dict)  # annotator -> grade counts
    credibility: dict[str, Counter] = field(default_factory=dict)
    source_types: dict[str, Counter] = field(default_factory=dict)
    agreement: AgreementReport | None = None
    merge_conflicts: int = 0
    adjudication: AdjudicationProgress | None = None
    # articles per curation status (open, partly settled, settled)
    curation: Counter = field(default_factory=Counter)


def people(project: Project) -> list[str]:
    """Annotators with work: annotations or assigned articles. A name registered
    without either (a lead who only opened the database) is nobody's layer."""
    names = annotation_store.annotators_with_annotations(project.db)
    names |= team.assigned_annotators(project.db)
    return sorted(n for n in names if not n.startswith("@"))


def annotator_progress(project: Project, annotator: str) -> AnnotatorProgress:
    assigned = team.assigned_count(project.db, annotator)
    if not assigned:
        progress = project.progress(annotator)
        return AnnotatorProgress(annotator, progress.reviewed, progress.total, None)
    suggested = team.suggestions_assigned(project.db, annotator)
    reviewed, own = annotation_store.reviewed_counts(project.db, annotator)
    return AnnotatorProgress(annotator, reviewed, suggested + own, assigned)


def distribution(project: Project, column: str) -> dict[str, Counter]:
    """annotator -> Counter of a column's values over accepted claims."""
    out: dict[str, Counter] = {}
    for annotator, value, count in annotation_store.accepted_distribution(project.db, column):
        out.setdefault(annotator, Counter())[value] = count
    return out


def dashboard_data(project: Project) -> DashboardData:
    groups = claim_groups(project)
    return DashboardData(
        progress=[annotator_progress(project, name) for name in people(project)],
        reliability=distribution(project, "reliability"),
        credibility=distribution(project, "credibility"),
        source_types=distribution(project, "source_type"),
        agreement=measure_agreement(project),
        merge_conflicts=team.conflict_count(project.db),
        adjudication=adjudication_progress([g for g in groups if g.differs or g.changed]),
        curation=curation_counts(groups),
    )
