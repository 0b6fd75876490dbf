"""Merging source registries from several annotator databases: the same
canonical name or alias is the same entity; the result does not depend on
the order of the inputs, merging twice changes nothing, and no name is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.models import SourceType
from annotator.core.sources.normalize import fold
from annotator.core.sources.registry import (
    Source,
    SourceGrade,
    current_grades,
    merge_registries,
    merge_with_map,
    merged,
    new_source,
    renamed,
    with_alias,
    without_alias,
)

NAMES = ["Wolodymyr Selenskyj", "Selenskyj", "selenskyj", "Zelensky", "NATO", "Nato",
         "Kyrylo Budanow", "Budanow", "ukrainischer Geheimdienst", "John Kirby"]
TYPES = [None, SourceType.PERSON, SourceType.INTELLIGENCE, SourceType.INTERNATIONAL_ORG]
TIMES = ["2026-01-01", "2026-01-02", "2026-01-03"]

source = st.builds(
    lambda i, names, t, at, renamed_at, typed_at, note, qid: Source(
        f"id{i}", names[0], t, tuple(dict.fromkeys(n for n in names[1:] if fold(n) != fold(names[0]))),
        note, qid, "ann", at, True, renamed_at, typed_at if t else ""),
    st.integers(0, 6), st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True),
    st.sampled_from(TYPES), st.sampled_from(TIMES), st.sampled_from(["", *TIMES]), st.sampled_from(["", *TIMES]),
    st.sampled_from(["", "as: ukrainischer Präsident", "Wikidata checked"]),
    st.sampled_from([None, "Q3881", "Q42"]),
)
registry = st.lists(source, max_size=5)


def canonical(entities):
    return sorted((s.id, s.name, s.source_type, frozenset(map(fold, s.aliases)), s.note, s.external_id,
                   s.former_ids)
                  for s in entities)


@settings(max_examples=150, deadline=None)
@given(registry, registry, registry)
def test_registry_merge_is_order_independent_associative_and_idempotent(a, b, c):
    ab, _ = merge_registries(a, b)
    assert canonical(ab) == canonical(merge_registries(b, a)[0])
    abc = merge_registries(a, b, c)[0]
    assert canonical(merge_registries(ab, c)[0]) == canonical(abc)
    assert canonical(merge_registries(a, merge_registries(c, b)[0])[0]) == canonical(abc)
    assert canonical(merge_registries(abc, b)[0]) == canonical(abc)
    assert canonical(merge_registries(abc)[0]) == canonical(abc)


@settings(max_examples=150, deadline=None)
@given(registry, registry)
def test_no_name_is_lost_and_each_name_has_one_entity(a, b):
    entities, _, id_map = merge_with_map(a, b)
    owners = {}
    for e in entities:
        for n in e.names:
            assert fold(n) not in owners, f"{n} in two entities"
            owners[fold(n)] = e.id
    for s in a + b:
        assert all(owners[fold(n)] == id_map[s.id] for n in s.names)


def test_same_alias_makes_one_entity_and_type_conflict_is_recorded():
    mine = new_source("Wolodymyr Selenskyj", SourceType.PERSON, created_by="anna", aliases=["Selenskyj"],
                      created_at="2026-01-01")
    theirs = new_source("Selenskyj", SourceType.GOVERNMENT, created_by="ben", created_at="2026-01-02")
    entities, conflicts = merge_registries([mine], [theirs])
    assert len(entities) == 1
    assert entities[0].id == mine.id and entities[0].name == "Wolodymyr Selenskyj"
    assert conflicts == {mine.id: ["source_type"]}


def test_renames_by_two_annotators_converge_on_the_latest():
    base = new_source("Selenskyj", created_by="lead", created_at="2026-01-01")
    anna = renamed(base, "Wolodymyr Selenskyj", at="2026-01-05")
    ben = renamed(base, "Volodymyr Zelensky", at="2026-01-06")
    one, _ = merge_registries([anna], [ben])
    other, _ = merge_registries([ben], [anna])
    assert one == other
    assert one[0].name == "Volodymyr Zelensky"
    assert {fold(n) for n in one[0].aliases} == {"selenskyj", "wolodymyr selenskyj"}


def test_alias_rename_and_split():
    s = new_source("NATO", created_by="lead")
    s = with_alias(with_alias(s, "Nordatlantikpakt"), "nato")  # same name case-folded: ignored
    assert s.aliases == ("Nordatlantikpakt",)
    s = renamed(s, "Nordatlantikpakt")
    assert s.name == "Nordatlantikpakt" and s.aliases == ("NATO",)
    assert without_alias(s, "nato").aliases == ()


def test_current_grade_is_the_latest_and_history_is_kept():
    grades = [SourceGrade("s1", "anna", "B", "2026-01-01", "a1"), SourceGrade("s1", "anna", "C", "2026-01-03", "a2"),
              SourceGrade("s1", "ben", "A", "2026-01-02", "a1")]
    current = current_grades(grades)
    assert current[("s1", "anna")].reliability == "C"
    assert current[("s1", "ben")].reliability == "A"


def test_merged_of_one_entity_is_itself():
    s = new_source("Kyrylo Budanow", SourceType.PERSON, created_by="lead", aliases=["Budanow"])
    assert merged([s])[0] == s


# -- merging annotators' databases -------------------------------------------------------


def test_two_annotators_registries_merge_into_one_entity_with_both_links(tmp_path):
    from test_team_support import fork, judge, make_lead

    from annotator.core.project import Project
    from annotator.core.sources import actions
    from annotator.core.team.canonical import canonical_dump
    from annotator.core.team.merge import merge_databases

    lead = make_lead(tmp_path / "lead.sqlite")
    anna, ben = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "ben.sqlite")
    with Project.open(anna) as project:
        claim = judge(project, "anna", 0, 0)
        actions.create(project, "Wolodymyr Selenskyj", SourceType.PERSON, created_by="anna", aliases=["Selenskyj"])
        actions.link_claim(project, claim.id, "Selenskyj", "anna")
    with Project.open(ben) as project:
        claim = judge(project, "ben", 0, 0)
        actions.create(project, "Selenskyj", SourceType.GOVERNMENT, created_by="ben")
        actions.link_claim(project, claim.id, "Selenskyj", "ben")
        actions.grade_source(project, actions.find_one(project, "Selenskyj").id, "ben", "B")
    merge_databases([anna, ben], tmp_path / "ab.sqlite")
    merge_databases([ben, anna, ben], tmp_path / "ba.sqlite")
    assert canonical_dump(tmp_path / "ab.sqlite") == canonical_dump(tmp_path / "ba.sqlite")
    with Project.open(tmp_path / "ab.sqlite", create=False) as merged:
        (entity,) = [s for s in actions.page(merged) if "Selenskyj" in s.name]
        assert entity.claims == 2  # both reviewers' links follow the one entity
        detail = actions.show(merged, "Selenskyj")
        assert detail.current == {"anna": "B", "ben": "B"}  # anna graded her claim B (judge)
        conflicts = merged.db.execute('SELECT field FROM source_conflicts').fetchall()
        assert conflicts == [("source_type",)]
