"""Quantities in German claims: the number, how exact it is, and what it counts."""

from __future__ import annotations

import pytest

from annotator.core.corroboration.numbers import parse_number_word
from annotator.core.corroboration.quantities import parse_quantities

# text, (low, high), qualifier, unit, head noun, concept
FORMS = [
    ("12.000 nordkoreanische Soldaten", (12_000, 12_000), "exact", None, "Soldaten", "soldiers"),
    ("3.000 Truppen", (3_000, 3_000), "exact", None, "Truppen", "soldiers"),
    ("bis zu 10.000 Soldaten", (10_000, 10_000), "at_most", None, "Soldaten", "soldiers"),
    ("rund 11.000 Infanteristen", (11_000, 11_000), "about", None, "Infanteristen", "soldiers"),
    ("etwa 3.000 Soldaten", (3_000, 3_000), "about", None, "Soldaten", "soldiers"),
    ("ca. 500 Menschen", (500, 500), "about", None, "Menschen", "people"),
    ("über 1500 Menschen", (1_500, 1_500), "at_least", None, "Menschen", "people"),
    ("mehr als 1.200 Helfer", (1_200, 1_200), "at_least", None, "Helfer", "people"),
    ("weniger als 50 Fahrzeuge", (50, 50), "at_most", None, "Fahrzeuge", "fahrze"),
    ("10.000 bis 12.000 Soldaten", (10_000, 12_000), "range", None, "Soldaten", "soldiers"),
    ("zwischen 10.000 und 12.000 Soldaten", (10_000, 12_000), "range", None, "Soldaten", "soldiers"),
    ("10.000-12.000 Soldaten", (10_000, 12_000), "range", None, "Soldaten", "soldiers"),
    ("zwölftausend Soldaten", (12_000, 12_000), "exact", None, "Soldaten", "soldiers"),
    ("drei hochrangige Generäle", (3, 3), "exact", None, "Generäle", "genera"),
    ("2,5 Millionen Euro", (2_500_000, 2_500_000), "exact", "EUR", None, None),
    ("48,5 Millionen Euro", (48_500_000, 48_500_000), "exact", "EUR", None, None),
    ("42 Prozent", (42, 42), "exact", "%", None, None),
    ("6,12 Meter", (6.12, 6.12), "exact", "m", None, None),
    ("Tausende Soldaten", (2_000, 9_999), "vague", None, "Soldaten", "soldiers"),
    ("11.000 Nordkoreaner", (11_000, 11_000), "exact", None, "Nordkoreaner", "people"),
]


@pytest.mark.parametrize("text, values, qualifier, unit, head, concept", FORMS)
def test_a_quantity_is_read_with_its_unit_and_head_noun(text, values, qualifier, unit, head, concept):
    [q] = parse_quantities(text)
    assert (q.low, q.high) == values
    assert (q.qualifier, q.unit, q.head, q.concept) == (qualifier, unit, head, concept)
    assert q.text == text


@pytest.mark.parametrize("text", [
    "am 27. Oktober", "ab dem 27. bis 28. Oktober", "am 23.10.2024", "im Jahr 2022",
    "den Haushalt für 2026 beschlossen", "ein Il-96-Flugzeug",
])
def test_dates_years_and_type_names_are_not_quantities(text):
    assert parse_quantities(text) == []


def test_the_nation_of_a_counted_group_comes_from_its_adjective_or_its_name():
    soldiers, officers = parse_quantities("etwa 12.000 nordkoreanische Soldaten, darunter 500 Offiziere")
    assert soldiers.nation == "nordkorea"
    assert officers.concept != "soldiers"  # a part of the total, not the total
    [people] = parse_quantities("Offenbar 11.000 Nordkoreaner bereit")
    assert people.nation == "nordkorea"


def test_additional_troops_are_not_a_total():
    [q] = parse_quantities("bis zu 30.000 zusätzliche Soldaten")
    assert q.additive and q.qualifier == "at_most" and q.value == 30_000


def test_a_sentence_holds_several_quantities_in_order():
    found = parse_quantities(
        "Laut Feuerwehr sind mehr als 1.200 Helfer im Einsatz; 340 Menschen wurden gerettet.")
    assert [(q.value, q.head) for q in found] == [(1_200, "Helfer"), (340, "Menschen")]


@pytest.mark.parametrize("word, value", [
    ("drei", 3), ("zwölf", 12), ("zwanzig", 20), ("dreiundzwanzig", 23), ("hundert", 100),
    ("zweihundert", 200), ("tausend", 1_000), ("zwölftausend", 12_000),
    ("dreitausendfünfhundert", 3_500), ("zweihunderttausend", 200_000), ("Soldaten", None),
])
def test_german_number_words(word, value):
    assert parse_number_word(word) == value
