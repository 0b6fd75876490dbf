"""Import speed and memory: N generated articles of ~2,000 characters.

Usage: python bench/bench_import.py [N ...]              (default: 1000 10000 100000)
       python bench/bench_import.py --highlight [N ...]  (default: 2000 10000)

Each N runs in its own process so peak memory (max RSS) is per run.
``--feed fresh`` (before the other arguments) renews the content words of
the highlighted feed, so bare tokenizing costs what it costs on news
(bench/feeds.py); the default "seeds" feed is what earlier figures used.

Without ``--highlight`` the pre-highlighter is off: this measures reading,
hashing and storing. Target: 100,000 articles in under 15 s, memory flat in N.

With ``--highlight``: the default import path, the blank highlighter on 1, 2
and 4 worker processes (1 = in this process), each run beside the bare
baseline, single-process ``nlp.pipe`` over ``spacy.blank("de")`` tokenizing the
same texts, measured before and after the imports in the same run. Targets
(issue 19): >= 500 articles/s on 2 cores, at most 1.5x the baseline's time,
memory flat in N (the writer's and each worker's peak RSS). At the end a
table: per run, articles/s, the ratio of its wall time to the mean of the
two baselines around it, CPU per article of the writer and of the workers
(all of them together; start-up included) and peak RSS.

``--against REV`` (after ``--highlight``): every import step runs twice,
first on the code of commit REV (``git archive``, ``PYTHONPATH``), then on
this tree, interleaved, so that before and after share the machine's load.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FEED = os.environ.get("BENCH_FEED", "seeds")  # --feed: "seeds" (default) or "fresh" (bench/feeds.py)
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


def generate_news(path: Path, count: int, seed: int = 7) -> None:
    """Articles of ~2,000 characters from the seed articles' sentences
    (realistic work for the highlighter; bench_export.py does the same),
    their content words renewed with ``--feed fresh`` (bench/feeds.py); a
    numbered first sentence keeps every text distinct."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from feeds import write_feed

    write_feed(FEED, path, count, seed)


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


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


def run_tokenize(count: int) -> None:
    """The baseline: spaCy's blank German tokenizer over the same texts, one process."""
    import spacy

    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        generate_news(feed, count)
        texts = (json.loads(line)["text"] for line in feed.open(encoding="utf-8"))
        nlp = spacy.blank("de")
        started, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        elapsed, cpu = time.perf_counter() - started, cpu_seconds(resource.RUSAGE_SELF) - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record(kind="baseline", count=count, wall=elapsed, cpu=cpu)
    print(f"{count:>8} articles  baseline nlp.pipe(spacy.blank('de'))   {elapsed:7.2f} s  "
          f"{count / elapsed:6.0f} articles/s  CPU {1000 * cpu / count:.2f} ms/article  "
          f"({tokens / count:.0f} tokens/article)  peak RSS {peak:.0f} MB  load {os.getloadavg()[0]:.1f}  feed {FEED}",
          flush=True)


def run_highlighted(count: int, workers: int) -> None:
    from annotator.core.highlight import load_highlighter
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = folder  # a fresh token cache, removed afterwards
        feed = Path(folder) / "feed.jsonl"
        generate_news(feed, count)
        highlighter = load_highlighter("blank")
        with Project.open(Path(folder) / "bench.sqlite") as project:
            started, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
            summary = import_paths(project, [feed], highlighter=highlighter,
                                   workers=workers if workers > 1 else 0)
            elapsed, cpu = time.perf_counter() - started, cpu_seconds(resource.RUSAGE_SELF) - cpu
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            # the workers' CPU is counted once they are joined (end of the
            # import); it includes their start-up (see worker_start_up)
            workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)
            exports = first_exports(project, Path(folder)) if workers == 2 else ""
    assert summary.highlighted == count
    record(kind="import", count=count, workers=workers, wall=elapsed, writer_cpu=cpu, workers_cpu=workers_cpu,
           writer_rss=own, worker_rss=children)
    print(f"{count:>8} articles  import + highlight, {workers} worker(s)     {elapsed:7.2f} s  "
          f"{count / elapsed:6.0f} articles/s  CPU writer {1000 * cpu / count:.2f} ms/article, "
          f"workers {1000 * workers_cpu / count:.2f} ms/article  "
          f"peak RSS writer {own:.0f} MB, a worker {children:.0f} MB  load {os.getloadavg()[0]:.1f}", flush=True)
    if exports:
        print(exports, flush=True)


def worker_start_up() -> None:
    """Wall and CPU time for two highlighting workers to start (spawned: each
    imports spaCy and loads the highlighter; forked from the forkserver:
    it does that once, its forks almost nothing): paid once per import.
    The CPU is every child process's, counted once the pool is closed."""
    from annotator.core.highlight import load_highlighter
    from annotator.core.parallel_highlight import process_pool, spec_of

    started = time.perf_counter()
    pool = process_pool(2, spec_of(load_highlighter("blank"), True))
    first = [pool.submit(time.process_time) for _ in range(2)]
    own = max(future.result() for future in first)
    wall = time.perf_counter() - started
    pool.close()
    method = pool.context.get_start_method() if hasattr(pool, "context") else "spawn"
    print(f"two workers' start-up: {wall:.2f} s wall to the first answers, "
          f"{cpu_seconds(resource.RUSAGE_CHILDREN):.2f} s CPU in all ({method}; "
          f"a worker's own CPU {own:.2f} s)", flush=True)


def first_exports(project, folder: Path) -> str:
    """The project's first JSONL export as a user runs it (the lines the
    import rendered), beside one rendering every line with the import's
    tokens (line cache off), one that also tokenizes every text (both
    caches off: what a first export cost before issue 19), and a re-export."""
    from annotator.core.export import ExportOptions, export_project

    figures = []
    for number, (label, token_cache, line_cache) in enumerate((
            ("first export (lines rendered at import)", True, True),
            ("export rendering, tokens from the import", True, False),
            ("export tokenizing every text (baseline)", False, False),
            ("re-export, nothing changed", True, True))):
        out = folder / f"export-{number}"
        out.mkdir()
        started, cpu = time.perf_counter(), time.process_time()
        summary = export_project(project, ExportOptions(layer="suggestions", token_cache=token_cache,
                                                        line_cache=line_cache), out / "s.jsonl")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        figures.append(f"{summary.articles:>8} articles  {label:<41} {elapsed:7.2f} s  "
                       f"{summary.articles / elapsed:7.0f} articles/s  CPU {1000 * cpu / summary.articles:.3f} "
                       f"ms/article (this process), {summary.reused} copied  load {os.getloadavg()[0]:.1f}")
    return "\n".join(figures)


def record(**figures) -> None:
    """One run's figures for the parent's table (``BENCH_RESULTS``: a JSON-lines file)."""
    if os.environ.get("BENCH_RESULTS"):
        with open(os.environ["BENCH_RESULTS"], "a", encoding="utf-8") as out:
            out.write(json.dumps({**figures, "tree": os.environ.get("BENCH_TREE", "this"),
                                  "load": os.getloadavg()[0]}) + "\n")


def highlight_main(counts: list[int], against: str | None = None) -> None:
    print(f"import with highlighting, feed {FEED!r}; load average {os.getloadavg()[0]:.2f}, "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        trees = [("this", None)]
        if against:
            old = Path(folder) / "old"
            old.mkdir()
            root = Path(__file__).resolve().parent.parent
            archive = subprocess.run(["git", "archive", against, "annotator", "resources"], cwd=root, check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            # the installed package maps annotator.resources to this tree's
            # resources/; the old code must read its own (the lexicons' format
            # changes between commits), found first inside its package
            (old / "annotator" / "resources").symlink_to(old / "resources", target_is_directory=True)
            trees.insert(0, (against, str(old)))
        os.environ["BENCH_RESULTS"] = results = str(Path(folder) / "results.jsonl")
        subprocess.run([sys.executable, __file__, "--start-up"], check=True)
        for count in counts:
            subprocess.run([sys.executable, __file__, "--tokenize", str(count)], check=True)
            for workers in ("1", "2", "4"):
                for label, tree in trees:
                    env = {**os.environ, "BENCH_TREE": label}
                    if tree is not None:
                        env["PYTHONPATH"] = tree
                        print(f"({label}:)", flush=True)
                    subprocess.run([sys.executable, __file__, "--hl", workers, str(count)], check=True, env=env)
            subprocess.run([sys.executable, __file__, "--tokenize", str(count)], check=True)
        print_table([json.loads(line) for line in open(results, encoding="utf-8")])
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


def print_table(runs: list[dict]) -> None:
    """Issue 19's figures per run: articles/s and the ratio to bare tokenizing
    (the mean of the baselines measured before and after, same N)."""
    print("\n   N  tree      workers  articles/s  x bare  writer CPU  workers CPU  RSS writer/worker  load")
    for run in runs:
        if run["kind"] != "import":
            continue
        bare = [b["wall"] for b in runs if b["kind"] == "baseline" and b["count"] == run["count"]]
        ratio = run["wall"] / (sum(bare) / len(bare)) if bare else float("nan")
        n = run["count"]
        print(f"{n:>6}  {run['tree'][:8]:8s}  {run['workers']:>7}  {n / run['wall']:10.0f}  {ratio:6.2f}  "
              f"{1000 * run['writer_cpu'] / n:7.2f} ms  {1000 * run['workers_cpu'] / n:8.2f} ms  "
              f"{run['writer_rss']:6.0f} / {run['worker_rss']:3.0f} MB  {run['load']:4.1f}")
    for run in runs:
        if run["kind"] == "baseline":
            print(f"{run['count']:>6}  bare nlp.pipe: {run['count'] / run['wall']:.0f}/s, "
                  f"CPU {1000 * run['cpu'] / run['count']:.2f} ms/article  load {run['load']:.1f}")


def main(argv: list[str]) -> None:
    global FEED
    if argv[:1] == ["--feed"]:
        FEED = os.environ["BENCH_FEED"] = argv[1]  # the child processes read it too
        argv = argv[2:]
    if argv and argv[0] == "--one":
        run_one(int(argv[1]))
        return
    if argv and argv[0] == "--tokenize":
        run_tokenize(int(argv[1]))
        return
    if argv and argv[0] == "--hl":
        run_highlighted(int(argv[2]), int(argv[1]))
        return
    if argv and argv[0] == "--start-up":
        worker_start_up()
        return
    if argv and argv[0] == "--highlight":
        against = argv[argv.index("--against") + 1] if "--against" in argv else None
        counts = [int(a) for a in argv[1:] if a.isdigit()]
        highlight_main(counts or [2000, 10000], against)
        return
    counts = [int(a) for a in argv] or [1000, 10000, 100000]
    print("import (no highlighting), one process per size:")
    for count in counts:
        subprocess.run([sys.executable, __file__, "--one", str(count)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
