"""A reviewer's work survives the process being killed at any moment.

A writer process saves annotations one by one and prints "ack N" after each
save returns (that is when the GUI would show it as saved). We SIGKILL it at
random moments; every acknowledged write must be in the database, and the
database must pass SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.models import NewArticle
from annotator.core.project import Project

WRITER = textwrap.dedent("""
    import sys
    from annotator.core.models import Annotation, Decision
    from annotator.core.project import Project

    project = Project.open(sys.argv[1])
    article_id = sys.argv[2]
    start = int(sys.argv[3])
    for n in range(start, start + 100000):
        project.save_annotation(Annotation(article_id, "writer", Decision.ACCEPT, 0, 5,
                                           note=f"write {n}", credibility=1 + n % 6))
        print(f"ack {n}", flush=True)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_acknowledged_writes_survive_sigkill(tmp_path):
    path = tmp_path / "crash.sqlite"
    with Project.open(path) as project:
        article_id, _ = project.add_article(NewArticle(text="Laut Polizei ist alles ruhig."))
    rng = random.Random(2026)
    acknowledged: set[str] = set()
    start = 0
    for _ in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), article_id, str(start)],
                                  stdout=subprocess.PIPE, text=True)
        first = writer.stdout.readline()  # the writer is up and writing
        assert first.startswith("ack")
        time.sleep(rng.uniform(0.01, 0.3))
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate()
        acks = [line.split()[1] for line in (first + rest).splitlines() if line.startswith("ack")]
        acknowledged.update(f"write {n}" for n in acks)
        start = int(acks[-1]) + 1000

        with Project.open(path) as project:
            assert project.integrity_check() == "ok"
            stored = {a.note for a in project.annotations(article_id)}
            missing = acknowledged - stored
            assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
            logged = {e.after["note"] for e in project.change_log() if e.after}
            assert acknowledged <= logged
