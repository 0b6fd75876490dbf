"""The source registry in memory: entities, aliases, grades. No SQL here.

A ``Source`` is what the reviewer grades once: "Wolodymyr Selenskyj",
"südkoreanischer Geheimdienst". Claims keep their source *span* (what the
text says) and point to a ``Source`` as well. Sources made by the linker
are proposals (``confirmed=False``) until a reviewer confirms them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from annotator.core.models import RELIABILITY_GRADES, SourceType
from annotator.core.sources.normalize import fold, parse
from annotator.core.sources.rules import Rules, load_rules

LINKER = "@linker"  # created_by of sources the linker proposed


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Source:
    id: str
    name: str  # canonical name
    source_type: SourceType | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    external_id: str | None = None  # e.g. a Wikidata QID, typed by hand
    created_by: str = ""
    created_at: str = ""
    confirmed: bool = True
    renamed_at: str = ""  # when a person last renamed it: the latest rename wins a merge
    typed_at: str = ""  # when its type was last given: the latest wins a merge
    former_ids: tuple[str, ...] = ()  # ids of entities merged into it (claims may still name them)

    @property
    def all_ids(self) -> tuple[str, ...]:
        return (self.id, *self.former_ids)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def has_name(self, text: str) -> bool:
        return fold(text) in {fold(n) for n in self.names}


def new_source(name: str, source_type: SourceType | None = None, *, created_by: str,
               aliases: Iterable[str] = (), note: str = "", external_id: str | None = None,
               created_at: str | None = None, confirmed: bool = True) -> Source:
    """A new entity; its aliases lose duplicates of the name and of each other."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a source needs a name")
    at = created_at or now()
    source = Source(str(uuid.uuid4()), name, source_type, (), note.strip(),
                    (external_id or "").strip() or None, created_by, at, confirmed,
                    typed_at=at if source_type else "")
    for alias in aliases:
        source = with_alias(source, alias)
    return source


def with_alias(source: Source, alias: str) -> Source:
    alias = " ".join(alias.split())
    if not alias or source.has_name(alias):
        return source
    return replace(source, aliases=source.aliases + (alias,))


def without_alias(source: Source, alias: str) -> Source:
    """Split an alias off (it stays a plain string until linked elsewhere)."""
    kept = tuple(a for a in source.aliases if fold(a) != fold(alias))
    if len(kept) == len(source.aliases):
        raise ValueError(f"{source.name!r} has no alias {alias!r}")
    return replace(source, aliases=kept)


def renamed(source: Source, new_name: str, at: str | None = None) -> Source:
    """The new canonical name; the old one stays findable as an alias."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise ValueError("a source needs a name")
    aliases = tuple(a for a in source.aliases if fold(a) != fold(new_name))
    return with_alias(replace(source, name=new_name, aliases=aliases, renamed_at=at or now()), source.name)


def typed(source: Source, source_type: SourceType | None, at: str | None = None) -> Source:
    return replace(source, source_type=source_type, typed_at=at or now())


def _precedence(source: Source) -> tuple[str, str]:
    """The entity whose id survives a merge: the oldest, then the smallest
    id, so the result does not depend on the order of merging."""
    return (source.created_at, source.id)


def merged(sources: Iterable[Source]) -> tuple[Source, list[str]]:
    """One entity from several (same canonical name or alias, or copies of
    one entity edited apart), and the fields on which they disagreed
    ("source_type", "external_id").

    Each field is chosen by a rule that only looks at values the merged
    entity keeps, so merging is associative, commutative and idempotent:
    id and creation from the oldest entity; the name of the latest rename
    (never renamed: the oldest entity's); the latest type given; the
    greatest external id; notes and names united; confirmed if any was."""
    group = list(sources)
    first = min(group, key=_precedence)
    conflicts = [f for f in ("source_type", "external_id")
                 if len({getattr(s, f) for s in group} - {None}) > 1]
    latest = max((s.renamed_at, fold(s.name), s.name) for s in group)
    oldest = min((s.created_at, s.id, fold(s.name), s.name) for s in group)[3]
    name, renamed_at = (latest[2], latest[0]) if latest[0] else (oldest, "")
    typed = max(((s.typed_at, s.source_type.value) for s in group if s.source_type), default=None)
    notes = sorted({line for s in group for line in s.note.splitlines() if line.strip()})
    result = replace(
        first, name=name, renamed_at=renamed_at, aliases=(), note="\n".join(notes),
        source_type=SourceType(typed[1]) if typed else None, typed_at=typed[0] if typed else "",
        external_id=max((s.external_id for s in group if s.external_id), default=None),
        confirmed=any(s.confirmed for s in group),
        former_ids=tuple(sorted({i for s in group for i in s.all_ids} - {first.id})),
    )
    for n in sorted({n for s in group for n in s.names}, key=lambda n: (fold(n), n)):
        result = with_alias(result, n)
    return result, conflicts


def merge_registries(*registries: Iterable[Source]) -> tuple[list[Source], dict[str, list[str]]]:
    """Union of registries: sources sharing a name or alias (case-folded)
    become one entity. Order-independent and idempotent. Returns the
    entities (sorted by id) and, per surviving id, the conflicting fields."""
    entities, conflicts, _ = merge_with_map(*registries)
    return entities, conflicts


def merge_with_map(*registries: Iterable[Source]) -> tuple[list[Source], dict[str, list[str]], dict[str, str]]:
    """As merge_registries, plus the map old id -> surviving id (to repoint
    the claims and grades of the merged databases)."""
    everything = [s for registry in registries for s in registry]
    parent = {i: i for s in everything for i in s.all_ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: str, b: str) -> None:
        a, b = root(a), root(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_name: dict[str, str] = {}
    for s in everything:
        for i in s.former_ids:
            join(s.id, i)
        for n in s.names:
            join(by_name.setdefault(fold(n), s.id), s.id)
    groups: dict[str, list[Source]] = defaultdict(list)
    for s in everything:
        groups[root(s.id)].append(s)  # the same id twice: copies, maybe edited apart
    entities, conflicts, id_map = [], {}, {}
    for members in groups.values():
        entity, clash = merged(members)
        entities.append(entity)
        if clash:
            conflicts[entity.id] = clash
        id_map.update({i: entity.id for s in members for i in s.all_ids})
    return sorted(entities, key=lambda s: s.id), conflicts, id_map


@dataclass(frozen=True)
class SourceGrade:
    """One reliability grade an annotator gave a claim from this source."""

    source_id: str
    annotator: str
    reliability: str  # A-F
    at: str
    article_id: str | None = None
    annotation_id: str | None = None

    def __post_init__(self) -> None:
        if self.reliability not in RELIABILITY_GRADES:
            raise ValueError(f"source reliability must be A-F, not {self.reliability!r}")


def current_grades(grades: Iterable[SourceGrade]) -> dict[tuple[str, str], SourceGrade]:
    """(source id, annotator) -> the current grade; the history stays as given.

    The current grade is the latest one given to the source itself
    (``annotation_id`` None: "update the source's grade", a team's list),
    else the latest given to one of its claims. So grading one claim alone
    leaves the source's grade as it was."""
    latest: dict[tuple[str, str], SourceGrade] = {}
    for g in grades:
        key = (g.source_id, g.annotator)
        rank = (g.annotation_id is None, g.at, g.reliability)
        held = latest.get(key)
        if held is None or rank > (held.annotation_id is None, held.at, held.reliability):
            latest[key] = g
    return latest


@dataclass
class Registry:
    """Sources by id, with an index from name keys (normalize.py) to ids."""

    rules: Rules = field(default_factory=load_rules)
    _sources: dict[str, Source] = field(default_factory=dict)
    _index: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, sources: Iterable[Source]) -> Registry:
        registry = cls()
        for s in sources:
            registry.add(s)
        return registry

    def add(self, source: Source) -> None:
        if source.id in self._sources:
            self.remove(source.id)
        self._sources[source.id] = source
        for key in self.keys_of(source):
            self._index[key].add(source.id)

    def remove(self, source_id: str) -> None:
        source = self._sources.pop(source_id)
        for key in self.keys_of(source):
            self._index[key].discard(source_id)

    def keys_of(self, source: Source) -> set[str]:
        keys = {"exact:" + fold(n) for n in source.names}
        for n in source.names:
            keys |= parse(n, self.rules).keys(self.rules)
        for line in source.note.splitlines():
            # a note "as: ukrainischer Präsident" makes the role findable
            said = parse(line.removeprefix("as:"), self.rules)
            if said.role_key and said.nation and said.role is not None and said.role.kind == "person":
                keys.add(said.role_key)
        return keys

    def lookup(self, key: str) -> list[Source]:
        return sorted((self._sources[i] for i in self._index.get(key, ())), key=_precedence)

    def find(self, name: str) -> list[Source]:
        """Sources whose canonical name or alias is ``name`` (case-folded)."""
        return self.lookup("exact:" + fold(name))

    def get(self, source_id: str) -> Source:
        return self._sources[source_id]

    def __iter__(self) -> Iterator[Source]:
        return iter(list(self._sources.values()))

    def __len__(self) -> int:
        return len(self._sources)
