"""Benchmark: merging annotators' databases.

Target: 10 databases of 10,000 annotated claims each merge in <= 10 s.
Prints the time for growing claim counts and database counts, so the
growth is visible (it should be close to linear in the total number of
annotations).

Each database is a copy of one lead project (5 suggested claims per
article) in which one annotator judged every claim, with a change-log
row per judgement, as the store writes it. Rows are written with SQL in
one transaction to build the inputs quickly; the merge itself is the
real code path.

    python bench/bench_merge.py            # full run (builds ~40 databases)
    python bench/bench_merge.py --quick    # smaller sizes
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from annotator.core.models import Annotation, Decision, NewArticle
from annotator.core.project import Project
from annotator.core.rows import annotation_to_row
from annotator.core.team.merge import merge_databases

CLAIMS_PER_ARTICLE = 5
SENTENCE = "Der Sprecher des Ministeriums sagte am Montag, die Lage sei weiterhin angespannt. "


def build_lead(path: Path, claims: int) -> None:
    with Project.open(path) as project, project.transaction():
        for number in range(claims // CLAIMS_PER_ARTICLE):
            text = f"Meldung {number}. " + SENTENCE * 12
            article_id, _ = project.insert_article(NewArticle(text=text, outlet="bench"))
            project.db.conn.executemany(
                'INSERT INTO suggestions (article_id, start, "end", attribution, created_at) '
                "VALUES (?, ?, ?, 'indirect', '2026-01-01T00:00:00+00:00')",
                [(article_id, 20 + 84 * k, 100 + 84 * k) for k in range(CLAIMS_PER_ARTICLE)])


def build_annotator_copy(lead: Path, path: Path, annotator: str, seed: int) -> None:
    shutil.copyfile(lead, path)
    rng = random.Random(seed)
    with Project.open(path) as project:
        project.set_meta("uuid", str(uuid.uuid4()))
        project.uuid = project.meta("uuid")
        rows = project.db.execute('SELECT id, article_id, start, "end" FROM suggestions').fetchall()
        with project.transaction():
            project.ensure_annotator(annotator)
            _insert_judgements(project, annotator, rows, rng)


def _insert_judgements(project: Project, annotator: str, suggestions: list, rng) -> None:
    annotations, log = [], []
    for number, (suggestion_id, article_id, start, end) in enumerate(suggestions):
        stamp = f"2026-02-01T10:{number // 60000 % 60:02d}:{number // 1000 % 60:02d}.{number % 1000:03d}000+00:00"
        a = Annotation(article_id=article_id, annotator=annotator, decision=Decision.ACCEPT,
                       start=start, end=end, reliability=rng.choice("ABCDEF"),
                       credibility=rng.randint(1, 6), suggestion_id=suggestion_id,
                       id=str(uuid.uuid4()), revision=1, created_at=stamp, updated_at=stamp,
                       origin_db=project.uuid)
        row = annotation_to_row(a)
        annotations.append(tuple(row.values()))
        log.append((a.id, annotator, stamp, "create", None, json.dumps(row), project.uuid))
    columns = ", ".join(f'"{c}"' for c in row)
    project.db.conn.executemany(
        f"INSERT INTO annotations ({columns}) VALUES ({', '.join('?' * len(row))})", annotations)
    project.db.conn.executemany(
        "INSERT INTO annotation_log (annotation_id, annotator, at, action, before, after, db_uuid) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", log)


def build_inputs(folder: Path, claims: int, databases: int) -> list[Path]:
    lead = folder / f"lead-{claims}.sqlite"
    if not lead.exists():
        build_lead(lead, claims)
    paths = []
    for k in range(databases):
        path = folder / f"ann{k}-{claims}.sqlite"
        if not path.exists():
            build_annotator_copy(lead, path, f"ann{k}", seed=k)
        paths.append(path)
    return paths


def time_merge(inputs: list[Path], output: Path) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds (CPU time says more on a busy machine)."""
    output.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    summary = merge_databases(inputs, output)
    return (time.perf_counter() - started, time.process_time() - cpu,
            sum(summary.annotations.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [500, 1000, 2000] if args.quick else [1000, 2500, 5000, 10000]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'databases':>9} {'claims/db':>9} {'annotations':>11} {'wall s':>8} "
              f"{'cpu s':>8} {'us/annotation':>13}  load")
        for claims in sizes:
            report(folder, claims, 10)
        for databases in (2, 5):
            report(folder, sizes[-1], databases)


def report(folder: Path, claims: int, databases: int) -> None:
    inputs = build_inputs(folder, claims, databases)
    seconds, cpu, annotations = time_merge(inputs, folder / "out.sqlite")
    load = os.getloadavg()[0]
    print(f"{databases:>9} {claims:>9} {annotations:>11} {seconds:>8.2f} {cpu:>8.2f} "
          f"{seconds / annotations * 1e6:>13.1f}  {load:.1f}", flush=True)


if __name__ == "__main__":
    main()
