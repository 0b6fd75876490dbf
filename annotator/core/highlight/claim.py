"""The claim record the rules build, in token indices.

``DocRules`` works on token lists; every cue family returns ``Claim``
objects, and ``components.py`` converts them to character offsets.  Kept in
its own module so the rule classes can create claims without importing the
entry module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.models import Attribution

# The cue family of each rule (``Claim.kind``): what `annotator evaluate`
# counts and ``doc._.annotator_families`` shows.  A kind not listed is its own
# family.
FAMILY_OF_KIND = {
    "comp-dass": "verb", "comp-colon": "verb", "comp-inf": "verb", "comp-v2": "verb", "inverted": "verb",
    "reported": "verb", "passive": "verb", "anaphoric": "verb",
    "wie": "frame", "wonach": "frame", "frame-pre": "frame", "frame-post": "frame", "frame-nach": "frame",
    "frame-adv": "frame", "frame-heisst": "frame", "frame-so": "frame",
    "quote": "quote", "quote-colon": "quote", "quote-more": "quote",
    "free": "continuation", "colon": "continuation", "statement": "continuation",
    "noun": "noun", "phrase": "phrase", "passive-eval": "phrase", "evidential": "evidential",
    "outlet": "outlet", "checkworthy": "outlet",
}
FAMILIES = ("verb", "frame", "quote", "noun", "phrase", "evidential", "continuation", "outlet")


@dataclass
class Claim:
    """A claim in token indices (end exclusive); converted to chars later."""

    parts: list[tuple[int, int]]  # message token ranges (may skip a frame)
    attribution: Attribution
    source: tuple[int, int] | None = None  # local mention
    cue: tuple[int, int] | None = None
    antecedent: tuple[int, int] | None = None  # resolved source (pronoun/role)
    hedged: bool = False
    score: float = 0.0
    kind: str = ""  # rule that made it (for debugging / docs)
    sents: list[int] = field(default_factory=list)
    group: int = -1  # pieces of one quotation or one continued speech share a group (-1: alone)

    @property
    def family(self) -> str:
        return FAMILY_OF_KIND.get(self.kind, self.kind)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]
