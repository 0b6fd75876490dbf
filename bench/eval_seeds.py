#!/usr/bin/env python
"""Score the pre-highlighter on the five seed articles against their gold.

The gold is tests/data/seeds_gold.jsonl (one claim per line; how it was made
and the rules it follows: tests/data/README.md).  The seed texts are read as
``annotator import`` stores them (BOM dropped, line endings LF), which is the
text the gold offsets point into.

Matching criterion (the functions below are importable for tests):

* Tokens are the word tokens of the text (``\\w+``; punctuation and quotation
  marks do not count), so "„Es zeigt …“" and "Es zeigt …" cover the same tokens.
* A suggestion *covers* a gold claim when it contains at least half of the gold
  claim's tokens (``MIN_SHARE``).
* Gold claims and suggestions are paired one to one, greedily, highest share
  first (ties: the pair whose starts lie closer, then more shared tokens).  A suggestion spanning two
  gold claims is paired with one of them only: the other is missed.
* **Suggested**: gold claims with a partner.  **Precision**: suggestions that
  cover at least one gold claim (paired or not) / all suggestions.
* For an attributed gold claim (form other than "unattributed") the source is
  right when the partner's source span overlaps the gold source span, or
  overlaps another gold mention of the same source name in that article (a
  pronoun, role or earlier mention resolved to the same speaker), or its text
  equals the source name.  The cue is right when the partner's cue overlaps
  the gold cue.  "Source and cue right" is counted over all attributed gold
  claims (a claim not suggested counts as wrong).

Usage: python bench/eval_seeds.py [--seeds DIR] [--gold FILE] [--model blank] [--details]
Prints figures per article and in total; no timing (see bench_highlight.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_GOLD = ROOT / "tests" / "data" / "seeds_gold.jsonl"
MIN_SHARE = 0.5
WORD = re.compile(r"\w+")

Span = tuple[int, int]


@dataclass
class Suggestion:
    """What the scorer needs of a highlighter suggestion (plain offsets)."""

    start: int
    end: int
    source: Span | None = None
    cue: Span | None = None
    attribution: str = "unattributed"


@dataclass
class Score:
    gold: int = 0
    suggested: int = 0
    matched: int = 0
    covering: int = 0  # suggestions that cover some gold claim
    attributed: int = 0
    attributed_matched: int = 0
    source_right: int = 0
    cue_right: int = 0
    both_right: int = 0
    by_form: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, other: Score) -> None:
        for name in ("gold", "suggested", "matched", "covering", "attributed",
                     "attributed_matched", "source_right", "cue_right", "both_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for form, (n, hit) in other.by_form.items():
            self.by_form[form][0] += n
            self.by_form[form][1] += hit


def word_spans(text: str) -> list[Span]:
    return [m.span() for m in WORD.finditer(text)]


def tokens_in(span: Span, words: list[Span]) -> set[int]:
    """Indices of the word tokens overlapping the char span [start, end)."""
    start, end = span
    return {i for i, (a, b) in enumerate(words) if a < end and b > start}


def overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def coverage(gold_span: Span, suggestion_span: Span, words: list[Span]) -> tuple[float, int]:
    """Share of the gold claim's tokens inside the suggestion, and their number."""
    gold_tokens = tokens_in(gold_span, words)
    if not gold_tokens:
        return 0.0, 0
    shared = len(gold_tokens & tokens_in(suggestion_span, words))
    return shared / len(gold_tokens), shared


def pair_claims(gold: list[dict], suggestions: list[Suggestion], text: str) -> dict[int, int]:
    """One-to-one pairing: gold index -> suggestion index (criterion: module doc)."""
    words = word_spans(text)
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(suggestions):
            share, shared = coverage((g["start"], g["end"]), (s.start, s.end), words)
            if share >= MIN_SHARE:
                candidates.append((-share, abs(s.start - g["start"]), -shared, gi, si))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, si in candidates:
        if gi not in pairs and si not in used:
            pairs[gi] = si
            used.add(si)
    return pairs


def covering_suggestions(gold: list[dict], suggestions: list[Suggestion], text: str) -> int:
    """Suggestions that cover at least one gold claim (for precision)."""
    words = word_spans(text)
    return sum(
        any(coverage((g["start"], g["end"]), (s.start, s.end), words)[0] >= MIN_SHARE for g in gold)
        for s in suggestions
    )


def source_is_right(g: dict, s: Suggestion, article_gold: list[dict], text: str) -> bool:
    if s.source is None or g["source"] is None:
        return False
    if overlaps(tuple(g["source"]), s.source):
        return True
    same_speaker = [tuple(o["source"]) for o in article_gold
                    if o["source"] is not None and o["source_name"] == g["source_name"]]
    if any(overlaps(m, s.source) for m in same_speaker):
        return True
    said = text[s.source[0]:s.source[1]].strip().casefold()
    return bool(g["source_name"]) and said == g["source_name"].casefold()


def score_article(gold: list[dict], suggestions: list[Suggestion], text: str) -> Score:
    score = Score(gold=len(gold), suggested=len(suggestions))
    pairs = pair_claims(gold, suggestions, text)
    score.matched = len(pairs)
    score.covering = covering_suggestions(gold, suggestions, text)
    for gi, g in enumerate(gold):
        score.by_form[g["form"]][0] += 1
        score.by_form[g["form"]][1] += gi in pairs
        if g["form"] == "unattributed":
            continue
        score.attributed += 1
        if gi not in pairs:
            continue
        s = suggestions[pairs[gi]]
        score.attributed_matched += 1
        src_ok = source_is_right(g, s, gold, text)
        cue_ok = overlaps(tuple(g["cue"]) if g["cue"] else None, s.cue)
        score.source_right += src_ok
        score.cue_right += cue_ok
        score.both_right += src_ok and cue_ok
    return score


def load_gold(path: Path = DEFAULT_GOLD) -> dict[str, list[dict]]:
    """Gold claims per seed file name, in file order."""
    by_seed: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_seed[row["seed"]].append(row)
    return dict(by_seed)


def imported_text(path: Path) -> str:
    """The article text as `annotator import` stores it (the gold's offsets)."""
    from annotator.core.textnorm import clean_input_text

    return clean_input_text(path.read_bytes().decode("utf-8"))


def suggestions_of(claims: Iterable) -> list[Suggestion]:
    """Plain Suggestion records from the highlighter's ClaimSuggestion objects."""
    out = []
    for c in claims:
        out.append(Suggestion(
            c.start, c.end,
            (c.source.start, c.source.end) if c.source else None,
            (c.cue.start, c.cue.end) if c.cue else None,
            getattr(c.attribution, "value", str(c.attribution)),
        ))
    return out


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report_line(name: str, s: Score) -> str:
    return (f"{name:<28} {s.gold:>5} {s.suggested:>5} {s.matched:>5} {ratio(s.matched, s.gold):>6}"
            f" {ratio(s.covering, s.suggested):>6} {s.attributed:>5} {s.attributed_matched:>5}"
            f" {ratio(s.source_right, s.attributed):>5} {ratio(s.cue_right, s.attributed):>5}"
            f" {ratio(s.both_right, s.attributed):>6}")


HEADER = (f"{'article':<28} {'gold':>5} {'sugg':>5} {'match':>5} {'recall':>6} {'prec':>6}"
          f" {'attr':>5} {'a.hit':>5} {'src':>5} {'cue':>5} {'src+cue':>6}")


def print_details(gold: list[dict], suggestions: list[Suggestion], text: str) -> None:
    """Each gold claim with its partner (or MISS), then suggestions left unpaired."""
    pairs = pair_claims(gold, suggestions, text)

    def cut(span: Span | None) -> str:
        return "-" if span is None else repr(text[span[0]:span[1]][:60])

    for gi, g in enumerate(gold):
        if gi not in pairs:
            print(f"  MISS {g['form']:<13} {cut((g['start'], g['end']))}")
            continue
        s = suggestions[pairs[gi]]
        marks = ""
        if g["form"] != "unattributed":
            marks = (f" source {'ok' if source_is_right(g, s, gold, text) else 'WRONG ' + cut(s.source)}"
                     f", cue {'ok' if overlaps(tuple(g['cue']), s.cue) else 'WRONG ' + cut(s.cue)}")
        print(f"  hit  {g['form']:<13} {cut((g['start'], g['end']))}{marks}")
    for si in sorted(set(range(len(suggestions))) - set(pairs.values())):
        s = suggestions[si]
        print(f"  EXTRA {s.attribution:<12} {cut((s.start, s.end))}")


def evaluate(seeds: Path, gold_path: Path, model: str | None, details: bool = False) -> Score:
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter(model)
    gold = load_gold(gold_path)
    total = Score()
    print(f"highlighter: {hl!r}")
    print(f"gold: {gold_path} ({sum(map(len, gold.values()))} claims in {len(gold)} articles)")
    print(HEADER)
    for name in sorted(gold):
        if not (seeds / name).is_file():
            raise SystemExit(f"{gold_path}: seed article {name} not found in {seeds}")
        text = imported_text(seeds / name)
        score = score_article(gold[name], suggestions_of(hl.highlight(text)), text)
        total.add(score)
        print(report_line(name, score))
        if details:
            print_details(gold[name], suggestions_of(hl.highlight(text)), text)
    print(report_line("TOTAL", total))
    print("\nrecall by attribution form (gold claims suggested / gold claims):")
    for form, (n, hit) in sorted(total.by_form.items()):
        print(f"  {form:<14} {hit:>4} / {n:<4} {ratio(hit, n)}")
    print(f"\nattributed gold claims: {total.attributed}; suggested {total.attributed_matched}; "
          f"right source {total.source_right}, right cue {total.cue_right}, "
          f"both {total.both_right} ({ratio(total.both_right, total.attributed)} of attributed, "
          f"{ratio(total.both_right, total.attributed_matched)} of those suggested)")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the highlighter on the seed gold.")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default=None,
                        help='spaCy model; "blank" forces the blank pipeline (default: best installed)')
    parser.add_argument("--details", action="store_true",
                        help="list every gold claim with its partner, and unpaired suggestions")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"seed folder not found: {args.seeds} (use --seeds)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    evaluate(args.seeds, args.gold, args.model, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
