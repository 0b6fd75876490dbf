"""The review session: one annotator working through one project.

It knows the open article, its claims and the selected claim. A reviewer's
intention ("accept", "this selection is the source") is one call here: the
session builds the :class:`~annotator.core.commands.AnnotationChange`, runs
the write operation (:mod:`annotator.core.operations.annotate`, one
transaction), updates its claims and the progress tally in memory, and
returns the change (for the undo stack) with the :class:`Changes` record.
The "before" state is the claim's annotation already in memory: it is what
is on disk, so nothing is read twice.
"""

from __future__ import annotations

from annotator.core.changes import Changes, Outcome
from annotator.core.commands import AnnotationChange, change_from
from annotator.core.models import Annotation, Article, Attribution, Decision, Span
from annotator.core.operations.annotate import write_change
from annotator.core.project import Project
from annotator.core.review.claims import (
    Claim,
    ClaimState,
    annotation_claim_key,
    annotation_from_suggestion,
    merge_claims,
)
from annotator.core.review.progress import Progress, tally
from annotator.core.spans import snap

Step = Outcome[AnnotationChange]  # what a reviewer's action returns: the change, for undo

# F cycles the attributed forms; U (or the form "unattributed" in the panel)
# is the way to "unattributed", so the cycle never silently drops a source.
ATTRIBUTION_CYCLE = [form for form in Attribution if form != Attribution.UNATTRIBUTED]
# The form a claim gets when it stops being unattributed (U off, or a source
# set): "reported" claims the least about how the source is quoted, so the
# reviewer only has to correct it when the text says more (F cycles forms).
FORM_WHEN_ATTRIBUTED = Attribution.REPORTED


class ReviewSession:
    def __init__(self, project: Project, annotator: str):
        self.project = project
        self.annotator = annotator
        self.article: Article | None = None
        self.claims: list[Claim] = []
        self.index: int | None = None
        self.project_progress: Progress = project.progress(annotator)

    # -- what is shown ----------------------------------------------------------

    def open_article(self, article_id: str, claim_key: str | None = None) -> None:
        self.article = self.project.article(article_id)
        self.reload(claim_key)

    def reload(self, claim_key: str | None = None, near: int | None = None) -> None:
        """Re-read the claims (after undo/redo or a job changed them). If the
        claim ``claim_key`` is gone (re-highlighting renumbers suggestions),
        select the claim starting nearest to code point ``near``."""
        assert self.article is not None
        article_id = self.article.id
        self.claims = merge_claims(
            self.project.suggestions(article_id),
            self.project.annotations(article_id=article_id, annotator=self.annotator))
        self.index = None
        if not self.select_key(claim_key) and self.claims:
            self.index = 0 if near is None else min(
                range(len(self.claims)), key=lambda n: abs(self.claims[n].span.start - near))

    def recount(self) -> None:
        """Count project progress again (after a job changed unknown articles)."""
        self.project_progress = self.project.progress(self.annotator)

    def reload_after(self, changes: Changes) -> bool:
        """Re-read what ``changes`` (of another operation) touched; True when the
        shown claims were re-read. The selected claim stays, or its neighbour."""
        if changes.progress:
            self.recount()
        if self.article is None or not changes.touches(self.article.id) \
                or not self.project.has_article(self.article.id):
            return False
        current = self.current
        self.reload(current.key if current else None, current.span.start if current else None)
        return True

    def article_progress(self) -> Progress:
        return Progress(self.reviewed_count, len(self.claims))

    @property
    def current(self) -> Claim | None:
        return None if self.index is None else self.claims[self.index]

    @property
    def reviewed_count(self) -> int:
        return sum(1 for claim in self.claims if claim.reviewed)

    def select_key(self, key: str | None) -> bool:
        for number, claim in enumerate(self.claims):
            if key is not None and claim.key == key:
                self.index = number
                return True
        return False

    def step(self, delta: int) -> bool:
        """Select the next (+1) or previous (-1) claim; False at either end."""
        if not self.claims:
            return False
        if self.index is None:
            self.index = 0
            return True
        target = self.index + delta
        if not 0 <= target < len(self.claims):
            return False
        self.index = target
        return True

    def next_unreviewed(self) -> bool:
        """Select the next unreviewed claim after the current one, else the
        first one from the article's start; False when every claim is reviewed."""
        start = -1 if self.index is None else self.index
        order = [*range(start + 1, len(self.claims)), *range(start + 1)]
        for number in order:
            if not self.claims[number].reviewed:
                self.index = number
                return True
        return False

    def claim_at(self, index: int) -> int | None:
        """The innermost claim covering a code point index (the shortest wins)."""
        covering = [(c.span.end - c.span.start, n) for n, c in enumerate(self.claims)
                    if c.span.start <= index < c.span.end]
        return min(covering)[1] if covering else None

    # -- the reviewer's actions: each writes once and returns a Step -------------------------------

    def perform(self, change: AnnotationChange) -> Step:
        """Write ``change`` (one transaction), then show it in the claims.
        Raises sqlite3.Error/OSError/ValueError with nothing changed."""
        stored = write_change(self.project, change).result
        self.applied(change, stored)
        return Outcome(change, self._counted(change, forward=True))

    def replay(self, change: AnnotationChange, forward: bool) -> Changes:
        """Undo (``forward=False``) or redo ``change``; opens its article if another is shown."""
        stored = write_change(self.project, change, forward=forward).result
        changes = self._counted(change, forward)
        if self.article is None or change.article_id != self.article.id:
            self.open_article(change.article_id,
                              annotation_claim_key(stored or change.before or change.after))
        else:
            self.applied(change, stored)
        return changes

    def _counted(self, change: AnnotationChange, forward: bool) -> Changes:
        before, after = (change.before, change.after) if forward else (change.after, change.before)
        tally(self.project_progress, before, after)
        return Changes(articles=frozenset({change.article_id}),
                       annotations=frozenset({change.annotation_id}))

    def edit(self, text: str, **fields) -> Step | None:
        """Change fields of the selected claim. Working on a suggestion accepts it."""
        claim = self.current
        if claim is None or self.article is None:
            return None
        base = claim.annotation
        if base is None:
            assert claim.suggestion is not None  # a claim is a suggestion or an annotation
            base = annotation_from_suggestion(claim.suggestion, self.annotator)
        after = base.evolve(**fields)
        after.validate(len(self.article.text))
        if claim.annotation is not None and after == claim.annotation:
            return None
        return self.perform(change_from(claim.annotation, after, text))

    def accept(self) -> Step | None:
        return self.edit("Accept claim", decision=Decision.ACCEPT)

    def reject(self) -> Step | None:
        return self.edit("Reject claim", decision=Decision.REJECT)

    def snapped(self, span: Span) -> Span:
        """The reviewer's selection widened to whole words (core.spans); one
        across a paragraph break stays as it is and is refused on saving."""
        return span if self.article is None else snap(self.article.text, span)

    def set_claim_span(self, span: Span) -> Step | None:
        span = self.snapped(span)
        return self.edit("Set claim span", start=span.start, end=span.end)

    def set_source(self, span: Span) -> Step | None:
        """A source makes the claim attributed: flag off, form no longer "unattributed"."""
        return self.edit("Set source", source=self.snapped(span), unattributed=False,
                         **self._form_when_attributed())

    def set_cue(self, span: Span) -> Step | None:
        return self.edit("Set cue", cue=self.snapped(span))

    def toggle_unattributed(self) -> Step | None:
        claim = self.current
        if claim is None:
            return None
        # The flag and the form always agree (one change, one undo step).
        if not claim.unattributed:
            return self.edit("Mark unattributed", unattributed=True, source=None,
                             attribution=Attribution.UNATTRIBUTED)
        return self.edit("Mark attributed", unattributed=False, **self._form_when_attributed())

    def _form_when_attributed(self) -> dict:
        claim = self.current
        if claim is not None and claim.attribution == Attribution.UNATTRIBUTED:
            return {"attribution": FORM_WHEN_ATTRIBUTED}
        return {}

    def set_reliability(self, grade: str | None) -> Step | None:
        return self.edit(f"Source reliability {grade or '–'}", reliability=grade)

    def set_credibility(self, grade: int | None) -> Step | None:
        return self.edit(f"Information credibility {grade or '–'}", credibility=grade)

    def set_source_type(self, source_type) -> Step | None:
        return self.edit("Source type", source_type=source_type)

    def set_attribution(self, attribution: Attribution | None) -> Step | None:
        """The form and the unattributed flag agree: "unattributed" is U, any
        other form makes the claim attributed (its source may still be unmarked)."""
        if attribution == Attribution.UNATTRIBUTED:
            return self.edit("Mark unattributed", unattributed=True, source=None,
                             attribution=attribution)
        return self.edit("Attribution form", attribution=attribution, unattributed=False)

    def cycle_attribution(self) -> Step | None:
        claim = self.current
        if claim is None:
            return None
        current = claim.attribution
        position = ATTRIBUTION_CYCLE.index(current) if current in ATTRIBUTION_CYCLE else -1
        return self.set_attribution(ATTRIBUTION_CYCLE[(position + 1) % len(ATTRIBUTION_CYCLE)])

    def toggle_hedged(self) -> Step | None:
        claim = self.current
        return None if claim is None else self.edit("Hedged", hedged=not claim.hedged)

    def set_note(self, note: str) -> Step | None:
        return self.edit("Note", note=note)

    def add_claim(self, span: Span) -> Step | None:
        """A claim the pre-highlighter missed, added by hand (accepted)."""
        if self.article is None or span.end <= span.start:
            return None
        span = self.snapped(span)
        after = Annotation(article_id=self.article.id, annotator=self.annotator,
                           decision=Decision.ACCEPT, start=span.start, end=span.end)
        after.validate(len(self.article.text))
        return self.perform(change_from(None, after, "Add claim"))

    def forget(self) -> Step | None:
        """Drop the selected claim's review (a hand-added claim disappears)."""
        claim = self.current
        if claim is None or claim.annotation is None or claim.annotation.id is None:
            return None
        text = "Delete claim" if claim.state == ClaimState.ADDED else "Clear review"
        return self.perform(AnnotationChange(claim.annotation.id, claim.annotation, None, text))

    # -- after a change was written ---------------------------------------------------

    def applied(self, change: AnnotationChange, stored: Annotation | None,
                select: bool = True) -> None:
        """Update the in-memory claims of the shown article without re-reading it."""
        kept_key = self.current.key if self.current else None
        old_index = self.index or 0
        state = change.after or change.before
        number = self._find(change.annotation_id, state.suggestion_id if state else None)
        if number is not None:
            claim = self.claims[number]
            if stored is None and claim.suggestion is None:
                del self.claims[number]
                kept_key = None if kept_key == claim.key else kept_key
            else:
                claim.annotation = stored
                kept_key = claim.key if select else kept_key
        elif stored is not None:
            claim = Claim(None, stored)
            self.claims.append(claim)
            self.claims.sort(key=lambda c: (c.span.start, c.span.end, c.key))
            kept_key = claim.key if select else kept_key
        self.index = None
        if not self.select_key(kept_key) and self.claims:
            self.index = min(old_index, len(self.claims) - 1)  # the deleted claim's neighbour

    def _find(self, annotation_id: str, suggestion_id: int | None) -> int | None:
        for number, claim in enumerate(self.claims):
            if claim.annotation is not None and claim.annotation.id == annotation_id:
                return number
            if suggestion_id is not None and claim.suggestion is not None \
                    and claim.suggestion.id == suggestion_id:
                return number
        return None
