"""What a highlighting worker spends per article outside the claim rules,
part by part, in one process (CPU time, process_time): the baseline (bare
``spacy.blank("de")`` tokenizing), highlighting with the tokens, the
claims' facts, rendering the first export's lines, and pickling what
travels between the writer and the workers (bytes per article, and who
pays: the writer or a worker).

Usage: python bench/bench_worker.py [--feed seeds|fresh] [N]   (default: seeds 400)

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


def _records(folder: Path, highlighter, found: list) -> tuple[list, dict]:
    """What an import's writer sends to render, each article's tokens, and
    the writer's CPU time to read the former."""
    from annotator.core.export import reading
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    with Project.open(folder / "bench.sqlite") as project:
        import_paths(project, [folder / "feed.jsonl"], highlighter=highlighter, workers=0)
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


if __name__ == "__main__":
    main(sys.argv[1:])
