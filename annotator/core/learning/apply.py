"""Using a learned model on fresh suggestions, or falling back to the rules.

``load_model`` turns stored bytes into a ``Rescorer`` or, when they are
missing or damaged, into ``None`` plus a warning that says so: the rules'
suggestions are then used as they are, and the caller shows the warning
(CLI: stderr; window: status bar).  A broken model never stops
highlighting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from annotator.core.learning.features import FEATURES_VERSION, suggestion_features
from annotator.core.learning.rescorer import ModelError, Rescorer
from annotator.core.models import Attribution, ClaimSuggestion

log = logging.getLogger(__name__)


@dataclass
class Rescored:
    """Suggestions after re-scoring: the shown ones (score = P(accept)),
    how many were hidden, and the top features of each shown one."""

    suggestions: list[ClaimSuggestion]
    hidden: int = 0
    reasons: list[list[tuple[str, float]]] = field(default_factory=list)


def load_model(data: bytes | None) -> tuple[Rescorer | None, str | None]:
    """(model, None), or (None, warning) when there is no usable model."""
    if data is None:
        return None, "no learned model: the rules' suggestions are used as they are"
    try:
        model = Rescorer.from_bytes(data)
        if model.features_version != FEATURES_VERSION:
            raise ModelError(f"learned model uses features version {model.features_version!r}, "
                             f"this version computes {FEATURES_VERSION!r}")
        return model, None
    except ModelError as exc:
        warning = f"{exc}; the rules' suggestions are used as they are (run 'annotator learn' again)"
        log.warning(warning)
        return None, warning


def rescore(text: str, suggestions: list[ClaimSuggestion], model: Rescorer | None,
            hide_below: float | None = None, keep_cues: frozenset[str] = frozenset()) -> Rescored:
    """Score each suggestion with ``model``; with ``hide_below`` drop those
    under it, except suggestions whose cue is in ``keep_cues`` (learned
    cues: the model has not seen their suggestions judged yet).  Without a
    model the suggestions pass unchanged."""
    if model is None:
        return Rescored(list(suggestions), 0, [[] for _ in suggestions])
    shown, reasons, hidden = [], [], 0
    for s in suggestions:
        feats = suggestion_features(text, s)
        p = model.probability(feats)
        if hide_below is not None and p < hide_below and not _exempt(text, s, keep_cues):
            hidden += 1
            continue
        shown.append(replace(s, score=round(p, 3)))
        reasons.append(model.explain(feats))
    return Rescored(shown, hidden, reasons)


def _exempt(text: str, s: ClaimSuggestion, keep_cues: frozenset[str]) -> bool:
    """Never hidden: suggestions found through a learned cue, and the claim
    finder's (attributed with neither cue nor source): the model has not
    seen such suggestions judged."""
    if s.cue is None:
        return s.source is None and s.attribution != Attribution.UNATTRIBUTED
    return " ".join(s.cue.text(text).lower().split()) in keep_cues


def explain_text(reasons: list[tuple[str, float]]) -> str:
    """A tooltip line: 'cue_lemma=sagen +0.81, hedged -0.40'."""
    return ", ".join(f"{name} {weight:+.2f}" for name, weight in reasons)
