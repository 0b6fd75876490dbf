"""Highlighting throughput on a Dask LocalCluster of 1, 2 and 4 workers,
beside this process alone and the bare tokenizer, in one run.

Usage: python bench/bench_dask.py [N]   (default 4000 generated ~2,000-char articles)

Measures ``highlight_in_order`` (what ``annotator highlight --dask local``
and ``annotator import --dask local`` run) from the call to the last result
taken back, which includes starting the cluster and loading the highlighter
on its workers; that start-up is measured apart and subtracted for the
steady-state figure.
Needs the cluster extra: pip install 'annotator[cluster]'. docs/scaling.md
shows the figures and the expected curve on more machines.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import generate  # noqa: E402


def texts_of(count: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        generate(feed, count)
        return [json.loads(line)["text"] for line in feed.open(encoding="utf-8")]


def timed_run(highlighter, texts: list[str], **how) -> float:
    from annotator.core.parallel_highlight import highlight_in_order

    started = time.perf_counter()
    done = sum(1 for _ in highlight_in_order(highlighter, texts, text_of=str, **how))
    assert done == len(texts)
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    import spacy

    from annotator.core.highlight import load_highlighter
    from annotator.core.parallel_dask import DaskRunner

    count = int(argv[0]) if argv else 4000
    texts = texts_of(count)
    highlighter = load_highlighter("blank")
    print(f"{count} articles; load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    started = time.perf_counter()
    for _ in spacy.blank("de").pipe(texts, batch_size=256):
        pass
    print(f"  bare nlp.pipe(spacy.blank('de')), 1 process   {count / (time.perf_counter() - started):7.0f} articles/s")
    serial = count / timed_run(highlighter, texts, workers=0)
    print(f"  highlight, this process only                 {serial:7.0f} articles/s")
    for workers in (1, 2, 4):
        # a cluster's start alone: scheduler, worker processes (each then loads spaCy on first batch)
        started = time.perf_counter()
        DaskRunner("local", workers).close()
        start_up = time.perf_counter() - started
        elapsed = timed_run(highlighter, texts, dask="local", workers=workers)
        print(f"  Dask LocalCluster, {workers} worker(s)             {count / elapsed:7.0f} articles/s with start-up, "
              f"{count / max(elapsed - start_up, 1e-9):7.0f} without (start-up {start_up:.1f} s)")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
