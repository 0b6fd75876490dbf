"""Work packages: one database per annotator, cut from the lead's project.

Each annotator gets a share of the articles plus an overlap that everyone
annotates (the items agreement is measured on). The split is a seeded
shuffle, so the same project, names, overlap and seed give the same
packages. A package carries its articles' suggestions and says whom it is
for (``package_for``) and where it came from (``package_from`` = the lead
project's UUID); the assignments are recorded in both databases.

Assigning again never grows an old assignment: an annotator who already has
articles keeps exactly those, and only the *unassigned* articles (none were
assigned yet, newly imported ones, or those given up by ``unassign``) are
shared out among the names given; so a newcomer gets a share of the
unassigned articles, never the others' work. With ``carry_annotations`` a
package also holds the annotator's earlier annotations of its articles
(with their change log), so a re-cut package continues where they were.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.database import utc_now
from annotator.core.models import check_annotator_name
from annotator.core.project import Project
from annotator.core.storage import annotations as annotation_store
from annotator.core.storage import articles, suggestions, team

BATCH = 500


class PackageError(Exception):
    """Packages cannot be made as asked; nothing was written."""


@dataclass
class Package:
    annotator: str
    path: Path
    uuid: str
    articles: int
    shared: int


def plan_packages(article_ids: list[str], annotators: list[str], overlap: float,
                  seed: int = 0) -> dict[str, list[str]]:
    """annotator -> article ids (in the given order): the shared part plus their share."""
    if not 0.0 <= overlap <= 1.0:
        raise PackageError(f"overlap must be between 0 and 1, not {overlap}")
    shuffled = list(article_ids)
    random.Random(seed).shuffle(shuffled)
    shared_count = round(overlap * len(shuffled))
    shared, rest = set(shuffled[:shared_count]), shuffled[shared_count:]
    plan = {}
    for index, name in enumerate(annotators):
        mine = shared | set(rest[index::len(annotators)])
        plan[name] = [a for a in article_ids if a in mine]
    return plan


def check_names(annotators: Iterable[str]) -> list[str]:
    try:
        names = [check_annotator_name(n) for n in annotators]
    except ValueError as error:
        raise PackageError(str(error)) from error
    if not names:
        raise PackageError("give at least one annotator")
    if len(set(names)) != len(names):
        raise PackageError("an annotator is named twice")
    return names


def package_path(out_dir: Path, annotator: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in annotator)
    return out_dir / f"{safe}.sqlite"


def assign_packages(project: Project, annotators: Iterable[str], overlap: float, out_dir: Path | str,
                    *, seed: int = 0, carry_annotations: bool = False,
                    on_progress: Callable[[int, int], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None,
                    first: list[str] | None = None, limit: int | None = None) -> list[Package]:
    """Write one package per annotator into ``out_dir``; PackageError if refused.

    ``first`` lists articles to hand out before the others (e.g. the most
    uncertain ones); ``limit`` hands out only that many unassigned articles
    (the rest stay unassigned for the next round)."""
    names = check_names(annotators)
    article_ids = project.article_ids()
    if not article_ids:
        raise PackageError(f"{project.path}: the project has no articles to hand out")
    existing = team.assignments_by_annotator(project.db)
    taken = {a for ids in existing.values() for a in ids}
    unassigned = handed_out_first([a for a in article_ids if a not in taken], first, limit)
    if not unassigned and not any(name in existing for name in names):
        raise PackageError("every article is already assigned; give a newcomer another's "
                           "unfinished articles with --reassign FROM --to NAME")
    new = plan_packages(unassigned, names, overlap, seed)
    order = {a: i for i, a in enumerate(article_ids)}
    plan = {name: sorted(set(existing.get(name, [])) | set(new[name]), key=order.__getitem__)
            for name in names}
    shared = round(overlap * len(unassigned))
    return write_packages(project, plan, out_dir, overlap=overlap, seed=seed, shared=shared,
                          carry_annotations=carry_annotations, on_progress=on_progress,
                          should_cancel=should_cancel)


def handed_out_first(unassigned: list[str], first: list[str] | None, limit: int | None) -> list[str]:
    """The unassigned articles to share out: those in ``first`` first (in its
    order), then the others as they were; at most ``limit`` of them."""
    if limit is not None and limit < 1:
        raise PackageError(f"the number of articles to hand out is at least 1, not {limit}")
    if first:
        position = {a: i for i, a in enumerate(first)}
        unassigned = sorted(unassigned, key=lambda a: position.get(a, len(position)))
    return unassigned if limit is None else unassigned[:limit]


def write_packages(project: Project, plan: dict[str, list[str]], out_dir: Path | str, *,
                   overlap: float, seed: int, shared: int, carry_annotations: bool = False,
                   on_progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> list[Package]:
    """One package per annotator of ``plan`` (annotator -> article ids), and the
    assignments recorded in the lead's project."""
    names, out_dir = list(plan), Path(out_dir)
    paths = {name: package_path(out_dir, name) for name in names}
    taken = [p for p in paths.values() if p.exists()]
    if taken:
        raise PackageError(f"{taken[0]}: already exists; choose another folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    packages: list[Package] = []
    for done, name in enumerate(names, start=1):
        if should_cancel and should_cancel():
            break
        uuid = _write_package(project, name, plan[name], paths[name], overlap, seed,
                              carry_annotations)
        packages.append(Package(name, paths[name], uuid, len(plan[name]), shared))
        if on_progress:
            on_progress(done, len(names))
    _record_assignments(project, packages, plan)
    return packages


def _write_package(source: Project, annotator: str, article_ids: list[str], path: Path,
                   overlap: float, seed: int, carry_annotations: bool) -> str:
    temporary = path.with_name(f".{path.name}.writing-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        with Project.open(temporary) as package:
            with package.transaction():
                _copy_articles(source, package, article_ids)
                package.ensure_annotator(annotator)
                if carry_annotations:
                    for start in range(0, len(article_ids), BATCH):
                        annotation_store.copy_rows(source.db, package.db.conn,
                                                   article_ids[start:start + BATCH], annotator)
                for key, value in (("package_for", annotator), ("package_from", source.uuid),
                                   ("package_overlap", str(overlap)), ("package_seed", str(seed)),
                                   ("package_created_at", utc_now())):
                    package.set_meta(key, value)
                _record_assignments(package, [Package(annotator, path, package.uuid, 0, 0)],
                                    {annotator: article_ids})
            uuid = package.uuid
        os.replace(temporary, path)
        return uuid
    finally:
        temporary.unlink(missing_ok=True)


def _copy_articles(source: Project, package: Project, article_ids: list[str]) -> None:
    """Copy articles and their suggestions row for row (ids, import times and all)."""
    for start in range(0, len(article_ids), BATCH):
        batch = article_ids[start:start + BATCH]
        articles.copy_rows(source.db, package.db.conn, batch)
        suggestions.copy_rows(source.db, package.db.conn, batch)


def _record_assignments(project: Project, packages: list[Package], plan: dict[str, list[str]]) -> None:
    now = utc_now()
    with project.transaction():
        for package in packages:
            team.assign(project.db.conn, [(article_id, package.annotator, package.uuid, now)
                                          for article_id in plan[package.annotator]])
