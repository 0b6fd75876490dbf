"""An import's writer keeps the registry it read in memory for the whole
import (storage/source_cache.py). What it answers must be what the database
answers, also after the linker proposed new sources in between: a later
article's "Selenskyj" finds the source an earlier article proposed."""

from __future__ import annotations

from annotator.core.sources import actions
from annotator.core.sources.registry import new_source
from annotator.core.storage import sources as stored
from annotator.core.storage.source_cache import ImportRegistry


def answers(registry, names: list[str], keys: list[str]) -> tuple:
    return ([[s.id for s in registry.find(n)] for n in names],
            [[s.id for s in registry.lookup(k)] for k in keys])


def test_the_import_registry_answers_as_the_database_also_after_proposals(project):
    actions.create(project, "Wolodymyr Selenskyj", created_by="anna", aliases=["Selenski"])
    with project.transaction():
        cached, plain = ImportRegistry(project.db), stored.StoredRegistry(project.db)
        names = ["Wolodymyr Selenskyj", "selenski", "Olaf Scholz", "Scholz", "Kanzler Scholz"]
        keys = sorted({k for n in names for k in plain.keys_of(new_source(n, created_by="x"))})
        assert answers(cached, names, keys) == answers(plain, names, keys)  # now remembered
        proposed = new_source("Olaf Scholz", created_by="@linker", aliases=["Kanzler Scholz"], confirmed=False)
        cached.add(proposed)
        assert answers(cached, names, keys) == answers(plain, names, keys)
        assert [s.id for s in cached.find("kanzler scholz")] == [proposed.id]
        assert cached.find("Olaf Scholz")[0].aliases == plain.find("Olaf Scholz")[0].aliases


def test_removing_a_source_forgets_what_was_read(project):
    source = actions.create(project, "Annalena Baerbock", created_by="anna")
    with project.transaction():
        cached = ImportRegistry(project.db)
        assert [s.id for s in cached.find("Annalena Baerbock")] == [source.id]
        cached.remove(source.id)
        assert cached.find("Annalena Baerbock") == []
        assert cached.lookup("exact:annalena baerbock") == []


def test_a_source_the_import_proposes_is_stored_whole_and_its_id_needs_no_redirect_read(project):
    registry = ImportRegistry(project.db)
    source = new_source("Max Mustermann", created_by="linker", aliases=["Mustermann"], confirmed=False)
    registry.add(source)
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    assert registry.resolve(source.id) == source.id
    project.db.conn.set_trace_callback(None)
    assert statements == []
    registry.flush()  # proposals are written together, at the next read of the registry or a flush
    assert stored.get(project.db, source.id) == source
    for key in registry.keys_of(source):
        assert stored.ids_by_key(project.db, key) == [source.id]
