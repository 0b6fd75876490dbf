"""The realistic export benchmark (``bench_export.py --cli N``), and the
hardware baselines every export figure is read against.

A project is built the way the CLI figures of docs/benchmarks.md were: the
"numbers" feed of bench_import.py (~2,000 characters, ~10 claims per
article), imported with highlighting through the CLI (``annotator import
--workers 2``, which renders the first export's lines into the export
cache). Then, through the CLI, to one output path as a user would:

  first export   right after the import: every line copied from the cache
  re-export      nothing changed since: the same copy, over the last export

each beside the kernel doing the same amount of writing alone, in the same
memory and disk state (measured just before or after it):

  copy           ``copy_file_range`` of the export just written into a new
                 file (the fastest way Linux has to write those bytes)
  zeros          writing as many zero bytes, 1 MB per ``write`` (like dd)

A run prints wall time, articles/s, MB/s, user and system CPU, and the
dirty page cache before it (``Dirty`` in /proc/meminfo): what is still to
be written back to disk is what the kernel throttles writers on.

``--checkout TREE`` exports with that tree's code too, in turn with this
one's, from its own copy of the cache the import filled (the exporting
process is told this tree's code fingerprint, which otherwise starts a new
cache); their outputs are compared byte for byte. A tree whose cache format
(``line_cache.CACHE_VERSION``) differs renders its first export instead:
the "copied" column says how many articles came from the cache.
"""

from __future__ import annotations

import filecmp
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANNOTATOR = [str(Path(sys.executable).with_name("annotator"))]  # the venv's command
# Runs the CLI with the code fingerprint of the tree that rendered the cache.
PINNED = ("import sys\n"
          "import annotator.core.export.variant as variant\n"
          "fingerprint = sys.argv.pop(1)\n"
          "variant.code_fingerprint = lambda: fingerprint\n"
          "from annotator.cli import main\n"
          "sys.argv[0] = 'annotator'\n"
          "main()\n")


def dirty_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("Dirty:"):
            return int(line.split()[1]) // 1024
    return -1


def report(label: str, wall: float, user: float, system: float, size: int, articles: int,
           dirty: int, note: str = "") -> str:
    return (f"{articles:>8}  {label:<34} {wall:6.2f} s  {articles / wall:7.0f} articles/s  "
            f"{size / wall / 1e6:5.0f} MB/s  user {user:5.2f} sys {system:5.2f} s  "
            f"dirty before {dirty:5d} MB  load {os.getloadavg()[0]:3.1f}  {note}").rstrip()


def timed(work) -> tuple[float, float, float]:
    """Wall, user and system seconds of ``work()`` (this process and its children)."""
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    started = time.perf_counter()
    work()
    wall = time.perf_counter() - started
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    user = sum(a.ru_utime - b.ru_utime for a, b in zip(after, before))
    system = sum(a.ru_stime - b.ru_stime for a, b in zip(after, before))
    return wall, user, system


def copy_baseline(source: Path, articles: int) -> str:
    """The kernel copying ``source`` into a new file beside it (deleted after)."""
    target = source.with_name(".baseline-copy")
    dirty = dirty_mb()

    def copy() -> None:
        with source.open("rb") as src, target.open("wb") as dst:
            size, done = os.fstat(src.fileno()).st_size, 0
            while done < size:
                done += os.copy_file_range(src.fileno(), dst.fileno(), size - done, done, done)

    wall, user, system = timed(copy)
    target.unlink()
    return report("baseline: copy_file_range the file", wall, user, system, source.stat().st_size,
                  articles, dirty)


def zeros_baseline(folder: Path, size: int, articles: int) -> str:
    """Writing ``size`` zero bytes into a new file, 1 MB per write (deleted after)."""
    target = folder / ".baseline-zeros"
    dirty = dirty_mb()

    def write() -> None:
        block = bytes(1 << 20)
        with target.open("wb", buffering=0) as out:
            for start in range(0, size, len(block)):
                out.write(block[:size - start])

    wall, user, system = timed(write)
    target.unlink()
    return report("baseline: write zeros (dd)", wall, user, system, size, articles, dirty)


def build(folder: Path, count: int, env: dict) -> None:
    """The feed, and its highlighted import through the CLI."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_import import generate

    feed = folder / "feed.jsonl"
    generate(feed, count)
    wall, user, system = timed(lambda: subprocess.run(
        [*ANNOTATOR, "--db", str(folder / "project.sqlite"), "--create", "import", "-q",
         "--workers", "2", str(feed)], check=True, env=env, stdout=subprocess.DEVNULL))
    feed.unlink()
    print(f"{count:>8}  CLI import with highlighting (2 workers) {wall:7.1f} s  "
          f"{count / wall:5.0f} articles/s  user {user:6.1f} sys {system:5.1f} s", flush=True)


def export(folder: Path, out: Path, tree: Path, fingerprint: str, cache: Path) -> tuple:
    """Wall, user and system seconds of one CLI export, and how many articles it copied."""
    command = [sys.executable, "-c", PINNED, fingerprint, "--db", str(folder / "project.sqlite"),
               "export", "--layer", "suggestions", "-q", "-o", str(out)]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(tree)}
    said: list[str] = []
    wall, user, system = timed(lambda: said.append(subprocess.run(
        command, check=True, env=env, cwd=folder, capture_output=True, text=True).stdout))
    copied = re.search(r"(\d+) unchanged articles copied", said[0])
    return wall, user, system, copied.group(1) if copied else "0"


def run_cli(count: int, rounds: int, checkouts: list[Path]) -> None:
    from annotator.core.export.variant import code_fingerprint

    folder = Path(tempfile.mkdtemp(prefix=f"bench-export-cli-{count}-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "cache")}
    trees = [("this tree", REPO)] + [(str(c), c.resolve()) for c in checkouts]
    caches = {name: folder / ("cache" if n == 0 else f"cache-{n}") for n, (name, _) in enumerate(trees)}
    fingerprint = code_fingerprint()
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {folder}", flush=True)
    try:
        build(folder, count, env)
        for cache in caches.values():
            if not cache.exists():
                shutil.copytree(folder / "cache", cache)  # each tree's own: formats may differ
        pack = max((folder / "cache").rglob("*.pack"), key=lambda p: p.stat().st_size)
        print(zeros_baseline(folder, pack.stat().st_size, count), flush=True)
        outputs: dict[str, Path] = {}
        for round_ in range(rounds + 1):
            for name, tree in trees:
                out = outputs.setdefault(name, folder / f"claims-{len(outputs)}.jsonl")
                dirty = dirty_mb()
                wall, user, system, copied = export(folder, out, tree, fingerprint, caches[name])
                label = "first export" if round_ == 0 else "re-export"
                print(report(f"{label} ({name})", wall, user, system, out.stat().st_size, count,
                             dirty, f"copied {copied}"), flush=True)
                print(copy_baseline(out, count), flush=True)
        print(zeros_baseline(folder, pack.stat().st_size, count), flush=True)
        for name, out in outputs.items():
            same = filecmp.cmp(out, outputs["this tree"], shallow=False)
            print(f"output of {name}: {'byte-identical' if same else 'DIFFERS'}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
