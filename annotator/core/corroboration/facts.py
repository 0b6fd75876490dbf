"""What a claim says that can be matched across articles: its word stems, its
names (subjects, entities, places), its quantities and dates.

``ClaimFacts`` is computed once per claim (at import or edit) and stored in
the index as JSON, so finding related claims never re-parses text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from json.encoder import encode_basestring
from operator import itemgetter  # json.dumps' own string escaper, without its overhead

from annotator.core.corroboration.dates import DateMention, gates_from_scan, parse_dates
from annotator.core.corroboration.nations import nation_of_word
from annotator.core.corroboration.quantities import Quantity, nation_of, parse_quantities
from annotator.core.corroboration.scan import DATE_WORDS, NATION, NUMBER, scan
from annotator.core.corroboration.words import WORD_RE


@dataclass(frozen=True)
class ClaimFacts:
    claim_id: str  # the caller's key of the claim ("s:12" suggestion, "a:<uuid>" annotation)
    article_id: str
    text: str
    source: str | None = None  # the source phrase as written
    outlet: str | None = None
    published: str | None = None
    terms: tuple[str, ...] = ()  # stems of all content words
    names: tuple[str, ...] = ()  # stems of capitalised content words
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    source_id: str | None = field(default=None)  # registry entity, when there is one

    def to_json(self) -> str:
        """Compact JSON for the index: lists, not objects (a million claims are
        written at a bulk build). The claim's text is left out: the store has it."""
        return json.dumps([
            self.claim_id, self.article_id, self.source, self.outlet, self.published,
            self.source_id, self.terms, self.names,
            [[q.low, q.high, q.qualifier, q.unit, q.head, q.concept, q.modifiers, q.additive,
              q.nation, q.start, q.end, q.text] for q in self.quantities],
            [[d.first.isoformat(), d.last.isoformat(), d.year_known, d.qualifier, d.start,
              d.end, d.text] for d in self.dates],
        ], ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str, text: str = "") -> ClaimFacts:
        (claim_id, article_id, source, outlet, published, source_id, terms, names,
         quantities, dates) = json.loads(raw)
        return cls(
            claim_id=claim_id, article_id=article_id, text=text, source=source, outlet=outlet,
            published=published, source_id=source_id, terms=tuple(terms), names=tuple(names),
            quantities=tuple(_quantity(q) for q in quantities),
            dates=tuple(DateMention(date.fromisoformat(d[0]), date.fromisoformat(d[1]), *d[2:])
                        for d in dates),
        )

    def prepared(self) -> PreparedFacts:
        """What the index writes of these facts, ready but for the ids."""
        return PreparedFacts(self.claim_id, self.article_id, self.source, self.outlet, self.published,
                             self.source_id, " ".join(self.index_keys()), _tail_json(self))

    def index_keys(self) -> list[str]:
        """The keys under which the index files this claim: names, words,
        quantity things ("q_soldiers_nordko") and days ("d1027")."""
        keys = dict.fromkeys(self.terms)
        for q in self.quantities:
            if q.concept:
                keys[f"q_{q.concept}_{nation_of(q) or ''}".rstrip("_")] = None
        for d in self.dates:
            keys[d.key()] = None
        return list(keys)


def _strings(values: tuple[str, ...]) -> str:
    # json.dumps(list of str, ensure_ascii=False) without its per-call overhead
    return "[" + ",".join(map(encode_basestring, values)) + "]"


def _tail_json(facts: ClaimFacts) -> str:
    """The end of ``to_json`` (terms, names, quantities, dates): all of it
    that needs parsing, and none of the ids the store gives."""
    if not facts.quantities and not facts.dates:  # most claims: no json.dumps call at all
        return "[" + _strings(facts.terms) + "," + _strings(facts.names) + ",[],[]]"
    return "[" + facts.to_json()[len(_head_json(facts)):]  # to_json is "[<head>,<tail>]"


def _head_json(facts) -> str:
    """json.dumps of the ids and names (each a str or None), without its overhead."""
    return "[" + ",".join([encode_basestring(value) if value is not None else "null" for value in (
        facts.claim_id, facts.article_id, facts.source, facts.outlet, facts.published, facts.source_id)]) + "]"


class PreparedFacts:
    """A claim's facts as the related-claims index stores them (its keys and
    its JSON), made where the claim was parsed, e.g. in an import's worker,
    so that the writer neither parses nor serialises: it sets the ids the
    store gave (claim_id, article_id, outlet, source_id) and writes the row.
    ``to_json`` and ``index_keys`` give what ClaimFacts' give; it pickles as
    one flat tuple, and any other attribute reads the full ClaimFacts."""

    __slots__ = ("claim_id", "article_id", "source", "outlet", "published", "source_id", "keys", "tail")

    def __init__(self, claim_id: str, article_id: str, source: str | None, outlet: str | None,
                 published: str | None, source_id: str | None, keys: str, tail: str):
        self.claim_id, self.article_id, self.source, self.outlet = claim_id, article_id, source, outlet
        self.published, self.source_id, self.keys, self.tail = published, source_id, keys, tail

    def __reduce__(self):
        return PreparedFacts, (self.claim_id, self.article_id, self.source, self.outlet, self.published,
                               self.source_id, self.keys, self.tail)

    def index_keys(self) -> list[str]:
        return self.keys.split()

    def to_json(self) -> str:
        return _head_json(self)[:-1] + "," + self.tail[1:]

    def full(self) -> ClaimFacts:
        return ClaimFacts.from_json(self.to_json())

    def __getattr__(self, name: str):
        if name in ClaimFacts.__dataclass_fields__:  # terms, names, quantities, dates, text
            return getattr(self.full(), name)
        raise AttributeError(name)


def _quantity(q: list) -> Quantity:
    low, high, qualifier, unit, head, concept, modifiers, additive, nation, start, end, text = q
    return Quantity(low, high, qualifier, unit, head, concept, tuple(modifiers), additive, nation,
                    start, end, text)


def _with_context_nations(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A count that names no nation ("rund 12.000 Soldaten") belongs to the
    nation named last before it in the claim ("hat Nordkorea rund 12.000
    Soldaten ... nach Russland entsandt"), else to the first one after it."""
    if all(q.nation for q in quantities):
        return quantities
    named = [(m.start(), nation) for m in WORD_RE.finditer(text)
             if (nation := nation_of_word(m.group())) is not None and not _in_pair_compound(text, m)]
    out = []
    for q in quantities:
        if q.nation is None and named:
            before = [n for at, n in named if at < q.start]
            q = replace(q, nation=before[-1] if before else named[0][1])
        out.append(q)
    return out


def _in_pair_compound(text: str, m) -> bool:
    """A nation inside a compound naming two ("im Ukraine-Russland-Krieg")
    names a relation between countries, not whose soldiers are counted."""
    if text[m.end():m.end() + 1] != "-" and text[m.start() - 1:m.start()] != "-":
        return False
    start, end = m.start(), m.end()
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] == "-"):
        end += 1
    parts = text[start:end].split("-")
    return sum(nation_of_word(part) is not None for part in parts if part) >= 2


def describe_claim(claim_id: str, article_id: str, text: str, *, source: str | None = None,
                   outlet: str | None = None, published: str | None = None,
                   source_id: str | None = None) -> ClaimFacts:
    """Parse one claim's text (and its source phrase) into matchable facts.
    Pure and cheap (no spaCy, cached word lookups, number and date parsing
    only for claims that can hold one): ~30 µs a claim."""
    terms, names, quantities, dates = _parse(text, published)
    return ClaimFacts(
        claim_id=claim_id, article_id=article_id, text=text, source=source, outlet=outlet,
        published=published, terms=terms, names=names, quantities=quantities, dates=dates,
        source_id=source_id,
    )


def prepare_claim(text: str, *, source: str | None = None, published: str | None = None) -> PreparedFacts:
    """``describe_claim(...).prepared()`` without the ids, and without the
    ClaimFacts object for a claim with no quantity and no date (most)."""
    terms, names, quantities, dates = _parse(text, published)
    if quantities or dates:
        return ClaimFacts("", "", text, source=source, published=published, terms=terms, names=names,
                          quantities=quantities, dates=dates).prepared()
    return PreparedFacts("", "", source, None, published, None, " ".join(terms),
                         "[" + _strings(terms) + "," + _strings(names) + ",[],[]]")


def _parse(text: str, published: str | None) -> tuple[tuple, tuple, tuple, tuple]:
    """(terms, names, quantities, dates) of a claim's text."""
    found = scan(text)
    entries, flags = found.entries, found.flags
    quantities = parse_quantities(text, hints=(bool(flags & NUMBER), found.digits),
                                  number_words=found.number_words) if flags & NUMBER or found.digits else []
    if quantities and flags & NATION:  # a claim naming no nation has none to lend
        quantities = _with_context_nations(text, quantities)
    if flags & NATION:  # "Pjöngjang", "Nordkorea", "nordkoreanische" also share their nation's key
        nations = [f"n_{e[1]}" for e in entries if e[1] is not None]
        terms = tuple(dict.fromkeys([*(e[0] for e in entries), *nations]))
        names = tuple(dict.fromkeys([*(e[0] for e in entries if e[2]), *nations]))
    else:
        terms = tuple(dict.fromkeys(map(_STEM, entries)))
        names = tuple(dict.fromkeys([e[0] for e in entries if e[2]]))
    dates = parse_dates(text, published, gates_from_scan(found)) if flags & DATE_WORDS or found.digit_date else ()
    return terms, names, tuple(quantities), tuple(dates)


_STEM = itemgetter(0)


def describe_suggestions(article_id: str, text: str, suggestions, *, outlet: str | None = None,
                         published: str | None = None) -> list[ClaimFacts]:
    """Facts of the highlighter's suggestions for one article; a suggestion's
    key is ``s:<article_id>:<start>-<end>`` when it has no stored id."""
    out = []
    for s in suggestions:
        key = f"s:{s.id}" if s.id is not None else f"s:{article_id}:{s.start}-{s.end}"
        source = s.source.text(text) if s.source is not None else None
        out.append(describe_claim(key, article_id, text[s.start:s.end], source=source,
                                  outlet=outlet, published=published))
    return out
