"""Where the SQL is: only the storage modules, the schema and the database
file's own code talk to SQLite; the GUI never touches a connection."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.project import Project

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
SQL_HOMES = ("core/storage/", "core/schema.py", "core/database.py",
             # the export cache's own index databases are their own storage
             "core/export/line_cache.py", "core/export/token_cache.py")
TALKS_SQL = re.compile(r"\.execute(many|script)?\(|\bSELECT\s|\bINSERT\s+INTO\b|\bPRAGMA\s")


def test_no_module_outside_storage_writes_sql():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(SQL_HOMES):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TALKS_SQL.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


def test_the_gui_never_uses_the_project_connection():
    uses = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted((PACKAGE / "gui").rglob("*.py"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
            if "project.db" in line or ".db.conn" in line]
    assert uses == []


def test_the_busy_timeout_is_an_argument_of_open(tmp_path):
    with Project.open(tmp_path / "p.sqlite", busy_timeout_ms=3000) as project:
        assert project.db.execute("PRAGMA busy_timeout").fetchone()[0] == 3000
    with Project.open(tmp_path / "p.sqlite") as project:
        assert project.db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000

