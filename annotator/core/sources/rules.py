"""Loading the source-name rules from ``resources/sources/``.

The rules are data (see ``resources/sources/README.md``) so a project can
teach the linker a new role word, nation or spelling without touching
code. They are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from annotator.core.models import SourceType
from annotator.core.resources import resource_path


@dataclass(frozen=True)
class Role:
    """A role or institution noun: what a source is called without a name."""

    word: str  # canonical lowercase form ("geheimdienst")
    kind: str  # person | institution | document | collective
    source_type: SourceType


@dataclass(frozen=True)
class Rules:
    endings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # class -> endings
    transliteration: tuple[tuple[re.Pattern[str], str], ...] = ()
    roles: dict[str, Role] = field(default_factory=dict)  # noun stem -> role
    # stems of roles listed with a final -e that no form drops ("kreise")
    roles_keeping_e: frozenset[str] = frozenset()
    nation_adjectives: dict[str, str] = field(default_factory=dict)  # stem -> code
    nation_names: dict[str, str] = field(default_factory=dict)  # name -> code
    function_words: dict[str, frozenset[str]] = field(default_factory=dict)
    organisations: dict[str, SourceType] = field(default_factory=dict)
    # what normalize.py learnt about each word; words repeat across articles
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def kinds(self, word_lower: str) -> frozenset[str]:
        return self.function_words.get(word_lower, frozenset())


def _rows(name: str, folder: Path | None = None) -> list[list[str]]:
    path = (folder / name) if folder is not None else resource_path("sources", name)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def noun_stem(word: str, endings: tuple[str, ...]) -> str:
    """Strip one noun inflection ending, keeping a stem of at least 4 letters:
    Geheimdienst-es, Präsident-en, Verteidigungsministerium-s."""
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def read_rules(folder: Path | None = None) -> Rules:
    """Read every rule file (from ``folder``, default the bundled resources)."""
    endings: dict[str, list[str]] = {}
    for cls, ending, *_ in _rows("inflection.tsv", folder):
        endings.setdefault(cls, []).append(ending)
    frozen = {cls: tuple(values) for cls, values in endings.items()}
    translit = tuple((re.compile(p), r) for p, r, *_ in _rows("transliteration.tsv", folder))
    roles: dict[str, Role] = {}
    keeping_e = set()
    for word, kind, source_type, *rest in _rows("roles.tsv", folder):
        canonical = (rest[0] if rest else "") or word
        role = Role(canonical, kind, SourceType(source_type))
        stem = noun_stem(word, frozen.get("noun", ()))
        roles[stem] = role
        if word == stem + "e":
            keeping_e.add(stem)
    adjectives, names = {}, {}
    for code, adjective_list, name_list, *_ in _rows("nations.tsv", folder):
        adjectives.update({a: code for a in adjective_list.split(",") if a})
        names.update({n: code for n in name_list.split(",") if n})
    function: dict[str, set[str]] = {}
    for word, kind, *_ in _rows("function_words.tsv", folder):
        function.setdefault(word, set()).add(kind)
    organisations = {n: SourceType(t) for n, t, *_ in _rows("organisations.tsv", folder)}
    return Rules(
        endings=frozen, transliteration=translit, roles=roles,
        roles_keeping_e=frozenset(keeping_e),
        nation_adjectives=adjectives, nation_names=names,
        function_words={w: frozenset(k) for w, k in function.items()},
        organisations=organisations,
    )


@cache
def load_rules() -> Rules:
    return read_rules()
