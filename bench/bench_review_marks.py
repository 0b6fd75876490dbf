"""The article list's queries with the "checked, nothing to mark" term (issue 18).

Usage: python bench/bench_review_marks.py DB [BASELINE_REF]

The status rule now asks, per article, whether the reviewer checked it (an
indexed EXISTS on article_checks). This runs bench_gui's list queries on a
copy of DB (e.g. bench/out/gui-100000.sqlite from bench_gui.py) with this
checkout's code and, as the baseline in the same run, with the code of
BASELINE_REF (default: the commit before the review marks) checked out in a
temporary git worktree. Each side runs in its own process, 3 rounds; the
medians are printed side by side (ms).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = """
import json, sys
sys.path.insert(0, {bench!r})
import bench_gui
print(json.dumps(bench_gui.list_queries(__import__('pathlib').Path({db!r}))))
"""


def measure(code_root: Path, db: Path, rounds: int = 3) -> dict[str, float]:
    runs: dict[str, list[float]] = {}
    for _ in range(rounds):
        script = CHILD.format(bench=str(REPO / "bench"), db=str(db))
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(code_root), "PATH": "/usr/bin:/bin"}).stdout
        for label, ms in json.loads(out.strip().splitlines()[-1]):
            runs.setdefault(label, []).append(ms)
    return {label: statistics.median(values) for label, values in runs.items()}


def main(argv: list[str]) -> None:
    source = Path(argv[0])
    ref = argv[1] if len(argv) > 1 else "b1c3df0"
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        baseline_code = folder_path / "baseline"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(baseline_code), ref],
                       check=True, capture_output=True)
        try:
            shutil.copy(source, folder_path / "base.sqlite")
            shutil.copy(source, folder_path / "now.sqlite")
            base = measure(baseline_code, folder_path / "base.sqlite")
            now = measure(REPO, folder_path / "now.sqlite")
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(baseline_code)],
                           check=False, capture_output=True)
    print(f"{'query':32} {'baseline ms':>12} {'with checks ms':>15}")
    for label in base:
        print(f"{label:32} {base[label]:12.1f} {now[label]:15.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
