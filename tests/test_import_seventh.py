"""Issue 19, seventh round: the import's CPU outside the rules, with outputs
byte for byte as before.

The dataset card counts each article's claims while its lines are rendered
(at import, in a worker, or by an export): the counts travel as one line of
JSON per counter. That JSON is written without json.dumps now, and must be
the very text json.dumps wrote, or a card built from lines rendered before
would differ from one rendered after."""

from __future__ import annotations

import json
from collections import Counter

from annotator.core.export.card import count_article, counter_json
from annotator.core.export.records import ExportArticle, ExportClaim, LayerRecord


def dumped(counter) -> str:
    return json.dumps(counter, sort_keys=True, separators=(",", ":"))


def test_a_counter_is_written_as_json_dumps_wrote_it():
    for counter in (Counter({"unreviewed": 12}), Counter({"SOURCE": 3, "CLAIM": 12, "CUE": 4}),
                    Counter({"Behörde \"X\"": 1, "B": 0, "a": -2, "\U0001f600\n": 1}),
                    Counter({"flagged": True}), Counter({3: 1}), Counter({"x": 1.5}), Counter()):
        assert counter_json(counter) == dumped(counter)


def claim(start, end, *, decision=None, source=None, cue=None, reliability=None, credibility=None,
          source_id=None, attribution="indirect", hedged=False):
    return ExportClaim(id=f"c{start}", decision=decision, start=start, end=end, source=source, cue=cue,
                       attribution=attribution, hedged=hedged, reliability=reliability,
                       credibility=credibility, source_id=source_id)


def test_an_articles_card_counts_are_those_of_every_record_and_claim():
    article = ExportArticle("a1", 1, "Text " * 40)
    first = LayerRecord(article, "anna", [
        claim(0, 10, source=(20, 25), cue=(26, 30), reliability="B", credibility=2, source_id="s1", hedged=True),
        claim(40, 50, decision="reject"),
        claim(60, 70, cue=(71, 75), source_id="s1", attribution="unattributed")], "2026-01-02", {"too_short": 2})
    second = LayerRecord(article, "ben", [claim(0, 10, decision="accept", source_id="s2")], "2026-01-03",
                         {"too_short": 1, "overlap": 0})
    counts = count_article([first, second])
    assert (counts.records, counts.claims, counts.newest) == (2, 4, "2026-01-03")
    lines = dict(line.split("\t") for line in counts.stats.splitlines())
    assert lines["hedged"] == "1"
    assert json.loads(lines["annotators"]) == {"anna": 1, "ben": 1}
    assert json.loads(lines["decisions"]) == {"unreviewed": 2, "reject": 1, "accept": 1}
    assert json.loads(lines["reliability"]) == {"B": 1, "-": 2}
    assert json.loads(lines["credibility"]) == {"2": 1, "-": 2}
    assert json.loads(lines["sources"]) == {"s1": 2, "s2": 1}
    assert json.loads(lines["left_out"]) == {"too_short": 3, "overlap": 0}
    assert json.loads(lines["labels"]) == {"CLAIM": 3, "SOURCE": 1, "CUE": 2}
    assert json.loads(lines["relations"]) == {"SOURCE_OF": 1, "CUE_OF": 2}
    assert list(lines) == ["hedged", "annotators", "decisions", "labels", "relations", "reliability",
                           "credibility", "source_types", "attributions", "sources", "left_out"]


def test_an_article_without_claims_counts_only_its_record():
    counts = count_article([LayerRecord(ExportArticle("a1", 1, "Text"), "anna", [], None)])
    assert counts.stats == 'hedged\t0\nannotators\t{"anna":1}'


# The import's writer proposes ~1.5 new sources per fresh article. Each was
# written at once, three statements per source (its row, aliases, keys); now
# the proposals wait in the import's registry and are written together, a
# statement per table, before anything reads the registry's tables again.


def test_proposed_sources_are_written_together_before_the_registry_is_read_again(project):
    from annotator.core.sources.registry import new_source
    from annotator.core.storage import sources as stored
    from annotator.core.storage.source_cache import ImportRegistry

    with project.transaction():
        registry = ImportRegistry(project.db)
        scholz = new_source("Olaf Scholz", created_by="@linker", aliases=["Kanzler Scholz"], confirmed=False)
        baerbock = new_source("Annalena Baerbock", created_by="@linker", confirmed=False)
        registry.add(scholz)
        registry.add(baerbock)
        statements: list[str] = []
        project.db.conn.set_trace_callback(statements.append)
        assert registry.resolve(scholz.id) == scholz.id  # known without reading (or writing) anything
        assert statements == []
        assert [s.id for s in registry.find("Kanzler Scholz")] == [scholz.id]  # a read writes them first
        project.db.conn.set_trace_callback(None)
        tables = [s.split()[2] if s.startswith("INSERT INTO") else s.split()[4] for s in statements
                  if s.startswith("INSERT")]
        # row by row as traced: both sources' rows, then the aliases, then every key
        assert tables[:3] == ["sources", "sources", "source_aliases"]
        assert set(tables[3:]) == {"source_keys"}
        assert stored.get(project.db, scholz.id) == scholz and stored.get(project.db, baerbock.id) == baerbock
        assert [r[0] for r in project.db.execute("SELECT id FROM sources ORDER BY rowid")] == [scholz.id, baerbock.id]
        for source in (scholz, baerbock):
            for key in registry.keys_of(source):
                assert source.id in stored.ids_by_key(project.db, key)


def test_an_import_writes_its_batchs_proposals_before_the_links_that_name_them(tmp_path):
    from annotator.core.highlight import load_highlighter
    from annotator.core.importer import import_paths
    from annotator.core.project import Project
    from tests.test_parallel_import import write_corpus

    with Project.open(tmp_path / "p.sqlite") as project:
        import_paths(project, [write_corpus(tmp_path / "feed.jsonl", copies=3)],
                     highlighter=load_highlighter("blank"), workers=0)
        linked = project.db.execute("SELECT count(*) FROM suggestion_sources WHERE source_id IS NOT NULL").fetchone()[0]
        dangling = project.db.execute("SELECT count(*) FROM suggestion_sources WHERE source_id IS NOT NULL AND "
                                      "source_id NOT IN (SELECT id FROM sources)").fetchone()[0]
        proposed = project.db.execute("SELECT count(*) FROM sources WHERE confirmed = 0").fetchone()[0]
    assert linked > 0 and proposed > 0 and dangling == 0
