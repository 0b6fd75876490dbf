"""Learned message-boundary edits (transformation rules with counts, Brill-style).

Reviewers correct suggested message spans in a few systematic ways: they
add or drop the sentence-final full stop, drop a leading cue clause
("Bush befürchtet , …"), drop a trailing one (", bestätigte X ."), extend
the message to the end or the start of its sentence.  Each edit is a
fixed transformation of the span, computed from the tokens; what is
learned is *when* it helps: for each edit and condition (the suggestion's
attribution form, or its attribution and cue family) the learner counts
the reviewed suggestions the edit would have brought closer to the
reviewer's span and those it would have moved away, and keeps the rules
whose net gain in tokens is large enough.  A kept rule is stored with its
counts (better, worse, tokens gained) so a lead can see why it exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator.core.learning.source_candidates import Tokens

Span2 = tuple[int, int]
_PUNCT_END = frozenset(".!?")


def _last_first(tok: Tokens, start: int, end: int) -> tuple[int, int] | None:
    if end <= start or not tok.words:
        return None
    i, j = tok.index(start), tok.index(end - 1)
    return (i, j) if i <= j else None


def add_final_stop(tok: Tokens, start: int, end: int) -> Span2 | None:
    r = _last_first(tok, start, end)
    if r is None or r[1] + 1 >= len(tok.words) or tok.words[r[1] + 1] not in _PUNCT_END:
        return None
    return start, tok.ends[r[1] + 1]


def drop_final_stop(tok: Tokens, start: int, end: int) -> Span2 | None:
    r = _last_first(tok, start, end)
    if r is None or r[0] == r[1] or tok.words[r[1]] not in _PUNCT_END:
        return None
    return start, tok.ends[r[1] - 1]


def drop_lead_clause(tok: Tokens, start: int, end: int) -> Span2 | None:
    """Drop everything up to the first comma or colon within the first
    third of the message ("Er sagte , …" → "…")."""
    r = _last_first(tok, start, end)
    if r is None:
        return None
    i, j = r
    for k in range(i, min(j, i + max(2, (j - i) // 3))):
        if tok.words[k] in (",", ":") and k + 1 <= j:
            return tok.starts[k + 1], end
    return None


def drop_tail_clause(tok: Tokens, start: int, end: int) -> Span2 | None:
    """Drop a trailing ", verb …" stretch in the last third of the message."""
    r = _last_first(tok, start, end)
    if r is None:
        return None
    i, j = r
    for k in range(j, max(i, j - max(2, (j - i) // 3)), -1):
        if tok.words[k] == "," and k - 1 >= i:
            return start, tok.ends[k - 1]
    return None


def to_sentence_end(tok: Tokens, start: int, end: int) -> Span2 | None:
    r = _last_first(tok, start, end)
    if r is None:
        return None
    last = tok.sentence_range(tok.sentence[r[1]])[1]
    if last <= r[1]:
        return None
    stop = last - 1 if tok.words[last] in _PUNCT_END and last - 1 > r[1] else last
    return start, tok.ends[stop]


def to_sentence_start(tok: Tokens, start: int, end: int) -> Span2 | None:
    r = _last_first(tok, start, end)
    if r is None:
        return None
    first = tok.sentence_range(tok.sentence[r[0]])[0]
    return None if first >= r[0] else (tok.starts[first], end)


EDITS: dict[str, Callable[[Tokens, int, int], Span2 | None]] = {
    "add_final_stop": add_final_stop, "drop_final_stop": drop_final_stop,
    "drop_lead_clause": drop_lead_clause, "drop_tail_clause": drop_tail_clause,
    "to_sentence_end": to_sentence_end, "to_sentence_start": to_sentence_start,
}


def conditions(attribution: str, family: str) -> list[str]:
    """The conditions a rule can be learned for, general to specific."""
    return [f"attr={attribution}", f"attr={attribution}|cue={family}"]


@dataclass
class EditRule:
    edit: str
    condition: str
    better: int
    worse: int
    gain: int  # tokens (characters in a project) closer to the reviewers' spans

    def to_dict(self) -> dict:
        return {"edit": self.edit, "condition": self.condition, "better": self.better,
                "worse": self.worse, "gain": self.gain}

    @classmethod
    def from_dict(cls, d: dict) -> EditRule:
        rule = cls(str(d["edit"]), str(d["condition"]), int(d["better"]), int(d["worse"]), int(d["gain"]))
        if rule.edit not in EDITS:
            raise ValueError(f"unknown message edit {rule.edit!r}")
        return rule


def _error(span: Span2, gold: Span2, units: Callable[[int, int], set[int]]) -> int:
    return len(units(*span) ^ units(*gold))


@dataclass
class EditCase:
    """One reviewed suggestion: its tokens, span, conditions and the
    reviewer's span (None: rejected, every token of it is wrong)."""

    tok: Tokens
    span: Span2
    conds: list[str]
    gold: Span2 | None


def learn_edits(cases: Iterable[EditCase], min_gain: int = 5, min_ratio: float = 3.0) -> list[EditRule]:
    """Rules (edit, condition) that move reviewed spans closer to the
    reviewers' spans: net gain ≥ ``min_gain`` units (tokens) and at least
    ``min_ratio`` times as many suggestions improved as worsened."""
    stats: dict[tuple[str, str], list[int]] = {}
    for case in cases:
        units = _units(case.tok)
        for name, edit in EDITS.items():
            new = edit(case.tok, *case.span)
            if new is None:
                continue
            if case.gold is None:
                delta = len(units(*new)) - len(units(*case.span))
            else:
                delta = _error(new, case.gold, units) - _error(case.span, case.gold, units)
            for cond in case.conds:
                s = stats.setdefault((name, cond), [0, 0, 0])
                s[0] += delta < 0
                s[1] += delta > 0
                s[2] -= delta
    rules = [EditRule(e, c, b, w, g) for (e, c), (b, w, g) in stats.items()
             if g >= min_gain and b >= min_ratio * max(1, w)]
    rules.sort(key=lambda r: (-r.gain, r.edit, r.condition))
    return rules


def _units(tok: Tokens) -> Callable[[int, int], set[int]]:
    """Token indices covered by a str span."""
    def covered(a: int, b: int) -> set[int]:
        if b <= a or not tok.words:
            return set()
        i, j = tok.index(a), tok.index(b - 1)
        if tok.ends[i] <= a:
            i += 1
        return set(range(i, j + 1))
    return covered


def apply_edits(rules: list[EditRule], tok: Tokens, span: Span2, conds: list[str]) -> tuple[Span2, list[str]]:
    """The span after the first matching rule of each edit (rules are
    ordered by gain; an edit is applied at most once), and the edits made."""
    done: list[str] = []
    for rule in rules:
        if rule.condition in conds and rule.edit not in done:
            new = EDITS[rule.edit](tok, *span)
            if new is not None and new[0] < new[1]:
                span = new
                done.append(rule.edit)
    return span, done
