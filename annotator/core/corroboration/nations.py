"""Which country a word names: "nordkoreanische", "Nordkoreaner", "Pjöngjang"
all name North Korea. Counted groups are compared only within one nation
("111.000 russische Soldaten" and "12.000 nordkoreanische Soldaten" are
different things)."""

from __future__ import annotations

from functools import lru_cache

from annotator.core.corroboration.words import WORD_CACHE, stem

NATION_FORMS = {
    "nordkorea": "Nordkorea nordkoreanisch Nordkoreaner Pjöngjang",
    "südkorea": "Südkorea südkoreanisch Südkoreaner Seoul",
    "russland": "Russland russisch Russen Moskau Kreml",
    "ukraine": "Ukraine ukrainisch Ukrainer Kiew Kyjiw",
    "usa": "USA amerikanisch Amerikaner Washington",
    "china": "China chinesisch Chinesen Peking",
    "iran": "Iran iranisch Iraner Teheran",
    "deutschland": "Deutschland deutsch Bundesregierung",
    "israel": "Israel israelisch Israelis",
    "frankreich": "Frankreich französisch Franzosen Paris",
    "großbritannien": "Großbritannien britisch Briten London",
    "polen": "Polen polnisch Warschau",
    "türkei": "Türkei türkisch Türken Ankara",
}


@lru_cache(maxsize=1)
def nations_by_stem() -> dict[str, str]:
    """The nation of each form's stem: ``nation_of_word`` is a lookup of the word's stem here."""
    return {stem(form): nation for nation, forms in NATION_FORMS.items() for form in forms.split()}


@lru_cache(maxsize=WORD_CACHE)
def nation_of_word(word: str) -> str | None:
    return nations_by_stem().get(stem(word))
