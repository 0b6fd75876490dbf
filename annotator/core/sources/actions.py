"""What a user does to the registry of an open project, each in one
transaction: link an article's suggestions, rename, alias, merge, import a
team's CSV list, look a source up. The CLI and the GUI call these; the SQL
is in :mod:`annotator.core.storage.sources`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.importer import InputError
from annotator.core.sources import linking
from annotator.core.sources.csv_input import read_sources_csv
from annotator.core.sources.normalize import fold, parse
from annotator.core.sources.registry import (
    LINKER,
    Source,
    SourceGrade,
    current_grades,
    merged,
    new_source,
    now,
    renamed,
    typed,
    with_alias,
    without_alias,
)
from annotator.core.storage import source_merging
from annotator.core.storage import sources as stored
from annotator.core.storage import suggestions as stored_suggestions


class SourceError(ValueError):
    """A registry action that cannot be done, said in the user's words."""


def registry(project) -> stored.StoredRegistry:
    return stored.StoredRegistry(project.db)


# -- linking at suggestion time --------------------------------------------------


def link_suggestions(db, article_id: str, text: str, suggestions=None,
                     reg: stored.StoredRegistry | None = None) -> list[tuple[int, str | None, float, str]]:
    """Link the article's suggested sources to the registry (within the
    caller's transaction). Proposed sources are added unconfirmed, so the
    next article's mentions of the same source find them. ``suggestions``:
    the stored ones in text order, when the caller has them (an import).
    Returns the links written (suggestion id, source id, confidence, reason)."""
    if suggestions is None:
        suggestions = stored_suggestions.for_article(db, article_id)
    rows = link_rows(text, suggestions, reg or stored.StoredRegistry(db))
    stored.clear_suggestion_links(db, article_id)
    stored.link_suggestions(db, article_id, rows)
    return rows


def link_rows(text: str, suggestions, reg: stored.StoredRegistry) -> list[tuple[int, str | None, float, str]]:
    """The links of one article's stored suggestions (suggestion id, source
    id, confidence, reason), its proposed sources added to ``reg``; the
    links themselves are left to the caller to write (an import writes a
    batch's at once)."""
    pairs = linking.mentions_of(text, suggestions)
    if not pairs:
        return []
    result = linking.link_article([m for _, m in pairs], reg)
    ids = linking.add_proposals(reg, result)
    rows = []
    for (index, _), link, source_id in zip(pairs, result.links, ids):
        suggestion_id = suggestions[index].id
        if suggestion_id is not None:  # stored suggestions always have one
            rows.append((suggestion_id, source_id, link.confidence, link.reason))
    return rows


# -- finding ---------------------------------------------------------------------


def find_one(project, name: str) -> Source:
    """The one source called ``name`` (canonical name, alias or id)."""
    found = stored.find(project.db, name) or [s for s in [stored.get(project.db, name)] if s]
    if not found:  # a spelling or inflection of a name: "Zelensky", "ukrainischem Geheimdienst"
        reg = registry(project)
        parsed = parse(name, reg.rules)
        keys = parsed.name_keys(reg.rules) or {k for k in (parsed.role_key,) if k and parsed.nation}
        found = list({s.id: s for k in keys for s in reg.lookup(k)}.values())
        if not found and len(parsed.name) == 1:  # a surname: "Selenskyj" for "Wolodymyr Selenskyj"
            found = list({s.id: s for k in parsed.surname_keys(reg.rules) for s in reg.lookup(k)}.values())
    if not found:
        raise SourceError(f"no source is called {name!r}")
    if len(found) > 1:
        listing = "; ".join(f"{s.name} ({s.id})" for s in found)
        raise SourceError(f"{name!r} names {len(found)} sources: {listing}; use an id")
    return found[0]


def source_named(project, name: str) -> Source | None:
    """The one source whose canonical name or alias is exactly ``name`` (case-folded)."""
    found = stored.find(project.db, name)
    return found[0] if len(found) == 1 else None


def _free(project, name: str, owner: Source) -> None:
    for other in stored.find(project.db, name):
        if other.id != owner.id:
            raise SourceError(f"{name!r} already names {other.name!r}: merge the two sources instead")


def _save(project, source: Source) -> None:
    stored.put(project.db, source, registry(project).keys_of(source))


# -- editing ---------------------------------------------------------------------


def create(project, name: str, source_type=None, *, created_by: str, aliases=()) -> Source:
    """A new confirmed source (e.g. from a selection in the text)."""
    with project.transaction():
        for n in (name, *aliases):
            for other in stored.find(project.db, n):
                raise SourceError(f"{n!r} already names {other.name!r}")
        source = new_source(name, source_type, created_by=created_by, aliases=aliases)
        _save(project, source)
        return source


def link_claim(project, annotation_id: str, name: str | None, by: str) -> Source | None:
    """A reviewer links a claim (annotation) to a source, or unlinks it (None)."""
    with project.transaction():
        annotation = project.annotation(annotation_id)
        if annotation is None:
            raise SourceError(f"no claim {annotation_id}")
        if name is None:
            stored.unlink_annotation(project.db, annotation_id)
            return None
        source = find_one(project, name)
        stored.link_annotation(project.db, annotation_id, annotation.article_id, source.id, by, now())
        if not source.confirmed:
            source = replace(source, confirmed=True)
            _save(project, source)
        return source



def rename(project, old: str, new: str) -> Source:
    with project.transaction():
        source = find_one(project, old)
        _free(project, new, source)
        result = replace(renamed(source, new), confirmed=True)
        _save(project, result)
        return result


def add_alias(project, name: str, alias: str) -> Source:
    with project.transaction():
        source = find_one(project, name)
        _free(project, alias, source)
        result = with_alias(source, alias)
        _save(project, result)
        return result


def remove_alias(project, name: str, alias: str) -> Source:
    """Split an alias off: the name no longer finds this source."""
    with project.transaction():
        source = find_one(project, name)
        try:
            result = without_alias(source, alias)
        except ValueError as error:
            raise SourceError(str(error)) from None
        _save(project, result)
        return result


def merge(project, keep_name: str, other_name: str) -> tuple[Source, list[str]]:
    """Merge ``other`` into ``keep``: its names become aliases, its claims
    and grades move, its id redirects. Returns the source and the fields on
    which the two disagreed (also recorded as conflicts)."""
    with project.transaction():
        keep, other = find_one(project, keep_name), find_one(project, other_name)
        if keep.id == other.id:
            raise SourceError(f"{keep_name!r} and {other_name!r} are the same source")
        union, conflicts = merged([keep, other])
        at = now()
        result = replace(union, id=keep.id, name=keep.name, created_by=keep.created_by,
                         created_at=keep.created_at, renamed_at=at, confirmed=True,
                         former_ids=tuple(sorted(set(union.all_ids) - {keep.id})),
                         source_type=keep.source_type or other.source_type,
                         typed_at=keep.typed_at if keep.source_type else other.typed_at)
        result = with_alias(replace(result, aliases=tuple(
            a for a in result.aliases if fold(a) != fold(keep.name))), other.name)
        stored.repoint(project.db, other.id, keep.id)
        stored.delete(project.db, other.id)
        _save(project, result)
        for name in conflicts:
            values = {str(getattr(s, name).value if name == "source_type" else getattr(s, name))
                      for s in (keep, other)}
            stored.record_conflict(project.db, keep.id, name, sorted(values), at)
        return result, conflicts


# -- undo ----------------------------------------------------------------------------------


def restore(project, source: Source) -> None:
    """Put a source back as it was (undo or redo of a rename or alias edit)."""
    with project.transaction():
        _save(project, source)


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changed, to undo it: both sources before, and the rows moved."""

    keep: Source
    other: Source
    suggestion_ids: list[int]
    annotation_ids: list[str]
    grade_ids: list[int]
    redirected: list[str]  # old ids that pointed at ``other``


def merge_undoably(project, keep_name: str, other_name: str) -> tuple[Source, MergeRecord]:
    with project.transaction():
        keep, other = find_one(project, keep_name), find_one(project, other_name)
        record = MergeRecord(keep, other, *source_merging.rows_of(project.db, other.id))
        result, _ = merge(project, keep.id, other.id)
        return result, record


def unmerge(project, record: MergeRecord) -> None:
    """Undo a merge: both sources as they were, the moved rows back."""
    with project.transaction():
        source_merging.drop_redirects(project.db, [record.other.id, *record.redirected])
        _save(project, record.keep)
        _save(project, record.other)
        for old in record.redirected:
            stored.redirect(project.db, old, record.other.id)
        source_merging.move_rows(project.db, record.other.id, record.suggestion_ids, record.annotation_ids,
                         record.grade_ids)


# -- a team's CSV list ---------------------------------------------------------------


@dataclass
class CsvSummary:
    created: int = 0
    updated: int = 0
    graded: int = 0
    names: list[str] = field(default_factory=list)


def import_csv(project, path: Path, annotator: str | None) -> CsvSummary:
    """Seed the registry from a CSV list (csv_input.py). All rows or none:
    a bad row raises InputError with file and line and nothing is written."""
    rows = read_sources_csv(path)
    if annotator is None and any(r.grade for r in rows):
        raise InputError(path, next(r.line for r in rows if r.grade),
                         "grades need the annotator who gives them (--annotator)")
    summary = CsvSummary()
    with project.transaction():
        for row in rows:
            source = _csv_source(project, path, row, summary)
            _save(project, source)
            summary.names.append(source.name)
            if row.grade and annotator:
                stored.add_grade(project.db, SourceGrade(source.id, annotator, row.grade, now()))
                summary.graded += 1
    return summary


def _csv_source(project, path: Path, row, summary: CsvSummary) -> Source:
    found = {s.id: s for n in (row.name, *row.aliases) for s in stored.find(project.db, n)}
    if len(found) > 1:
        names = ", ".join(sorted(s.name for s in found.values()))
        raise InputError(path, row.line, f"the row names {len(found)} different sources ({names})")
    if not found:
        summary.created += 1
        return new_source(row.name, row.source_type, created_by="@csv", aliases=row.aliases,
                          note=row.note, external_id=row.external_id)
    source = next(iter(found.values()))
    for alias in (row.name, *row.aliases):
        source = with_alias(source, alias)
    if row.source_type is not None and row.source_type != source.source_type:
        source = typed(source, row.source_type)
    if row.note and row.note not in source.note.splitlines():
        source = replace(source, note="\n".join(x for x in (source.note, row.note) if x))
    summary.updated += 1
    return replace(source, external_id=row.external_id or source.external_id, confirmed=True)


# -- the entity of one claim ------------------------------------------------------------


@dataclass(frozen=True)
class ClaimEntity:
    source: Source | None  # None: the linker found none (``reason`` says why)
    confirmed: bool
    reason: str = ""


def entity_of(project, claim) -> ClaimEntity | None:
    """The source entity of a review claim (core.review.Claim): a reviewer's
    link, else the linker's link of its suggestion while the claim's source
    span is still the suggested one."""
    annotation, suggestion = claim.annotation, claim.suggestion
    if annotation is not None and annotation.id:
        link = stored.annotation_link(project.db, annotation.id)
        if link is not None:
            return ClaimEntity(stored.get(project.db, link[0]), link[1] != LINKER)
    if suggestion is None or suggestion.id is None or suggestion.source != claim.source:
        return None
    found = stored.suggestion_link(project.db, suggestion.id)
    if found is None:
        return None
    source = stored.get(project.db, found[0]) if found[0] else None
    return ClaimEntity(source, False, f"{found[1]:.2f}: {found[2]}")


# -- grade once -------------------------------------------------------------------------------


def source_grade(project, source_id: str, annotator: str) -> str | None:
    """The annotator's current grade of a source: the latest given to the
    source itself, else that of the latest graded claim (as registry.current_grades)."""
    own, latest_claim = stored.latest_grades(project.db, source_id, annotator)
    return own or (latest_claim[1] if latest_claim else None)


def own_source_grade(project, source_id: str, annotator: str) -> str | None:
    """The latest grade the annotator gave the source itself (not via a claim)."""
    return stored.latest_grades(project.db, source_id, annotator)[0]


def grade_source(project, source_id: str, annotator: str, reliability: str) -> None:
    """Give the source itself a grade (it outranks the grades of single claims)."""
    with project.transaction():
        stored.add_grade(project.db, SourceGrade(source_id, annotator, reliability, now()))


# -- looking at sources (paged: never load all) ------------------------------------------


def page(project, *, offset: int = 0, limit: int = 100, search: str | None = None
         ) -> list[stored.SourceSummary]:
    return stored.summaries(project.db, offset=offset, limit=limit, search=search)


def grade_distribution(project, source_id: str) -> dict[str, dict[str, int]]:
    """annotator -> {grade: claims} over the source's claims."""
    return stored.grade_distribution(project.db, source_id)


def distribution_text(distribution: dict[str, dict[str, int]]) -> str:
    """'anna B×3 C×1 · ben A×2' ('' when nobody graded a claim of it)."""
    return " · ".join(f"{who} " + " ".join(f"{g}×{n}" for g, n in grades.items())
                      for who, grades in distribution.items())


def claims_page(project, source_id: str, *, after: tuple | None = None, limit: int = 100) -> stored.ClaimsPage:
    """One page of a source's claims; ``after`` is the previous page's ``after``."""
    return stored.claims(project.db, source_id, after=after, limit=limit)



@dataclass
class SourceDetail:
    source: Source
    claims: list[stored.SourceClaim]
    history: list[SourceGrade]  # every grade, oldest first
    current: dict[str, str]  # annotator -> current grade
    distribution: dict[str, dict[str, int]] = field(default_factory=dict)  # annotator -> {grade: claims}


def show(project, name: str, limit: int = 20) -> SourceDetail:
    source = find_one(project, name)
    history = sorted(stored.claim_grades(project.db, source.id) + stored.source_grades(project.db, source.id),
                     key=lambda g: g.at)
    current = {a: g.reliability for (_, a), g in sorted(current_grades(history).items())}
    return SourceDetail(source, stored.claims(project.db, source.id, limit=limit).claims, history, current,
                        stored.grade_distribution(project.db, source.id))
