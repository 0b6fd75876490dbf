"""SQL of the learned models and lexicon entries (tables of m006_learned_models).

Derived data: written by ``annotator learn``, read when highlighting.  The
model body is stored as the model's own JSON text (with its checksum); it
is parsed and checked by ``annotator.core.learning.rescorer``, not here.
Writers run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

_MODEL_COLUMNS = "id, kind, version, body, counts, annotator, created_at"


def save_model(db, kind: str, version: str, body: bytes, counts: dict, annotator: str | None,
               created_at: str) -> int:
    """Store a trained model; returns its id (the newest id is the one in use)."""
    cursor = db.execute(
        "INSERT INTO learned_models (kind, version, body, counts, annotator, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [kind, version, body.decode("utf-8"), json.dumps(counts, sort_keys=True), annotator, created_at])
    return int(cursor.lastrowid)


def latest_model(db, kind: str = "rescorer") -> dict | None:
    """The newest model of ``kind`` as a dict (``body`` as bytes), or None."""
    row = db.execute(f"SELECT {_MODEL_COLUMNS} FROM learned_models WHERE kind = ? ORDER BY id DESC LIMIT 1",
                     [kind]).fetchone()
    if row is None:
        return None
    out = dict(zip(_MODEL_COLUMNS.split(", "), row))
    out["body"] = str(out["body"]).encode("utf-8")
    try:
        out["counts"] = json.loads(out["counts"])
    except (TypeError, json.JSONDecodeError):
        out["counts"] = {}
    return out


def count_models(db) -> int:
    return db.execute("SELECT count(*) FROM learned_models").fetchone()[0]


def replace_lexicon(db, entries: Iterable[tuple[str, str, int, str]], model_id: int | None,
                    updated_at: str) -> None:
    """The learned entries (kind, phrase, count, status) replace the old ones."""
    db.execute("DELETE FROM learned_lexicon")
    db.conn.executemany(
        "INSERT INTO learned_lexicon (kind, phrase, count, status, model_id, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(k, p, n, s, model_id, updated_at) for k, p, n, s in entries])


def lexicon(db) -> list[tuple[str, str, int, str]]:
    """All learned entries as (kind, phrase, count, status), most frequent first."""
    return [tuple(r) for r in db.execute(
        "SELECT kind, phrase, count, status FROM learned_lexicon ORDER BY kind, count DESC, phrase")]


def set_lexicon_status(db, kind: str, phrase: str, status: str, updated_at: str) -> bool:
    """A lead's verdict on one entry; False when there is no such entry."""
    cursor = db.execute("UPDATE learned_lexicon SET status = ?, updated_at = ? WHERE kind = ? AND phrase = ?",
                        [status, updated_at, kind, phrase])
    return cursor.rowcount > 0


def model_by_version(db, version: str, kind: str = "rescorer") -> dict | None:
    """The newest stored model with this version (as ``latest_model``), or None."""
    row = db.execute(f"SELECT {_MODEL_COLUMNS} FROM learned_models WHERE kind = ? AND version = ? "
                     "ORDER BY id DESC LIMIT 1", [kind, version]).fetchone()
    if row is None:
        return None
    out = dict(zip(_MODEL_COLUMNS.split(", "), row))
    out["body"] = str(out["body"]).encode("utf-8")
    return out
