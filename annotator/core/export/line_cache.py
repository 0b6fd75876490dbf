"""Rendered export lines kept between exports, so an article that has not
changed since the last export costs a file copy instead of a render.

Rendering a JSONL record (tokens, spans, hashes) costs ~0.4 ms per news
article in Python; copying its ~20 KB costs a few microseconds. ML
engineers export the same project again and again as review goes on, and
most articles are unchanged between two exports.

One cache per project and *variant* (format, layer, annotators, filters,
tokenizer, and the code that renders lines: anything else changes the
bytes). It is a folder in the user cache directory holding

- ``lines-N.pack``: the rendered lines, appended, never rewritten;
- ``index.sqlite``: per article (by its ``seq``) the stamp it was rendered
  under (the ``article_stamps`` table, renewed by triggers on every change
  to the article, its suggestions or annotations), where its lines are in
  the pack, and its counts for the dataset card.

An entry is used only when the article's stamp is the one recorded, so the
output is byte for byte what a fresh render gives (tests compare the two).
The pack is flushed to disk before the index that points into it is
committed. A cache that is missing, damaged, or in use by another export is
not used: that export renders everything, with the same result.

Disk space: about the size of one export per variant; the least recently
used caches beyond :data:`KEEP` are deleted, and ``annotator cache --clear``
(or deleting the folder) reclaims all of it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import NamedTuple

import platformdirs

from annotator.core.export.card import ArticleCounts

CACHE_VERSION = 2  # 2: ArticleCounts.stats a line per counter (card.stats_text)
KEEP = 6  # variant caches kept (most recently used first) across all projects
COMPACT_AT = 64 * 1024 * 1024  # a pack is rewritten only past this size, and when half is dead
_INDEX = "index.sqlite"
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def cache_root() -> Path:
    return Path(platformdirs.user_cache_dir("annotator", appauthor=False)) / "export-lines"


def variant_folder(project_uuid: str, variant: str) -> Path:
    digest = hashlib.sha256(variant.encode("utf-8")).hexdigest()[:20]
    return cache_root() / project_folder_name(project_uuid) / digest


def project_folder_name(project_uuid: str) -> str:
    """The project's folder in the cache: its UUID when it is one, else a
    hash of it. The UUID is data in the file; a crafted one ("../../x",
    "/dir") must never choose where the cache writes."""
    if _UUID.fullmatch(project_uuid):
        return project_uuid.lower()
    return "h-" + hashlib.sha256(project_uuid.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class CachedLines(NamedTuple):
    """Where an article's lines are in the pack, and its counts for the card."""

    offset: int
    length: int
    counts: ArticleCounts


class LineCache:
    """One variant's cache, held for the length of one export."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, pack_fd: int, pack_name: str):
        self.folder = folder
        self.conn = conn
        self.pack_fd = pack_fd
        self.pack_name = pack_name
        # Appends go to the end; anything past the committed end is lines of
        # a cancelled export, which no entry points to.
        self.pack_end = os.fstat(pack_fd).st_size

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, variant: str) -> LineCache | None:
        """The cache in ``folder``, locked for this export; None when it cannot
        be used (another export holds it, or it cannot be created). A damaged
        cache is deleted and started afresh."""
        try:
            return cls._open(folder, variant)
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return None  # another export is using it
            damaged = True
        except sqlite3.DatabaseError:
            damaged = True
        except OSError:
            return None
        if damaged:
            shutil.rmtree(folder, ignore_errors=True)
        try:
            return cls._open(folder, variant)
        except (OSError, sqlite3.Error):
            return None

    @classmethod
    def _open(cls, folder: Path, variant: str) -> LineCache:
        folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(folder / _INDEX), isolation_level=None, timeout=0)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # the pack is fsynced before each commit
            conn.execute("BEGIN IMMEDIATE")  # held until commit: one export per cache at a time
            conn.execute("CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS lines (seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL, "
                "stamp BLOB NOT NULL, pack_offset INTEGER NOT NULL, length INTEGER NOT NULL, "
                "records INTEGER NOT NULL, claims INTEGER NOT NULL, newest TEXT NOT NULL, "
                "stats TEXT NOT NULL)")
            info = dict(conn.execute("SELECT key, value FROM info"))
            pack_name = info.get("pack", "")
            pack_path = folder / pack_name
            committed_end = int(info.get("pack_end", "0"))
            if (info.get("variant") != variant or info.get("version") != str(CACHE_VERSION)
                    or not pack_path.is_file() or pack_path.stat().st_size < committed_end):
                # New; or another variant (a hash collision); or the pack lost
                # lines the index points to: start again with an empty pack.
                conn.execute("DELETE FROM lines")
                conn.execute("DELETE FROM info")
                pack_name = _next_pack_name(pack_name)
                for stale in folder.glob("*.pack"):
                    stale.unlink()
                info = {"variant": variant, "version": str(CACHE_VERSION), "pack": pack_name,
                        "pack_end": "0"}
                conn.executemany("INSERT INTO info VALUES (?, ?)", info.items())
            pack_fd = _open_pack(folder / pack_name, truncate=False)
        except BaseException:
            conn.close()
            raise
        return cls(folder, conn, pack_fd, pack_name)

    # -- reading ---------------------------------------------------------

    def lookup(self, articles: list[tuple[int, str, bytes]]) -> dict[int, CachedLines]:
        """Entries still valid for ``articles`` [(seq, id, stamp)], by seq."""
        if not articles:
            return {}
        wanted = {seq: (article_id, stamp) for seq, article_id, stamp in articles}
        rows = self.conn.execute(
            "SELECT seq, article_id, stamp, pack_offset, length, records, claims, newest, stats "
            "FROM lines WHERE seq BETWEEN ? AND ?", (articles[0][0], articles[-1][0]))
        found: dict[int, CachedLines] = {}
        for seq, article_id, stamp, offset, length, records, claims, newest, stats in rows:
            if wanted.get(seq) == (article_id, stamp):
                found[seq] = CachedLines(offset, length, ArticleCounts(records, claims, newest, stats))
        return found

    def get_info(self, key: str) -> str | None:
        """A note kept with the cache (e.g. the tokenizer's description, which
        otherwise costs loading spaCy)."""
        row = self.conn.execute("SELECT value FROM info WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_info(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", [key, value])

    # -- writing ---------------------------------------------------------

    def add(self, rendered: list[tuple[int, str, bytes, bytes, ArticleCounts]]) -> dict[int, CachedLines]:
        """Append freshly rendered articles [(seq, id, stamp, lines, counts)]
        to the pack (one write) and to the index, in the transaction the
        export commits at its end (so memory does not grow with the export)."""
        _write_all(self.pack_fd, b"".join(r[3] for r in rendered), self.pack_end)
        entries: dict[int, CachedLines] = {}
        rows = []
        offset = self.pack_end
        for seq, article_id, stamp, data, counts in rendered:
            length = len(data)
            entries[seq] = CachedLines(offset, length, counts)
            rows.append((seq, article_id, stamp, offset, length, *counts))
            offset += length
        self.conn.executemany("INSERT OR REPLACE INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.pack_end = offset
        return entries

    def commit(self) -> None:
        """Make the new entries durable: pack data first, then the index."""
        os.fsync(self.pack_fd)
        self.set_info("pack_end", str(self.pack_end))
        self.conn.execute("COMMIT")
        self._compact_if_wasteful()
        self.close()

    def close(self) -> None:
        """Release the cache; entries added since open are dropped unless committed."""
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None  # type: ignore[assignment]  # closed: nothing uses it after close()
        if self.pack_fd >= 0:
            os.close(self.pack_fd)
            self.pack_fd = -1
        try:
            os.utime(self.folder)  # recency, for eviction
        except OSError:
            pass

    def _compact_if_wasteful(self) -> None:
        """Rewrite the pack when most of it is lines no entry points to
        (articles changed since they were cached, or exports cancelled)."""
        live = self.conn.execute("SELECT coalesce(sum(length), 0) FROM lines").fetchone()[0]
        if self.pack_end < COMPACT_AT or self.pack_end <= 2 * live:
            return
        new_name = _next_pack_name(self.pack_name)
        new_fd = _open_pack(self.folder / new_name, truncate=True)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            # In article order, so the next export copies long runs at once;
            # lines already next to each other are copied together.
            moved, end, run = [], 0, None  # run: [source start, source end]
            for seq, offset, length in self.conn.execute(
                    "SELECT seq, pack_offset, length FROM lines ORDER BY seq").fetchall():
                if run is not None and run[1] == offset:
                    run[1] += length
                else:
                    if run is not None:
                        copy_range(self.pack_fd, new_fd, run[0], run[1] - run[0])
                    run = [offset, offset + length]
                moved.append((end, seq))
                end += length
            if run is not None:
                copy_range(self.pack_fd, new_fd, run[0], run[1] - run[0])
            os.fsync(new_fd)
            self.conn.executemany("UPDATE lines SET pack_offset = ? WHERE seq = ?", moved)
            self.set_info("pack", new_name)
            self.set_info("pack_end", str(end))
            self.conn.execute("COMMIT")
        except (OSError, sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            os.close(new_fd)
            (self.folder / new_name).unlink(missing_ok=True)
            return
        os.close(new_fd)
        (self.folder / self.pack_name).unlink(missing_ok=True)
        self.pack_name = new_name


def _next_pack_name(current: str) -> str:
    number = current.removeprefix("lines-").removesuffix(".pack")
    return f"lines-{int(number) + 1 if number.isdigit() else 1}.pack"


def _open_pack(path: Path, *, truncate: bool) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | (os.O_TRUNC if truncate else 0)
    return os.open(path, flags, 0o666)  # a data file: not executable (the umask applies)


def _pwrite(fd: int, data, offset: int) -> int:
    if hasattr(os, "pwrite"):
        return os.pwrite(fd, data, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # Windows has no pwrite; one export holds the pack
    return os.write(fd, data)


def _pread(fd: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)


def _write_all(fd: int, data, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = _pwrite(fd, view, offset)
        view, offset = view[written:], offset + written


def copy_range(src_fd: int, dst_fd: int, offset: int, length: int, dst_offset: int | None = None) -> None:
    """Copy ``length`` bytes at ``offset`` of one file into another, at
    ``dst_offset`` or at its current position. In the kernel where it can
    (copy_file_range: no trip through Python), else in 1 MB reads."""
    copier = getattr(os, "copy_file_range", None)
    while length > 0:
        copied = 0
        if copier is not None:
            try:
                copied = copier(src_fd, dst_fd, length, offset, dst_offset)
            except OSError:
                copier = None  # e.g. across file systems on old kernels
        if not copied:
            chunk = _pread(src_fd, min(length, 1 << 20), offset)
            if not chunk:
                raise OSError(f"export cache: {length} bytes missing at offset {offset}")
            if dst_offset is None:
                write_fd(dst_fd, chunk)
            else:
                _write_all(dst_fd, chunk, dst_offset)
            copied = len(chunk)
        offset += copied
        length -= copied
        if dst_offset is not None:
            dst_offset += copied


def write_fd(fd: int, data: bytes) -> None:
    """Write all of ``data`` at the file's position."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def evict(keep: int | None = None) -> None:
    """Delete all but the ``keep`` (default :data:`KEEP`) most recently used variant caches."""
    keep = KEEP if keep is None else keep
    root = cache_root()
    try:
        folders = [f for project in root.iterdir() if project.is_dir()
                   for f in project.iterdir() if f.is_dir()]
        folders.sort(key=lambda f: f.stat().st_mtime, reverse=True)
    except OSError:
        return
    for folder in folders[keep:]:
        shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.parent.rmdir()  # the project's folder, once empty
        except OSError:
            pass


def cache_size() -> int:
    """Bytes used by all export caches."""
    root = cache_root()
    if not root.exists():
        return 0
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def clear() -> None:
    shutil.rmtree(cache_root(), ignore_errors=True)
