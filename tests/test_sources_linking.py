"""Linking source mentions to registry entries: the cases of issue 14 and
the five seed articles. Every link is a suggestion with confidence and reason."""

from __future__ import annotations

import pytest

from annotator.core.models import SourceType
from annotator.core.sources.linking import Mention, add_proposals, link_article, mentions_of
from annotator.core.sources.registry import Registry, new_source


def link(texts, registry=None, resolved=None):
    """Link one article's mentions (``resolved`` maps a mention index to the
    highlighter's antecedent); return the links and, per mention, the name
    of the entity it ends on (proposals are added to the registry)."""
    registry = registry if registry is not None else Registry()
    resolved = resolved or {}
    mentions = [Mention(t, resolved=resolved.get(i)) for i, t in enumerate(texts)]
    result = link_article(mentions, registry)
    ids = add_proposals(registry, result)
    return result, [registry.get(i).name if i else None for i in ids]


def selenskyj_registry():
    return Registry.of([new_source("Wolodymyr Selenskyj", SourceType.PERSON, created_by="lead",
                                   note="as: ukrainischer Präsident")])


def test_inflected_forms_in_one_article_are_one_proposed_source():
    result, names = link(["ukrainischer Geheimdienst", "ukrainischem Geheimdienst",
                          "des ukrainischen Geheimdienstes"])
    assert len(result.proposals) == 1
    assert result.proposals[0].source_type is SourceType.INTELLIGENCE
    assert len(set(names)) == 1


def test_inflected_form_links_to_an_existing_entry():
    registry = Registry.of([new_source("ukrainischer Geheimdienst", SourceType.INTELLIGENCE, created_by="lead")])
    result, names = link(["Laut ukrainischem Geheimdienst"], registry)
    assert names == ["ukrainischer Geheimdienst"]
    assert not result.proposals
    assert result.links[0].confidence >= 0.8 and "inflected" in result.links[0].reason


def test_surname_alone_after_the_full_name():
    result, names = link(["Der ukrainische Präsident Wolodymyr Selenskyj", "Selenskyj", "Selenskyjs Sprecher"])
    assert names[:2] == ["Wolodymyr Selenskyj", "Wolodymyr Selenskyj"]
    assert "surname" in result.links[1].reason


@pytest.mark.parametrize("spelling", ["Zelensky", "Selensky", "Zelenskis", "Selenski", "Volodymyr Zelenskyy"])
def test_transliteration_variants_link_to_the_entry(spelling):
    result, names = link([spelling], selenskyj_registry())
    assert names == ["Wolodymyr Selenskyj"]
    assert result.links[0].source_id is not None and not result.proposals


def test_budanow_and_budanov_are_one_source():
    registry = Registry()
    link(["Kyrylo Budanow, Chef des ukrainischen Militärgeheimdienstes"], registry)
    _, names = link(["Budanov"], registry)
    assert names == ["Kyrylo Budanow"]


def test_pronoun_resolved_by_the_highlighter_links_to_its_antecedent():
    result, names = link(["Wolodymyr Selenskyj", "er"], resolved={1: "Wolodymyr Selenskyj"})
    assert names == ["Wolodymyr Selenskyj", "Wolodymyr Selenskyj"]
    assert "resolved" in result.links[1].reason


def test_unresolved_pronoun_is_left_unlinked():
    result, names = link(["er"])
    assert names == [None] and "pronoun" in result.links[0].reason


def test_bare_role_goes_to_the_holder_named_in_the_article():
    _, names = link(["Russlands Präsident Wladimir Putin", "Der ukrainische Präsident Wolodymyr Selenskyj",
                     "der Präsident"])
    assert names[2] == "Wolodymyr Selenskyj"  # the nearest earlier president


def test_role_with_nation_goes_to_the_person_in_the_article():
    _, names = link(["Wolodymyr Selenskyj, der ukrainische Präsident", "der ukrainische Präsident"])
    assert names == ["Wolodymyr Selenskyj"] * 2


def test_role_with_nation_goes_to_the_entry_whose_note_says_so():
    result, names = link(["der ukrainische Präsident"], selenskyj_registry())
    assert names == ["Wolodymyr Selenskyj"]
    assert result.links[0].confidence < 0.9  # a role is weaker evidence than a name


def test_ambiguous_surname_proposes_a_new_source_and_says_why():
    registry = Registry.of([new_source("Kim Jong Un", created_by="lead"),
                            new_source("Kim Yong-hyun", created_by="lead"),
                            new_source("Anna Kim", created_by="lead"),
                            new_source("Jae Kim", created_by="lead")])
    result, _ = link(["Kim"], registry)
    assert result.links[0].source_id is None
    assert "ambiguous" in result.links[0].reason


def test_vague_sources_are_not_registry_entries():
    result, names = link(["Experten", "Berichten zufolge", "ein Analyst"])
    assert names == [None, None, None] and not result.proposals


def test_different_people_stay_apart():
    _, names = link(["John Kirby", "Alexander Lord", "Jack Watling", "Wladimir Putin"])
    assert len(set(names)) == 4


def test_links_of_suggestions_read_the_source_spans():
    from annotator.core.models import ClaimSuggestion, Span

    text = "Selenskyj sagte, es reiche. Laut Budanow kommen sie."
    suggestions = [ClaimSuggestion(10, 26, source=Span(0, 9)), ClaimSuggestion(33, 51),
                   ClaimSuggestion(33, 51, source=Span(33, 40))]
    assert [(i, m.text) for i, m in mentions_of(text, suggestions)] == [(0, "Selenskyj"), (2, "Budanow")]


# ---------------------------------------------------------------- the seeds
_SEED_LINKS: dict[tuple, list] = {}


@pytest.fixture
def seed_links(seed_paths):
    """Import-time linking of the five seed articles in order: the
    highlighter's suggestions, linked, proposals added to one registry."""
    key = tuple(seed_paths)
    if key not in _SEED_LINKS:
        _SEED_LINKS[key] = _link_seeds(seed_paths)
    return _SEED_LINKS[key]


def _link_seeds(paths):
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter("blank")
    registry, out = Registry(), []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        mentions = [m for _, m in mentions_of(text, hl.highlight(text))]
        ids = add_proposals(registry, link_article(mentions, registry))
        out += [(path.name, m.text, registry.get(i) if i else None) for m, i in zip(mentions, ids)]
    return out


def test_every_mention_of_the_ukrainian_president_ends_on_one_entity(seed_links):
    president = {s.id for _, text, s in seed_links
                 if s is not None and ("Selenskyj" in text or "Präsident" in text) and "Putin" not in text}
    pronouns = {s.id for _, text, s in seed_links if text.lower() in ("er", "der präsident") and s}
    assert len(president) == 1, president
    assert pronouns <= president
    articles = {name for name, text, _ in seed_links if "Selenskyj" in text}
    assert len(articles) >= 3  # he speaks in several seed articles


def test_intelligence_services_are_not_merged(seed_links):
    def entity(fragment):
        found = {s.id for _, text, s in seed_links if fragment in text and s is not None}
        assert len(found) == 1, (fragment, found)
        return found.pop()

    ukrainian = entity("ukrainischem Geheimdienst")
    south_korean = entity("südkoreanischer Geheimdienste")
    assert entity("Südkoreanische Geheimdienstkreise") == south_korean
    assert ukrainian != south_korean
    budanow = entity("Militärgeheimdienstes")
    assert budanow not in (ukrainian, south_korean)


def test_us_intelligence_stays_apart_from_the_seed_services(seed_links):
    registry = Registry.of({s.id: s for *_, s in seed_links if s is not None}.values())
    result = link_article([Mention("US-Geheimdienste")], registry)
    assert result.links[0].source_id is None and result.proposals


def test_a_stray_phrase_is_not_proposed_as_a_source():
    result, names = link(["den zunehmenden Bedarf", "die Verteidigungsintelligenz der Ukraine"])
    assert names[0] is None and "no source proposed" in result.links[0].reason
    assert names[1] == "Verteidigungsintelligenz der Ukraine"  # a nation: a source
