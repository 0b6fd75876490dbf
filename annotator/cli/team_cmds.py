"""Team commands: assign (work packages), merge (databases), agreement."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import ProgressBar, db_path_from, open_project
from annotator.core.database import ProjectError
from annotator.core.project import Project
from annotator.core.team.agreement import measure_agreement
from annotator.core.team.assignments import reassign, unassign
from annotator.core.team.merge import merge_databases
from annotator.core.team.merge_input import MergeError
from annotator.core.team.packages import PackageError, assign_packages


@click.command()
@click.option("--annotators", default=None, help="Comma-separated annotator names.")
@click.option("--overlap", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Fraction of the articles that every annotator gets (for agreement).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the shuffle: the same seed gives the same packages.")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the packages (one NAME.sqlite per annotator).")
@click.option("--reassign", "source", default=None, metavar="FROM",
              help="Move FROM's unfinished articles to the annotators of --to (keeping the overlap).")
@click.option("--to", "targets", default=None, metavar="A,B", help="Who takes over (with --reassign).")
@click.option("--carry-annotations", is_flag=True,
              help="Put the annotator's earlier annotations of the articles into their package.")
@click.option("--prefer-uncertain", is_flag=True,
              help="Hand out first the articles whose open suggestions the learned model is least sure of.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Hand out only N unassigned articles (with --prefer-uncertain: the N most uncertain).")
@click.pass_context
def assign(ctx, annotators, overlap, seed, out_dir, source, targets, carry_annotations, prefer_uncertain,
           limit):
    """Cut one work package (a project database) per annotator.

    Each package holds the annotator's share of the articles plus the
    overlap everyone annotates, with the articles' suggestions. It records
    whom it is for and which project it came from; the lead's project
    records the assignments, for the dashboard. Assigning again never grows
    an assignment: annotators keep the articles they have, and only the
    unassigned articles are shared out among the names given (a newcomer
    gets a share of those). --reassign FROM --to A,B moves FROM's unfinished
    articles to A and B, each to one who does not have it yet.

    \b
    Examples:
      annotator --db lead.sqlite assign --annotators ann1,ann2,ann3 --overlap 0.2 -o packages/
      annotator --db lead.sqlite assign --reassign ann3 --to ann1,ann2 -o packages-2/
      annotator --db lead.sqlite assign --annotators ann1,ann2 --prefer-uncertain --limit 50 -o round-2/
    """
    if (source is None) == (annotators is None) or (source is None) != (targets is None):
        raise click.UsageError("give --annotators, or --reassign FROM with --to A,B")
    if source is not None and (prefer_uncertain or limit is not None):
        raise click.UsageError("--prefer-uncertain and --limit go with --annotators, not --reassign")
    with open_project(ctx, create=False) as project:
        try:
            if source is not None:
                moved = reassign(project, source, _names(targets), Path(out_dir),
                                 carry_annotations=carry_annotations)
                packages = moved.packages
                click.echo(f"{source}: {moved.released} unfinished article(s) taken over")
            else:
                first = _most_uncertain(project) if prefer_uncertain else None
                packages = assign_packages(project, _names(annotators), overlap, Path(out_dir),
                                           seed=seed, carry_annotations=carry_annotations, first=first,
                                           limit=limit)
        except PackageError as error:
            raise click.ClickException(f"{error}\nNo package was written.") from error
    for package in packages:
        click.echo(f"{package.path}\t{package.annotator}\t{package.articles} articles "
                   f"({package.shared} shared)")


def _most_uncertain(project) -> list[str]:
    """Article ids, most uncertain first (as 'annotator uncertain' lists them)."""
    from annotator.core.learning.uncertainty import project_uncertain_articles

    ranked = [article_id for article_id, _, _ in project_uncertain_articles(project)]
    if not ranked:
        raise click.ClickException("--prefer-uncertain: no open suggestion was scored by a learned model; "
                                   "run 'annotator learn' and 'annotator rehighlight' first.\n"
                                   "No package was written.")
    return ranked


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


@click.command("unassign")
@click.argument("annotator_name")
@click.option("--all", "everything", is_flag=True, help="Also the articles they finished.")
@click.pass_context
def unassign_command(ctx, annotator_name, everything):
    """Give an annotator's unfinished articles back (unassigned again, for the next assign).

    \b
    Example:
      annotator --db lead.sqlite unassign ann3
    """
    with open_project(ctx, create=False) as project:
        count = unassign(project, annotator_name, everything=everything)
    click.echo(f"{annotator_name}: {count} article(s) unassigned")


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The merged database to write (a new file).")
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists (never an input).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def merge(inputs, output, overwrite, quiet):
    """Merge annotators' databases into a new one.

    Inputs are opened read-only and never changed. Articles and suggestions
    are deduplicated; every annotation keeps its annotator and the database
    it came from; change logs are carried over. When one annotator edited a
    claim differently in two databases, the newer edit wins and the other
    is kept as a recorded conflict. The result does not depend on the order
    of the inputs, and merging a database in twice changes nothing.

    \b
    Example:
      annotator merge lead.sqlite packages/*.sqlite -o merged.sqlite
    """
    progress = ProgressBar("Merging", enabled=not quiet)
    try:
        summary = merge_databases(inputs, output, overwrite=overwrite, on_progress=progress)
    except MergeError as error:
        raise click.ClickException(f"{error}\nNothing was written.") from error
    finally:
        progress.close()
    for line in summary.lines():
        click.echo(line)


@click.command()
@click.argument("database", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def agreement(ctx, database, output_format):
    """Agreement between annotators on items two or more of them judged.

    Krippendorff's alpha (ordinal: source reliability, information
    credibility; nominal: decision, source type, attribution form), Cohen's
    kappa per annotator pair, weighted kappa (linear and quadratic) for the
    ordinal grades, and span F1 (claims, sources; exact and by overlap),
    overall and per pair, each with the number of items (for span F1:
    articles) it rests on. F and 6 ("cannot be judged") count as no value
    on the ordinal scales, and again as a category of their own
    (reliability_f_as_category, credibility_6_as_category). "-" marks a
    figure that is undefined.

    \b
    Example:
      annotator agreement merged.sqlite --format json > agreement.json
    """
    path = Path(database) if database else db_path_from(ctx)
    try:
        with Project.open(path, create=False) as project:
            report = measure_agreement(project)
    except ProjectError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"annotators: {', '.join(report.annotators) or '(none)'}; "
               f"items judged by two or more: {report.items}")
    click.echo(f"{'scope':<24} {'measure':<28} {'value':>7} {'n':>7}")
    for scope, measure, value, n in report.rows():
        shown = "-" if value is None else f"{value:.3f}"
        click.echo(f"{scope:<24} {measure:<28} {shown:>7} {n:>7}")
