"""Memory and CPU of an import with highlighting as it grows: one import of
N articles on two workers, every process's resident memory and CPU time
printed at each mark (default 10,000, 30,000 and N), so that "memory flat
from 10,000 to 100,000 articles" is read off one run.

Usage: python bench/bench_import_memory.py [--feed seeds|fresh|numbers] [--input FILE]
                                           [--workers W] [--marks 10000,30000] [--against REV]
                                           [--recycle ARTICLES] [--normal-workers] N

Feeds: "seeds" and "fresh" are bench/feeds.py's; "numbers" is bench_import's
plain generator (random words and numbers: what the 100,000-article CLI runs
used, each article bringing ~10 new number strings). ``--input FILE`` reads
a JSONL feed written before (e.g. /tmp/big/feed.jsonl).

At each mark, for the writer (this process) and each worker: RSS now and its
peak so far (VmHWM), and CPU per article over the stretch since the last
mark (so a cost that grows with the import shows), beside the articles/s of
that stretch and the load average. CPU time is what the work costs; wall
time on a shared machine says little.

``--recycle ARTICLES``: renew the worker pool after it has highlighted
ARTICLES articles instead of ``parallel_highlight.RENEW_AFTER`` (0: never;
to see renewals within a short run, or the workers' growth without them).

``--normal-workers``: put the workers back to normal priority (the product
runs them in the idle scheduling class, so on a machine others keep busy
they get almost no CPU and a long import never ends; RSS and CPU per article
do not depend on it).

``--against REV``: the same import on the code of commit REV (``git archive``
into a temporary folder, run with ``PYTHONPATH`` pointing at it) and on this
tree, alternately, on the same input file: before/after in one run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def write_input(kind: str, path: Path, count: int) -> None:
    if kind == "numbers":
        from bench_import import generate

        generate(path, count)
    else:
        from feeds import write_feed

        write_feed(kind, path, count)


def workers_of(pid: int) -> list[int]:
    """The highlighting workers: this process's children started by
    multiprocessing's spawn, or the children of its forkserver (which
    forks the workers where the platform has one)."""
    found = []
    for child in _children(pid):
        command = _cmdline(child)
        if b"spawn_main" in command:
            found.append(child)
        elif b"multiprocessing.forkserver" in command:
            found += _children(child)
    return sorted(found)


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def sample(pid: int) -> tuple[float, float, float]:
    """(RSS MB, peak RSS MB, CPU s) of a process."""
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    kb = {line.split(":")[0]: int(line.split()[1]) for line in status if line.startswith(("VmRSS", "VmHWM"))}
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return kb["VmRSS"] / 1024, kb["VmHWM"] / 1024, (int(fields[11]) + int(fields[12])) / TICK


def malloc_heaps() -> str:
    """glibc's heaps in this process (malloc_info): the main one and one per
    arena that threads got (a new thread that finds no free arena gets a new
    one, which keeps what it freed), with the memory each holds from the system."""
    import ctypes
    import re

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.fdopen.restype = ctypes.c_void_p  # a FILE*: the default int would cut it
        with tempfile.TemporaryFile() as out:
            stream = libc.fdopen(os.dup(out.fileno()), b"w")
            libc.malloc_info(0, ctypes.c_void_p(stream))
            libc.fclose(ctypes.c_void_p(stream))
            out.seek(0)
            xml = out.read().decode()
    except (OSError, AttributeError):
        return ""
    sizes = [int(m) / 2**20 for m in re.findall(r'<heap nr="\d+">.*?<system type="current" size="(\d+)"/>', xml, re.S)]
    return f"heaps {len(sizes)}: " + "/".join(f"{size:.0f}" for size in sizes) + " MB"


class Marks:
    """Prints every process's figures when the import passes a mark."""

    def __init__(self, marks: list[int], label: str):
        self.marks, self.label = sorted(marks), label
        self.last_done, self.last_time = 0, time.perf_counter()
        self.last_cpu: dict[int, float] = {}
        self.started = self.last_time

    def passed(self, done: int) -> None:
        while self.marks and done >= self.marks[0]:
            self.marks.pop(0)
            self.report(done)

    def report(self, done: int) -> None:
        now, stretch = time.perf_counter(), done - self.last_done
        parts = []
        for name, pid in [("writer", os.getpid())] + [(f"worker{n + 1}", p) for n, p in
                                                       enumerate(workers_of(os.getpid()))]:
            try:
                rss, peak, cpu = sample(pid)
            except OSError:
                continue
            # by pid: a renewed pool's workers are new processes (their CPU counts from their start)
            per = 1000 * (cpu - self.last_cpu.get(pid, 0.0)) / stretch
            self.last_cpu[pid] = cpu
            parts.append(f"{name} {rss:4.0f} MB (peak {peak:4.0f}) CPU {per:5.2f} ms/article"
                         + (f" [{malloc_heaps()}]" if name == "writer" else ""))
        print(f"{self.label:6s} {done:>7} articles  {stretch / (now - self.last_time):5.0f}/s since the last mark  "
              + "  ".join(parts) + f"  load {os.getloadavg()[0]:.1f}", flush=True)
        self.last_done, self.last_time = done, now


def normal_priority_for_workers() -> None:
    """Every 0.2 s, this process's workers (renewed pools' too) back to the
    normal scheduling class at nice 0."""
    import threading

    def loop() -> None:
        while True:
            for pid in workers_of(os.getpid()):
                try:
                    os.sched_setscheduler(pid, os.SCHED_OTHER, os.sched_param(0))
                    os.setpriority(os.PRIO_PROCESS, pid, 0)
                except OSError:
                    pass
            time.sleep(0.2)

    threading.Thread(target=loop, daemon=True).start()


def run(feed: Path, count: int, workers: int, marks: list[int], label: str, recycle: str, normal: bool) -> None:
    """One import of ``feed`` with figures at each mark (in a child process of the bench)."""
    from annotator.core import import_highlighting, parallel_highlight

    if normal:
        normal_priority_for_workers()

    if recycle:
        if hasattr(parallel_highlight, "RENEW_AFTER"):
            parallel_highlight.RENEW_AFTER = int(recycle)
        else:  # the code before: jobs per pool (a highlighting job is 64 articles, plus a render job)
            parallel_highlight.RECYCLE_AFTER = 2 * int(recycle) // 64  # type: ignore[attr-defined]
    from annotator.core.highlight import load_highlighter
    from annotator.core.importer import import_paths
    from annotator.core.project import Project

    marker = Marks([m for m in marks if m < count] + [count], label)
    write = import_highlighting.HighlightingImport._write

    def written(self, fresh: list, results: list) -> None:
        write(self, fresh, results)
        marker.passed(self.highlighted)

    import_highlighting.HighlightingImport._write = written  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = folder  # a fresh token and line cache, removed afterwards
        with Project.open(Path(folder) / "memory.sqlite") as project:
            started = time.perf_counter()
            summary = import_paths(project, [feed], highlighter=load_highlighter("blank"), workers=workers)
            elapsed = time.perf_counter() - started
    import annotator

    print(f"{label:6s} {summary.highlighted:>7} articles in {elapsed:.1f} s = {summary.highlighted / elapsed:.0f}/s"
          f"  ({Path(annotator.__file__).parent.parent})", flush=True)


def in_tree(tree: Path | None, *args: str) -> None:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    subprocess.run([sys.executable, __file__, *args], env=env, check=True)


def main(argv: list[str]) -> None:
    options = {"--feed": "numbers", "--input": "", "--workers": "2", "--marks": "10000,30000", "--against": "",
               "--recycle": ""}
    rest, normal = [], False
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return
    while argv:
        if argv[0] == "--normal-workers":
            normal, argv = True, argv[1:]
        elif argv[0] in options:
            options[argv[0]], argv = argv[1], argv[2:]
        else:
            rest, argv = rest + [argv[0]], argv[1:]
    if rest[:1] == ["--child"]:
        run(Path(rest[1]), int(rest[2]), int(options["--workers"]),
            [int(m) for m in options["--marks"].split(",") if m], rest[3], options["--recycle"], normal)
        return
    count = int(rest[0]) if rest else 30000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        feed = Path(options["--input"]) if options["--input"] else folder / "feed.jsonl"
        if not options["--input"]:
            write_input(options["--feed"], feed, count)
        kind = "given" if options["--input"] else options["--feed"]
        print(f"import with highlighting, {count} articles of {feed} ({kind}), {options['--workers']} workers; "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}", flush=True)
        trees: list[tuple[str, Path | None]] = [("after", None)]
        if options["--against"]:
            before = folder / "before"
            before.mkdir()
            archive = subprocess.run(["git", "archive", options["--against"], "annotator"], cwd=ROOT, check=True,
                                     capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
            trees.insert(0, ("before", before))
        for label, tree in trees:
            in_tree(tree, "--workers", options["--workers"], "--marks", options["--marks"], "--recycle",
                    options["--recycle"], *(["--normal-workers"] if normal else []), "--child", str(feed), str(count),
                    label)


if __name__ == "__main__":
    main(sys.argv[1:])
