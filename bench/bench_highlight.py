#!/usr/bin/env python
"""Benchmark the claim highlighter on the SpkAtt-2023 training articles.

Rebuilds each article's text from its tokens (tokens joined by spaces,
sentences by newlines), then reports:

* highlighter throughput in tokens/s *including start-up* (importing spaCy,
  loading lexicons, building the pipeline) over all articles,
* bare ``spacy.blank("de")`` tokenization speed over the same text,
* how the cost grows with size (first 100 / 350 / 700 articles).

Usage: python bench/bench_highlight.py [--data DIR] [--batch-size 64] [--processes 1|2]
The data (CC BY-NC-SA) stays outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"


def load_texts(data: Path) -> list[str]:
    texts = []
    for f in sorted(data.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        texts.append("\n".join(" ".join(s["Tokens"]) for s in d["Sentences"]))
    return texts


def run_chunk(hl, texts: list[str], batch_size: int) -> tuple[int, int]:
    n_tokens = n_claims = 0
    for doc in hl.nlp.pipe(texts, batch_size=batch_size):
        n_tokens += len(doc)
        n_claims += len(doc._.annotator_claims)
    return n_tokens, n_claims


_HL = None


def _work(args: tuple[list[str], int]) -> tuple[int, int]:
    texts, batch_size = args
    return run_chunk(_HL, texts, batch_size)


def run_forked(hl, texts: list[str], batch_size: int, processes: int) -> tuple[int, int]:
    """Split the articles over forked workers that share the loaded pipeline
    (copy-on-write) and send back only counts — unlike nlp.pipe(n_process=…),
    no Doc is serialised."""
    import multiprocessing

    global _HL
    _HL = hl
    chunks = [texts[i::processes] for i in range(processes)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes) as pool:
        parts = pool.map(_work, [(c, batch_size) for c in chunks])
    return sum(p[0] for p in parts), sum(p[1] for p in parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--processes", type=int, default=1,
                    help="forked worker processes sharing the loaded pipeline (default 1)")
    args = ap.parse_args()
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    texts = load_texts(args.data)
    load_before = os.getloadavg()

    # --- highlighter, start-up included ---
    t0, c0 = time.perf_counter(), time.process_time()
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter()
    t_start, c_start = time.perf_counter() - t0, time.process_time() - c0
    t1, c1 = time.perf_counter(), time.process_time()
    if args.processes > 1:
        n_tokens, n_claims = run_forked(hl, texts, args.batch_size, args.processes)
    else:
        n_tokens, n_claims = run_chunk(hl, texts, args.batch_size)
    t_run, c_run = time.perf_counter() - t1, time.process_time() - c1
    total = t_start + t_run

    # --- bare tokenizer ---
    import spacy

    blank = spacy.blank("de")
    t2, c2 = time.perf_counter(), time.process_time()
    n_blank = sum(len(d) for d in blank.pipe(texts, batch_size=args.batch_size))
    t_blank, c_blank = time.perf_counter() - t2, time.process_time() - c2

    print(f"pipeline {hl.name} {hl.version}; {len(texts)} articles, {n_tokens} tokens, {n_claims} claims")
    print(f"start-up (import spaCy, lexicons, build pipeline): {t_start:.2f} s")
    print(f"highlighting: {t_run:.2f} s -> {n_tokens / t_run:,.0f} tokens/s without start-up")
    print(f"highlighting incl. start-up: {total:.2f} s -> {n_tokens / total:,.0f} tokens/s")
    print(f"bare spacy.blank('de') tokenization: {t_blank:.2f} s -> {n_blank / t_blank:,.0f} tokens/s")
    print(f"pipeline / bare tokenization time: {t_run / t_blank:.2f}x wall clock")
    # CPU time of this process: what other jobs on a loaded machine take away
    # from the wall clock does not count here (single process only)
    if args.processes == 1:
        print(f"CPU time: start-up {c_start:.2f} s, highlighting {c_run:.2f} s -> {n_tokens / c_run:,.0f} tokens/s, "
              f"incl. start-up {n_tokens / (c_start + c_run):,.0f} tokens/s; bare tokenization {c_blank:.2f} s -> "
              f"{n_blank / c_blank:,.0f} tokens/s ({c_run / c_blank:.2f}x)")
    print("cost by size (a fresh pipeline each time, build time excluded, so new words are paid for again):")
    from annotator.core.highlight import build_pipeline

    for n in (100, 350, 700):
        sub = texts[:n]
        nlp = build_pipeline(hl.model)
        t = time.perf_counter()
        toks = sum(len(d) for d in nlp.pipe(sub, batch_size=args.batch_size))
        dt = time.perf_counter() - t
        print(f"  {len(sub):4d} articles {toks:7d} tokens  {dt:6.2f} s  {toks / dt:10,.0f} tokens/s")
    print(f"load average (1/5/15 min): {' '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} after, on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
