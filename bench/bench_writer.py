"""The import's writer alone: what one process spends per article writing a
highlighted batch (the article rows, the suggestion rows, the source links,
the related-claims index), with the highlighting done beforehand.

Usage: python bench/bench_writer.py [--profile] [--memory] [N]   (default N: 2000)

The articles (bench_import.generate_news: ~2,000 characters of shuffled
seed sentences) are highlighted once by the blank highlighter with their
claims' facts, as a worker sends them, and pickled to a temporary file batch
by batch. Then, in a fresh project and one transaction, as the import does:
per batch of 64, ``Project.insert_article`` for each article and
``new_suggestions.write_new``. Printed: CPU per article (process time) of
the inserts and of ``write_new``, beside the baseline measured in the same
run (the plain import's ``insert_articles`` of the same batches), and the
load average beside each figure.

``--profile``: a cProfile of the writes (top functions by own and
cumulative time). ``--memory``: RSS sampled per 1,000 articles, to see
whether the writer grows with the import (the input is streamed from the
pickle, so it does not count).
"""

from __future__ import annotations

import cProfile
import os
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
        for articles, results in batches(pickled):
            if profiler is not None:
                profiler.enable()
            start = time.process_time()
            ids = [project.insert_article(a, "2026-12-02T00:00:00+00:00")[0] for a in articles]
            middle = time.process_time()
            write_new(project, [FreshArticle(i, a.text, a.outlet, a.published, claims, facts)
                                for i, a, (claims, facts) in zip(ids, articles, results)], "blank", "1")
            end = time.process_time()
            if profiler is not None:
                profiler.disable()
            inserting, writing = inserting + middle - start, writing + end - middle
            before, done = done, done + len(articles)
            if memory and done // 1000 != before // 1000:
                print(f"  {done:6d} articles  RSS {rss_mb():6.1f} MB  writer CPU so far "
                      f"{1000 * (inserting + writing) / done:.2f} ms/article", flush=True)
    return inserting, writing, done


def main(argv: list[str]) -> None:
    profile, memory = "--profile" in argv, "--memory" in argv
    count = int(next((a for a in argv if a.isdigit()), "2000"))
    print(f"the import's writer, {count} articles; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
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
