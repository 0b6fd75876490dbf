"""The state every claim rule reads: one document's tokens, sentences and quotes.

``DocState`` is built once per document and passed to each rule class
(word classes, clauses, noun phrases, sources, one class per cue family),
so they share named fields instead of attributes of one large object.
Token indices are positions in ``words``; ranges are end-exclusive unless
said otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


    @classmethod
    def build(cls, words: list[str], sents: list[Range], lex: Lexicons,
              ents: list[tuple[int, int, str]] | None = None, pos: list[str] | None = None) -> DocState:
        doc = cls(words=words, sents=sents, lex=lex, ents=ents or [], pos=pos,
                  lower=[word.lower() for word in words], n=len(words))
        doc.quotes = find_quotes(words)
        count = 0
        doc.word_counts = [0]
        for word in words:
            count += word[:1].isalnum()
            doc.word_counts.append(count)
        doc.quote_of = [-1] * len(words)
        for number, (opening, closing) in enumerate(doc.quotes):
            for k in range(opening, closing + 1):
                doc.quote_of[k] = number
        return doc


MAX_QUOTE_TOKENS = 400  # a quotation mark unclosed this long is a typo, not a quote


def find_quotes(words: list[str]) -> list[Range]:
    """Pair quotation marks into regions (inclusive token indices).

    An opener followed by a closer of its kind within ``MAX_QUOTE_TOKENS``
    makes a region; a second opener of the same kind first means the first
    was never closed; a straight quote before punctuation closes nothing."""
    quotes: list[Range] = []
    n = len(words)
    i = 0
    while i < n:
        opener = words[i]
        closers = QUOTE_PAIRS.get(opener)
        if closers is None:
            i += 1
            continue
        if opener == '"' and i + 1 < n and words[i + 1] in PUNCT:
            i += 1
            continue
        found = -1
        for j in range(i + 1, min(n, i + MAX_QUOTE_TOKENS)):
            if words[j] in closers:
                found = j
                break
            if words[j] == opener and opener != '"':  # a new opener of the same kind: unclosed
                break
        if found < 0 or found == i + 1:
            i += 1
            continue
        quotes.append((i, found))
        i = found + 1
    return quotes
