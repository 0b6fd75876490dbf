"""What an operation changed, as one small record (like Anki's ``OpChanges``).

Every user action and every job is a core operation (see
:mod:`annotator.core.operations`); each returns a :class:`Changes` record
alongside its result. The GUI publishes that record on one signal and every
view decides from it alone whether, and how much, to re-read: the article
view re-reads only when its article is named, the article list recounts only
when the list or the statuses changed, the dashboard only when annotations or
team data did. Records combine with ``|`` (a job that imports and highlights
changes what both do).

Flags are deliberately coarse: a view that is unsure re-reads, which is always
correct; a flag a view does not know about is ignored. Later issues add
``sources``, ``relations`` and ``learned`` (the fields exist, unused today).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    # Articles whose claims (suggestions or annotations) changed, by id.
    articles: frozenset[str] = frozenset()
    # Annotations written (created, edited, deleted), by id.
    annotations: frozenset[str] = frozenset()
    # Some articles changed but the job did not say which: views re-read what they show.
    all_articles: bool = False
    # Articles were added or removed: the article list recounts its rows.
    article_list: bool = False
    # Review statuses or claim counts may have changed beyond ``articles``.
    statuses: bool = False
    # The set of annotators (layers) changed, e.g. annotations were imported.
    annotators: bool = False
    # Assignments, adjudications or merge conflicts changed.
    team: bool = False
    # Reserved for the source registry, cross-article relations and learned suggestions.
    sources: bool = False
    relations: bool = False
    learned: bool = False

    def __or__(self, other: Changes) -> Changes:
        values = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            values[field.name] = mine | theirs
        return Changes(**values)

    @property
    def empty(self) -> bool:
        return self == NOTHING

    def touches(self, article_id: str | None) -> bool:
        """Whether the claims of ``article_id`` may have changed."""
        return article_id is not None and (self.all_articles or article_id in self.articles)

    @property
    def progress(self) -> bool:
        """Whether review progress (counts, statuses) may have changed."""
        return bool(self.articles or self.annotations or self.all_articles
                    or self.article_list or self.statuses)


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An operation's result together with what it changed."""

    result: T
    changes: Changes = NOTHING
