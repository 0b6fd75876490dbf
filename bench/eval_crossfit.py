#!/usr/bin/env python
"""SpkAtt figures with the shipped (grammar-only) lexicons beside lexicons with SpkAtt's counts.

The shipped lexicons are built from German grammar alone
(``bench/build_lexicons.py`` without ``--data``): no SpkAtt article is
seen by them, so their tune and dev-rest figures are figures on unseen
articles.  As an experiment, ``build_lexicons.py --data`` adds counts
from SpkAtt (how often each verb form is a cue, lowercase/capitalised
word counts, …) to the grammar's shares; such lexicons are never shipped.
This script measures what the counts would still add, without letting a
part see its own counts (cross-fit):

* grammar-only (the shipped lexicons), scored on tune and on dev-rest;
* with counts from dev-rest, scored on tune;
* with counts from tune, scored on dev-rest;

in the same run.  ``--score PART --lexicons DIR`` scores one part with any
lexicon folder (one line, Message and Source P / R / F1).

Usage: python bench/eval_crossfit.py [--data DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from build_lexicons import DEFAULT_DATA

BENCH = Path(__file__).resolve().parent


def score(data: Path, split: str, lexicons: Path | None) -> str:
    """Message and Source P/R/F1 on one part, with the given lexicon folder."""
    import annotator.core.highlight.lexicons as lexicon_module

    if lexicons is not None:
        shipped = lexicon_module.resource_path
        lexicon_module.resource_path = lambda name: lexicons if name == "lexicons" else shipped(name)
    from annotator.core.highlight import load_highlighter
    from annotator.core.highlight.evaluation import evaluate_spkatt

    result = evaluate_spkatt(data, load_highlighter(), split=split)
    m, s = result["message"], result["source"]
    return (f"Message {m['precision']:.4f} / {m['recall']:.4f} / {m['f1']:.4f}   "
            f"Source {s['precision']:.4f} / {s['recall']:.4f} / {s['f1']:.4f}")


def run(data: Path, split: str, lexicons: Path | None) -> str:
    # one process per lexicon folder: the lexicons are loaded once per process
    cmd = [sys.executable, __file__, "--data", str(data), "--score", split]
    if lexicons is not None:
        cmd += ["--lexicons", str(lexicons)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def build_halves(data: Path, folder: Path) -> dict[str, Path]:
    """Lexicons with counts over each half of the dev part, in ``folder``/<half> (an experiment)."""
    halves = {}
    for half in ("tune", "dev-rest"):
        halves[half] = folder / half
        subprocess.run([sys.executable, str(BENCH / "build_lexicons.py"), "--data", str(data),
                        "--split", half, "--out", str(halves[half])], check=True, capture_output=True)
    return halves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--score", help=argparse.SUPPRESS)  # internal: score one part
    parser.add_argument("--lexicons", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.score:
        print(score(args.data, args.score, args.lexicons))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folders = build_halves(args.data, Path(tmp))
        rows = [
            ("tune", "grammar-only", run(args.data, "tune", None)),
            ("dev-rest", "grammar-only", run(args.data, "dev-rest", None)),
            ("tune", "+counts dev-rest", run(args.data, "tune", folders["dev-rest"])),
            ("dev-rest", "+counts tune", run(args.data, "dev-rest", folders["tune"])),
        ]
    print(f"{'part':9s} {'lexicons':17s} P / R / F1")
    for part, lexicons, figures in rows:
        print(f"{part:9s} {lexicons:17s} {figures}")


if __name__ == "__main__":
    main()
