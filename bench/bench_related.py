"""Benchmark: the related-claims index (annotator.core.corroboration.index).

Targets (issue 15): the index for 100,000 articles builds in <= 60 s and is
updated incrementally at import; finding the related claims of the selected
claim takes <= 30 ms p95 at 100,000 articles.

Synthetic German-like articles, 5 claims each: sentences from templates
with names, places, organisations, nations, quantities with head nouns and
dates, filler words drawn from a Zipf distribution over 20,000 invented
words (so key frequencies look like a real corpus: a few very common, most
rare). Each size is built into a fresh project-like SQLite file.

Printed per size: parse (facts from claim text, CPU and wall), write (rows
+ one FTS rebuild), and beside it the baseline of writing the same rows to
a plain table without FTS; incremental import of single articles into the
built index (p50/p95 per article); lookup p50/p95 of related claims, and
beside it the baseline of fetching one claim's facts by key. The last
lines give how each grows from the smallest to the largest size.

    python bench/bench_related.py            # 10,000 and 100,000 articles
    python bench/bench_related.py --quick    # 1,000 and 10,000 articles
    python bench/bench_related.py --project bench/out/gui-100000.sqlite   # a real file's full build
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from annotator.core.corroboration.facts import describe_claim
from annotator.core.corroboration.index import ClaimIndex
from annotator.core.corroboration.rows import facts_row
from annotator.core.schema import migrations

CLAIMS_PER_ARTICLE = 5
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
NATIONS = ["nordkoreanische", "russische", "ukrainische", "deutsche", "amerikanische",
           "chinesische", "französische", "polnische", "türkische", "iranische"]
HEADS = ["Soldaten", "Helfer", "Menschen", "Beschäftigte", "Fahrzeuge", "Lastwagen", "Schiffe",
         "Wohnungen", "Schulen", "Flüchtlinge", "Patienten", "Stimmen", "Euro", "Prozent"]
QUALIFIERS = ["", "rund ", "etwa ", "mehr als ", "bis zu ", "über ", "knapp "]
TEMPLATES = [
    "{name} sagte, {nation} {noun} hätten {q} {head} nach {place} {verb}",
    "Laut {org} sollen am {day}. {month} {q} {nation} {head} in {place} {verb} worden sein",
    "{noun} {verb} die {noun2} in {place}, wie {name} {adj} mitteilte",
    "Nach Angaben von {org} wurden {q} {head} {adj} {verb}",
    "{name} warnte, dass {noun} und {noun2} in {place} {adj} {verb} könnten",
    "Die {noun} in {place} sei {adj}, erklärte {org} am {weekday}",
]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
SYLLABLES = ["ka", "ber", "lin", "to", "mar", "sch", "wei", "gen", "dor", "ra", "hal", "ten",
             "ost", "wald", "bur", "sta", "ni", "feld", "ro", "mun", "ler", "ba", "kir", "vel"]


def invented(rng: random.Random, n: int, capital: bool, parts: int = 3) -> list[str]:
    words = set()
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, parts)))
        words.add(w.capitalize() if capital else w)
    return sorted(words)


class Corpus:
    """Deterministic synthetic claims."""

    def __init__(self, seed: int = 15):
        rng = random.Random(seed)
        self.rng = rng
        self.nouns = invented(rng, 12_000, True, 4)
        self.words = invented(rng, 8_000, False, 4)
        self.names = [f"{a} {b}" for a, b in zip(invented(rng, 3_000, True), invented(rng, 3_000, True, 4))]
        self.places = invented(rng, 800, True)
        self.orgs = [f"dem {n}amt" for n in invented(rng, 300, True)]
        self.noun_cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.nouns))))
        self.word_cum = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.words))))

    def claim(self) -> str:
        rng = self.rng
        nouns = rng.choices(self.nouns, cum_weights=self.noun_cum, k=2)
        words = rng.choices(self.words, cum_weights=self.word_cum, k=2)
        return rng.choice(TEMPLATES).format(
            name=rng.choice(self.names), nation=rng.choice(NATIONS), noun=nouns[0], noun2=nouns[1],
            q=rng.choice(QUALIFIERS) + f"{rng.randint(2, 300) * 100:,}".replace(",", "."),
            head=rng.choice(HEADS), place=rng.choice(self.places), verb=words[0] + "t",
            adj=words[1] + "e", org=rng.choice(self.orgs), day=rng.randint(1, 28),
            month=rng.choice(MONTHS), weekday=rng.choice(WEEKDAYS),
        )

    def article(self, n: int) -> list[tuple[str, str, str]]:
        """(claim key, article id, text) of article number n."""
        return [(f"s:{n}:{i}", f"art-{n}", self.claim()) for i in range(CLAIMS_PER_ARTICLE)]


def describe(rows, published: str = "2024-10-30"):
    return [describe_claim(k, a, t, published=published) for k, a, t in rows]


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 2 else max(values)


def bench_size(articles: int, folder: Path) -> dict:
    corpus = Corpus()
    rows = [r for n in range(articles) for r in corpus.article(n)]
    wall, cpu = time.perf_counter(), time.process_time()
    facts = describe(rows)
    index_rows = [facts_row(f) for f in facts]  # what rows.index_rows gives an import worker
    out = {"parse": time.perf_counter() - wall, "parse_cpu": time.process_time() - cpu,
           "load": os.getloadavg()[0]}

    plain = sqlite3.connect(folder / f"plain-{articles}.sqlite")
    plain.execute("CREATE TABLE claim_facts (id INTEGER PRIMARY KEY, claim_key TEXT UNIQUE, "
                  "article_id TEXT, keys TEXT, facts TEXT)")
    start = time.perf_counter()
    with plain:
        plain.executemany("INSERT INTO claim_facts (claim_key, article_id, keys, facts) VALUES (?, ?, ?, ?)",
                          index_rows)
    out["baseline_write"] = time.perf_counter() - start
    plain.close()

    conn = sqlite3.connect(folder / f"index-{articles}.sqlite")
    migrations.apply(Database(conn))  # the project schema, index tables included
    index = ClaimIndex(conn)
    start, start_cpu = time.perf_counter(), time.process_time()
    with conn:
        index.add_rows(index_rows)
    out["write"], out["write_cpu"] = time.perf_counter() - start, time.process_time() - start_cpu

    per_article, per_article_cpu = [], []
    for n in range(articles, articles + 200):
        new = describe(corpus.article(n))
        start, start_cpu = time.perf_counter(), time.process_time()
        with conn:
            index.put_article(f"art-{n}", new)
        per_article.append((time.perf_counter() - start) * 1000)
        per_article_cpu.append((time.process_time() - start_cpu) * 1000)
    out["import_p50"], out["import_p95"] = percentile(per_article, 50), percentile(per_article, 95)
    out["import_cpu_p95"] = percentile(per_article_cpu, 95)

    rng = random.Random(7)
    keys = [rows[rng.randrange(len(rows))][0] for _ in range(300)]
    lookups, cpu, fetches, found = [], [], [], 0
    for key in keys:
        start = time.perf_counter()
        index.facts(key)
        fetches.append((time.perf_counter() - start) * 1000)
        start, start_cpu = time.perf_counter(), time.process_time()
        found += len(index.related(key))
        lookups.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    out.update(lookup_p50=percentile(lookups, 50), lookup_p95=percentile(lookups, 95),
               lookup_cpu_p95=percentile(cpu, 95),
               fetch_p95=percentile(fetches, 95), related_mean=found / len(keys), claims=len(rows))
    conn.close()
    return out


def bench_project(path: Path) -> None:
    """The full build of a real project file's index (reading its articles,
    suggestions and registry links too), on a copy: the file is not touched.
    In one process, then with the default worker processes."""
    import shutil

    from annotator.core.corroboration.project_claims import build_index
    from annotator.core.project import Project

    cores = os.cpu_count() or 1
    for workers in (1, None):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            with Project.open(copy, create=False) as project:
                articles = len(project.article_ids())
                load = os.getloadavg()[0]
                wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
                claims = build_index(project, workers=workers)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                children = _children_cpu() - children
        print(f"{path.name}: {articles:,} articles, {claims:,} claims, load average {load:.1f}, "
              f"{'1 process' if workers == 1 else f'worker processes on {cores} cores'}: "
              f"full build {wall:.1f} s wall, cpu {cpu:.1f} s here + {children:.1f} s in workers "
              f"({(cpu + children) / max(claims, 1) * 1e6:.0f} us a claim)", flush=True)


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 articles")
    parser.add_argument("--sizes", type=int, nargs="*", help="article counts")
    parser.add_argument("--project", type=Path, help="time the full build of this project's index (on a copy)")
    args = parser.parse_args()
    if args.project:
        bench_project(args.project)
        return
    sizes = args.sizes or ([1_000, 10_000] if args.quick else [10_000, 100_000])
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            r = results[size] = bench_size(size, Path(tmp))
            build = r["parse"] + r["write"]
            print(f"{size:>7,} articles ({r['claims']:,} claims), load average {r['load']:.1f}: "
                  f"build {build:6.1f} s wall, {r['parse_cpu'] + r['write_cpu']:5.1f} s cpu "
                  f"= parse {r['parse']:5.1f} s (cpu {r['parse_cpu']:5.1f} s, "
                  f"{r['parse_cpu'] / r['claims'] * 1e6:.0f} us a claim) "
                  f"+ write/FTS {r['write']:5.1f} s (cpu {r['write_cpu']:4.1f} s) "
                  f"[baseline: same rows without FTS {r['baseline_write']:5.1f} s]", flush=True)
            print(f"{'':>8} import one article: p50 {r['import_p50']:5.1f} ms, p95 {r['import_p95']:5.1f} ms "
                  f"(cpu p95 {r['import_cpu_p95']:4.1f} ms); "
                  f"related lookup: p50 {r['lookup_p50']:5.1f} ms, p95 {r['lookup_p95']:5.1f} ms "
                  f"(cpu p95 {r['lookup_cpu_p95']:4.1f} ms), "
                  f"{r['related_mean']:.1f} related per claim [baseline: fetch one claim p95 "
                  f"{r['fetch_p95']:.2f} ms]", flush=True)
    small, big = min(results), max(results)
    if small != big:
        grow = big / small
        rs, rb = results[small], results[big]
        print(f"growth {small:,} -> {big:,} articles (x{grow:.0f}): build "
              f"x{(rb['parse'] + rb['write']) / (rs['parse'] + rs['write']):.1f} wall, "
              f"x{(rb['parse_cpu'] + rb['write_cpu']) / (rs['parse_cpu'] + rs['write_cpu']):.1f} cpu, "
              f"lookup p95 x{rb['lookup_p95'] / rs['lookup_p95']:.1f}, "
              f"import p95 x{rb['import_p95'] / rs['import_p95']:.1f}")


if __name__ == "__main__":
    main()
