"""Linking an article's source mentions to registry entries.

The mentions of one article are first gathered into *local entities*:

* the same name, inflected or spelled otherwise ("Selenskyj", "Zelenskis");
* a surname alone joins the full name in the same article;
* a role with its nation joins the person named with that role
  ("der ukrainische Präsident" -> "Der ukrainische Präsident Wolodymyr
  Selenskyj"); a bare role ("der Präsident") joins the nearest earlier
  person who holds it;
* a pronoun the highlighter resolved counts as its antecedent;
* vague sources ("Experten", "ein Analyst") stay in their article.

Each local entity is then looked up in the registry by its keys
(normalize.py). One clear match is linked; none proposes a new source;
several are reported as ambiguous and a new source is proposed. Every
link carries a confidence and a reason and stays a suggestion until a
reviewer confirms it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.models import SourceType
from annotator.core.sources.normalize import SourceName, fold, parse
from annotator.core.sources.registry import LINKER, Registry, Source, new_source


@dataclass(frozen=True)
class Mention:
    """A source span of a suggestion, with the highlighter's resolution
    of a pronoun or role ("er" -> "Selenskyj") when it made one."""

    text: str
    start: int = 0
    end: int = 0
    resolved: str | None = None


@dataclass(frozen=True)
class Proposal:
    """A new source the linker suggests."""

    name: str
    source_type: SourceType | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Link:
    mention: Mention
    source_id: str | None = None  # an existing registry entry
    proposal: int | None = None  # else an index into ArticleLinks.proposals
    confidence: float = 0.0
    reason: str = ""


@dataclass
class ArticleLinks:
    links: list[Link]
    proposals: list[Proposal]


@dataclass
class _Entity:
    """Mentions of one article that mean the same source."""

    members: list[tuple[int, SourceName, str, float]] = field(default_factory=list)  # index, name, reason, conf
    vague: bool = False

    @property
    def names(self) -> list[SourceName]:
        return [m[1] for m in self.members]

    def name_keys(self) -> set[str]:
        return {k for n in self.names for k in n.name_keys()}

    def surname_keys(self) -> set[str]:
        return {k.split(":", 1)[1] for n in self.names for k in n.surname_keys()}

    def role_keys(self) -> set[str]:
        return {n.role_key for n in self.names if n.role_key and n.nation}


def link_article(mentions: Sequence[Mention], registry: Registry) -> ArticleLinks:
    """Link every mention of one article (in text order) to the registry."""
    parsed = [_parse_mention(m, registry) for m in mentions]
    entities = _local_entities(parsed)
    links: list[Link | None] = [None] * len(mentions)
    proposals: list[Proposal] = []
    for entity in entities:
        target, confidence, reason = _registry_target(entity, registry)
        proposal = None
        if target is None and not entity.vague and _unrecognised(entity):
            reason = "no name, role or nation recognised: no source proposed"
        elif target is None and not entity.vague:
            proposals.append(_proposal(entity))
            proposal = len(proposals) - 1
        for index, _, how, local_conf in entity.members:
            why = "; ".join(r for r in (mentions_reason(parsed[index]), how, reason) if r)
            links[index] = Link(mentions[index], target, proposal, round(confidence * local_conf, 2), why)
    for index, m in enumerate(mentions):
        if links[index] is None:
            name = parsed[index][0]
            why = "pronoun without antecedent" if name.pronoun else "no source named"
            links[index] = Link(m, reason=why)
    return ArticleLinks([link for link in links if link is not None], proposals)


def _unrecognised(entity: _Entity) -> bool:
    """Only names, roles and nations make a new source: "den zunehmenden
    Bedarf" (a highlighter's stray span) does not."""
    return not any(n.name or n.role is not None or n.nation for n in entity.names)


def mentions_reason(parsed: tuple[SourceName, str]) -> str:
    return parsed[1]


def _parse_mention(m: Mention, registry: Registry) -> tuple[SourceName, str]:
    name = parse(m.text, registry.rules)
    if (name.pronoun or name.bare_role) and m.resolved and fold(m.resolved) != fold(m.text):
        resolved = parse(m.resolved, registry.rules)
        if not resolved.pronoun:
            return resolved, f"'{m.text}' resolved by the highlighter to '{m.resolved}'"
    return name, ""


def _local_entities(parsed: list[tuple[SourceName, str]]) -> list[_Entity]:
    entities: list[_Entity] = []
    by_key: dict[str, _Entity] = {}
    order = sorted(range(len(parsed)), key=lambda i: (_stage(parsed[i][0]), i))
    for i in order:
        name = parsed[i][0]
        entity, how, conf = _join(name, i, entities, by_key)
        if entity is None:
            if name.pronoun or not (name.name or name.role or name.words):
                continue  # "er" unresolved, "Berichten": nobody named
            entity = _Entity(vague=name.vague)
            entities.append(entity)
        entity.members.append((i, name, how, conf))
        for key in _own_keys(name):
            by_key.setdefault(key, entity)
    entities.sort(key=lambda e: min(m[0] for m in e.members))
    return entities


def _stage(name: SourceName) -> int:
    """Full names first, then surnames, roles, bare roles, the rest."""
    if len(name.name) > 1:
        return 0
    if name.name:
        return 1
    if name.role is not None and name.role.kind == "person" and name.nation:
        return 2
    if name.bare_role:
        return 3
    return 4


def _own_keys(name: SourceName) -> set[str]:
    if name.vague:
        return {"vague:" + (name.role_key or name.phrase_key or fold(name.display))}
    if name.name:
        return set(name.name_keys())
    key = name.role_key or name.phrase_key  # a role's words ("in Seoul") are no key
    return {key} if key else set()


def _join(name: SourceName, index: int, entities: list[_Entity], by_key: dict[str, _Entity]):
    """The local entity this mention belongs to, how, and how sure."""
    for key in _own_keys(name):
        if key in by_key:
            return by_key[key], "", 1.0
    if len(name.name) == 1:
        surname = {k.split(":", 1)[1] for k in name.name_keys()}
        found = [e for e in entities if len(max(e.names, key=lambda n: len(n.name)).name) > 1
                 and e.surname_keys() & surname]
        if len(found) == 1:
            full = " ".join(max(found[0].names, key=lambda n: len(n.name)).name)
            return found[0], f"surname of '{full}' in the same article", 0.95
    if name.role is not None and name.role.kind == "person" and name.nation and not name.name:
        found = [e for e in entities if name.role_key in e.role_keys() and e.name_keys()]
        if len(found) == 1:
            return found[0], "role of the person named in the same article", 0.9
    if name.bare_role:
        return _bare_role_holder(name, index, entities)
    return None, "", 1.0


def _bare_role_holder(name: SourceName, index: int, entities: list[_Entity]):
    """'der Präsident' -> the nearest earlier named holder of the role."""
    if name.role is None:
        return None, "", 1.0
    holders = []
    for e in entities:
        for i, other, _, _ in e.members:
            if other.role is not None and other.role.word == name.role.word and other.name:
                holders.append((i, e, other))
    earlier = [h for h in holders if h[0] < index]
    pick = max(earlier, key=lambda h: h[0]) if earlier else None
    if pick is None and len({id(h[1]) for h in holders}) == 1:
        pick = holders[0]
    if pick is None:
        return None, "", 1.0
    distinct = len({id(h[1]) for h in holders})
    return pick[1], f"role '{name.display}' held by '{' '.join(pick[2].name)}' in the same article", (
        0.8 if distinct == 1 else 0.6)


def _registry_target(entity: _Entity, registry: Registry) -> tuple[str | None, float, str]:
    """(source id or None, confidence, reason) for one local entity."""
    if entity.vague:
        return None, 0.5, "vague source: graded on the claim, not linked to a registry entry"
    for name in entity.names:
        found = registry.find(name.display) + (registry.find(" ".join(name.name)) if name.name else [])
        if len({s.id for s in found}) == 1:
            return found[0].id, 0.95, f"same name as '{found[0].name}'"
    steps = (
        (entity.name_keys(), 0.9, "spelling or inflection of '{}'"),
        ({"name:" + k for k in entity.surname_keys()} | {"surname:" + k for k in entity.surname_keys()},
         0.8, "surname of '{}'"),
        ({k for n in entity.names if not n.name for k in [n.role_key or n.phrase_key] if k}, 0.85,
         "same source, inflected: '{}'"),
        (entity.role_keys(), 0.7, "role named in the alias or note of '{}'"),
    )
    for keys, confidence, reason in steps:
        match = _unique(registry, keys)
        if isinstance(match, Source):
            return match.id, confidence, reason.format(match.name)
        if match:
            names = ", ".join(sorted(f"'{s.name}'" for s in match))
            return None, 0.4, f"ambiguous: {names}; a new source is proposed"
    return None, 0.6 if entity.name_keys() else 0.5, "not in the registry: a new source is proposed"


def _unique(registry: Registry, keys: set[str]) -> Source | list[Source]:
    found = {s.id: s for key in keys for s in registry.lookup(key)}
    if len(found) == 1:
        return next(iter(found.values()))
    return list(found.values())


def _proposal(entity: _Entity) -> Proposal:
    names = entity.names
    named = [n for n in names if n.name]
    if named:
        best = max(named, key=lambda n: (len(n.name), -names.index(n)))
        canonical = " ".join(best.name)
        aliases = [" ".join(n.name) for n in named]
        notes = [n.display for n in names if n.role is not None and n.nation and n.name]
    else:
        best = names[0]
        canonical = best.display
        aliases = [n.display for n in names if n.role is not None or n.words]
        notes = []
    unique_aliases = tuple(dict.fromkeys(a for a in aliases if fold(a) != fold(canonical)))
    return Proposal(canonical, best.suggested_type(), unique_aliases,
                    "\n".join(dict.fromkeys(f"as: {n}" for n in notes)))


def add_proposals(registry: Registry, links: ArticleLinks, created_by: str = LINKER) -> list[str | None]:
    """Put the proposals into the registry as unconfirmed sources (so later
    articles link to them) and return each link's source id."""
    created = []
    for p in links.proposals:
        source = new_source(p.name, p.source_type, created_by=created_by, aliases=p.aliases,
                            note=p.note, confirmed=False)
        registry.add(source)
        created.append(source.id)
    return [link.source_id or (created[link.proposal] if link.proposal is not None else None)
            for link in links.links]


def mentions_of(text: str, suggestions: Sequence) -> list[tuple[int, Mention]]:
    """The source mentions of an article's suggestions, with the index of
    each suggestion. A suggestion's source is already the highlighter's
    resolution of a pronoun or role ("er" -> "Selenskyj")."""
    out = []
    for index, s in enumerate(suggestions):
        if s.source is not None and s.source.end > s.source.start:
            out.append((index, Mention(text[s.source.start:s.source.end], s.source.start, s.source.end)))
    return out
