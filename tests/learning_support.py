"""Helpers for the learning tests: a small project a team has reviewed."""

from __future__ import annotations

from annotator.core.highlight import load_highlighter
from annotator.core.importer import highlight_project
from annotator.core.models import Annotation, Decision, NewArticle, Span

# Each article: an evidence claim the team keeps, a 'laut' frame it rejects,
# and a claim with a cue the rules do not know, added by hand.
ARTICLE = ("Die Zahlen zeigen, dass die Steuern im Jahr {n} steigen. "
           "Laut Polizei gab es am Morgen {n} Verletzte. "
           "Der Minister postete, die Lage ist ernst.")


def reviewed_project(project, articles: int = 8):
    hl = load_highlighter("blank")
    for n in range(articles):
        project.add_article(NewArticle(text=ARTICLE.format(n=n + 2), title=f"Artikel {n}"))
    highlight_project(project, hl)
    for article_id in project.article_ids():
        text = project.article(article_id).text
        for s in project.suggestions(article_id):
            keep = s.cue is not None and s.cue.text(text) == "zeigen"
            project.save_annotation(Annotation(article_id, "alice", Decision.ACCEPT if keep else Decision.REJECT,
                                               s.start, s.end, source=s.source, cue=s.cue, suggestion_id=s.id))
        cue = text.index("postete")
        project.save_annotation(Annotation(article_id, "alice", Decision.ACCEPT, cue + 9, len(text) - 1,
                                           source=Span(cue - 13, cue - 1), cue=Span(cue, cue + 7)))
    return project
