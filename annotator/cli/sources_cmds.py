"""``annotator sources``: the source registry from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import open_project
from annotator.core.importer import InputError
from annotator.core.sources import actions
from annotator.core.sources.actions import SourceError
from annotator.core.storage import sources as stored


@click.group("sources")
def sources_group() -> None:
    """The source registry: one entity per source across all articles.

    \b
    Examples:
      annotator sources list --search selensk
      annotator sources show "Wolodymyr Selenskyj"
      annotator sources alias "Wolodymyr Selenskyj" "Zelensky"
      annotator sources merge "Wolodymyr Selenskyj" "Zelenskis"
      annotator sources rename "ukrainischem Geheimdienst" "ukrainischer Geheimdienst"
      annotator sources import known-sources.csv --annotator lead
    """


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


@sources_group.command("list")
@click.option("--search", help="Only sources whose name or an alias contains this text.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def list_sources(ctx, search, offset, limit, as_json):
    """One page of sources by name: type, claims, articles.

    \b
    Example:
      annotator sources list --search geheimdienst --limit 20
    """
    with open_project(ctx, create=False) as project:
        page = stored.summaries(project.db, offset=offset, limit=limit, search=search)
    for s in page:
        if as_json:
            click.echo(json.dumps(s.__dict__, ensure_ascii=False))
        else:
            mark = "" if s.confirmed else "  (proposed)"
            click.echo(f"{s.name}\t{s.source_type or '-'}\t{s.claims} claims\t{s.articles} articles{mark}")


@sources_group.command("show")
@click.argument("name")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="How many of its claims to list.")
@click.pass_context
def show(ctx, name, limit):
    """A source: names, type, note, grades per annotator, its claims.

    \b
    Example:
      annotator sources show Selenskyj
    """
    with open_project(ctx, create=False) as project:
        try:
            detail = actions.show(project, name, limit=limit)
        except SourceError as error:
            raise _fail(error) from None
    s = detail.source
    click.echo(f"{s.name}  [{s.id}]{'' if s.confirmed else '  (proposed by the linker)'}")
    click.echo(f"type: {s.source_type.value if s.source_type else '-'}")
    if s.aliases:
        click.echo(f"aliases: {' | '.join(s.aliases)}")
    if s.external_id:
        click.echo(f"external id: {s.external_id}")
    for line in s.note.splitlines():
        click.echo(f"note: {line}")
    for annotator, grade in detail.current.items():
        history = " ".join(g.reliability for g in detail.history if g.annotator == annotator)
        click.echo(f"grade by {annotator}: {grade}  (history: {history})")
    if detail.distribution:
        click.echo(f"grades of its claims: {actions.distribution_text(detail.distribution)}")
    click.echo(f"claims (first {limit}):")
    for c in detail.claims:
        who = c.annotator or "suggested"
        click.echo(f"  {c.article_id}\t{c.start}-{c.end}\t{who}\t{c.reliability or '-'}")


@sources_group.command("merge")
@click.argument("keep")
@click.argument("other")
@click.pass_context
def merge_sources(ctx, keep, other):
    """Merge OTHER into KEEP: its names become aliases, its claims move.

    \b
    Example:
      annotator sources merge "Wolodymyr Selenskyj" "Zelenskis"
    """
    with open_project(ctx, create=False) as project:
        try:
            source, conflicts = actions.merge(project, keep, other)
        except SourceError as error:
            raise _fail(error) from None
    click.echo(f"merged into {source.name} [{source.id}]")
    for name in conflicts:
        click.echo(f"conflict recorded: the two sources had different {name.replace('_', ' ')}s")


@sources_group.command("alias")
@click.argument("name")
@click.argument("alias")
@click.option("--remove", is_flag=True, help="Split the alias off instead of adding it.")
@click.pass_context
def alias(ctx, name, alias, remove):
    """Add ALIAS to the source NAME (or split it off with --remove).

    \b
    Example:
      annotator sources alias "Kyrylo Budanow" "Budanov"
    """
    with open_project(ctx, create=False) as project:
        try:
            source = (actions.remove_alias if remove else actions.add_alias)(project, name, alias)
        except SourceError as error:
            raise _fail(error) from None
    click.echo(f"{source.name}: {' | '.join(source.aliases) or '(no aliases)'}")


@sources_group.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_context
def rename(ctx, old, new):
    """Give a source a new canonical name (the old one stays an alias).

    \b
    Example:
      annotator sources rename "ukrainischem Geheimdienst" "ukrainischer Geheimdienst"
    """
    with open_project(ctx, create=False) as project:
        try:
            source = actions.rename(project, old, new)
        except SourceError as error:
            raise _fail(error) from None
    click.echo(f"renamed: {source.name} (aliases: {' | '.join(source.aliases)})")


@sources_group.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--annotator", help="Who gives the CSV's grades (needed when it has a grade column).")
@click.pass_context
def import_sources(ctx, csv_file, annotator):
    """Seed the registry from a team's CSV list of known sources.

    Columns: name, aliases (separated by |), type, grade, note, external_id.
    A bad row is reported with file and line and nothing is imported.

    \b
    Example:
      annotator sources import known-sources.csv --annotator lead
    """
    with open_project(ctx, create=False) as project:
        try:
            summary = actions.import_csv(project, Path(csv_file), annotator)
        except InputError as error:
            raise click.ClickException(f"{error}\nNothing was imported.") from None
    click.echo(f"{summary.created} sources created, {summary.updated} updated, {summary.graded} graded")
