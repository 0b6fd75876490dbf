"""The project's tokenizer, registered with spaCy as ``annotator.Tokenizer.v1``.

A spaCy config naming it (resources/spacy/spancat.cfg, docs/spancat-example.cfg,
the spancat.cfg every spaCy export writes) re-tokenizes texts exactly as the
export did, so every exported span aligns with the tokens (with spaCy's own
German tokenizer, a span ending at a quotation mark glued to a word did not).
spaCy finds it through the ``spacy_tokenizers`` entry point of the installed
package; ``--code annotator/core/export/spacy_registry.py`` works too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.util import compile_infix_regex

from annotator.core.highlight.tokenizer import EXTRA_INFIXES

NAME = "annotator.Tokenizer.v1"


@spacy.registry.tokenizers(NAME)
def project_tokenizer() -> Callable[[Any], Any]:
    """spaCy's rule-based tokenizer for the language, plus the project's infixes."""
    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp):
        tokenizer = default(nlp)
        infixes = list(nlp.Defaults.infixes or []) + EXTRA_INFIXES
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return create
