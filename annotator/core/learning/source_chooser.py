"""The learned source chooser: which candidate span a reviewer keeps as source.

For each reviewed suggestion ``source_candidates`` lists the spans a
reviewer could have chosen; the one closest to the reviewer's source (most
shared tokens; "none" when the reviewer removed it) is the positive
example, the others negative.  A logistic regression (the re-scorer's
``fit_head``, so the model is the same plain JSON numbers) learns
P(candidate is the reviewer's) from features of the candidate, of the
rule's span and of their relation.  On re-highlighting the best candidate
replaces the rule's source only when the model prefers it by at least
``margin`` (chosen on articles not trained on): a confident correction,
never a coin toss.  Each change carries its reason for the tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.highlight.lexicons import Lexicons
from annotator.core.learning.features import _bucket, cue_features, source_features
from annotator.core.learning.rescorer import Example, Head
from annotator.core.learning.source_candidates import NONE, Tokens, candidates

Candidate = tuple[int, int, str]


def _relation(a: int, b: int, rule: tuple[int, int] | None) -> str:
    if rule is None:
        return "no_rule"
    if (a, b) == rule:
        return "same"
    if a <= rule[0] and rule[1] <= b:
        return "contains"
    if rule[0] <= a and b <= rule[1]:
        return "inside"
    return "overlaps" if a < rule[1] and rule[0] < b else "disjoint"


def candidate_features(tok: Tokens, lex: Lexicons, text: str, cand: Candidate, context: dict[str, object],
                       rule: tuple[int, int] | None, cue: tuple[int, int] | None, msg: tuple[int, int]
                       ) -> dict[str, object]:
    """Features of one candidate in the context of its suggestion."""
    a, b, kind = cand
    attr, family, rtype = context["attribution"], context["cue_family"], context["rule_type"]
    f: dict[str, object] = {"kind": kind, "kind_x_attr": f"{kind}|{attr}", "kind_x_family": f"{kind}|{family}",
                            "kind_x_rule_type": f"{kind}|{rtype}", "relation": _relation(a, b, rule)}
    if a < 0:
        return f
    src = source_features(text[a:b], lex)
    f.update({f"c_{k}": v for k, v in src.items()})
    f["c_type_x_attr"] = f"{src.get('source_type')}|{attr}"
    i, j = tok.index(a), tok.index(b - 1)
    head = tok.words[j]
    f["c_head_kind"] = lex.source_noun_kind(head.lower()) or ("cap" if head[:1].isupper() else "low")
    f["c_sentence_initial"] = float(i == tok.sentence_starts[tok.sentence[i]])
    f["c_in_message"] = float(a < msg[1] and msg[0] < b)
    f["c_before_prev"] = tok.words[i - 1].lower() if i > 0 and lex.fclass(tok.words[i - 1].lower()) else "other"
    if cue is not None:
        ci = tok.index(cue[0])
        side = "before" if b <= cue[0] else "after" if a >= cue[1] else "at"
        gap = ci - j if side == "before" else i - tok.index(max(cue[0], cue[1] - 1))
        f["c_cue_side"] = side
        f["c_cue_gap"] = f"{side}{_bucket(max(0, gap), (1, 2, 4, 8, 16))}"
        f["c_same_sentence"] = float(tok.sentence[i] == tok.sentence[ci])
    return f


def suggestion_context(text: str, lex: Lexicons, attribution: str, cue: tuple[int, int] | None,
                       rule: tuple[int, int] | None) -> dict[str, object]:
    family = cue_features(text[cue[0]:cue[1]] if cue else "", lex).get("cue_family", "none")
    rtype = "none" if rule is None else source_features(text[rule[0]:rule[1]], lex).get("source_type", "other")
    return {"attribution": attribution, "cue_family": family, "rule_type": rtype}


def context_key(text: str, lex: Lexicons, attribution: str, rule: tuple[int, int] | None) -> str:
    """The kind of suggestion the chooser decides for: attribution form and
    the type of the rule's source ("indirect|noun:role", "free|pronoun")."""
    rtype = "none" if rule is None else source_features(text[rule[0]:rule[1]], lex).get("source_type", "other")
    return f"{attribution}|{rtype}"


def label(cands: Sequence[Candidate], gold: tuple[int, int] | None) -> int | None:
    """Index of the candidate closest to the reviewer's source (character
    overlap F1; "none" when the reviewer left it empty), or None when no
    candidate overlaps it (the chooser could not have found it)."""
    if gold is None:
        return next((k for k, c in enumerate(cands) if c[2] == "none"), None)
    best, best_f = None, 0.0
    for k, (a, b, _) in enumerate(cands):
        ov = min(b, gold[1]) - max(a, gold[0])
        if a < 0 or ov <= 0:
            continue
        f1 = 2 * ov / ((b - a) + (gold[1] - gold[0]))
        if f1 > best_f + 1e-9:
            best, best_f = k, f1
    return best


@dataclass
class Choice:
    """The chooser's verdict on one suggestion's source."""

    span: tuple[int, int] | None  # the chosen source (None: no source)
    kind: str  # how the candidate was formed
    gain: float  # P(chosen) - P(rule's)


class SourceChooser:
    """P(candidate is the reviewer's source) as one logistic head."""

    def __init__(self, head: Head, margin: float = 0.2):
        self.head = head
        self.margin = margin

    def choose(self, tok: Tokens, lex: Lexicons, text: str, start: int, end: int, attribution: str,
               cue: tuple[int, int] | None, rule: tuple[int, int] | None,
               earlier: list[tuple[int, int]]) -> Choice | None:
        """A better source than the rule's, or None (keep the rule's)."""
        ctx = suggestion_context(text, lex, attribution, cue, rule)
        current: Candidate = (*rule, "rule") if rule is not None else NONE

        def p(c: Candidate) -> float:
            return self.head.probability(candidate_features(tok, lex, text, c, ctx, rule, cue, (start, end)))

        p_current = p(current)
        if p_current + self.margin > 1.0:
            return None  # no candidate can beat the rule's by the margin: spare the work
        cands = [c for c in candidates(tok, lex, start, end, cue, rule, earlier) if c[:2] != current[:2]]
        if not cands:
            return None
        probs = [p(c) for c in cands]
        k = max(range(len(cands)), key=probs.__getitem__)
        gain = probs[k] - p_current
        if gain < self.margin:
            return None
        a, b, kind = cands[k]
        return Choice(None if kind == "none" else (a, b), kind, round(gain, 3))


def source_examples(tok: Tokens, lex: Lexicons, text: str, start: int, end: int, attribution: str,
                    cue: tuple[int, int] | None, rule: tuple[int, int] | None, gold: tuple[int, int] | None,
                    earlier: list[tuple[int, int]]) -> list[Example]:
    """Training examples of one reviewed suggestion (none when no
    candidate matches the reviewer's source)."""
    cands = candidates(tok, lex, start, end, cue, rule, earlier)
    k = label(cands, gold)
    if k is None:
        return []
    ctx = suggestion_context(text, lex, attribution, cue, rule)
    return [Example(candidate_features(tok, lex, text, c, ctx, rule, cue, (start, end)), n == k)
            for n, c in enumerate(cands)]


__all__ = ["NONE", "Choice", "SourceChooser", "context_key", "explain_source", "label", "source_examples"]


def explain_source(head: Head, tok: Tokens, lex: Lexicons, text: str, start: int, end: int, attribution: str,
                   cue: tuple[int, int] | None, source: tuple[int, int] | None) -> str:
    """'source "X" P 0.91 (kind=head +1.20, …)': how the chooser rates the
    suggestion's source among its candidates, and the features that moved it."""
    cands = candidates(tok, lex, start, end, cue, source, [])
    ctx = suggestion_context(text, lex, attribution, cue, source)
    current = cands[0] if source is not None else NONE
    feats = candidate_features(tok, lex, text, current, ctx, source, cue, (start, end))
    reasons = ", ".join(f"{n} {w:+.2f}" for n, w in head.explain(feats))
    shown = "none" if source is None else f"“{text[source[0]:source[1]]}”"
    return f"source {shown} P {head.probability(feats):.2f} ({reasons or 'no learned feature'})"
