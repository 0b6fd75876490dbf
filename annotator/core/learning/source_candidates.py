"""Candidate source spans for one suggestion, for the learned source chooser.

Reviewers correct a suggested source in a few typical ways: they widen it
to the whole noun phrase ("der Künstler" → "der Künstler und Netzaktivist
padeluun", "Angaben der Hilfsorganisation Ärzte" → "… ohne Grenzen"),
narrow it ("Entwurf von Rentnern" → "Entwurf"), pick another phrase of
the sentence (the clause's subject), carry the speaker of an earlier claim
over, or remove it.  This module lists those candidates from the tokens
alone (spaCy's blank tokenizer, our function-word lists; no parser, no
pretrained model): the rule's own span, its expansions and reductions, the
noun phrases of the cue's sentence, earlier claims' sources and "none".

A candidate is ``(start, end, kind)`` in str offsets; ``(-1, -1, "none")``
means "no source".  ``source_chooser`` scores them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from annotator.core.highlight.lexicons import Lexicons

NONE = (-1, -1, "none")
_ENDS = frozenset(".!?")
_QUOTES = frozenset("„“”»«\"")
_CLOSING = frozenset("“”«")
_GENITIVE = frozenset("des der von vom".split())
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
MAX_CHUNK = 12
WINDOW = 250  # characters of context either side of a suggestion
_NEWLINE = re.compile("\n")
_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_BREAK_MARK = re.compile("[.!?“”«]")  # _ENDS and _CLOSING


def _breaks(text: str, words: list[str], starts: list[int], ends: list[int], i: int) -> bool:
    """Does a sentence start at token i?"""
    if "\n" in text[ends[i - 1]:starts[i]]:
        return True
    before = words[i - 2] if i >= 2 else ""
    if words[i - 1] in _CLOSING and before in _ENDS:  # „Gut.“ Er …
        return words[i][:1].isupper()
    if words[i - 1] not in _ENDS or words[i] in _CLOSING:
        return False
    return not before.isdigit() and (words[i][:1].isupper() or words[i] in _QUOTES)


@dataclass
class Tokens:
    """An article's tokens (text, start, end) and sentence index per token."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence: list[int]
    sentence_starts: list[int]  # token index of each sentence's first token

    @classmethod
    def around(cls, text: str, start: int, end: int) -> Tokens:
        """The tokens of the stretch ``WINDOW`` characters either side of
        start..end (cut at spaces), in the text's offsets: what one
        suggestion's candidates and edits need (tokenising whole articles
        for a few claims would cost more than highlighting them)."""
        a = 0 if start <= WINDOW else text.rfind(" ", 0, start - WINDOW) + 1
        b = text.find(" ", end + WINDOW)
        b = len(text) if b < 0 else b
        tok = cls.of(text[a:b])
        if a:
            tok.starts = [x + a for x in tok.starts]
            tok.ends = [x + a for x in tok.ends]
        return tok

    @classmethod
    def of(cls, text: str) -> Tokens:
        """Tokens by the re-scorer's word pattern (no spaCy: the tooltip
        computes them in the UI thread, and learning and applying must cut
        the text the same way).  A sentence ends at a line break, or at
        ". ! ?" before a capital or a quote (not after a number: "17. Mai")."""
        import bisect

        # split() keeps the tokens (the pattern is one group) between the
        # gaps, all in C; the running lengths are the offsets: three times
        # faster than a match object per token
        parts = _SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        words = parts[1::2]
        starts = offsets[0::2][:len(words)]
        ends = offsets[1::2]
        n = len(words)
        # only tokens after a line break or after ". ! ? “" can open a sentence
        maybe = {bisect.bisect_left(starts, m.start()) for m in _NEWLINE.finditer(text)}
        for m in _BREAK_MARK.finditer(text):  # a few per article: no loop over every token
            i = bisect.bisect_left(starts, m.start())
            if i < n and starts[i] == m.start() and ends[i] == m.end():
                maybe.add(i + 1)
        breaks = sorted(i for i in maybe if 0 < i < n and _breaks(text, words, starts, ends, i))
        sentence: list[int] = []
        previous = 0
        for k, b in enumerate([*breaks, n]):
            sentence.extend([k] * (b - previous))
            previous = b
        return cls(words, starts, ends, sentence, [0, *breaks] if words else [])

    def index(self, char: int) -> int:
        """The token that covers (or first follows) str offset ``char``."""
        import bisect

        return max(0, min(len(self.words) - 1, bisect.bisect_right(self.starts, char) - 1))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Str offsets of tokens i..j inclusive."""
        return self.starts[i], self.ends[j]

    def sentence_range(self, s: int) -> tuple[int, int]:
        first = self.sentence_starts[s]
        last = self.sentence_starts[s + 1] - 1 if s + 1 < len(self.sentence_starts) else len(self.words) - 1
        return first, last


def _cls(lex: Lexicons, w: str) -> frozenset[str]:
    return lex.fclass(w.lower())


def _is_name_like(w: str, lex: Lexicons) -> bool:
    return w[:1].isupper() and not _cls(lex, w) - {"det"} and w.lower() not in lex.pronouns


def chunk_at(tok: Tokens, i: int, lex: Lexicons, last: int) -> tuple[int, int] | None:
    """The noun phrase that starts at token i (a determiner, pronoun or
    capitalised word) up to its head: (i, j) inclusive, or None."""
    w = tok.words[i]
    low = w.lower()
    if low in lex.pronouns and "det" not in _cls(lex, w):
        return (i, i)
    if not ("det" in _cls(lex, w) or _is_name_like(w, lex)):
        return None
    j, has_noun = i, _is_name_like(w, lex) and "det" not in _cls(lex, w)
    while j + 1 <= last and j + 1 - i < MAX_CHUNK:
        nxt = tok.words[j + 1]
        if _is_name_like(nxt, lex) or (nxt == "-" and has_noun):
            has_noun = True
        elif not has_noun and nxt.islower() and nxt.endswith(_ADJ_ENDINGS) and not _cls(lex, nxt):
            pass  # an adjective before the noun
        else:
            break
        j += 1
    return (i, j) if has_noun else None


def extend_right(tok: Tokens, i: int, j: int, lex: Lexicons, last: int) -> list[tuple[int, int, str]]:
    """Longer versions of phrase i..j: a genitive or "von" attribute, an
    apposition between commas, a bracket, a coordination."""
    out = []
    k = j
    for _ in range(3):
        nxt = k + 1
        if nxt > last:
            break
        w = tok.words[nxt]
        if w.lower() in _GENITIVE or w in ("und", "sowie"):
            ch = chunk_at(tok, nxt + 1, lex, last) if nxt + 1 <= last else None
            if ch is None:
                break
            k, kind = ch[1], "coord" if w in ("und", "sowie") else "genitive"
        elif w == "(":
            close = next((m for m in range(nxt, min(last, nxt + 8) + 1) if tok.words[m] == ")"), None)
            if close is None:
                break
            k, kind = close, "bracket"
        elif w == "," and nxt + 1 <= last:
            ch = chunk_at(tok, nxt + 1, lex, last)
            if ch is None:
                break
            k, kind = _apposition_end(tok, ch[1], lex, last), "apposition"
        else:
            break
        out.append((*tok.span(i, k), kind))
    return out


def _apposition_end(tok: Tokens, j: int, lex: Lexicons, last: int) -> int:
    """An apposition runs over its own attributes ("Präsident des DFB")."""
    while j + 2 <= last and tok.words[j + 1].lower() in _GENITIVE:
        ch = chunk_at(tok, j + 2, lex, last)
        if ch is None:
            break
        j = ch[1]
    return j


def _shrunk(tok: Tokens, i: int, j: int, lex: Lexicons) -> list[tuple[int, int, str]]:
    """Shorter versions of the rule's phrase i..j: up to its first comma,
    preposition or genitive; its last run of capitalised words; without a
    leading preposition or report noun ("Angaben des …")."""
    out = []
    for k in range(i + 1, j + 1):
        w = tok.words[k]
        if w in (",", "(") or "prep" in _cls(lex, w) or w.lower() in _GENITIVE:
            out.append((*tok.span(i, k - 1), "head"))
            break
    k = j
    while k > i and _is_name_like(tok.words[k - 1], lex):
        k -= 1
    if k > i and _is_name_like(tok.words[j], lex):
        out.append((*tok.span(k, j), "name"))
    first = tok.words[i]
    if i < j and ("prep" in _cls(lex, first) or lex.is_nominal_cue(first.lower())):
        out.append((*tok.span(i + 1, j), "drop_first"))
    return out


def candidates(tok: Tokens, lex: Lexicons, start: int, end: int, cue: tuple[int, int] | None,
               source: tuple[int, int] | None, earlier: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The candidate sources of one suggestion (message start..end), the
    rule's own first, "none" last; no duplicates."""
    if not tok.words:
        return [NONE]
    anchor = tok.index(cue[0] if cue else start)
    s = tok.sentence[anchor]
    first, last = tok.sentence_range(s)
    out: list[tuple[int, int, str]] = []
    if source is not None:
        out.append((*source, "rule"))
        i, j = tok.index(source[0]), tok.index(max(source[0], source[1] - 1))
        out += extend_right(tok, i, j, lex, last if tok.sentence[j] == s else len(tok.words) - 1)
        out += _shrunk(tok, i, j, lex)
        if i > 0 and ("prep" in _cls(lex, tok.words[i - 1]) or "det" in _cls(lex, tok.words[i - 1])):
            out.append((*tok.span(i - 1, j), "left"))
    i = first
    while i <= last:
        ch = chunk_at(tok, i, lex, last)
        if ch is None:
            i += 1
            continue
        out.append((*tok.span(*ch), "chunk"))
        out += extend_right(tok, ch[0], ch[1], lex, last)[-1:]
        i = ch[1] + 1
    if s > 0:  # the previous sentence's subject: its first noun phrase
        pf, pl = tok.sentence_range(s - 1)
        for k in range(pf, min(pl, pf + 3) + 1):
            ch = chunk_at(tok, k, lex, pl)
            if ch is not None:
                out.append((*tok.span(*ch), "prev_subject"))
                break
    out += [(a, b, "earlier") for a, b in earlier[-2:]]
    out.append(NONE)
    seen: set[tuple[int, int]] = set()
    unique = []
    for a, b, kind in out:
        if (a, b) not in seen and (a < b or kind == "none"):
            seen.add((a, b))
            unique.append((a, b, kind))
    return unique
