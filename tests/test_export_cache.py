"""An ML engineer exports again and again as review goes on: articles that
did not change since the last export are copied from the export cache, and
the files are byte for byte what a fresh render gives."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_helpers import seeded_project

from annotator.core.export import ExportOptions, export_project, line_cache
from annotator.core.export.variant import variant_key
from annotator.core.models import Annotation, ClaimSuggestion, Decision
from annotator.core.project import Project


@pytest.fixture
def reviewed(project, seed_paths):
    return seeded_project(project, seed_paths)


def export_files(project, folder: Path, name: str, **options) -> tuple[dict[str, bytes], object]:
    """Export into ``folder``; returns {file name: bytes} of the lines and the summary."""
    folder.mkdir(parents=True, exist_ok=True)
    summary = export_project(project, ExportOptions(**options), folder / name)
    return {p.name: p.read_bytes() for p in summary.files}, summary


def fresh_export(project, folder: Path, name: str, **options) -> dict[str, bytes]:
    return export_files(project, folder, name, line_cache=False, token_cache=False, **options)[0]


def cache_folder_of(project, **options) -> Path:
    return line_cache.variant_folder(project.uuid, variant_key(ExportOptions(**options)))


def stamp_of(project, article_id: str) -> bytes | None:
    row = project.db.execute("SELECT stamp FROM article_stamps WHERE article_id = ?", [article_id]).fetchone()
    return row[0] if row else None


def test_a_second_export_is_copied_from_the_cache_and_identical(reviewed, tmp_path):
    first, summary = export_files(reviewed, tmp_path / "a", "claims.jsonl")
    assert summary.reused == 0
    again, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")
    assert summary.reused == summary.articles == 5
    assert again == first == fresh_export(reviewed, tmp_path / "c", "claims.jsonl")


def test_only_the_edited_article_is_rendered_again(reviewed, tmp_path):
    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    annotation = reviewed.annotations(annotator="anna")[0]
    annotation.reliability, annotation.note = "E", "Quelle widerruft"
    reviewed.save_annotation(annotation)

    files, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")

    assert summary.reused == summary.articles - 1
    assert b"Quelle widerruft" in files["claims.jsonl"]
    assert files == fresh_export(reviewed, tmp_path / "c", "claims.jsonl")


@pytest.mark.parametrize("options", [
    {"format": "doccano"},
    {"split": {"train": 0.6, "dev": 0.4}, "seed": 3},
    {"layer": "best", "only_reviewed": True},
    {"layer": "suggestions"},
    {"annotators": ["ben"]},
], ids=["doccano", "split", "best-reviewed", "suggestions", "one-annotator"])
def test_every_variant_reuses_its_own_cache_correctly(reviewed, tmp_path, options):
    name = "claims.jsonl"
    first, _ = export_files(reviewed, tmp_path / "a", name, **options)
    reviewed.delete_annotation(reviewed.annotations(annotator="anna")[-1].id)
    again, summary = export_files(reviewed, tmp_path / "b", name, **options)
    assert summary.reused > 0
    assert again == fresh_export(reviewed, tmp_path / "c", name, **options)


def test_every_kind_of_change_renews_the_article_stamp(reviewed):
    article_id = reviewed.article_ids()[0]
    seen = {stamp_of(reviewed, article_id)}

    def changed() -> bool:
        stamp = stamp_of(reviewed, article_id)
        fresh = stamp not in seen
        seen.add(stamp)
        return fresh

    annotation = reviewed.annotations(article_id=article_id, annotator="anna")[0]
    annotation.credibility = 6
    reviewed.save_annotation(annotation)
    assert changed()
    reviewed.delete_annotation(annotation.id)
    assert changed()
    text = reviewed.article(article_id).text
    reviewed.save_annotation(Annotation(article_id=article_id, annotator="cara",
                                        decision=Decision.ACCEPT, start=0, end=min(20, len(text))),
                             span_rules=False)  # any stored span renews the stamp
    assert changed()
    reviewed.set_suggestions(article_id, [ClaimSuggestion(0, 10)], "rules", "0.2")
    assert changed()
    others = [stamp_of(reviewed, a) for a in reviewed.article_ids()[1:]]
    assert None not in others and len(set(others)) == len(others)


def test_a_copy_of_the_database_edited_apart_never_gets_the_other_copys_lines(reviewed, tmp_path):
    # Both copies share the project's uuid, so they share its export cache;
    # stamps are random, so an edit in one copy never matches the other's.
    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    copy_path = tmp_path / "copy.sqlite"
    reviewed.db.execute("VACUUM INTO ?", [str(copy_path)])
    with Project.open(copy_path, create=False) as copy:
        annotation = copy.annotations(annotator="anna")[0]
        annotation.note = "nur in der Kopie"
        copy.save_annotation(annotation)
        in_copy, _ = export_files(copy, tmp_path / "b", "claims.jsonl")
        assert in_copy == fresh_export(copy, tmp_path / "c", "claims.jsonl")
    annotation = reviewed.annotations(annotator="anna")[0]
    annotation.note = "nur im Original"
    reviewed.save_annotation(annotation)
    original, _ = export_files(reviewed, tmp_path / "d", "claims.jsonl")
    assert b"nur in der Kopie" not in original["claims.jsonl"]
    assert original == fresh_export(reviewed, tmp_path / "e", "claims.jsonl")


def test_a_damaged_cache_is_ignored_and_the_export_is_still_right(reviewed, tmp_path):
    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    folder = cache_folder_of(reviewed)
    for pack in folder.glob("*.pack"):
        with open(pack, "r+b") as handle:
            handle.truncate(100)  # lines lost, the index still points at them
    files, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")
    assert summary.reused == 0
    assert files == fresh_export(reviewed, tmp_path / "c", "claims.jsonl")

    (folder / "index.sqlite").write_bytes(b"not a database at all" * 100)
    for extra in folder.glob("index.sqlite-*"):
        extra.unlink()
    files, _ = export_files(reviewed, tmp_path / "d", "claims.jsonl")
    assert files == fresh_export(reviewed, tmp_path / "e", "claims.jsonl")


def test_an_export_while_another_holds_the_cache_renders_everything(reviewed, tmp_path):
    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    holder = sqlite3.connect(cache_folder_of(reviewed) / "index.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # as a running export does
    try:
        files, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")
    finally:
        holder.close()
    assert summary.reused == 0
    assert files == fresh_export(reviewed, tmp_path / "c", "claims.jsonl")


def test_a_cancelled_export_leaves_the_cache_consistent(reviewed, tmp_path):
    from annotator.core.export import ExportCancelled

    annotation = reviewed.annotations(annotator="anna")[0]
    annotation.note = "vor dem Abbruch"
    reviewed.save_annotation(annotation)
    with pytest.raises(ExportCancelled):
        export_project(reviewed, ExportOptions(), tmp_path / "x.jsonl", should_cancel=lambda: True)
    files, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")
    assert summary.reused == 0  # nothing of the cancelled export was kept
    assert files == fresh_export(reviewed, tmp_path / "c", "claims.jsonl")


def test_a_pack_mostly_of_replaced_lines_is_compacted(reviewed, tmp_path, monkeypatch):
    monkeypatch.setattr(line_cache, "COMPACT_AT", 0)
    annotation = reviewed.annotations(annotator="anna")[0]
    for round_ in range(4):
        for article_id in reviewed.article_ids():
            for a in reviewed.annotations(article_id=article_id, annotator="anna"):
                a.note = f"Runde {round_}"
                reviewed.save_annotation(a)
        files, _ = export_files(reviewed, tmp_path / f"r{round_}", "claims.jsonl")
    packs = list(cache_folder_of(reviewed).glob("*.pack"))
    assert len(packs) == 1 and packs[0].name != "lines-1.pack"
    assert packs[0].stat().st_size <= 2 * len(files["claims.jsonl"])
    again, summary = export_files(reviewed, tmp_path / "last", "claims.jsonl")
    assert summary.reused == summary.articles
    assert again == files == fresh_export(reviewed, tmp_path / "fresh", "claims.jsonl")
    assert annotation.id  # the story used real annotations


def test_old_caches_are_evicted(reviewed, tmp_path, monkeypatch):
    monkeypatch.setattr(line_cache, "KEEP", 2)
    for number, options in enumerate([{"annotators": ["anna"]}, {"annotators": ["ben"]},
                                      {"format": "doccano"}]):
        export_files(reviewed, tmp_path / str(number), "claims.jsonl", **options)
    kept = list((line_cache.cache_root() / reviewed.uuid).iterdir())
    assert len(kept) == 2
    assert not cache_folder_of(reviewed, annotators=["anna"]).exists()  # the oldest went


def test_no_cache_option_neither_reads_nor_writes_it(reviewed, tmp_path):
    _, summary = export_files(reviewed, tmp_path / "a", "claims.jsonl", line_cache=False)
    assert summary.reused == 0
    assert not line_cache.cache_root().exists()


def test_a_re_export_from_the_cache_does_not_load_spacy(reviewed, tmp_path):
    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    script = (
        "import sys\n"
        "from annotator.core.project import Project\n"
        "from annotator.core.export import ExportOptions, export_project\n"
        f"with Project.open({str(reviewed.path)!r}, create=False) as p:\n"
        f"    s = export_project(p, ExportOptions(), {str(tmp_path / 'b.jsonl')!r})\n"
        "print(s.reused, s.articles, 'spacy' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=os.environ.copy(), check=True)
    assert result.stdout.split() == ["5", "5", "False"]
    assert (tmp_path / "b.jsonl").read_bytes() == (tmp_path / "a" / "claims.jsonl").read_bytes()


# -- a property: whatever happens between exports, the cache never shows ------

EDITS = st.lists(st.tuples(st.sampled_from(["grade", "delete", "add", "suggest", "export"]),
                           st.integers(0, 4), st.integers(0, 5)), min_size=1, max_size=10)
VARIANTS = [{}, {"format": "doccano"}, {"layer": "best"}, {"layer": "suggestions"},
            {"split": {"a": 0.5, "b": 0.5}}]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS, variant=st.sampled_from(range(len(VARIANTS))))
def test_cached_exports_always_equal_fresh_ones(seed_paths, tmp_path_factory, edits, variant):
    folder = tmp_path_factory.mktemp("story")
    options = VARIANTS[variant]
    with Project.open(folder / "project.sqlite") as project:
        seeded_project(project, seed_paths)
        ids = project.article_ids()
        for step, (action, which, value) in enumerate(edits + [("export", 0, 0)]):
            article_id = ids[which]
            mine = project.annotations(article_id=article_id, annotator="anna")
            if action == "grade" and mine:
                mine[0].credibility = value + 1
                project.save_annotation(mine[0])
            elif action == "delete" and mine:
                project.delete_annotation(mine[-1].id)
            elif action == "add":
                # any stored span, also one from before the span rules
                project.save_annotation(Annotation(article_id=article_id, annotator="anna",
                                                   decision=Decision.ACCEPT, start=value, end=value + 7),
                                        span_rules=False)
            elif action == "suggest":
                project.set_suggestions(article_id, [ClaimSuggestion(value, value + 9)], "rules", "0.3")
            elif action == "export":
                name = "out.jsonl"
                cached = export_files(project, folder / f"cached{step}", name, **options)[0]
                assert cached == fresh_export(project, folder / f"fresh{step}", name, **options)
    shutil.rmtree(folder, ignore_errors=True)


def test_annotator_cache_command_shows_and_clears(reviewed, tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    export_files(reviewed, tmp_path / "a", "claims.jsonl")
    runner = CliRunner()
    shown = runner.invoke(main, ["cache"])
    assert shown.exit_code == 0, shown.output
    assert "export cache:" in shown.output and "token cache:" in shown.output
    assert "0.0 MB" not in shown.output.splitlines()[0]
    cleared = runner.invoke(main, ["cache", "--clear"])
    assert cleared.exit_code == 0 and not line_cache.cache_root().exists()
    _, summary = export_files(reviewed, tmp_path / "b", "claims.jsonl")
    assert summary.reused == 0


def test_cli_export_says_how_much_came_from_the_cache(reviewed, tmp_path):
    from click.testing import CliRunner

    from annotator.cli import main

    args = ["--db", str(reviewed.path), "export", "-q", "-o", str(tmp_path / "c.jsonl")]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "copied from the export cache" not in first.output
    second = CliRunner().invoke(main, args)
    assert "5 unchanged articles copied from the export cache, 0 rendered" in second.output
    fresh = CliRunner().invoke(main, [*args[:-2], "--no-cache", "-o", str(tmp_path / "d.jsonl")])
    assert fresh.exit_code == 0 and "copied" not in fresh.output
    assert (tmp_path / "c.jsonl").read_bytes() == (tmp_path / "d.jsonl").read_bytes()


def test_many_articles_to_render_are_rendered_in_worker_processes(reviewed, tmp_path, monkeypatch):
    # Lower the threshold so the five seed articles use the worker pool; the
    # lines must be those a single process renders, and the cache filled alike.
    from annotator.core.export import parallel

    started = []
    real_pool = parallel.RenderPool

    def recording_pool(*args, **kwargs):
        started.append(args[-1])
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr(parallel, "RenderPool", recording_pool)
    # batches of one article, so the pool's ordering is exercised
    monkeypatch.setattr("annotator.core.export.reading.iter_article_batches.__defaults__", (1,))
    for options in ({}, {"format": "doccano", "split": {"a": 0.5, "b": 0.5}}):
        monkeypatch.setattr(parallel, "START_AFTER", 10**9)
        alone = fresh_export(reviewed, tmp_path / f"alone{len(options)}", "claims.jsonl", **options)
        monkeypatch.setattr(parallel, "START_AFTER", 0)
        pooled, summary = export_files(reviewed, tmp_path / f"pooled{len(options)}", "claims.jsonl", **options)
        assert summary.reused == 0 and pooled == alone
        again, summary = export_files(reviewed, tmp_path / f"again{len(options)}", "claims.jsonl", **options)
        assert summary.reused == summary.articles and again == alone
    assert started == [2, 2]


def test_a_script_without_a_main_guard_renders_in_its_own_process(tmp_path, monkeypatch):
    # Spawned workers would run such a script again; guarded ones may use them.
    import types

    from annotator.core.export import parallel

    unguarded = tmp_path / "unguarded.py"
    unguarded.write_text("export_project(project, options, 'out.jsonl')\n", encoding="utf-8")
    guarded = tmp_path / "guarded.py"
    guarded.write_text("if __name__ == '__main__':\n    main()\n", encoding="utf-8")
    for path, safe in ((unguarded, False), (guarded, True)):
        main = types.ModuleType("__main__")
        main.__file__, main.__spec__ = str(path), None
        monkeypatch.setitem(sys.modules, "__main__", main)
        assert parallel.main_module_is_safe() is safe


def test_card_counts_stay_right_when_folded_in_steps(monkeypatch):
    # Many distinct articles' stats are folded in bounded steps: same totals.
    from collections import Counter

    from annotator.core.export import card
    from annotator.core.export.card import ArticleCounts, CardStats, stats_text

    def counts(n):
        counters = {name: Counter() for name in card._COUNTERS}
        counters["reliability"] = Counter({"ABCDEF"[n % 6]: 1})
        counters["annotators"] = Counter({f"a{n % 7}": 1, "tab\there": n % 3})
        return ArticleCounts(1, 2, f"2026-01-{1 + n % 28:02d}", stats_text(n % 2, counters))

    totals = []
    for fold_at in (10**9, 3):
        monkeypatch.setattr(card, "_FOLD_AT", fold_at)
        stats = CardStats()
        for n in range(100):
            stats.add_article("all", counts(n))
        stats.finish()
        assert len(stats._pending) == 0
        totals.append((stats.hedged, dict(stats.reliability), dict(stats.annotators), stats.claims,
                       stats.newest, dict(stats.records)))
    assert totals[0] == totals[1]
    assert totals[0][0] == 50 and sum(totals[0][1].values()) == 100
    assert totals[0][2]["tab\there"] == sum(n % 3 for n in range(100))  # user text in a key
