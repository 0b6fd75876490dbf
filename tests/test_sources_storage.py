"""The registry's pages: a source's claims come a page at a time, each once,
whatever the mix of suggested and reviewed claims."""

from __future__ import annotations

from annotator.core.models import Annotation, ClaimSuggestion, Decision, NewArticle, Span
from annotator.core.sources import actions
from annotator.core.storage import sources as stored


def test_paging_through_a_sources_claims_gives_each_once(project):
    source = actions.create(project, "Wolodymyr Selenskyj", created_by="anna")
    text = "Selenskyj sagte, es reiche. " * 30
    expected = set()
    for n in range(12):
        article_id, _ = project.add_article(NewArticle(text=f"{n} {text}"))
        claims = [ClaimSuggestion(3 + 28 * j, 27 + 28 * j, source=Span(3 + 28 * j, 12 + 28 * j)) for j in range(25)]
        project.set_suggestions(article_id, claims, "test", "1")
        with project.transaction():
            stored.link_suggestions(project.db, article_id, [(s.id, source.id, 0.9, "test")
                                                            for s in project.suggestions(article_id)])
        expected |= {("s", s.id) for s in project.suggestions(article_id)}
        for s in project.suggestions(article_id)[:3]:  # reviewed ones are listed too
            saved = project.save_annotation(Annotation(article_id=article_id, annotator="anna",
                                                       decision=Decision.ACCEPT, start=s.start, end=s.end,
                                                       source=s.source, suggestion_id=s.id))
            actions.link_claim(project, saved.id, "Selenskyj", "anna")
            expected.add(("a", saved.id))
    seen, after, pages = [], None, 0
    while True:
        page = actions.claims_page(project, source.id, after=after, limit=100)
        seen += [("a", c.annotation_id) if c.annotation_id else ("s", c.suggestion_id) for c in page.claims]
        pages += 1
        after = page.after
        if after is None:
            break
    assert len(seen) == len(set(seen)) == len(expected) == 12 * 25 + 12 * 3
    assert set(seen) == expected and pages == 4
    summary = actions.page(project, search="selensk")[0]
    assert (summary.claims, summary.articles) == (len(expected), 12)


def test_a_merge_is_undone_exactly(project):
    from annotator.core.storage.merging import canonical_rows

    text = "Selenskyj sagte, es reiche. Zelenskis Sprecher sagte, es reiche nicht."
    article_id, _ = project.add_article(NewArticle(text=text))
    project.set_suggestions(article_id, [ClaimSuggestion(10, 26), ClaimSuggestion(28, 70)], "test", "1")
    keep = actions.create(project, "Wolodymyr Selenskyj", created_by="anna")
    other = actions.create(project, "Zelenskis", created_by="ben")
    with project.transaction():
        stored.link_suggestions(project.db, article_id, [(s.id, other.id, 0.5, "test")
                                                        for s in project.suggestions(article_id)])
    actions.grade_source(project, other.id, "ben", "C")
    before = canonical_rows(project.db)
    merged, record = actions.merge_undoably(project, "Wolodymyr Selenskyj", "Zelenskis")
    assert actions.find_one(project, "Zelenskis").id == keep.id
    assert actions.page(project, search="wolodymyr")[0].claims == 2
    actions.unmerge(project, record)
    after = canonical_rows(project.db)
    assert {k: v for k, v in after.items() if k != "source_conflicts"} == \
           {k: v for k, v in before.items() if k != "source_conflicts"}
