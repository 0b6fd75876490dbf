"""Claims across the articles of a project: the index built from the
project's claims, kept up to date, and the related claims and story of a
claim with their articles, sources and differing values."""

from __future__ import annotations

import pytest

from annotator.core.corroboration.index import ClaimIndex
from annotator.core.corroboration.project_claims import (
    build_index,
    project_claims,
    related_claims,
    story,
    update_articles,
)
from annotator.core.highlight import load_highlighter
from annotator.core.importer import import_paths


@pytest.fixture
def seeds_project(project, seed_paths):
    import_paths(project, seed_paths, highlighter=load_highlighter())
    build_index(project)  # (import indexes too; a rebuild gives the same)
    return project


def claim_quoting(project, quote):
    found = [c for a in project.article_ids() for c in project_claims(project, a) if quote in c.text]
    assert len(found) == 1, quote
    return found[0]


def test_the_index_holds_every_suggested_claim(seeds_project):
    total = sum(len(seeds_project.suggestions(a)) for a in seeds_project.article_ids())
    assert ClaimIndex(seeds_project.db.conn).total() == total > 50


def test_a_soldier_count_finds_the_other_articles_counts_with_their_differing_values(seeds_project):
    claim = claim_quoting(seeds_project, "etwa 12.000 nordkoreanische Soldaten")
    related = {r.claim.text[:40]: r for r in related_claims(seeds_project, claim)}
    same = next(r for t, r in related.items() if "rund 12.000 Soldaten" in r.claim.text)
    assert same.differences == ()
    fewer = next(r for r in related.values() if "etwa 3.000 nordkoreanische Soldaten" in r.claim.text)
    [diff] = fewer.differences
    assert (diff.value, diff.other_value) == ("etwa 12.000 nordkoreanische Soldaten",
                                               "etwa 3.000 nordkoreanische Soldaten")
    assert fewer.claim.source.startswith("John Kirby")
    assert all(r.claim.article.id != claim.article.id for r in related.values())


def test_the_story_lists_the_claim_among_its_related_claims(seeds_project):
    claim = claim_quoting(seeds_project, "etwa 12.000 nordkoreanische Soldaten")
    rows = story(seeds_project, claim)
    assert claim.key in [r.claim.key for r in rows]
    assert len({r.claim.article.id for r in rows}) == 5


def test_a_rehighlighted_article_is_indexed_again(seeds_project):
    claim = claim_quoting(seeds_project, "etwa 12.000 nordkoreanische Soldaten")
    other = claim_quoting(seeds_project, "rund 12.000 Soldaten")
    seeds_project.replace_suggestions(other.article.id, [], "none", "0")
    update_articles(seeds_project, [other.article.id])
    assert all(r.claim.article.id != other.article.id for r in related_claims(seeds_project, claim))


def test_importing_more_articles_indexes_their_claims_at_once(project, seed_paths):
    import_paths(project, seed_paths[:2], highlighter=load_highlighter())
    before = ClaimIndex(project.db.conn).total()
    assert before == sum(len(project.suggestions(a)) for a in project.article_ids()) > 0
    import_paths(project, seed_paths[2:], highlighter=load_highlighter())
    claim = claim_quoting(project, "etwa 12.000 nordkoreanische Soldaten")
    assert any("rund 12.000 Soldaten" in r.claim.text for r in related_claims(project, claim))


def test_a_claim_added_by_hand_is_indexed_and_forgotten_when_deleted(seeds_project):
    from annotator.core.models import Annotation, Decision

    article = claim_quoting(seeds_project, "etwa 3.000 nordkoreanische Soldaten").article
    start = article.text.index("Nordkorea rund 12.000 Soldaten")
    added = seeds_project.save_annotation(Annotation(
        article_id=article.id, annotator="anna", decision=Decision.ACCEPT,
        start=start, end=start + len("Nordkorea rund 12.000 Soldaten")))
    index = ClaimIndex(seeds_project.db.conn)
    assert index.facts(f"a{added.id}") is not None
    seeds_project.delete_annotation(added.id)
    assert ClaimIndex(seeds_project.db.conn).facts(f"a{added.id}") is None


def test_claims_carry_their_registry_source_for_the_independence_rule(seeds_project):
    from annotator.core.corroboration.independence import SourcedClaim, independence

    claims = [c for a in seeds_project.article_ids() for c in project_claims(seeds_project, a)]
    linked = [c for c in claims if c.source_id]
    assert linked and all(c.facts().source_id == c.source_id for c in linked)
    selenskyj = [c for c in linked if c.source and "Selenskyj" in c.source]
    if len({c.article.id for c in selenskyj}) > 1:
        a, b = next((x, y) for x in selenskyj for y in selenskyj if x.article.id != y.article.id)
        verdict = independence(SourcedClaim(a.article.id, a.source, a.source_id),
                               SourcedClaim(b.article.id, b.source, b.source_id))
        assert not verdict.independent


def test_a_cancelled_build_is_redone_and_a_finished_one_is_not(project, seed_paths):
    from annotator.core.corroboration.project_claims import IndexBuildCancelled, ensure_built, needs_build

    import_paths(project, seed_paths[:2], highlighter=load_highlighter())
    assert not needs_build(project)  # the import indexed its claims
    with pytest.raises(IndexBuildCancelled):
        build_index(project, should_cancel=lambda: True)
    assert needs_build(project)
    assert ensure_built(project) and not needs_build(project)
    assert ClaimIndex(project.db.conn).total() == sum(len(project.suggestions(a)) for a in project.article_ids())


def test_a_merged_database_has_its_claims_indexed(tmp_path, seed_paths):
    from annotator.core.corroboration.project_claims import needs_build
    from annotator.core.project import Project
    from annotator.core.team.merge import merge_databases

    for name, seeds in (("anna", seed_paths[:2]), ("ben", seed_paths[2:4])):
        with Project.open(tmp_path / f"{name}.sqlite") as db:
            import_paths(db, seeds, highlighter=load_highlighter())
    merge_databases([tmp_path / "anna.sqlite", tmp_path / "ben.sqlite"], tmp_path / "merged.sqlite")
    with Project.open(tmp_path / "merged.sqlite", create=False) as merged:
        assert not needs_build(merged)
        claim = claim_quoting(merged, "etwa 12.000 nordkoreanische Soldaten")
        assert related_claims(merged, claim)


def test_a_build_in_worker_processes_indexes_what_an_import_indexes(project, seed_paths):
    from annotator.core.storage import relations

    import_paths(project, seed_paths, highlighter=load_highlighter())

    def indexed_rows():
        rows = project.db.execute("SELECT claim_key, article_id, keys, facts FROM claim_facts "
                                  "ORDER BY claim_key").fetchall()
        relations.integrity_check(project.db.conn)
        return rows

    imported = indexed_rows()
    assert build_index(project, workers=2) == len(imported) > 50
    assert indexed_rows() == imported
    assert build_index(project, workers=1) == len(imported)
    assert indexed_rows() == imported
