"""Cheap pre-checks in front of the tokenizer's infix and suffix regexes.

spaCy runs the infix regex over every new chunk of text (a word between
spaces) and the suffix regex once per suffix it strips.  Both are long
alternations that start with look-behind assertions, so Python's ``re`` tries
every alternative at every position: about a third of tokenizing unseen
text.  Yet most chunks are plain words that no alternative can match.

Every infix match must consume one of a small set of characters first
(punctuation, quotation marks, symbols: the letter classes only stand in
look-arounds), and every suffix match must end in one of a set of last
characters.  These sets are read off the compiled patterns themselves
(``re``'s parser), so a chunk that holds none of the first characters, or
ends in none of the last ones, has no match, and the regex is skipped; the
answers are the same as the regex's.  When a pattern holds anything the
analysis cannot bound (``\\w``, ``.``, a negated class, a case-insensitive
flag, an alternative that can match nothing), no gate is made and the regex
runs as before.

The gates are objects with the ``pattern`` attribute of the regex they
guard, so spaCy's tokenizer serialisation (``tokenizer.to_bytes``) still
finds the pattern through the bound method's ``__self__``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import re._constants as sre_constants  # the project needs Python >= 3.11
import re._parser as sre_parse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

MAX_RANGE = 20_000  # a wider character range is not expanded: no gate
ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
           getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}
UNBOUNDED_FLAGS = re.IGNORECASE | re.LOCALE | re.VERBOSE


class Unbounded(Exception):
    """The pattern holds something whose characters cannot be listed."""


def _class_chars(items: Iterable[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE and av[1] - av[0] <= MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (\w, \d …), a huge range
            raise Unbounded(op)
    return chars


def _edge_item(op: Any, av: Any, last: bool) -> tuple[set[str], bool]:
    """(characters one item can consume first (or last), can it match nothing)."""
    if op is sre_constants.LITERAL:
        return {chr(av)}, False
    if op is sre_constants.IN:
        return _class_chars(av), False
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & UNBOUNDED_FLAGS:
            raise Unbounded("flags")
        return _edge(sub, last)
    if op is sre_constants.BRANCH:
        chars: set[str] = set()
        nullable = False
        for sub in av[1]:
            c, n = _edge(sub, last)
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op in REPEATS:
        low, _high, sub = av
        c, n = _edge(sub, last)
        return c, n or low == 0
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _edge(av, last)
    raise Unbounded(op)  # ANY, NOT_LITERAL, GROUPREF, …


def _edge(seq: Sequence[tuple[Any, Any]], last: bool) -> tuple[set[str], bool]:
    """The characters a sequence can consume first (``last``: last), and
    whether it can match without consuming any."""
    chars: set[str] = set()
    for op, av in (reversed(seq) if last else seq):
        if op in ZERO_WIDTH:
            continue  # look-arounds and anchors consume nothing
        c, nullable = _edge_item(op, av, last)
        chars |= c
        if not nullable:
            return chars, False
    return chars, True


def edge_chars(pattern: re.Pattern[str], last: bool = False) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can consume first (or last),
    or None when the pattern gives no such bound."""
    if pattern.flags & UNBOUNDED_FLAGS:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & UNBOUNDED_FLAGS:
            return None
        chars, nullable = _edge(list(tree), last)
    except (Unbounded, re.error):
        return None
    return None if nullable else frozenset(chars)


class GatedInfixes:
    """``finditer`` that skips the regex for a chunk without any character
    an infix match can start with."""

    def __init__(self, pattern: re.Pattern[str], first: frozenset[str]):
        self.regex = pattern
        self.pattern = pattern.pattern
        self.first = first

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        if self.first.isdisjoint(text):
            return ()
        return self.regex.finditer(text)


class GatedSuffixes:
    """``search`` that skips the regex for a chunk whose last character no
    suffix match can end with.  ``last`` holds the last characters of the
    alternatives that need nothing else; ``after`` pairs the last characters
    of the others with the small class their look-behind needs right before
    the suffix (units after a digit, "km", "m", "t": a word ending in "m" is
    searched only when it holds a digit).  ``$`` also matches before a final
    line break, so a chunk ending in one is always searched."""

    def __init__(self, pattern: re.Pattern[str], last: frozenset[str],
                 after: list[tuple[frozenset[str], frozenset[str]]]):
        self.regex = pattern
        self.pattern = pattern.pattern
        self.last = last | {"\n"}
        self.after = after

    def search(self, text: str) -> re.Match[str] | None:
        end = text[-1:]
        if end in self.last:
            return self.regex.search(text)
        for last, needed in self.after:
            if end in last and not needed.isdisjoint(text):
                return self.regex.search(text)
        return None


MAX_NEEDED = 32  # a look-behind class up to this size makes a separate test


def _needed_before(branch: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The small class a leading look-behind (?<=[...]) of one character
    asks for, or None."""
    if not branch or branch[0][0] is not sre_constants.ASSERT:
        return None
    direction, sub = branch[0][1]
    if direction != -1 or len(sub) != 1 or sub[0][0] not in (sre_constants.IN, sre_constants.LITERAL):
        return None
    try:
        chars = frozenset(_edge(list(sub), last=False)[0])
    except Unbounded:
        return None
    return chars if len(chars) <= MAX_NEEDED else None


def suffix_gate(pattern: re.Pattern[str]) -> GatedSuffixes | None:
    """The gate for a suffix pattern whose every alternative ends with ``$``,
    or None."""
    if pattern.flags & UNBOUNDED_FLAGS:
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & UNBOUNDED_FLAGS:
            return None
        items = list(tree)
        branches = items[0][1][1] if len(items) == 1 and items[0][0] is sre_constants.BRANCH else [items]
        plain: set[str] = set()
        after: dict[frozenset[str], set[str]] = {}
        for branch in branches:
            branch = list(branch)
            if not branch or tuple(branch[-1]) != (sre_constants.AT, sre_constants.AT_END):
                return None
            chars, nullable = _edge(branch, last=True)
            if nullable:
                return None
            needed = _needed_before(branch)
            if needed is None:
                plain |= chars
            else:
                after.setdefault(needed, set()).update(chars)
    except (Unbounded, re.error):
        return None
    plain_set = frozenset(plain)
    # a last character that needs nothing else never needs the extra test
    pairs = [(frozenset(chars - plain_set), needed) for needed, chars in after.items() if chars - plain_set]
    return GatedSuffixes(pattern, plain_set, pairs)


def _infix_gate(regex: re.Pattern[str]) -> dict[str, Any] | None:
    first = edge_chars(regex)
    return None if first is None else {"first": "".join(sorted(first))}


def _suffix_gate(regex: re.Pattern[str]) -> dict[str, Any] | None:
    gate = suffix_gate(regex)
    if gate is None:
        return None
    return {"last": "".join(sorted(gate.last)),
            "after": [["".join(sorted(last)), "".join(sorted(needed))] for last, needed in gate.after]}


def cache_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("annotator", appauthor=False)) / "regex-gates"


def _cached(kind: str, regex: re.Pattern[str],
            analyse: Callable[[re.Pattern[str]], dict[str, Any] | None]) -> dict[str, Any] | None:
    """The analysis of ``regex``, kept in the user cache folder keyed by a
    hash of the pattern and the Python version (parsing spaCy's patterns
    costs ~0.1 s of every start-up).  A cache that cannot be read or written
    is ignored: the analysis then runs, with the same answer."""
    key = hashlib.sha256(f"{kind}\n{sys.version_info[:2]}\n{regex.flags}\n{regex.pattern}".encode()).hexdigest()[:24]
    path = cache_folder() / f"{kind}-{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and stored.get("pattern") == key:
            answer = stored.get("gate")
            return answer if isinstance(answer, dict) else None
    except (OSError, ValueError):
        pass
    try:
        answer = analyse(regex)
    except Exception:  # noqa: BLE001 - re's parser is private: if it ever changes, tokenize without gates
        answer = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps({"pattern": key, "gate": answer}), encoding="utf-8")
        os.replace(partial, path)  # readers see the whole file or none
    except OSError:
        pass
    return answer


def gated_search(search: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """A suffix regex's ``search`` behind its gate (unchanged when the
    pattern allows none)."""
    regex = getattr(search, "__self__", None)
    if isinstance(regex, re.Pattern) and search == regex.search:
        suffix = _cached("suffix", regex, _suffix_gate)
        if suffix is not None:
            after = [(frozenset(last), frozenset(needed)) for last, needed in suffix["after"]]
            return GatedSuffixes(regex, frozenset(suffix["last"]), after).search
    return search


def gated_finditer(finditer: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """An infix regex's ``finditer`` behind its gate (unchanged when the
    pattern allows none)."""
    regex = getattr(finditer, "__self__", None)
    if isinstance(regex, re.Pattern) and finditer == regex.finditer:
        infix = _cached("infix", regex, _infix_gate)
        if infix is not None:
            return GatedInfixes(regex, frozenset(infix["first"])).finditer
    return finditer


def gated_tokenizer_factory(nlp: Any) -> Any:
    """spaCy's default tokenizer factory (``spacy.language.create_tokenizer``)
    with the gates built in: setting them on a built tokenizer would load its
    special cases again (~25 ms each)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    prefix_search = compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None
    suffix_search = compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None
    infix_finditer = compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None
    return Tokenizer(nlp.vocab, rules=defaults.tokenizer_exceptions, prefix_search=prefix_search,
                     suffix_search=gated_search(suffix_search), infix_finditer=gated_finditer(infix_finditer),
                     token_match=defaults.token_match, url_match=defaults.url_match)


def gate_tokenizer(tokenizer: Any) -> None:
    """Put the gates in front of a built spaCy tokenizer's infix and suffix
    regexes (each only when its pattern allows one)."""
    finditer = gated_finditer(tokenizer.infix_finditer)
    if finditer is not tokenizer.infix_finditer:
        tokenizer.infix_finditer = finditer
    search = gated_search(tokenizer.suffix_search)
    if search is not tokenizer.suffix_search:
        tokenizer.suffix_search = search
