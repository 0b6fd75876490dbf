"""Why a stored suggestion scored as it did: the reviewer's tooltip.

A suggestion's pipeline version names the re-scorer that scored it
("…+rescorer-1a2b3c4d"); the explainer loads that model once (per
project and version) and lists the features that moved the score most.
Features come from the suggestion and the text only, so the explanation
is the one the model computed when it scored the suggestion.
"""

from __future__ import annotations

import re

from annotator.core.learning.apply import explain_text
from annotator.core.learning.corrector import Corrector, explain_spans
from annotator.core.learning.features import suggestion_features
from annotator.core.learning.rescorer import ModelError, Rescorer
from annotator.core.models import ClaimSuggestion
from annotator.core.storage import learned

_VERSION = re.compile(r"\+(rescorer-[0-9a-f]{8})\b")
_CORRECTOR = re.compile(r"\+(corrector-[0-9a-f]{8})\b")


def model_version(suggestion: ClaimSuggestion) -> str | None:
    """The re-scorer named in the suggestion's pipeline version, if any."""
    m = _VERSION.search(suggestion.pipeline_version or "")
    return m.group(1) if m else None


class Explainer:
    """Tooltips for one project's suggestions (models cached by version)."""

    def __init__(self, project):
        self.project = project
        self._models: dict[str, Rescorer | None] = {}
        self._correctors: dict[str, Corrector | None] = {}

    def _model(self, version: str) -> Rescorer | None:
        if version not in self._models:
            row = learned.model_by_version(self.project.db, version)
            try:
                self._models[version] = None if row is None else Rescorer.from_bytes(row["body"])
            except ModelError:
                self._models[version] = None  # damaged: no reasons, the score stays
        return self._models[version]

    def _corrector(self, version: str) -> Corrector | None:
        if version not in self._correctors:
            row = learned.model_by_version(self.project.db, version, kind="corrector")
            try:
                self._correctors[version] = None if row is None else Corrector.from_bytes(row["body"])
            except ModelError:
                self._correctors[version] = None
        return self._correctors[version]

    def why(self, text: str, suggestion: ClaimSuggestion) -> str | None:
        """'P(keep) 0.83 — cue_lemma=sagen +0.81, …' and what the span
        corrector thinks of its spans, or None when nothing learned touched
        this suggestion."""
        lines = []
        version = model_version(suggestion)
        model = None if version is None else self._model(version)
        if model is not None:
            reasons = explain_text(model.explain(suggestion_features(text, suggestion)))
            lines.append(f"P(keep) {suggestion.score:.2f} ({version}) — {reasons or 'no learned feature'}")
        m = _CORRECTOR.search(suggestion.pipeline_version or "")
        corrector = None if m is None else self._corrector(m.group(1))
        if corrector is not None:
            lines.append(explain_spans(corrector, text, suggestion))
        return "\n".join(lines) or None
