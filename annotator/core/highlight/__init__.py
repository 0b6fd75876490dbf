"""Claim & attribution pre-highlighter for German news (spaCy, rule based).

Public API::

    hl = load_highlighter()          # cached; uses de_core_news_lg/md/sm if installed
    hl.highlight(text) -> list[ClaimSuggestion]
    hl.pipe(texts, batch_size=64) -> Iterator[list[ClaimSuggestion]]
    make_tokenizer_nlp()             # blank "de" + the project's tokenizer tweaks

Importing this package is cheap: spaCy and the lexicons load on first use.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import spacy

    from annotator.core.models import ClaimSuggestion

__all__ = ["Highlighter", "load_highlighter", "make_tokenizer_nlp", "RULES_VERSION", "MODEL_PREFERENCE"]

RULES_VERSION = "0.1.0"
PIPELINE_NAME = "annotator-claims"
MODEL_PREFERENCE = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")


class Highlighter:
    """A loaded highlighting pipeline."""

    def __init__(self, nlp: spacy.Language, model: str | None, digest: str):
        self._nlp = nlp
        self.model = model
        self.name = PIPELINE_NAME if model is None else f"{PIPELINE_NAME}+{model}"
        self.version = f"{RULES_VERSION}+{model or 'blank'}.{digest}"

    @property
    def nlp(self) -> spacy.Language:
        return self._nlp

    def highlight(self, text: str) -> list[ClaimSuggestion]:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[ClaimSuggestion]]:
        """Claims per text, in order; a text over ``nlp.max_length`` is
        highlighted in pieces cut at paragraph breaks (long_texts)."""
        from collections import deque

        from annotator.core.highlight.long_texts import pieces, shifted

        limit = self._nlp.max_length
        cut: deque[list[tuple[int, str]]] = deque()  # the pieces of texts sent, not yet answered

        def stream() -> Iterator[str]:
            for text in texts:
                parts = pieces(text, limit)
                cut.append(parts)
                yield from (part for _, part in parts)

        docs = iter(self._nlp.pipe(stream(), batch_size=batch_size))
        for first in docs:
            parts = cut.popleft()
            claims = shifted(list(first._.annotator_claims), parts[0][0])
            for offset, _ in parts[1:]:
                claims += shifted(list(next(docs)._.annotator_claims), offset)
            yield claims

    def __repr__(self) -> str:
        return f"Highlighter(name={self.name!r}, version={self.version!r})"


_cache: dict[str | None, Highlighter] = {}
_lock = threading.Lock()


def installed_model() -> str | None:
    """The best installed German spaCy model, or None."""
    import spacy.util

    for name in MODEL_PREFERENCE:
        if spacy.util.is_package(name):
            return name
    return None


def make_tokenizer_nlp(lean: bool = False) -> spacy.Language:
    """Blank German pipeline with the project's tokenizer (for token offsets).
    ``lean``: without lexeme attributes, as the blank highlighter tokenizes
    (the one set-up the highlighter and the export's token offsets share)."""
    from annotator.core.highlight.regex_gates import gated_tokenizer_factory
    from annotator.core.highlight.tokenizer import drop_lexeme_attributes
    from annotator.core.input_checks import MAX_TEXT_BYTES

    def lean_tokenizer(nlp: spacy.Language):
        # before the tokenizer loads its special cases, whose words are the
        # first lexemes made (~0.03 s of start-up with attributes)
        drop_lexeme_attributes(nlp)
        return gated_tokenizer_factory(nlp)

    # the same tokens, the infix and suffix regexes skipped where they cannot match
    nlp = _project_german()(create_tokenizer=lean_tokenizer if lean else gated_tokenizer_factory)
    # only tokenizes (memory linear in the text): any text an import accepts
    nlp.max_length = max(nlp.max_length, MAX_TEXT_BYTES)
    return drop_lexeme_attributes(nlp) if lean else nlp


@functools.cache
def _project_german():
    """spaCy's German with the project's infixes (tokenizer.EXTRA_INFIXES) as
    its defaults: the same tokenizer as ``customize_tokenizer(spacy.blank("de"))``
    (tests/test_startup.py compares them), but the infix regex is compiled
    once instead of twice, ~0.3 s less start-up for every process that
    highlights or tokenizes."""
    # GermanDefaults is the class German.Defaults names; subclassing it by that
    # name keeps the base a real type for mypy (a class attribute is not one)
    from spacy.lang.de import German, GermanDefaults

    from annotator.core.highlight.tokenizer import EXTRA_INFIXES

    class ProjectGermanDefaults(GermanDefaults):
        infixes = list(GermanDefaults.infixes or []) + EXTRA_INFIXES

    class ProjectGerman(German):
        Defaults = ProjectGermanDefaults

    return ProjectGerman


def build_pipeline(model: str | None) -> spacy.Language:
    import spacy

    from annotator.core.highlight import components  # noqa: F401  (registers factories)
    from annotator.core.highlight.tokenizer import customize_tokenizer

    if model is None:
        nlp = make_tokenizer_nlp(lean=True)
        nlp.add_pipe("annotator_sentences")
        nlp.add_pipe("annotator_claims")
        return nlp
    # a statistical model improves sources (POS, entities); our segmentation
    # runs first, the lemmatizer and parser are not needed
    nlp = spacy.load(model, exclude=["lemmatizer", "parser", "senter"])
    customize_tokenizer(nlp)
    nlp.add_pipe("annotator_sentences", first=True)
    nlp.add_pipe("annotator_claims", last=True)
    return nlp


RULE_MODULES = (
    "rules.py", "rules_words.py", "claim.py", "doc_state.py", "word_classes.py", "clauses.py", "noun_phrases.py",
    "cue_verbs.py", "cue_frames.py", "cue_quotes.py", "cue_outlet.py", "cue_complements.py", "source_phrases.py",
    "coreference.py", "cue_documents.py", "clause_moods.py", "rule_family.py",
    "sentence_features.py", "sentences.py", "tokenizer.py", "components.py", "lexicons.py", "regex_gates.py",
)


def pipeline_digest(lexicon_digest: str) -> str:
    """Short hash of the lexicons and the rule code, so the version string
    changes whenever either changes (stored suggestions can then be redone)."""
    import hashlib
    from pathlib import Path

    h = hashlib.sha1(lexicon_digest.encode())
    here = Path(__file__).resolve().parent
    for name in RULE_MODULES:
        try:
            h.update((here / name).read_bytes())
        except OSError:  # e.g. a frozen build without sources: the lexicons still count
            h.update(name.encode())
    return h.hexdigest()[:8]


def is_loaded_by_name(hl) -> bool:
    """Whether ``hl`` is one load_highlighter() made (so another process
    builds the same one from its model name), not a variant built apart."""
    return any(hl is cached for cached in _cache.values())


def load_highlighter(model: str | None = None) -> Highlighter:
    """Load (once per process and model) the highlighting pipeline.

    ``model=None`` uses an installed de_core_news_lg/md/sm if there is one,
    else ``spacy.blank("de")`` with our components; ``model="blank"`` forces
    the blank pipeline; any other name is loaded with ``spacy.load``.
    """
    key = model
    with _lock:
        if key in _cache:
            return _cache[key]
        chosen = installed_model() if model is None else (None if model == "blank" else model)
        from annotator.core.highlight.lexicons import load_lexicons

        nlp = build_pipeline(chosen)
        hl = Highlighter(nlp, chosen, pipeline_digest(load_lexicons().digest))
        _cache[key] = hl
        return hl
