"""What every family of cue rules reads.

Each family (verb cues, frames, complements, documents, moods) works over the
same per-document analyses, built once in ``rules.py``: the document's
tokens and their word classes, its clauses, its noun phrases and its
sentence features. They share this base so that the list lives in one place.
"""

from __future__ import annotations

from annotator.core.highlight.clauses import Clauses
from annotator.core.highlight.doc_state import DocState
from annotator.core.highlight.noun_phrases import NounPhrases
from annotator.core.highlight.sentence_features import SentenceFeatures
from annotator.core.highlight.word_classes import WordClasses


class RuleFamily:
    """A family of rules over one document's shared analyses."""

    def __init__(self, doc: DocState, tokens: WordClasses, clauses: Clauses, phrases: NounPhrases,
                 features: SentenceFeatures) -> None:
        self.doc = doc
        self.tokens = tokens
        self.clauses = clauses
        self.phrases = phrases
        self.features = features
