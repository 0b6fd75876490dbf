#!/usr/bin/env python
"""Which lexicon file's counts carry the gap between shipped and cross-fit figures.

``bench/eval_crossfit.py`` scores each half of the dev part with lexicons
built from the other half.  This script splits that gap by file: for each
file with counts from the data, the cross-fit rows are scored with the
shipped lexicons except that one file, built from the other half.  A file
whose row stays at the shipped figures is one no rule leans on for the
articles it was counted from; the further a row falls, the more the rules
fit that file's counts rather than German.

Usage: python bench/crossfit_by_file.py [--data DIR] [--files NAME ...]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from build_lexicons import DEFAULT_DATA, OUT
from eval_crossfit import build_halves, run

# the files with columns or rows counted from the data (see resources/lexicons/README.md)
COUNTED = ("reporting_verbs.tsv", "lowercase.tsv", "source_nouns.tsv", "abbreviations.txt", "konjunktiv1.txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--files", nargs="+", default=list(COUNTED), choices=COUNTED)
    args = parser.parse_args()
    rows = [("shipped", part, run(args.data, part, None)) for part in ("tune", "dev-rest")]
    with tempfile.TemporaryDirectory() as tmp:
        halves = build_halves(args.data, Path(tmp))
        for name in args.files:
            for part, other in (("tune", "dev-rest"), ("dev-rest", "tune")):
                mixed = Path(tmp) / f"{name}-{other}"
                shutil.copytree(OUT, mixed)
                shutil.copy(halves[other] / name, mixed / name)
                rows.append((f"{name} from {other}", part, run(args.data, part, mixed)))
    print(f"{'lexicons':36s} {'part':9s} P / R / F1")
    for lexicons, part, figures in rows:
        print(f"{lexicons:36s} {part:9s} {figures}")


if __name__ == "__main__":
    main()
