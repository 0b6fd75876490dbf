"""A persistent cache of rendered tokens, so repeated exports skip spaCy.

Tokenizing and rendering Prodigy's "tokens" list costs about 1 ms per
news article; an article's text never changes, so the result is kept in
a SQLite file in the user cache folder, keyed by a hash of the exact text,
one file per tokenizer (its rules' fingerprint): a changed tokenizer
never reuses old tokens. Trade-off: disk space, about the size of the
"tokens" fields of an export (~50 bytes per token); delete the folder to
reclaim it. A cache that cannot be opened or read is ignored: the export
then tokenizes everything, and its output is the same.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from array import array
from pathlib import Path

import platformdirs

from annotator.core.export.tokens import Tokens, tokenize, tokenizer_fingerprint


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir("annotator", appauthor=False)) / "tokens"


def default_cache_path(fingerprint: str) -> Path:
    name = hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
    return cache_folder() / f"{name}.sqlite"


def cache_size() -> int:
    """Bytes used by the token caches."""
    folder = cache_folder()
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file()) if folder.is_dir() else 0


def clear() -> None:
    shutil.rmtree(cache_folder(), ignore_errors=True)


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class TokenCache:
    def __init__(self, path: Path):
        self.path = path
        self.conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
            self.conn.execute("PRAGMA journal_mode = TRUNCATE")  # fastest for bulk appends
            self.conn.execute("PRAGMA synchronous = OFF")  # a cache: losing it costs time only
            self.conn.execute("CREATE TABLE IF NOT EXISTS tokens (key BLOB PRIMARY KEY, "
                              "starts BLOB NOT NULL, ends BLOB NOT NULL, json TEXT NOT NULL)")
        except (OSError, sqlite3.Error):
            self.close()

    def get_many(self, keys: list[bytes]) -> dict[bytes, Tokens]:
        if self.conn is None or not keys:
            return {}
        try:
            rows = self.conn.execute(
                # As a BLOB: the UTF-8 bytes go into the export file as they
                # are, never decoded to str and encoded again.
                "SELECT key, starts, ends, CAST(json AS BLOB) FROM tokens "
                f"WHERE key IN ({','.join('?' * len(keys))})", keys).fetchall()
        except sqlite3.Error:
            self.close()
            return {}
        # json '' : offsets only (stored by the highlighter), rendered when exported
        return {key: Tokens(_ints(starts), _ints(ends), None, None, json or None)
                for key, starts, ends, json in rows}

    def put_many(self, items: dict[bytes, Tokens], texts: dict[bytes, str] | None) -> None:
        """``texts`` None: store the offsets only (compact; the JSON is
        rendered when an export needs it)."""
        if self.conn is None or not items:
            return
        rows = [(key, array("i", t.starts).tobytes(), array("i", t.ends).tobytes(),
                 t.to_json(texts[key]) if texts is not None else "")
                for key, t in items.items()]
        try:
            with self.conn:
                self.conn.execute("BEGIN")
                self.conn.executemany("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _ints(data: bytes) -> array:
    values = array("i")
    values.frombytes(data)
    return values


class TokenSource:
    """Tokens for batches of texts: from the cache where it has them, else
    from the tokenizer (and then stored in the cache)."""

    def __init__(self, use_cache: bool = True, fingerprint: str | None = None):
        """``fingerprint``: the tokenizer's, when known without loading spaCy
        (the export cache keeps it); else it is computed, which loads spaCy."""
        self.cache = None
        if use_cache:
            self.cache = TokenCache(default_cache_path(fingerprint or tokenizer_fingerprint()))

    def tokens_for(self, texts: dict[str, str]) -> dict[str, Tokens]:
        """``texts`` maps article id → text; returns article id → Tokens."""
        keys = {article_id: text_key(text) for article_id, text in texts.items()}
        found = self.cache.get_many(list(set(keys.values()))) if self.cache else {}
        missing = {key: texts[article_id] for article_id, key in keys.items() if key not in found}
        fresh = dict(zip(missing, tokenize(missing.values()))) if missing else {}
        if self.cache:
            self.cache.put_many(fresh, missing)
        found.update(fresh)
        return {article_id: found[key] for article_id, key in keys.items()}

    def close(self) -> None:
        if self.cache:
            self.cache.close()
