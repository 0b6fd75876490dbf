"""Agreement on source-level grades: do annotators grade a *source* alike?

An item is a registry source that two or more annotators graded; each
annotator's value is their current grade of it (the latest, see
registry.current_grades). Krippendorff's alpha, ordinal over A-E; F
("cannot be judged") is no point on the scale and counts as no value,
as for the claim-level reliability figure (team/agreement.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.sources.registry import SourceGrade, current_grades
from annotator.core.team.coefficients import krippendorff_alpha, pairable_items

SCALE = ("A", "B", "C", "D", "E")


@dataclass(frozen=True)
class SourceAgreement:
    value: float | None  # None when undefined (fewer than two graders per source)
    n: int  # sources graded by at least two annotators
    annotators: tuple[str, ...]


def source_grade_agreement(grades: Iterable[SourceGrade], annotators: Iterable[str] | None = None
                           ) -> SourceAgreement:
    """Alpha over the current grades; ``annotators`` limits who counts
    (the ``@`` layers such as ``@adjudicated`` never do)."""
    current = current_grades(grades)
    who = sorted({a for _, a in current if not a.startswith("@")} if annotators is None
                 else {a for a in annotators if not a.startswith("@")})
    sources = sorted({s for s, _ in current})
    units = [[_code(current.get((s, a))) for s in sources] for a in who]
    n = pairable_items(units)
    value = krippendorff_alpha(units, "ordinal", range(len(SCALE))) if n else None
    return SourceAgreement(value, n, tuple(who))


def _code(grade: SourceGrade | None) -> int | None:
    if grade is None or grade.reliability not in SCALE:
        return None
    return SCALE.index(grade.reliability)
