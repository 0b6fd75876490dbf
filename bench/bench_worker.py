"""What a highlighting worker spends per article outside the claim rules,
part by part, in one process (CPU time, process_time): the baseline (bare
``spacy.blank("de")`` tokenizing), highlighting with the tokens, the
claims' facts, rendering the first export's lines, and pickling what
travels between the writer and the workers (bytes per article, and who
pays: the writer or a worker).

Usage: python bench/bench_worker.py [--feed seeds|fresh] [N]   (default: seeds 400)
       python bench/bench_worker.py --growth [--feed fresh] [--marks 10000,30000,60000] [--trace] N

``--growth``: what ONE import worker runs, in this process, over N articles
(default feed: fresh): ``highlight_batch`` on batches of BATCH new articles
(tokens and facts, as an import asks) and a ``render_job`` per batch (the
rows of one sample batch imported once: rendering keeps nothing per word).
At each mark: RSS, CPU per article over the stretch, the sizes of the
caches that grow with distinct words, glibc's heap (mallinfo2) and
Python's allocated blocks; with ``--trace``, tracemalloc's top growing
lines between the first mark and each later one (tracemalloc slows the run
~2x and adds its own memory to RSS: read RSS from a run without it).

It also runs on the code before the third round (no packed claims, render
jobs of records), so that both can be measured in one session.

The articles are imported once in this process (highlighted here) so that
the render job gets the records the import's writer would send. Each part
runs over the same N articles after a warm-up of 200 others; the load
average is printed beside the figures (CPU time is inflated on a busy
machine, the ratios much less).
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

WARM = 200


def cpu(fn, repeat: int = 3) -> tuple[float, object]:
    """The least CPU time of ``repeat`` runs of ``fn()``, and its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        result = fn()
        best = min(best, time.process_time() - started)
    return best, result


def main(argv: list[str]) -> None:
    if argv[:1] == ["--growth"]:
        growth(argv[1:])
        return
    feed_kind = "seeds"
    if argv[:1] == ["--feed"]:
        feed_kind, argv = argv[1], argv[2:]
    count = int(argv[0]) if argv else 400
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CACHE_HOME"] = str(folder)  # a fresh token cache
    from feeds import write_feed

    write_feed(feed_kind, folder / "all.jsonl", count + WARM)
    rows = [json.loads(line) for line in (folder / "all.jsonl").open(encoding="utf-8")]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[WARM:]),
                                       encoding="utf-8")
    texts = [r["text"] for r in rows[WARM:]]
    parts(feed_kind, folder, texts, [r["text"] for r in rows[:WARM]])


def parts(feed_kind: str, folder: Path, texts: list[str], warm: list[str]) -> None:
    import spacy

    from annotator.core.export.import_lines import OPTIONS, render_job
    from annotator.core.highlight import load_highlighter
    from annotator.core.new_suggestions import claim_facts
    from annotator.core.parallel_highlight import highlight_with

    count = len(texts)
    blank = spacy.blank("de")
    list(blank.pipe(warm))
    bare, _ = cpu(lambda: [len(doc) for doc in blank.pipe(texts, batch_size=256)], repeat=1)
    highlighter = load_highlighter("blank")
    highlight_with(highlighter, True, warm, [None] * len(warm))  # warm the caches
    highlight, found = cpu(lambda: highlight_with(highlighter, True, texts), repeat=1)
    facts_cpu, facts = cpu(lambda: [claim_facts(t, c, "2024-10-28") for t, (c, _, _) in zip(texts, found)])
    claims = sum(len(c) for c, _, _ in found)
    records, tokens, reading_cpu = _records(folder, highlighter, found)
    rows_cpu, _ = cpu(lambda: _index_rows(facts))
    render, lines = cpu(lambda: render_job(OPTIONS.format, records, _fresh(tokens)))
    ms = 1000 / count
    print(f"feed {feed_kind!r}, {count} articles, {claims / count:.1f} claims/article, "
          f"load {os.getloadavg()[0]:.1f}")
    print(f"  bare nlp.pipe(spacy.blank('de'))   {bare * ms:6.3f} ms/article CPU")
    print(f"  highlight with the tokens         {highlight * ms:6.3f} ms/article  ({highlight / bare:.1f}x bare)")
    print(f"  the claims' facts                 {facts_cpu * ms:6.3f} ms/article  "
          f"({1e6 * facts_cpu / max(claims, 1):.1f} us/claim)")
    print(f"  rendering the first export        {render * ms:6.3f} ms/article")
    from annotator.core import parallel_highlight

    pack = getattr(parallel_highlight, "pack_claims", list)  # list: the code before claims were packed
    results = [(pack(c), t, f) for (c, t, _), f in zip(found, facts)]  # what highlight_batch returns
    unpack = 0.0
    if hasattr(parallel_highlight, "unpack_claims"):
        unpack, _ = cpu(lambda: [parallel_highlight.unpack_claims(c) for c, _, _ in results])
    travel = [("texts + published (writer -> worker)", [texts, ["2024-10-28"] * count], "writer", "worker"),
              ("highlighting results (worker -> writer)", results, "worker", "writer"),
              ("render job (writer -> worker)", (OPTIONS.format, records, _fresh(tokens)), "writer", "worker"),
              ("rendered lines (worker -> writer)", lines, "worker", "writer")]
    worker = writer = 0.0
    for label, value, sender, receiver in travel:
        size, dumps, loads = _pickled(value)
        worker += (dumps if sender == "worker" else 0) + (loads if receiver == "worker" else 0)
        writer += (dumps if sender == "writer" else 0) + (loads if receiver == "writer" else 0)
        print(f"  pickle {label:<40} {size / count:8.0f} B/article  dumps {dumps * ms:.3f} ms, "
              f"loads {loads * ms:.3f} ms")
    writer += unpack
    print(f"  index rows of the facts (writer)   {rows_cpu * ms:6.3f} ms/article")
    print(f"  reading a render job (writer)      {reading_cpu * ms:6.3f} ms/article")
    print(f"  rebuilding the claims (writer)     {unpack * ms:6.3f} ms/article")
    print(f"  pickling: a worker {worker * ms:.3f} ms/article, the writer {writer * ms:.3f} ms/article "
          "(with rebuilding the claims)")
    print(f"  worker outside the rules (facts + render + its pickling): "
          f"{(facts_cpu + render + worker) * ms:.3f} ms/article  load {os.getloadavg()[0]:.1f}")
    print(f"  the writer's share of these parts (pickling, index rows, reading render jobs): "
          f"{(writer + rows_cpu + reading_cpu) * ms:.3f} ms/article")
    print(f"  both (what 2 cores share): {(facts_cpu + render + worker + writer + rows_cpu + reading_cpu) * ms:.3f} "
          f"ms/article, {(facts_cpu + render + worker + writer + rows_cpu + reading_cpu) / bare:.1f}x bare")


def _records(folder: Path, highlighter, found: list, name: str = "feed.jsonl") -> tuple[list, dict, float]:
    """What an import's writer sends to render, each article's tokens, and
    the writer's CPU time to read the former."""
    from annotator.core.export import reading
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    with Project.open(folder / "bench.sqlite") as project:
        import_paths(project, [folder / name], highlighter=highlighter, workers=0)
        ids = [row[0] for row in project.db.conn.execute("select id from articles order by seq")]
        if hasattr(reading, "suggestion_rows"):
            def read():  # what the writer reads and sends
                return reading.suggestion_rows(project, ids)
        else:  # the code before: records
            from annotator.core.export.import_lines import OPTIONS

            selection = reading.resolve_selection(project, OPTIONS)

            def read():
                return list(reading.batch_records(project, selection, ids))
        reading_cpu, records = cpu(read)
    return records, {article_id: tokens for article_id, (_, tokens, _) in zip(ids, found)}, reading_cpu


def _index_rows(facts: list) -> list:
    """The writer's part of indexing the facts: the ids set, the rows made."""
    from annotator.core.corroboration.rows import facts_row

    rows = []
    for number, fact in enumerate(f for article in facts for f in article):
        for name, value in (("claim_id", f"s:{number}"), ("article_id", "a"), ("source_id", None)):
            object.__setattr__(fact, name, value)
        rows.append(facts_row(fact))
    return rows


def _fresh(tokens: dict) -> dict:
    """Copies without their rendered JSON (each render starts from offsets)."""
    from annotator.core.export.tokens import Tokens

    return {key: Tokens(t.starts, t.ends) for key, t in tokens.items()}


def _pickled(value) -> tuple[int, float, float]:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    dumps, _ = cpu(lambda: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    loads, _ = cpu(lambda: pickle.loads(data))
    return len(data), dumps, loads


# -- one worker's memory as an import grows (--growth) ---------------------------


def growth(argv: list[str]) -> None:
    options = {"--feed": "fresh", "--marks": "10000,30000,60000"}
    trace, rest = False, []
    while argv:
        if argv[0] == "--trace":
            trace, argv = True, argv[1:]
        elif argv[0] in options:
            options[argv[0]], argv = argv[1], argv[2:]
        else:
            rest, argv = rest + [argv[0]], argv[1:]
    count = int(rest[0]) if rest else 100_000
    marks = sorted({int(m) for m in options["--marks"].split(",") if m and int(m) < count} | {count})
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CACHE_HOME"] = str(folder)
    from feeds import write_feed

    write_feed(options["--feed"], folder / "feed.jsonl", count + WARM)  # the sample is the first of WARM
    from annotator.core.export.import_lines import OPTIONS, render_job
    from annotator.core.highlight import load_highlighter
    from annotator.core.parallel_highlight import BATCH, highlight_batch, spec_of

    highlighter = load_highlighter("blank")
    spec = spec_of(highlighter, with_tokens=True, with_facts=True)
    with (folder / "feed.jsonl").open(encoding="utf-8") as feed:
        sample = [json.loads(next(feed))["text"] for _ in range(BATCH)]
        (folder / "sample.jsonl").write_text(
            "".join(json.dumps({"id": f"s-{n}", "text": t}, ensure_ascii=False) + "\n" for n, t in enumerate(sample)),
            encoding="utf-8")
        found = highlight_with_tokens(highlighter, sample)
        records, tokens, _ = _records(folder, highlighter, found, "sample.jsonl")
        for _ in range(WARM // BATCH - 1):  # the rest of WARM (its first batch is the sample)
            highlight_batch(spec, [json.loads(next(feed))["text"] for _ in range(BATCH)], [None] * BATCH)
        if trace:
            import tracemalloc

            tracemalloc.start(1)
        print(f"one worker's job, feed {options['--feed']!r}, {count} articles in batches of {BATCH}, "
              f"trace {trace}, load {os.getloadavg()[0]:.1f}", flush=True)
        done, last_done, last_cpu, first = 0, 0, time.process_time(), None
        while done < count:
            texts = [json.loads(line)["text"] for _, line in zip(range(min(BATCH, count - done)), feed)]
            if not texts:
                break
            highlight_batch(spec, texts, [None] * len(texts))
            render_job(OPTIONS.format, records, _fresh(tokens))
            done += len(texts)
            if done >= marks[0]:
                marks.pop(0)
                per = 1000 * (time.process_time() - last_cpu) / (done - last_done)
                print(f"{done:>7} articles  RSS {_rss():6.1f} MB  CPU {per:5.2f} ms/article  {_caches(highlighter)}  "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
                if trace:
                    snapshot = tracemalloc.take_snapshot()
                    if first is None:
                        first = snapshot
                    else:
                        _growing(snapshot, first)
                last_done, last_cpu = done, time.process_time()


def highlight_with_tokens(highlighter, texts: list[str]) -> list:
    from annotator.core.parallel_highlight import highlight_with

    return highlight_with(highlighter, True, texts)


def _rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def _caches(highlighter) -> str:
    """The sizes of what grows with distinct words, and the heap's."""
    import ctypes
    import gc

    from annotator.core.corroboration import quantities, scan

    strings = highlighter.nlp.vocab.strings
    table = getattr(strings, "_map", None)  # its hash table: deleted cells stay until it doubles
    sizes = [f"strings {len(strings)}" + (f" (table {table.capacity} cells)" if table is not None else ""),
             f"vocab {len(highlighter.nlp.vocab)}"]
    from annotator.core.highlight.lexicons import load_lexicons

    kinds = getattr(load_lexicons(), "_noun_kinds", None)
    if kinds is not None:
        sizes.append(f"noun kinds {len(kinds)}")
    sizes += [f"scan._word {scan._word.cache_info().currsize}",
              f"concept_of {quantities.concept_of.cache_info().currsize}"]

    class Mallinfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                         "fsmblks", "uordblks", "fordblks", "keepcost")]
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = Mallinfo2
        info = libc.mallinfo2()
        sizes.append(f"malloc used {info.uordblks / 2**20:.0f} free {info.fordblks / 2**20:.0f} "
                     f"mmap {info.hblkhd / 2**20:.0f} MB")
    except (OSError, AttributeError):
        pass
    sizes.append(f"py blocks {sys.getallocatedblocks()}, objects {len(gc.get_objects())}")
    return ", ".join(sizes)


def _growing(snapshot, first, top: int = 12) -> None:
    for stat in snapshot.compare_to(first, "lineno")[:top]:
        print(f"      {stat.size_diff / 1024:+9.0f} KB {stat.count_diff:+8d} blocks  {stat.traceback[0]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
