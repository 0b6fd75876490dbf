"""Changing who works on what after the packages went out.

* **Reassign**: an annotator drops out; their unfinished articles (not done
  by them) go to the named annotators in turn, each article to one who does
  not have it yet; an article every target already has (the overlap) is
  just taken from the leaver, so the overlap stays as it was. Each target
  gets a package with their new articles.
* **Unassign**: give articles back (the unfinished ones, or all): they are
  unassigned again, for the next ``assign``.
* Whose status a listing shows: the annotator asked for, else the only
  annotator of a single-annotator project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.project import Project
from annotator.core.storage import team
from annotator.core.storage.status import status_of
from annotator.core.team.packages import Package, PackageError, check_names, write_packages


@dataclass
class Reassignment:
    moved: dict[str, list[str]]  # target -> articles they newly got
    released: int  # assignments taken from the leaver
    packages: list[Package]


def unfinished(project: Project, annotator: str, article_ids: list[str]) -> list[str]:
    """The articles the annotator has not finished (status other than done)."""
    out = []
    for article_id in article_ids:
        progress = project.progress(annotator, article_id)
        if status_of(progress.reviewed, progress.total) != "done":
            out.append(article_id)
    return out


def plan_reassignment(project: Project, source: str, targets: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """(target -> articles they get, the leaver's articles taken from them)."""
    existing = team.assignments_by_annotator(project.db)
    if source not in existing:
        raise PackageError(f"{source!r} has no assigned articles (assigned: "
                           f"{', '.join(sorted(existing)) or 'nobody'})")
    if source in targets:
        raise PackageError(f"{source!r} cannot take over their own articles")
    held = {name: set(existing.get(name, [])) for name in targets}
    taken = unfinished(project, source, existing[source])
    plan: dict[str, list[str]] = {name: [] for name in targets}
    for article_id in taken:
        free = [name for name in targets if article_id not in held[name]]
        if free:  # the least loaded target who does not have it yet
            chosen = min(free, key=lambda n: (len(plan[n]), targets.index(n)))
            plan[chosen].append(article_id)
    return plan, taken


def reassign(project: Project, source: str, targets: list[str], out_dir: Path | str, *,
             carry_annotations: bool = False) -> Reassignment:
    """Move the leaver's unfinished articles to ``targets`` (packages in ``out_dir``)."""
    targets = check_names(targets)
    plan, taken = plan_reassignment(project, source, targets)
    plan = {name: ids for name, ids in plan.items() if ids}
    packages = write_packages(project, plan, out_dir, overlap=0.0, seed=0, shared=0,
                              carry_annotations=carry_annotations) if plan else []
    with project.transaction():
        released = team.unassign(project.db.conn, source, taken)
    return Reassignment(plan, released, packages)


def unassign(project: Project, annotator: str, *, everything: bool = False) -> int:
    """Give back the annotator's unfinished articles (or all); how many."""
    existing = team.assignments_by_annotator(project.db).get(annotator, [])
    chosen = existing if everything else unfinished(project, annotator, existing)
    with project.transaction():
        return team.unassign(project.db.conn, annotator, chosen)


def listing_annotator(project: Project, annotator: str | None) -> str | None:
    """Whose review status an article listing shows: the one asked for, else
    the only annotator of a single-annotator project, else nobody."""
    if annotator:
        return annotator
    humans = [name for name in project.annotators() if not name.startswith("@")]
    return humans[0] if len(humans) == 1 else None
