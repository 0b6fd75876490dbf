"""Project metadata (identity, package and merge bookkeeping) and health checks."""

from __future__ import annotations


def get(db, key: str) -> str | None:
    row = db.execute("SELECT value FROM project_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def put(db, key: str, value: str) -> None:
    db.execute("INSERT INTO project_meta (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


def integrity_check(db) -> str:
    return db.execute("PRAGMA integrity_check").fetchone()[0]
