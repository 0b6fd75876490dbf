"""The lead's adjudication from the command line: status, filters, accept agreed, majority."""

from __future__ import annotations

import click

from annotator.cli.common import open_project
from annotator.core.models import Span
from annotator.core.review.fields import excerpt
from annotator.core.team.adjudication import COMPARED, adjudication_progress, claim_groups
from annotator.core.team.settling import (
    PRESENCE,
    curation_counts,
    differing_fields,
    filter_groups,
    rank,
    settle_by_majority,
)
from annotator.core.team.settling import accept_agreed as accept_agreed_groups


@click.command()
@click.option("--article", "article_id", default=None, help="Only this article's claim groups.")
@click.option("--field", type=click.Choice([*COMPARED, PRESENCE]), default=None,
              help="Only groups whose versions differ in this field.")
@click.option("--pair", default=None, help="Only groups where these two annotators differ: A,B.")
@click.option("--agreed", "show", flag_value="agreed", help="List the groups everybody agreed on.")
@click.option("--all", "show", flag_value="all", help="List every group.")
@click.option("--accept-agreed", is_flag=True,
              help="Settle every agreed group (of --article, or the whole project).")
@click.option("--accept-majority", is_flag=True,
              help="Settle every open disagreement with the version most annotators chose.")
@click.option("--limit", type=int, default=None, help="List at most this many groups.")
@click.pass_context
def adjudication(ctx, article_id, field, pair, show, accept_agreed, accept_majority, limit):
    """Where annotators differ, most disagreement first; settle agreed claims.

    Lists the groups to adjudicate (open disagreements and groups "changed
    since adjudicated": settled once, but an annotator's version changed
    since), ranked by disagreement, with the article title and the fields
    that differ. The first lines count settled, open and changed groups and
    the articles per curation status.

    \b
    Examples:
      annotator --db merged.sqlite adjudication --accept-agreed
      annotator --db merged.sqlite adjudication --field reliability --pair anna,ben
    """
    names = tuple(n.strip() for n in pair.split(",")) if pair else None
    if names is not None and len(names) != 2:
        raise click.UsageError("--pair takes two annotator names: A,B")
    with open_project(ctx, create=False) as project:
        settled_now = _settle_in_bulk(project, article_id, accept_agreed, accept_majority)
        groups = claim_groups(project, article_id)
        _print_summary(groups, settled_now)
        wanted = {"agreed": True, "all": None}.get(show or "", False)
        chosen = filter_groups(groups, field=field, pair=names, agreed=wanted)
        if wanted is False:
            chosen = [g for g in chosen if not g.settled]
        articles: dict = {}
        for group in rank(chosen)[:limit]:
            if group.article_id not in articles:
                articles[group.article_id] = project.article(group.article_id)
            article = articles[group.article_id]
            claim = excerpt(article.text, Span(group.start, group.end), 50)
            differs = ",".join(sorted(differing_fields(group))) or "-"
            click.echo(f"{group.status}\t{article.title or article.id[:8]}\t{claim}\t"
                       f"{','.join(sorted(group.versions))}\t{differs}")


def _settle_in_bulk(project, article_id, agreed: bool, by_majority: bool) -> list[str]:
    lines = []
    if agreed:
        lines.append(f"accepted {len(accept_agreed_groups(project, article_id))} agreed claim group(s)")
    if by_majority:
        done = len(settle_by_majority(project, article_id))
        lines.append(f"settled {done} disagreement(s) by majority")
    return lines


def _print_summary(groups, settled_now: list[str]) -> None:
    for line in settled_now:
        click.echo(line)
    disputed = [g for g in groups if g.differs or g.changed]
    progress = adjudication_progress(disputed)
    agreed = sum(g.agreed and not g.settled for g in groups)
    click.echo(f"claim groups: {len(groups)}; disagreements settled: {progress.settled} of "
               f"{progress.total}; changed since adjudicated: {progress.changed}; "
               f"agreed, not yet accepted: {agreed}")
    counts = curation_counts(groups)
    click.echo("articles: " + ", ".join(f"{counts.get(s, 0)} {s}"
                                        for s in ("open", "partly settled", "settled")))
