"""Property tests: any text gives well-formed suggestions and never crashes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.highlight import load_highlighter
from annotator.core.models import Attribution

WORDS = [
    "Der", "die", "Sprecher", "sagte", "teilte", "mit", "laut", "Laut", "zufolge", "nach", "Angaben",
    "dass", "sei", "soll", "offenbar", "Polizei", "Merkel", "er", "Er", ",", ".", ":", "„", "“", '"', "»",
    "«", "(", ")", "12.000", "27.", "Oktober", "z.", "B.", "Dr.", "heißt", "es", "so", "wie", "erklärte",
    "\n", "\r\n", "  ", "demnach", "Demnach", "wonach", "gemäß", "von", "des", "Ministeriums", "und",
]


@pytest.fixture(scope="module")
def hl():
    return load_highlighter("blank")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.booleans())
def test_suggestions_are_well_formed(hl, words, glue):
    text = ("" if glue else " ").join(words)
    claims = hl.highlight(text)
    n = len(text)
    for c in claims:
        assert 0 <= c.start < c.end <= n
        assert text[c.start:c.end].strip()
        for span in (c.source, c.cue):
            if span is not None:
                assert 0 <= span.start < span.end <= n
        if c.attribution == Attribution.UNATTRIBUTED:
            assert c.source is None and c.cue is None
        assert 0.0 <= c.score <= 1.0
    assert [c.start for c in claims] == sorted(c.start for c in claims)


@given(st.text(max_size=200))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_unicode_never_crashes(hl, text):
    for c in hl.highlight(text):
        assert 0 <= c.start < c.end <= len(text)
