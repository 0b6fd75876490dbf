"""Message rules the sixth round of issue 13 added: a reader's story per
rule (what the annotator sees as claim, source and cue)."""

from __future__ import annotations

from highlight_support import attributed_claims as attributed

from annotator.core.models import Attribution as A

# ------------------------------------------------------------ "nach …" frames


def test_a_relative_determiner_before_the_report_noun_still_makes_a_source_frame(hl):
    text = "Nach deren Angaben sollten täglich Speisen mit Vitamin E auf den Teller kommen."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"], c["attr"]) == (
        "sollten täglich Speisen mit Vitamin E auf den Teller kommen", "deren Angaben", "Nach", A.ACCORDING_TO)


def test_a_report_noun_in_the_plural_makes_a_source_frame(hl):
    text = "Nach Darstellungen des Verlages bietet das Buch eine differenzierte Betrachtung."
    [c] = attributed(hl, text)
    assert (c["msg"], c["src"], c["cue"]) == ("bietet das Buch eine differenzierte Betrachtung",
                                              "Darstellungen des Verlages", "Nach")


def test_nach_before_a_plural_that_is_no_report_stays_a_time(hl):
    text = "Nach Verhandlungen von drei Tagen unterschrieben beide Seiten den Vertrag am Freitag."
    assert attributed(hl, text) == []
