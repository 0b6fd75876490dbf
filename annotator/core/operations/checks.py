""""Checked, nothing to mark": an annotator closes an article without claims.

Without it an article in which neither the highlighter nor the reviewer
found a claim would stay "new · 0/0" forever. The check is the annotator's
own (like their annotations) and counts only while the article has no
claims for them (the status rule, ``core/storage/status.py``).
"""

from __future__ import annotations

from annotator.core.changes import Changes, Outcome
from annotator.core.project import Project


class HasClaims(ValueError):
    """The article has claims: they are reviewed, not checked away."""


def check_changes(article_id: str) -> Changes:
    return Changes(articles=frozenset({article_id}), statuses=True)


def set_checked(project: Project, article_id: str, annotator: str,
                checked: bool = True) -> Outcome[bool]:
    """Mark (``checked``) or unmark the article; the result says whether
    anything changed. Refuses (HasClaims, nothing written) to check an
    article that has claims for this annotator: review those instead."""
    if checked:
        claims = project.progress(annotator, article_id).total
        if claims:
            raise HasClaims(f"This article has {claims} claim{'s' * (claims != 1)}: "
                            "review them instead (reject the ones that are not claims)")
    changed = project.set_article_checked(article_id, annotator, checked)
    return Outcome(changed, check_changes(article_id) if changed else Changes())
