"""JSONL export speed and memory, and how they grow with the project.

Usage: python bench/bench_export.py [N ...] [--chars C] [--claims K]
       (default: 10000 100000 articles of ~1,500 characters, 3 claims each)
       python bench/bench_export.py --cli [--rounds R] [--checkout TREE] N
       (the realistic project: a highlighted CLI import, then first export and
       re-exports through the CLI beside the kernel's copy: bench/export_cli.py)

A project of N generated German articles (sentences of the seed articles,
shuffled) is built once per (N, C, K) under the temp folder and reused.
Each run is its own process, so peak RSS is per run; tracemalloc's peak
covers the export alone (measured in a second, untimed pass). The runs per
N, in this order, sharing one cache folder (see RUNS):
  cold       empty caches: tokenizes every text, fills both caches
  tokens     renders every line; tokens from the token cache
  re-export  nothing changed since the last export: lines from the cache
  edited-1%  1% of the articles edited since: those rendered, the rest copied
  no-cache   both caches off: tokenizes and renders everything
  doccano    doccano, rendered (no tokens)
All runs export to one path, each replacing the last (as a user does; until
issue 19's fifth round each run wrote a new file and deleted it, so no run
met the previous one's unwritten pages). After "re-export" the kernel copies
the same file (copy_file_range) and writes as many zero bytes: the floor.
Target: >= 20,000 articles/s of JSONL from a 100,000-article project.
Last run (shared 2-CPU machine, load 0.7-2.3), 100,000 articles:
re-export 53,464/s (1.87 s), after 1% edited 36,395/s; rendering
everything (two worker processes) with cached tokens 3,643/s, cold
1,448/s, no cache 2,053/s, doccano 8,912/s. Peak RSS 45 MB for
re-exports, <= 229 MB otherwise (workers <= 156 MB each); tracemalloc
peak ~30 MB rendering, 0.5 MB copying, for 10k and 100k alike. Figures and
what they mean: docs/export-format.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
FALLBACK = ("Der Sprecher des Ministeriums sagte am Montag, die Lage sei unter Kontrolle. "
            "Laut Geheimdienst sind etwa 12.000 Soldaten in Russland angekommen. "
            "Nach Angaben der Polizei wurden 340 Menschen in Sicherheit gebracht.")


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or [FALLBACK]
    found = [s.strip() + "." for t in texts for s in t.replace("\n", " ").split(". ") if len(s) > 40]
    return [s.replace("..", ".") for s in found]


def build(path: Path, count: int, chars: int, claims: int) -> None:
    from annotator.core.models import NewArticle
    from annotator.core.project import Project
    from annotator.core.textnorm import article_id

    rng, pool = random.Random(7), sentences()
    with Project.open(path) as project, project.transaction():
        project.ensure_annotator("anna")
        for begin in range(0, count, 2000):
            batch, rows = [], []
            for n in range(begin, min(begin + 2000, count)):
                parts, length = [f"Meldung {n}."], 0
                while length < chars:
                    parts.append(rng.choice(pool))
                    length += len(parts[-1]) + 1
                text = " ".join(parts)
                batch.append(NewArticle(text=text, title=f"Artikel {n}", outlet="Bench"))
                rows.extend(_claims(text, article_id(text), n, claims, rng))
            project.insert_articles(batch, "2026-01-01T00:00:00+00:00")
            project.db.conn.executemany(
                'INSERT INTO annotations (id, article_id, annotator, decision, start, "end", '
                "source_start, source_end, cue_start, cue_end, source_type, reliability, credibility, "
                "attribution, revision, created_at, updated_at, origin_db) "
                "VALUES (?, ?, 'anna', ?, ?, ?, ?, ?, ?, ?, 'government', ?, ?, 'indirect', 1, ?, ?, "
                "'bench')", rows)


def _claims(text: str, article: str, n: int, count: int, rng: random.Random) -> list[tuple]:
    rows, step = [], max(len(text) // (count + 1), 20)
    for k in range(count):
        start = 10 + k * step
        stamp = f"2026-01-{1 + n % 28:02d}T12:00:00+00:00"
        rows.append((str(uuid.UUID(int=rng.getrandbits(128))), article,
                     "reject" if k == count - 1 else "accept",
                     start + 20, start + step - 5, start, start + 12, start + 13, start + 19,
                     "ABCDEF"[k % 6], 1 + k % 6, stamp, stamp))
    return rows


# label: (format, token cache, line cache, what it measures)
RUNS = {
    "cold": ("jsonl", True, True, "empty caches: tokenizes every text, fills both caches"),
    "tokens": ("jsonl", True, False, "renders every line; tokens from the token cache"),
    "re-export": ("jsonl", True, True, "nothing changed since the last export: lines from the cache"),
    "edited-1%": ("jsonl", True, True, "1% of the articles edited since: those rendered, the rest copied"),
    "no-cache": ("jsonl", False, False, "both caches off: tokenizes and renders everything"),
    "doccano": ("doccano", False, False, "doccano, rendered (no tokens)"),
}


def edit_one_percent(project) -> None:
    """A reviewer's round of edits: one claim's note in every 100th article."""
    with project.transaction():
        project.db.execute(
            "UPDATE annotations SET note = 'bench edit ' || hex(randomblob(4)) WHERE id IN "
            "(SELECT min(an.id) FROM annotations an JOIN articles a ON a.id = an.article_id "
            " WHERE a.seq % 100 = 0 GROUP BY an.article_id)")


def run_one(db: Path, label: str, out: Path) -> None:
    """One timed export, then (for some runs) the same again under
    tracemalloc (which slows Python down several times, so it is never
    timed) for its peak."""
    from annotator.core.export import ExportOptions, export_project
    from annotator.core.project import Project

    fmt, token_cache, line_cache, _ = RUNS[label]
    options = ExportOptions(format=fmt, token_cache=token_cache, line_cache=line_cache)
    with Project.open(db, create=False) as project:
        articles = project.count_articles()
        if label == "edited-1%":
            edit_one_percent(project)
        started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
        summary = export_project(project, options, out)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        user, system = after.ru_utime - cpu.ru_utime, after.ru_stime - cpu.ru_stime
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # rendering workers (annotator.core.export.parallel), when they ran
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        traced = "-"
        if label in ("tokens", "re-export", "doccano"):
            tracemalloc.start()
            export_project(project, options, out)
            traced = f"{tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB"
            tracemalloc.stop()
    print(f"{articles:>8} articles  {label:<9} {elapsed:7.2f} s  load {os.getloadavg()[0]:3.1f}  "
          f"{articles / elapsed:8.0f} articles/s  {summary.claims:>7} claims  "
          f"{out.stat().st_size / 1e6:7.1f} MB out  user {user:5.2f} sys {system:5.2f} s  "
          f"peak RSS {rss:5.0f} MB  worker peak RSS {workers:4.0f} MB  tracemalloc peak {traced}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--chars", type=int, default=1500)
    parser.add_argument("--claims", type=int, default=3)
    parser.add_argument("--cli", action="store_true",
                        help="the realistic project instead: a highlighted CLI import of N "
                        "'numbers'-feed articles (bench_import.generate), then first export and "
                        "re-exports through the CLI beside the copy baselines (bench/export_cli.py)")
    parser.add_argument("--rounds", type=int, default=2, help="--cli: re-export rounds")
    parser.add_argument("--checkout", action="append", default=[], type=Path,
                        help="--cli: also export with the code of this tree, in turn with this one's")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # db label out
    args = parser.parse_args()
    if args.one:
        run_one(Path(args.one[0]), args.one[1], Path(args.one[2]))
        return
    if args.cli:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from export_cli import run_cli

        for size in args.sizes:
            run_cli(size, args.rounds, args.checkout)
        return
    cache = Path(tempfile.mkdtemp(prefix="bench-export-cache-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}  # start with empty caches
    print(f"articles of ~{args.chars} characters, {args.claims} claims each; {os.cpu_count()} CPUs; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    for size in args.sizes:
        db = Path(tempfile.gettempdir()) / f"bench-export-{size}-{args.chars}-{args.claims}.sqlite"
        if not db.exists():
            started = time.perf_counter()
            partial = db.with_name(db.name + ".building")
            partial.unlink(missing_ok=True)
            build(partial, size, args.chars, args.claims)
            partial.rename(db)  # an interrupted build is never reused
            print(f"(built {db.name} in {time.perf_counter() - started:.0f} s)", flush=True)
        out = Path(tempfile.mkdtemp(prefix="bench-export-out-")) / "claims.jsonl"
        for label in RUNS:
            subprocess.run([sys.executable, __file__, "--one", str(db), label, str(out)],
                           check=True, env=env)
            if label == "re-export":  # the same bytes, copied and written by the kernel alone
                sys.path.insert(0, str(Path(__file__).resolve().parent))
                from export_cli import copy_baseline, zeros_baseline

                print(copy_baseline(out, size), flush=True)
                print(zeros_baseline(out.parent, out.stat().st_size, size), flush=True)
        shutil.rmtree(out.parent, ignore_errors=True)  # 2 GB per run at 100,000 articles


if __name__ == "__main__":
    main()
