"""Source rules of issue 13's thirteenth round: a reader's story per rule (a
German sentence in, the speaker the annotator is offered out)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

# ------------------------------------------------------------ "Aus X hieß es"


def test_government_circles_are_where_the_report_came_from(hl):
    # one noun after "aus" fills the prefield before "hieß es": where the
    # words came from is the source, as "Bei der Agentur RIA hieß es"
    text = "Aus Regierungskreisen hieß es, die Verhandlungen seien gescheitert."
    assert [c["src"] for c in attributed(hl, text)] == ["Regierungskreisen"]


def test_a_month_before_hiess_es_is_no_source(hl):
    text = "Im Januar hieß es, die Verhandlungen seien gescheitert."
    assert [c["src"] for c in attributed(hl, text)] == [None]
