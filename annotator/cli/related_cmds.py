"""Commands for claims across articles: index-claims, related, judge-pair, export-pairs.
Thin: options are parsed here, the work is in annotator.core.corroboration."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import ProgressBar, open_project, split_fractions


@click.command("index-claims")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def index_claims_command(ctx: click.Context, quiet: bool) -> None:
    """Rebuild the index of related claims from the project's claims.

    Import, rehighlight and edits keep it up to date; rebuild after copying
    claims in from outside (or to be sure).

    \b
    Example:
      annotator --db news.sqlite index-claims
    """
    from annotator.core.corroboration.project_claims import build_index

    progress = ProgressBar("Indexing claims", enabled=not quiet)
    with open_project(ctx) as project:
        try:
            total = build_index(project, progress=progress)
        finally:
            progress.close()
    click.echo(f"{total} claims indexed")


def _claim_line(related) -> dict:
    c = related.claim
    return {"article_id": c.article.id, "title": c.article.title, "published": c.article.published,
            "outlet": c.article.outlet, "claim": c.key, "start": c.start, "end": c.end,
            "source": c.source, "text": c.text, "score": related.score,
            "differing": [{"kind": d.kind, "thing": d.thing, "value": d.value, "other_value": d.other_value}
                          for d in related.differences]}


@click.command("related")
@click.argument("article_id")
@click.option("--story", is_flag=True, help="Per claim, the claim and its related claims by published date.")
@click.pass_context
def related_command(ctx: click.Context, article_id: str, story: bool) -> None:
    """Print, for each claim of ARTICLE_ID, the related claims in other
    articles: one JSON object per claim, with differing values.

    \b
    Examples:
      annotator --db news.sqlite related 5f99a2a06878654e...
      annotator --db news.sqlite related 5f99a2a06878654e... --story
    """
    from annotator.core.corroboration import project_claims as pc

    with open_project(ctx, create=False) as project:
        if not project.has_article(article_id):
            raise click.ClickException(f"no article {article_id!r} in {project.path}")
        pc.ensure_built(project)
        for claim in pc.project_claims(project, article_id):
            rows = pc.story(project, claim) if story else pc.related_claims(project, claim)
            click.echo(json.dumps({"claim": claim.key, "text": claim.text, "source": claim.source,
                                   "story" if story else "related": [_claim_line(r) for r in rows]},
                                  ensure_ascii=False))


@click.command("export-pairs")
@click.option("--output", "-o", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The JSONL file; its card (<name>.card.md) and claim-pair.schema.json go beside it.")
@click.option("--split", "split", metavar="SET=FRACTION,...",
              help="Split into sets, e.g. train=0.8,dev=0.1,test=0.1; a pair's articles stay in one set.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.pass_context
def export_pairs_command(ctx: click.Context, out_path: Path, split: str | None, seed: int) -> None:
    """Write the claim-pair dataset: related and judged pairs of claims from
    different articles, their values, sources and the reviewers' labels.

    \b
    Example:
      annotator --db news.sqlite export-pairs -o pairs.jsonl --split train=0.8,dev=0.1,test=0.1
    """
    from annotator.core.corroboration.pairs_export import export_pairs
    from annotator.core.corroboration.project_claims import ensure_built

    fractions = split_fractions(split)
    with open_project(ctx, create=False) as project:
        ensure_built(project)
        try:
            summary = export_pairs(project, out_path, fractions=fractions, seed=seed)
        except OSError as error:
            raise click.ClickException(f"cannot write {out_path}: {error.strerror or error}") from error
    click.echo(f"{summary.pairs} pairs ({summary.labelled} labelled) written to {out_path}")


def _claim_ref(value: str):
    from annotator.core.corroboration.judgements import ClaimRef

    article, _, span = value.rpartition(":")
    start, _, end = span.partition("-")
    if not article or not start.isdigit() or not end.isdigit():
        raise click.BadParameter(f"{value!r}: give ARTICLE_ID:START-END")
    return ClaimRef(article, int(start), int(end))


@click.command("judge-pair")
@click.option("--annotator", required=True, metavar="NAME", help="Whose judgement this is.")
@click.argument("claim")
@click.argument("other")
@click.argument("label", type=click.Choice(["corroborates", "contradicts", "unrelated", "none"]))
@click.pass_context
def judge_pair_command(ctx: click.Context, annotator: str, claim: str, other: str, label: str) -> None:
    """Judge a pair of claims of two articles: LABEL is corroborates,
    contradicts or unrelated (none withdraws the judgement). Claims are
    ARTICLE_ID:START-END, as `related` prints them. Logged like every edit.

    \b
    Example:
      annotator --db news.sqlite judge-pair --annotator anna 5f99...:492-731 1567...:511-692 contradicts
    """
    from annotator.core.corroboration.judgements import judge
    from annotator.core.operations import write_judgement

    a, b = _claim_ref(claim), _claim_ref(other)
    with open_project(ctx, create=False) as project:
        for ref in (a, b):
            if not project.has_article(ref.article_id):
                raise click.ClickException(f"no article {ref.article_id!r} in {project.path}")
        try:
            change = judge(project.db.conn, annotator, a, b, None if label == "none" else label)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
        stored = write_judgement(project, change).result
    click.echo(f"{annotator}: {stored.label if stored else 'no judgement'}")
