"""Commands that fill and inspect a project: import, articles, info, rehighlight."""

from __future__ import annotations

import click

from annotator.cli.common import ProgressBar, db_path_from, load_highlighter_or_fail, open_project
from annotator.cli.highlight_cmds import parallel_failures, parallel_options
from annotator.cli.learn_cmds import learned_pipeline
from annotator.core.importer import InputError, highlight_project, import_paths
from annotator.core.new_project_file import removed_if_failed
from annotator.core.storage.status import STATUSES
from annotator.core.team.adjudication import claim_groups
from annotator.core.team.assignments import listing_annotator
from annotator.core.team.settling import curation_status


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--skip-invalid", is_flag=True, help="Import the valid rest and list each skipped line.")
@click.option("--no-highlight", is_flag=True, help="Do not run the claim pre-highlighter.")
@click.option("--model", default=None, help="spaCy model for the highlighter (default: automatic).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@parallel_options
@click.pass_context
def import_command(ctx, paths, skip_invalid, no_highlight, model, quiet, workers, dask):
    """Import articles from .txt files, folders of them, .jsonl or .csv.

    \b
    .txt    one article per file (UTF-8; a BOM and CRLF line ends are handled)
    .jsonl  one object per line: "text" required; "id", "title", "outlet",
            "url", "published", "meta" optional
    .csv    a header row with a "text" column; the same optional columns

    Articles already in the project (same normalized text) are counted as
    duplicates and not stored again. The import is one transaction: on bad
    input nothing is imported, unless --skip-invalid.

    \b
    Example:
      annotator --db news.sqlite import seeds/ feed.jsonl
    """
    highlighter = None if no_highlight else load_highlighter_or_fail(model)
    progress = ProgressBar("Importing", enabled=not quiet)
    with removed_if_failed(db_path_from(ctx)), open_project(ctx) as project:
        if highlighter is not None:  # new articles get what 'annotator learn' stored, too
            highlighter = learned_pipeline(project, model)
        try:
            summary = import_paths(project, paths, skip_invalid=skip_invalid,
                                   highlighter=highlighter, on_progress=progress,
                                   workers=workers, dask=dask)
        except InputError as error:
            progress.close()
            raise click.ClickException(f"{error}\nNothing was imported.") from error
        except parallel_failures() as error:
            raise click.ClickException(f"{error}\nNothing was imported.") from error
        finally:
            progress.close()
    for skipped in summary.skipped:
        click.echo(f"skipped: {skipped}", err=True)
    click.echo(f"imported: {summary.imported}, duplicates: {summary.duplicates}, "
               f"skipped: {len(summary.skipped)}")


@click.command()
@click.option("--annotator", "annotator_name", default=None, help="Whose review status to show.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only articles with this status.")
@click.option("--search", default=None, help="Only articles whose title or text contains this.")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@click.option("--curation", is_flag=True,
              help="Add the adjudication status: open, partly settled, settled (- : nothing to settle).")
@click.pass_context
def articles(ctx, annotator_name, status, search, limit, curation):
    """List the project's articles: id, review status, claims reviewed/total, title.

    With --annotator, that annotator's status, and only their assigned
    articles when they have assignments (work packages). Without it, in a
    project with a single annotator, that annotator's status.

    \b
    Example:
      annotator articles --annotator alice --status "in progress"
    """
    with open_project(ctx, create=False) as project:
        annotator_name = listing_annotator(project, annotator_name)
        curated = curation_status(claim_groups(project)) if curation else None
        offset, page = 0, 500
        shown = 0
        while limit is None or shown < limit:
            rows = project.article_summaries(annotator=annotator_name, offset=offset, limit=page,
                                             status=status, search=search)
            if not rows:
                break
            for row in rows[: None if limit is None else limit - shown]:
                line = f"{row.id}\t{row.status}\t{row.claims_reviewed}/{row.claims_total}\t{row.title}"
                click.echo(line if curated is None else f"{line}\t{curated.get(row.id, '-')}")
                shown += 1
            offset += page


@click.command()
@click.pass_context
def info(ctx):
    """Show the database path, schema version, UUID and counts."""
    with open_project(ctx, create=False) as project:
        click.echo(f"database: {db_path_from(ctx)}")
        click.echo(f"uuid: {project.uuid}")
        click.echo(f"schema: {project.schema_version}")
        click.echo(f"articles: {project.count_articles()}")
        click.echo(f"suggestions: {project.count_suggestions()}")
        click.echo(f"annotations: {project.count_annotations()}")
        click.echo(f"annotators: {', '.join(project.annotators()) or '(none)'}")


@click.command()
@click.option("--model", default=None, help="spaCy model for the highlighter (default: automatic).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def rehighlight(ctx, model, quiet):
    """Re-run the pre-highlighter on every article.

    Suggestions are replaced; human annotations, and the suggestions they
    judged, are left as they are. What `annotator learn` stored (re-scorer,
    learned cues and sources) is used, and named in each suggestion's version.
    """
    load_highlighter_or_fail(model)
    progress = ProgressBar("Highlighting", enabled=not quiet)
    with open_project(ctx, create=False) as project:
        highlighter = learned_pipeline(project, model)  # what 'annotator learn' stored, if anything
        try:
            done = highlight_project(project, highlighter, on_progress=progress)
        finally:
            progress.close()
    click.echo(f"highlighted: {done} articles with {highlighter.name} {highlighter.version}")
