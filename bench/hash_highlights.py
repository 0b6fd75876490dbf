#!/usr/bin/env python
"""One fingerprint of everything the highlighter suggests, to prove a
refactoring or a speed-up changed no output.

Highlights the 700 SpkAtt training articles (rebuilt as in
bench_highlight.py) and the five seed articles, and prints a SHA-256 over
every suggestion's fields (repr of each ClaimSuggestion, in order), with the
pipeline version beside it. Run it before and after a change: the same
fingerprint means byte-identical suggestions.

Usage: python bench/hash_highlights.py [--data DIR] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from bench_highlight import DEFAULT_DATA, load_texts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()

    from annotator.core.highlight import load_highlighter

    texts = load_texts(args.data)
    texts += [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    hl = load_highlighter()
    digest = hashlib.sha256()
    claims = 0
    for suggestions in hl.pipe(texts):
        for suggestion in suggestions:
            digest.update(repr(suggestion).encode("utf-8"))
            claims += 1
        digest.update(b"\n")  # article boundary: moving a claim to the next article shows
    print(f"{len(texts)} texts, {claims} suggestions, pipeline {hl.version}")
    print(f"fingerprint {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
