#!/usr/bin/env python
"""SpkAtt figures on articles whose counts the lexicons never saw (cross-fit).

The shipped lexicons count verb forms, cues and words over the whole dev part
(tune + dev-rest), so dev-rest is not unseen for any rule gated by those
counts: it shows how well the rules fit, not how they generalise, and a
change that leans less on the counts can look worse on dev-rest while it
helps unseen articles (the held-out quarter, new news).  This script builds
the lexicons from one half of the dev part and scores the other, both ways:

* lexicons from dev-rest, scored on tune;
* lexicons from tune, scored on dev-rest;

beside the usual figures (shipped lexicons on tune and dev-rest), in the same
run.  Each half's lexicons have half the data, so the cross-fit figures are
a little lower than unseen articles would show with the shipped ones.

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
    """Lexicons counted over each half of the dev part, in ``folder``/<half>."""
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
            ("tune", "shipped (dev)", run(args.data, "tune", None)),
            ("dev-rest", "shipped (dev)", run(args.data, "dev-rest", None)),
            ("tune", "from dev-rest", run(args.data, "tune", folders["dev-rest"])),
            ("dev-rest", "from tune", run(args.data, "dev-rest", folders["tune"])),
        ]
    print(f"{'part':9s} {'lexicons':14s} P / R / F1")
    for part, lexicons, figures in rows:
        print(f"{part:9s} {lexicons:14s} {figures}")


if __name__ == "__main__":
    main()
