"""Helpers for the highlighter tests: claims as plain dicts of their texts."""

from __future__ import annotations

from annotator.core.models import Attribution


def describe_claims(hl, text: str) -> list[dict]:
    """Each claim the highlighter finds in ``text``: message, source, cue texts,
    attribution and hedging (offsets checked to lie inside the text)."""
    out = []
    for c in hl.highlight(text):
        assert 0 <= c.start < c.end <= len(text)
        out.append({
            "msg": text[c.start:c.end],
            "src": c.source.text(text) if c.source else None,
            "cue": c.cue.text(text) if c.cue else None,
            "attr": c.attribution,
            "hedged": c.hedged,
        })
    return out


def attributed_claims(hl, text: str) -> list[dict]:
    """The claims with a speaker: what SpkAtt scores and most rule stories are about."""
    return [c for c in describe_claims(hl, text) if c["attr"] != Attribution.UNATTRIBUTED]
