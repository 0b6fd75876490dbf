"""A highlighter that re-scores its suggestions with a learned model.

``LearnedPipeline`` has the highlighter's interface (``name``, ``version``,
``highlight``, ``pipe``), so ``highlight_project`` and every other caller
use it unchanged.  Its version names the rules, the learned lexicon entries
(see ``learned_rules``) and the re-scorer: every stored suggestion says
which learned model scored it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from annotator.core.learning.apply import rescore

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.highlight import Highlighter
    from annotator.core.learning.corrector import Corrector
    from annotator.core.learning.rescorer import Rescorer
    from annotator.core.models import ClaimSuggestion


class LearnedPipeline:
    """Rules (with learned lexicon entries), the span corrector, the re-scorer."""

    def __init__(self, highlighter: Highlighter, model: Rescorer | None, hide_below: float | None = None,
                 learned_cues: Iterable[str] = (), corrector: Corrector | None = None):
        self.highlighter = highlighter
        self.model = model
        self.hide_below = hide_below
        # suggestions found through a learned cue are never hidden: the team
        # taught that cue, and the model has not seen such suggestions judged
        self.learned_cues = frozenset(learned_cues)
        self.corrector = corrector
        self.name = highlighter.name
        self.version = highlighter.version + "".join(
            f"+{m.version}" for m in (corrector, model) if m is not None)
        self.hidden = 0  # suggestions hidden by the threshold so far

    @property
    def nlp(self):
        return self.highlighter.nlp

    @property
    def plain(self):
        """The highlighter alone when this pipeline adds nothing to it (no
        re-scorer yet), so that worker processes can run it by name; else self."""
        return self.highlighter if self.model is None and self.corrector is None else self

    def _rescore(self, text: str, claims: list[ClaimSuggestion]) -> list[ClaimSuggestion]:
        if self.corrector is not None:  # spans first: the re-scorer judges what is shown
            claims, _ = self.corrector.correct(text, claims)
        result = rescore(text, claims, self.model, self.hide_below, self.learned_cues)
        self.hidden += result.hidden
        return result.suggestions

    def highlight(self, text: str) -> list[ClaimSuggestion]:
        return self._rescore(text, self.highlighter.highlight(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[ClaimSuggestion]]:
        texts = list(texts)
        for text, claims in zip(texts, self.highlighter.pipe(texts, batch_size=batch_size)):
            yield self._rescore(text, claims)

    def __repr__(self) -> str:
        return f"LearnedPipeline(name={self.name!r}, version={self.version!r})"
