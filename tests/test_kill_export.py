"""An export killed after its worker processes started leaves no process
behind (workers, resource tracker) and, by the next export, no stray file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from annotator.core.export import parallel
from annotator.core.models import NewArticle
from annotator.core.project import Project

SCRIPT = textwrap.dedent('''
    import sys
    from pathlib import Path

    from annotator.core.export import ExportOptions, export_project, parallel
    from annotator.core.project import Project

    if __name__ == "__main__":
        parallel.START_AFTER = 0  # workers at once
        with Project.open(sys.argv[1], create=False) as project:
            export_project(project, ExportOptions(layer="suggestions", token_cache=False,
                                                  line_cache=False), Path(sys.argv[2]))
''')

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or parallel.worker_count() == 0,
                                reason="needs /proc and two CPUs")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's reaping is left


@pytest.fixture
def big_project(tmp_path) -> Path:
    path = tmp_path / "big.sqlite"
    from annotator.core.models import ClaimSuggestion

    with Project.open(path) as project, project.transaction():
        for i in range(3000):
            text = f"Artikel {i}: Der Minister sagte, die Lage sei ernst. " * 20
            article_id, _ = project.insert_article(NewArticle(text=text), "2026-01-01")
            project.replace_suggestions(article_id, [ClaimSuggestion(start=20, end=48)], "test", "1")
    return path


def test_killing_an_export_kills_its_workers_and_the_next_export_cleans_up(big_project, tmp_path):
    script = tmp_path / "export_script.py"
    script.write_text(SCRIPT)
    out = tmp_path / "out.jsonl"
    exporter = subprocess.Popen([sys.executable, str(script), str(big_project), str(out)],
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and exporter.poll() is None:
            workers = children_of(exporter.pid)
            if len(workers) >= 2 and list(tmp_path.glob(".out.jsonl.*.part")):
                break
            time.sleep(0.05)
        assert exporter.poll() is None and len(workers) >= 2, "the export ended before its workers started"
        exporter.send_signal(signal.SIGKILL)
        exporter.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(alive(pid) for pid in workers):
            time.sleep(0.1)
        assert [pid for pid in workers if alive(pid)] == []
    finally:
        if exporter.poll() is None:
            exporter.kill()
    assert not out.exists()
    with Project.open(big_project, create=False) as project:
        from annotator.core.export import ExportOptions, export_project

        stale = list(tmp_path.glob(".out.jsonl.*.part"))
        assert stale, "the killed export left its temporary file (the next export removes it)"
        export_project(project, ExportOptions(layer="suggestions", token_cache=False, line_cache=False), out)
    assert out.exists() and not list(tmp_path.glob(".out.jsonl.*.part"))
