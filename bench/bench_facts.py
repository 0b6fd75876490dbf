"""The claims' facts (``new_suggestions.claim_facts``: what a worker parses
of each claim for the related-claims index) over a long run of fresh news,
where the word caches are full and a quarter of the words are new.

Usage: python bench/bench_facts.py [--feed fresh|seeds] [--against REV] [--rounds R] [N]   (default: fresh 6000)

The N articles are highlighted once (claims pickled); then, in a fresh
process per run, the facts of the first third warm the caches and the rest
is timed: CPU per article, the caches' misses, and a hash over every
prepared fact (so that before and after can be seen to give the same
facts). ``--against REV``: REV's code (``git archive``, ``PYTHONPATH``) and
this tree alternately, R rounds (default 3), on the same claims.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent


def highlight_to(pickled: Path, feed: str, count: int) -> None:
    from feeds import write_feed

    from annotator.core.highlight import load_highlighter
    from annotator.core.parallel_highlight import pack_claims

    source = pickled.with_suffix(".jsonl")
    write_feed(feed, source, count, 7)
    records = [json.loads(line) for line in source.open(encoding="utf-8")]
    texts = [r["text"] for r in records]
    found = load_highlighter("blank").pipe(texts)
    rows = [(t, pack_claims(list(c)), r.get("published")) for t, c, r in zip(texts, found, records)]
    pickled.write_bytes(pickle.dumps(rows))


def timed(pickled: Path, label: str) -> None:
    from annotator.core.corroboration import scan
    from annotator.core.new_suggestions import claim_facts
    from annotator.core.parallel_highlight import unpack_claims

    items = [(t, unpack_claims(c), p) for t, c, p in pickle.loads(pickled.read_bytes())]
    warm = len(items) // 3
    digest = hashlib.sha256()
    for text, claims, published in items[:warm]:
        claim_facts(text, claims, published)
    started = time.process_time()
    found = [claim_facts(text, claims, published) for text, claims, published in items[warm:]]
    spent = time.process_time() - started
    for facts in found:
        for fact in facts:
            digest.update(repr(fact.__reduce__()[1]).encode())
    info = scan._word.cache_info()
    print(f"{label:10s} facts {1000 * spent / (len(items) - warm):.2f} ms CPU/article over {len(items) - warm} "
          f"(after {warm}); word misses {info.misses} of {info.hits + info.misses}; "
          f"facts sha256 {digest.hexdigest()[:16]}  load {os.getloadavg()[0]:.1f}", flush=True)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        timed(Path(argv[1]), argv[2])
        return
    feed = argv[argv.index("--feed") + 1] if "--feed" in argv else "fresh"
    against = argv[argv.index("--against") + 1] if "--against" in argv else None
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else 3
    counts = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--rounds")]
    count = int(counts[0]) if counts else 6000
    with tempfile.TemporaryDirectory() as folder:
        pickled = Path(folder) / "claims.pkl"
        highlight_to(pickled, feed, count)
        trees: list[tuple[str, str | None]] = [("this", None)]
        if against:
            old = Path(folder) / "old"
            old.mkdir()
            archive = subprocess.run(["git", "archive", against, "annotator"], cwd=ROOT, check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            trees.insert(0, (against[:10], str(old)))
        for _ in range(rounds if against else 1):
            for label, tree in trees:
                env = {**os.environ, **({"PYTHONPATH": tree} if tree else {})}
                subprocess.run([sys.executable, __file__, "--child", str(pickled), label], check=True, env=env)


if __name__ == "__main__":
    main(sys.argv[1:])
