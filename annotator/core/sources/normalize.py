"""Source names reduced to keys the registry can compare.

A source mention is a phrase as the article writes it: "Der ukrainische
Präsident Wolodymyr Selenskyj", "ukrainischem Geheimdienst", "Zelenskis",
"Angaben südkoreanischer Geheimdienste", "er". ``parse`` splits it into a
personal name, a role noun, a nation and the words around them, and
``SourceName`` derives keys from those parts:

* ``name:volodimir selenski`` - the name, spelled by the transliteration
  rules (Wolodymyr/Volodymyr, Selenskyj/Zelensky/Zelenskis);
* ``surname:selenski`` - its last word, for "Selenskyj" alone;
* ``role:ua:geheimdienst`` - role and nation, inflection stripped
  ("ukrainischer/ukrainischem Geheimdienst(es)");
* ``phrase:...`` - the stemmed words of anything else.

Every word list and rule comes from ``resources/sources/`` (rules.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.models import SourceType
from annotator.core.sources.rules import Role, Rules, load_rules, noun_stem

_WORD = re.compile(r"[^\W_](?:[\w\-'’.]*[^\W_])?")
_SEGMENT = re.compile(r"[,;()\[\]–]| - ")
_LEADING = frozenset({"wrapper", "article", "indefinite", "preposition"})
_NAME_AFTER = frozenset({"person", "institution"})  # "Präsident X", "Nachrichtenagentur X"


def fold(text: str) -> str:
    """Case-folded, NFC, single-spaced: the form every comparison starts from."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def name_key(word: str, rules: Rules | None = None) -> str:
    """One name word spelled by the transliteration rules: Zelensky -> selenski."""
    if rules is None or rules is load_rules():
        return _default_name_key(word)
    return _name_key(word, rules)


# Bounds of the caches below: an import's writer links every article's
# sources, and news brings new names in every article, so each cache fills
# to its bound; these keep the writer's memory flat from ~10,000 articles on
# (docs/benchmarks.md, "Fourth round"). The frequent words stay cached.
MEMO_WORDS = 50_000  # words the rules' per-word memo keeps before it starts again (~250 B each)
NAME_WORDS = 1 << 14  # name keys and their variants


@lru_cache(maxsize=NAME_WORDS)
def _default_name_key(word: str) -> str:
    return _name_key(word, load_rules())


def _name_key(word: str, rules: Rules) -> str:
    key = fold(word)
    for pattern, replacement in rules.transliteration:
        key = pattern.sub(replacement, key)
    return key


def name_key_variants(word: str, rules: Rules | None = None) -> frozenset[str]:
    """The key of a name word and of its uninflected forms (genitive Zelenskis)."""
    if rules is None or rules is load_rules():
        return _default_variants(word)
    return _variants(word, rules)


@lru_cache(maxsize=NAME_WORDS)
def _default_variants(word: str) -> frozenset[str]:
    return _variants(word, load_rules())


def _variants(word: str, rules: Rules) -> frozenset[str]:
    keys = {name_key(word, rules)}
    low = fold(word)
    for ending in rules.endings.get("name", ()):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            keys.add(name_key(low[: -len(ending)], rules))
    return frozenset(keys)


def adjective_stem(word: str, rules: Rules | None = None) -> str | None:
    """'ukrainischem' -> 'ukrainisch'; None when the word is no adjective."""
    rules = rules or load_rules()
    low = fold(word)
    stems = rules.endings.get("adjective_stem", ())
    for ending in rules.endings.get("adjective", ()) + ("",):
        if low.endswith(ending):
            stem = low[: len(low) - len(ending)]
            if stem.endswith(stems):
                return stem
    return None


def nation_of(word: str, rules: Rules | None = None) -> str | None:
    """The nation a word means: 'ukrainischen', 'Ukraine', 'Kiew' -> 'ua'."""
    rules = rules or load_rules()
    low = fold(word)
    if low in rules.nation_names:
        return rules.nation_names[low]
    stem = adjective_stem(low, rules)
    if stem is None:
        # adjectives without an -isch stem ending still inflect: "deutsche"
        for ending in rules.endings.get("adjective", ()):
            if low.endswith(ending) and low[: -len(ending)] in rules.nation_adjectives:
                return rules.nation_adjectives[low[: -len(ending)]]
        return rules.nation_adjectives.get(low)
    return rules.nation_adjectives.get(stem)


def role_of(word: str, rules: Rules | None = None) -> Role | None:
    """The role a noun names, also as a compound's tail: 'Militärgeheimdienstes'
    -> militärgeheimdienst (intelligence); 'Geheimdienstkreise' -> geheimdienst."""
    rules = rules or load_rules()
    low = fold(word)
    stem = noun_stem(low, rules.endings.get("noun", ()))
    if stem in rules.roles and _inflects(low, stem, stem, rules):
        return rules.roles[stem]
    for cut in range(1, len(stem) - 3):
        tail = rules.roles.get(stem[cut:])
        if tail is not None and _inflects(low, stem, stem[cut:], rules):
            canonical = stem if tail.word == stem[cut:] else stem[:cut] + tail.word
            return Role(canonical, tail.kind, tail.source_type)
    return None


def _inflects(low: str, stem: str, role_stem: str, rules: Rules) -> bool:
    """Whether ``low`` is a form of the role noun: a role listed with a final
    -e keeps it in every form ("Kreise", "Kreisen", "Regierungskreisen"), so
    "Kreis" and "des Kreises", a district, are not the anonymous "Kreise"."""
    return role_stem not in rules.roles_keeping_e or low.endswith((stem + "e", stem + "en"))


@dataclass(frozen=True)
class SourceName:
    """A parsed source mention (see the module docstring)."""

    text: str
    name: tuple[str, ...] = ()  # personal or organisation name, as written
    role: Role | None = None
    nation: str | None = None
    words: tuple[str, ...] = ()  # phrase words (stemmed, nations as @code)
    pronoun: bool = False
    definite: bool = False  # "der Präsident"
    indefinite: bool = False  # "ein Verteidigungsexperte"
    display: str = ""  # the mention without leading wrapper and article words

    # ------------------------------------------------------------ keys
    def name_keys(self, rules: Rules | None = None) -> frozenset[str]:
        if not self.name:
            return frozenset()
        if rules is not None and rules is not load_rules():
            return self._name_keys(rules)
        return self._remembered("_default_name_keys", lambda: self._name_keys(load_rules()))

    def _name_keys(self, rules: Rules) -> frozenset[str]:
        head = [name_key(w, rules) for w in self.name[:-1]]
        return frozenset("name:" + " ".join(head + [k]) for k in name_key_variants(self.name[-1], rules))

    def surname_keys(self, rules: Rules | None = None) -> frozenset[str]:
        if not self.name:
            return frozenset()
        if rules is not None and rules is not load_rules():
            return frozenset("surname:" + k for k in name_key_variants(self.name[-1], rules))
        return self._remembered("_default_surname_keys", lambda: frozenset(
            "surname:" + k for k in name_key_variants(self.name[-1], None)))

    def _remembered(self, slot: str, compute):
        """A key set under the default rules, computed once per parsed name:
        parse() is cached, so the linker meets the same names in article
        after article (a frozen instance's own dict: not a field, never compared)."""
        found = self.__dict__.get(slot)
        if found is None:
            found = compute()
            object.__setattr__(self, slot, found)
        return found

    @property
    def role_key(self) -> str | None:
        if self.role is None:
            return None
        return f"role:{self.nation or '*'}:{self.role.word}"

    @property
    def phrase_key(self) -> str | None:
        return "phrase:" + " ".join(self.words) if self.words else None

    def keys(self, rules: Rules | None = None) -> frozenset[str]:
        """Every key this name can be found under in a registry index."""
        keys = set(self.name_keys(rules)) | set(self.surname_keys(rules))
        # a person's role is a key only with its nation ("der ukrainische
        # Präsident"); "Nachrichtenagentur Reuters" is not every agency
        role = self.role
        if self.role_key is not None and role is not None and (
                not self.name or (role.kind == "person" and self.nation)):
            keys.add(self.role_key)
        if not self.name and self.role is None and self.phrase_key is not None:
            keys.add(self.phrase_key)
        return frozenset(keys)

    # ------------------------------------------------------------ kinds
    @property
    def bare_role(self) -> bool:
        """'der Präsident': a role that only the article itself can resolve."""
        return (self.role is not None and not self.name and self.nation is None
                and self.role.kind == "person" and self.definite)

    @property
    def vague(self) -> bool:
        """Never one source across articles: 'Experten', 'ein Analyst', 'Berichten'."""
        if self.pronoun or self.name:
            return False
        if self.indefinite or not (self.role or self.words or self.nation):
            return True
        if self.role is None or self.nation is not None:
            return False
        # "Experten", "Satellitenbilder": a kind of source, not one source
        return self.role.kind in ("collective", "document") or not self.definite

    def suggested_type(self, rules: Rules | None = None) -> SourceType | None:
        rules = rules or load_rules()
        if self.name:
            known = rules.organisations.get(fold(" ".join(self.name)))
            if known is not None:
                return known
            # A named source is never anonymous, whatever collective noun its
            # phrase holds ("der Landrat des Kreises …, Gernot Schmidt")
            if self.role is not None and self.role.source_type is not SourceType.ANONYMOUS:
                return self.role.source_type
            return None if self.name[-1].isupper() else SourceType.PERSON
        if self.role is not None:
            vague_kind = self.vague and self.role.kind != "person"
            return SourceType.ANONYMOUS if vague_kind else self.role.source_type
        if self.nation is not None and all(w.startswith("@") for w in self.words):
            return SourceType.GOVERNMENT  # "Nordkorea", "Russland"
        return None


def parse(text: str, rules: Rules | None = None) -> SourceName:
    """Split a source mention into name, role and nation (see SourceName)."""
    if rules is None or rules is load_rules():
        return _default_parse(text)
    return _parse(text, rules)


@lru_cache(maxsize=NAME_WORDS)  # a parsed name with its keys: ~1 KB
def _default_parse(text: str) -> SourceName:
    return _parse(text, load_rules())


def _parse(text: str, rules: Rules) -> SourceName:
    segments = [_WORD.findall(part) for part in _SEGMENT.split(text)]
    segments = [s for s in segments if s]
    if len(segments) == 1 and len(segments[0]) == 1 and "pronoun" in rules.kinds(fold(segments[0][0])):
        return SourceName(text, pronoun=True, display=segments[0][0])
    parts = [_segment(s, rules) for s in segments]
    first = parts[0] if parts else _Segment()
    named = next((p for p in parts if p.name), None)
    with_role = next((p for p in parts if p.role is not None), None)
    nation = (with_role.nation if with_role is not None and with_role.nation else
              next((p.nation for p in parts if p.nation), None))
    return SourceName(
        text=text, name=named.name if named else (), nation=nation,
        role=with_role.role if with_role is not None else None,
        words=tuple(w for p in parts for w in p.words), definite=first.definite,
        indefinite=first.indefinite, display=" ".join(first.tokens) or text.strip(),
    )


@dataclass
class _Segment:
    tokens: tuple[str, ...] = ()
    name: tuple[str, ...] = ()
    role: Role | None = None
    nation: str | None = None
    words: tuple[str, ...] = ()
    definite: bool = False
    indefinite: bool = False


def _strip_leading(tokens: list[str], rules: Rules, seg: _Segment) -> list[str]:
    while tokens and rules.kinds(fold(tokens[0])) & _LEADING:
        kinds = rules.kinds(fold(tokens[0]))
        seg.definite |= "article" in kinds
        seg.indefinite |= "indefinite" in kinds
        tokens = tokens[1:]
    return tokens


def _split_prefix(tokens: list[str], rules: Rules) -> list[str]:
    """'US-Geheimdienste' -> 'US', 'Geheimdienste' when the prefix is a nation."""
    out = []
    for t in tokens:
        head, _, rest = t.partition("-")
        if rest and fold(head) in rules.nation_names:
            out += [head, rest]
        else:
            out.append(t)
    return out


def _is_name_word(token: str, rules: Rules) -> bool:
    return token[:1].isupper() and not rules.kinds(fold(token))


def _word(token: str, rules: Rules) -> tuple[str, frozenset[str], str | None, Role | None, str]:
    """(folded, function-word kinds, nation, role, phrase word) of a token, memoised."""
    found = rules.memo.get(token)
    if found is None:
        low = fold(token)
        nation = nation_of(low, rules)
        role = role_of(low, rules) if token[:1].isupper() else None
        phrase = "@" + nation if nation else (adjective_stem(low, rules) or noun_stem(
            low, rules.endings.get("noun", ())))
        if len(rules.memo) > MEMO_WORDS:  # bounded: a long import meets many words once
            rules.memo.clear()
        found = rules.memo[token] = (low, rules.kinds(low), nation, role, phrase)
    return found


def _segment(raw: list[str], rules: Rules) -> _Segment:
    seg = _Segment()
    kept = _strip_leading(raw, rules, seg)
    seg.tokens = tuple(kept)
    tokens = _split_prefix(kept, rules)
    name_start = None
    plain = bool(tokens) and all(_is_name_word(t, rules) for t in tokens)
    for i, token in enumerate(tokens):
        _, kinds, nation, role, phrase = _word(token, rules)
        if kinds:
            continue
        if nation is not None:
            seg.nation = seg.nation or nation
            seg.words += (phrase,)
            continue
        if role is not None and seg.role is None:
            seg.role = role
            if role.kind in _NAME_AFTER:
                name_start = i + 1
            continue
        if role is None:
            seg.words += (phrase,)
    if name_start is not None:
        run = []
        for token in tokens[name_start:]:
            _, kinds, nation, role, _ = _word(token, rules)
            if not token[:1].isupper() or kinds or role or nation:
                break
            run.append(token)
        seg.name = tuple(run)
    elif seg.role is None and plain and seg.nation is None and (not seg.definite or _acronym(tokens)):
        seg.name = tuple(tokens)
    return seg


def _acronym(tokens: list[str]) -> bool:
    return len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) >= 2
