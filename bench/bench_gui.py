"""GUI performance on a generated project (targets from issue 4).

Usage: python bench/bench_gui.py [N ...]     (default: 10000 100000)
       python bench/bench_gui.py --background-import ARTICLES [N]   (the window's
       switch and key figures at N (100000) articles, without and then with an
       import of ARTICLES articles with highlighting running into another project)

For each N a project of N articles (~1,500 characters, 4 suggested claims
each, plus 20 long articles of 20,000 characters with 200 claims) is built
once in bench/out/ and reused. Figures printed per N:

* cold start: a fresh process, from launch to the first article shown
  (median of 3; target <= 1.5 s at 100,000), with the bytecode cached as
  an installed package has it, and without (PYTHONDONTWRITEBYTECODE=1);
  beside it the baseline, a bare Qt window with a text
* switching between long articles, p50/p95 (target p95 <= 50 ms)
* key press to committed annotation (accept, grade, source), p50/p95
  (target p95 <= 10 ms)
* resident memory after all of it (target <= 400 MB)
* the article list queries (count and page, with and without filters),
  because Project.article_summaries scans with correlated subqueries.

Runs with QT_QPA_PLATFORM=offscreen unless a platform is set.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
SEEDS = REPO.parent / "shared" / "seeds"
LONG_ARTICLES = 20
LONG_CHARS = 20_000
LONG_CLAIMS = 200
SHORT_CLAIMS = 4
ANNOTATOR = f"bench-{os.getpid()}"  # a fresh reviewer per run: every key really commits
BUILD_VERSION = 2  # bump when the generated projects change

FALLBACK = ("Der Sprecher des Ministeriums sagte, die Lage sei ruhig. Laut Geheimdienst "
            "sind etwa 12.000 Soldaten angekommen. Experten warnten vor einer Eskalation.")


# -- building the project --------------------------------------------------------------


def sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) \
        if SEEDS.is_dir() else FALLBACK
    parts = [s.strip() + "." for s in text.replace("\n", " ").split(". ") if len(s.strip()) > 20]
    return parts or [FALLBACK]


def compose(rng: random.Random, pool: list[str], number: int, chars: int) -> str:
    """Paragraphs of 3-6 sentences, like the seed articles."""
    body = [f"Meldung {number}."]
    length = len(body[0])
    while length < chars:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 6)))
        body.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(body)[:chars]


def claims_for(text: str, count: int):
    from annotator.core.models import Attribution, ClaimSuggestion, Span

    step = max(len(text) // count, 4)
    claims = []
    for n in range(count):
        start = n * step
        end = min(start + step * 3 // 4, len(text))
        cue = start + 2
        claims.append(ClaimSuggestion(start, end, source=Span(start, start + 2),
                                      cue=Span(cue, min(cue + 3, end)),
                                      attribution=Attribution.INDIRECT, score=0.5))
    return claims


def build(path: Path, count: int) -> None:
    from annotator.core.models import NewArticle
    from annotator.core.project import Project

    rng = random.Random(count)
    pool = sentences()
    long_every = max(count // LONG_ARTICLES, 1)
    started = time.perf_counter()
    with Project.open(path) as project:
        for begin in range(0, count, 5000):
            with project.transaction():
                for number in range(begin, min(begin + 5000, count)):
                    is_long = number % long_every == long_every // 2
                    text = compose(rng, pool, number, LONG_CHARS if is_long else 1500)
                    article_id, _ = project.insert_article(NewArticle(
                        text=text, title=f"Meldung {number}", outlet="Bench-Zeitung",
                        published=f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"))
                    claims = claims_for(text, LONG_CLAIMS if is_long else SHORT_CLAIMS)
                    project.replace_suggestions(article_id, claims, "bench", "1")
        project.set_meta("bench_articles", f"{count}-v{BUILD_VERSION}")
    print(f"  built {count:,} articles in {time.perf_counter() - started:.1f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)


def project_path(count: int) -> Path:
    from annotator.core.project import Project

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"gui-{count}.sqlite"
    if path.exists():
        with Project.open(path) as project:
            if project.meta("bench_articles") == f"{count}-v{BUILD_VERSION}":
                return path
        for stale in OUT.glob(f"gui-{count}.sqlite*"):
            stale.unlink()
    build(path, count)
    return path


def long_article_ids(path: Path) -> list[str]:
    from annotator.core.database import connect

    db = connect(path, readonly=True)
    try:
        return [r[0] for r in db.execute(
            "SELECT article_id FROM suggestions GROUP BY article_id HAVING count(*) >= ? "
            "LIMIT ?", [LONG_CLAIMS, LONG_ARTICLES])]
    finally:
        db.close()


# -- measuring ---------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_cold_start(db: str, settings_file: str) -> None:  # noqa: D401
    """Run in a fresh process: open the window and report when an article shows."""
    from PySide6.QtWidgets import QApplication

    from annotator.core.settings import Settings
    from annotator.gui.app import application, open_main_window

    app = application()
    window = open_main_window(Path(db), Settings(annotator=ANNOTATOR, path=Path(settings_file)))
    window.workspace.view.viewport().repaint()
    QApplication.processEvents()
    assert window.workspace.article_id is not None
    print(f"SHOWN {rss_mb():.1f} {time.process_time():.3f}", flush=True)
    app.quit()


def child_bare_window() -> None:
    """The baseline: a fresh process showing a bare Qt window with a text."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QPlainTextEdit(FALLBACK * 100)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    window.show()
    view.viewport().repaint()
    QApplication.processEvents()
    print(f"SHOWN {rss_mb():.1f} {time.process_time():.3f}", flush=True)
    app.quit()


def cold_start(db: Path | None, bytecode: bool = True) -> tuple[float, float, float]:
    """Median wall and CPU time to the first painted article (db None: the bare
    window). ``bytecode``: with the modules' bytecode cached (as pip installs a
    package; kept in a temporary folder, after one untimed start), else every
    module is compiled at start (PYTHONDONTWRITEBYTECODE=1, as in the dev venv)."""
    times, cpu, memory = [], [], 0.0
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update({"PYTHONPYCACHEPREFIX": f"{home}/pyc"} if bytecode else {"PYTHONDONTWRITEBYTECODE": "1"})
        for run in range(4 if bytecode else 3):
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, __file__, "--child-cold-start", str(db), f"{home}/s.json"]
                if db else [sys.executable, __file__, "--child-bare-window"],
                stdout=subprocess.PIPE, text=True, env=env)
            for line in child.stdout:
                if line.startswith("SHOWN") and (run > 0 or not bytecode):
                    times.append(time.perf_counter() - started)
                    memory = float(line.split()[1])
                    cpu.append(float(line.split()[2]))
                    break
            child.wait()
    return statistics.median(times), statistics.median(cpu), memory


def in_process(db: Path) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.core.models import Span
    from annotator.core.settings import Settings
    from annotator.gui.app import application, open_main_window

    app = application()
    with tempfile.TemporaryDirectory() as home:
        window = open_main_window(db, Settings(annotator=ANNOTATOR, path=Path(home) / "s.json"))
        window.activateWindow()
        deadline = time.monotonic() + 5
        while not window.isActiveWindow() and time.monotonic() < deadline:
            QApplication.processEvents()  # window shortcuts need an active window
        workspace, view = window.workspace, window.workspace.view
        ids = long_article_ids(db)

        # Switch: from the call until the article and its claims are painted.
        # Deferred work (the list selecting the row) runs between switches,
        # untimed; its cost is the "list query" figures below.
        switches, switch_cpu, after_cpu = [], [], []
        overview_switches: list[float] = []
        overview_cpu: list[float] = []
        for round_ in range(200):  # the second hundred with the overview mode (O) on
            if round_ == 100:
                view.set_overview(True)
            started, cpu = time.perf_counter(), time.process_time()
            workspace.open_article(ids[round_ % len(ids)])
            view.viewport().repaint()
            view.gutter.repaint()
            took = (time.perf_counter() - started) * 1000
            if round_ < 100:
                switches.append(took)
                switch_cpu.append((time.process_time() - cpu) * 1000)
            else:
                overview_switches.append(took)
                overview_cpu.append((time.process_time() - cpu) * 1000)
            after_cpu.append(idle_cpu(0.04))
        view.set_overview(False)

        # Key press to committed: until AnnotationChange.apply has returned
        # (the transaction is on disk); and until the window shows it.
        from annotator.core import commands

        committed_at: list[float] = []
        committed_cpu: list[float] = []
        apply = commands.AnnotationChange.apply

        def timed_apply(change, project):
            result = apply(change, project)
            committed_at.append(time.perf_counter())
            committed_cpu.append(time.process_time())
            return result

        commands.AnnotationChange.apply = timed_apply
        keys, shown, shown_cpu, keys_cpu = [], [], [], []
        workspace.open_article(ids[0])
        text = workspace.session.article.text
        plain = Qt.KeyboardModifier.NoModifier
        # accept (and move on), reliability B, credibility 3, source from a
        # selection: each commits one change; j moves on (not timed).
        presses = [("a", plain), (Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier),
                   ("3", plain), ("s", plain), ("j", plain)]
        log_before = len(window.project.change_log())
        for number in range(300):
            key, modifier = presses[number % len(presses)]
            if key == "s":
                start = workspace.session.current.span.start
                view.select_span(Span(start, min(start + 5, len(text))))
            started, cpu = time.perf_counter(), time.process_time()
            QTest.keyClick(view, key, modifier)
            if key != "j":
                shown.append((time.perf_counter() - started) * 1000)
                shown_cpu.append((time.process_time() - cpu) * 1000)
                keys.append((committed_at[-1] - started) * 1000)
                keys_cpu.append((committed_cpu[-1] - cpu) * 1000)
        commands.AnnotationChange.apply = apply
        annotations = window.project.count_annotations()
        log = len(window.project.change_log()) - log_before

        # Scroll the whole article list (the model pages; memory must stay flat).
        table = window.article_list.table
        rows = window.article_model.rowCount()
        for row in range(0, rows, max(rows // 50, 1)):
            table.scrollTo(window.article_model.index(row, 0))
            table.viewport().repaint()
        memory = rss_mb()
        window.close()
    del app
    return {"switch": switches, "overview_switch": overview_switches, "after_cpu": after_cpu,
            "overview_cpu": overview_cpu, "keys": keys, "keys_cpu": keys_cpu, "shown": shown, "memory": memory,
            "switch_cpu": switch_cpu, "shown_cpu": shown_cpu,
            "annotations": annotations, "log": log}


def idle_cpu(seconds: float) -> float:
    """Run the event loop for ``seconds`` without spinning (unlike ``settle``),
    and return the CPU milliseconds this process spent: the work the window
    left for after the paint (related claims, the list's row, the source
    entity, the docks' paints)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    cpu = time.process_time()
    loop.exec()
    return (time.process_time() - cpu) * 1000


def settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()


def list_queries(db: Path) -> list[tuple[str, float]]:
    from annotator.core.project import Project

    results = []
    with Project.open(db) as project:
        total = project.count_articles()

        def timed(label: str, call) -> None:
            started = time.perf_counter()
            call()
            results.append((label, (time.perf_counter() - started) * 1000))

        timed("count, no filter", lambda: project.count_summaries(annotator=ANNOTATOR))
        timed("page 1 (200 rows)", lambda: project.article_summaries(annotator=ANNOTATOR, limit=200))
        timed("page at the middle", lambda: project.article_summaries(
            annotator=ANNOTATOR, offset=total // 2, limit=200))
        timed("last page", lambda: project.article_summaries(
            annotator=ANNOTATOR, offset=total - 200, limit=200))
        timed("count, status=done", lambda: project.count_summaries(
            annotator=ANNOTATOR, status="done"))
        timed("page 1, status=in progress", lambda: project.article_summaries(
            annotator=ANNOTATOR, status="in progress", limit=200))
        timed("count, search 'Geheimdienst'", lambda: project.count_summaries(
            annotator=ANNOTATOR, search="Geheimdienst"))
        timed("project progress", lambda: project.progress(ANNOTATOR))
    return results


def run(count: int) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n== {count:,} articles ==  ({os.cpu_count()} CPUs, load average {load}: "
          "figures scale with other load on the machine)", flush=True)
    db = project_path(count)
    start, cpu, child_memory = cold_start(db)
    print(f"  cold start to first article shown: {start:.2f} s (median of 3; CPU time "
          f"{cpu:.2f} s; RSS then {child_memory:.0f} MB)", flush=True)
    start, cpu, _ = cold_start(db, bytecode=False)
    print(f"  the same without cached bytecode (every module compiled): {start:.2f} s "
          f"(CPU time {cpu:.2f} s)", flush=True)
    start, cpu, child_memory = cold_start(None)
    print(f"  baseline, a bare Qt window with a text: {start:.2f} s (CPU time {cpu:.2f} s; RSS "
          f"{child_memory:.0f} MB; load average now {os.getloadavg()[0]:.1f})", flush=True)
    child = subprocess.run([sys.executable, __file__, "--child-in-process", str(db)],
                           capture_output=True, text=True, check=True)
    print(child.stdout, end="", flush=True)
    for label, ms in list_queries(db):
        print(f"  list query {label:<32} {ms:8.1f} ms", flush=True)


def report_in_process(db: Path) -> None:
    figures = in_process(db)
    switch, keys = figures["switch"], figures["keys"]
    print(f"  switch to a {LONG_CHARS:,}-char article with {LONG_CLAIMS} claims: "
          f"p50 {percentile(switch, .5):.1f} ms, p95 {percentile(switch, .95):.1f} ms, "
          f"max {max(switch):.1f} ms ({len(switch)} switches); CPU time p50 "
          f"{percentile(figures['switch_cpu'], .5):.1f} ms, p95 "
          f"{percentile(figures['switch_cpu'], .95):.1f} ms")
    overview = figures["overview_switch"]
    print(f"  the same switches with the overview mode (O) on: p50 {percentile(overview, .5):.1f} ms, "
          f"p95 {percentile(overview, .95):.1f} ms, max {max(overview):.1f} ms; CPU time p50 "
          f"{percentile(figures['overview_cpu'], .5):.1f} ms, p95 "
          f"{percentile(figures['overview_cpu'], .95):.1f} ms")
    after = figures["after_cpu"]
    print(f"  the window's work left for after a switch (UI thread, within 40 ms): CPU p50 "
          f"{percentile(after, .5):.1f} ms, p95 {percentile(after, .95):.1f} ms "
          f"(load average {os.getloadavg()[0]:.1f})")
    shown = figures["shown"]
    print(f"  key press to committed annotation: p50 {percentile(keys, .5):.2f} ms, "
          f"p95 {percentile(keys, .95):.2f} ms, max {max(keys):.1f} ms ({len(keys)} keys; "
          f"{figures['log']} logged changes committed); CPU time p50 "
          f"{percentile(figures['keys_cpu'], .5):.2f} ms, p95 {percentile(figures['keys_cpu'], .95):.2f} ms")
    print(f"  key press to committed and shown:  p50 {percentile(shown, .5):.2f} ms, "
          f"p95 {percentile(shown, .95):.2f} ms, max {max(shown):.1f} ms; CPU time p50 "
          f"{percentile(figures['shown_cpu'], .5):.2f} ms, p95 "
          f"{percentile(figures['shown_cpu'], .95):.2f} ms")
    print(f"  resident memory after switching, reviewing and scrolling the list: "
          f"{figures['memory']:.0f} MB")


def with_background_import(count: int, articles: int) -> None:
    """The window's figures while ``bench_import.py`` imports ``articles``
    articles with highlighting (2 workers, at their lower priority) into
    another project, beside the same figures without it, in one run."""
    db = project_path(count)
    for label in ("no background work (baseline)", f"import of {articles:,} articles with highlighting running"):
        background = None
        if "running" in label:
            background = subprocess.Popen([sys.executable, str(Path(__file__).with_name("bench_import.py")),
                                           "--hl", "2", str(articles)], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)
            time.sleep(30)  # generating the feed, starting the workers: the import is then writing
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\n== {count:,} articles, {label} ==  (load average {load})", flush=True)
        child = subprocess.run([sys.executable, __file__, "--child-in-process", str(db)],
                               capture_output=True, text=True, check=True)
        print(child.stdout, end="", flush=True)
        if background is not None:
            still = background.poll() is None
            background.send_signal(signal.SIGINT)  # its workers die with it
            background.wait()
            print(f"  (the import was {'still running' if still else 'FINISHED before the end'} "
                  "when the window's figures were taken)", flush=True)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child-cold-start"]:
        child_cold_start(argv[1], argv[2])
        return
    if argv[:1] == ["--child-bare-window"]:
        child_bare_window()
        return
    if argv[:1] == ["--child-in-process"]:
        report_in_process(Path(argv[1]))
        return
    if argv[:1] == ["--background-import"]:
        with_background_import(int(argv[2]) if len(argv) > 2 else 100_000, int(argv[1]))
        return
    for count in [int(a) for a in argv] or [10_000, 100_000]:
        run(count)


if __name__ == "__main__":
    main(sys.argv[1:])
