"""A reviewer judges a related pair: corroborates, contradicts or unrelated.
The judgement is stored per annotator, logged, undoable and merged like
annotations."""

from __future__ import annotations

import pytest

from annotator.core.corroboration import judgements as j
from annotator.core.corroboration.judgements import ClaimRef, judge
from annotator.core.models import NewArticle
from annotator.core.project import Project
from annotator.core.storage import relations as store

A = ClaimRef("art-b", 10, 40)
B = ClaimRef("art-a", 0, 25)


def write(project, change, forward=True, now="2026-12-01T10:00:00+00:00"):
    with project.transaction():
        return j.write_state(project.db.conn, change.judgement_id,
                             change.after if forward else change.before, now=now, db_uuid=project.uuid)


def stamps(project):
    return dict(project.db.execute("SELECT article_id, stamp FROM article_stamps").fetchall())


@pytest.fixture
def two_articles(project):
    for name, text in (("art-a", "Laut Kirby sind 3.000 Soldaten in Russland."),
                       ("art-b", "Budanow sagte, 11.000 Soldaten seien in Russland.")):
        project.insert_article(NewArticle(text=text, external_id=name))
    return project


def test_a_judgement_is_stored_per_annotator_with_the_pair_in_one_order(project):
    change = judge(project.db.conn, "anna", A, B, "corroborates")
    stored = write(project, change)
    assert (stored.a, stored.b, stored.label, stored.revision) == (B, A, "corroborates", 1)
    assert judge(project.db.conn, "anna", B, A, "contradicts").judgement_id == change.judgement_id
    assert judge(project.db.conn, "ben", A, B, "contradicts").judgement_id != change.judgement_id
    assert [x.label for x in j.for_articles(project.db.conn, ["art-a"])] == ["corroborates"]


def test_changing_and_undoing_a_judgement_is_logged(project):
    write(project, judge(project.db.conn, "anna", A, B, "corroborates"))
    change = judge(project.db.conn, "anna", A, B, "contradicts")
    assert write(project, change, now="2026-12-01T10:01:00+00:00").label == "contradicts"
    undone = write(project, change, forward=False, now="2026-12-01T10:02:00+00:00")
    assert undone.label == "corroborates"
    log = store.judgement_log(project.db.conn, change.judgement_id)
    assert [e["action"] for e in log] == ["create", "update", "update"]
    withdraw = judge(project.db.conn, "anna", A, B, None)
    assert write(project, withdraw) is None
    assert j.stored(project.db.conn, change.judgement_id) is None
    assert store.judgement_log(project.db.conn, change.judgement_id)[-1]["action"] == "delete"


def test_a_judgement_renews_both_articles_export_stamps(two_articles):
    ids = sorted(two_articles.article_ids())
    first, second = ClaimRef(ids[0], 0, 10), ClaimRef(ids[1], 0, 10)
    before = stamps(two_articles)
    write(two_articles, judge(two_articles.db.conn, "anna", first, second, "contradicts"))
    after = stamps(two_articles)
    assert all(after[a] != before.get(a) for a in ids)


def test_only_known_labels_and_pairs_of_two_articles(project):
    with pytest.raises(ValueError):
        judge(project.db.conn, "anna", A, ClaimRef("art-b", 50, 60), "corroborates")
    with pytest.raises(ValueError):
        write(project, judge(project.db.conn, "anna", A, B, "maybe"))


def test_merging_keeps_the_newer_judgement_of_each_pair(tmp_path):
    with Project.open(tmp_path / "anna.sqlite") as anna, Project.open(tmp_path / "lead.sqlite") as lead:
        write(lead, judge(lead.db.conn, "anna", A, B, "corroborates"), now="2026-12-01T09:00:00+00:00")
        write(anna, judge(anna.db.conn, "anna", A, B, "contradicts"), now="2026-12-01T11:00:00+00:00")
        write(anna, judge(anna.db.conn, "anna", A, ClaimRef("art-c", 1, 2), "unrelated"))
        with lead.transaction():
            counts = j.merge_in(lead.db.conn, store.all_judgements(anna.db.conn),
                                now="2026-12-01T12:00:00+00:00", db_uuid=lead.uuid)
        assert counts == {"added": 1, "updated": 1, "unchanged": 0}
        labels = {(x.a, x.b): x.label for x in j.for_articles(lead.db.conn, ["art-a", "art-b", "art-c"])}
        assert labels[(B, A)] == "contradicts" and len(labels) == 2
        with lead.transaction():  # merging again changes nothing
            assert j.merge_in(lead.db.conn, store.all_judgements(anna.db.conn), now="x",
                              db_uuid=lead.uuid)["unchanged"] == 2


def test_merging_database_files_reads_them_without_changing_them(tmp_path):
    paths = []
    for name, label, now in (("anna", "corroborates", "2026-12-01T09:00:00+00:00"),
                             ("copy", "contradicts", "2026-12-01T11:00:00+00:00")):
        with Project.open(tmp_path / f"{name}.sqlite") as db:
            write(db, judge(db.db.conn, "anna", A, B, label), now=now)
        paths.append(tmp_path / f"{name}.sqlite")
    before = [p.read_bytes() for p in paths]
    with Project.open(tmp_path / "merged.sqlite") as merged, merged.transaction():
        counts = j.merge_files(merged.db.conn, paths, now="x", db_uuid=merged.uuid)
        assert counts == {"added": 1, "updated": 1, "unchanged": 0}
        assert j.for_articles(merged.db.conn, ["art-a"])[0].label == "contradicts"
    assert [p.read_bytes() for p in paths] == before


def test_an_exported_claim_carries_its_judged_pairs_and_the_proposal(two_articles):
    from annotator.core.corroboration.export_fields import judgements_by_article, related_fields

    ids = sorted(two_articles.article_ids())
    mine, first, second = ClaimRef(ids[0], 0, 10), ClaimRef(ids[1], 0, 10), ClaimRef(ids[1], 11, 20)
    write(two_articles, judge(two_articles.db.conn, "anna", mine, first, "corroborates"))
    write(two_articles, judge(two_articles.db.conn, "anna", mine, second, "contradicts"))
    write(two_articles, judge(two_articles.db.conn, "ben", mine, first, "unrelated"))
    judged = judgements_by_article(two_articles, ids)[ids[0]]
    fields = related_fields(two_articles, ids[0], "anna", {(0, 10): (0, 5), (20, 30): None}, judged)
    assert list(fields) == [(0, 10)]
    assert fields[(0, 10)]["related"] == [
        {"article_id": ids[1], "start": 0, "end": 10, "label": "corroborates"},
        {"article_id": ids[1], "start": 11, "end": 20, "label": "contradicts"}]
    assert fields[(0, 10)]["credibility_proposal"]["grade"] == 5
    assert related_fields(two_articles, ids[0], "carl", {(0, 10): None}, judged) == {}


def test_merging_annotators_databases_merges_their_pair_judgements(tmp_path):
    from annotator.core.team.merge import merge_databases

    for name, label, now in (("anna", "corroborates", "2026-12-01T09:00:00+00:00"),
                             ("anna-laptop", "contradicts", "2026-12-01T11:00:00+00:00"),
                             ("ben", "unrelated", "2026-12-01T10:00:00+00:00")):
        with Project.open(tmp_path / f"{name}.sqlite") as db:
            write(db, judge(db.db.conn, name.split("-")[0], A, B, label), now=now)
    merge_databases([tmp_path / f"{n}.sqlite" for n in ("anna", "anna-laptop", "ben")],
                    tmp_path / "merged.sqlite")
    with Project.open(tmp_path / "merged.sqlite") as merged:
        labels = {x.annotator: x.label for x in j.for_articles(merged.db.conn, ["art-a"])}
    assert labels == {"anna": "contradicts", "ben": "unrelated"}


def test_jsonl_export_claims_carry_the_judged_pairs_and_the_proposal(project, seed_paths, tmp_path):
    from test_export_helpers import read_jsonl, schema_validator, seeded_project

    from annotator.core.export import ExportOptions, export_project

    seeded_project(project, seed_paths)
    ids = project.article_ids()
    claims = {a: next(x for x in project.annotations(a, "anna") if x.decision.value == "accept")
              for a in ids[:3]}
    mine, *others = [ClaimRef(a, c.start, c.end) for a, c in claims.items()]
    for other, label in zip(others, ("corroborates", "corroborates")):
        write(project, judge(project.db.conn, "anna", mine, other, label))
    out = tmp_path / "claims.jsonl"
    export_project(project, ExportOptions(), out)
    records = read_jsonl(out)
    validator = schema_validator()
    for record in records:
        validator.validate(record)
    first = next(r for r in records if r["meta"]["article_id"] == ids[0] and r["_annotator_id"] == "anna")
    [judged] = [c for c in first["claims"] if "related" in c]
    assert [x["label"] for x in judged["related"]] == ["corroborates", "corroborates"]
    # the seeds' first claims share no source name: two independent confirmations
    assert judged["credibility_proposal"]["grade"] in (1, 2, 3)
    ben = next(r for r in records if r["meta"]["article_id"] == ids[0] and r["_annotator_id"] == "ben")
    assert all("related" not in c for c in ben["claims"])


def test_a_changed_claim_renews_the_stamps_of_the_articles_judged_against_it(two_articles):
    """The exported proposal of art-a's claim reads the source of the claim of
    art-b it was judged against: when art-b's claims change, art-a's cached
    export lines must not be served."""
    from annotator.core.corroboration.project_claims import update_articles

    ids = sorted(two_articles.article_ids())
    write(two_articles, judge(two_articles.db.conn, "anna", ClaimRef(ids[0], 0, 10),
                              ClaimRef(ids[1], 0, 10), "corroborates"))
    before = stamps(two_articles)
    update_articles(two_articles, [ids[1]])  # e.g. art-b rehighlighted: its claims' sources changed
    assert stamps(two_articles)[ids[0]] != before[ids[0]]
    third, _ = two_articles.insert_article(NewArticle(text="Nichts dazu.", external_id="art-c"))
    before = stamps(two_articles)
    update_articles(two_articles, [third])  # an article nobody judged against renews no other
    assert {a: s for a, s in stamps(two_articles).items() if a != third} == \
        {a: s for a, s in before.items() if a != third}
