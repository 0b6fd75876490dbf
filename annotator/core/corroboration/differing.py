"""Two related claims that give different values for the same thing.

"rund 12.000 Soldaten" and "etwa 3.000 nordkoreanische Soldaten" count the
same thing (``related.same_thing``) with values that cannot both hold: the
pair is flagged as differing, with both values, so the reviewer sees them
side by side. Each value stands for a plausible range: "rund 12.000" is
12,000 ± 3 %, "über 3.000" is 3,000 to 3,450, "bis zu 10.000" is 8,500 to
10,000, "10.000 bis 12.000" is the range. Vague counts ("Tausende") and
"zusätzliche" soldiers never differ from a total.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.corroboration.dates import DateMention
from annotator.core.corroboration.facts import ClaimFacts
from annotator.core.corroboration.quantities import Quantity, nation_of
from annotator.core.corroboration.related import same_thing

APPROX = 0.03  # "rund", "etwa": news round to two significant digits
BOUND = 0.15  # "über 3.000" is rarely more than 15 % over
DATE_WINDOW_DAYS = 60  # dates further apart are about different events


@dataclass(frozen=True)
class Difference:
    kind: str  # "quantity" | "date"
    thing: str  # what both values are about: "soldiers (nordko)", "date"
    value: str  # as written in the claim
    other_value: str  # as written in the other claim


def plausible_range(q: Quantity) -> tuple[float, float]:
    v = q.value
    return {
        "exact": (v, v),
        "about": (v * (1 - APPROX), v * (1 + APPROX)),
        "at_least": (v, v * (1 + BOUND)),
        "at_most": (v * (1 - BOUND), v),
    }.get(q.qualifier, (q.low, q.high))


def quantities_differ(a: Quantity, b: Quantity) -> bool:
    if "vague" in (a.qualifier, b.qualifier) or a.additive or b.additive:
        return False
    (alo, ahi), (blo, bhi) = plausible_range(a), plausible_range(b)
    return ahi < blo or bhi < alo


def _quantity_differences(a: ClaimFacts, b: ClaimFacts) -> list[Difference]:
    """Per counted thing: differing only when no value of one claim agrees
    with a value of the other ("12.000, darunter 3.000 ..." agrees with 3.000)."""
    out = []
    seen: set[tuple] = set()
    for qa in a.quantities:
        same = [qb for qb in b.quantities if same_thing(qa, qb)]
        thing = (qa.concept, qa.unit, nation_of(qa))
        if not same or thing in seen:
            continue
        seen.add(thing)
        mine = [q for q in a.quantities if any(same_thing(q, qb) for qb in same)]
        if all(quantities_differ(x, y) for x in mine for y in same):
            concept = qa.concept if qa.concept != "people" else same[0].concept
            label = f"{concept} ({thing[2]})" if thing[2] else str(concept)
            out.append(Difference("quantity", label, qa.text, same[0].text))
    return out


def _gap_days(a: DateMention, b: DateMention) -> int:
    (afirst, alast), (bfirst, blast) = a._comparable(b), b._comparable(a)
    return max((bfirst - alast).days, (afirst - blast).days, 0)


def _date_differences(a: ClaimFacts, b: ClaimFacts) -> list[Difference]:
    """Both claims date something, no date of one meets a date of the other,
    and the nearest two lie within two months (else they date different events)."""
    if not a.dates or not b.dates:
        return []
    if any(da.overlaps(db) for da in a.dates for db in b.dates):
        return []
    gap, da, db = min(((_gap_days(x, y), x, y) for x in a.dates for y in b.dates), key=lambda t: t[0])
    if gap > DATE_WINDOW_DAYS:
        return []
    return [Difference("date", "date", da.text, db.text)]


def differences(a: ClaimFacts, b: ClaimFacts) -> list[Difference]:
    """The values two related claims disagree on (empty: they agree or cannot be compared)."""
    return _quantity_differences(a, b) + _date_differences(a, b)
