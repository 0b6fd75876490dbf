"""Source names: German inflection, transliteration, roles and nations
reduce to the same keys, and different sources keep different keys."""

from __future__ import annotations

import pytest

from annotator.core.models import SourceType
from annotator.core.resources import resource_path
from annotator.core.sources.normalize import (
    adjective_stem,
    name_key,
    name_key_variants,
    nation_of,
    parse,
    role_of,
)
from annotator.core.sources.rules import load_rules, read_rules


@pytest.mark.parametrize("word, stem", [
    ("ukrainischer", "ukrainisch"), ("ukrainischem", "ukrainisch"), ("ukrainischen", "ukrainisch"),
    ("ukrainisches", "ukrainisch"), ("Ukrainische", "ukrainisch"), ("südkoreanischer", "südkoreanisch"),
    ("zuverlässigen", "zuverlässig"), ("staatlichen", "staatlich"),
])
def test_adjective_endings_are_stripped(word, stem):
    assert adjective_stem(word) == stem


@pytest.mark.parametrize("word", ["Geheimdienst", "Präsident", "Nordkorea"])
def test_nouns_are_no_adjectives(word):
    assert adjective_stem(word) is None


@pytest.mark.parametrize("phrases", [
    ("ukrainischer Geheimdienst", "ukrainischem Geheimdienst", "des ukrainischen Geheimdienstes",
     "der ukrainische Geheimdienst", "Laut ukrainischem Geheimdienst", "die ukrainischen Geheimdienste",
     "Geheimdienst der Ukraine", "Geheimdienstkreise in Kiew"),
    ("südkoreanische Geheimdienste", "Angaben südkoreanischer Geheimdienste",
     "Südkoreanische Geheimdienstkreise", "der südkoreanische Geheimdienst"),
    ("US-Geheimdienste", "amerikanische Geheimdienste", "der US-amerikanische Geheimdienst"),
    ("das russische Verteidigungsministerium", "Angaben des russischen Verteidigungsministeriums",
     "Verteidigungsministerium in Moskau"),
])
def test_inflected_forms_of_one_institution_share_a_key(phrases):
    keys = {parse(p).role_key for p in phrases}
    assert len(keys) == 1, keys


def test_intelligence_services_of_different_nations_differ():
    keys = [parse(p).role_key for p in (
        "ukrainischer Geheimdienst", "südkoreanischer Geheimdienst", "US-Geheimdienste",
        "russischer Geheimdienst", "Chef des ukrainischen Militärgeheimdienstes")]
    assert len(set(keys)) == len(keys), keys


@pytest.mark.parametrize("spellings", [
    ("Selenskyj", "Zelensky", "Selensky", "Selenski", "Zelenskyy", "Zelenskyj", "Selenskij"),
    ("Budanow", "Budanov"),
    ("Wolodymyr", "Volodymyr", "Wolodimir"),
    ("Syrskyi", "Syrskyj", "Syrski"),
    ("Schoigu", "Shoigu"),
    ("Tschernihiw", "Chernihiv"),
    ("Kyrylo", "Kirilo"),
    ("Jewgeni", "Yevgeni"),
    ("Charkiw", "Kharkiv"),
])
def test_transliteration_variants_share_a_key(spellings):
    assert len({name_key(s) for s in spellings}) == 1, {s: name_key(s) for s in spellings}


@pytest.mark.parametrize("a, b", [("Selenskyj", "Budanow"), ("Putin", "Rutte"), ("Kirby", "Lord")])
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_genitive_of_a_name_finds_the_name():
    assert name_key("Selenskyj") in name_key_variants("Zelenskis")
    assert name_key("Selenskyj") in name_key_variants("Selenskyjs")


@pytest.mark.parametrize("mention, name, role, nation", [
    ("Der ukrainische Präsident Wolodymyr Selenskyj", ("Wolodymyr", "Selenskyj"), "präsident", "ua"),
    ("Russlands Präsident Wladimir Putin", ("Wladimir", "Putin"), "präsident", "ru"),
    ("Kyrylo Budanow, Chef des ukrainischen Militärgeheimdienstes", ("Kyrylo", "Budanow"), "chef", "ua"),
    ("Der Sprecher für nationale Sicherheit des Weißen Hauses, John Kirby", ("John", "Kirby"), "sprecher", None),
    ("Verteidigungsminister Kim Yong-hyun", ("Kim", "Yong-hyun"), "verteidigungsminister", None),
    ("Die NATO", ("NATO",), None, None),
    ("Selenskyj", ("Selenskyj",), None, None),
    ("der Präsident", (), "präsident", None),
    ("ukrainischem Geheimdienst", (), "geheimdienst", "ua"),
    ("Angaben des Verteidigungsministeriums in Seoul", (), "verteidigungsministerium", "kr"),
])
def test_a_mention_splits_into_name_role_and_nation(mention, name, role, nation):
    parsed = parse(mention)
    assert parsed.name == name
    assert (parsed.role.word if parsed.role else None) == role
    assert parsed.nation == nation


@pytest.mark.parametrize("word, nation", [
    ("ukrainischen", "ua"), ("Ukraine", "ua"), ("Kiew", "ua"), ("Russlands", "ru"),
    ("Seoul", "kr"), ("nordkoreanische", "kp"), ("deutschen", "de"), ("Geheimdienst", None),
])
def test_nations_from_adjectives_names_and_capitals(word, nation):
    assert nation_of(word) == nation


def test_compound_roles_keep_their_own_name():
    assert role_of("Militärgeheimdienstes").word == "militärgeheimdienst"
    assert role_of("Militärgeheimdienstes").source_type is SourceType.INTELLIGENCE
    assert role_of("Geheimdienstkreise").word == "geheimdienst"
    assert role_of("Präsidenten").word == "präsident"


@pytest.mark.parametrize("mention", ["Experten", "Berichten", "ein Analyst", "Satellitenbilder",
                                     "ein Verteidigungsexperte in Kiew"])
def test_vague_sources_are_marked(mention):
    assert parse(mention).vague


@pytest.mark.parametrize("mention", ["Selenskyj", "ukrainischem Geheimdienst", "der Präsident", "Die NATO"])
def test_named_sources_are_not_vague(mention):
    assert not parse(mention).vague


def test_pronouns_and_bare_roles_are_recognised():
    assert parse("er").pronoun and parse("Sie").pronoun
    assert parse("der Präsident").bare_role
    assert not parse("der ukrainische Präsident").bare_role


@pytest.mark.parametrize("mention, source_type", [
    ("Die NATO", SourceType.INTERNATIONAL_ORG), ("Wolodymyr Selenskyj", SourceType.PERSON),
    ("südkoreanische Geheimdienste", SourceType.INTELLIGENCE), ("Nordkorea", SourceType.GOVERNMENT),
    ("General Oleksandr Syrskyi", SourceType.MILITARY), ("Reuters", SourceType.MEDIA),
])
def test_a_source_type_is_suggested(mention, source_type):
    assert parse(mention).suggested_type() is source_type


def test_a_named_official_is_a_person_not_the_anonymous_kind_of_a_noun_in_his_title():
    mention = "der Landrat des Kreises Märkisch-Oderland, Gernot Schmidt"
    assert parse(mention).suggested_type() is SourceType.PERSON


def test_rules_are_data_a_project_can_extend(tmp_path):
    folder = resource_path("sources")
    for f in folder.glob("*.tsv"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    with open(tmp_path / "roles.tsv", "a", encoding="utf-8") as roles:
        roles.write("hetman\tperson\tmilitary\t\n")
    rules = read_rules(tmp_path)
    assert parse("Hetman Chmelnyzkyj", rules).role.word == "hetman"
    assert parse("Hetman Chmelnyzkyj", load_rules()).role is None


def test_a_district_is_not_the_anonymous_circles_of_informed_sources():
    # "Kreise" (circles) keeps its -e in every form; "des Kreises" is a district
    assert role_of("Kreisen").kind == "collective"
    assert role_of("Journalistenkreisen").kind == "collective"
    assert role_of("Kreises") is None and role_of("Kreis") is None
    landrat = parse("der Landrat des Kreises Märkisch-Oderland")
    assert landrat.role is not None and landrat.role.word == "landrat"
    assert landrat.suggested_type() is SourceType.PERSON
