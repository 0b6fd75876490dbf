"""The source registry as an import's writer reads it: each lookup key, name
and entity read from the database once for the whole import, then answered
from memory.

Linking an article asks the registry ~6 lookups per mention; each went to
SQL (the key's ids, then per id the source, its aliases and redirects: a
source read was 3 queries). Over an import the same few hundred keys and
sources are asked again and again, so the writer kept them.

Why the memory stays true: the import holds the project's one write
transaction for its whole duration, so nobody else writes the registry
meanwhile, and the linker's only write, a new (proposed) source, goes
through :meth:`ImportRegistry.add`, which puts it into every cached answer
it belongs to and writes it before the registry next reads the database
(or at :meth:`~ImportRegistry.flush`, before the batch's links are written),
together with the other sources added meanwhile. Merges and removals never happen in an import;
:meth:`remove` still forgets everything. A rolled-back import drops the
object with its transaction. Memory: it remembers every key it was asked,
found or not, and on news each article brings new names, so the writer
forgets everything past ``REMEMBERED`` answers (the next lookups read the
database again; forgetting is always safe, see :meth:`remove`).

Most lookups on fresh news find nothing (a new name's keys: ~9 of them per
article, each a SELECT that finds no row, remembered for nothing). Once an
import has asked ``MISSES_BEFORE_BITMAP`` such questions, the writer reads
every key and name of the registry once into two bitmaps (:class:`Present`,
512 KB each, whatever the registry's size) and answers a key whose bit is
clear with "none" without SQL or memory; a set bit still asks the database,
so answers are the same. Sources added later set their bits.
"""

from __future__ import annotations

from annotator.core.hash_bitmap import Present
from annotator.core.sources.normalize import fold
from annotator.core.sources.registry import Source
from annotator.core.storage import sources as stored

REMEMBERED = 20_000  # answers kept (keys, names, sources, redirects): a few MB
MISSES_BEFORE_BITMAP = 1_000  # ~100 fresh articles: reading a large registry's keys then pays


class ImportRegistry(stored.StoredRegistry):
    """A :class:`StoredRegistry` that remembers what it read (see the module)."""

    def __init__(self, db):
        super().__init__(db)
        self._ids_by_key: dict[str, list[str]] = {}
        self._ids_by_name: dict[str, list[str]] = {}
        self._read: dict[str, Source | None] = {}  # id -> source as stored, None: gone
        self._resolved: dict[str, str] = {}
        self._misses = 0
        self._keys: Present | None = None  # the registry's keys and folded names, once read
        self._names: Present | None = None
        self._unwritten: list[tuple[Source, set[str]]] = []  # added, written at the next read or flush

    def add(self, source: Source) -> None:
        """Add a new source (the linker's proposal, its id a fresh uuid4):
        written with the others added before the next read of the database
        or :meth:`flush`, a statement per table instead of three per source."""
        keys = self.keys_of(source)
        self._unwritten.append((source, keys))
        if self._keys is not None and self._names is not None:
            for key in keys:
                self._keys.add(key)
            for name in source.names:
                self._names.add(fold(name))
        self._read.pop(source.id, None)  # read back once as stored (aliases in the store's order)
        self._room()
        self._resolved[source.id] = source.id  # a new id is no merged-away one: no redirect to read
        for key in keys:
            if key in self._ids_by_key and source.id not in self._ids_by_key[key]:
                self._ids_by_key[key].append(source.id)
        for name in {fold(n) for n in source.names}:
            found = self._ids_by_name.get(name)
            if found is not None and source.id not in found:
                found.append(source.id)
                found.sort()  # as stored.ids_named orders them

    def flush(self) -> None:
        """Write the sources added since the last flush, in the order added
        (before anything else reads the registry's tables, e.g. links to them)."""
        if self._unwritten:
            unwritten, self._unwritten = self._unwritten, []
            stored.put_new_many(self.db, unwritten)

    def remove(self, source_id: str) -> None:
        self.flush()
        stored.delete(self.db, source_id)
        self.forget()

    def get(self, source_id: str) -> Source:
        self.flush()
        return super().get(source_id)

    def __iter__(self):
        self.flush()
        return super().__iter__()

    def __len__(self) -> int:
        self.flush()
        return super().__len__()

    def forget(self) -> None:
        """Drop everything read so far (after a write that did not go through here)."""
        self._ids_by_key.clear()
        self._ids_by_name.clear()
        self._read.clear()
        self._resolved.clear()

    def remembered(self) -> int:
        """How many answers it holds."""
        return len(self._ids_by_key) + len(self._ids_by_name) + len(self._read) + len(self._resolved)

    def _room(self) -> None:
        """Before remembering a new answer: forget all once there are REMEMBERED."""
        if self.remembered() >= REMEMBERED:
            self.forget()

    def _source(self, source_id: str) -> Source | None:
        if source_id not in self._read:
            self._room()
            self.flush()
            self._read[source_id] = stored.get(self.db, source_id)
        return self._read[source_id]

    def _missed(self) -> None:
        """One more question that found nothing: past enough, read the bitmaps."""
        self._misses += 1
        if self._misses == MISSES_BEFORE_BITMAP:
            self.flush()
            self._keys = Present(r[0] for r in self.db.execute("SELECT key FROM source_keys"))
            self._names = Present(r[0] for r in self.db.execute(
                "SELECT folded FROM sources UNION ALL SELECT folded FROM source_aliases"))

    def lookup(self, key: str) -> list[Source]:
        ids = self._ids_by_key.get(key)
        if ids is None:
            if self._keys is not None and key not in self._keys:
                return []
            self._room()
            self.flush()
            ids = self._ids_by_key[key] = stored.ids_by_key(self.db, key)
            if not ids:
                self._missed()
        found = [self._source(i) for i in ids]
        return sorted((s for s in found if s is not None), key=lambda s: (s.created_at, s.id))

    def find(self, name: str) -> list[Source]:
        folded = fold(name)
        ids = self._ids_by_name.get(folded)
        if ids is None:
            if self._names is not None and folded not in self._names:
                return []
            self._room()
            self.flush()
            ids = self._ids_by_name[folded] = stored.ids_named(self.db, folded)
            if not ids:
                self._missed()
        return [s for s in (self._source(i) for i in ids) if s is not None]

    def resolve(self, source_id: str) -> str:
        """The id a (possibly merged-away) source id now is."""
        if source_id not in self._resolved:
            self._room()
            self.flush()
            self._resolved[source_id] = stored.resolve(self.db, source_id)
        return self._resolved[source_id]
