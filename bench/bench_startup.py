"""Start-up time of the command line, beside a bare Python start.

Usage: python bench/bench_startup.py [--repeat N] [--checkout PATH]

Each command runs N times (default 7) in a fresh interpreter; the best and
the median wall time and the median CPU time (user + system) are printed. ``--checkout`` measures another source
tree (e.g. the main branch, for a before/after comparison in one run).
The baseline is ``python -c pass`` and ``python -c "import spacy"``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(argv: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, float]:
    """Best and median wall time, median CPU time (user + system) of the child:
    on a busy machine CPU time is the steadier figure."""
    times, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        # cwd: "python -m" puts the working directory first on sys.path, before
        # PYTHONPATH, so run from a neutral folder to measure --checkout's code
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=tempfile.gettempdir())
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(times), statistics.median(times), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--checkout", action="append", default=[],
                        help="source tree(s) to measure (default: this one)")
    args = parser.parse_args()
    checkouts = args.checkout or [str(Path(__file__).resolve().parent.parent)]
    py = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("Der Sprecher sagte, es sei gut.", encoding="utf-8")
        db = str(Path(folder) / "p.sqlite")
        subprocess.run([py, "-m", "annotator", "--db", db, "import", "--no-highlight", "-q", str(tiny)],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"load average {os.getloadavg()[0]:.2f}; wall best / median, CPU median of {args.repeat} runs")
        base = {**os.environ, "PYTHONPATH": ""}
        for label, argv in (("python -c pass", [py, "-c", "pass"]),
                            ("python -c 'import spacy'", [py, "-c", "import spacy"])):
            best, median, cpu = timed(argv, base, args.repeat)
            print(f"  {label:<38} {best:6.3f} s  {median:6.3f} s  CPU {cpu:6.3f} s  (baseline)")
        for checkout in checkouts:
            env = {**os.environ, "PYTHONPATH": checkout}
            print(f"{checkout}:")
            for label, extra in (("annotator --version", ["--version"]),
                                 ("annotator info", ["--db", db, "info"]),
                                 ("annotator highlight tiny.txt", ["highlight", str(tiny)])):
                best, median, cpu = timed([py, "-m", "annotator", *extra], env, args.repeat)
                print(f"  {label:<38} {best:6.3f} s  {median:6.3f} s  CPU {cpu:6.3f} s")


if __name__ == "__main__":
    main()
