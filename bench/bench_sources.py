#!/usr/bin/env python
"""Benchmark source linking against highlighting (target: linking adds
at most 10 % to import-with-highlighting time).

For the same articles, in the same run, it measures:

* the baseline: highlighting (``hl.highlight``) per article;
* linking: the suggestions' source mentions linked to a registry that
  grows as the articles' proposals are added (as an import does);
* how linking grows with the registry: the same articles linked against a
  registry pre-filled with 0 / 1,000 / 10,000 / 50,000 synthetic sources
  (index build time printed separately: it is paid once per import run).

Articles: the seeds (../shared/seeds), the demo corpus, and with --data the
SpkAtt-2023 training articles (they stay outside the repository).

* with ``--view``: the Sources view's queries (first page of sources,
  a search, a big source's claims, first page and deep) on synthetic
  projects, how they grow from 10,000 to 100,000 articles (targets:
  view opens <= 200 ms, a source's claims <= 100 ms).

* with ``--import ROUNDS``: the real import with highlighting (database-
  backed registry, proposals written) with and without linking.

Usage: python bench/bench_sources.py [--data DIR] [--limit N] [--sizes 0,1000,10000]
       python bench/bench_sources.py --data DIR --limit 300 --import 3
       python bench/bench_sources.py --view 10000:30000:3000,100000:300000:30000
Timings on a shared machine are noisy; compare the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "seeds"

from annotator.core.highlight import load_highlighter  # noqa: E402
from annotator.core.sources.linking import add_proposals, link_article, mentions_of  # noqa: E402
from annotator.core.sources.registry import Registry, new_source  # noqa: E402


def load_texts(data: Path | None, limit: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    demo = ROOT / "resources" / "demo" / "demo-articles.jsonl"
    texts += [json.loads(line)["text"] for line in demo.read_text(encoding="utf-8").splitlines() if line]
    if data is not None and data.is_dir():
        for f in sorted(data.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            texts.append("\n".join(" ".join(s["Tokens"]) for s in d["Sentences"]))
    return texts[:limit]


def synthetic_registry(n: int) -> tuple[Registry, float]:
    first = ("Anna", "Jurij", "Olena", "Mark", "Kim", "Lea", "Taras", "Ivan")
    nations = ("ukrainische", "russische", "polnische", "deutsche", "britische")
    roles = ("Geheimdienst", "Regierung", "Armee", "Ministerium")
    t0 = time.perf_counter()
    registry = Registry()
    for k in range(n):
        if k % 5 == 4:
            name = f"{nations[k % len(nations)]} {roles[k % len(roles)]} {k}"
        else:
            name = f"{first[k % len(first)]} Nachname{k}"
        registry.add(new_source(name, created_by="bench", created_at="2026-01-01T00:00:00"))
    return registry, time.perf_counter() - t0


def cold_caches() -> None:
    """Each run starts with empty word caches, as an import in a new process."""
    from annotator.core.sources import normalize
    from annotator.core.sources.rules import load_rules

    normalize._default_parse.cache_clear()
    normalize._default_name_key.cache_clear()
    normalize._default_variants.cache_clear()
    load_rules().memo.clear()


def link_all(articles, registry: Registry) -> tuple[float, int]:
    mentions = 0
    cold_caches()
    t0 = time.perf_counter()
    for text, suggestions in articles:
        found = [m for _, m in mentions_of(text, suggestions)]
        mentions += len(found)
        add_proposals(registry, link_article(found, registry))
    return time.perf_counter() - t0, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--sizes", default="0,1000,10000,50000")
    parser.add_argument("--import", dest="import_rounds", type=int, default=0,
                        help="Instead: the real import with and without linking, this many rounds each")
    parser.add_argument("--view", default="", help="Sources view sizes instead, e.g. "
                        "10000:30000:3000,100000:300000:30000 (articles:mentions:sources)")
    args = parser.parse_args()
    if args.view:
        view_bench([tuple(int(x) for x in size.split(":")) for size in args.view.split(",")])  # type: ignore
        return
    texts = load_texts(args.data, args.limit)
    if args.import_rounds:
        import_bench(texts, args.import_rounds)
        return
    hl = load_highlighter("blank")
    hl.highlight("Er sagte, es regne.")  # start-up is not part of either figure
    t0 = time.perf_counter()
    articles = [(t, hl.highlight(t)) for t in texts]
    highlight = time.perf_counter() - t0
    print(f"articles: {len(texts)}, characters: {sum(map(len, texts)):,}")
    print(f"baseline  highlighting: {highlight:8.3f} s  ({1000 * highlight / len(texts):.2f} ms/article)")
    for size in (int(s) for s in args.sizes.split(",")):
        registry, build = synthetic_registry(size)
        seconds, mentions = link_all(articles, registry)
        share = 100 * seconds / highlight
        print(f"linking, registry {size:>6,}: {seconds:8.3f} s  ({1000 * seconds / len(texts):.2f} ms/article, "
              f"{mentions} mentions)  = {share:5.1f} % of highlighting   [index build {build:.2f} s]")
    print("target: linking <= 10 % of import-with-highlighting")


# -- the Sources view on a large project (--view) -------------------------------------------


def build_view_project(path: Path, articles: int, mentions: int, sources: int) -> float:
    """A project of ``articles`` short articles with ``mentions`` suggested
    claims linked to ``sources`` sources, mentions Zipf-distributed (one
    source has a tenth of them, as Selenskyj would). Returns build seconds."""
    import random

    from annotator.core.models import ClaimSuggestion, NewArticle, Span
    from annotator.core.project import Project
    from annotator.core.sources.registry import Registry, new_source
    from annotator.core.storage import sources as stored
    from annotator.core.storage import suggestions

    t0 = time.perf_counter()
    rng = random.Random(7)
    weights = [1 / (rank + 1) for rank in range(sources)]
    text = "Der Sprecher sagte, die Lage sei ernst. " * 3
    with Project.open(path) as project, project.transaction():
        project.insert_articles([NewArticle(text=f"{k} {text}", title=f"Artikel {k}") for k in range(articles)],
                                "2026-01-01T00:00:00")
        ids = project.article_ids()
        keys_of = Registry().keys_of
        registry = [new_source(f"Quelle {k:06d}", created_by="bench", created_at="2026-01-01") for k in range(sources)]
        for s in registry:
            stored.put(project.db, s, keys_of(s))
        per_article = mentions // articles
        chosen = rng.choices(range(sources), weights=weights, k=per_article * articles)
        for n, article_id in enumerate(ids):
            claims = [ClaimSuggestion(10 + 40 * j, 38 + 40 * j, source=Span(10 + 40 * j, 22 + 40 * j))
                      for j in range(per_article)]
            suggestions.replace(project.db, article_id, claims, "bench", "1", "2026-01-01T00:00:00")
            stored_ids = [s.id for s in suggestions.for_article(project.db, article_id)]
            stored.link_suggestions(project.db, article_id, [
                (sid, registry[chosen[n * per_article + j]].id, 0.9, "bench")
                for j, sid in enumerate(stored_ids)])
    return time.perf_counter() - t0


def time_view(path: Path) -> None:
    from annotator.core.project import Project
    from annotator.core.sources import actions

    with Project.open(path) as project:
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            first = actions.page(project, limit=100)
            runs.append(time.perf_counter() - t0)
        print(f"  Sources view, first page of 100:      {1000 * min(runs):7.1f} ms (best of 5; target 200)")
        t0 = time.perf_counter()
        actions.page(project, limit=100, search="quelle 0001")
        print(f"  search 'quelle 0001', one page:       {1000 * (time.perf_counter() - t0):7.1f} ms")
        biggest = max(first, key=lambda s: s.claims)
        after, pages, t0 = None, 0, time.perf_counter()
        first_page = None
        while True:
            start = time.perf_counter()
            page = actions.claims_page(project, biggest.id, after=after, limit=100)
            first_page = first_page or time.perf_counter() - start
            pages += 1
            after = page.after
            if after is None:
                break
        last_page = time.perf_counter() - start
        print(f"  claims of {biggest.name} ({biggest.claims:,}): first page {1000 * first_page:6.1f} ms, "
              f"last ({pages:,}th) page {1000 * last_page:6.1f} ms (target 100); "
              f"all pages {time.perf_counter() - t0:.1f} s")


def import_bench(texts: list[str], rounds: int = 2) -> None:
    """The real import path (database-backed registry) with and without
    linking, alternating, same texts: what linking adds to an import."""
    import tempfile

    from annotator.core.importer import import_paths
    from annotator.core.project import Project
    from annotator.core.sources import actions

    folder = Path(tempfile.mkdtemp())
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    hl = load_highlighter("blank")
    hl.highlight("Er sagte, es regne.")
    real = actions.link_suggestions  # Project.replace_suggestions looks it up at each call
    times: dict[str, list[float]] = {"without linking": [], "with linking": []}
    for n in range(2 * rounds):
        label = "with linking" if n % 2 else "without linking"
        actions.link_suggestions = real if n % 2 else (lambda *args, **kwargs: None)
        cold_caches()
        with Project.open(folder / f"run{n}.sqlite") as project:
            t0 = time.perf_counter()
            import_paths(project, [source], highlighter=hl)
            times[label].append(time.perf_counter() - t0)
    actions.link_suggestions = real
    base, linked = min(times["without linking"]), min(times["with linking"])
    print(f"import with highlighting, {len(texts)} articles (best of {rounds}): {base:.2f} s without linking, "
          f"{linked:.2f} s with linking = +{100 * (linked - base) / base:.1f} % (target <= 10 %)")


def view_bench(sizes: list[tuple[int, int, int]]) -> None:
    import tempfile

    for articles, mentions, sources in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "view.sqlite"
            build = build_view_project(path, articles, mentions, sources)
            print(f"{articles:,} articles, {mentions:,} mentions, {sources:,} sources (built in {build:.0f} s):")
            time_view(path)


if __name__ == "__main__":
    main()
