"""Tokenize once: the highlighter's tokens, kept for the export.

The JSONL export's "tokens" field needs exactly the tokens the highlighter
has just made (one tokenizer set-up, ``highlight.make_tokenizer_nlp``), and
tokenizing is the dearest step of a first export. So whoever highlights
(an import, or its workers) hands the tokens' offsets (two int arrays,
~8 bytes a token; whitespace follows from the gaps) to the export's token
cache (:mod:`annotator.core.export.token_cache`), keyed
like the export looks them up: by a hash of the exact text, in the file of
the tokenizer's fingerprint. The first export then reads them and never
runs the tokenizer; its output is byte-identical, since the export renders
cached tokens and fresh ones the same way.

Only when the highlighter's tokenizer is the export's (same fingerprint):
a statistical model with tokenizer rules of its own stores nothing.
A cache that cannot be opened stores nothing; the export then tokenizes.
"""

from __future__ import annotations


class TokenStore:
    """Writes (text, Tokens) pairs into the export's token cache."""

    def __init__(self, cache, fingerprint: str):
        self.cache = cache
        self.fingerprint = fingerprint  # the tokenizer's (the export's too)

    def put(self, pairs: list) -> None:
        from annotator.core.export.token_cache import text_key

        items = {text_key(text): tokens for text, tokens in pairs if tokens is not None}
        self.cache.put_many(items, None)  # offsets only: the export renders their JSON

    def close(self) -> None:
        self.cache.close()


def open_store(highlighter) -> TokenStore | None:
    """The store for ``highlighter``'s tokens, or None where the export
    would not use them."""
    from annotator.core.parallel_highlight import is_plain, unwrap

    highlighter = unwrap(highlighter)
    if not is_plain(highlighter):  # a wrapper highlights through its own pipe(): no Docs, no tokens
        return None
    from annotator.core.export.token_cache import TokenCache, default_cache_path
    from annotator.core.export.tokens import tokenizer_fingerprint

    export_fingerprint = tokenizer_fingerprint()
    if tokenizer_fingerprint(highlighter.nlp) != export_fingerprint:
        return None
    cache = TokenCache(default_cache_path(export_fingerprint))
    return TokenStore(cache, export_fingerprint) if cache.conn is not None else None
