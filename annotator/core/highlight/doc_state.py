"""The state every claim rule reads: one document's tokens, sentences and quotes.

``DocState`` is built once per document and passed to each rule class
(word classes, clauses, noun phrases, sources, one class per cue family),
so they share named fields instead of attributes of one large object.
Token indices are positions in ``words``; ranges are end-exclusive unless
said otherwise.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, compress, count

from annotator.core.highlight.lexicons import Lexicons
from annotator.core.highlight.rules_words import PUNCT, QUOTE_PAIRS

Range = tuple[int, int]


@dataclass
class DocState:
    """Token texts, their lowercase forms, sentence bounds and quote regions."""

    words: list[str]
    sents: list[Range]  # (start, end) token index of each sentence
    lex: Lexicons
    ents: list[tuple[int, int, str]] = field(default_factory=list)  # from a statistical model, if any
    pos: list[str] | None = None  # token.pos_ from a statistical model, if any
    lower: list[str] = field(default_factory=list)
    quote_of: list[int] = field(default_factory=list)  # index into ``quotes`` per token, or -1
    quotes: list[Range] = field(default_factory=list)  # inclusive open..close token indices
    word_counts: list[int] = field(default_factory=list)  # words (not punctuation) before each token, and in all
    n: int = 0  # number of tokens
    verb_tokens: list[int] = field(default_factory=list)  # tokens whose lowercase form the verb lexicon knows
    frame_tokens: list[int] = field(default_factory=list)  # tokens whose lowercase form is a frame cue
    _hits: dict[str, list[int]] = field(default_factory=dict, repr=False)  # see ``token_hits``


    @classmethod
    def build(cls, words: list[str], sents: list[Range], lex: Lexicons,
              ents: list[tuple[int, int, str]] | None = None, pos: list[str] | None = None) -> DocState:
        doc = cls(words=words, sents=sents, lex=lex, ents=ents or [], pos=pos,
                  lower=list(map(str.lower, words)), n=len(words))
        doc.quotes = find_quotes(words)
        # the cue finders look only at these, instead of every token of every sentence
        verbs, frames = lex.verbs, lex.frames
        doc.verb_tokens = list(compress(count(), map(verbs.__contains__, doc.lower)))
        doc.frame_tokens = list(compress(count(), map(frames.__contains__, doc.lower)))
        # C-level loops: this runs over every token of every document
        doc.word_counts = list(accumulate([word[:1].isalnum() for word in words], initial=0))
        doc.quote_of = [-1] * len(words)
        for number, (opening, closing) in enumerate(doc.quotes):
            doc.quote_of[opening:closing + 1] = [number] * (closing + 1 - opening)
        return doc

    def tokens_in(self, hits: list[int], s: int, e: int) -> list[int]:
        """The indices of ``hits`` (sorted) within s..e."""
        return hits[bisect_left(hits, s):bisect_left(hits, e)]

    def any_in(self, hits: list[int], s: int, e: int) -> bool:
        """Is one of ``hits`` (sorted) within s..e?"""
        k = bisect_left(hits, s)
        return k < len(hits) and hits[k] < e

    def token_hits(self, name: str, test: Callable[[str], object],
                   part: Callable[[str], str] | None = None) -> list[int]:
        """The sorted indices of the tokens whose lowercase form (or ``part``
        of it, e.g. ``itemgetter(slice(-1, None))`` for the last letter)
        passes ``test``, found once per document in one C-level pass (``test``
        a set's ``__contains__``, a ``str`` method or an ``operator`` getter),
        so the rules that run per sentence need not test every token again."""
        hits = self._hits.get(name)
        if hits is None:
            words = self.lower if part is None else map(part, self.lower)
            hits = self._hits[name] = list(compress(count(), map(test, words)))
        return hits


QUOTE_MARKS = frozenset(QUOTE_PAIRS).union(*QUOTE_PAIRS.values())


MAX_QUOTE_TOKENS = 400  # a quotation mark unclosed this long is a typo, not a quote


def find_quotes(words: list[str]) -> list[Range]:
    """Pair quotation marks into regions (inclusive token indices).

    An opener followed by a closer of its kind within ``MAX_QUOTE_TOKENS``
    makes a region; a second opener of the same kind first means the first
    was never closed; a straight quote before punctuation closes nothing."""
    quotes: list[Range] = []
    n = len(words)
    marks = [k for k, word in enumerate(words) if word in QUOTE_MARKS]  # only these can open or close
    m = 0
    while m < len(marks):
        i = marks[m]
        opener = words[i]
        closers = QUOTE_PAIRS.get(opener)
        if closers is None or (opener == '"' and i + 1 < n and words[i + 1] in PUNCT):
            m += 1
            continue
        found = -1
        limit = min(n, i + MAX_QUOTE_TOKENS)
        for later in range(m + 1, len(marks)):
            j = marks[later]
            if j >= limit:
                break
            if words[j] in closers:
                found = j
                break
            if words[j] == opener and opener != '"':  # a new opener of the same kind: unclosed
                break
        if found < 0 or found == i + 1:
            m += 1
            continue
        quotes.append((i, found))
        while m < len(marks) and marks[m] <= found:
            m += 1
    return quotes
