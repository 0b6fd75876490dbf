"""Project metadata (identity, package and merge bookkeeping) and health checks."""

from __future__ import annotations


def get(db, key: str) -> str | None:
    # "+key": read the (tiny) table itself, not its index. A damaged index
    # page would otherwise hide the uuid, and opening would write a second.
    row = db.execute("SELECT value FROM project_meta WHERE +key = ?", [key]).fetchone()
    return row[0] if row else None


def put(db, key: str, value: str) -> None:
    db.execute("INSERT INTO project_meta (key, value) VALUES (?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


def integrity_check(db) -> str:
    return db.execute("PRAGMA integrity_check").fetchone()[0]


def data_version(db) -> int:
    """SQLite's count of commits by other connections, as this connection sees
    it: it changes when another process (or connection) wrote the file."""
    return db.execute("PRAGMA data_version").fetchone()[0]
