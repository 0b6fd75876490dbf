"""The import's writer alone: what one process spends per article writing a
highlighted batch (the article rows, the suggestion rows, the source links,
the related-claims index), with the highlighting done beforehand.

Usage: python bench/bench_writer.py [--profile] [--memory] [N]   (default N: 2000)
       python bench/bench_writer.py --against REV [--rounds R] [N]
       python bench/bench_writer.py --import-memory N [--trace]

The articles (bench_import.generate_news: ~2,000 characters of shuffled
seed sentences) are highlighted once by the blank highlighter with their
claims' facts, as a worker sends them, and pickled to a temporary file batch
by batch. Then, in a fresh project and one transaction, as the import does:
per batch of 64, ``Project.insert_article`` for each article and
``new_suggestions.write_new``. Printed: CPU per article (process time) of
the inserts and of ``write_new``, beside the baseline measured in the same
run (the plain import's ``insert_articles`` of the same batches), and the
load average beside each figure.

``--against REV``: the writer of the commit REV (``git archive``, e.g. the
commit a round of work started from) and of this tree, alternately in fresh
processes, R rounds (default 2), each round beside the baseline: the
before/after figures of one run under the same load.

``--profile``: a cProfile of the writes (top functions by own and
cumulative time). ``--memory``: RSS sampled per 1,000 articles, to see
whether the writer grows with the import (the input is streamed from the
pickle, so it does not count).

``--import-memory N``: a real import of N articles with highlighting on two
workers, the writer's RSS after every tenth of the input and its peak
(``--trace``: the Python allocations that grew from 30 % to 90 %, by line).
Run it with ``PYTHONPATH=<another tree>`` to measure that tree's writer.
"""

from __future__ import annotations

import cProfile
import json
import os
import pickle
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent

BATCH = 64


def highlight_to(pickled: Path, count: int, folder: Path) -> None:
    """Highlight ``count`` articles once and pickle (articles, results) per batch."""
    from bench_import import generate_news

    from annotator.core.highlight import load_highlighter
    from annotator.core.importer import read_jsonl
    from annotator.core.parallel_highlight import highlight_with

    feed = folder / "feed.jsonl"
    generate_news(feed, count)
    highlighter = load_highlighter("blank")
    articles = list(read_jsonl(feed))
    with pickled.open("wb") as out:
        for begin in range(0, len(articles), BATCH):
            batch = articles[begin:begin + BATCH]
            results = highlight_with(highlighter, False, [a.text for a in batch], [a.published for a in batch])
            pickle.dump((batch, [(claims, facts) for claims, _, facts in results]), out)


def batches(pickled: Path):
    with pickled.open("rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def baseline(pickled: Path, folder: Path) -> float:
    """CPU seconds of the plain import's article inserts of the same batches."""
    from annotator.core.project import Project

    spent = 0.0
    with Project.open(folder / "baseline.sqlite") as project, project.transaction():
        for articles, _ in batches(pickled):
            start = time.process_time()
            project.insert_articles(articles, "2026-12-02T00:00:00+00:00")
            spent += time.process_time() - start
    return spent


def write(pickled: Path, folder: Path, profiler: cProfile.Profile | None, memory: bool) -> tuple[float, float, int]:
    """(CPU s of the article inserts, CPU s of write_new, articles), as the import writes."""
    from annotator.core.new_suggestions import FreshArticle, write_new
    from annotator.core.project import Project

    inserting = writing = 0.0
    done = 0
    with Project.open(folder / "writer.sqlite") as project, project.transaction():
        registry = import_registry(project)
        for articles, results in batches(pickled):
            if profiler is not None:
                profiler.enable()
            start = time.process_time()
            ids = [project.insert_article(a, "2026-12-02T00:00:00+00:00")[0] for a in articles]
            middle = time.process_time()
            write_new(project, [FreshArticle(i, a.text, a.outlet, a.published, claims, facts)
                                for i, a, (claims, facts) in zip(ids, articles, results)], "blank", "1",
                      *registry)
            end = time.process_time()
            if profiler is not None:
                profiler.disable()
            inserting, writing = inserting + middle - start, writing + end - middle
            before, done = done, done + len(articles)
            if memory and done // 1000 != before // 1000:
                print(f"  {done:6d} articles  RSS {rss_mb():6.1f} MB  writer CPU so far "
                      f"{1000 * (inserting + writing) / done:.2f} ms/article", flush=True)
    return inserting, writing, done


def import_registry(project) -> list:
    """The registry the import keeps for its duration (none before there was one)."""
    try:
        from annotator.core.storage.source_cache import ImportRegistry
    except ImportError:
        return []
    return [ImportRegistry(project.db)]


def child(argv: list[str]) -> None:
    """In a subprocess run on one tree: highlight to a pickle, or write one."""
    import annotator

    if argv[0] == "--child-highlight":
        highlight_to(Path(argv[1]), int(argv[2]), Path(argv[3]))
        return
    inserting, writing, done = write(Path(argv[1]), Path(argv[2]), None, False)
    print(json.dumps({"tree": str(Path(annotator.__file__).parent.parent), "insert": inserting,
                      "write_new": writing, "articles": done}))


def in_tree(tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, __file__, *args], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def against(rev: str, count: int, rounds: int, folder: Path) -> None:
    """Alternate the writer of ``rev`` (e.g. the commit this round started
    from) and of this tree on the same articles, each highlighted by its own
    tree (the facts a worker sends may differ in form), in fresh processes."""
    before = folder / "before"
    before.mkdir()
    archive = subprocess.run(["git", "archive", rev, "annotator"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
    trees = {"before": before, "after": ROOT}
    for name, tree in trees.items():
        (folder / name / "work").mkdir(parents=True, exist_ok=True)
        in_tree(tree, "--child-highlight", str(folder / f"{name}.pickle"), str(count), str(folder / name / "work"))
    print(f"highlighted once per tree  load {os.getloadavg()[0]:.2f}", flush=True)
    for round_ in range(rounds):
        plain = baseline(folder / "after.pickle", folder / "after" / "work")
        print(f"round {round_ + 1}: baseline, plain insert_articles  {1000 * plain / count:6.3f} ms/article CPU  "
              f"load {os.getloadavg()[0]:.2f}", flush=True)
        for name, tree in trees.items():
            for stale in (folder / name / "work").glob("writer.sqlite*"):
                stale.unlink()
            result = json.loads(in_tree(tree, "--child-write", str(folder / f"{name}.pickle"),
                                        str(folder / name / "work")).splitlines()[-1])
            per = 1000 / result["articles"]
            print(f"round {round_ + 1}: writer {name:6s} insert_article {per * result['insert']:6.3f}  write_new "
                  f"{per * result['write_new']:6.3f}  together {per * (result['insert'] + result['write_new']):6.3f}"
                  f" ms/article CPU  load {os.getloadavg()[0]:.2f}  ({result['tree']})", flush=True)
        (folder / "after" / "work" / "baseline.sqlite").unlink()


def import_memory(count: int, trace: bool) -> None:
    """A real import with highlighting on 2 workers; the writer's RSS after
    every 10 % of it (and, with ``trace``, the Python allocations that grew
    between 30 % and 100 %, by line)."""
    import resource
    import tracemalloc

    from bench_import import generate_news

    import annotator
    from annotator.core.highlight import load_highlighter
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["XDG_CACHE_HOME"] = name  # a fresh token cache, removed afterwards
        generate_news(folder / "feed.jsonl", count)
        marks, snapshots = [], []

        def sample(done: int) -> None:
            if done * 10 // count > len(marks):
                marks.append(f"{100 * done // count}% {rss_mb():.0f}")
                if trace and len(marks) in (3, 9):
                    snapshots.append(tracemalloc.take_snapshot())

        from annotator.core import import_highlighting

        write = import_highlighting.HighlightingImport._write

        def written(self, fresh: list, results: list) -> None:  # the writer's RSS after each batch
            write(self, fresh, results)
            sample(self.highlighted)

        import_highlighting.HighlightingImport._write = written  # type: ignore[method-assign]
        if trace:
            tracemalloc.start(1)
        with Project.open(folder / "memory.sqlite") as project:
            import_paths(project, [folder / "feed.jsonl"], highlighter=load_highlighter("blank"), workers=2)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count:>7} articles, 2 workers: writer RSS (MB) at " + ", ".join(marks)
          + f"; peak {peak:.0f} MB  load {os.getloadavg()[0]:.2f}  ({Path(annotator.__file__).parent.parent})",
          flush=True)
    if len(snapshots) == 2:
        for stat in snapshots[1].compare_to(snapshots[0], "lineno")[:15]:
            print("   ", stat)


def main(argv: list[str]) -> None:
    if argv and argv[0].startswith("--child-"):
        child(argv)
        return
    if argv and argv[0] == "--import-memory":
        import_memory(int(argv[1]), "--trace" in argv)
        return
    profile, memory = "--profile" in argv, "--memory" in argv
    values = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--rounds")]
    count = int(values[-1]) if values else 2000
    print(f"the import's writer, {count} articles; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if "--against" in argv:
            rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 2
            against(argv[argv.index("--against") + 1], count, rounds, folder)
            return
        pickled = folder / "highlighted.pickle"
        start = time.process_time()
        highlight_to(pickled, count, folder)
        print(f"highlighted once: {time.process_time() - start:.1f} s CPU  load {os.getloadavg()[0]:.2f}",
              flush=True)
        plain = baseline(pickled, folder)
        print(f"baseline, plain insert_articles   {1000 * plain / count:6.3f} ms/article CPU  "
              f"load {os.getloadavg()[0]:.2f}", flush=True)
        profiler = cProfile.Profile() if profile else None
        rss_before = rss_mb()
        inserting, writing, done = write(pickled, folder, profiler, memory)
        print(f"writer: insert_article           {1000 * inserting / done:6.3f} ms/article CPU\n"
              f"writer: write_new                {1000 * writing / done:6.3f} ms/article CPU\n"
              f"writer: together                 {1000 * (inserting + writing) / done:6.3f} ms/article CPU "
              f"= {(inserting + writing) / plain:.1f}x the baseline  load {os.getloadavg()[0]:.2f}  "
              f"RSS {rss_before:.0f} -> {rss_mb():.0f} MB", flush=True)
        if profiler is not None:
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv[1:])
