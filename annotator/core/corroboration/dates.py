"""Dates in German claims: "27. Oktober", "27. bis 28. Oktober", "23.10.2024",
"Ende Oktober", "am Montag" (relative to the article's published date).

Each mention becomes a day range ``first..last``. A mention without a year
takes the year of the article's published date; without one the year stays
unknown and comparisons use month and day only (``year_known`` False).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from annotator.core.corroboration.scan import MONTH, RELATIVE, WEEKDAY, Scan

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
            "samstag": 5, "sonnabend": 5, "sonntag": 6}
PLACEHOLDER_YEAR = 2000  # a leap year: "29. Februar" without a year stays valid

_M = "(?P<{n}>" + "|".join(MONTHS) + ")"
_Y = r"(?:\s+(?P<{n}>(?:19|20)\d\d))?"
_D = r"(?P<{n}>[0-3]?\d)\.\s*"
_JOIN = r"\s*(?:bis(?:\s+(?:zum|einschließlich))?|und|[–-])\s*"
PATTERNS = [
    # "27. Oktober bis 2. November 2024"
    ("span", _D.format(n="d1") + _M.format(n="m1") + _Y.format(n="y1") + _JOIN
     + _D.format(n="d2") + _M.format(n="m2") + _Y.format(n="y2")),
    # "27. bis 28. Oktober", "27.-28. Oktober", "27. und 28. Oktober"
    ("days", _D.format(n="d1") + _JOIN + _D.format(n="d2") + _M.format(n="m2") + _Y.format(n="y2")),
    ("day", _D.format(n="d1") + _M.format(n="m1") + _Y.format(n="y1")),
    ("numeric", r"(?<![\d.])(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)\.(?P<y1>(?:19|20)?\d\d)?(?![\d])"),
    ("part", r"(?P<part>anfang|mitte|ende)\s+" + _M.format(n="m1") + _Y.format(n="y1")),
    ("month", r"(?P<prep>im|bis|ab|seit|von)\s+(?:(?:kommenden|nächsten|vergangenen)\s+)?"
     + _M.format(n="m1") + _Y.format(n="y1")),
    ("weekday", r"(?:(?P<rel>kommenden|nächsten|vergangenen|letzten|diesen)\s+)?(?P<wd>"
     + "|".join(WEEKDAYS) + r")(?:abend|morgen|nachmittag|mittag|vormittag|nacht)?"),
    ("relative", r"(?P<rel>vorgestern|gestern|heute|morgen|übermorgen)"),
]
_GATE_OF = {"span": "month", "days": "month", "day": "month", "numeric": "digits",
            "part": "month", "month": "month", "weekday": "weekday", "relative": "relative"}
_DIGIT_DOT = re.compile(r"\d\.[01]?\d\.")  # "23.10.": what the numeric pattern needs; not "12.000"


def _gates(text: str, low: str) -> dict[str, bool]:
    """Which kinds of pattern can match at all (substring tests are cheap;
    the patterns' alternations are not)."""
    return {
        "month": any(m in low for m in MONTHS),
        "digits": _DIGIT_DOT.search(text) is not None,
        "weekday": any(w in low for w in WEEKDAYS),
        "relative": "gestern" in low or "heute" in low or "morgen" in low,
    }


def gates_from_scan(scan: Scan) -> dict[str, bool]:
    """The same gates from a claim's ``scan.Scan`` (its words already looked up)."""
    return {"month": bool(scan.flags & MONTH), "digits": scan.digit_date,
            "weekday": bool(scan.flags & WEEKDAY), "relative": bool(scan.flags & RELATIVE)}


_COMPILED = [(kind, re.compile(rf"\b{pattern}", re.IGNORECASE)) for kind, pattern in PATTERNS]


@dataclass(frozen=True)
class DateMention:
    first: date
    last: date
    year_known: bool
    qualifier: str  # exact | range | from | until | approx
    start: int
    end: int
    text: str

    def overlaps(self, other: DateMention) -> bool:
        a, b = self._comparable(other), other._comparable(self)
        return a[0] <= b[1] and b[0] <= a[1]

    def _comparable(self, other: DateMention) -> tuple[date, date]:
        if self.year_known and other.year_known:
            return self.first, self.last
        return _placeholder(self.first), _placeholder(self.last)

    def key(self) -> str:
        """Month and day of the first day: the index key ("d1027")."""
        return f"d{self.first.month:02d}{self.first.day:02d}"

    def describe(self) -> str:
        if self.first == self.last:
            return self.first.isoformat() if self.year_known else self.first.strftime("--%m-%d")
        fmt = (lambda d: d.isoformat()) if self.year_known else (lambda d: d.strftime("--%m-%d"))
        return f"{fmt(self.first)}/{fmt(self.last)}"


def _placeholder(d: date) -> date:
    return d.replace(year=PLACEHOLDER_YEAR)


def parse_dates(text: str, published: str | date | None = None,
                gates: dict[str, bool] | None = None) -> list[DateMention]:
    """Every date mention in ``text``, in order; ``published`` (ISO date) fixes
    the year and the day a weekday or "gestern" refers to. ``gates``: which
    kinds of pattern can match, when the caller knows (``gates_from_scan``)."""
    if gates is None:
        gates = _gates(text, text.lower())
    if not any(gates.values()):
        return []  # most claims name no date: cheap substring tests instead of eight scans
    pub = _as_date(published)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _COMPILED:
        if not gates[_GATE_OF[kind]]:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _READERS[kind](m, pub)
            if mention is not None:
                taken.append((m.start(), m.end()))
                out.append(mention)
    return sorted(out, key=lambda d: d.start)


def _as_date(published: str | date | None) -> date | None:
    if isinstance(published, date):
        return published
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _day(year: str | None, month: int, day: int, pub: date | None) -> tuple[date, bool] | None:
    """A calendar day; the year from the text, else from the published date
    (the year before when that puts the day more than half a year later)."""
    known = year is not None or pub is not None
    y = int(year) if year else (pub.year if pub else PLACEHOLDER_YEAR)
    if year and len(year) == 2:
        y = 2000 + int(year)
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if not year and pub is not None and d - pub > timedelta(days=183):
        d = d.replace(year=y - 1) if not (month == 2 and day == 29) else d
    return d, known


def _mention(m: re.Match, first: tuple | None, last: tuple | None, qualifier: str) -> DateMention | None:
    if first is None or last is None or last[0] < first[0]:
        return None
    return DateMention(first[0], last[0], first[1] and last[1], qualifier, m.start(), m.end(), m.group())


def _read_span(m: re.Match, pub: date | None) -> DateMention | None:
    y2 = m.group("y2")
    first = _day(m.group("y1") or y2, MONTHS[m.group("m1").lower()], int(m.group("d1")), pub)
    last = _day(y2, MONTHS[m.group("m2").lower()], int(m.group("d2")), pub)
    return _mention(m, first, last, "range")


def _read_days(m: re.Match, pub: date | None) -> DateMention | None:
    month = MONTHS[m.group("m2").lower()]
    first = _day(m.group("y2"), month, int(m.group("d1")), pub)
    last = _day(m.group("y2"), month, int(m.group("d2")), pub)
    return _mention(m, first, last, "range")


def _read_day(m: re.Match, pub: date | None) -> DateMention | None:
    day = _day(m.group("y1"), MONTHS[m.group("m1").lower()], int(m.group("d1")), pub)
    return _mention(m, day, day, _prefix_qualifier(m))


def _prefix_qualifier(m: re.Match) -> str:
    before = m.string[max(0, m.start() - 12):m.start()].lower().split()
    if before[-2:] in (["ab", "dem"], ["seit", "dem"]) or before[-1:] == ["ab"]:
        return "from"
    if before[-2:] == ["bis", "zum"] or before[-1:] == ["bis"]:
        return "until"
    return "exact"


def _read_numeric(m: re.Match, pub: date | None) -> DateMention | None:
    day = _day(m.group("y1"), int(m.group("m1")), int(m.group("d1")), pub)
    return _mention(m, day, day, _prefix_qualifier(m))


def _read_part(m: re.Match, pub: date | None) -> DateMention | None:
    month = MONTHS[m.group("m1").lower()]
    part = m.group("part").lower()
    year = m.group("y1")
    last_day = calendar.monthrange(int(year) if year else (pub.year if pub else PLACEHOLDER_YEAR), month)[1]
    lo, hi = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, last_day)}[part]
    return _mention(m, _day(year, month, lo, pub), _day(year, month, hi, pub), "approx")


def _read_month(m: re.Match, pub: date | None) -> DateMention | None:
    month = MONTHS[m.group("m1").lower()]
    year = m.group("y1")
    last_day = calendar.monthrange(int(year) if year else (pub.year if pub else PLACEHOLDER_YEAR), month)[1]
    qualifier = {"bis": "until", "ab": "from", "seit": "from"}.get(m.group("prep").lower(), "approx")
    return _mention(m, _day(year, month, 1, pub), _day(year, month, last_day, pub), qualifier)


def _read_weekday(m: re.Match, pub: date | None) -> DateMention | None:
    if pub is None or not m.group("wd")[:1].isupper():
        return None  # a weekday means nothing without the article's date
    wanted = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    if rel in ("kommenden", "nächsten", "diesen") or _future_around(m):
        d = pub + timedelta(days=(wanted - pub.weekday() - 1) % 7 + 1)
    else:  # news reports what happened: the last such day up to publication
        d = pub - timedelta(days=(pub.weekday() - wanted) % 7)
        if rel in ("vergangenen", "letzten") and d == pub:
            d -= timedelta(days=7)
    return _mention(m, (d, True), (d, True), "exact")


_FUTURE = re.compile(r"\b(?:werde|wird|werden|soll|sollen|voraussichtlich|will|wollen)\b")


def _future_around(m: re.Match) -> bool:
    """ "erst am Montag erreicht werde": a weekday in a clause about what is to come."""
    before = re.split(r"[,.;:]", m.string[max(0, m.start() - 60):m.start()])[-1]
    after = re.split(r"[,.;:]", m.string[m.end():m.end() + 60])[0]
    return bool(_FUTURE.search(before) or _FUTURE.search(after))


def _read_relative(m: re.Match, pub: date | None) -> DateMention | None:
    word = m.group("rel")
    if pub is None or word[:1].isupper() and word.lower() == "morgen":
        return None  # "am Morgen" is the morning, not tomorrow
    shift = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}[word.lower()]
    d = pub + timedelta(days=shift)
    return _mention(m, (d, True), (d, True), "exact")


_READERS = {
    "span": _read_span, "days": _read_days, "day": _read_day, "numeric": _read_numeric,
    "part": _read_part, "month": _read_month, "weekday": _read_weekday, "relative": _read_relative,
}
