"""When does one claim corroborate another? Only when their sources are
independent.

- Sources are the same when the registry says so (same entity id); before
  the registry knows them, when their normalised names match: "Der
  ukrainische Präsident Wolodymyr Selenskyj" and "Selenskyj" are one source
  (the words of the shorter name are all in the longer one).
- "Berichten zufolge", "Medienberichten", "Kreise", "es heißt": vague
  reports are one source however many outlets relay them.
- A claim is not independent of a claim whose source its own article
  names as the source of the same information ("laut Kirby" in both).
- An unattributed claim is its outlet's own; without an outlet nothing can
  be said about its independence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.corroboration.words import stem

VAGUE_REPORTS = "reports"  # the one source all vague reports count as
_VAGUE = frozenset(stem(w) for w in (
    "Berichten", "Berichte", "Bericht", "Medienberichten", "Medienberichte", "Meldungen",
    "Kreise", "Kreisen", "heißt", "verlautet", "Gerüchte", "Insider", "Beobachter",
))
# words of a source phrase that name no one: articles, roles, hedges
_NOT_A_NAME = frozenset(stem(w) for w in (
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "eines",
    "laut", "nach", "zufolge", "Angaben", "von", "vom", "zur", "zum", "und",
    "Präsident", "Präsidentin", "Chef", "Chefin", "Sprecher", "Sprecherin", "Minister",
    "Ministerin", "General", "Generalsekretär", "Herr", "Frau", "Dr", "Prof",
))


@dataclass(frozen=True)
class SourcedClaim:
    """What the rule needs to know about one claim."""

    article_id: str
    source: str | None  # the source phrase as written; None: unattributed
    source_id: str | None = None  # registry entity
    outlet: str | None = None
    # sources the article names for this same information (e.g. a relayed quote)
    also_cited: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Independence:
    independent: bool
    reason: str


def source_words(phrase: str | None) -> frozenset[str]:
    """Name words of a source phrase: "Der ukrainische Präsident Wolodymyr
    Selenskyj" -> {ukrain, wolody, selens}; vague reports -> {"reports"}."""
    if not phrase:
        return frozenset()
    words = {stem(w) for w in re.findall(r"[^\W\d_]+", phrase)}
    if words & _VAGUE:
        return frozenset({VAGUE_REPORTS})
    return frozenset(words - _NOT_A_NAME)


def _name_parts(phrase: str) -> list[frozenset[str]]:
    """ "John Kirby, Sprecher des ..." -> the whole and each comma part: a
    name and its apposition may come in either order."""
    parts = [source_words(p) for p in re.split(r",|\(|\)", phrase)]
    return [source_words(phrase)] + [p for p in parts if p]


def same_source(a: str | None, b: str | None, a_id: str | None = None,
                b_id: str | None = None) -> bool:
    if a_id and b_id:
        return a_id == b_id
    if not a or not b:
        return False
    return any(pa <= pb or pb <= pa for pa in _name_parts(a) for pb in _name_parts(b)
               if pa and pb)


def independence(a: SourcedClaim, b: SourcedClaim) -> Independence:
    """May ``b`` count as confirmation of ``a`` from an independent source?"""
    if a.article_id == b.article_id:
        return Independence(False, "same article")
    if not a.source and not b.source:
        if a.outlet and b.outlet and a.outlet != b.outlet:
            return Independence(True, "unattributed in two outlets")
        return Independence(False, "unattributed: the origin is unknown")
    if not a.source or not b.source:
        return Independence(False, "one claim is unattributed: the origin is unknown")
    if same_source(a.source, b.source, a.source_id, b.source_id):
        if VAGUE_REPORTS in source_words(a.source):
            return Independence(False, "vague reports relayed by several outlets count as one source")
        return Independence(False, "same source")
    for cited in b.also_cited:
        if same_source(a.source, cited):
            return Independence(False, "the other article attributes it to this claim's source")
    for cited in a.also_cited:
        if same_source(b.source, cited):
            return Independence(False, "this article attributes it to the other claim's source")
    return Independence(True, "different sources")
