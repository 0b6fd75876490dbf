"""Tokens for the exported records, from the project's spaCy tokenizer.

Tokenizing is the dearest step of a JSONL export (spaCy's tokenizer reaches
a few hundred news articles per second), so texts are tokenized in batches
with ``tokenizer.pipe`` and only the tokenizer runs, never a full pipeline.
See :mod:`annotator.core.export.token_cache` for reuse across exports.
"""

from __future__ import annotations

import hashlib
import operator
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from json.encoder import encode_basestring  # json.dumps' own string escaper, minus its overhead

# spaCy is imported inside the functions that tokenize: importing it costs
# ~1 s and ~80 MB, and the CLI and the GUI import this package at start-up
# (tests/test_export_lazy_spacy.py keeps it that way).

_TOKEN = '{"text":%s,"start":%d,"end":%d,"id":%d,"ws":%s}'


@dataclass
class Tokens:
    """Token boundaries of one text: token i = text[starts[i]:ends[i]].
    ``rendered`` is the JSON of the tokens list once known (e.g. from the cache)."""

    starts: Sequence[int]
    ends: Sequence[int]
    spaces: Sequence[bool] | None = None
    rendered: str | None = None
    rendered_bytes: bytes | None = None  # the same JSON, UTF-8 (as the token cache returns it)

    def __len__(self) -> int:
        return len(self.starts)

    def token_at(self, offset: int) -> int:
        """Index of the token holding character ``offset`` (or the one before a gap)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """First and last (inclusive) token of the character span [start, end)."""
        first = self.token_at(start)
        return first, max(self.token_at(max(end - 1, start)), first)

    def to_json(self, text: str) -> str:
        """Prodigy's "tokens" list as JSON text: [{text, start, end, id, ws}, ...].

        Rendered with one format string per token instead of dicts plus
        json.dumps: the same bytes at several times the speed."""
        if self.rendered is None and self.rendered_bytes is not None:
            self.rendered = self.rendered_bytes.decode("utf-8")
        if self.rendered is None:
            self.rendered = tokens_json(text, self.starts, self.ends, self.spaces)
        return self.rendered

    def json_bytes(self, text: str) -> bytes:
        """:meth:`to_json` as UTF-8; the cache's bytes are used as they are."""
        if self.rendered_bytes is None:
            self.rendered_bytes = self.to_json(text).encode("utf-8")
        return self.rendered_bytes


_WS = ("false", "true")


def tokens_json(text: str, starts: Sequence[int], ends: Sequence[int], spaces: Sequence[bool] | None) -> str:
    """The tokens' JSON list: one %-format over a flat tuple of every
    token's five values, filled by slice assignment and C-level maps (a
    Python loop per token was two thirds of the cost)."""
    count = len(starts)
    if not count:
        return "[]"
    values: list = [None] * (5 * count)
    values[0::5] = map(encode_basestring, map(text.__getitem__, map(slice, starts, ends)))
    values[1::5] = starts
    values[2::5] = ends
    values[3::5] = range(count)
    if spaces is None:  # a gap after a token is its whitespace (spaces_of)
        following = list(starts[1:])
        following.append(len(text))
        values[4::5] = map(_WS.__getitem__, map(operator.lt, ends, following))
    else:
        values[4::5] = map(_WS.__getitem__, map(bool, spaces))
    return "[" + ",".join([_TOKEN] * count) % tuple(values) + "]"


def spaces_of(starts: Sequence[int], ends: Sequence[int], length: int) -> list[bool]:
    """spaCy's whitespace flags from token offsets alone: spaCy's tokens cover
    the text except the single spaces it folds into the token before them, so
    a token is followed by whitespace exactly when a gap follows it (stored
    offsets need no flags; tests/test_parallel_import.py checks this on
    tricky texts)."""
    following = list(starts[1:]) + [length]
    return [end < after for end, after in zip(ends, following)]


@cache
def tokenizer_nlp():
    """The project's tokenizer pipeline (``highlight.make_tokenizer_nlp``);
    spaCy's blank German one while the highlighter package does not provide it."""
    try:
        from annotator.core.highlight import make_tokenizer_nlp
    except ImportError:
        import spacy

        return spacy.blank("de")
    return make_tokenizer_nlp()


def tokenizer_fingerprint(nlp=None) -> str:
    """Names the tokenizer (of ``nlp``, else the export's), so cached tokens
    of another tokenizer are never reused."""
    import spacy

    nlp = nlp or tokenizer_nlp()
    rules = hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest()[:12]
    return f"{nlp.lang} tokenizer {rules} (spaCy {spacy.__version__})"


def tokens_of_doc(doc) -> Tokens:
    from spacy.attrs import IDX, LENGTH, SPACY

    if len(doc) == 0:
        return Tokens([], [], [])
    columns = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
    starts, lengths, spaces = columns
    return Tokens(starts, [s + n for s, n in zip(starts, lengths)], [bool(x) for x in spaces])


@cache
def offsets_nlp():
    """The highlighter's own tokenizer set-up, for token offsets: the same
    tokens, without lexeme attributes (~1.5x faster on unseen words). The
    DocBin export keeps :func:`tokenizer_nlp`, whose Docs carry NORM."""
    try:
        from annotator.core.highlight import make_tokenizer_nlp
    except ImportError:
        return tokenizer_nlp()
    return make_tokenizer_nlp(lean=True)


def tokenize(texts: Iterable[str], batch_size: int = 256) -> Iterator[Tokens]:
    for doc in offsets_nlp().tokenizer.pipe(texts, batch_size=batch_size):
        yield tokens_of_doc(doc)


def make_doc(text: str):
    """A spaCy Doc of ``text`` made by the project's tokenizer."""
    return tokenizer_nlp().make_doc(text)
