"""Import speed and memory: N generated articles of ~2,000 characters.

Usage: python bench/bench_import.py [N ...]   (default: 1000 10000 100000)

Each N runs in its own process so peak memory (max RSS) is per run. The
pre-highlighter is off (--no-highlight): this measures reading, hashing and
storing. Target: 100,000 articles in under 15 s, memory flat in N.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("der die das und laut Regierung sagte Sprecher Soldaten Truppen Bericht zufolge "
         "Geheimdienst Ministerium erklärte dass nach Angaben Polizei Millionen Euro Prozent "
         "am Montag in Berlin Kiew Moskau offenbar soll angeblich warnte bestätigte").split()


def generate(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            sentences = []
            length = 0
            while length < 2000:
                sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
                sentence = sentence.capitalize() + f" {rng.randint(1, 99999)}."
                sentences.append(sentence)
                length += len(sentence) + 1
            record = {"id": f"gen-{n}", "title": f"Artikel {n}", "outlet": "Bench",
                      "text": " ".join(sentences)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_one(count: int) -> None:
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        generate(feed, count)
        size_mb = feed.stat().st_size / 1e6
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with Project.open(Path(folder) / "bench.sqlite") as project:
            started = time.perf_counter()
            summary = import_paths(project, [feed])
            elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        assert summary.imported == count
        print(f"{count:>8} articles  {size_mb:7.1f} MB  {elapsed:6.2f} s  "
              f"{count / elapsed:9.0f} articles/s  peak RSS {peak:6.1f} MB "
              f"(before import {rss_before:.1f} MB)", flush=True)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        run_one(int(argv[1]))
        return
    counts = [int(a) for a in argv] or [1000, 10000, 100000]
    print("import (no highlighting), one process per size:")
    for count in counts:
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
