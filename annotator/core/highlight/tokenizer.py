"""The project's tokenizer: spaCy's German rules plus quote/colon splitting.

spaCy's German tokenizer leaves ``mit:„Wir`` or ``Ende.“Dann`` in one token
when quotation marks are written without spaces, which hides quotes and
cues from the rules.  We add infixes that split German and French quotation
marks and a colon before a quotation mark.
"""

from __future__ import annotations

import spacy
from spacy.util import compile_infix_regex

from annotator.core.highlight.regex_gates import gate_tokenizer

QUOTE_CHARS = "„“”»«‚‘"
# one combined pattern (cheaper than several alternatives): quotation marks,
# a straight quote after a colon, and end punctuation glued to a quotation mark
EXTRA_INFIXES = [
    rf"[{QUOTE_CHARS}]|(?<=[:;])\"(?=\w)|(?<=[^\W\d_])[.!?…:;](?=[{QUOTE_CHARS}\"])",
]


def customize_tokenizer(nlp: spacy.Language) -> spacy.Language:
    infixes = list(nlp.Defaults.infixes or []) + EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    gate_tokenizer(nlp.tokenizer)
    return nlp


def drop_lexeme_attributes(nlp: spacy.Language) -> spacy.Language:
    """Skip computing lexical attributes (shape, like_num, like_url …) for
    new words: the highlighter never reads them and they cost ~20% of
    tokenization on unseen text.  Only for the highlighter's own pipeline."""
    nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]
    return nlp


def make_tokenizer_nlp() -> spacy.Language:
    """A blank German pipeline with the project's tokenizer (no components)."""
    return customize_tokenizer(spacy.blank("de"))
