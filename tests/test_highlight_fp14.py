"""False sources (issue 13, fourteenth round: Source precision): a reader's
story per rule that keeps a word which cannot speak from becoming a speaker."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed


def test_a_time_after_erst_is_no_source_frame(hl):
    # "erst", "schon", "bereits", "noch" before "nach" measure a time: the
    # investigations came first, nobody is quoted
    text = "Erst nach umfangreichen Ermittlungen war genug Material beisammen, um das Verfahren neu aufzurollen."
    assert attributed(hl, text) == []
    [c] = attributed(hl, "Nach Angaben der Polizei war genug Material beisammen.")
    assert c["src"] == "Angaben der Polizei"
