#!/usr/bin/env python
"""Writes seeds_gold.jsonl from the claim list below (offsets are never counted by hand).

Each claim is written as the exact text it covers; the script finds it in the
seed article (as imported: BOM dropped, line endings LF), finds the source and
cue nearest to it, checks every span and writes one JSON line per claim.

Spec notation (see README.md in this folder):
* claim text ``"A … B"`` covers from the first ``A`` at or after the previous
  claim's start up to the first ``B`` after it;
* a source or cue written ``"ctx [target] ctx"`` means ``target`` inside that
  context; a leading ``<`` means "the nearest occurrence before the claim"
  (continued speech, whose speaker was named earlier);
* otherwise the occurrence nearest to the claim is taken.

Usage: python tests/data/make_seeds_gold.py [--seeds DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from seeds_gold_spec import ARTICLES, FORMS  # noqa: E402

from annotator.core.textnorm import clean_input_text  # noqa: E402

DEFAULT_SEEDS = HERE.parents[2] / "shared" / "seeds"


def imported_text(path: Path) -> str:
    """The text exactly as `annotator import` stores it."""
    return clean_input_text(path.read_bytes().decode("utf-8"))


def all_starts(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def find_claim(text: str, spec: str, cursor: int) -> tuple[int, int]:
    head, _, tail = spec.partition(" … ")
    starts = [s for s in all_starts(text, head) if s >= cursor] or all_starts(text, head)
    if not starts:
        raise SystemExit(f"claim not found: {head!r}")
    start = starts[0]
    if not tail:
        return start, start + len(head)
    end = text.find(tail, start + len(head))
    if end < 0:
        raise SystemExit(f"claim end not found: {tail!r} after {head!r}")
    return start, end + len(tail)


def find_near(text: str, spec: str, claim: tuple[int, int]) -> tuple[int, int]:
    before = spec.startswith("<")
    spec = spec.lstrip("<")
    if "[" in spec:
        pre, rest = spec.split("[", 1)
        target, post = rest.split("]", 1)
        needle, shift = pre + target + post, len(pre)
    else:
        target, needle, shift = spec, spec, 0
    spans = [(s + shift, s + shift + len(target)) for s in all_starts(text, needle)]
    if before:
        spans = [sp for sp in spans if sp[1] <= claim[0]]
    if not spans:
        raise SystemExit(f"not found near claim at {claim}: {spec!r}")

    def distance(sp: tuple[int, int]) -> int:
        return max(claim[0] - sp[1], sp[0] - claim[1], 0)

    return min(spans, key=lambda sp: (distance(sp), -sp[0] if before else sp[0]))


def build(seeds: Path) -> list[dict]:
    rows = []
    for prefix, claims in ARTICLES.items():
        (path,) = sorted(seeds.glob(f"{prefix}_*.txt"))
        text = imported_text(path)
        cursor = 0
        for claim_spec, form, source, cue, name in claims:
            start, end = find_claim(text, claim_spec, cursor)
            cursor = start
            row = {"seed": path.name, "start": start, "end": end, "text": text[start:end],
                   "form": FORMS[form], "source": None, "source_text": None,
                   "source_name": None, "cue": None, "cue_text": None}
            if source:
                s = find_near(text, source, (start, end))
                row.update(source=list(s), source_text=text[s[0]:s[1]], source_name=name)
            if cue:
                c = find_near(text, cue, (start, end))
                row.update(cue=list(c), cue_text=text[c[0]:c[1]])
            rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()
    rows = build(args.seeds)
    out = HERE / "seeds_gold.jsonl"
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} claims written to {out}")


if __name__ == "__main__":
    main()
