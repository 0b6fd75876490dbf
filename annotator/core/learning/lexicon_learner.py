"""Project lexicons learned from what reviewers marked by hand.

Two kinds of entries, each a phrase with a count:

* ``cue``: cue words and phrases reviewers marked (on claims they added or
  on suggestions whose cue they changed) that the rules' word lists do not
  know;
* ``source``: source phrases reviewers put in place of the suggested one,
  or marked on claims they added.

A lead reviews them: ``accepted`` entries are always used, ``dropped``
ones never, ``proposed`` ones once they were marked ``min_count`` times.
Relearning keeps the lead's verdicts and renews the counts.  Entries are
stored as JSON (never pickle).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from annotator.core.learning.decisions import Review
from annotator.core.learning.features import words

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.highlight.lexicons import Lexicons

KINDS = ("cue", "source")
STATUSES = ("proposed", "accepted", "dropped")
MIN_COUNT = 2


@dataclass
class LearnedEntry:
    kind: str  # cue | source
    phrase: str  # as marked, whitespace normalised, lowercased for cues
    count: int
    status: str = "proposed"

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.phrase


def _normal(phrase: str) -> str:
    return " ".join(phrase.split())


def known_cue(phrase: str, lex: Lexicons) -> bool:
    """True when the rules already know a word of this cue phrase."""
    for w in words(phrase.lower()):
        if w in lex.verbs or w in lex.frames or (len(w) > 3 and lex.is_nominal_cue(w)):
            return True
    return False


def learn_lexicon(reviews: Iterable[Review], lex: Lexicons | None = None) -> list[LearnedEntry]:
    """Count unknown hand-marked cues and corrected source phrases."""
    cues: list[str] = []
    sources: list[str] = []
    for r in reviews:
        a, s = r.annotation, r.suggestion
        if a is None or a.decision.value != "accept":
            continue
        if a.cue is not None and (s is None or s.cue != a.cue):
            cues.append(a.cue.text(r.text))
        if a.source is not None and (s is None or s.source != a.source):
            sources.append(a.source.text(r.text))
    return count_entries(cues, sources, lex)


def count_entries(cues: Iterable[str], sources: Iterable[str], lex: Lexicons | None = None) -> list[LearnedEntry]:
    """Entries with counts from marked cue and source phrases; cues the
    rules already know are left out, most frequent first."""
    if lex is None:
        from annotator.core.highlight.lexicons import load_lexicons

        lex = load_lexicons()
    counts: dict[tuple[str, str], int] = {}
    for phrase in cues:
        phrase = _normal(phrase).lower()
        if phrase and not known_cue(phrase, lex):
            counts[("cue", phrase)] = counts.get(("cue", phrase), 0) + 1
    for phrase in sources:
        phrase = _normal(phrase)
        if phrase:
            counts[("source", phrase)] = counts.get(("source", phrase), 0) + 1
    return [LearnedEntry(k, p, n) for (k, p), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def merge_verdicts(old: Iterable[LearnedEntry], new: list[LearnedEntry]) -> list[LearnedEntry]:
    """New counts with the lead's earlier verdicts; accepted entries no
    longer seen stay (a lead's decision is not undone by relearning)."""
    verdicts = {e.key: e for e in old if e.status != "proposed"}
    out = []
    for e in new:
        prev = verdicts.pop(e.key, None)
        out.append(LearnedEntry(e.kind, e.phrase, e.count, prev.status if prev else "proposed"))
    out.extend(LearnedEntry(e.kind, e.phrase, 0, e.status) for e in verdicts.values())
    return out


def in_use(entries: Iterable[LearnedEntry], kind: str, min_count: int = MIN_COUNT) -> list[str]:
    """The phrases of ``kind`` the highlighter should use."""
    return [e.phrase for e in entries if e.kind == kind and (
        e.status == "accepted" or (e.status == "proposed" and e.count >= min_count))]


def set_status(entries: list[LearnedEntry], kind: str, phrase: str, status: str) -> LearnedEntry:
    """A lead's verdict on one entry; ValueError names what is wrong."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    for e in entries:
        if e.key == (kind, phrase):
            e.status = status
            return e
    raise ValueError(f"no learned {kind} entry {phrase!r}")


def entries_to_json(entries: Iterable[LearnedEntry]) -> str:
    return json.dumps([asdict(e) for e in entries], ensure_ascii=False, sort_keys=True)


def entries_from_json(data: str) -> list[LearnedEntry]:
    """Entries back from JSON; ValueError when the data is damaged."""
    try:
        rows = json.loads(data)
        out = [LearnedEntry(str(r["kind"]), str(r["phrase"]), int(r["count"]), str(r["status"])) for r in rows]
    except (json.JSONDecodeError, TypeError, KeyError, ValueError) as exc:
        raise ValueError(f"learned lexicon is damaged: {exc}") from exc
    for e in out:
        if e.kind not in KINDS or e.status not in STATUSES:
            raise ValueError(f"learned lexicon is damaged: entry {e.phrase!r}")
    return out
