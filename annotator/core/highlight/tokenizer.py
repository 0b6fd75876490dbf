"""The project's tokenizer: spaCy's German rules plus quote/colon splitting.

spaCy's German tokenizer leaves ``mit:„Wir`` or ``Ende.“Dann`` in one token
when quotation marks are written without spaces, which hides quotes and
cues from the rules.  We add infixes that split German and French quotation
marks and a colon before a quotation mark.
"""

from __future__ import annotations

import spacy
from spacy.util import compile_infix_regex

QUOTE_CHARS = "„“”»«‚‘"
EXTRA_INFIXES = [
    rf"[{QUOTE_CHARS}]",
    r"(?<=[^\W\d_])[:;](?=[„“”»«\"'])",
    r"(?<=[^\W_])[.!?…](?=[„“”»«\"])",
    r"(?<=[:;])\"(?=\w)",
    r"(?<=[.!?,])\"(?=\w)|(?<=\w)\"(?=[.!?,:;\s])",
]


def customize_tokenizer(nlp: spacy.Language) -> spacy.Language:
    infixes = list(nlp.Defaults.infixes or []) + EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def make_tokenizer_nlp() -> spacy.Language:
    """A blank German pipeline with the project's tokenizer (no components)."""
    return customize_tokenizer(spacy.blank("de"))
