"""Files that are not ours stay untouched; ours are never left behind.

Another program's SQLite file, an empty file, a merge's inputs, the
leftovers of killed merges, exports and upgrades, file modes, the export
cache's path, a damaged database page, two processes upgrading at once."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core import schema
from annotator.core.export import line_cache
from annotator.core.project import Project


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def side_files(path: Path) -> list[str]:
    return [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]


def dead_pid() -> int:
    process = multiprocessing.get_context("spawn").Process(target=int)
    process.start()
    process.join()
    return process.pid


@pytest.fixture
def articles(tmp_path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Der Minister sagte, die Lage sei ernst."}\n'
                    '{"text": "Die Polizei erklärte, der Täter sei geflohen."}\n', encoding="utf-8")
    return path


def make_project(path: Path, articles: Path) -> Path:
    result = run("--db", str(path), "import", "--model", "blank", "-q", str(articles))
    assert result.exit_code == 0, result.output
    return path


def test_another_programs_sqlite_file_is_refused_before_anything_changes(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    conn.close()
    before = other.read_bytes()
    for args in (["info"], ["import", "--no-highlight", "x.txt"], ["articles"]):
        result = run("--db", str(other), *args)
        assert result.exit_code == 1 and "not an annotator project" in result.output, result.output
    assert other.read_bytes() == before  # still in rollback-journal mode: never switched to WAL
    assert side_files(other) == []


def test_an_empty_file_becomes_a_project_only_with_create(tmp_path, articles):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    result = run("--db", str(empty), "import", "--no-highlight", "-q", str(articles))
    assert result.exit_code == 1 and "empty file (0 bytes)" in result.output and "--create" in result.output
    assert empty.stat().st_size == 0 and side_files(empty) == []
    result = run("--db", str(empty), "--create", "import", "--no-highlight", "-q", str(articles))
    assert result.exit_code == 0 and "imported: 2" in result.output


def test_merge_leaves_its_inputs_byte_identical_without_wal_or_shm(tmp_path, articles):
    inputs = [make_project(tmp_path / f"in{i}.sqlite", articles) for i in range(2)]
    before = [p.read_bytes() for p in inputs]
    result = run("merge", *map(str, inputs), "-o", str(tmp_path / "out.sqlite"), "-q")
    assert result.exit_code == 0, result.output
    assert [p.read_bytes() for p in inputs] == before
    assert [side_files(p) for p in inputs] == [[], []]


def test_merge_into_a_folder_that_cannot_be_written_is_refused(tmp_path, articles):
    source = make_project(tmp_path / "in.sqlite", articles)
    blocker = tmp_path / "afile"
    blocker.write_text("a file where a folder should be")
    result = run("merge", str(source), "-o", str(blocker / "out.sqlite"))
    assert result.exit_code == 1 and "cannot write in" in result.output and "Traceback" not in result.output
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = run("merge", str(source), "-o", str(locked / "out.sqlite"))
        assert result.exit_code == 1 and "cannot write in" in result.output


def test_a_killed_merges_temporary_file_is_removed_by_the_next_merge(tmp_path, articles):
    source = make_project(tmp_path / "in.sqlite", articles)
    stale = tmp_path / f".out.sqlite.merging-{dead_pid()}"
    stale.write_bytes(b"half a database")
    Path(f"{stale}-journal").write_bytes(b"j")
    live = tmp_path / f".out.sqlite.merging-{os.getppid()}"  # a running process: not touched
    live.write_bytes(b"busy")
    result = run("merge", str(source), "-o", str(tmp_path / "out.sqlite"), "-q")
    assert result.exit_code == 0, result.output
    assert not stale.exists() and side_files(stale) == [] and live.exists()


def test_a_killed_exports_part_file_is_removed_and_modes_are_kept(tmp_path, articles):
    db = make_project(tmp_path / "p.sqlite", articles)
    out = tmp_path / "claims.jsonl"
    out.write_text("an older export")
    out.chmod(0o600)
    stale = tmp_path / f".claims.jsonl.{dead_pid()}-0123456789ab.part"
    stale.write_text("partial")
    result = run("--db", str(db), "export", "--layer", "suggestions", "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert out.stat().st_mode & 0o777 == 0o600


def test_an_upgrade_backup_is_complete_keeps_the_mode_and_stale_partial_ones_go(tmp_path):
    path = tmp_path / "old.sqlite"
    Project.open(path).close()
    path.chmod(0o600)
    stale = tmp_path / f".old.sqlite.backup-20260101T000000-before-m900.{dead_pid()}.part"
    stale.write_bytes(b"")  # a 0-byte "backup" of a killed upgrade
    Path(f"{stale}-journal").write_bytes(b"j")

    @schema.migrations(name="m900_test_only")
    def m900(db):
        db.execute("CREATE TABLE test_only (x INTEGER)")

    try:
        Project.open(path).close()
    finally:
        schema.migrations._migrations.pop()
    assert not stale.exists() and side_files(stale) == []
    [backup] = tmp_path.glob("old.sqlite.backup-*-before-m900_test_only")
    assert backup.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert not list(tmp_path.glob(".*.part"))


def _open_in_another_process(path: str, barrier) -> None:
    @schema.migrations(name="m900_test_only")
    def m900(db):
        db.execute("CREATE TABLE test_only (x INTEGER)")

    barrier.wait()
    Project.open(path).close()


def test_two_processes_upgrading_an_old_file_at_once_upgrade_it_once(tmp_path):
    path = tmp_path / "old.sqlite"
    Project.open(path).close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(3)
    workers = [context.Process(target=_open_in_another_process, args=(str(path), barrier))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert names.count("m900_test_only") == 1
    assert len(list(tmp_path.glob("old.sqlite.backup-*-before-m900_test_only"))) == 1


def test_a_crafted_project_uuid_never_chooses_the_cache_path(tmp_path):
    root = line_cache.cache_root()
    for crafted in ("../../x", "/dir", "..", "a/../../b", "\x00"):
        folder = line_cache.variant_folder(crafted, "jsonl")
        assert folder.resolve().is_relative_to(root.resolve()), crafted
        assert folder.parent.parent == root
    good = "123e4567-e89b-12d3-a456-426614174000"
    assert line_cache.variant_folder(good, "v").parent.name == good


def test_export_of_a_project_with_a_crafted_uuid_writes_inside_the_cache(tmp_path, articles):
    db = make_project(tmp_path / "p.sqlite", articles)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE project_meta SET value = '../../escaped' WHERE key = 'uuid'")
    conn.close()
    result = run("--db", str(db), "export", "--layer", "suggestions", "-o", str(tmp_path / "o.jsonl"), "-q")
    assert result.exit_code == 0, result.output
    root = line_cache.cache_root()
    assert not (root.parent.parent / "escaped").exists() and not (root / ".." / ".." / "escaped").exists()


@pytest.fixture
def damaged(tmp_path) -> Path:
    path = tmp_path / "damaged.sqlite"
    with Project.open(path) as project:
        from annotator.core.models import NewArticle

        with project.transaction():
            for i in range(300):
                project.insert_article(NewArticle(text=f"Artikel {i}. " + "Text. " * 300), "2026-01-01")
    data = bytearray(path.read_bytes())
    for page in (5, 6, 20, 21):  # table b-tree pages in the middle of the file
        data[(page - 1) * 16384 + 8:(page - 1) * 16384 + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("args", [["articles"], ["export", "--layer", "suggestions", "-q", "-o", "OUT"]])
def test_a_damaged_database_is_named_without_a_traceback(damaged, tmp_path, args):
    before = damaged.read_bytes()
    out = tmp_path / "out.jsonl"
    result = run("--db", str(damaged), *[str(out) if a == "OUT" else a for a in args])
    assert result.exit_code == 1, result.output
    assert f"{damaged}: the project database is damaged" in result.output
    assert damaged.read_bytes() == before and not out.exists()
    assert not list(tmp_path.glob(".out.jsonl.*"))
